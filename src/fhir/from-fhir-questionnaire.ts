import { ContentError } from '../model/content-error.js';
import { primaryLanguage } from '../i18n/locale.js';
import type { Instrument } from '../model/instrument.js';
import { childPath, JsonReader, type JsonObject } from '../model/json-reader.js';
import { parseInstrument } from '../model/parse-instrument.js';
import type { LanguageCode, TextMap } from '../model/text.js';

export interface FromFhirOptions {
  /**
   * Native scoring, as in an instrument file (validated by `parseInstrument`). When given, the
   * Questionnaire's calculated items are left out, because this scoring computes the scores.
   */
  readonly scoring?: unknown;
}

const STRUCTURE = 'http://hl7.org/fhir/StructureDefinition/';
const SDC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/';
const TRANSLATION = `${STRUCTURE}translation`;
const MIN_VALUE = `${STRUCTURE}minValue`;
const MAX_VALUE = `${STRUCTURE}maxValue`;
const UNIT = `${STRUCTURE}questionnaire-unit`;
const HIDDEN = `${STRUCTURE}questionnaire-hidden`;
const ORDINAL_VALUE = `${STRUCTURE}ordinalValue`;
const ITEM_WEIGHT = `${STRUCTURE}itemWeight`;
const OPTION_EXCLUSIVE = `${STRUCTURE}questionnaire-optionExclusive`;
const CALCULATED = `${SDC}sdc-questionnaire-calculatedExpression`;
// FHIRPath that would change which items or answers a person sees; ignoring it would render the form wrongly.
const EXPRESSIONS = [`${SDC}sdc-questionnaire-enableWhenExpression`, `${SDC}sdc-questionnaire-answerExpression`];

/** FHIR item types that map onto a native question type. */
const QUESTION_TYPES = { choice: 'choice', integer: 'integer', decimal: 'decimal', string: 'text', text: 'text', date: 'date' } as const;

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

/**
 * Maps a FHIR R4 Questionnaire (a subset) into the native model, so that LOINC/LHC forms render.
 *
 * Whatever it cannot map faithfully is a problem, never silently dropped: a `ContentError` lists
 * every problem with its FHIR path. The mapping builds a native document and validates it with
 * `parseInstrument`, whose problems are reported with FHIR paths too.
 *
 * Calculated items (`readOnly`, `questionnaire-hidden`, SDC `calculatedExpression`) need FHIRPath,
 * which Painpath does not evaluate: they are problems unless `options.scoring` is given, in which
 * case they are left out, because the native scoring computes the scores.
 */
export function fromFhirQuestionnaire(json: unknown, options: FromFhirOptions = {}): Instrument {
  const reader = new JsonReader();
  const root = reader.object(json, '');
  if (root && root['resourceType'] !== 'Questionnaire') {
    reader.report('resourceType', `expected "Questionnaire", got ${JSON.stringify(root['resourceType']) ?? 'nothing'}`);
  }
  if (!root || reader.problems.length > 0) throw new ContentError('FHIR Questionnaire', reader.problems);

  const name = [root['id'], root['name']].find((v) => typeof v === 'string');
  const subject = name === undefined ? 'FHIR Questionnaire' : `FHIR Questionnaire "${name}"`;
  const importer = new QuestionnaireImporter(reader, root, options);
  const document = importer.document();
  // Native validation runs only on a complete mapping: items left out for a problem would
  // otherwise cascade into problems that are not the form's.
  if (reader.problems.length > 0) throw new ContentError(subject, reader.problems);
  try {
    return parseInstrument(document);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    throw new ContentError(subject, error.problems.map((p) => ({ path: importer.fhirPath(p.path), message: p.message })));
  }
}

class QuestionnaireImporter {
  readonly #source: LanguageCode;
  readonly #languages = new Set<LanguageCode>();
  readonly #allLinkIds: ReadonlySet<string>;
  /** LinkIds of the items walked so far, which conditions may refer to. */
  readonly #seen = new Set<string>();
  /** LinkIds of calculated items left out because `options.scoring` computes the scores. */
  readonly #leftOut = new Set<string>();
  /** "system|code" of each left-out calculated item → its linkId, so a scale with that code keeps it. */
  readonly #calculatedByCode = new Map<string, string>();
  /** Contained ValueSets by id, as native answer sets, so items sharing one share one list. */
  readonly #answerSets = new Map<string, unknown[]>();
  /** Native path → the FHIR path it was made from, to report native problems in FHIR terms. */
  readonly #origins = new Map<string, string>();

  readonly #reader: JsonReader;
  readonly #root: JsonObject;
  readonly #options: FromFhirOptions;

  constructor(
    reader: JsonReader,
    root: JsonObject,
    options: FromFhirOptions,
  ) {
    this.#reader = reader;
    this.#root = root;
    this.#options = options;
    const language = reader.optional(root['language'], (v) => reader.languageTag(v, 'language'));
    this.#source = primaryLanguage(language ?? 'en');
    this.#allLinkIds = new Set(linkIdsOf(root['item']));
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
    const idKey = root['id'] === undefined ? 'name' : 'id';
    this.#origins.set('id', idKey);
    const id = root[idKey] === undefined ? this.#problem('id', 'expected an id or a name') : reader.string(root[idKey], idKey);
    const version = reader.optional(root['version'], (v) => reader.string(v, 'version'));
    const url = reader.optional(root['url'], (v) => reader.string(v, 'url'));
    const canonical = url && version ? `${url}|${version}` : (url ?? id);
    const titleKey = root['title'] === undefined ? 'name' : 'title';
    const title = root[titleKey] === undefined ? this.#problem('title', 'expected a title or a name') : this.#text(root, titleKey, '');
    const notice = reader.optional(root['copyright'], () => this.#text(root, 'copyright', '')) ?? {
      [this.#source]: `Imported from FHIR Questionnaire ${url ?? id}`,
    };
    const code = this.#code(root, { fhir: '', native: 'meta' });
    this.#origins.set('items', 'item');
    const items = this.#items(root['item'], { fhir: 'item', native: 'items' });
    this.#origins.set('scoring', 'options.scoring');

    const languages = [this.#source, ...this.#languages];
    // An imported text is never claimed official: nobody has checked it against the licence holder's.
    const translation = { status: 'draft', source: `FHIR Questionnaire ${canonical}` };
    return {
      id,
      version: version ?? '0',
      languages,
      title,
      meta: { name: title, citation: [canonical], licence: { kind: 'text-granted', notice }, code },
      translations: Object.fromEntries(languages.map((lang) => [lang, translation])),
      answerSets: Object.fromEntries(this.#answerSets),
      items,
      scoring: this.#scoring(),
    };
  }

  #problem(path: string, message: string): undefined {
    this.#reader.report(path, message);
    return undefined;
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

  #extensionsOf(element: JsonObject, path: string): Extensions {
    const listPath = childPath(path, 'extension');
    const list = this.#reader.optional(element['extension'], (v) => this.#reader.array(v, listPath)) ?? [];
    const found = list.flatMap((value, i): Found[] => {
      const object = this.#reader.object(value, childPath(listPath, i));
      return object ? [{ value: object, path: childPath(listPath, i) }] : [];
    });
    return (url) => found.filter((f) => f.value['url'] === url);
  }

  /** A FHIR string with the translation extensions of its `_key` element, as a text map. */
  #text(element: JsonObject, key: string, path: string): TextMap | undefined {
    const text = this.#reader.string(element[key], childPath(path, key));
    const translations = this.#translations(element[`_${key}`], childPath(path, `_${key}`));
    return text === undefined ? undefined : { [this.#source]: text, ...translations };
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
    return coding && { system: coding['system'], code: coding['code'], display: coding['display'] };
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

    if (this.#isCalculated(item, linkId, extensions, at.fhir)) return undefined;
    for (const url of EXPRESSIONS) {
      for (const found of extensions(url)) reader.report(found.path, `"${url.slice(SDC.length)}" is not supported: FHIRPath is not evaluated`);
    }

    const enableWhen = reader.optional(item['enableWhen'], (v) => this.#collect(v, fhir('enableWhen'), native('enableWhen'), (c, a) => this.#condition(c, a)));
    // Registered after its own conditions, so that an item cannot enable itself.
    if (linkId) this.#seen.add(linkId);
    if (type === undefined) return undefined;
    this.#origins.set(native('id'), fhir('linkId'));
    const common = { id: linkId, enableWhen, enableBehavior: item['enableBehavior'] };
    if (type !== 'group' && type !== 'display' && !Object.hasOwn(QUESTION_TYPES, type)) return this.#problem(fhir('type'), `"${type}" items are not supported`);
    if (item['repeats'] === true && type !== 'choice') reader.report(fhir('repeats'), `repeating "${type}" items are not supported`);

    if (type === 'group') {
      if (item['required'] === true) reader.report(fhir('required'), 'required groups are not supported');
      this.#origins.set(native('items'), fhir('item'));
      const text = reader.optional(item['text'], () => this.#text(item, 'text', at.fhir));
      return { ...common, type, text, items: this.#items(item['item'], { fhir: fhir('item'), native: native('items') }) };
    }
    if (item['item'] !== undefined) reader.report(fhir('item'), `items nested under a "${type}" item are not supported`);
    if (type !== 'choice') {
      for (const key of ['answerOption', 'answerValueSet']) {
        if (item[key] !== undefined) reader.report(fhir(key), `answer lists on "${type}" items are not supported`);
      }
    }
    if (type === 'display') return { ...common, type, text: this.#text(item, 'text', at.fhir) };

    const nativeType = QUESTION_TYPES[type as keyof typeof QUESTION_TYPES];
    const question = { ...common, text: this.#text(item, 'text', at.fhir), required: item['required'], code: this.#code(item, at) };
    if (nativeType === 'choice') return { ...question, type: item['repeats'] === true ? 'multi-choice' : 'choice', answers: this.#answers(item, at) };
    if (nativeType === 'text') return { ...question, type: nativeType, maxLength: item['maxLength'] };
    const bounds = { min: this.#bound(extensions, MIN_VALUE, native('min')), max: this.#bound(extensions, MAX_VALUE, native('max')) };
    return nativeType === 'date' ? { ...question, type: nativeType, ...bounds } : { ...question, type: nativeType, ...bounds, unit: this.#unit(extensions) };
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
   * Whether an item is calculated (its value comes from FHIRPath, which is not evaluated). It is
   * left out when `options.scoring` computes the scores, and a problem otherwise.
   */
  #isCalculated(item: JsonObject, linkId: string | undefined, extensions: Extensions, path: string): boolean {
    const reason =
      item['readOnly'] === true ? '"readOnly"'
      : extensions(HIDDEN).some((e) => e.value['valueBoolean'] === true) ? '"questionnaire-hidden"'
      : extensions(CALCULATED).length > 0 ? '"calculatedExpression"'
      : undefined;
    if (!reason) return false;
    if (this.#options.scoring !== undefined) {
      if (linkId) {
        this.#leftOut.add(linkId);
        for (const code of Array.isArray(item['code']) ? item['code'] : []) {
          if (isObject(code)) this.#calculatedByCode.set(`${code['system']}|${code['code']}`, linkId);
        }
      }
    } else {
      this.#reader.report(path, `calculated items (${reason}) are not supported: FHIRPath is not evaluated; pass options.scoring to compute the scores natively`);
      // Known, so that conditions on it do not add a second, misleading problem.
      if (linkId) this.#seen.add(linkId);
    }
    return true;
  }

  /** A minValue / maxValue extension's value, whatever its type: the native parser checks it fits the item. */
  #bound(extensions: Extensions, url: string, nativePath: string): unknown {
    const found = extensions(url)[0];
    if (!found) return undefined;
    const key = choiceKey(found.value, 'value');
    this.#origins.set(nativePath, key ? childPath(found.path, key) : found.path);
    return key ? found.value[key] : this.#problem(found.path, 'expected a value[x]');
  }

  #unit(extensions: Extensions): TextMap | undefined {
    const found = extensions(UNIT)[0];
    const coding = found && this.#reader.object(found.value['valueCoding'], childPath(found.path, 'valueCoding'));
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
    if (question !== undefined) this.#checkEarlier(question, fhir('question'));
    this.#origins.set(childPath(at.native, 'item'), fhir('question'));
    const key = choiceKey(condition, 'answer');
    if (!key) return this.#problem(at.fhir, 'expected an answer[x]');
    this.#origins.set(childPath(at.native, 'value'), fhir(key));
    const answer = condition[key];
    const operator = condition['operator'];
    switch (key) {
      case 'answerCoding': {
        const coding = reader.object(answer, fhir(key));
        // Imported coded answers have their code as value (see `codedOption`).
        return coding && { item: question, operator, value: reader.string(coding['code'], childPath(fhir(key), 'code')) };
      }
      case 'answerBoolean':
        // Boolean items are not supported, so a boolean can only say whether an item is answered.
        if (operator !== 'exists') reader.report(fhir(key), 'answerBoolean is only supported with the "exists" operator');
        return { item: question, operator, value: answer };
      case 'answerInteger':
      case 'answerDecimal':
      case 'answerString':
        return { item: question, operator, value: answer };
      default:
        return this.#problem(fhir(key), `"${key}" conditions are not supported`);
    }
  }

  /** The native model lets conditions refer only to earlier items; say precisely why a reference fails. */
  #checkEarlier(linkId: string, path: string): void {
    if (this.#seen.has(linkId)) return;
    this.#reader.report(
      path,
      this.#leftOut.has(linkId) ? `"${linkId}" is a calculated item, left out because options.scoring computes the scores; conditions on it are not supported`
      : this.#allLinkIds.has(linkId) ? `"${linkId}" comes after this item; conditions may only refer to earlier items`
      : `no item has linkId "${linkId}"`,
    );
  }

  /** A choice item's native answers: a list, or the name of an answer set for a contained ValueSet. */
  #answers(item: JsonObject, at: At): unknown {
    const reader = this.#reader;
    const native = childPath(at.native, 'answers');
    const fhir = (key: string) => childPath(at.fhir, key);
    if (item['answerValueSet'] !== undefined) {
      if (item['answerOption'] !== undefined) reader.report(fhir('answerOption'), 'an item cannot have both answerOption and answerValueSet');
      this.#origins.set(native, fhir('answerValueSet'));
      const reference = reader.string(item['answerValueSet'], fhir('answerValueSet'));
      if (reference === undefined) return undefined;
      if (!reference.startsWith('#')) return this.#problem(fhir('answerValueSet'), 'only contained value sets ("#id") are supported');
      return this.#valueSet(reference.slice(1), fhir('answerValueSet'));
    }
    if (item['answerOption'] === undefined) return this.#problem(at.fhir, 'a choice item needs answerOption or answerValueSet');
    this.#origins.set(native, fhir('answerOption'));
    return this.#collect(item['answerOption'], fhir('answerOption'), native, (v, a) => this.#answerOption(v, a));
  }

  #answerOption(value: unknown, at: At): JsonObject | undefined {
    const reader = this.#reader;
    const option = reader.object(value, at.fhir);
    if (!option) return undefined;
    const extensions = this.#extensionsOf(option, at.fhir);
    const exclusive = extensions(OPTION_EXCLUSIVE)[0]?.value['valueBoolean'];
    const key = choiceKey(option, 'value');
    if (!key) return this.#problem(at.fhir, 'expected a value[x]');
    const valuePath = childPath(at.fhir, key);
    switch (key) {
      case 'valueCoding': {
        const coding = reader.object(option[key], valuePath);
        const answer = coding && this.#codedOption(coding, coding['system'], valuePath, extensions);
        return answer && { ...answer, exclusive };
      }
      case 'valueInteger': {
        const number = reader.number(option[key], valuePath);
        return number === undefined ? undefined : { value: number, text: { [this.#source]: String(number) }, score: this.#score(extensions), exclusive };
      }
      case 'valueString': {
        const text = this.#text(option, key, at.fhir);
        return text && { value: text[this.#source], text, score: this.#score(extensions), exclusive };
      }
      default:
        return this.#problem(valuePath, `"${key}" answers are not supported`);
    }
  }

  /**
   * A coded answer: its code is the native value (conditions compare codes, and the response
   * writes the coding back). Without a system it has no native code, so the response can only
   * write the code as a string.
   */
  #codedOption(coding: JsonObject, system: unknown, path: string, ...more: Extensions[]): JsonObject | undefined {
    const code = this.#reader.string(coding['code'], childPath(path, 'code'));
    if (code === undefined) return undefined;
    return {
      value: code,
      text: this.#codingText(coding, path),
      code: system === undefined ? undefined : { system, code, display: coding['display'] },
      score: this.#score(this.#extensionsOf(coding, path), ...more),
    };
  }

  /** An answer's score: FHIR's ordinalValue, or the older itemWeight, on the option or its coding. */
  #score(...extensions: Extensions[]): number | undefined {
    const found = extensions.flatMap((ext) => [...ext(ORDINAL_VALUE), ...ext(ITEM_WEIGHT)])[0];
    return found && this.#reader.number(found.value['valueDecimal'], childPath(found.path, 'valueDecimal'));
  }

  /** Maps a contained ValueSet to a native answer set (once), returning the set's name. */
  #valueSet(id: string, referencePath: string): string | undefined {
    if (this.#answerSets.has(id)) return id;
    const contained = Array.isArray(this.#root['contained']) ? this.#root['contained'] : [];
    const index = contained.findIndex((r) => isObject(r) && r['resourceType'] === 'ValueSet' && r['id'] === id);
    if (index < 0) return this.#problem(referencePath, `no contained ValueSet with id "${id}"`);
    const valueSet = contained[index] as JsonObject;
    const path = childPath('contained', index);
    const native = childPath('answerSets', id);
    this.#origins.set(native, path);
    this.#answerSets.set(id, valueSet['expansion'] !== undefined ? this.#expansion(valueSet, path, native) : this.#compose(valueSet, path, native));
    return id;
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
        reader.report(includePath, 'only includes that list their concepts are supported');
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
