import { own } from './own.js';
import type { LanguageCode, TextMap, Translation, TranslationStatus } from './text.js';

export type ItemId = string;
export type ScaleId = string;

/**
 * An answer: choice → the option's `value`; multi-choice → the chosen values; body-map → region ids;
 * nrs, vas, integer, decimal → a number; text, url → a string; date → `YYYY-MM-DD`; date-time →
 * `YYYY-MM-DDThh:mm:ss±hh:mm`; time → `hh:mm:ss`; boolean → true or false; quantity → a
 * `QuantityAnswer`; attachment → an `AttachmentAnswer`. A question that repeats has the list of
 * its answers. Unanswered items are absent from `Answers`.
 */
export type AnswerValue = number | string | boolean | readonly (number | string)[] | QuantityAnswer | AttachmentAnswer;

/** A measured amount: the number, and the code of its unit among the item's `units` (absent when it has none). */
export interface QuantityAnswer {
  readonly value: number;
  readonly unit?: string;
}

/** The question types that may take several answers (FHIR `repeats` on a question without options). */
export const REPEATABLE_TYPES: readonly ItemType[] = ['integer', 'decimal', 'text', 'url', 'date', 'date-time', 'time'];

/** Whether a question takes several answers of its type (its answer is then their list). */
export const answersRepeat = (item: Item): boolean => 'repeats' in item && item.repeats === true && item.type !== 'group';

/** A file the person attached, as FHIR's Attachment holds it. */
export interface AttachmentAnswer {
  readonly contentType: string;
  /** The file's bytes, base64. */
  readonly data: string;
  /** The file's name. */
  readonly title: string;
  /** The file's size in bytes. */
  readonly size: number;
  /** The SHA-1 of the bytes, base64 (absent where the browser offers no WebCrypto, outside secure contexts). */
  readonly hash?: string;
}

export const isQuantityAnswer = (value: AnswerValue | undefined): value is QuantityAnswer =>
  typeof value === 'object' && !Array.isArray(value) && typeof (value as QuantityAnswer).value === 'number';

export const isAttachmentAnswer = (value: AnswerValue | undefined): value is AttachmentAnswer =>
  typeof value === 'object' && !Array.isArray(value) && typeof (value as AttachmentAnswer).data === 'string';

/**
 * The answers of a form, or of one repeat of a repeating group, by item id. A repeating group's
 * entry is the list of its repeats, each with the answers of its items; the answers of items
 * nested under a question sit beside the question's own.
 */
export interface Answers {
  readonly [id: ItemId]: AnswerValue | readonly Answers[];
}

/** A code from a terminology, as FHIR writes it (`{system: 'http://loinc.org', code: '44250-9'}`); FHIR lets the system be absent. */
export interface Coding {
  readonly system?: string;
  readonly code: string;
  readonly display?: string;
}

export type { Translation, TranslationEvidence, TranslationStatus } from './text.js';

export interface Licence {
  /**
   * `text-granted`: a validated instrument whose licence lets us ship its wording;
   * `bring-your-own-text`: a validated instrument whose wording the host supplies;
   * `own-wording`: wording of the project or the host, not a validated instrument.
   */
  readonly kind: 'text-granted' | 'bring-your-own-text' | 'own-wording';
  /** The notice the licence holder asks to be shown with the instrument. */
  readonly notice: TextMap;
}

export interface InstrumentMeta {
  readonly name: TextMap;
  readonly citation: readonly string[];
  readonly licence: Licence;
  readonly code?: Coding;
  /** ISO 8601 duration the questions ask about, e.g. `P2W`. */
  readonly recallPeriod?: string;
  /** The published Questionnaire this instrument is (`url|version`), for QuestionnaireResponse.questionnaire. */
  readonly canonical?: string;
}

export type ConditionOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'exists';

export interface Condition {
  readonly item: ItemId;
  readonly operator: ConditionOperator;
  /**
   * For `exists`: whether the item must be answered (true) or unanswered (false); else the answer
   * compared: true or false for a boolean item; for a quantity, a number with its unit's code,
   * which only a quantity in that unit meets (none is converted).
   */
  readonly value: number | string | boolean | QuantityAnswer;
}

/** An answer's coding: FHIR lets one be known by its display alone (`{ display: 'Receive reminders' }`). */
export type OptionCoding = Coding | { readonly system?: string; readonly code?: undefined; readonly display: string };

export interface AnswerOption {
  readonly value: number | string;
  readonly text: TextMap;
  /** Written as the answer's valueCoding. */
  readonly code?: OptionCoding;
  /** What the answer counts in scoring when that differs from `value` (FHIR's ordinalValue). */
  readonly score?: number;
  /** multi-choice: choosing it clears every other option ("None of these"). */
  readonly exclusive?: boolean;
  /** Shown before the text, e.g. "a)" or "0" (FHIR's optionPrefix). */
  readonly prefix?: TextMap;
}

/**
 * An item's text with its formatting (FHIR's rendering-xhtml or rendering-markdown), shown instead
 * of the plain text in the languages it has, sanitised: see src/model/formatted-text.ts.
 */
export interface FormattedText {
  readonly format: 'xhtml' | 'markdown';
  readonly text: TextMap;
}

/**
 * A named value (FHIR's variable extension) that the expressions of an item, and of the items
 * under it, read as `%name`; on the instrument, every expression may read it.
 */
export interface Variable {
  readonly name: string;
  /** FHIRPath. */
  readonly expression?: string;
  /**
   * Instead of an expression, a FHIR query (SDC x-fhir-query, e.g. `Observation?subject={{%patient.id}}`),
   * run once at the start through the host's `fhirQuery`; its `{{ }}` are FHIRPath.
   */
  readonly query?: string;
}

interface ItemBase {
  readonly id: ItemId;
  readonly formattedText?: FormattedText;
  /** Shown before the text, e.g. "1." or "a)". */
  readonly prefix?: TextMap;
  readonly enableWhen?: readonly Condition[];
  /** How several `enableWhen` conditions combine; `all` when absent. */
  readonly enableBehavior?: 'all' | 'any';
  /** FHIRPath giving the item's text as the person answers (cqf-expression on its text); the written text until it gives one. */
  readonly textExpression?: string;
  /** FHIRPath: the item is shown only while it is true (SDC enableWhenExpression); with `enableWhen`, both must hold. */
  readonly enableWhenExpression?: string;
  readonly variables?: readonly Variable[];
  /** Never shown (FHIR questionnaire-hidden); a hidden question's answer, set by an expression, is still in the response. */
  readonly hidden?: boolean;
}

interface QuestionBase extends ItemBase {
  readonly text: TextMap;
  readonly required: boolean;
  readonly code?: Coding;
  /** Questions nested under this one (a FHIR answer's items): shown with it once it is answered. */
  readonly items?: readonly Item[];
  /** Texts shown with the question, under its text (a FHIR Questionnaire's display items under it). */
  readonly help?: readonly TextMap[];
  /** The answer the question starts with, until the person changes it or a draft is restored. */
  readonly initial?: AnswerValue;
  /** FHIRPath giving the answer the question starts with, e.g. from the patient's record (SDC initialExpression). */
  readonly initialExpression?: string;
  /** FHIRPath computing the answer from the others as the person answers (SDC calculatedExpression); it is then read-only. */
  readonly calculated?: string;
  /** Shown, but the person cannot change the answer. */
  readonly readOnly?: boolean;
  /** Rules the answers must meet before the form is submitted (FHIR targetConstraint). */
  readonly constraints?: readonly Constraint[];
}

/** A rule the answers must meet: while its expression is not true, the question shows the message and the form cannot be submitted. */
export interface Constraint {
  readonly key: string;
  /** FHIRPath, in the question's context. */
  readonly expression: string;
  /** What the person reads, e.g. "Must be a valid phone number". */
  readonly message: TextMap;
}

/**
 * A question that may take several answers of its type (FHIR `repeats` on a question without
 * options): its answer is the list of them, in the order given.
 */
interface RepeatingAnswers {
  readonly repeats?: boolean;
  /** The fewest answers accepted once any is given. */
  readonly minOccurs?: number;
  /** The most answers accepted. */
  readonly maxOccurs?: number;
}

/** How a choice's answers are laid out: one under another (the default), or side by side, wrapping on narrow screens. */
interface ChoiceLayout {
  readonly orientation?: 'vertical' | 'horizontal';
}

/** Answers to choose from that an expression gives as the person answers (SDC answerExpression). */
interface ComputedAnswers {
  /** FHIRPath giving the answers (codings, or values): `answers` is then empty, and the engine gives each question's (`optionsOf`). */
  readonly answerExpression?: string;
}

/**
 * What the values of options without a code are in FHIR: dates (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`),
 * times (`hh:mm:ss`), references (`Practitioner/12`), whole numbers or strings, written as
 * valueDate, valueTime, valueReference, valueInteger or valueString. Without it, such an option is
 * written as a coding of the instrument's own answer system, as `toFhirQuestionnaire` exports it.
 */
export type OptionValueType = 'date' | 'time' | 'reference' | 'integer' | 'string';

export interface ChoiceItem extends QuestionBase, ChoiceLayout, ComputedAnswers {
  readonly type: 'choice';
  /** Radio buttons when absent; a drop-down list; or radio buttons under a search field that narrows them (long lists). */
  readonly control?: 'drop-down' | 'autocomplete';
  readonly answers: readonly AnswerOption[];
  /** The person may write an answer of their own instead (FHIR open-choice): a string that is no option's value. */
  readonly other?: boolean;
  readonly valueType?: OptionValueType;
}

export interface MultiChoiceItem extends QuestionBase, ChoiceLayout, ComputedAnswers {
  readonly type: 'multi-choice';
  readonly answers: readonly AnswerOption[];
  /** The person may write one answer of their own besides the options chosen. */
  readonly other?: boolean;
  readonly valueType?: OptionValueType;
}

/** Bounds that expressions give (cqf-expression on minValue and maxValue), e.g. `today()` for a date; the written ones until they give one. */
interface ComputedBounds {
  readonly minExpression?: string;
  readonly maxExpression?: string;
}

export interface NumberItem extends QuestionBase, RepeatingAnswers, ComputedBounds {
  readonly type: 'integer' | 'decimal';
  /** A number field when absent; a slider from min to max (both needed); or a field with buttons that step the number. */
  readonly control?: 'slider' | 'spinner';
  /** What one step of the slider or spinner adds; 1 when absent. */
  readonly step?: number;
  readonly min?: number;
  readonly max?: number;
  /** The most digits after the decimal point. */
  readonly maxDecimals?: number;
  /** Shown after the field, e.g. "kg" or "hours". */
  readonly unit?: TextMap;
}

/** A unit a quantity is given in: its code (as in UCUM, `kg`) and its name as the person reads it. */
export interface QuantityUnit {
  readonly code: Coding;
  readonly text: TextMap;
}

/** A measured amount (FHIR quantity): a number and, when the item has units, one of them. */
export interface QuantityItem extends QuestionBase, ComputedBounds {
  readonly type: 'quantity';
  /** The units to choose from; a single unit is taken as given, none means a number without a unit. */
  readonly units: readonly QuantityUnit[];
  readonly min?: number;
  readonly max?: number;
  readonly maxDecimals?: number;
}

/** A file the person attaches: a photo, a letter (FHIR attachment). */
export interface AttachmentItem extends QuestionBase {
  readonly type: 'attachment';
  /** The largest file accepted, in bytes; DEFAULT_MAX_ATTACHMENT_SIZE when absent. */
  readonly maxSize?: number;
  /** The MIME types accepted (`image/jpeg`, `application/pdf`); any when absent. */
  readonly mimeTypes?: readonly string[];
}

/** The largest file an attachment item without its own maxSize accepts: drafts keep the file on the device. */
export const DEFAULT_MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024;

export interface TextItem extends QuestionBase, RepeatingAnswers {
  readonly type: 'text';
  /** A short answer on one line (FHIR's string) rather than in a text area (FHIR's text). */
  readonly singleLine?: boolean;
  readonly maxLength?: number;
  readonly minLength?: number;
  /** A regular expression the whole answer must match (FHIR's regex extension). */
  readonly pattern?: string;
}

/** Yes or no. */
export interface BooleanItem extends QuestionBase {
  readonly type: 'boolean';
}

/**
 * A moment (`date-time`: `YYYY-MM-DDThh:mm:ss` with the UTC offset of the person's time zone, as
 * FHIR's dateTime), or a time of day (`time`: `hh:mm:ss`).
 */
export interface MomentItem extends QuestionBase, RepeatingAnswers {
  readonly type: 'date-time' | 'time';
}

/** A web address (any absolute URI, e.g. `https://…` or `mailto:…`). */
export interface UrlItem extends QuestionBase, RepeatingAnswers {
  readonly type: 'url';
  readonly maxLength?: number;
}

export interface DateItem extends QuestionBase, RepeatingAnswers, ComputedBounds {
  readonly type: 'date';
  /** `YYYY-MM-DD`, or `today`. */
  readonly min?: string;
  readonly max?: string;
}

/** The words at the two ends of a rating scale, e.g. "No pain" and "Worst pain imaginable". */
export interface Anchors {
  readonly min: TextMap;
  readonly max: TextMap;
}

/** 0–10 numeric rating scale. */
export interface NrsItem extends QuestionBase {
  readonly type: 'nrs';
  readonly anchors: Anchors;
}

/** 0–100 visual analogue scale. */
export interface VasItem extends QuestionBase {
  readonly type: 'vas';
  readonly anchors: Anchors;
}

export interface BodyMapItem extends QuestionBase {
  readonly type: 'body-map';
  /** The name of a region set, e.g. `acr-2016`. */
  readonly regionSet: string;
  /** The label of every group and region of the set, by id. */
  readonly regionLabels: Readonly<Record<string, TextMap>>;
}

export interface DisplayItem extends ItemBase {
  readonly type: 'display';
  readonly text: TextMap;
}

export interface GroupItem extends ItemBase {
  /** `page`: a group shown as one page in the paged layout. */
  readonly type: 'group' | 'page';
  /** The shared stem of the questions in the group ("Over the last 2 weeks, …"). */
  readonly text?: TextMap;
  readonly items: readonly Item[];
  /** The person can give its items' answers several times ("each medicine you take"). */
  readonly repeats?: boolean;
  /** The most repeats a repeating group takes. */
  readonly maxOccurs?: number;
  /** At least one of its questions must be answered (in any of its repeats). */
  readonly required?: boolean;
}

export type QuestionItem =
  | ChoiceItem
  | MultiChoiceItem
  | NumberItem
  | QuantityItem
  | AttachmentItem
  | TextItem
  | UrlItem
  | DateItem
  | MomentItem
  | BooleanItem
  | NrsItem
  | VasItem
  | BodyMapItem;
export type Item = QuestionItem | DisplayItem | GroupItem;
export type ItemType = Item['type'];

export interface Band {
  readonly id: string;
  /** Inclusive bounds. */
  readonly min: number;
  readonly max: number;
  readonly label: TextMap;
}

export interface Mcid {
  readonly value: number;
  /** Which way an improvement goes on this scale. */
  readonly improvement: 'decrease' | 'increase';
  readonly source: string;
}

/**
 * How a scale's score is computed:
 * - `sum`: the (weighted) sum of item scores;
 * - `mean`: their (weighted) mean;
 * - `percent`: the sum as a percentage of the highest sum possible for the answered items (ODI);
 * - `region-groups`: the number of region groups with at least one region chosen on the scale's
 *   body maps, leaving out the `exclude`d regions (ACR 2016 generalized pain).
 * An item's score is its answer's `score` (or numeric `value`); a number for nrs, vas, integer and
 * decimal; the sum of the chosen options for multi-choice; the number of regions for body-map.
 */
export type ScoringMethod = 'sum' | 'mean' | 'percent' | 'region-groups';

export interface MissingItemRule {
  /** With fewer answered items the scale has no score (`value: null`). */
  readonly minAnswered: number;
  /** sum: scale the sum up to all items, as if the missing ones had the mean of the answered. */
  readonly prorate: boolean;
}

export interface Scale {
  readonly id: ScaleId;
  readonly name: TextMap;
  readonly method: ScoringMethod;
  readonly items: readonly ItemId[];
  /** Items scored in reverse: min + max − score. */
  readonly reverse?: readonly ItemId[];
  /** Item weights; 1 when absent. */
  readonly weights?: Readonly<Record<ItemId, number>>;
  /** When absent every item must be answered. */
  readonly missing?: MissingItemRule;
  /** Applied in this order after the method: multiply, divide, round (to `round` decimals), lookup. */
  readonly multiply?: number;
  readonly divide?: number;
  readonly round?: number;
  /** Raw → score pairs, e.g. a PROMIS raw sum → T-score table. */
  readonly lookup?: readonly (readonly [number, number])[];
  /** region-groups: regions that do not count. */
  readonly exclude?: readonly string[];
  readonly range: { readonly min: number; readonly max: number };
  readonly bands: readonly Band[];
  readonly mcid?: Mcid;
  readonly code?: Coding;
  /** The linkId under which a FHIR QuestionnaireResponse carries the score; the scale id when absent. */
  readonly linkId?: string;
  /** Where the scoring rule and bands come from. */
  readonly source: string;
}

/** A test over scores and answers; scale tests compare the scale's value. */
export type Predicate =
  | { readonly all: readonly Predicate[] }
  | { readonly any: readonly Predicate[] }
  | { readonly scale: ScaleId; readonly operator: Exclude<ConditionOperator, 'exists'>; readonly value: number }
  | Condition;

export interface ClassificationRule {
  /** The first rule whose test holds gives the class; a rule without a test always holds. */
  readonly when?: Predicate;
  readonly class: string;
}

/** A category derived from several scales, e.g. STarT Back risk or the ACR 2016 criteria. */
export interface Classification {
  readonly id: string;
  readonly name: TextMap;
  readonly classes: readonly { readonly id: string; readonly label: TextMap }[];
  readonly rules: readonly ClassificationRule[];
  readonly source: string;
}

/** Something a clinician must see at once, e.g. PHQ-9 item 9 above 0. */
export interface Flag {
  readonly id: string;
  readonly when: Predicate;
  readonly severity: 'urgent' | 'attention';
  readonly label: TextMap;
  /**
   * What to tell the person at once (e.g. whom to contact today); hosts can replace it.
   * `emergency`: the shared emergency advice (src/model/emergency.ts), never worded by the instrument.
   */
  readonly advice?: TextMap | 'emergency';
  /** The advice says "today": after it, say whom to call when the practice is closed (the host's out-of-hours service). */
  readonly outOfHours?: boolean;
  readonly source: string;
}

export interface Scoring {
  readonly scales: readonly Scale[];
  readonly classifications?: readonly Classification[];
  readonly flags?: readonly Flag[];
}

export interface Instrument {
  readonly id: string;
  readonly version: string;
  /** The first language is the source language: every text must exist in it. */
  readonly languages: readonly LanguageCode[];
  /** Absent only in a FHIR Questionnaire with neither title nor name. */
  readonly title?: TextMap;
  readonly instructions?: TextMap;
  readonly meta: InstrumentMeta;
  readonly translations: Readonly<Record<LanguageCode, Translation>>;
  readonly items: readonly Item[];
  readonly scoring: Scoring;
  /** Values every expression may read as `%name`. */
  readonly variables?: readonly Variable[];
  /** Names of what the host gives the expressions to read (`patient`: `%patient`), as SDC's launch context. */
  readonly launchContext?: readonly string[];
}

export const sourceLanguageOf = (instrument: Instrument): LanguageCode => instrument.languages[0]!;

/**
 * The statuses shown when the host names none: a validated instrument only in checked wording,
 * since a wrong translation of a screening instrument changes who is flagged and taking that
 * risk is the clinic's decision; own wording in every language.
 */
export const defaultAcceptedStatuses = (instrument: Instrument): readonly TranslationStatus[] =>
  instrument.meta.licence.kind === 'own-wording' ? ['official', 'verified', 'draft'] : ['official', 'verified'];

/** The languages whose status is accepted, and always the source language: the original, and every other's fallback. */
export const acceptedLanguages = (instrument: Instrument, statuses: readonly string[]): readonly LanguageCode[] =>
  instrument.languages.filter((lang, i) => i === 0 || statuses.includes(own(instrument.translations, lang)?.status ?? ''));

/** The items of a group or page, or nested under a question. */
export const childrenOf = (item: Item): readonly Item[] => ('items' in item && item.items) || [];

/** Every item in document order, each before the items of it. */
export function* walkItems(items: readonly Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    yield* walkItems(childrenOf(item));
  }
}

/** A repeating group. */
export const isRepeating = (item: Item): item is GroupItem => isContainer(item) && !!item.repeats;

export const isQuestion = (item: Item): item is QuestionItem =>
  item.type !== 'display' && item.type !== 'group' && item.type !== 'page';

/** Whether answers or visibility come from FHIRPath expressions, which need the expression part (src/fhir/expressions.ts). */
export const hasExpressions = (instrument: Instrument): boolean =>
  !!instrument.variables?.length ||
  [...walkItems(instrument.items)].some(
    (item) =>
      item.enableWhenExpression !== undefined ||
      item.textExpression !== undefined ||
      ('minExpression' in item && item.minExpression !== undefined) ||
      ('maxExpression' in item && item.maxExpression !== undefined) ||
      item.variables?.length ||
      (isQuestion(item) && ((item.calculated ?? item.initialExpression) !== undefined || !!item.constraints?.length || ('answerExpression' in item && item.answerExpression !== undefined))),
  );

/** Whether the person cannot change a question's answer: it is computed or marked read-only. */
export const isReadOnly = (item: QuestionItem): boolean => item.readOnly === true || item.calculated !== undefined;

export const isContainer = (item: Item): item is GroupItem => item.type === 'group' || item.type === 'page';
