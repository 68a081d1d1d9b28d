/**
 * Saving and deleting drafts, loaded with import() after the form is shown: it is first needed
 * at the person's first answer.
 */
import { watchConnection, type ConnectionLoss, type Draft } from './database.js';
import { DEFAULT_DRAFT_MAX_AGE_DAYS } from './drafts.js';
import { removeRecords, writeRecord } from './record-writes.js';
import type { Vault } from './records.js';

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
