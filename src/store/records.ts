import { openDatabase, type RecordKey, type RecordKind, type StoredRecord } from './database.js';
import type { Vault } from './vault.js';

export { STORAGE_MODES, type StorageMode, type Vault } from './vault.js';

/** Where records lie: IndexedDB, or sessionStorage (`session-records.ts`). */
export interface Backend {
  /** The records of a person and kind whose name starts with `prefix` (whatever their lock). */
  list(subject: string, kind: RecordKind, prefix: string): Promise<StoredRecord[]>;
  /** Writes the record unless one under its key was saved later; removes `replaces`. Returns whether it wrote. */
  put(record: StoredRecord, replaces: RecordKey | undefined, durable: boolean): Promise<boolean>;
  /** Removes the records of a person and kind with this name, whatever their lock. */
  remove(subject: string, kind: RecordKind, name: string): Promise<void>;
}

/** The key range of names starting with `prefix` (or equal to it, with `exact`), whatever their lock. */
export const nameRange = (subject: string, kind: RecordKind, prefix: string, exact = false) =>
  // An array sorts after every string, so [… name, []] is above every lock of that name.
  IDBKeyRange.bound([subject, kind, prefix], exact ? [subject, kind, prefix, []] : [subject, kind, `${prefix}\uffff`]);

const deviceRecords: Pick<Backend, 'list'> = {
  async list(subject, kind, prefix) {
    return (await openDatabase()).getAll('records', nameRange(subject, kind, prefix));
  },
};

export const loadSessionRecords = () => import('./session-records.js');
export const loadSeal = () => import('./seal.js');

/** Where the vault's records are read from: none when it keeps nothing. */
async function readerOf(vault: Vault): Promise<Pick<Backend, 'list'> | undefined> {
  if (vault.storage === 'device') return deviceRecords;
  return vault.storage === 'session' ? (await loadSessionRecords()).sessionBackend : undefined;
}

/**
 * Starts what reading the vault will need (opening the database, or loading the session store,
 * and the seal), so that it overlaps other work: an element calls it before reading its content.
 * A failure here is left to the read itself to report.
 */
export function prepareReading(vault: Vault): void {
  const reader = vault.storage === 'device' ? openDatabase() : vault.storage === 'session' ? loadSessionRecords() : undefined;
  reader?.catch(() => undefined);
  if (vault.key) loadSeal().catch(() => undefined);
}

/** The lock of records this vault writes: '' when plain. */
export const lockOf = async (vault: Vault) => (vault.key ? (await loadSeal()).lockOf(vault.key) : '');

export const identityOf = (record: Pick<StoredRecord, 'subject' | 'kind' | 'name'>) => [record.subject, record.kind, record.name];

/** A record as its element reads it. */
export interface OpenRecord<T> {
  readonly name: string;
  readonly savedAt: string;
  readonly data: T;
}

export interface ReadRecords<T> {
  /** The newest record of each name that this vault can open, oldest first. */
  readonly records: OpenRecord<T>[];
  /** How many records of these names this vault cannot open: sealed with another key, or without one. */
  readonly locked: number;
}

/**
 * The person's records of a kind whose names start with `prefix` (exactly `name` with `exact`),
 * leaving out the expired ones. Plain records are read with or without a key; a sealed one only
 * with the key that sealed it, and never deleted or overwritten here: it waits for its key or its expiry.
 */
export async function readRecords<T>(vault: Vault, kind: RecordKind, prefix: string, exact = false, now = new Date()): Promise<ReadRecords<T>> {
  const backend = await readerOf(vault);
  if (!backend) return { records: [], locked: 0 };
  const stored = (await backend.list(vault.subject, kind, prefix)).filter(
    (record) => (!exact || record.name === prefix) && Date.parse(record.expiresAt) > now.getTime(),
  );
  const lock = await lockOf(vault);
  const newest = new Map<string, OpenRecord<T>>();
  let locked = 0;
  for (const record of stored) {
    let data: unknown;
    if (!record.sealed) data = record.data;
    else if (vault.key && record.lock === lock) data = await (await loadSeal()).open(vault.key, identityOf(record), record.sealed).catch(() => undefined);
    if (data === undefined) {
      locked += 1;
      continue;
    }
    const known = newest.get(record.name);
    if (!known || known.savedAt < record.savedAt) newest.set(record.name, { name: record.name, savedAt: record.savedAt, data: data as T });
  }
  return { records: [...newest.values()].sort((a, b) => a.savedAt.localeCompare(b.savedAt)), locked };
}

