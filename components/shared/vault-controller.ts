import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PpEvents, type ErrorDetail } from '../../src/events.js';
import type { Erasure } from '../../src/store/erase.js';
import { STORAGE_MODES, type StorageMode, type Vault } from '../../src/store/vault.js';
import { storageFailure } from './failure.js';

/** What the host sets on an element that keeps records. */
export interface VaultSettings {
  /** The host's opaque id of the person answering (e.g. a hash of its user id). */
  subject?: string;
  /** `device` (default), `session` or `memory`. */
  storage?: string;
  /** A non-extractable AES-GCM key; every record is then encrypted with it. */
  encryptionKey?: CryptoKey;
}

/** The settings' property declarations, for an element's `static properties`. */
export const vaultProperties = { subject: {}, storage: {}, encryptionKey: { attribute: false } } as const;

/** The settings that decide which records an element reads: a change means loading again. */
export const VAULT_SETTINGS = ['subject', 'storage', 'encryptionKey'] as const;

const isSealingKey = (key: CryptoKey) =>
  key instanceof CryptoKey && key.algorithm.name === 'AES-GCM' && key.usages.includes('encrypt') && key.usages.includes('decrypt');

export interface VaultOptions {
  /** Says, for the host, what a storage failure means for this element. */
  readonly unsaved: (reason: string) => string;
  /** Called when the person's records are erased: drop writes still pending. */
  readonly settle: () => Promise<void>;
  /** Called after an erasure, to show the element afresh. */
  readonly restart: () => void;
}

/**
 * The records of one element: whose they are, where they are kept and how they are sealed, from
 * its `subject`, `storage` and `encryptionKey`; storage trouble reported once; and erasures of
 * its person heard, here or in another tab.
 */
export class VaultController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & VaultSettings;
  readonly #options: VaultOptions;
  #stopHearing?: () => void;
  /** Counts connections, so that a listener loaded after the element left is not added. */
  #connections = 0;
  #failureReported = false;
  #settingsReported = '';

  constructor(host: ReactiveControllerHost & HTMLElement & VaultSettings, options: VaultOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const connection = ++this.#connections;
    // Loaded once the element is on the page: nothing is written before then that an erasure would miss.
    import('../../src/store/erase.js').then(
      ({ onErase }) => {
        if (connection === this.#connections) this.#stopHearing = onErase((erasure) => this.#erased(erasure));
      },
      () => undefined,
    );
  }

  hostDisconnected(): void {
    this.#connections += 1;
    this.#stopHearing?.();
    this.#stopHearing = undefined;
  }

  /**
   * The element's vault. Settings that cannot be honoured keep nothing, and the host hears why:
   * storing answers in the clear, or for longer than asked, would be worse than not storing them.
   */
  get vault(): Vault {
    const { subject = '', storage = 'device', encryptionKey } = this.#host;
    const problem = !STORAGE_MODES.includes(storage as StorageMode)
      ? `storage="${storage}" is not ${STORAGE_MODES.join(', ')}`
      : encryptionKey !== undefined && !isSealingKey(encryptionKey)
        ? 'encryptionKey is not an AES-GCM key for encrypt and decrypt'
        : undefined;
    if (!problem) return { subject, storage: storage as StorageMode, key: encryptionKey };
    if (this.#settingsReported !== problem) {
      this.#settingsReported = problem;
      this.#emit({ code: 'storage-setting-invalid', message: `${problem}: nothing is stored.` });
    }
    return { subject, storage: 'memory' };
  }

  /** Reports storage trouble, once per element. */
  reportFailure(error: unknown): void {
    if (this.#failureReported) return;
    this.#failureReported = true;
    this.#emit(storageFailure(error, this.#options.unsaved));
  }

  /** Reports records of this person that the element's key cannot open; they stay until their key returns or they expire. */
  reportLocked(count: number): void {
    if (count === 0) return;
    this.#emit({
      code: 'storage-locked',
      message: `${count} record(s) of this person cannot be opened with ${this.#host.encryptionKey ? 'this' : 'no'} key; they are kept until they expire.`,
    });
  }

  async #erased(erasure: Erasure): Promise<void> {
    if (erasure.subject !== undefined && erasure.subject !== (this.#host.subject ?? '')) return;
    await this.#options.settle();
    // From another tab the records may already be gone; this page's last write may have landed after: erase again.
    await import('../../src/store/erase-records.js')
      .then((records) => records.deleteErased(erasure))
      .catch((error: unknown) => this.reportFailure(error));
    this.#options.restart();
  }

  #emit(detail: ErrorDetail): void {
    this.#host.dispatchEvent(new CustomEvent<ErrorDetail>(PpEvents.error, { detail, bubbles: true, composed: true }));
  }
}
