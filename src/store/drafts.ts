import type { Draft } from './database.js';
import { readRecords } from './records.js';
import { RETENTION_DAYS, defaultDraftKey, type Vault } from './vault.js';

export type { Draft } from './database.js';
export { defaultDraftKey };
export { prepareReading } from './records.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DRAFT_MAX_AGE_DAYS = RETENTION_DAYS.draft;

const isFresh = (draft: Draft, maxAgeDays: number, now: Date) => now.getTime() - Date.parse(draft.updatedAt) <= maxAgeDays * DAY_MS;

/** Reads the person's draft; one older than `maxAgeDays` is deleted, one past its expiry left to the sweep; either is reported as absent. */
export async function loadDraft(vault: Vault, draftKey: string, maxAgeDays = DEFAULT_DRAFT_MAX_AGE_DAYS, now = new Date()): Promise<Draft | undefined> {
  return (await readDraft(vault, draftKey, maxAgeDays, now)).draft;
}

async function readDraft(vault: Vault, draftKey: string, maxAgeDays: number, now: Date): Promise<{ draft?: Draft; locked: number }> {
  const { records, locked } = await readRecords<Draft>(vault, 'draft', draftKey, true, now);
  const draft = records[0]?.data;
  if (draft && !isFresh(draft, maxAgeDays, now)) {
    await (await import('./record-writes.js')).removeRecords(vault, 'draft', draftKey);
    return { locked };
  }
  return { draft, locked };
}


export interface DraftLookup {
  /** The draft to resume: saved for this very version of the instrument. */
  readonly draft?: Draft;
  /** A draft saved for another version (or instrument), which must not be applied: its items or answers may mean something else now. */
  readonly superseded?: Draft;
  /** How many of the person's drafts found here cannot be opened with the element's key (sealed with another, or without one). */
  readonly locked?: number;
}

/**
 * Finds the person's draft to resume under `draftKey` (the default key when absent). With the
 * default key a draft of another version lives under another key, so the newest of those is
 * looked up too: the person is then told why their answers are not there, instead of losing them silently.
 */
export async function lookUpDraft(
  vault: Vault,
  instrument: { readonly id: string; readonly version: string },
  draftKey: string | undefined,
  maxAgeDays = DEFAULT_DRAFT_MAX_AGE_DAYS,
  now = new Date(),
): Promise<DraftLookup> {
  const key = draftKey ?? defaultDraftKey(instrument);
  const { draft, locked } = await readDraft(vault, key, maxAgeDays, now);
  const fits = (d: Draft) => d.instrumentId === instrument.id && d.instrumentVersion === instrument.version;
  const withLocked = (found: DraftLookup): DraftLookup => (locked ? { ...found, locked } : found);
  if (draft) return withLocked(fits(draft) ? { draft } : { superseded: draft });
  if (draftKey !== undefined) return withLocked({});
  const others = (await readRecords<Draft>(vault, 'draft', `${instrument.id}@`, false, now)).records
    .map((record) => record.data)
    .filter((d) => d.instrumentId === instrument.id && !fits(d) && isFresh(d, maxAgeDays, now));
  const newest = others.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return withLocked(newest ? { superseded: newest } : {});
}
