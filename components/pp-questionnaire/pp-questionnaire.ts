import { LitElement, adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { guard } from 'lit/directives/guard.js';
import type { Computations, Layout, QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { PATH_SEPARATOR, type ItemPath } from '../../src/engine/item-path.js';
import { localText, resolveLocale } from '../../src/i18n/locale.js';
import { ContentError } from '../../src/model/content-error.js';
import type { FhirImport, ReferenceCandidate } from '../../src/fhir/from-fhir-questionnaire.js';
import {
  acceptedLanguages,
  childrenOf,
  defaultAcceptedStatuses,
  hasExpressions,
  isContainer,
  type GroupItem,
  sourceLanguageOf,
  type AnswerValue,
  type BodyMapItem,
  type Instrument,
  type Item,
  type ItemId,
  type MultiChoiceItem,
  type NumberItem,
  type QuantityItem,
  type QuestionItem,
} from '../../src/model/instrument.js';
import { own } from '../../src/model/own.js';
import { partsNeeded } from '../../src/model/parts-needed.js';
import type { TextMap } from '../../src/model/text.js';
import type { Scores } from '../../src/scoring/score.js';
import type { Draft, DraftLookup } from '../../src/store/drafts.js';
import type { DraftWriter } from '../../src/store/draft-writer.js';
import { formatNumber } from '../../src/i18n/format-number.js';
import { RETENTION_DAYS, defaultDraftKey, type Vault } from '../../src/store/vault.js';
import type { DeliveryHost } from './delivery.js';
import { VAULT_SETTINGS, VaultController, vaultProperties } from '../shared/vault-controller.js';
import {
  PpEvents,
  type ChangeDetail,
  type DraftSavedDetail,
  type ErrorDetail,
  type ProgressDetail,
  type QuestionnaireResult,
  type SubmitDetail,
} from '../../src/events.js';
import { defineElement } from '../shared/define.js';
import { styleProperties } from '../shared/style-properties.js';
import { contentFailure, failureMessage, failureStyles } from '../shared/failure.js';
import { heading } from '../shared/heading.js';
import { fetchJson } from '../shared/fetch-json.js';
import { inLocale, loadUiLocale, localizedRoot, UI_LOCALES, uiLocaleFor } from '../shared/localize.js';
import { KeyboardModality } from '../shared/keyboard-modality.js';
import { StartFocus } from '../shared/start-focus.js';
import { choiceStyles, headerStyles, navigationStyles } from '../shared/form-styles.js';
import { tokens } from '../shared/tokens.js';
import { focusTargetSelector, itemText, loadAllItemParts, loadItemParts, prefixed, problemMessage, renderQuestion, type ItemContext } from './item-templates.js';
import { styles } from './pp-questionnaire.styles.js';

type Status = 'loading' | 'ready' | 'failed' | 'submitted';
type RulesPart = typeof import('./rules-part.js');

/**
 * The instrument parser: needed only once the content has arrived, so it loads while the content
 * is fetched, with the reader it imports (fetched at once rather than after the parser).
 */
const loadParser = () => Promise.all([import('../../src/model/instrument-parser.js'), import('../../src/model/json-reader.js')]).then(([parser]) => parser);

/** The parts of the parser (and of the scoring) that only some instruments need, as `partsNeeded` names them. */
const PARSER_PARTS = {
  rules: () => import('./rules-part.js'),
  itemFields: () => import('../../src/model/field-items.js'),
  scaleOptions: () => import('../../src/model/parse-scale-options.js'),
  conditions: () => import('../../src/model/parse-conditions.js'),
};
/** FHIR Questionnaires are read by their own part, loaded only for them. */
const loadFhirImporter = () => import('../../src/fhir/from-fhir-questionnaire.js');
const loadTerminology = () => import('../../src/fhir/terminology.js');
/** FHIRPath, with its engine and the R4 model: only for content with expressions. */
const loadExpressions = () => import('../../src/fhir/expressions.js');

/** The FHIR Questionnaire an instrument was imported from, and where its parts came from. */
interface FhirSource {
  readonly questionnaire: unknown;
  readonly fhirPath: (instrumentPath: string) => string;
}

const isFhirQuestionnaire = (json: unknown): boolean => (json as { resourceType?: unknown } | null)?.resourceType === 'Questionnaire';

/** Whether FHIR content has an expression anywhere: every SDC expression is an extension's `valueExpression`. */
const hasValueExpression = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && ('valueExpression' in json || Object.values(json).some(hasValueExpression));

/** The error telling the host a language is shown in place of another: only for content that lacks one. */
const loadTranslationReport = () => import('./translation-report.js');

/** Only hosts that bring their own text download the text-pack checker. */
const loadTextPackChecker = () => import('../../src/model/text-pack.js');

/** Why the element could not show its instrument, as it tells the host. */
class LoadFailure extends Error {
  constructor(readonly detail: ErrorDetail) {
    super(detail.message);
  }
}

/** Fetches the file an attribute names, as a LoadFailure the host can read when it cannot. */
async function fetchContent(url: string | undefined, attribute: string, what: string): Promise<unknown> {
  if (!url) throw new LoadFailure({ code: 'content-unreachable', message: `No ${what} given: set the ${attribute} attribute.` });
  try {
    return await fetchJson(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoadFailure({ code: 'content-unreachable', message: `The ${what} could not be loaded: ${reason}`, cause: error });
  }
}

/**
 * The engine (what is shown, asked and answered): every form needs it before its first paint, a
 * page that has not shown one yet does not. It loads with the parser, in one file (vite.config.ts).
 */
const loadEngine = () => import('../../src/engine/questionnaire-engine.js');

/** Reading drafts, with the storage code under it: loaded as the element starts reading its content. */
const loadDraftReading = () => import('../../src/store/drafts.js');

/** Saving and deleting drafts: first needed at the first answer, so it loads once the form is shown. */
const loadDraftWriter = () => import('../../src/store/draft-writer.js');

/** Results through the outbox: used at submit and to emit results again, after the form is shown. */
const loadDelivery = () => import('./delivery.js');

/** The result with its scoring and FHIR writers: needed only at submit, so it loads after the form is shown. */
const loadResult = () => import('./result.js');

/** Loads a part of the element that only some content needs, as a LoadFailure when it cannot. */
async function importPart<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoadFailure({ code: 'content-unreachable', message: `A part of pp-questionnaire could not be loaded: ${reason}`, cause: error });
  }
}

/** Runs a content check, turning its ContentError into a LoadFailure with the given code. */
function checked<T>(code: 'content-invalid' | 'text-pack-invalid', check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    throw new LoadFailure({ code, message: error.message, problems: error.problems, cause: error });
  }
}

/**
 * A validated questionnaire (PROM) with exact published scoring, drafts saved as the person
 * answers, and a structured result with a FHIR QuestionnaireResponse.
 *
 * @summary Renders a patient-reported outcome measure and emits its scored result.
 * @tag pp-questionnaire
 *
 * @attr src - URL of an instrument JSON file or of a FHIR R4 Questionnaire.
 * @attr lang - Language of the form; otherwise the closest `[lang]` ancestor, then the browser's.
 * @attr draft-key - Key of the saved draft; defaults to the instrument's id and version.
 * @attr layout - `paged` (one question at a time) or `list` (all questions on one page).
 * @attr heading-level - Level of the element's headings (1–6; default 2), to fit the page's outline.
 * @attr draft-max-age-days - Drafts older than this many days are discarded (default 14).
 * @attr result-max-age-days - Results the host has not acknowledged are deleted after this many days (default 30).
 * @attr subject - The host's opaque id of the person answering: drafts and unacknowledged results are theirs alone (see docs/privacy.md).
 * @attr storage - How much is kept: `device` (default; IndexedDB), `session` (this tab's session) or `memory` (nothing).
 * @attr accept-translations - Translation statuses to show (`official verified draft`); when absent, a validated instrument's `official` and `verified` languages and own wording's every language.
 *
 * @event pp-change - An answer was given or cleared. Detail: `ChangeDetail`.
 * @event pp-progress - Answered, required and total questions changed. Detail: `ProgressDetail`.
 * @event pp-draft-saved - The draft is durable in IndexedDB. Detail: `DraftSavedDetail`.
 * @event pp-submit - The person finished; detail is the `QuestionnaireResult` with `waitUntil(promise)` to acknowledge it and `redelivered`.
 * @event pp-error - Bad content or storage trouble. Detail: `ErrorDetail` with a `code`.
 *
 * @csspart form - The form around everything.
 * @csspart title - The instrument's title.
 * @csspart progress - The progress text and bar.
 * @csspart stem - The shared question stem ("Over the last 2 weeks, …").
 * @csspart item - One question (a fieldset).
 * @csspart label - A question's text (the legend).
 * @csspart help - A text shown under a question's text (a FHIR display item under the question).
 * @csspart repeat - One repeat of a repeating group, with its Remove button.
 * @csspart answer - One answer option.
 * @csspart input - A text, number or date field.
 * @csspart unit - The choice of a quantity's unit.
 * @csspart file-button - The button that opens the file picker of an attachment question.
 * @csspart slider - The track of a visual analogue scale.
 * @csspart error - A validation message, or the message shown when the content cannot be used.
 * @csspart navigation - The row of Back / Next / Submit buttons.
 * @csspart done - The thank-you message after submitting.
 * @csspart notice - The licence holder's notice.
 * @csspart flag - The advice shown at once when an answer raises a flag (`flagMessages`).
 * @csspart draft-notice - The message that answers saved for another version of the questionnaire were not kept.
 *
 * @cssprop --pp-font-family - Font of all text.
 * @cssprop --pp-font-size - Base font size (default the larger of 1.125rem and 1.125 × the browser's font size; see docs/theming.md).
 * @cssprop --pp-color-text - Text colour.
 * @cssprop --pp-color-muted - Secondary text colour.
 * @cssprop --pp-color-background - Background colour.
 * @cssprop --pp-color-surface - Background of answer options.
 * @cssprop --pp-color-border - Borders of answer options.
 * @cssprop --pp-color-accent - Buttons, selected answers, progress.
 * @cssprop --pp-color-on-accent - Text on the accent colour.
 * @cssprop --pp-color-selected - Background of the selected answer.
 * @cssprop --pp-color-error - Validation messages.
 * @cssprop --pp-color-focus - Focus outline.
 * @cssprop --pp-radius - Corner radius.
 * @cssprop --pp-space - Base spacing.
 * @cssprop --pp-target-size - Minimum size of touch targets (default 3rem, at least 48px).
 * @cssprop --pp-max-width - Maximum width of the form.
 */
export class PpQuestionnaire extends LitElement {
  static override properties = {
    src: {},
    instrument: { attribute: false },
    valueSets: { attribute: false },
    references: { attribute: false },
    launchContext: { attribute: false },
    fhirQuery: { attribute: false },
    terminologyServer: { attribute: 'terminology-server' },
    canonicalBase: { attribute: 'canonical-base' },
    textPack: { attribute: false },
    textPackUrl: { attribute: 'text-pack' },
    language: { attribute: 'lang' },
    draftKey: { attribute: 'draft-key' },
    acceptTranslations: { attribute: 'accept-translations' },
    layout: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    draftMaxAgeDays: { attribute: 'draft-max-age-days', type: Number },
    resultMaxAgeDays: { attribute: 'result-max-age-days', type: Number },
    ...vaultProperties,
    previous: { attribute: false },
    flagMessages: { attribute: false },
    status: { state: true },
    failure: { state: true },
    shownProblems: { state: true },
    announcement: { state: true },
    supersededDraft: { state: true },
  };

  static override styles = [tokens, headerStyles, navigationStyles, choiceStyles, failureStyles, styles];

  /** Rings a choice reached with arrow keys in WebKit too. */
  protected readonly keyboardModality = new KeyboardModality(this);
  readonly #startFocus = new StartFocus(this, '[data-page-start], [part=done]');

  /** Focuses where reading starts: the current page, once the content is shown. */
  override focus(options?: FocusOptions): void {
    this.#startFocus.focus(options);
  }

  /** URL of an instrument JSON file. */
  src?: string;

  /** An instrument object (raw JSON, already parsed, or a FHIR R4 Questionnaire); takes precedence over `src`. */
  instrument?: unknown;

  /**
   * Value sets a FHIR Questionnaire names by canonical url (e.g. LOINC answer lists), each a FHIR
   * ValueSet with its expansion, keyed by that url.
   */
  valueSets?: Readonly<Record<string, unknown>>;

  /**
   * What a FHIR Questionnaire's `reference` items offer, by resource type (`{ Practitioner: [{
   * reference: 'Practitioner/12', display: 'Dr. Berg' }] }`); without them such items are left out.
   */
  references?: Readonly<Record<string, readonly ReferenceCandidate[]>>;

  /**
   * What a form's expressions read besides the answers, by name, as SDC's launch context: `{
   * patient: { resourceType: 'Patient', … } }` is `%patient` (also `user`, `encounter` and the
   * form's own names). A context the form names and the host does not give is empty, and reported.
   */
  launchContext?: Readonly<Record<string, unknown>>;

  /**
   * Runs a FHIR query a form's variables make (SDC x-fhir-query, e.g. `Observation?subject=Patient/7`)
   * against the host's FHIR server, with the host's credentials, and resolves with the resource it
   * gives. The element contacts no server itself: without it such variables are empty, and reported.
   */
  fhirQuery?: (query: string) => Promise<unknown>;

  /**
   * A FHIR terminology server's base URL: value sets a FHIR Questionnaire names and `valueSets`
   * lacks are expanded there (`ValueSet/$expand`), and each expansion is kept where the element
   * keeps its records, for when the server cannot be reached.
   */
  terminologyServer?: string;

  /**
   * Where the host publishes the exports of Painpath's instruments (`toFhirQuestionnaire`'s `base`,
   * e.g. its FHIR server): each response then names `{base}/Questionnaire/{id}|{version}`. A FHIR
   * Questionnaire given to the element keeps its own `url|version`.
   */
  canonicalBase?: string;

  /**
   * The licensed wording of a bring-your-own-text instrument, or a language to add: one text pack
   * or a list (see docs/instrument-format.md). Takes precedence over `text-pack`.
   */
  textPack?: unknown;

  /** URL of a text pack (or of a JSON list of them). */
  textPackUrl?: string;

  /** Mirrors the `lang` attribute; the native `lang` property keeps working. */
  language?: string;

  draftKey?: string;

  /**
   * Translation statuses the host accepts, e.g. `official` to show only the licence holder's own
   * wording; other languages fall back to the instrument's source language. When absent, a
   * validated instrument is shown only in `official` and `verified` languages (`draft` is the
   * clinic's opt-in: `official verified draft`), own wording in all its languages.
   */
  acceptTranslations?: string;

  layout: Layout = 'paged';

  /** The level of the element's own headings (1–6), to fit the host page's outline; 2 by default. */
  headingLevel = 2;

  draftMaxAgeDays = RETENTION_DAYS.draft;

  resultMaxAgeDays = RETENTION_DAYS.result;

  /** The host's opaque id of the person answering; records of another subject are never shown or emitted here. */
  subject?: string;

  storage?: string;

  /** A non-extractable AES-GCM key (e.g. derived for the logged-in session): every stored record is then encrypted with it. */
  encryptionKey?: CryptoKey;

  /** Scores of an earlier visit; the result then carries each scale's change and whether it reaches the MCID. */
  previous?: Scores;

  /** Advice to show the person at once when a flag is raised, by flag id (e.g. whom to call today). */
  flagMessages: Readonly<Record<string, string>> = {};

  private status: Status = 'loading';
  private failure?: ErrorDetail;
  /** Items whose problems are on screen: after a failed Next or submit, or an entry left invalid. */
  private shownProblems: ReadonlySet<ItemId> = new Set();
  private announcement = '';
  /** A draft of another version found on loading: not applied, and the person is told. */
  private supersededDraft?: Draft;
  #staleDraftKey?: string;

  #engine?: QuestionnaireEngine;
  /** The flags and classifications part, for an instrument that has them. */
  #rules?: RulesPart;
  /** The form was given as a FHIR Questionnaire: its responses name it, not an export at canonicalBase. */
  #fromFhir = false;
  #startedAt?: string;
  /** Text typed into fields that is not a valid answer, so a re-render does not wipe it. */
  readonly #typed = new Map<ItemId, string>();
  /** The fields of questions that take several answers, as typed (see ItemContext.entries). */
  readonly #entries = new Map<ItemPath, readonly string[]>();
  /** Texts of the last render that lacked the shown language (source-language text was shown instead). */
  readonly #textsShownInFallback = new Set<string>();
  /** Requested→shown language pairs already reported as missing translations. */
  readonly #reportedLanguages = new Set<string>();
  /** Answers cleared by changes not yet reported in a pp-change (a slider being dragged, text being typed). */
  #unreportedCleared: ItemId[] = [];
  #loadGeneration = 0;
  /** The latest load of the content; it settles once the form is shown or has failed. */
  #loading: Promise<void> = Promise.resolve();
  /** Set while submit waits for the response writer, so that a second press does not submit twice. */
  #submitting = false;
  /** When the person last changed an answer here (ISO 8601): a draft saved elsewhere before that is older. */
  #lastChangeAt = '';
  readonly #records: VaultController = new VaultController(this, {
    unsaved: (reason) => `Answers cannot be saved in this browser (${reason}); the form keeps working, but a reload will lose them.`,
    settle: () => this.#cancelDraftWrites(),
    restart: () => void this.#load(),
  });
  #writerLoading?: Promise<DraftWriter>;

  /** The draft writer, loaded on first use; it listens to other tabs while the element is on the page. */
  #writer(): Promise<DraftWriter> {
    this.#writerLoading ??= loadDraftWriter().then(
      ({ DraftWriter }) => {
        const writer = new DraftWriter(
          () => this.#records.vault,
          (draft) => this.#emit<DraftSavedDetail>(PpEvents.draftSaved, { draftKey: draft.draftKey, savedAt: draft.updatedAt }),
          (error) => this.#records.reportFailure(error),
          {
            savedElsewhere: (draft) => this.#follow(draft),
            lost: (loss) =>
              this.#emit<ErrorDetail>(PpEvents.error, {
                code: 'storage-reset',
                message: `The database was ${loss === 'deleted' ? 'deleted by another tab' : 'closed by the browser'}; the draft on screen was saved again, other stored data may be gone.`,
              }),
          },
        );
        if (this.isConnected) writer.listen();
        return writer;
      },
      (error: unknown) => {
        // Tried again at the next answer.
        this.#writerLoading = undefined;
        throw error;
      },
    );
    return this.#writerLoading;
  }

  /** Runs `use` with the draft writer; one that cannot be loaded is storage trouble, reported. */
  #withWriter(use: (writer: DraftWriter) => Promise<void> | void): Promise<void> {
    return this.#writer().then(use, (error: unknown) => this.#records.reportFailure(error));
  }

  /** Drops draft writes not yet made, and waits for the one in flight. */
  #cancelDraftWrites(): Promise<void> {
    return this.#writerLoading ? this.#withWriter((writer) => writer.cancel()) : Promise.resolve();
  }

  #deleteDraft(vault: Vault, draftKey: string): void {
    loadDraftWriter()
      .then((drafts) => drafts.deleteDraft(vault, draftKey))
      .catch((error: unknown) => this.#records.reportFailure(error));
  }

  /**
   * Loads every part the element otherwise loads only when an instrument needs it (rarer item
   * types, flags and classifications, scale options, the text-pack checker, the FHIR importer and
   * its terminology client), for a page that must go on working offline, such as a kiosk.
   */
  static async preloadParts(): Promise<void> {
    await Promise.all([loadAllItemParts(), ...Object.values(PARSER_PARTS).map((load) => load()), loadParser(), loadTextPackChecker(), loadTranslationReport(), loadFhirImporter(), loadTerminology(), loadResult(), loadDelivery(), loadDraftReading(), loadDraftWriter(), loadEngine()]);
  }

  /** The engine's current answers; empty until the instrument is loaded. */
  get answers() {
    return this.#engine?.answers ?? {};
  }

  /** Resolves when every answer given so far is durable in IndexedDB (or storage failed). */
  draftSaved(): Promise<void> {
    return this.#writerLoading ? this.#withWriter((writer) => writer.flush()) : Promise.resolve();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#writerLoading?.then((writer) => writer.listen(), () => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#writerLoading?.then((writer) => writer.stopListening(), () => undefined);
  }

  /** Takes over the answers of the same draft saved later elsewhere (another tab, frame or element), keeping this page. */
  #follow(draft: Draft): void {
    const engine = this.#engine;
    if (this.status !== 'ready' || !engine || draft.draftKey !== this.#resolvedDraftKey || draft.updatedAt <= this.#lastChangeAt) return;
    if (draft.instrumentId !== engine.instrument.id || draft.instrumentVersion !== engine.instrument.version) return;
    engine.restore({ answers: draft.answers, pageIndex: engine.pageIndex });
    this.#startedAt ??= draft.startedAt;
    this.#emitProgress();
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sourceChanged = (['src', 'instrument', 'valueSets', 'references', 'launchContext', 'fhirQuery', 'terminologyServer', 'textPack', 'textPackUrl', 'draftKey'] as const).some((key) => changed.has(key));
    const vaultChanged = VAULT_SETTINGS.some((key) => changed.has(key));
    // Another person's results are theirs: after a change of person, this one's are looked for.
    if (vaultChanged && this.hasUpdated) void this.#redeliverOutbox();
    if (sourceChanged || vaultChanged) {
      this.#loading = this.#load();
    } else if (changed.has('layout') && this.#engine) {
      this.#engine = this.#engine.withLayout(this.layout);
    }
  }

  /** The language the host asked for: the element's `lang`, else the closest `[lang]` ancestor's. */
  get #requestedLanguage(): string | undefined {
    return this.language || this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  /** The language the content is shown in: the best one the instrument has that the host accepts. */
  get #locale(): string {
    const instrument = this.#engine?.instrument;
    const wanted = [this.#requestedLanguage, ...navigator.languages];
    if (!instrument) return resolveLocale(wanted, UI_LOCALES, 'en');
    return resolveLocale(wanted, this.#acceptedLanguages(instrument), sourceLanguageOf(instrument));
  }

  #acceptedLanguages(instrument: Instrument): readonly string[] {
    const accepted = this.acceptTranslations?.split(/[\s,]+/).filter(Boolean);
    return acceptedLanguages(instrument, accepted?.length ? accepted : defaultAcceptedStatuses(instrument));
  }

  get #resolvedDraftKey(): string {
    return this.draftKey || defaultDraftKey(this.#engine!.instrument);
  }

  async #load(): Promise<void> {
    const generation = ++this.#loadGeneration;
    const isCurrent = () => generation === this.#loadGeneration;
    this.status = 'loading';
    this.failure = undefined;
    this.shownProblems = new Set();
    this.supersededDraft = undefined;
    this.#staleDraftKey = undefined;
    this.#typed.clear();
    this.#entries.clear();
    // The draft is looked up once the instrument is read; its code loads and the database opens meanwhile.
    const vault = this.#records.vault;
    loadDraftReading().then(({ prepareReading }) => prepareReading(vault), () => undefined);
    const engineLoading = importPart(loadEngine);
    // Awaited below; a failure while the content is read must not leave its failure unhandled.
    engineLoading.catch(() => undefined);
    try {
      const { instrument, rules, fhir } = await this.#loadInstrument();
      const [computations, itemStyles, { QuestionnaireEngine }] = await Promise.all([
        hasExpressions(instrument) ? this.#computations(instrument, fhir) : undefined,
        importPart(() => loadItemParts(instrument)),
        engineLoading,
      ]);
      const partStyles = [...itemStyles, ...(rules?.styles ?? [])];
      if (partStyles.length) adoptStyles(this.renderRoot as ShadowRoot, [...PpQuestionnaire.elementStyles, ...partStyles]);
      if (!isCurrent()) return;
      this.#rules = rules;
      this.#fromFhir = fhir !== undefined;
      // The first settling of the expressions finds calculations that read each other in a cycle.
      this.#engine = checked('content-invalid', () => new QuestionnaireEngine(instrument, this.layout, undefined, computations));
      this.#startedAt = undefined;
      const { draft, superseded } = await this.#readDraft();
      if (!isCurrent()) return;
      if (draft) {
        this.#engine.restore(draft);
        this.#startedAt = draft.startedAt;
      }
      if (superseded) this.#setAside(superseded);
      this.status = 'ready';
      // Fetched now, while surely online; a failure here is tried again at submit.
      Promise.all([loadResult(), loadDelivery(), this.#writer()]).catch(() => undefined);
      this.#emitProgress();
    } catch (error) {
      if (isCurrent()) this.#fail(error instanceof LoadFailure ? error.detail : contentFailure(error));
    }
  }

  /**
   * The instrument with its text packs applied, and the rules part when it has flags or
   * classifications; throws a LoadFailure that says what went wrong.
   */
  async #loadInstrument(): Promise<{ instrument: Instrument; rules?: RulesPart; fhir?: FhirSource }> {
    const parserLoading = importPart(loadParser);
    // Awaited below; a failed fetch must not leave its failure unhandled.
    parserLoading.catch(() => undefined);
    const instrumentJson = this.instrument ?? (await fetchContent(this.src, 'src', 'instrument'));
    if (isFhirQuestionnaire(instrumentJson)) {
      // FHIRPath, the largest part by far, is fetched while the importer reads the form.
      if (hasValueExpression(instrumentJson)) importPart(loadExpressions).catch(() => undefined);
      const { instrument, fhirPath } = await this.#importFhir(instrumentJson);
      return { instrument, fhir: { questionnaire: instrumentJson, fhirPath } };
    }
    // Only instruments with flags or classifications, conditions, items other than choices or
    // scales with options download the parts of the parser (and of the scoring) that read them,
    // at the same time as the parser.
    const needed = partsNeeded(instrumentJson);
    const [{ parseInstrumentWith }, rules, itemFields, scaleOptions, conditions] = await Promise.all([
      parserLoading,
      needed.rules ? importPart(PARSER_PARTS.rules) : undefined,
      needed.itemFields ? importPart(PARSER_PARTS.itemFields) : undefined,
      needed.scaleOptions ? importPart(PARSER_PARTS.scaleOptions) : undefined,
      needed.conditions ? importPart(PARSER_PARTS.conditions) : undefined,
    ]);
    const instrument = checked('content-invalid', () =>
      parseInstrumentWith(instrumentJson, { rules: rules?.parser, itemFields, scaleOptions, conditions }),
    );
    const packJson = this.textPack ?? (this.textPackUrl ? await fetchContent(this.textPackUrl, 'text-pack', 'text pack') : undefined);
    const packs = packJson === undefined ? [] : Array.isArray(packJson) ? packJson : [packJson];
    if (packs.length === 0) {
      if (instrument.meta.licence.kind !== 'bring-your-own-text') return { instrument, rules };
      throw new LoadFailure({
        code: 'text-pack-missing',
        message: `${instrument.id} is a bring-your-own-text instrument: its licence holder's wording must come from a text pack (the textPack property or the text-pack attribute).`,
      });
    }
    const { applyTextPacks, parseTextPack } = await importPart(loadTextPackChecker);
    const packed = applyTextPacks(instrument, packs.map((pack) => checked('text-pack-invalid', () => parseTextPack(pack, instrument))));
    return { instrument: packed, rules };
  }

  /** A FHIR Questionnaire as an instrument; what it has that is not honoured is reported, what would make it wrong refuses it. */
  async #importFhir(json: unknown): Promise<FhirImport> {
    const { fromFhirQuestionnaire, reportedMessage, valueSetsToExpand } = await importPart(loadFhirImporter);
    const toExpand = valueSetsToExpand(json, this.valueSets);
    const { valueSets, unavailable } =
      toExpand.length && this.terminologyServer
        ? await (await importPart(loadTerminology)).expandValueSets(this.terminologyServer, toExpand, this.#records.vault.storage)
        : { valueSets: {}, unavailable: {} };
    const imported = checked('content-invalid', () => fromFhirQuestionnaire(json, { valueSets: { ...valueSets, ...this.valueSets }, references: this.references, unavailable }));
    const problems = imported.reported;
    if (problems.length) this.#emit<ErrorDetail>(PpEvents.error, { code: 'fhir-unsupported', message: reportedMessage(imported), problems });
    return imported;
  }

  /**
   * The expressions of an instrument, compiled by the expression part (FHIRPath), which loads only
   * for such instruments; an expression that does not parse refuses the instrument.
   */
  async #computations(instrument: Instrument, fhir: FhirSource | undefined): Promise<Computations> {
    const { expressionComputations } = await importPart(loadExpressions);
    const computations = checked('content-invalid', () =>
      expressionComputations(instrument, {
        questionnaire: fhir?.questionnaire,
        launchContext: this.launchContext,
        fhirQuery: this.fhirQuery,
        sourcePath: fhir?.fhirPath,
        report: (problem) =>
          this.#emit<ErrorDetail>(PpEvents.error, { code: 'expression-failed', message: `An expression of ${instrument.id} gives nothing: ${problem.path}: ${problem.message}`, problems: [problem] }),
      }),
    );
    await computations.queries;
    return computations;
  }

  #fail(detail: ErrorDetail): void {
    this.#engine = undefined;
    this.failure = detail;
    this.status = 'failed';
    this.#emit(PpEvents.error, detail);
  }

  async #readDraft(): Promise<DraftLookup> {
    try {
      const { lookUpDraft } = await loadDraftReading();
      const lookup = await lookUpDraft(this.#records.vault, this.#engine!.instrument, this.draftKey || undefined, this.draftMaxAgeDays);
      this.#records.reportLocked(lookup.locked ?? 0);
      return lookup;
    } catch (error) {
      this.#records.reportFailure(error);
      return {};
    }
  }

  /**
   * Answers saved for another version are never applied: an item may now ask something else or
   * score its answers differently. The person starts again and is told why; the host gets the draft.
   */
  #setAside(draft: Draft): void {
    const instrument = this.#engine!.instrument;
    this.supersededDraft = draft;
    // The draft stays stored until the person answers this version (in case this version was
    // shown by mistake): then one under the same key is overwritten, one under another key deleted.
    if (draft.draftKey !== this.#resolvedDraftKey) this.#staleDraftKey = draft.draftKey;
    this.#emit<ErrorDetail>(PpEvents.error, {
      code: 'draft-version-mismatch',
      message: `The saved draft "${draft.draftKey}" is for ${draft.instrumentId} ${draft.instrumentVersion}, not ${instrument.id} ${instrument.version}; it was not applied.`,
      draft,
    });
  }

  #saveDraft(): void {
    const engine = this.#engine!;
    if (this.#staleDraftKey) {
      this.#deleteDraft(this.#records.vault, this.#staleDraftKey);
      this.#staleDraftKey = undefined;
    }
    const now = new Date().toISOString();
    this.#startedAt ??= now;
    this.#lastChangeAt = now;
    const draft: Draft = {
      draftKey: this.#resolvedDraftKey,
      instrumentId: engine.instrument.id,
      instrumentVersion: engine.instrument.version,
      ...engine.state,
      startedAt: this.#startedAt,
      updatedAt: now,
    };
    const keepDays = this.draftMaxAgeDays;
    void this.#withWriter((writer) => {
      writer.keepDays = keepDays;
      return writer.save(draft);
    });
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  #emitProgress(): void {
    const engine = this.#engine!;
    this.#emit<ProgressDetail>(PpEvents.progress, { ...engine.progress(), pageIndex: engine.pageIndex, pageCount: engine.pages.length });
  }

  /**
   * Applies a change to the engine and reports it. `report: false` is for values still moving
   * (a slider being dragged, text being typed): they are saved at once but announced as one
   * pp-change when the person lets go.
   */
  #change(item: QuestionItem, apply: (engine: QuestionnaireEngine) => ItemId[], report = true): void {
    const engine = this.#engine!;
    const cleared = apply(engine);
    // What the fields of a hidden question showed goes with its answer.
    for (const path of cleared) this.#entries.delete(path);
    this.#unreportedCleared.push(...cleared);
    const problem = engine.problemOf(item.id);
    const shown = new Set(this.shownProblems);
    if (problem && problem !== 'required') {
      shown.add(item.id);
      if (report) this.announcement = inLocale(uiLocaleFor(this.#locale), () => problemMessage(item, problem, this.#locale, this.#brokenMessages(item.id)));
    } else shown.delete(item.id);
    this.shownProblems = shown;
    this.#saveDraft();
    if (report) {
      const cleared = this.#unreportedCleared;
      this.#unreportedCleared = [];
      this.#emit<ChangeDetail>(PpEvents.change, { itemId: item.id, value: engine.answerOf(item.id), cleared, answers: engine.answers });
    }
    this.#emitProgress();
    this.requestUpdate();
  }

  /** What was typed stays in its field while it is not a valid answer, so that the person can correct it. */
  #keepTyped(path: ItemPath, text: string | undefined): void {
    if (text !== undefined && this.#engine!.problemOf(path)) this.#typed.set(path, text);
    else this.#typed.delete(path);
  }

  readonly #itemHandlers = {
    answer: (item: QuestionItem, value: AnswerValue | undefined, report = true) => {
      this.#change(item, (e) => e.answer(item.id, value), report);
      this.#keepTyped(item.id, typeof value === 'string' ? value : undefined);
    },
    toggle: (item: MultiChoiceItem | BodyMapItem, value: number | string) => this.#change(item, (e) => e.toggle(item.id, value)),
    typeNumber: (item: NumberItem | QuantityItem, text: string, value: number, unit?: string) => {
      const blank = text.trim() === '';
      const answer = item.type !== 'quantity' ? value : unit === undefined ? { value } : { value, unit };
      this.#change(item, (e) => (blank ? e.answer(item.id, undefined) : Number.isNaN(value) ? e.reject(item.id) : e.answer(item.id, answer)));
      this.#keepTyped(item.id, blank ? undefined : text);
    },
    editEntries: (item: QuestionItem, texts: readonly string[], values: readonly (number | string)[] | null | undefined, focus?: number) => {
      this.#entries.set(item.id, texts);
      if (values === null) this.#change(item, (e) => e.reject(item.id));
      else if (values !== undefined) this.#change(item, (e) => e.answer(item.id, values.length ? values : undefined));
      else this.requestUpdate();
      if (focus !== undefined) {
        void this.updateComplete.then(() =>
          this.renderRoot.querySelectorAll<HTMLInputElement>(`[data-item="${CSS.escape(item.id)}"] .entry input`)[focus]?.focus(),
        );
      }
    },
    announce: (message: () => string) => {
      this.announcement = inLocale(uiLocaleFor(this.#locale), message);
    },
  };

  async #goToPage(pageIndex: number): Promise<void> {
    const engine = this.#engine!;
    engine.goTo(pageIndex);
    this.#saveDraft();
    this.#emitProgress();
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-page-start]')?.focus();
  }

  async #onNext(): Promise<void> {
    const engine = this.#engine!;
    if (await this.#showProblems(engine.problems(engine.page).map((p) => p.itemId))) return;
    await this.#goToPage(engine.pageIndex + 1);
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const engine = this.#engine!;
    if (engine.layout === 'paged' && !engine.isLastPage) return this.#onNext();
    if (this.#submitting || (await this.#showProblems(engine.problems().map((p) => p.itemId)))) return;
    this.#submitting = true;
    let result: QuestionnaireResult;
    let delivery: Awaited<ReturnType<typeof loadDelivery>>;
    try {
      const [{ questionnaireResult }, loadedDelivery] = await Promise.all([importPart(loadResult), importPart(loadDelivery)]);
      result = questionnaireResult({
        engine,
        rules: this.#rules,
        language: this.#locale,
        previous: this.previous,
        canonicalBase: this.#fromFhir ? undefined : this.canonicalBase,
        startedAt: this.#startedAt,
      });
      delivery = loadedDelivery;
    } catch (error) {
      // The form stays as it is, answers and draft included, for another try.
      this.#emit(PpEvents.error, (error as LoadFailure).detail);
      return;
    } finally {
      this.#submitting = false;
    }
    this.status = 'submitted';
    // Focus moves to the thanks at once: the button that had it is gone, and storage may be slow.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="done"]')?.focus();
    await this.#cancelDraftWrites();
    const vault = this.#records.vault;
    await delivery.deliver(this.#deliveryHost(vault), result, this.resultMaxAgeDays, () => this.#deleteDraft(vault, this.#resolvedDraftKey));
  }

  #deliveryHost(vault = this.#records.vault): DeliveryHost {
    return {
      vault,
      emit: (detail) => this.#emit<SubmitDetail>(PpEvents.submit, detail),
      reportFailure: (error) => this.#records.reportFailure(error),
      reportLocked: (count) => this.#records.reportLocked(count),
    };
  }

  /** Emits, once per page, the results of this element's person that the host has not acknowledged on earlier loads. */
  #redeliverOutbox(): void {
    importPart(loadDelivery).then(
      (delivery) => delivery.redeliver(this.#deliveryHost()),
      (error: unknown) => this.#records.reportFailure(error),
    );
  }

  protected override firstUpdated(): void {
    // After the form is shown (or has failed): results waiting from earlier visits are not needed for it.
    void this.#loading.then(() => this.#redeliverOutbox());
  }

  /** Shows the problems and moves focus to the first; returns whether there were any. */
  async #showProblems(itemIds: readonly ItemId[]): Promise<boolean> {
    if (itemIds.length === 0) return false;
    const engine = this.#engine!;
    this.shownProblems = new Set(itemIds);
    const first = itemIds[0]!;
    if (engine.layout === 'paged') engine.goTo(engine.pageOf(first));
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focusTargetSelector(first))?.focus();
    return true;
  }

  /** Waits for the strings of the language about to be shown, so no update flashes English. */
  protected override async scheduleUpdate(): Promise<void> {
    await loadUiLocale(uiLocaleFor(this.#locale));
    super.scheduleUpdate();
  }

  protected override render(): TemplateResult {
    const lang = this.#locale;
    this.#textsShownInFallback.clear();
    return localizedRoot(lang, () => this.#renderBody(lang));
  }

  protected override updated(): void {
    if (this.status === 'ready') this.#reportMissingTranslation();
  }

  /**
   * Tells the host, once per language, when the language it asked for is missing from the
   * instrument or refused (its translation status is not accepted), or when texts lack it: those
   * are shown in another language.
   */
  #reportMissingTranslation(): void {
    const instrument = this.#engine!.instrument;
    const requested = this.#requestedLanguage;
    const shown = this.#locale;
    const key = `${requested}>${shown}`;
    if (this.#reportedLanguages.has(key)) return;
    const lacksLanguage = requested !== undefined && resolveLocale([requested], this.#acceptedLanguages(instrument), '') === '';
    if (!lacksLanguage && this.#textsShownInFallback.size === 0) return;
    this.#reportedLanguages.add(key);
    const fallback = { instrument, requested, shown, lacksLanguage, acceptTranslations: this.acceptTranslations, textsInFallback: [...this.#textsShownInFallback] };
    importPart(loadTranslationReport).then(
      (report) => this.#emit(PpEvents.error, report.translationFallbackError(fallback)),
      (failure: LoadFailure) => this.#emit(PpEvents.error, failure.detail),
    );
  }

  #renderBody(lang: string): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="loading" role="status">${msg('Loading the questionnaire…')}</p>`;
      case 'failed':
        return failureMessage(msg('This questionnaire cannot be shown right now.'), this.failure);
      case 'submitted':
        return html`<div part="done" class="done" role="status" tabindex="-1">
          ${heading(this.headingLevel, msg('Thank you'))}
          <p>${msg('You have answered all the questions.')}</p>
        </div>`;
      case 'ready':
        return this.#renderForm(this.#engine!, lang);
    }
  }


  #renderForm(engine: QuestionnaireEngine, lang: string): TemplateResult {
    const { instrument } = engine;
    const text = (map: TextMap) => {
      const shown = localText(map, lang, sourceLanguageOf(instrument));
      if (own(map, lang) === undefined) this.#textsShownInFallback.add(shown);
      return shown;
    };
    const page = engine.page;
    const paged = engine.layout === 'paged';
    const advice = this.#rules?.flagAdvice(engine, lang, this, this.flagMessages) ?? new Map<ItemId | null, string[]>();
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${instrument.title ? heading(this.headingLevel, text(instrument.title), 'title') : nothing}
      ${this.#renderProgress(engine, lang)}
      ${this.supersededDraft
        ? html`<p part="draft-notice" class="draft-notice" role="status">
            ${msg('This questionnaire has been updated since you started it, so your earlier answers could not be kept. Please answer the questions again.')}
          </p>`
        : nothing}
      ${instrument.instructions ? html`<p class="instructions">${text(instrument.instructions)}</p>` : nothing}
      ${this.#rules?.renderAdvice(advice.get(null))}
      <div
        class="page"
        data-page-start
        tabindex="-1"
        role="group"
        aria-label=${paged ? this.#pageLabel(engine, lang) : text(instrument.title ?? instrument.meta.name)}
        aria-describedby=${page.context ? 'page-stem' : nothing}
      >
        ${page.context ? html`<p part="stem" class="stem" id="page-stem">${text(page.context)}</p>` : nothing}
        ${
          // In the list layout every item keeps its place, a hidden one rendering nothing: Lit matches
          // templates by place, so an item shown or hidden would otherwise rebuild every one after it.
          (paged ? page.items : instrument.items).map((item) => this.#renderItem(item, '', text, advice))
        }
      </div>
      <div part="navigation" class="navigation">
        ${paged && engine.pageIndex > 0
          ? html`<button type="button" class="secondary" @click=${() => this.#goToPage(engine.pageIndex - 1)}>${msg('Back', { desc: 'Button: go to the previous question' })}</button>`
          : nothing}
        ${paged && !engine.isLastPage
          ? html`<button type="submit" class="primary">${msg('Next')}</button>`
          : html`<button type="submit" class="primary">${msg('Submit answers')}</button>`}
      </div>
      <p part="notice" class="notice">${text(instrument.meta.licence.notice)}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </form>`;
  }

  #pageLabel(engine: QuestionnaireEngine, lang: string): string {
    const current = formatNumber(engine.pageIndex + 1, lang);
    const count = formatNumber(engine.pages.length, lang);
    return msg(str`Question ${current} of ${count}`);
  }

  #renderProgress(engine: QuestionnaireEngine, lang: string): TemplateResult {
    const { answered, total } = engine.progress();
    const answeredText = msg(str`${formatNumber(answered, lang)} of ${formatNumber(total, lang)} answered`);
    const fraction = total === 0 ? 0 : answered / total;
    return html`<div part="progress" class="progress">
      ${engine.layout === 'paged' ? html`<span aria-hidden="true">${this.#pageLabel(engine, lang)} · </span>` : nothing}
      <span role="status">${answeredText}</span>
      <div class="bar" aria-hidden="true"><div class="bar-fill" ${styleProperties({ 'inline-size': `${fraction * 100}%` })}></div></div>
    </div>`;
  }

  #itemContext(text: (map: TextMap) => string): ItemContext {
    const engine = this.#engine!;
    return {
      lang: this.#locale,
      text,
      value: (id) => engine.answerOf(id),
      problem: (id) => (this.shownProblems.has(id) ? engine.problemOf(id) : undefined),
      typed: (id) => this.#typed.get(id),
      broken: (id) => this.#brokenMessages(id),
      entries: (id) => this.#entries.get(id),
      ...this.#itemHandlers,
    };
  }

  /** The messages of the constraints of the question at a path that do not hold, in the form's language. */
  #brokenMessages(path: ItemPath): string[] {
    const engine = this.#engine!;
    return engine.brokenConstraints(path).map((constraint) => localText(constraint.message, this.#locale, sourceLanguageOf(engine.instrument)));
  }

  /** An item answered in the scope at `scope` (`''`, or a repeat of a repeating group); nothing when it is hidden. */
  #renderItem(item: Item, scope: ItemPath, text: (map: TextMap) => string, advice: ReadonlyMap<ItemId | null, string[]>): unknown {
    const engine = this.#engine!;
    const path = scope ? `${scope}${PATH_SEPARATOR}${item.id}` : item.id;
    if (!engine.isEnabled(path) || item.hidden) return nothing;
    // What expressions make of it here (its text, answers, bounds).
    const current = engine.itemAt(path) ?? item;
    const children = (items: readonly Item[], inScope = scope) => items.map((child) => this.#renderItem(child, inScope, text, advice));
    if (isContainer(item)) {
      const problem = this.#groupProblem(path);
      const stemId = `stem-${path}`;
      // A named group, so that screen readers announce the shared stem on entering its questions.
      return html`<div
        class="group ${item.repeats ? 'repeating' : item.type}"
        data-item=${path}
        ?data-invalid=${!!problem}
        role="group"
        aria-labelledby=${current.text ? stemId : nothing}
        aria-describedby=${problem ? `error-${path}` : nothing}
      >
        ${current.text ? html`<div part="stem" class="stem" id=${stemId}>${itemText(current, text, this.#locale, current.text, false)}</div>` : nothing} ${problem}
        ${item.repeats ? this.#renderRepeats(item, path, children, text) : children(item.items)}
      </div>`;
    }
    // An item is rendered again only when what it shows changed: after an answer, one question of hundreds.
    // Lit runs a guarded template when it commits, after render(): it sets the interface language again.
    const unless = (seen: unknown[], template: () => TemplateResult) => guard([engine, this.#locale, ...seen], () => inLocale(uiLocaleFor(this.#locale), template));
    if (current.type === 'display') return unless([current], () => html`<div class="display" data-item=${path}>${itemText(current, text, this.#locale, current.text, false)}</div>`);
    // Templates address the item by its id: in a repeat, that is its path. What expressions make of it (answers, text, bounds) is its own here.
    const shown = (path === item.id ? current : { ...current, id: path }) as QuestionItem;
    const nested = childrenOf(item);
    const problem = this.shownProblems.has(path) ? engine.problemOf(path) : undefined;
    const seen = [current, engine.answerOf(path), problem, problem && this.#brokenMessages(path).join('\n'), this.#typed.get(path), this.#entries.get(path)];
    return html`${unless(seen, () => renderQuestion(shown, this.#itemContext(text)))}${this.#rules?.renderAdvice(advice.get(item.id))}
    ${nested.length ? html`<div class="nested">${children(nested)}</div>` : nothing}`;
  }

  /**
   * The repeats of a repeating group, each named by the group's text and its number, with buttons
   * to add repeats and, while there are several, to remove one.
   */
  #renderRepeats(group: GroupItem, path: ItemPath, children: (items: readonly Item[], scope: ItemPath) => unknown, text: (map: TextMap) => string): TemplateResult {
    const count = this.#engine!.repeatsOf(path);
    const nameOf = (i: number) => `${group.text ? prefixed(group, text, group.text) : ''} ${formatNumber(i + 1, this.#locale)}`.trim();
    return html`${Array.from({ length: count }, (_, i) => {
        const repeat = `${path}${PATH_SEPARATOR}${i}`;
        // The number tells repeats apart on screen; screen readers hear the whole name on entering the group.
        return html`<div part="repeat" class="repeat" role="group" aria-label=${nameOf(i)} data-repeat=${repeat}>
          <p class="repeat-number" aria-hidden="true">${formatNumber(i + 1, this.#locale)}</p>
          ${children(group.items, repeat)}
          ${count > 1
            ? html`<button type="button" class="secondary" aria-label=${msg(str`Remove ${nameOf(i)}`)} @click=${() => this.#editRepeats(path, (e) => e.removeRepeat(path, i))}>
                ${msg('Remove')}
              </button>`
            : nothing}
        </div>`;
      })}
    ${group.maxOccurs === undefined || count < group.maxOccurs
      ? html`<button type="button" class="secondary add-repeat" aria-describedby=${group.text ? `stem-${path}` : nothing} @click=${() => this.#editRepeats(path, (e) => e.addRepeat(path), count)}>
          ${msg('Add another')}
        </button>`
      : nothing}`;
  }

  /** The message of a required group none of whose questions is answered, once the person tried to go on. */
  #groupProblem(path: ItemPath): TemplateResult | undefined {
    if (!this.shownProblems.has(path) || !this.#engine!.problemOf(path)) return undefined;
    return html`<p part="error" class="error" id=${`error-${path}`}>${msg('Please answer at least one of these questions.')}</p>`;
  }

  /**
   * Adds or removes a repeat, saves and reports it like an answer; focus moves to the first
   * control of the repeat added, or to the group after a removal (its button is gone).
   */
  async #editRepeats(path: ItemPath, edit: (engine: QuestionnaireEngine) => ItemPath[], added?: number): Promise<void> {
    const engine = this.#engine!;
    const cleared = edit(engine);
    this.#saveDraft();
    this.#emit<ChangeDetail>(PpEvents.change, { itemId: path, value: undefined, cleared, answers: engine.answers });
    this.#emitProgress();
    this.requestUpdate();
    await this.updateComplete;
    const group = this.renderRoot.querySelector<HTMLElement>(`[data-item="${CSS.escape(path)}"]`);
    const target =
      added === undefined
        ? group?.querySelector<HTMLElement>(':scope > .add-repeat')
        : group?.querySelector<HTMLElement>(`[data-repeat="${CSS.escape(`${path}${PATH_SEPARATOR}${added}`)}"] :is(input, textarea, [role=slider], button)`);
    target?.focus();
  }
}

defineElement('pp-questionnaire', PpQuestionnaire);

// For the host's logout, on pages that load only this element's file; the erasure loads when called.
/** Removes every record of one person; see `eraseSubject` in src/store/erase.ts. */
export const eraseSubject = (subject: string): Promise<void> => import('../../src/store/erase.js').then((erase) => erase.eraseSubject(subject));
/** Removes everything Painpath stored on this origin; see `eraseEverything` in src/store/erase.ts. */
export const eraseEverything = (): Promise<void> => import('../../src/store/erase.js').then((erase) => erase.eraseEverything());

declare global {
  interface HTMLElementTagNameMap {
    'pp-questionnaire': PpQuestionnaire;
  }
}
