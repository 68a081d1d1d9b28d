/**
 * Sealing records with the host's AES-GCM key (WebCrypto). Loaded with import() only when an
 * element has a key, so pages without one do not download it.
 */
import type { StoredRecord } from './database.js';

type Sealed = NonNullable<StoredRecord['sealed']>;

/** Plain text is padded to a multiple of this many bytes, so a record's size does not tell how many answers it holds. */
const PADDING = 512;

const encoder = new TextEncoder();
function base64(buffer: ArrayBuffer | Uint8Array): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: one call with a large form's every byte as an argument overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
const bytesOf = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

const locks = new WeakMap<CryptoKey, Promise<string>>();

/**
 * A short check value of the key (the AES-GCM tag of nothing under an all-zero nonce, which no
 * sealed record uses), so a record sealed with another key is known without trying to open it,
 * and is never overwritten by this one.
 */
export function lockOf(key: CryptoKey): Promise<string> {
  let lock = locks.get(key);
  if (!lock) {
    lock = crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(0)).then((tag) => base64(tag.slice(0, 12)));
    locks.set(key, lock);
  }
  return lock;
}

/** The record's identity, bound to its sealed content so that it cannot be moved to another person or name. */
const boundTo = (identity: readonly string[]) => encoder.encode(JSON.stringify(identity));

export async function seal(key: CryptoKey, identity: readonly string[], value: unknown): Promise<Sealed> {
  const json = encoder.encode(JSON.stringify(value));
  // Trailing spaces, which JSON.parse ignores.
  const plain = new Uint8Array(Math.ceil((json.length + 1) / PADDING) * PADDING).fill(0x20);
  plain.set(json);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const text = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: boundTo(identity) }, key, plain);
  return { iv: base64(iv), text: base64(text) };
}

/** The sealed value; rejects when the key is not the one it was sealed with, or the record was altered. */
export async function open(key: CryptoKey, identity: readonly string[], sealed: Sealed): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytesOf(sealed.iv), additionalData: boundTo(identity) }, key, bytesOf(sealed.text));
  return JSON.parse(new TextDecoder().decode(plain));
}
