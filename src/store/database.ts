import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QuestionnaireResult } from '../events.js';
import type { Answers } from '../model/instrument.js';

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

/** A completed result waiting for the host to acknowledge it (see `src/store/outbox.ts`). */
export interface OutboxEntry {
  readonly id: string;
  readonly createdAt: string;
  /** The `pp-submit` result, as plain data. */
  readonly result: unknown;
}

/** A result kept for the person's own trend chart (`keep-history`; see `src/store/history.ts`). */
export interface HistoryEntry {
  readonly id: string;
  readonly instrumentId: string;
  readonly result: QuestionnaireResult;
}

interface PainpathSchema extends DBSchema {
  drafts: { key: string; value: Draft };
  // Created now so that later stores do not need a schema migration of deployed databases.
  outbox: { key: string; value: OutboxEntry };
  progress: { key: string; value: { key: string } };
  history: { key: string; value: HistoryEntry; indexes: { instrumentId: string } };
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

const SCHEMA_VERSION = 2;

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

/** The stores this code uses, by key path: what a newer schema must keep for this code to use it. */
const KEY_PATHS = { drafts: 'draftKey', outbox: 'id', progress: 'key', history: 'id' } as const;

function hasOurStores(db: PainpathDatabase): boolean {
  const names = Object.keys(KEY_PATHS) as (keyof typeof KEY_PATHS)[];
  if (!names.every((name) => db.objectStoreNames.contains(name))) return false;
  const transaction = db.transaction(names);
  return (
    names.every((name) => transaction.objectStore(name).keyPath === KEY_PATHS[name]) &&
    transaction.objectStore('history').indexNames.contains('instrumentId')
  );
}

/** Opens the database at `version` (its current one when undefined). */
function openAt(version: number | undefined): Promise<PainpathDatabase> {
  return openDB<PainpathSchema>(DATABASE_NAME, version, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'draftKey' });
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('progress', { keyPath: 'key' });
      }
      // Version 2: results kept for trend charts. Added only when missing, so a version-1 database keeps its data.
      if (!db.objectStoreNames.contains('history')) {
        db.createObjectStore('history', { keyPath: 'id' }).createIndex('instrumentId', 'instrumentId');
      }
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
