/** The deletions of an erasure, loaded with import() only when one happens. */
import { openDatabase } from './database.js';
import type { Erasure } from './erase.js';
import { loadSessionRecords } from './records.js';

const covers = (erasure: Erasure, subject: string) => erasure.subject === undefined || erasure.subject === subject;

/** Deletes the records of an erasure, on the device and in this tab's session. */
export async function deleteErased(erasure: Erasure): Promise<void> {
  (await loadSessionRecords()).removeSessionSubjects((subject) => covers(erasure, subject));
  const db = await openDatabase();
  if (erasure.subject === undefined) await db.clear('records');
  // Every key of the subject lies between [subject] and [subject, []]: an array sorts after every string.
  else await db.delete('records', IDBKeyRange.bound([erasure.subject], [erasure.subject, []]));
}

