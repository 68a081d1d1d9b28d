import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Answers } from '../model/instrument.js';
import { RETENTION_DAYS, type RecordKind } from './vault.js';

export { RETENTION_DAYS, type RecordKind };

export const DATABASE_NAME = 'painpath';

export interface Draft {
  readonly draftKey: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly answers: Answers;
  readonly pageIndex: number;
  /** ISO 8601 timestamps. */
  readonly startedAt: string;
  readonly updatedAt: string;
}

/**
 * What a record holds: a draft, an unacknowledged result, education progress, a result kept for a
 * trend chart, or a value set's expansion from the host's terminology server (nobody's data).
 */

/**
 * One stored record. Its key is `[subject, kind, name, lock]`: records of one person (the host's
 * `subject`, '' when none) lie together, so erasing a person is one key range; `lock` tells which
 * key sealed it ('' when plain), so a record sealed with another key is never overwritten.
 */
export interface StoredRecord {
  readonly subject: string;
  readonly kind: RecordKind;
  /** The draft key, result id, progress key or history key. */
  readonly name: string;
  readonly lock: string;
  /** ISO 8601: when it was written, and when it is deleted even if nobody reads it again. */
  readonly savedAt: string;
  readonly expiresAt: string;
  /** The record's content, when plain. */
  readonly data?: unknown;
  /** The record's content, AES-GCM encrypted (base64), when the host gave a key. */
  readonly sealed?: { readonly iv: string; readonly text: string };
}

export type RecordKey = [subject: string, kind: RecordKind, name: string, lock: string];

interface PainpathSchema extends DBSchema {
  records: { key: RecordKey; value: StoredRecord; indexes: { expiresAt: string } };
}

export type PainpathDatabase = IDBPDatabase<PainpathSchema>;

/** Why this page's connection went away: another tab deleted the database, or the browser closed it (e.g. its data was cleared). */
export type ConnectionLoss = 'deleted' | 'terminated';

/** A loss, or `unblocked`: an open that another tab blocked has gone through, so writes that failed can be tried again. */
export type ConnectionChange = ConnectionLoss | 'unblocked';

const watchers = new Set<(change: ConnectionChange) => void>();
const tell = (change: ConnectionChange) => watchers.forEach((watcher) => watcher(change));

/** Calls `watcher` on every change of this page's connection; returns the function that stops it. */
export function watchConnection(watcher: (change: ConnectionChange) => void): () => void {
  watchers.add(watcher);
  return () => void watchers.delete(watcher);
}

/** Version 3: one `records` store keyed by person, replacing the stores of versions 1 and 2. */
const SCHEMA_VERSION = 3;


const DAY_MS = 24 * 60 * 60 * 1000;
export const daysAfter = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

let opening: Promise<PainpathDatabase> | undefined;
/** Set while the open waits for another tab to close an older version of the database. */
let blockedBy: Error | undefined;
/** Callers waiting for the open, to fail at once when it turns out to be blocked. */
const waiting = new Set<(error: Error) => void>();

/**
 * One shared connection per page; a failed open is retried on the next call. An open blocked by
 * another tab fails at once (the page goes on without storage) but stays queued: when that tab
 * lets go, the connection opens and the next call gets it.
 */
export function openDatabase(): Promise<PainpathDatabase> {
  opening ??= connect().then(
    (db) => {
      if (blockedBy) {
        blockedBy = undefined;
        tell('unblocked');
      }
      return db;
    },
    (error: unknown) => {
      opening = undefined;
      blockedBy = undefined;
      throw error;
    },
  );
  if (blockedBy) return Promise.reject(blockedBy);
  const open = opening;
  return new Promise((resolve, reject) => {
    waiting.add(reject);
    open.then(resolve, reject).finally(() => waiting.delete(reject));
  });
}

async function connect(): Promise<PainpathDatabase> {
  const db = await connectAtOurVersion();
  // Once per connection, off the path to showing anything; a failure leaves the records for the next one.
  import('./record-writes.js')
    .then((writes) => writes.deleteExpired(db))
    .catch(() => undefined);
  return db;
}

async function connectAtOurVersion(): Promise<PainpathDatabase> {
  try {
    return await openAt(SCHEMA_VERSION);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'VersionError')) throw error;
    // A newer Painpath (e.g. in another tab) raised the version. Its schema only adds to ours
    // when it keeps our stores, and then this page can go on using it.
    const db = await openAt(undefined);
    if (hasOurStores(db)) return db;
    db.close();
    throw new Error(`the database has a newer schema (version ${db.version}) without the stores this page uses`, { cause: error });
  }
}

const KEY_PATH = ['subject', 'kind', 'name', 'lock'];

/** Whether a database of a newer version still has the store this code uses, in the shape it uses it. */
function hasOurStores(db: PainpathDatabase): boolean {
  if (!db.objectStoreNames.contains('records')) return false;
  const records = db.transaction('records').store;
  return JSON.stringify(records.keyPath) === JSON.stringify(KEY_PATH) && records.indexNames.contains('expiresAt');
}

type AnyTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

/** What versions 1 and 2 kept, per store: the kind of record, and the fields with its name and its time. */
const LEGACY_STORES: Record<string, readonly [RecordKind, string, string]> = {
  drafts: ['draft', 'draftKey', 'updatedAt'],
  outbox: ['result', 'id', 'createdAt'],
  progress: ['progress', 'key', 'updatedAt'],
  history: ['history', 'id', ''],
};

/** Moves what versions 1 and 2 stored into `records`, as plain records of no subject, and drops their stores. */
async function moveLegacyRecords(db: IDBPDatabase<unknown>, transaction: AnyTransaction): Promise<void> {
  const records = transaction.objectStore('records');
  for (const [store, [kind, nameField, timeField]] of Object.entries(LEGACY_STORES)) {
    if (!db.objectStoreNames.contains(store)) continue;
    for (const value of (await transaction.objectStore(store).getAll()) as Record<string, unknown>[]) {
      const savedAt = new Date(Date.parse(String(value[timeField])) || Date.now()).toISOString();
      const record: StoredRecord = { subject: '', kind, name: String(value[nameField]), lock: '', savedAt, expiresAt: daysAfter(savedAt, RETENTION_DAYS[kind]), data: value['result'] ?? value };
      await records.put(record);
    }
    db.deleteObjectStore(store);
  }
}

/** Opens the database at `version` (its current one when undefined). */
function openAt(version: number | undefined): Promise<PainpathDatabase> {
  return openDB<PainpathSchema>(DATABASE_NAME, version, {
    upgrade(db, _oldVersion, _newVersion, transaction) {
      if (db.objectStoreNames.contains('records')) return;
      db.createObjectStore('records', { keyPath: KEY_PATH }).createIndex('expiresAt', 'expiresAt');
      // The drafts and results of an earlier version are the person's: they move, never vanish.
      void moveLegacyRecords(db as unknown as IDBPDatabase<unknown>, transaction as unknown as AnyTransaction);
    },
    blocked() {
      // Another tab holds an older version open and does not let go: waiting would leave the page
      // without its draft until that tab closes, so whoever waits fails now.
      blockedBy = new Error('another tab keeps the database open at an older version');
      waiting.forEach((reject) => reject(blockedBy!));
    },
    blocking(_current, next, event) {
      // Another tab wants a newer schema, or the database is being deleted: step aside at once.
      (event.target as IDBDatabase).close();
      opening = undefined;
      if (next === null) tell('deleted');
    },
    terminated() {
      opening = undefined;
      tell('terminated');
    },
  });
}
