import { ContentError, type ContentProblem } from '../model/content-error.js';
import { primaryLanguage } from '../i18n/locale.js';
import { REPEATABLE_TYPES, type FormattedText, type Instrument, type OptionValueType } from '../model/instrument.js';
import { BLOCK_TAGS, INLINE_TAGS, tagsOutside } from '../model/formatted-text.js';
import { childPath, JsonReader, type JsonObject } from '../model/json-reader.js';
import { parseInstrument } from '../model/parse-instrument.js';
import type { LanguageCode, TextMap } from '../model/text.js';
import {
  CALCULATED,
  DISPLAY_CATEGORY,
  ENABLE_WHEN_EXPRESSION,
  INITIAL_EXPRESSION,
  ITEM_POPULATION_CONTEXT,
  LAUNCH_CONTEXT,
  OLD_INITIAL_EXPRESSION,
  ANSWER_EXPRESSION,
  CQF_EXPRESSION,
  SOURCE_QUERIES,
  TARGET_CONSTRAINT,
  VARIABLE,
  EXTENSIONS,
  HIDDEN,
  ITEM_CONTROL,
  ITEM_CONTROLS,
  ITEM_ELEMENTS,
  ITEM_TYPES,
  ITEM_WEIGHT,
  ENTRY_FORMAT,
  MAX_DECIMAL_PLACES,
  MAX_OCCURS,
  MAX_SIZE,
  MIME_TYPE,
  OPTION_PREFIX,
  RENDERING_MARKDOWN,
  RENDERING_XHTML,
  CHOICE_ORIENTATION,
  SLIDER_STEP,
  REFERENCE_RESOURCE,
  MIN_OCCURS,
  MAX_VALUE,
  MIN_LENGTH,
  REGEX,
  MIN_VALUE,
  OPTION_EXCLUSIVE,
  ORDINAL_VALUE,
  ROOT_ELEMENTS,
  TRANSLATION,
  TRANSLATION_STATUS,
  UNIT,
  UNIT_OPEN,
  UNIT_OPTION,
  type Conformance,
} from './fhir-conformance.js';

export interface FromFhirOptions {
  /**
   * Native scoring, as in an instrument file (validated by `parseInstrument`). When given, the
   * Questionnaire's calculated items are left out, because this scoring computes the scores;
   * otherwise their expressions compute them.
   */
  readonly scoring?: unknown;
  /**
   * Value sets the Questionnaire names by canonical url (e.g. a LOINC answer list), each a FHIR
   * ValueSet with an `expansion` or a `compose` that lists its concepts, keyed by the url as the
   * Questionnaire writes it (with or without `|version`).
   */
  readonly valueSets?: Readonly<Record<string, unknown>>;
  /**
   * What `reference` items offer, by resource type (`{ Practitioner: [{ reference: 'Practitioner/12',
   * display: 'Dr. Berg' }] }`): an item offers those of the types its `questionnaire-referenceResource`
   * names, or all of them when it names none.
   */
  readonly references?: Readonly<Record<string, readonly ReferenceCandidate[]>>;
  /** Why value sets the host's terminology server was asked for are unavailable, by url (see terminology.ts). */
  readonly unavailable?: Readonly<Record<string, string>>;
}

/** A resource a reference item may name: its reference and the name the person chooses by. */
export interface ReferenceCandidate {
  readonly reference: string;
  readonly display: string;
}

/** A Questionnaire as an instrument, with what it has that is not honoured but leaves the form faithful. */
export interface FhirImport {
  readonly instrument: Instrument;
  /** Elements and extensions not honoured, each with its FHIR path; the host hears of them as `fhir-unsupported`. */
  readonly reported: readonly ContentProblem[];
  /** The FHIR path a path in the instrument was made from (`items[0].calculated` → `item[0].extension[1].valueExpression.expression`). */
  readonly fhirPath: (instrumentPath: string) => string;
}

/** What the host is told (`fhir-unsupported`) of a form shown without what the import reports. */
export const reportedMessage = ({ instrument, reported }: FhirImport): string =>
  `${instrument.id} is shown without ${reported.length} ${reported.length === 1 ? 'element' : 'elements'} of the FHIR Questionnaire that Painpath does not honour:\n` +
  reported.map((p) => `- ${p.path}: ${p.message}`).join('\n');

/** FHIR item types that map onto a native question type. */
const QUESTION_TYPES = {
  choice: 'choice',
  'open-choice': 'choice',
  integer: 'integer',
  decimal: 'decimal',
  string: 'text',
  text: 'text',
  url: 'url',
  date: 'date',
  dateTime: 'date-time',
  time: 'time',
  boolean: 'boolean',
  quantity: 'quantity',
  attachment: 'attachment',
} as const;

/** The item types that may list their answers (answerOption), each with the value[x] of its options. */
const OPTION_VALUE_TYPES: Readonly<Record<OptionValueType, string>> = { string: 'valueString', integer: 'valueInteger', date: 'valueDate', time: 'valueTime', reference: 'valueReference' };
/** The value[x] every answer option of the item must have, when its type names one (a string, integer, date, time or reference item). */
const typedOptionKey = (item: JsonObject): string | undefined => (Object.hasOwn(OPTION_VALUE_TYPES, String(item['type'])) ? OPTION_VALUE_TYPES[String(item['type']) as OptionValueType] : undefined);
/** The native valueType of options by their value[x]. */
const OPTION_VALUE_TYPE: Readonly<Record<string, OptionValueType>> = Object.fromEntries(Object.entries(OPTION_VALUE_TYPES).map(([type, key]) => [key, type as OptionValueType]));

/** The one expression language evaluated (by the expression part, src/fhir/expressions.ts). */
const FHIRPATH = 'text/fhirpath';
/** Queries, which variables may be: run through the host's fhirQuery. */
const X_FHIR_QUERY = 'application/x-fhir-query';

/** Where the importer is: the FHIR path it reads and the native path it writes. */
interface At {
  readonly fhir: string;
  readonly native: string;
}

/** An extension found on an element, with its FHIR path. */
interface Found {
  readonly value: JsonObject;
  readonly path: string;
}

/** The extensions of one element with a given url. */
type Extensions = (url: string) => readonly Found[];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key of a FHIR choice element (`value[x]`, `answer[x]`) present on an element. */
const choiceKey = (element: JsonObject, prefix: string): string | undefined => Object.keys(element).find((key) => key.startsWith(prefix));

/** Every linkId in document order, read leniently: the walk reports malformed items. */
function* linkIdsOf(items: unknown): Generator<string> {
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (!isObject(item)) continue;
    if (typeof item['linkId'] === 'string') yield item['linkId'];
    yield* linkIdsOf(item['item']);
  }
}

// Read leniently: malformed extensions are reported by the element checks.
const extensionsWith = (item: JsonObject, url: string): JsonObject[] => (Array.isArray(item['extension']) ? item['extension'] : []).filter((found): found is JsonObject => isObject(found) && found['url'] === url);
const isHidden = (item: JsonObject): boolean => extensionsWith(item, HIDDEN).some((found) => found['valueBoolean'] === true);

/** Whether an item's answer is computed, not given by the person (read-only, hidden or calculated). */
const isCalculated = (item: JsonObject): boolean => item['readOnly'] === true || isHidden(item) || extensionsWith(item, CALCULATED).length > 0;

/** Why an optional question with nothing to offer is left out, and where (under the item) that shows. */
interface Lacking {
  path: 'answerValueSet' | undefined;
  why: string;
}

/**
 * Whether an item under a question is its help: a display item, or a read-only item with the help
 * control that nothing answers (some forms give help as a "text" item).
 */
function isHelp(item: JsonObject): boolean {
  if (item['type'] === 'display') return true;
  const controls = extensionsWith(item, ITEM_CONTROL).flatMap((found) => codesOf(found['valueCodeableConcept']));
  const answered = item['initial'] !== undefined || [CALCULATED, INITIAL_EXPRESSION, OLD_INITIAL_EXPRESSION].some((url) => extensionsWith(item, url).length > 0);
  return item['readOnly'] === true && !answered && controls.includes('help');
}

/** The codes of a CodeableConcept's codings (item controls, display categories). */
const codesOf = (concept: unknown): string[] =>
  isObject(concept) && Array.isArray(concept['coding']) ? concept['coding'].flatMap((coding) => (isObject(coding) && typeof coding['code'] === 'string' ? [coding['code']] : [])) : [];

const OFFERS_NOTHING = 'the choice item names no answers (answerOption, answerValueSet or answerExpression)';

/** LinkIds of the calculated items, found before the walk, so that conditions on later ones are named as such. */
function* calculatedLinkIdsOf(items: unknown): Generator<string> {
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (!isObject(item)) continue;
    if (isCalculated(item) && typeof item['linkId'] === 'string') yield item['linkId'];
    yield* calculatedLinkIdsOf(item['item']);
  }
}

/** The items (read leniently) that name a value set by canonical url (not contained) which `given` lacks, with that url. */
function* itemsLackingValueSets(items: unknown, given: Readonly<Record<string, unknown>>): Generator<{ item: JsonObject; reference: string }> {
  if (!Array.isArray(items)) return;
  for (const item of items.filter(isObject)) {
    const reference = item['answerValueSet'];
    if (typeof reference === 'string' && !reference.startsWith('#') && !Object.hasOwn(given, reference) && !Object.hasOwn(given, reference.split('|')[0]!)) yield { item, reference };
    yield* itemsLackingValueSets(item['item'], given);
  }
}

/**
 * The choice items (read leniently) that offer nothing to choose: no answerOption, answerValueSet
 * or answerExpression. One never shown (hidden, or in a hidden group) keeps its `initial` answers,
 * which are then its only answers.
 */
function* choicesOfferingNothing(items: unknown, inHiddenGroup = false): Generator<JsonObject> {
  if (!Array.isArray(items)) return;
  for (const item of items.filter(isObject)) {
    const hidden = inHiddenGroup || isHidden(item);
    const listed = item['answerOption'] !== undefined || item['answerValueSet'] !== undefined || extensionsWith(item, ANSWER_EXPRESSION).length > 0;
    if (item['type'] === 'choice' && !listed && !(hidden && Array.isArray(item['initial']))) yield item;
    yield* choicesOfferingNothing(item['item'], hidden);
  }
}

/**
 * The value sets a Questionnaire names by canonical url (not contained) that `given` lacks: those a
 * terminology server would have to expand before the form can be shown.
 */
export const valueSetsToExpand = (json: unknown, given: Readonly<Record<string, unknown>> = {}): string[] => [
  ...new Set(Array.from(itemsLackingValueSets(isObject(json) ? json['item'] : undefined, given), ({ reference }) => reference)),
];

/** A short digest of a text (32-bit FNV-1a, hex): it names a form that has no id or version. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Text made into an id (letters, digits, ".", "_", "-"), or undefined when nothing is left of it. */
const asId = (text: string): string | undefined => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || undefined;

/**
 * Maps a FHIR R4 Questionnaire into the native model, so that it renders with the native engine.
 *
 * Every element and extension is honoured, reported (in `reported`: the form stays faithful
 * without it) or refused, by the table in fhir-conformance.ts. Refusals are thrown as one
 * `ContentError` listing each with its FHIR path. The mapping builds a native document and
 * validates it with `parseInstrument`, whose problems are reported with FHIR paths too.
 *
 * FHIRPath expressions (calculated answers, enableWhenExpression, initial expressions, variables)
 * are carried into the model as text, for the expression part to evaluate. With `options.scoring`,
 * calculated items (`readOnly`, `questionnaire-hidden`, `calculatedExpression`) are left out
 * instead, because the native scoring computes the scores.
 */
export function fromFhirQuestionnaire(json: unknown, options: FromFhirOptions = {}): FhirImport {
  const reader = new JsonReader();
  const root = reader.object(json, '');
  if (root && root['resourceType'] !== 'Questionnaire') {
    reader.report('resourceType', `expected "Questionnaire", got ${JSON.stringify(root['resourceType']) ?? 'nothing'}`);
  }
  if (!root || reader.problems.length > 0) throw new ContentError('FHIR Questionnaire', reader.problems);

  const importer = new QuestionnaireImporter(reader, root, options);
  const document = importer.document();
  const subject = `FHIR Questionnaire "${document['id'] as string}"`;
  // Native validation runs only on a complete mapping: items left out for a problem would
  // otherwise cascade into problems that are not the form's.
  if (reader.problems.length > 0) throw new ContentError(subject, reader.problems);
  try {
    return { instrument: parseInstrument(document), reported: importer.reported, fhirPath: (path) => importer.fhirPath(path) };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    throw new ContentError(subject, error.problems.map((p) => ({ path: importer.fhirPath(p.path), message: p.message })));
  }
}

class QuestionnaireImporter {
  readonly reported: ContentProblem[] = [];
  readonly #leftOutItems: ContentProblem[] = [];
  /** How many hidden groups the item being read is in. */
  #hiddenGroups = 0;
  readonly #source: LanguageCode;
  readonly #languages = new Set<LanguageCode>();
  readonly #allLinkIds: ReadonlySet<string>;
  /** LinkIds of calculated items left out (native scoring computes the scores), which conditions cannot refer to. */
  readonly #leftOut: ReadonlySet<string>;
  /** Optional questions with nothing to offer (their value set is not available, or they name no answers), by linkId, with why: left out and reported. */
  readonly #lackingAnswers: ReadonlyMap<string, Lacking>;
  /** "system|code" of each left-out calculated item → its linkId, so a scale with that code keeps it. */
  readonly #calculatedByCode = new Map<string, string>();
  /** Value sets by the reference items give, as native answer sets, so items sharing one share one list. */
  readonly #answerSets = new Map<string, unknown[]>();
  /** Native answer-set name of each value-set reference. */
  readonly #answerSetNames = new Map<string, string>();
  readonly #extensionsRead = new WeakMap<JsonObject, Found[]>();
  /** Native path → the FHIR path it was made from, to report native problems in FHIR terms. */
  readonly #origins = new Map<string, string>();

  readonly #reader: JsonReader;
  readonly #root: JsonObject;
  readonly #options: FromFhirOptions;

  constructor(reader: JsonReader, root: JsonObject, options: FromFhirOptions) {
    this.#reader = reader;
    this.#root = root;
    this.#options = options;
    const language = reader.optional(root['language'], (v) => reader.languageTag(v, 'language'));
    this.#source = primaryLanguage(language ?? 'en');
    this.#allLinkIds = new Set(linkIdsOf(root['item']));
    this.#leftOut = new Set(options.scoring === undefined ? [] : calculatedLinkIdsOf(root['item']));
    // A required one refuses the form (see #valueSet, #answers): it could never be answered.
    const optional = (item: JsonObject) => item['required'] !== true && typeof item['linkId'] === 'string';
    const lackingValueSets = [...itemsLackingValueSets(root['item'], options.valueSets ?? {})].filter(({ item }) => optional(item));
    this.#lackingAnswers = new Map<string, Lacking>([
      ...lackingValueSets.map(({ item, reference }) => [item['linkId'] as string, { path: 'answerValueSet' as const, why: this.#unavailableValueSet(reference) }] as const),
      ...[...choicesOfferingNothing(root['item'])].filter(optional).map((item) => [item['linkId'] as string, { path: undefined, why: OFFERS_NOTHING }] as const),
    ]);
  }

  /** The FHIR path a native problem path comes from: its longest prefix that has an origin. */
  fhirPath(nativePath: string): string {
    for (let end = nativePath.length; end > 0; end = Math.max(nativePath.lastIndexOf('.', end - 1), nativePath.lastIndexOf('[', end - 1))) {
      const origin = this.#origins.get(nativePath.slice(0, end));
      if (origin !== undefined) return origin + nativePath.slice(end);
    }
    return nativePath;
  }

  document(): JsonObject {
    const reader = this.#reader;
    const root = this.#root;
    this.#checkElements(root, '', ROOT_ELEMENTS, 'Questionnaire');
    this.#checkExtensions(root, '');
    const string = (key: string) => reader.optional(root[key], (v) => reader.string(v, key));
    const [id, name, url, version] = ['id', 'name', 'url', 'version'].map(string);
    const formDigest = digest(JSON.stringify(root));
    const nativeId = [id, name, url && `${url.split('/').pop()}-${digest(url)}`].map((v) => v && asId(v)).find(Boolean) ?? `questionnaire-${formDigest}`;
    const titleKey = root['title'] !== undefined ? 'title' : root['name'] !== undefined ? 'name' : undefined;
    const title = titleKey && this.#text(root, titleKey, '');
    const notice = reader.optional(root['copyright'], () => this.#text(root, 'copyright', '')) ?? {
      [this.#source]: `Imported from FHIR Questionnaire ${url ?? nativeId}`,
    };
    const code = this.#code(root, { fhir: '', native: 'meta' });
    this.#origins.set('items', 'item');
    const rootExtensions = this.#extensionsOf(root, '');
    const variables = [...(this.#variables(rootExtensions, '') ?? []), ...this.#sourceQueries(rootExtensions)];
    const launchContext = this.#launchContext(rootExtensions);
    const items = this.#items(root['item'], { fhir: 'item', native: 'items' });
    if (items.length === 0 && this.#leftOutItems.length) {
      for (const { path, message } of this.#leftOutItems) reader.report(path, message);
      reader.report('item', 'every item is left out: nothing is left to show');
    }
    this.#origins.set('scoring', 'options.scoring');

    const languages = [this.#source, ...this.#languages];
    const canonical = url && (version ? `${url}|${version}` : url);
    // A text is claimed checked only where the form says so (Painpath's own extension, as exported).
    const translation = { status: 'draft', source: `FHIR Questionnaire ${canonical ?? nativeId}` };
    const declared = this.#translationStatuses(rootExtensions, languages);
    return {
      id: nativeId,
      // Without a version, a changed form is another version: a draft of the old one is never applied to it.
      version: version ?? `content-${formDigest}`,
      languages,
      title,
      meta: { name: title ?? { [this.#source]: nativeId }, citation: [canonical ?? nativeId], licence: { kind: 'text-granted', notice }, code, canonical },
      translations: Object.fromEntries(languages.map((lang) => [lang, declared.get(lang) ?? translation])),
      answerSets: Object.fromEntries(this.#answerSets),
      items,
      scoring: this.#scoring(),
      variables: variables.length ? variables : undefined,
      launchContext,
    };
  }

  /**
   * An expression extension's FHIRPath, with its origin. One in another language (x-fhir-query,
   * CQL) is reported and gives undefined: `what` says what goes without it.
   */
  #expression(found: Found | undefined, nativePath: string, what: string): string | undefined {
    if (!found) return undefined;
    const path = childPath(found.path, 'valueExpression');
    const expression = this.#reader.object(found.value['valueExpression'], path);
    if (!expression) return undefined;
    const language = expression['language'];
    if (language !== FHIRPATH) {
      this.#report(childPath(path, 'language'), `only FHIRPath ("${FHIRPATH}") expressions are evaluated, not ${JSON.stringify(language) ?? 'one without a language'}: ${what}`);
      return undefined;
    }
    this.#origins.set(nativePath, childPath(path, 'expression'));
    return this.#reader.string(expression['expression'], childPath(path, 'expression'));
  }

  /**
   * The variables of the Questionnaire or an item (of a group: its population context too). One
   * whose value cannot be computed (a query, which needs a FHIR server) is reported and is empty:
   * FHIRPath's `{}`.
   */
  #variables(extensions: Extensions, nativeAt: string, group = false): unknown[] | undefined {
    // A group's population context is a variable of the group that its items' initial expressions read.
    const found = [...extensions(VARIABLE), ...(group ? extensions(ITEM_POPULATION_CONTEXT) : [])];
    if (!found.length) return undefined;
    const native = childPath(nativeAt, 'variables');
    return found.map((variable, i) => {
      const at = childPath(native, i);
      const name = isObject(variable.value['valueExpression']) ? variable.value['valueExpression']['name'] : undefined;
      this.#origins.set(at, variable.path);
      this.#origins.set(childPath(at, 'name'), childPath(variable.path, 'valueExpression.name'));
      const value = isObject(variable.value['valueExpression']) ? variable.value['valueExpression'] : {};
      // A query runs through the host's fhirQuery (the expression part reports it when there is none).
      if (value['language'] === X_FHIR_QUERY && typeof value['expression'] === 'string') {
        this.#origins.set(childPath(at, 'query'), childPath(variable.path, 'valueExpression.expression'));
        return { name, query: value['expression'] };
      }
      const expression = this.#expression(variable, childPath(at, 'expression'), `%${String(name)} is empty`);
      return { name, expression: expression ?? '{}' };
    });
  }

  /**
   * Source queries (a contained batch Bundle, run against the health record to pre-fill the form)
   * are not run: expressions read their results as `%` and the Bundle's id, which is empty.
   */
  #sourceQueries(extensions: Extensions): unknown[] {
    return extensions(SOURCE_QUERIES).flatMap((found) => {
      const reference = isObject(found.value['valueReference']) ? found.value['valueReference']['reference'] : undefined;
      return typeof reference === 'string' && reference.startsWith('#') ? [{ name: reference.slice(1), expression: '{}' }] : [];
    });
  }

  /**
   * A targetConstraint as a native constraint: FHIRPath, severity error, checked where it is (on a
   * question); others are reported and not checked, since the form shows problems on questions.
   */
  #constraint(found: Found, nativeList: string, index: number, onQuestion: boolean): unknown[] {
    const parts = this.#extensionsOf(found.value, found.path);
    const part = (url: string) => parts(url)[0];
    const severity = part('severity')?.value['valueCode'];
    const location = part('location');
    if (!onQuestion || severity !== 'error' || location) {
      const why = !onQuestion ? 'only constraints on questions are checked' : location ? 'a constraint with a location is not checked' : `a constraint of severity ${JSON.stringify(severity)} is not checked (only "error" is)`;
      this.#report(found.path, why);
      return [];
    }
    const at = childPath(nativeList, index);
    this.#origins.set(at, found.path);
    const expression = this.#expression(part('expression'), childPath(at, 'expression'), 'the constraint is not checked');
    if (expression === undefined) return [];
    const human = part('human');
    if (human) this.#origins.set(childPath(at, 'message'), childPath(human.path, 'valueString'));
    const key = part('key')?.value['valueId'];
    this.#origins.set(childPath(at, 'key'), childPath(part('key')?.path ?? found.path, 'valueId'));
    return [{ key, expression, message: human ? this.#text(human.value, 'valueString', human.path) : undefined }];
  }

  /**
   * Each language's status, source and evidence as the form declares them (TRANSLATION_STATUS), as
   * the native format writes them, for its parser to check: a checked status needs its evidence.
   */
  #translationStatuses(extensions: Extensions, languages: readonly string[]): Map<string, JsonObject> {
    const declared = new Map<string, JsonObject>();
    for (const found of extensions(TRANSLATION_STATUS)) {
      const parts = this.#extensionsOf(found.value, found.path);
      const value = (of: Extensions, name: string, key: string) => {
        const part = of(name)[0];
        return part && { value: part.value[key], path: childPath(part.path, key) };
      };
      const lang = value(parts, 'lang', 'valueCode');
      if (typeof lang?.value !== 'string' || !languages.includes(lang.value)) {
        this.#report(found.path, `a translation status for ${typeof lang?.value === 'string' ? `"${lang.value}", a language the form has no text in,` : 'no language'} is ignored`);
        continue;
      }
      const native = childPath('translations', lang.value);
      this.#origins.set(native, found.path);
      const field = (of: Extensions, name: string, key: string, at: string) => {
        const part = value(of, name, key);
        if (part) this.#origins.set(childPath(at, name), part.path);
        return part?.value;
      };
      const evidence = parts('evidence')[0];
      const evidenceParts = evidence && this.#extensionsOf(evidence.value, evidence.path);
      const evidencePath = childPath(native, 'evidence');
      if (evidence) this.#origins.set(evidencePath, evidence.path);
      declared.set(lang.value, {
        status: field(parts, 'status', 'valueCode', native),
        source: field(parts, 'source', 'valueString', native),
        evidence: evidenceParts && {
          title: field(evidenceParts, 'title', 'valueString', evidencePath),
          publisher: field(evidenceParts, 'publisher', 'valueString', evidencePath),
          year: field(evidenceParts, 'year', 'valueInteger', evidencePath),
          foundAt: field(evidenceParts, 'foundAt', 'valueString', evidencePath),
        },
      });
    }
    return declared;
  }

  /** The names of the launch contexts the form reads (`patient` for %patient), which the host gives. */
  #launchContext(extensions: Extensions): string[] | undefined {
    const names: string[] = [];
    for (const found of extensions(LAUNCH_CONTEXT)) {
      const name = this.#extensionsOf(found.value, found.path)('name')[0]?.value;
      const value = name && (isObject(name['valueCoding']) ? name['valueCoding']['code'] : name['valueId']);
      if (typeof value !== 'string') {
        this.#report(found.path, 'a launch context without a name (valueCoding or valueId) is ignored');
        continue;
      }
      this.#origins.set(childPath('launchContext', names.length), found.path);
      names.push(value);
    }
    return names.length ? names : undefined;
  }

  #problem(path: string, message: string): undefined {
    this.#reader.report(path, message);
    return undefined;
  }

  #report(path: string, message: string): void {
    this.reported.push({ path, message });
  }

  /** Reports an item left out; when every item is, these are why the form cannot be shown. */
  #leaveOut(path: string, message: string): void {
    this.#report(path, message);
    this.#leftOutItems.push({ path, message });
  }

  /** Reports or refuses the elements the table says are, and reports those that are not in R4 at all. */
  #checkElements(element: JsonObject, path: string, table: Readonly<Record<string, Conformance>>, what: string): void {
    for (const key of Object.keys(element)) {
      const name = key.startsWith('_') ? key.slice(1) : key;
      const conformance = Object.hasOwn(table, name) ? table[name]! : undefined;
      const at = childPath(path, key);
      if (!conformance) this.#report(at, `"${name}" is not an element of R4 ${what}; it is ignored`);
      else if (conformance.support === 'refused') this.#problem(at, `"${name}" is not supported: ${conformance.note}`);
      else if (conformance.support === 'reported') this.#report(at, `"${name}" is not supported: ${conformance.note}`);
      // Only an item's text is shown formatted.
      if (key.startsWith('_') && isObject(element[key])) this.#checkExtensions(element[key] as JsonObject, at, key === '_text' && table === ITEM_ELEMENTS);
    }
  }

  /**
   * Reports or refuses the element's extensions the table says are, and reports unknown ones;
   * formatting (rendering-xhtml, -markdown) and expressions (cqf-expression) are reported unless
   * the element is an item's text (`itemText`), the one text shown formatted and computed.
   */
  #checkExtensions(element: JsonObject, path: string, itemText = false): void {
    for (const found of this.#allExtensions(element, path)) {
      const url = found.value['url'];
      if (typeof url !== 'string') {
        this.#problem(childPath(found.path, 'url'), 'expected the url of the extension');
        continue;
      }
      const conformance = Object.hasOwn(EXTENSIONS, url) ? EXTENSIONS[url]! : undefined;
      if (!conformance) this.#report(found.path, `the extension "${url}" is not known here; it is ignored`);
      else if ((url === RENDERING_XHTML || url === RENDERING_MARKDOWN) && !itemText) this.#report(found.path, `"${url.split('/').pop()}" is not supported here: the plain text is shown`);
      else if (url === CQF_EXPRESSION && !itemText) this.#report(found.path, '"cqf-expression" is not supported here: the value is used as written');
      else if (conformance.support === 'refused') this.#problem(found.path, `"${url.split('/').pop()}" is not supported: ${conformance.note}`);
      else if (conformance.support === 'reported') this.#report(found.path, `"${url.split('/').pop()}" is not supported: ${conformance.note}`);
    }
  }

  /**
   * Reads a FHIR array, appending what `read` makes of each entry to `out` and remembering where
   * each came from. `read` returns undefined for an entry left out, before recording any origin.
   */
  #collect(value: unknown, fhirPath: string, nativePath: string, read: (value: unknown, at: At) => unknown, out: unknown[] = []): unknown[] {
    for (const [i, entry] of (this.#reader.array(value, fhirPath) ?? []).entries()) {
      const at = { fhir: childPath(fhirPath, i), native: childPath(nativePath, out.length) };
      const result = read(entry, at);
      if (result === undefined) continue;
      this.#origins.set(at.native, at.fhir);
      out.push(result);
    }
    return out;
  }

  /** An element's extensions, read (and a malformed list reported) once however many lookups need them. */
  #allExtensions(element: JsonObject, path: string): Found[] {
    const known = this.#extensionsRead.get(element);
    if (known) return known;
    const listPath = childPath(path, 'extension');
    const list = this.#reader.optional(element['extension'], (v) => this.#reader.array(v, listPath)) ?? [];
    const found = list.flatMap((value, i): Found[] => {
      const object = this.#reader.object(value, childPath(listPath, i));
      return object ? [{ value: object, path: childPath(listPath, i) }] : [];
    });
    this.#extensionsRead.set(element, found);
    return found;
  }

  #extensionsOf(element: JsonObject, path: string): Extensions {
    const found = this.#allExtensions(element, path);
    return (url) => found.filter((f) => f.value['url'] === url);
  }

  /** A FHIR string with the translation extensions of its `_key` element, as a text map. */
  #text(element: JsonObject, key: string, path: string): TextMap | undefined {
    const text = this.#reader.string(element[key], childPath(path, key));
    const translations = this.#translations(element[`_${key}`], childPath(path, `_${key}`));
    return text === undefined ? undefined : { [this.#source]: text, ...translations };
  }

  #optionalText(element: JsonObject, key: string, path: string): TextMap | undefined {
    return element[key] === undefined ? undefined : this.#text(element, key, path);
  }

  #translations(value: unknown, path: string): Record<LanguageCode, string> {
    const element = this.#reader.optional(value, (v) => this.#reader.object(v, path));
    if (!element) return {};
    const result: [LanguageCode, string][] = [];
    for (const translation of this.#extensionsOf(element, path)(TRANSLATION)) {
      const parts = this.#extensionsOf(translation.value, translation.path);
      const part = (url: string, key: string, read = (v: unknown, p: string) => this.#reader.string(v, p)) => {
        const found = parts(url)[0];
        return found ? read(found.value[key], childPath(found.path, key)) : this.#problem(translation.path, `missing the "${url}" extension`);
      };
      const lang = part('lang', 'valueCode', (v, p) => this.#reader.languageTag(v, p));
      const content = part('content', 'valueString');
      // The element's own value is the source-language text; a "translation" into it cannot replace it.
      if (lang === undefined || content === undefined || primaryLanguage(lang) === this.#source) continue;
      this.#languages.add(lang);
      result.push([lang, content]);
    }
    return Object.fromEntries(result);
  }

  /** An element's first coding (`code[0]`), passed on for the native parser to validate. */
  #code(element: JsonObject, at: At): unknown {
    const path = childPath(at.fhir, 'code');
    const first = this.#reader.optional(element['code'], (v) => this.#reader.array(v, path))?.[0];
    if (first === undefined) return undefined;
    this.#origins.set(childPath(at.native, 'code'), childPath(path, 0));
    const coding = this.#reader.object(first, childPath(path, 0));
    // Only the code tells what the item is; a coding without one names nothing.
    if (coding && coding['code'] === undefined) {
      this.#report(childPath(path, 0), 'a coding without a code is ignored');
      return undefined;
    }
    return coding && { system: coding['system'], code: coding['code'], display: coding['display'] };
  }

  /** The codes of an extension's valueCodeableConcept (item controls, display categories). */
  #conceptCodes(found: Found): string[] {
    return codesOf(this.#reader.object(found.value['valueCodeableConcept'], childPath(found.path, 'valueCodeableConcept')));
  }

  /**
   * The item control asked for, reported when it is one the item is not shown with. `type` is
   * `choice` for every item answered by choosing.
   */
  #itemControl(extensions: Extensions, type: string | undefined, item: JsonObject): string | undefined {
    const found = extensions(ITEM_CONTROL)[0];
    if (!found) return undefined;
    const code = this.#conceptCodes(found)[0];
    const control = code !== undefined && Object.hasOwn(ITEM_CONTROLS, code) ? ITEM_CONTROLS[code]! : undefined;
    const single = type === 'choice' && item['repeats'] !== true;
    const number = type === 'integer' || type === 'decimal';
    const fits: Record<string, boolean> = {
      page: type === 'group',
      'radio-button': type === 'choice',
      'check-box': type === 'choice',
      'drop-down': single,
      autocomplete: single,
      lookup: single,
      slider: number && extensions(MIN_VALUE).length > 0 && extensions(MAX_VALUE).length > 0,
      spinner: number,
    };
    const shownAsAsked = control?.support === 'supported' && (code! in fits ? fits[code!] : type === 'display');
    if (!shownAsAsked) {
      this.#report(found.path, control ? `the item control "${code}" is not supported on a ${type} item: ${control.support === 'supported' ? 'shown as usual' : control.note}` : `the item control "${code}" is not known here; shown as usual`);
    }
    return code;
  }

  #items(value: unknown, at: At): unknown[] {
    return this.#collect(value, at.fhir, at.native, (v, a) => this.#item(v, a));
  }

  #item(value: unknown, at: At): JsonObject | undefined {
    const reader = this.#reader;
    const item = reader.object(value, at.fhir);
    if (!item) return undefined;
    const fhir = (key: string) => childPath(at.fhir, key);
    const native = (key: string) => childPath(at.native, key);
    const linkId = reader.string(item['linkId'], fhir('linkId'));
    const type = reader.string(item['type'], fhir('type'));
    const extensions = this.#extensionsOf(item, at.fhir);
    this.#checkElements(item, at.fhir, ITEM_ELEMENTS, 'Questionnaire.item');
    this.#checkExtensions(item, at.fhir);

    if (this.#leftOutForScoring(item, linkId)) return undefined;
    const lacking = linkId === undefined ? undefined : this.#lackingAnswers.get(linkId);
    if (lacking !== undefined) {
      this.#leaveOut(lacking.path ? fhir(lacking.path) : at.fhir, `${lacking.why}; the question is left out`);
      return undefined;
    }
    // A string, integer, date or time question with answerOption is answered by choosing one (or, repeating, several).
    const optionsOnly = type !== undefined && Object.hasOwn(OPTION_VALUE_TYPES, type) && item['answerOption'] !== undefined;
    const control = this.#itemControl(extensions, optionsOnly || type === 'open-choice' || type === 'reference' ? 'choice' : type, item);
    const enableWhen = reader.optional(item['enableWhen'], (v) => this.#collect(v, fhir('enableWhen'), native('enableWhen'), (c, a) => this.#condition(c, a)));
    if (type === undefined) return undefined;
    const typeSupport = Object.hasOwn(ITEM_TYPES, type) ? ITEM_TYPES[type]! : undefined;
    if (typeSupport?.support !== 'supported') return this.#problem(fhir('type'), typeSupport ? `"${type}" items are ${typeSupport.note}` : `"${type}" is not an R4 item type`);
    const candidates = type === 'reference' && item['answerOption'] === undefined ? this.#candidates(extensions) : undefined;
    if (candidates?.length === 0) {
      if (item['required'] === true) return this.#problem(at.fhir, 'a required reference item needs something to choose from: give the resources it may name in references');
      this.#leaveOut(at.fhir, 'a reference item is left out when the host gives no resources for it to offer (references)');
      return undefined;
    }
    this.#origins.set(native('id'), fhir('linkId'));
    const prefix = this.#optionalText(item, 'prefix', at.fhir);
    const formattedText = this.#formattedText(item, at, type !== 'display' && type !== 'group');
    const enableWhenExpression = this.#expression(extensions(ENABLE_WHEN_EXPRESSION)[0], native('enableWhenExpression'), 'the item is shown as if it had no enableWhenExpression');
    const textExpression = isObject(item['_text']) ? this.#expression(this.#extensionsOf(item['_text'], fhir('_text'))(CQF_EXPRESSION)[0], native('textExpression'), 'the text is shown as written') : undefined;
    // Inside a hidden group an item is never shown either.
    const hidden = extensions(HIDDEN)[0]?.value['valueBoolean'] === true || this.#hiddenGroups > 0 || undefined;
    const variables = this.#variables(extensions, at.native, type === 'group');
    if (type !== 'group') for (const found of extensions(ITEM_POPULATION_CONTEXT)) this.#report(found.path, 'a population context applies to a group; it is ignored here');
    const constraints: unknown[] = [];
    for (const found of extensions(TARGET_CONSTRAINT)) constraints.push(...this.#constraint(found, childPath(at.native, 'constraints'), constraints.length, type !== 'group' && type !== 'display'));
    const common = { id: linkId, prefix, enableWhen, enableBehavior: item['enableBehavior'], formattedText, textExpression, enableWhenExpression, hidden, variables };
    const choice = type === 'choice' || type === 'open-choice' || type === 'reference' || optionsOnly;
    // Choices take several answers as a multi-choice; groups as repeats; other questions as a list of fields.
    const repeatingAnswers = item['repeats'] === true && !choice && type !== 'group';
    if (repeatingAnswers && !REPEATABLE_TYPES.includes(QUESTION_TYPES[type as keyof typeof QUESTION_TYPES])) reader.report(fhir('repeats'), `repeating "${type}" items are not supported yet`);
    const occurs = item['repeats'] === true && (type === 'group' || repeatingAnswers);
    for (const [url, what] of [[MAX_OCCURS, 'most'], [MIN_OCCURS, 'fewest']] as const) {
      const found = extensions(url)[0];
      // At least one answer once any is given holds of every item: nothing to check.
      const trivial = url === MIN_OCCURS && typeof found?.value['valueInteger'] === 'number' && found.value['valueInteger'] <= 1;
      if (found && !trivial && !(occurs && (url === MAX_OCCURS || type !== 'group'))) this.#report(found.path, `"${url.split('/').pop()}" is not supported here: the ${what} answers allowed is not checked`);
    }

    if (type === 'group') {
      this.#origins.set(native('items'), fhir('item'));
      const text = this.#optionalText(item, 'text', at.fhir);
      if (hidden) this.#hiddenGroups++;
      const items = this.#items(item['item'], { fhir: fhir('item'), native: native('items') });
      if (hidden) this.#hiddenGroups--;
      // Its items were all left out (each reported): nothing of it is left to show.
      if (items.length === 0 && Array.isArray(item['item']) && item['item'].length > 0) return undefined;
      const repeats = item['repeats'] === true || undefined;
      const maxOccurs = repeats && this.#occurs(extensions, MAX_OCCURS, native('maxOccurs'));
      return { ...common, type: control === 'page' && !repeats ? 'page' : 'group', text, items, repeats, maxOccurs, required: item['required'] };
    }
    if (!choice) {
      for (const key of ['answerOption', 'answerValueSet']) {
        if (item[key] !== undefined) reader.report(fhir(key), `answer lists on "${type}" items are not supported`);
      }
    }
    if (optionsOnly && item['answerValueSet'] !== undefined) reader.report(fhir('answerValueSet'), `a value set's codings cannot be the answers of a "${type}" item`);
    if (type === 'display') {
      this.#displayCategory(extensions);
      const text = this.#text(item, 'text', at.fhir);
      if (item['item'] === undefined) return { ...common, type, text };
      // Its display items explain it: they follow it, as a group's items follow its stem.
      this.#origins.set(native('items'), fhir('item'));
      return { ...common, type: 'group', text, items: this.#help(item, at.fhir).map((help, i) => ({ id: `${linkId}#${i}`, type: 'display', text: help })) };
    }
    const help = this.#help(item, at.fhir);
    // A question given only a formatted text is labelled by it (as written) where plain text is needed.
    const text = this.#optionalText(item, 'text', at.fhir) ?? formattedText?.text ?? help.shift() ?? this.#soleOptionText(item);
    const format = extensions(ENTRY_FORMAT)[0];
    const formatText = format && this.#reader.string(format.value['valueString'], childPath(format.path, 'valueString'));
    if (formatText) help.push({ [this.#source]: formatText });
    // A hidden question is never shown, so nobody needs to read what it asks.
    if (!text && !hidden) return this.#problem(fhir('text'), 'a question needs a text (or a display item under it) to be labelled with');
    // The other items under it are answered with it (into its answer's items).
    this.#origins.set(native('items'), fhir('item'));
    const nested = this.#collect(item['item'] ?? [], fhir('item'), native('items'), (v, a) => (isObject(v) && isHelp(v) ? undefined : this.#item(v, a)));

    // An open choice without options is a question answered in words.
    const listed = item['answerOption'] !== undefined || item['answerValueSet'] !== undefined || extensions(ANSWER_EXPRESSION).length > 0;
    const nativeType = type === 'open-choice' && !listed ? 'text' : optionsOnly || candidates ? 'choice' : QUESTION_TYPES[type as keyof typeof QUESTION_TYPES];
    const repeats = repeatingAnswers ? { repeats: true, minOccurs: this.#occurs(extensions, MIN_OCCURS, native('minOccurs')), maxOccurs: this.#occurs(extensions, MAX_OCCURS, native('maxOccurs')) } : {};
    const initialExpression = this.#expression([...extensions(INITIAL_EXPRESSION), ...extensions(OLD_INITIAL_EXPRESSION)][0], native('initialExpression'), 'the question starts without it');
    const calculated = this.#expression(extensions(CALCULATED)[0], native('calculated'), 'the answer is not computed');
    const expressions = { initialExpression, calculated, readOnly: item['readOnly'], constraints: constraints.length ? constraints : undefined };
    const question = { ...common, ...expressions, text, help: help.length ? help : undefined, items: nested.length ? nested : undefined, required: item['required'], code: this.#code(item, at), ...repeats };
    if (nativeType === 'choice') {
      const found = extensions(ANSWER_EXPRESSION)[0];
      const answerExpression = this.#expression(found, native('answerExpression'), 'it gives no answers');
      if (found && answerExpression === undefined && item['answerOption'] === undefined && item['answerValueSet'] === undefined) {
        if (item['required'] === true) return this.#problem(found.path, 'the answers of this required question come from an expression that is not evaluated, so it could never be answered');
        this.#leaveOut(found.path, 'the answers come from an expression that is not evaluated; the question is left out');
        return undefined;
      }
      const answers = candidates ? candidates.map(({ reference, display }) => ({ value: reference, text: { [this.#source]: display } })) : answerExpression !== undefined && item['answerOption'] === undefined && item['answerValueSet'] === undefined ? [] : this.#answers(item, at);
      const other = type === 'open-choice' || undefined;
      const valueType = candidates ? 'reference' : this.#optionValueType(item, at);
      const repeats = item['repeats'] === true;
      // A long list is searched; lookup is the older name of autocomplete.
      const choiceControl = repeats ? undefined : control === 'drop-down' ? 'drop-down' : control === 'autocomplete' || control === 'lookup' ? 'autocomplete' : undefined;
      const orientation = this.#orientation(extensions, at);
      return { ...question, type: repeats ? 'multi-choice' : 'choice', answers, answerExpression, other, valueType, control: choiceControl, orientation, initial: this.#initialChoice(item, at, answers) };
    }
    // A question that repeats starts with a list of answers.
    const initials = this.#initials(item, at);
    const initial = repeatingAnswers && initials.length ? initials : initials[0];
    /** An answer constraint's value, for the native parser to check; reported where it does not apply. */
    const constraint = (url: string, fhirKey: string, nativeKey: string, applies: boolean) => {
      const found = extensions(url)[0];
      if (!found) return undefined;
      if (!applies) {
        this.#report(found.path, `"${url.split('/').pop()}" does not apply to a "${type}" item here; it is not checked`);
        return undefined;
      }
      this.#origins.set(native(nativeKey), childPath(found.path, fhirKey));
      return found.value[fhirKey];
    };
    const words = nativeType === 'text' && type !== 'open-choice';
    const pattern = constraint(REGEX, 'valueString', 'pattern', words);
    const minLength = constraint(MIN_LENGTH, 'valueInteger', 'minLength', words);
    const maxDecimals = constraint(MAX_DECIMAL_PLACES, 'valueInteger', 'maxDecimals', nativeType === 'decimal');
    if (nativeType === 'text') return { ...question, type: nativeType, maxLength: item['maxLength'], minLength, pattern, singleLine: type === 'string' || undefined, initial };
    if (nativeType === 'url') return { ...question, type: nativeType, maxLength: item['maxLength'], initial };
    if (item['maxLength'] !== undefined) this.#report(fhir('maxLength'), `"maxLength" does not apply to a "${type}" item; it is ignored`);
    if (nativeType === 'boolean' || nativeType === 'date-time' || nativeType === 'time') return { ...question, type: nativeType, initial };
    const bounds = {
      min: this.#bound(extensions, MIN_VALUE, native('min')),
      max: this.#bound(extensions, MAX_VALUE, native('max')),
      minExpression: this.#boundExpression(extensions, MIN_VALUE, native('minExpression')),
      maxExpression: this.#boundExpression(extensions, MAX_VALUE, native('maxExpression')),
    };
    if (nativeType === 'attachment') {
      const maxSize = extensions(MAX_SIZE)[0];
      if (maxSize) this.#origins.set(native('maxSize'), childPath(maxSize.path, 'valueDecimal'));
      const mimeTypes = extensions(MIME_TYPE).map((found, i) => {
        this.#origins.set(childPath(native('mimeTypes'), i), childPath(found.path, 'valueCode'));
        return found.value['valueCode'];
      });
      return { ...question, type: nativeType, maxSize: maxSize?.value['valueDecimal'], mimeTypes: mimeTypes.length ? mimeTypes : undefined };
    }
    if (nativeType === 'quantity') {
      const units = this.#units(extensions, at);
      return { ...question, type: nativeType, ...bounds, units, maxDecimals, initial: this.#initialQuantity(initial, units, at) };
    }
    if (nativeType === 'date') return { ...question, type: nativeType, ...bounds, initial };
    const numberControl = control === 'spinner' || (control === 'slider' && bounds.min !== undefined && bounds.max !== undefined) ? control : undefined;
    const step = constraint(SLIDER_STEP, 'valueInteger', 'step', numberControl !== undefined);
    return { ...question, type: nativeType, ...bounds, unit: this.#unit(extensions), maxDecimals, control: numberControl, step, initial };
  }

  /** The formatting extensions on an item's text. */
  #formatting(item: JsonObject, path: string): Found[] {
    if (!isObject(item['_text'])) return [];
    const extensions = this.#extensionsOf(item['_text'], childPath(path, '_text'));
    return [...extensions(RENDERING_XHTML), ...extensions(RENDERING_MARKDOWN)];
  }

  /**
   * An item's formatted text. What the sanitizer will remove is reported: elements other than
   * phrasing in a question's label (`inline`), other than those of BLOCK_TAGS elsewhere.
   */
  #formattedText(item: JsonObject, at: At, inline: boolean): FormattedText | undefined {
    const found = this.#formatting(item, at.fhir)[0];
    if (!found) return undefined;
    const xhtml = found.value['url'] === RENDERING_XHTML;
    const key = xhtml ? 'valueString' : 'valueMarkdown';
    const text = this.#reader.string(found.value[key], childPath(found.path, key));
    if (text === undefined) return undefined;
    const dropped = xhtml ? tagsOutside(text, inline ? INLINE_TAGS : BLOCK_TAGS) : inline && /\]\(|^\s*([-*+]|\d+\.)\s/m.test(text) ? ['links and lists'] : [];
    if (dropped.length) this.#report(found.path, `shown without ${dropped.map((tag) => (xhtml ? `<${tag}>` : tag)).join(', ')}${inline ? ', which a question\'s label cannot hold' : ''} (their text is kept)`);
    return { format: xhtml ? 'xhtml' : 'markdown', text: { [this.#source]: text } };
  }

  /** The layout asked for by choiceOrientation, passed on for the native parser to check. */
  #orientation(extensions: Extensions, at: At): unknown {
    const found = extensions(CHOICE_ORIENTATION)[0];
    if (found) this.#origins.set(childPath(at.native, 'orientation'), childPath(found.path, 'valueCode'));
    return found?.value['valueCode'];
  }

  /**
   * The text of a question's only answer, which labels a question without text: a single check
   * box ("Receive SMS reminders") says what it asks by itself.
   */
  #soleOptionText(item: JsonObject): TextMap | undefined {
    const options = Array.isArray(item['answerOption']) ? item['answerOption'] : [];
    const option = options.length === 1 && isObject(options[0]) ? options[0] : undefined;
    const label = option && (isObject(option['valueCoding']) ? option['valueCoding']['display'] : option['valueString']);
    return typeof label === 'string' ? { [this.#source]: label } : undefined;
  }

  /** The display items under a question or a display item, shown with it as its help. */
  #help(item: JsonObject, path: string): TextMap[] {
    const children = Array.isArray(item['item']) ? item['item'] : [];
    const help: TextMap[] = [];
    children.forEach((child, i) => {
      const at = childPath(childPath(path, 'item'), i);
      if (!isObject(child) || !isHelp(child)) return;
      this.#checkElements(child, at, ITEM_ELEMENTS, 'Questionnaire.item');
      this.#checkExtensions(child, at);
      const extensions = this.#extensionsOf(child, at);
      this.#itemControl(extensions, 'display', child);
      this.#displayCategory(extensions);
      if (child['type'] !== 'display') this.#report(childPath(at, 'type'), `this read-only "${String(child['type'])}" item with the help control, never answered, is shown as the question's help`);
      if (child['enableWhen'] !== undefined) this.#problem(childPath(at, 'enableWhen'), 'conditions on a display item under a question are not supported');
      const formatting = this.#formatting(child, at);
      // Help given only formatted is shown as written.
      const text = child['text'] === undefined && formatting.length ? this.#formattedText(child, { fhir: at, native: '' }, false)?.text : this.#text(child, 'text', at);
      if (text) help.push(text);
      for (const found of formatting) this.#report(found.path, `"${String(found.value['url']).split('/').pop()}" is not supported on a question's help: ${child['text'] === undefined ? 'its source' : 'the plain text'} is shown`);
      const computed = isObject(child['_text']) ? this.#extensionsOf(child['_text'], childPath(at, '_text'))(CQF_EXPRESSION) : [];
      for (const found of computed) this.#report(found.path, '"cqf-expression" is not supported on a question\'s help: the text is shown as written');
    });
    return help;
  }

  #displayCategory(extensions: Extensions): void {
    for (const found of extensions(DISPLAY_CATEGORY)) {
      const code = this.#conceptCodes(found)[0];
      if (code !== 'instructions' && code !== 'help') this.#report(found.path, `the display category "${code}" is not supported: the text is shown as usual`);
    }
  }

  /** The starting answer of a non-choice item: its first `initial`. */
  #initial(item: JsonObject, at: At): unknown {
    return this.#initials(item, at)[0];
  }

  /** The starting answers of an item: the values of its `initial` list (a question that repeats takes them all). */
  #initials(item: JsonObject, at: At): unknown[] {
    const list = this.#reader.optional(item['initial'], (v) => this.#reader.array(v, childPath(at.fhir, 'initial'))) ?? [];
    return list.flatMap((entry, i) => {
      const path = childPath(childPath(at.fhir, 'initial'), i);
      const initial = this.#reader.object(entry, path);
      const key = initial && choiceKey(initial, 'value');
      if (!initial || !key) return this.#problem(path, 'expected a value[x]') ?? [];
      const value = initial[key];
      // FHIR dates may be a year or a month; a date field takes a whole day (a list of dates takes any of its own).
      if (key === 'valueDate' && item['answerOption'] === undefined && typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        this.#report(childPath(path, key), `the partial date "${value}" cannot be a date field's answer; the field starts empty`);
        return [];
      }
      this.#origins.set(childPath(at.native, 'initial'), childPath(path, key));
      return [value];
    });
  }

  /** The starting answer of a choice item: its `initial` coding or value, or the options marked `initialSelected`. */
  #initialChoice(item: JsonObject, at: At, answers: unknown): unknown {
    const repeats = item['repeats'] === true;
    const options = Array.isArray(item['answerOption']) ? item['answerOption'] : [];
    const selected = options.flatMap((option, i) => {
      if (!isObject(option) || option['initialSelected'] !== true) return [];
      this.#origins.set(childPath(at.native, 'initial'), childPath(childPath(at.fhir, 'answerOption'), i));
      const key = choiceKey(option, 'value');
      const value = key && option[key];
      return [isObject(value) ? value['code'] : value];
    });
    const initial = selected.length ? undefined : this.#initial(item, at);
    const values = selected.length ? selected : initial === undefined ? [] : [isObject(initial) ? initial['code'] : initial];
    if (!values.length || answers === undefined) return undefined;
    return repeats ? values : values[0];
  }

  /**
   * The native scoring, each scale carrying the linkId of the calculated item with its code (e.g.
   * LOINC 44261-6, the PHQ-9 total), so that responses put the score where the Questionnaire has it.
   */
  #scoring(): unknown {
    const scoring = this.#options.scoring;
    if (!isObject(scoring) || !Array.isArray(scoring['scales'])) return scoring ?? { scales: [] };
    const scales = scoring['scales'].map((scale: unknown) => {
      if (!isObject(scale) || !isObject(scale['code'])) return scale;
      const linkId = this.#calculatedByCode.get(`${scale['code']['system']}|${scale['code']['code']}`);
      return linkId === undefined || 'linkId' in scale ? scale : { ...scale, linkId };
    });
    return { ...scoring, scales };
  }

  /**
   * Whether a calculated item is left out because `options.scoring` computes the scores; its code
   * is kept, so that the scale with that code puts its score where the item was.
   */
  #leftOutForScoring(item: JsonObject, linkId: string | undefined): boolean {
    if (linkId === undefined || !this.#leftOut.has(linkId)) return false;
    for (const code of Array.isArray(item['code']) ? item['code'] : []) {
      if (isObject(code)) this.#calculatedByCode.set(`${code['system']}|${code['code']}`, linkId);
    }
    return true;
  }

  /** A questionnaire-minOccurs or -maxOccurs value, for the native parser to check. */
  #occurs(extensions: Extensions, url: string, nativePath: string): unknown {
    const found = extensions(url)[0];
    if (found) this.#origins.set(nativePath, childPath(found.path, 'valueInteger'));
    return found?.value['valueInteger'];
  }

  /** A minValue / maxValue extension's value, whatever its type: the native parser checks it fits the item. */
  #bound(extensions: Extensions, url: string, nativePath: string): unknown {
    const found = extensions(url)[0];
    if (!found) return undefined;
    const key = choiceKey(found.value, 'value');
    // Only an expression may give the bound (`_valueDate` with a cqf-expression).
    if (!key && this.#valueElement(found)) return undefined;
    this.#origins.set(nativePath, key ? childPath(found.path, key) : found.path);
    return key ? found.value[key] : this.#problem(found.path, 'expected a value[x]');
  }

  /** The `_value[x]` element of an extension, where an expression (cqf-expression) may give its value. */
  #valueElement(found: Found): Found | undefined {
    const key = Object.keys(found.value).find((k) => k.startsWith('_value'));
    return key && isObject(found.value[key]) ? { value: found.value[key], path: childPath(found.path, key) } : undefined;
  }

  /** The expression that gives a minValue / maxValue extension's value (cqf-expression on its `_value[x]`). */
  #boundExpression(extensions: Extensions, url: string, nativePath: string): string | undefined {
    const found = extensions(url)[0];
    const element = found && this.#valueElement(found);
    if (!element) return undefined;
    return this.#expression(this.#extensionsOf(element.value, element.path)(CQF_EXPRESSION)[0], nativePath, 'the bound is the value written');
  }

  /**
   * A quantity's units: its unit options, else its one unit. A unit of the person's own
   * (`unitOpen`) cannot be given: they choose from the listed units, which is reported.
   */
  #units(extensions: Extensions, at: At): unknown[] {
    const open = extensions(UNIT_OPEN)[0];
    if (open && open.value['valueCode'] !== 'optionsOnly') this.#report(open.path, `a unit of the person's own ("${String(open.value['valueCode'])}") cannot be given; they choose from the units listed, if any`);
    const options = extensions(UNIT_OPTION);
    const found = options.length ? options : extensions(UNIT);
    const native = childPath(at.native, 'units');
    return found.map((unit, i) => {
      const path = childPath(unit.path, 'valueCoding');
      this.#origins.set(childPath(native, i), path);
      const coding = this.#reader.object(unit.value['valueCoding'], path);
      if (!coding) return undefined;
      // A unit written only by its name is known by that name.
      const code = coding['code'] ?? coding['display'];
      return { code: { system: coding['system'], code }, text: this.#codingText(coding, path) };
    });
  }

  /**
   * A quantity's starting answer from its `initial` valueQuantity, its unit found by code, else by
   * the unit written (forms in the wild put one where the other belongs); none found: it starts empty.
   */
  #initialQuantity(initial: unknown, units: readonly unknown[], at: At): unknown {
    if (!isObject(initial)) return initial;
    if (initial['value'] === undefined) {
      this.#report(childPath(at.fhir, 'initial'), 'a starting quantity without a value only names a unit; the field starts empty');
      return undefined;
    }
    const codes = units.flatMap((unit) => (isObject(unit) && isObject(unit['code']) ? [unit['code']['code']] : []));
    const unit = [initial['code'], initial['unit']].find((code) => codes.includes(code));
    if (unit === undefined && (initial['code'] !== undefined || initial['unit'] !== undefined || codes.length > 1)) {
      this.#report(childPath(at.fhir, 'initial'), 'the starting quantity has no unit among the item\'s units; the field starts empty');
      return undefined;
    }
    return { value: initial['value'], ...(unit !== undefined && { unit }) };
  }

  #unit(extensions: Extensions): TextMap | undefined {
    const found = extensions(UNIT)[0];
    const coding = found && this.#reader.object(found.value['valueCoding'], childPath(found.path, 'valueCoding'));
    // A bare UCUM annotation (`{score}`) marks a number as a count: there is no unit to read.
    const shown = coding?.['display'] ?? coding?.['code'];
    if (typeof shown === 'string' && /^\{[^{}]*\}$/.test(shown)) return undefined;
    return coding && this.#codingText(coding, childPath(found.path, 'valueCoding'));
  }

  /** A coding's display with its translations; its code when it has no display. */
  #codingText(coding: JsonObject, path: string): TextMap | undefined {
    if (coding['display'] !== undefined) return this.#text(coding, 'display', path);
    const code = this.#reader.string(coding['code'], childPath(path, 'code'));
    return code === undefined ? undefined : { [this.#source]: code };
  }

  #condition(value: unknown, at: At): JsonObject | undefined {
    const reader = this.#reader;
    const condition = reader.object(value, at.fhir);
    if (!condition) return undefined;
    const fhir = (key: string) => childPath(at.fhir, key);
    const question = reader.string(condition['question'], fhir('question'));
    if (question !== undefined && !this.#allLinkIds.has(question)) return this.#problem(fhir('question'), `no item has linkId "${question}"`);
    if (question !== undefined && this.#lackingAnswers.has(question)) {
      return this.#problem(fhir('question'), `"${question}" is left out (${this.#lackingAnswers.get(question)!.why}); a condition on it cannot be checked`);
    }
    if (question !== undefined && this.#leftOut.has(question)) {
      return this.#problem(fhir('question'), `"${question}" is a calculated item, left out because options.scoring computes the scores; a condition on it cannot hold`);
    }
    this.#origins.set(childPath(at.native, 'item'), fhir('question'));
    const key = choiceKey(condition, 'answer');
    if (!key) return this.#problem(at.fhir, 'expected an answer[x]');
    this.#origins.set(childPath(at.native, 'value'), fhir(key));
    const answer = condition[key];
    const operator = condition['operator'];
    if (['<', '<=', '>', '>='].includes(operator as string) && (key === 'answerCoding' || key === 'answerBoolean' || key === 'answerReference')) {
      return this.#problem(fhir('operator'), `"${String(operator)}" orders numbers, dates, times and strings; ${key} has no order, so the condition would be checked wrongly`);
    }
    switch (key) {
      case 'answerCoding': {
        const coding = reader.object(answer, fhir(key));
        // Imported coded answers have their code as value (see `codedOption`).
        return coding && { item: question, operator, value: reader.string(coding['code'], childPath(fhir(key), 'code')) };
      }
      case 'answerBoolean':
      case 'answerInteger':
      case 'answerDecimal':
      case 'answerString':
      case 'answerDate':
      case 'answerDateTime':
      case 'answerTime':
        return { item: question, operator, value: answer };
      case 'answerReference': {
        // Reference items' answers are the references they name (see `#candidates`).
        const reference = reader.object(answer, fhir(key));
        return reference && { item: question, operator, value: reader.string(reference['reference'], childPath(fhir(key), 'reference')) };
      }
      case 'answerQuantity': {
        // A quantity answer's unit is its unit's code (see `#units`).
        const quantity = reader.object(answer, fhir(key));
        const unit = quantity?.['code'] ?? quantity?.['unit'];
        return quantity && { item: question, operator, value: { value: quantity['value'], ...(unit !== undefined && { unit }) } };
      }
      default:
        return this.#problem(fhir(key), `"${key}" conditions are not supported yet`);
    }
  }

  /** A choice item's native answers: a list, or the name of an answer set for a value set. */
  #answers(item: JsonObject, at: At): unknown {
    const reader = this.#reader;
    const native = childPath(at.native, 'answers');
    const fhir = (key: string) => childPath(at.fhir, key);
    if (item['answerValueSet'] !== undefined) {
      if (item['answerOption'] !== undefined) reader.report(fhir('answerOption'), 'an item cannot have both answerOption and answerValueSet');
      this.#origins.set(native, fhir('answerValueSet'));
      const reference = reader.string(item['answerValueSet'], fhir('answerValueSet'));
      return reference === undefined ? undefined : this.#valueSet(reference, fhir('answerValueSet'));
    }
    // A choice never shown that names no answers (see choicesOfferingNothing) answers with its starting ones.
    const listKey = item['answerOption'] === undefined && Array.isArray(item['initial']) ? 'initial' : 'answerOption';
    if (item[listKey] === undefined) return this.#problem(at.fhir, `${OFFERS_NOTHING}; the question is required, so it could never be answered`);
    this.#origins.set(native, fhir(listKey));
    const expected = typedOptionKey(item);
    return this.#collect(item[listKey], fhir(listKey), native, (v, a) => this.#answerOption(v, a, expected));
  }

  /**
   * What the item's uncoded answers are, written back as such. Strings and whole numbers may sit
   * beside codings (each option is written as it is given); dates, times and references may not.
   */
  #optionValueType(item: JsonObject, at: At): OptionValueType | undefined {
    const options = Array.isArray(item['answerOption']) ? item['answerOption'].filter(isObject) : [];
    const keys = new Set(options.map((option) => choiceKey(option, 'value')));
    const uncoded = [...keys].filter((key) => key !== 'valueCoding');
    const kind = OPTION_VALUE_TYPE[uncoded[0] ?? ''];
    const alone = kind === 'date' || kind === 'time' || kind === 'reference';
    // An item of a type with one value[x] has each option checked against it instead.
    if (typedOptionKey(item) === undefined && (uncoded.length > 1 || (alone && keys.size > 1))) this.#problem(childPath(at.fhir, 'answerOption'), `the answers of one item must all be of one type; these mix ${[...keys].join(', ')}`);
    return kind;
  }

  /** The resources the host gives for a reference item to offer, of the types it names (all, when it names none). */
  #candidates(extensions: Extensions): ReferenceCandidate[] {
    const given = this.#options.references ?? {};
    const types = extensions(REFERENCE_RESOURCE).map((found) => found.value['valueCode']);
    const named = types.length ? types.filter((type): type is string => typeof type === 'string' && Object.hasOwn(given, type)) : Object.keys(given);
    return named.flatMap((type) =>
      (Array.isArray(given[type]) ? given[type] : []).filter((candidate, i) => {
        const ok = isObject(candidate) && typeof candidate.reference === 'string' && typeof candidate.display === 'string';
        if (!ok) this.#problem(`references["${type}"][${i}]`, 'expected { reference, display }, two strings');
        return ok;
      }),
    );
  }

  /** Why a value set named by url is not available. */
  #unavailableValueSet(reference: string): string {
    const reason = this.#options.unavailable?.[reference];
    return reason
      ? `the value set "${reference}" could not be expanded by the terminology server (${reason}), and no copy of it is kept on this device`
      : `the value set "${reference}" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it`;
  }

  /** An answer option, with its prefix ("a)", "0"); `expected` is the value[x] every option of a string, integer, date or time item must have. */
  #answerOption(value: unknown, at: At, expected: string | undefined): JsonObject | undefined {
    const reader = this.#reader;
    const option = reader.object(value, at.fhir);
    if (!option) return undefined;
    this.#checkExtensions(option, at.fhir);
    const extensions = this.#extensionsOf(option, at.fhir);
    const exclusive = extensions(OPTION_EXCLUSIVE)[0]?.value['valueBoolean'];
    const prefixFound = extensions(OPTION_PREFIX)[0];
    const prefix = prefixFound && this.#text(prefixFound.value, 'valueString', prefixFound.path);
    const key = choiceKey(option, 'value');
    if (!key) return this.#problem(at.fhir, 'expected a value[x]');
    const valuePath = childPath(at.fhir, key);
    if (expected && key !== expected) return this.#problem(valuePath, `the answers of this item must be ${expected}, as its type says`);
    const answer = this.#optionAnswer(option, key, valuePath, at, extensions);
    return answer && { ...answer, exclusive, prefix };
  }

  /** What an answer option's value[x] is as a native answer. */
  #optionAnswer(option: JsonObject, key: string, valuePath: string, at: At, extensions: Extensions): JsonObject | undefined {
    const reader = this.#reader;
    switch (key) {
      case 'valueCoding': {
        const coding = reader.object(option[key], valuePath);
        return coding && this.#codedOption(coding, coding['system'], valuePath, extensions);
      }
      case 'valueInteger': {
        const number = reader.number(option[key], valuePath);
        return number === undefined ? undefined : { value: number, text: { [this.#source]: String(number) }, score: this.#score(extensions) };
      }
      case 'valueString': {
        const text = this.#text(option, key, at.fhir);
        return text && { value: text[this.#source], text, score: this.#score(extensions) };
      }
      case 'valueReference': {
        const reference = reader.object(option[key], valuePath);
        const target = reference && reader.string(reference['reference'], childPath(valuePath, 'reference'));
        if (target === undefined) return undefined;
        const display = typeof reference!['display'] === 'string' ? reference!['display'] : target;
        return { value: target, text: { [this.#source]: display } };
      }
      case 'valueDate':
      case 'valueTime': {
        const moment = reader.string(option[key], valuePath);
        return moment === undefined ? undefined : { value: moment, text: { [this.#source]: moment }, score: this.#score(extensions) };
      }
      default:
        return this.#problem(valuePath, `"${key}" answers are not supported yet`);
    }
  }

  /**
   * A coded answer: its code is the native value (conditions compare codes), and its coding, with
   * or without a system, is what the response writes back.
   */
  #codedOption(coding: JsonObject, system: unknown, path: string, ...more: Extensions[]): JsonObject | undefined {
    // A coding known by its display alone (FHIR allows it) is told apart by that display.
    const displayOnly = coding['code'] === undefined && typeof coding['display'] === 'string';
    const code = displayOnly ? undefined : this.#reader.string(coding['code'], childPath(path, 'code'));
    if (code === undefined && !displayOnly) return undefined;
    return {
      value: code ?? coding['display'],
      text: this.#codingText(coding, path),
      code: { system, code, display: coding['display'] },
      score: this.#score(this.#extensionsOf(coding, path), ...more),
    };
  }

  /** An answer's score: FHIR's ordinalValue, or the older itemWeight, on the option or its coding. */
  #score(...extensions: Extensions[]): number | undefined {
    const found = extensions.flatMap((ext) => [...ext(ORDINAL_VALUE), ...ext(ITEM_WEIGHT)])[0];
    return found && this.#reader.number(found.value['valueDecimal'], childPath(found.path, 'valueDecimal'));
  }

  /**
   * Maps a value set to a native answer set (once), returning the set's name: a contained one
   * ("#id"), or one the host gave in `options.valueSets`.
   */
  #valueSet(reference: string, referencePath: string): string | undefined {
    const known = this.#answerSetNames.get(reference);
    if (known !== undefined) return known;
    let valueSet: JsonObject | undefined;
    let path: string;
    if (reference.startsWith('#')) {
      const contained = Array.isArray(this.#root['contained']) ? this.#root['contained'] : [];
      const index = contained.findIndex((r) => isObject(r) && r['resourceType'] === 'ValueSet' && r['id'] === reference.slice(1));
      if (index < 0) return this.#problem(referencePath, `no contained ValueSet with id "${reference.slice(1)}"`);
      valueSet = contained[index] as JsonObject;
      path = childPath('contained', index);
    } else {
      const given = this.#options.valueSets ?? {};
      const key = [reference, reference.split('|')[0]!].find((k) => Object.hasOwn(given, k));
      if (key === undefined) return this.#problem(referencePath, `${this.#unavailableValueSet(reference)}; the question is required, so the form cannot be shown without it`);
      path = `valueSets["${key}"]`;
      valueSet = this.#reader.object(given[key], path);
      if (!valueSet) return undefined;
    }
    const name = asId(reference) ?? `value-set-${digest(reference)}`;
    const native = childPath('answerSets', name);
    this.#origins.set(native, path);
    this.#answerSetNames.set(reference, name);
    this.#answerSets.set(name, valueSet['expansion'] !== undefined ? this.#expansion(valueSet, path, native) : this.#compose(valueSet, path, native));
    return name;
  }

  #expansion(valueSet: JsonObject, path: string, native: string): unknown[] {
    const expansion = this.#reader.object(valueSet['expansion'], childPath(path, 'expansion'));
    return this.#collect(expansion?.['contains'], childPath(path, 'expansion.contains'), native, (v, at) => {
      const entry = this.#reader.object(v, at.fhir);
      if (entry?.['contains'] !== undefined) return this.#problem(childPath(at.fhir, 'contains'), 'nested expansions are not supported');
      return entry && this.#codedOption(entry, entry['system'], at.fhir);
    });
  }

  #compose(valueSet: JsonObject, path: string, native: string): unknown[] {
    const reader = this.#reader;
    const compose = reader.object(valueSet['compose'], childPath(path, 'compose'));
    if (compose?.['exclude'] !== undefined) reader.report(childPath(path, 'compose.exclude'), 'excludes are not supported');
    const options: unknown[] = [];
    for (const [i, value] of (reader.array(compose?.['include'], childPath(path, 'compose.include')) ?? []).entries()) {
      const includePath = childPath(childPath(path, 'compose.include'), i);
      const include = reader.object(value, includePath);
      if (!include) continue;
      if (include['concept'] === undefined || include['filter'] !== undefined || include['valueSet'] !== undefined) {
        reader.report(includePath, 'only includes that list their concepts are supported; give the value set with its expansion');
        continue;
      }
      this.#collect(include['concept'], childPath(includePath, 'concept'), native, (v, at) => {
        const concept = reader.object(v, at.fhir);
        return concept && this.#codedOption(concept, include['system'], at.fhir);
      }, options);
    }
    return options;
  }
}
