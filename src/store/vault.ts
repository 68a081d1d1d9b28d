/**
 * What an element knows of its storage before it reads or writes anything: the modes, how long
 * each kind of record is kept, the default key of a draft. It stays in an element's first file;
 * the code that reads and writes (IndexedDB, sessionStorage, the seal) loads with import().
 */

export type RecordKind = 'draft' | 'result' | 'progress' | 'history' | 'expansion';

/** How much an element keeps: nothing (memory only), this tab's session (sessionStorage), or the device (IndexedDB). */
export type StorageMode = 'memory' | 'session' | 'device';
export const STORAGE_MODES: readonly StorageMode[] = ['memory', 'session', 'device'];

/** Whose records an element keeps, where, and with which key they are sealed. */
export interface Vault {
  /** The host's opaque id of the person; '' when the host set none. */
  readonly subject: string;
  readonly storage: StorageMode;
  /** An AES-GCM key: every record is then encrypted with it. */
  readonly key?: CryptoKey;
}

/**
 * How long a record is kept when the host sets no limit, in days. Drafts: the two-week recall
 * period of PHQ-9 and GAD-7, after which the answers no longer describe the same weeks. Results
 * the host has not acknowledged: long enough to reach the clinic after an outage, short enough that
 * an uncollected result does not wait on a shared device for the next visit. Education progress:
 * the length of a programme. Trend-chart history: a year of visits. Expansions: refreshed at every
 * start with the server, so a month covers a long outage without keeping outdated terminology.
 */
export const RETENTION_DAYS: Readonly<Record<RecordKind, number>> = { draft: 14, result: 30, progress: 90, history: 365, expansion: 30 };

/** The key a draft is saved under when the host gives none: the instrument's id and version. */
export const defaultDraftKey = (instrument: { readonly id: string; readonly version: string }) => `${instrument.id}@${instrument.version}`;
