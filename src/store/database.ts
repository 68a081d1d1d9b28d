import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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

interface PainpathSchema extends DBSchema {
  drafts: { key: string; value: Draft };
  // Created now so that later stores do not need a schema migration of deployed databases.
  outbox: { key: string; value: OutboxEntry };
  progress: { key: string; value: { key: string } };
}

export type PainpathDatabase = IDBPDatabase<PainpathSchema>;

let opening: Promise<PainpathDatabase> | undefined;

/** One shared connection per page; a failed open is retried on the next call. */
export function openDatabase(): Promise<PainpathDatabase> {
  opening ??= openDB<PainpathSchema>(DATABASE_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'draftKey' });
      db.createObjectStore('outbox', { keyPath: 'id' });
      db.createObjectStore('progress', { keyPath: 'key' });
    },
    blocking(_current, _blocked, event) {
      // Another tab wants a newer schema, or the database is being deleted: step aside at once.
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
    terminated() {
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
