/**
 * Writing and removing records, loaded with import() when an element first writes: nothing of it
 * is needed to show a form, only to keep what the person does with it.
 */
import { daysAfter, openDatabase, type PainpathDatabase, type RecordKey, type RecordKind, type StoredRecord } from './database.js';
import { identityOf, loadSeal, loadSessionRecords, lockOf, nameRange, type Backend, type Vault } from './records.js';

const deviceWrites: Omit<Backend, 'list'> = {
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
  async remove(subject, kind, name) {
    await (await openDatabase()).delete('records', nameRange(subject, kind, name, true));
  },
};

/** Where the vault's records are written: none when it keeps nothing. */
async function writerOf(vault: Vault): Promise<Omit<Backend, 'list'> | undefined> {
  if (vault.storage === 'device') return deviceWrites;
  return vault.storage === 'session' ? (await loadSessionRecords()).sessionBackend : undefined;
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
  const backend = await writerOf(vault);
  if (!backend) return false;
  const identity = { subject: vault.subject, kind, name };
  const lock = await lockOf(vault);
  const content = vault.key ? { sealed: await (await loadSeal()).seal(vault.key, identityOf(identity), data) } : { data };
  const record: StoredRecord = { ...identity, lock, savedAt: options.savedAt, expiresAt: daysAfter(options.savedAt, options.keepDays), ...content };
  return backend.put(record, lock ? [vault.subject, kind, name, ''] : undefined, options.durable ?? false);
}

/** Removes the person's records of a kind with this name, under every key. */
export async function removeRecords(vault: Vault, kind: RecordKind, name: string): Promise<void> {
  await (await writerOf(vault))?.remove(vault.subject, kind, name);
}

/** Deletes the records past their expiry, whoever they belong to: nobody may come back to read them. */
export async function deleteExpired(db: PainpathDatabase): Promise<void> {
  const transaction = db.transaction('records', 'readwrite');
  // All keys in one request, then deletes in the same transaction: no cursor round trip per record.
  const expired = await transaction.store.index('expiresAt').getAllKeys(IDBKeyRange.upperBound(new Date().toISOString()));
  await Promise.all([...expired.map((key) => transaction.store.delete(key)), transaction.done]);
}
