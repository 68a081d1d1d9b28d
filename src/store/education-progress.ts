import { openDatabase } from './database.js';

/** How far a person got in an education module, as saved in the `progress` store. */
export interface EducationProgressRecord {
  /** The host's `progress-key`; by default the module's id and version. */
  readonly key: string;
  readonly moduleId: string;
  readonly moduleVersion: string;
  /**
   * Pages and questions are saved by id, not position, so progress saved with one version of a
   * module still means the same pages in the next.
   */
  readonly pageId: string;
  readonly pagesSeen: readonly string[];
  /** The chosen option's id by question id. */
  readonly answers: Readonly<Record<string, string>>;
  readonly timeSpentMs: number;
  /** ISO 8601 timestamps. */
  readonly completedAt?: string;
  readonly updatedAt: string;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The store is shared with other record kinds and may hold older shapes: read only what fits. */
function isEducationProgress(value: unknown): value is EducationProgressRecord {
  const record = value as Partial<Record<keyof EducationProgressRecord, unknown>> | undefined;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.moduleId === 'string' &&
    typeof record.pageId === 'string' &&
    isStringList(record.pagesSeen) &&
    typeof record.answers === 'object' &&
    record.answers !== null &&
    Object.values(record.answers).every((v) => typeof v === 'string') &&
    typeof record.timeSpentMs === 'number'
  );
}

export async function loadEducationProgress(key: string): Promise<EducationProgressRecord | undefined> {
  const db = await openDatabase();
  const record: unknown = await db.get('progress', key);
  return isEducationProgress(record) ? record : undefined;
}

/**
 * Writes progress records in the order they are given: each write waits for the one before, so
 * a slow write can never overwrite a newer record.
 */
export class EducationProgressWriter {
  #last: Promise<void> = Promise.resolve();

  readonly #onError: (error: unknown) => void;


  constructor(onError: (error: unknown) => void) {

    this.#onError = onError;

  }

  save(record: EducationProgressRecord): Promise<void> {
    this.#last = this.#last.then(async () => {
      try {
        const db = await openDatabase();
        await db.put('progress', record);
      } catch (error) {
        this.#onError(error);
      }
    });
    return this.#last;
  }

  /** Resolves when every record given to `save` so far is durable (or has failed). */
  flush(): Promise<void> {
    return this.#last;
  }
}

/** Deletes the progress of every key starting with `prefix`, e.g. a finished kiosk session's. */
export async function deleteEducationProgressWithPrefix(prefix: string): Promise<void> {
  const db = await openDatabase();
  await db.delete('progress', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
}
