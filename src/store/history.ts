import type { QuestionnaireResult } from '../events.js';
import { RETENTION_DAYS } from './database.js';
import { writeRecord } from './record-writes.js';
import { readRecords, type Vault } from './records.js';

/** What tells results apart: their instrument and finishing time. A result stored twice is kept once. */
export const resultKeyOf = (result: QuestionnaireResult): string => `${result.instrument.id}@${result.finishedAt}`;

/** Keeps a result of the vault's person for their own trend chart. */
export async function addToHistory(vault: Vault, result: QuestionnaireResult): Promise<void> {
  await writeRecord(vault, 'history', resultKeyOf(result), result, { savedAt: new Date().toISOString(), keepDays: RETENTION_DAYS.history });
}

/** The person's kept results of one instrument, oldest first, and how many cannot be opened with the vault's key. */
export async function historyOf(vault: Vault, instrumentId: string): Promise<{ results: QuestionnaireResult[]; locked: number }> {
  const { records, locked } = await readRecords<QuestionnaireResult>(vault, 'history', `${instrumentId}@`);
  const results = records.map((record) => record.data).filter((result) => result.instrument.id === instrumentId);
  return { results: results.sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt)), locked };
}
