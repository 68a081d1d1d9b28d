import { RETENTION_DAYS } from './database.js';
import { writeRecord } from './record-writes.js';
import { readRecords, type Vault } from './records.js';

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

/** Records may hold older shapes: read only what fits. */
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

/** The person's progress under `key`, and how many records of it cannot be opened with the vault's key. */
export async function loadEducationProgress(vault: Vault, key: string): Promise<{ progress?: EducationProgressRecord; locked: number }> {
  const { records, locked } = await readRecords(vault, 'progress', key, true);
  const progress = records[0]?.data;
  return isEducationProgress(progress) ? { progress, locked } : { locked };
}

/**
 * Writes progress records in the order they are given: each write waits for the one before, so
 * a slow write can never overwrite a newer record.
 */
export class EducationProgressWriter {
  #last: Promise<void> = Promise.resolve();

  readonly #vault: () => Vault;
  readonly #onError: (error: unknown) => void;

  /** `vault` gives the person and storage of the element at the time of each write. */
  constructor(vault: () => Vault, onError: (error: unknown) => void) {
    this.#vault = vault;
    this.#onError = onError;
  }

  save(record: EducationProgressRecord): Promise<void> {
    const vault = this.#vault();
    this.#last = this.#last.then(async () => {
      try {
        await writeRecord(vault, 'progress', record.key, record, { savedAt: record.updatedAt, keepDays: RETENTION_DAYS.progress });
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
