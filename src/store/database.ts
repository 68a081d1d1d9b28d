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

let opening: Promise<PainpathDatabase> | undefined;

/** One shared connection per page; a failed open is retried on the next call. */
export function openDatabase(): Promise<PainpathDatabase> {
  opening ??= openDB<PainpathSchema>(DATABASE_NAME, 2, {
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
