import type { QuestionnaireResult } from '../events.js';
import { openDatabase } from './database.js';

export type { HistoryEntry } from './database.js';

/** What tells results apart: their instrument and finishing time. A result stored twice is kept once. */
export const resultKeyOf = (result: QuestionnaireResult): string => `${result.instrument.id}@${result.finishedAt}`;

/** Keeps a result in this browser for the person's own trend chart. */
export async function addToHistory(result: QuestionnaireResult): Promise<void> {
  const db = await openDatabase();
  await db.put('history', { id: resultKeyOf(result), instrumentId: result.instrument.id, result });
}

/** The kept results of one instrument, oldest first. */
export async function historyOf(instrumentId: string): Promise<QuestionnaireResult[]> {
  const db = await openDatabase();
  const entries = await db.getAllFromIndex('history', 'instrumentId', instrumentId);
  return entries.map((entry) => entry.result).sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
}

/** Forgets every kept result, e.g. when a kiosk is reset for the next person. */
export async function clearHistory(): Promise<void> {
  const db = await openDatabase();
  await db.clear('history');
}
