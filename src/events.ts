import type { Answers, AnswerValue, ItemId, TranslationStatus } from './model/instrument.js';
import type { ContentProblem } from './model/content-error.js';
import type { QuestionnaireResponse } from './fhir/questionnaire-response.js';
import type { ScoreObservation } from './fhir/score-observations.js';
import type { LanguageCode } from './model/text.js';
import type { KnowledgeCheckAnswer } from './model/education.js';
import type { RaisedFlag } from './scoring/rules.js';
import type { Scores } from './scoring/score.js';
import type { Progress } from './engine/questionnaire-engine.js';
import type { Draft } from './store/database.js';

/** The public event names. All are `CustomEvent`s that bubble and cross shadow roots. */
export const PpEvents = {
  change: 'pp-change',
  progress: 'pp-progress',
  draftSaved: 'pp-draft-saved',
  submit: 'pp-submit',
  error: 'pp-error',
  languageChange: 'pp-language-change',
  kioskReset: 'pp-kiosk-reset',
  pathwayAction: 'pp-pathway-action',
  educationProgress: 'pp-education-progress',
  educationComplete: 'pp-education-complete',
} as const;

export interface ChangeDetail {
  readonly itemId: ItemId;
  /** undefined when the answer was cleared. */
  readonly value: AnswerValue | undefined;
  /** Answers removed because their items became hidden by this change. */
  readonly cleared: readonly ItemId[];
  readonly answers: Answers;
}

export interface ProgressDetail extends Progress {
  readonly pageIndex: number;
  readonly pageCount: number;
}

export interface KioskResetDetail {
  /** Why the kiosk cleared everything of the last person. */
  readonly reason: 'idle' | 'finished' | 'declined';
}

/** The person opened a questionnaire or education module linked from a pathway step: the host shows it. */
export interface PathwayActionDetail {
  readonly kind: 'instrument' | 'module';
  /** The instrument or module id (the name of its content file without `.json`). */
  readonly id: string;
  /** The step the person opened it from. */
  readonly stepId: string;
}

export interface LanguageChangeDetail {
  readonly language: LanguageCode;
}

export interface DraftSavedDetail {
  readonly draftKey: string;
  readonly savedAt: string;
}

export type ErrorCode =
  /** The content file failed validation (`problems` lists what and where), or broke something while being read. */
  | 'content-invalid'
  /** The content file could not be fetched or is not JSON. */
  | 'content-unreachable'
  /**
   * A FHIR Questionnaire has elements or extensions that are not honoured but leave the form
   * faithful (e.g. an unsupported item control); it is shown without them. `problems` names each
   * with its FHIR path. What would make the form wrong is `content-invalid` instead.
   */
  | 'fhir-unsupported'
  /**
   * An expression (FHIRPath) failed while the form was answered, or reads a launch context the host
   * did not give, or a query it needs could not run (no `fhirQuery`, or it failed): it gives nothing (a calculated answer stays empty, an item it shows or hides
   * stays shown) and is reported once. `problems` names it with its path. An expression that does
   * not parse, or calculations that read each other in a cycle, refuse the form (`content-invalid`).
   */
  | 'expression-failed'
  /** A bring-your-own-text instrument was given no text pack, so it has no wording to show. */
  | 'text-pack-missing'
  /** A text pack does not fit its instrument; `problems` lists what and where. */
  | 'text-pack-invalid'
  /** IndexedDB cannot be used (cannot be opened, blocked by another tab, full); the element keeps working in memory. */
  | 'storage-unavailable'
  /**
   * The database went away while in use (another tab deleted it, or the browser closed it): the
   * element saved its draft again into a new one; other stored data (e.g. unacknowledged results) may be gone.
   */
  | 'storage-reset'
  /**
   * Stored records of this person cannot be opened with the element's `encryptionKey` (they were
   * sealed with another key, or without a key the element has none): the person starts afresh;
   * the records are left untouched until their key returns or they expire.
   */
  | 'storage-locked'
  /** `storage` or `encryptionKey` cannot be honoured; the element stores nothing and keeps its state in memory. */
  | 'storage-setting-invalid'
  /**
   * A saved draft belongs to another version of the instrument and was not applied; the person is
   * told and starts again. `draft` holds it; it stays stored until the person's first answer replaces it.
   */
  | 'draft-version-mismatch'
  /** Texts are missing in the chosen language; the instrument's source language is shown instead. */
  | 'missing-translation'
  /**
   * The instrument has the chosen language, but in a translation status the host does not accept
   * (by default a `draft` of a validated instrument); another language is shown. `fallback` says which and why.
   */
  | 'translation-refused';

export interface ErrorDetail {
  readonly code: ErrorCode;
  readonly message: string;
  readonly problems?: readonly ContentProblem[];
  readonly cause?: unknown;
  /** With `draft-version-mismatch`: the draft set aside (its instrument version, answers by item id, timestamps). */
  readonly draft?: Draft;
  /**
   * With `translation-refused`, and `missing-translation` when the instrument lacks the whole
   * language: the language asked for, the one shown instead, and (when refused) the asked-for
   * language's translation status.
   */
  readonly fallback?: LanguageFallback;
}

export interface LanguageFallback {
  readonly requested: LanguageCode;
  readonly shown: LanguageCode;
  readonly status?: TranslationStatus;
}

/** 2: the response has an identifier, and `observations` carry the scores. */
export const RESULT_SCHEMA_VERSION = 2;

/** What a completed questionnaire yields: the `pp-submit` detail. */
export interface QuestionnaireResult {
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly instrument: {
    readonly id: string;
    readonly version: string;
    readonly language: LanguageCode;
    readonly translationStatus: TranslationStatus;
  };
  readonly answers: Answers;
  /** Per scale; with `previous` scores given, also the change and whether it reaches the MCID. */
  readonly scores: Scores;
  /** Per classification (e.g. STarT Back risk), its class id, or null when a needed scale has no score. */
  readonly classifications: Readonly<Record<string, string | null>>;
  /** Flags raised by the answers (e.g. PHQ-9 item 9 above 0), for the care team to act on first. */
  readonly flags: readonly RaisedFlag[];
  /** Whether any raised flag is urgent: triage this result first. */
  readonly urgent: boolean;
  /** ISO 8601 timestamps: the first answer (or the restored draft's start) and the submit. */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Named by a UUID (`identifier`), kept the same however often the result is delivered. */
  readonly questionnaireResponse: QuestionnaireResponse;
  /** Each scale's score as an R4 Observation derived from the response (see `scoreObservations`); the host adds the subject. */
  readonly observations: readonly ScoreObservation[];
}

/**
 * The `pp-submit` detail: the result, plus how to acknowledge it. Call `waitUntil(promise)` while
 * handling the event; the result stays in the IndexedDB outbox until every such promise resolves,
 * and is emitted again (with `redelivered: true`) on later loads until then.
 */
export interface SubmitDetail extends QuestionnaireResult {
  readonly redelivered: boolean;
  waitUntil(promise: Promise<unknown>): void;
}

/** Where a person is in an education module: the `pp-education-progress` detail. */
export interface EducationProgressDetail {
  readonly module: {
    readonly id: string;
    readonly version: string;
    readonly language: LanguageCode;
    readonly translationStatus: TranslationStatus;
  };
  readonly progressKey: string;
  readonly pageIndex: number;
  readonly pageCount: number;
  /** Ids of the pages the person has opened, in the module's order. */
  readonly pagesSeen: readonly string[];
  /** The option chosen last for each knowledge-check question answered, by question id. */
  readonly answers: Readonly<Record<string, KnowledgeCheckAnswer>>;
  /** Time the module was on screen, over every visit, in milliseconds. */
  readonly timeSpentMs: number;
}

/** The person finished an education module: the `pp-education-complete` detail. */
export interface EducationCompleteDetail extends EducationProgressDetail {
  /** ISO 8601 timestamp. */
  readonly completedAt: string;
}

export interface PpEventMap {
  'pp-change': CustomEvent<ChangeDetail>;
  'pp-progress': CustomEvent<ProgressDetail>;
  'pp-draft-saved': CustomEvent<DraftSavedDetail>;
  'pp-submit': CustomEvent<SubmitDetail>;
  'pp-error': CustomEvent<ErrorDetail>;
  'pp-language-change': CustomEvent<LanguageChangeDetail>;
  'pp-kiosk-reset': CustomEvent<KioskResetDetail>;
  'pp-pathway-action': CustomEvent<PathwayActionDetail>;
  'pp-education-progress': CustomEvent<EducationProgressDetail>;
  'pp-education-complete': CustomEvent<EducationCompleteDetail>;
}
