/**
 * Handing a finished person's records over, for a kiosk: each person there has a subject of their
 * own for one session, and what they leave that is the clinic's (results not yet acknowledged)
 * goes to the kiosk's subject before the rest is erased.
 */
import { openDatabase } from './database.js';
import { eraseSubject } from './erase.js';
import { copyResults } from './outbox.js';
import { loadSessionRecords, type Vault } from './records.js';

/**
 * Moves the unacknowledged results of `from` to `to`, then erases every record of `from`. They
 * are written before the erasure: a crash in between leaves a copy under both, which the next
 * hand-over writes again under the same id.
 */
export async function handOver(from: Vault, to: Vault): Promise<void> {
  await copyResults(from, to);
  await eraseSubject(from.subject);
}

/** The subjects with records that start with `prefix`, on the device or in this tab's session. */
export async function subjectsStartingWith(storage: Vault['storage'], prefix: string): Promise<string[]> {
  if (storage === 'memory') return [];
  const subjects =
    storage === 'session'
      ? (await loadSessionRecords()).sessionSubjects()
      : (await (await openDatabase()).getAllKeys('records', IDBKeyRange.bound([prefix], [`${prefix}\uffff`]))).map(([subject]) => subject);
  return [...new Set(subjects)].filter((subject) => subject.startsWith(prefix));
}
