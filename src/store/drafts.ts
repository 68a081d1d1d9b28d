import { RETENTION_DAYS, watchConnection, type ConnectionLoss, type Draft } from './database.js';
import { readRecords, removeRecords, writeRecord, type Vault } from './records.js';

export type { Draft } from './database.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DRAFT_MAX_AGE_DAYS = RETENTION_DAYS.draft;

const isFresh = (draft: Draft, maxAgeDays: number, now: Date) => now.getTime() - Date.parse(draft.updatedAt) <= maxAgeDays * DAY_MS;

/** Reads the person's draft; one older than `maxAgeDays` is deleted and reported as absent. */
export async function loadDraft(vault: Vault, draftKey: string, maxAgeDays = DEFAULT_DRAFT_MAX_AGE_DAYS, now = new Date()): Promise<Draft | undefined> {
  return (await readDraft(vault, draftKey, maxAgeDays, now)).draft;
}

async function readDraft(vault: Vault, draftKey: string, maxAgeDays: number, now: Date): Promise<{ draft?: Draft; locked: number }> {
  const { records, locked } = await readRecords<Draft>(vault, 'draft', draftKey, true, now);
  const draft = records[0]?.data;
  if (draft && !isFresh(draft, maxAgeDays, now)) {
    await removeRecords(vault, 'draft', draftKey);
    return { locked };
  }
  return { draft, locked };
}

/** The key a draft is saved under when the host gives none: the instrument's id and version. */
export const defaultDraftKey = (instrument: { readonly id: string; readonly version: string }) => `${instrument.id}@${instrument.version}`;

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

export const deleteDraft = (vault: Vault, draftKey: string): Promise<void> => removeRecords(vault, 'draft', draftKey);

/** What a `DraftWriter` hears from outside, while it listens. */
export interface DraftWriterEvents {
  /** Another writer (another element, tab or frame) saved a draft. */
  savedElsewhere?(draft: Draft): void;
  /** The database went away under the page; the writer has saved its newest draft again. */
  lost?(loss: ConnectionLoss): void;
}

/** Drafts are announced here when saved, so every questionnaire with the same draft follows the latest. */
const DRAFT_CHANNEL = 'painpath-drafts';

interface SavedMessage {
  readonly writer: string;
  readonly subject: string;
  readonly draft: Draft;
}

/**
 * Writes drafts one at a time, coalescing: while a write is in flight only the newest pending
 * draft is kept, so a burst of answers costs few transactions and the last answer is always written.
 * A write never replaces a draft saved later by someone else (another tab): the later one wins.
 */
export class DraftWriter {
  #pending: Draft | undefined;
  #running: Promise<void> | undefined;
  #lastSaved: Draft | undefined;
  /** The newest draft whose write failed, to write again when the database comes back. */
  #lastFailed: Draft | undefined;
  readonly #id = crypto.randomUUID();
  #channel: BroadcastChannel | undefined;
  #stopWatching: (() => void) | undefined;

  readonly #vault: () => Vault;
  readonly #onSaved: (draft: Draft) => void;
  readonly #onError: (error: unknown) => void;
  readonly #events: DraftWriterEvents;

  /** `vault` gives the person and storage of the element at the time of each write. */
  constructor(
    vault: () => Vault,
    onSaved: (draft: Draft) => void,
    onError: (error: unknown) => void,
    events: DraftWriterEvents = {},
  ) {
    this.#vault = vault;
    this.#onSaved = onSaved;
    this.#onError = onError;
    this.#events = events;
  }

  /** How long a written draft is kept, read or not. */
  keepDays = DEFAULT_DRAFT_MAX_AGE_DAYS;

  save(draft: Draft): Promise<void> {
    this.#pending = draft;
    this.#running ??= this.#drain();
    return this.#running;
  }

  /** Resolves when everything given to `save` so far is durable (or has failed). */
  flush(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  /** Drops an unwritten draft and waits for the write in flight, e.g. before deleting the draft. */
  async cancel(): Promise<void> {
    this.#pending = undefined;
    this.#lastSaved = undefined;
    this.#lastFailed = undefined;
    await this.flush();
  }

  /** Starts hearing drafts saved elsewhere and the database going away (see `DraftWriterEvents`), until `stopListening`. */
  listen(): void {
    if (this.#channel) return;
    this.#channel = new BroadcastChannel(DRAFT_CHANNEL);
    this.#channel.onmessage = ({ data }: MessageEvent<SavedMessage>) => {
      // Only the same person's drafts: another person's answers never reach this element, not even in memory.
      if (data.writer === this.#id || data.subject !== this.#vault().subject) return;
      if (this.#pending?.draftKey === data.draft.draftKey && this.#pending.updatedAt < data.draft.updatedAt) this.#pending = undefined;
      this.#events.savedElsewhere?.(data.draft);
    };
    this.#stopWatching = watchConnection((change) => {
      // After a loss, what this page holds is all that is left of the draft: write it into the new database.
      const unwritten = change === 'unblocked' ? this.#lastFailed : (this.#lastFailed ?? this.#lastSaved);
      if (unwritten && !this.#pending) void this.save(unwritten);
      if (change !== 'unblocked') this.#events.lost?.(change);
    });
  }

  stopListening(): void {
    this.#channel?.close();
    this.#channel = undefined;
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending) {
        const draft = this.#pending;
        this.#pending = undefined;
        const vault = this.#vault();
        try {
          // False when the vault keeps nothing, or a draft saved later (another tab's) is there: its writer hears of it on the channel.
          if (!(await writeRecord(vault, 'draft', draft.draftKey, draft, { savedAt: draft.updatedAt, keepDays: this.keepDays }))) continue;
          this.#lastSaved = draft;
          this.#lastFailed = undefined;
          this.#onSaved(draft);
          const sender = new BroadcastChannel(DRAFT_CHANNEL);
          sender.postMessage({ writer: this.#id, subject: vault.subject, draft } satisfies SavedMessage);
          sender.close();
        } catch (error) {
          this.#lastFailed = draft;
          this.#onError(error);
        }
      }
    } finally {
      this.#running = undefined;
    }
  }
}

/** Deletes every draft of the vault's person whose key starts with `prefix`, e.g. all of a kiosk's sessions. */
export const deleteDraftsWithPrefix = (vault: Vault, prefix: string): Promise<void> => removeRecords(vault, 'draft', prefix, true);
