import { daysAfter, openDatabase, type RecordKey, type RecordKind, type StoredRecord } from './database.js';

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

/** Where records lie: IndexedDB, or sessionStorage (`session-records.ts`). */
export interface Backend {
  /** The records of a person and kind whose name starts with `prefix` (whatever their lock). */
  list(subject: string, kind: RecordKind, prefix: string): Promise<StoredRecord[]>;
  /** Writes the record unless one under its key was saved later; removes `replaces`. Returns whether it wrote. */
  put(record: StoredRecord, replaces: RecordKey | undefined, durable: boolean): Promise<boolean>;
  /** Removes the records of a person and kind with this name (every name starting with it, with `prefix`), whatever their lock. */
  remove(subject: string, kind: RecordKind, name: string, prefix: boolean): Promise<void>;
}

/** The key range of names starting with `prefix` (or equal to it, with `exact`), whatever their lock. */
const nameRange = (subject: string, kind: RecordKind, prefix: string, exact = false) =>
  // An array sorts after every string, so [… name, []] is above every lock of that name.
  IDBKeyRange.bound([subject, kind, prefix], exact ? [subject, kind, prefix, []] : [subject, kind, `${prefix}\uffff`]);

const deviceBackend: Backend = {
  async list(subject, kind, prefix) {
    return (await openDatabase()).getAll('records', nameRange(subject, kind, prefix));
  },
  async put(record, replaces, durable) {
    const db = await openDatabase();
    const transaction = db.transaction('records', 'readwrite', { durability: durable ? 'strict' : 'default' });
    const key: RecordKey = [record.subject, record.kind, record.name, record.lock];
    const stored = await transaction.store.get(key);
    const overtaken = stored !== undefined && stored.savedAt > record.savedAt;
    if (!overtaken) {
      void transaction.store.put(record);
      if (replaces) void transaction.store.delete(replaces);
    }
    await transaction.done;
    return !overtaken;
  },
  async remove(subject, kind, name, prefix) {
    await (await openDatabase()).delete('records', nameRange(subject, kind, name, !prefix));
  },
};

export const loadSessionRecords = () => import('./session-records.js');
const loadSeal = () => import('./seal.js');

function backendOf(vault: Vault): Promise<Backend | undefined> {
  if (vault.storage === 'device') return Promise.resolve(deviceBackend);
  return vault.storage === 'session' ? loadSessionRecords().then((module) => module.sessionBackend) : Promise.resolve(undefined);
}

/** The lock of records this vault writes: '' when plain. */
const lockOf = async (vault: Vault) => (vault.key ? (await loadSeal()).lockOf(vault.key) : '');

const identityOf = (record: Pick<StoredRecord, 'subject' | 'kind' | 'name'>) => [record.subject, record.kind, record.name];

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
  const backend = await backendOf(vault);
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

export interface WriteOptions {
  /** ISO 8601; a record under the same name saved later is not replaced. */
  readonly savedAt: string;
  /** Days until the record is deleted, read or not. */
  readonly keepDays: number;
  /** Flushed to disk before the promise resolves (results, which the host is told of next). */
  readonly durable?: boolean;
}

/**
 * Writes a record, sealed when the vault has a key (then a plain record of the same name, from
 * before the host gave a key, goes). Resolves to whether it was written: false when the vault
 * keeps nothing, or a record saved later is already there.
 */
export async function writeRecord(vault: Vault, kind: RecordKind, name: string, data: unknown, options: WriteOptions): Promise<boolean> {
  const backend = await backendOf(vault);
  if (!backend) return false;
  const identity = { subject: vault.subject, kind, name };
  const lock = await lockOf(vault);
  const content = vault.key ? { sealed: await (await loadSeal()).seal(vault.key, identityOf(identity), data) } : { data };
  const record: StoredRecord = { ...identity, lock, savedAt: options.savedAt, expiresAt: daysAfter(options.savedAt, options.keepDays), ...content };
  return backend.put(record, lock ? [vault.subject, kind, name, ''] : undefined, options.durable ?? false);
}

/** Removes the person's records of a kind with this name (or every name starting with it, with `prefix`), under every key. */
export async function removeRecords(vault: Vault, kind: RecordKind, name: string, prefix = false): Promise<void> {
  await (await backendOf(vault))?.remove(vault.subject, kind, name, prefix);
}
