import {
  answersRepeat,
  type AnswerOption,
  type AnswerValue,
  type Band,
  type Coding,
  type Condition,
  type FormattedText,
  type Instrument,
  type InstrumentMeta,
  type Constraint,
  type Item,
  type Variable,
  type Mcid,
  type OptionCoding,
  type OptionValueType,
  type QuestionItem,
  type Scale,
  type Scoring,
  type ScoringMethod,
} from './instrument.js';
import { childPath, defined, parseContent, type JsonObject, type JsonReader } from './json-reader.js';
import type { ConditionsParser } from './parse-conditions.js';
import { answerProblem, isEmptyAnswer } from './validate-answer.js';
import type { ItemFieldsParser } from './field-items.js';
import type { RulesParser } from './parse-rules.js';
import type { ScaleOptions, ScaleOptionsParser } from './parse-scale-options.js';
import type { TextMap } from './text.js';

/** What the uncoded option values of a choice with a valueType look like: FHIR's date (a year or a month too), time, reference, integer and string. */
const OPTION_FORMATS: Readonly<Record<OptionValueType, readonly [(value: unknown) => boolean, string]>> = {
  date: [(value) => typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value), 'a date as YYYY, YYYY-MM or YYYY-MM-DD'],
  time: [(value) => typeof value === 'string' && /^\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value), 'a time as hh:mm:ss'],
  reference: [(value) => typeof value === 'string' && /^\S+$/.test(value), 'a reference such as Practitioner/12'],
  integer: [Number.isInteger, 'a whole number'],
  string: [(value) => typeof value === 'string', 'a string'],
};

const ITEM_TYPES = ['choice', 'multi-choice', 'integer', 'decimal', 'quantity', 'attachment', 'text', 'url', 'date', 'date-time', 'time', 'boolean', 'nrs', 'vas', 'body-map', 'display', 'group', 'page'] as const;
const METHODS: readonly ScoringMethod[] = ['sum', 'mean', 'percent', 'region-groups'];
// Item ids may be FHIR linkIds (e.g. "/44250-9"), which only exclude whitespace.
const ITEM_ID_PATTERN = /^\S+$/;


/** The parser of flags and classifications, which only some instruments have (parse-rules.ts). */
export type RulesModule = typeof import('./parse-rules.js');
/** The parser (and support) of the item types other than choices (field-items.ts). */
export type ItemFieldsModule = typeof import('./field-items.js');
/** The parser of the options only some scales have (parse-scale-options.ts). */
export type ScaleOptionsModule = typeof import('./parse-scale-options.js');
/** The parser of conditions, which only some instruments have (parse-conditions.ts). */
export type ConditionsModule = typeof import('./parse-conditions.js');


/** Parts of the parser that only some instruments need, loaded by whoever parses them. */
export interface InstrumentParserParts {
  readonly rules?: RulesModule;
  readonly itemFields?: ItemFieldsModule;
  readonly scaleOptions?: ScaleOptionsModule;
  readonly conditions?: ConditionsModule;
}

export { partsNeeded } from './parts-needed.js';
import { SCALE_OPTIONS } from './parts-needed.js';

/**
 * Validates an instrument file with the given parts and returns it typed (parseInstrument in
 * parse-instrument.ts has every part). Throws a `ContentError` listing every problem with its
 * JSON path. Answer lists may be shared: an item's `answers` can name an entry of `answerSets`.
 */
export function parseInstrumentWith(json: unknown, parts: InstrumentParserParts): Instrument {
  return parseContent(json, 'Instrument', (reader, root) => new InstrumentParser(reader, root, parts).parse());
}

/** What field-items.ts needs from the instrument's parser. */
export interface ItemFieldsContext {
  readonly reader: JsonReader;
  /** The licence holder's wording must come from a text pack, not the file. */
  readonly bringYourOwnText: boolean;
  text(value: unknown, path: string): TextMap | undefined;
  wording(object: JsonObject, key: string, path: string, required: boolean): TextMap | undefined;
  number(value: unknown, path: string, integer: boolean): number | undefined;
  coding(value: unknown, path: string): Coding | undefined;
}

/** What parse-scale-options.ts needs from the instrument's parser. */
export interface ScaleOptionsContext {
  readonly reader: JsonReader;
  /** The questions parsed so far (scales come after the items). */
  readonly questions: ReadonlyMap<string, QuestionItem>;
  number(value: unknown, path: string, integer: boolean): number | undefined;
}

/** What parse-rules.ts needs from the instrument's parser. */
export interface RulesContext {
  readonly reader: JsonReader;
  /** Ids of the scales parsed so far (rules come after the scales). */
  readonly scaleIds: ReadonlySet<string>;
  text(value: unknown, path: string): TextMap | undefined;
  optionalText(object: JsonObject, key: string, path: string): TextMap | undefined;
  condition(value: unknown, path: string): Condition | undefined;
  uniqueIds(entries: readonly { id: string }[], path: string): void;
}

class InstrumentParser implements RulesContext, ItemFieldsContext, ScaleOptionsContext {
  /** Item ids seen so far with their type, registered even when the rest of the item is invalid,
   *  so that one mistake does not cascade into every reference to it. */
  readonly #seenTypes = new Map<string, Item['type']>();
  #conditionsParser?: ConditionsParser;
  /** The repeating groups around the item being read, innermost last. */
  readonly #repeatingGroups: string[] = [];
  /** Items in a repeating group, with the innermost group: they cannot be scored. */
  readonly #inRepeatingGroup = new Map<string, string>();
  /** Conditions of items are checked once every item is known (they may name later items); those of rules as they come. */
  #itemsParsed = false;
  #itemFieldsParser?: ItemFieldsParser;
  #scaleOptionsParser?: ScaleOptionsParser;
  readonly questions = new Map<string, QuestionItem>();
  readonly scaleIds = new Set<string>();
  readonly #languages: readonly string[];
  readonly #source: string | undefined;
  /** The licence holder does not let us ship the wording: it comes from the host's text pack. */
  readonly bringYourOwnText: boolean;
  readonly #answerSets: Readonly<Record<string, unknown>>;
  readonly #parsedAnswerSets = new Map<string, AnswerOption[] | undefined>();

  readonly #root: JsonObject;
  readonly #parts: InstrumentParserParts;

  constructor(
    readonly reader: JsonReader,
    root: JsonObject,
    parts: InstrumentParserParts,
  ) {
    this.#root = root;
    this.#parts = parts;
    ({ languages: this.#languages, source: this.#source } = reader.languages(root['languages']));
    const meta = root['meta'];
    const licence = typeof meta === 'object' && meta !== null ? (meta as JsonObject)['licence'] : undefined;
    this.bringYourOwnText = typeof licence === 'object' && licence !== null && (licence as JsonObject)['kind'] === 'bring-your-own-text';
    this.#answerSets = root['answerSets'] === undefined ? {} : (reader.object(root['answerSets'], 'answerSets') ?? {});
  }

  parse(): Instrument | undefined {
    const { reader } = this;
    const root = this.#root;
    const id = this.reader.id(root['id'], 'id');
    const version = reader.string(root['version'], 'version');
    const title = this.optionalText(root, 'title', '');
    const instructions = this.wording(root, 'instructions', '', false);
    const meta = this.#meta(root['meta'], 'meta');
    const translations = reader.translations(root['translations'], 'translations', this.#languages);
    const variables = this.#variables(root, '');
    const launchContext = reader.optional(root['launchContext'], (v) => reader.list(v, 'launchContext', (name, p) => reader.id(name, p)));
    const items = this.#items(root['items'], 'items');
    if (items?.length === 0) reader.report('items', 'an instrument needs at least one item');
    if (items) this.#conditionsParser?.checkItems(items, this.#seenTypes);
    this.#itemsParsed = true;
    const scoring = this.#scoring(root['scoring'], 'scoring');
    if (!id || !version || !meta || !translations || !items || !scoring || !this.#source) return undefined;
    return defined({ id, version, languages: this.#languages, title, instructions, meta, translations, items, scoring, variables, launchContext });
  }

  /** A FHIRPath expression: checked only to be text here; the expression part parses it (src/fhir/expressions.ts). */
  #expression(object: JsonObject, key: string, path: string): string | undefined {
    return this.reader.optional(object[key], (v) => {
      const expression = this.reader.string(v, childPath(path, key));
      if (expression?.trim() === '') this.reader.report(childPath(path, key), 'expected an expression, got blank text');
      return expression;
    });
  }

  #constraint(value: unknown, path: string): Constraint | undefined {
    const object = this.reader.object(value, path);
    if (!object) return undefined;
    const key = this.reader.id(object['key'], childPath(path, 'key'));
    const expression = this.#expression(object, 'expression', path);
    if (object['expression'] === undefined) this.reader.report(childPath(path, 'expression'), 'expected an expression');
    const message = this.text(object['message'], childPath(path, 'message'));
    return key && expression && message ? { key, expression, message } : undefined;
  }

  #variables(object: JsonObject, path: string): Variable[] | undefined {
    const listPath = childPath(path, 'variables');
    const variables = this.reader.optional(object['variables'], (v) =>
      this.reader.list(v, listPath, (entry, p) => {
        const variable = this.reader.object(entry, p);
        const name = variable && this.reader.id(variable['name'], childPath(p, 'name'));
        const expression = variable && this.#expression(variable, 'expression', p);
        const query = variable && this.#expression(variable, 'query', p);
        if (variable && (variable['expression'] === undefined) === (variable['query'] === undefined)) this.reader.report(p, 'expected an expression or a query');
        return name && (expression ?? query) !== undefined ? defined({ name, expression, query }) : undefined;
      }),
    );
    if (variables) this.uniqueIds(variables.map(({ name }) => ({ id: name })), listPath);
    return variables;
  }

  text(value: unknown, path: string): TextMap | undefined {
    return this.reader.textMap(value, path, this.#source);
  }

  /** A part of the parser the instrument needs; a programming error, not a content error, when it was not given. */
  #part<K extends keyof InstrumentParserParts>(key: K, needer: string): NonNullable<InstrumentParserParts[K]> {
    const part = this.#parts[key];
    if (!part) throw new Error(`The instrument's ${needer} need the "${key}" part: pass it to parseInstrumentWith`);
    return part as NonNullable<InstrumentParserParts[K]>;
  }

  optionalText(object: JsonObject, key: string, path: string): TextMap | undefined {
    return this.reader.optional(object[key], (v) => this.text(v, childPath(path, key)));
  }

  /**
   * The licence holder's wording of an item, answer or instruction. A bring-your-own-text
   * instrument must not carry it (shipping it would break the licence): it stays empty until a
   * text pack fills it.
   */
  wording(object: JsonObject, key: string, path: string, required: boolean): TextMap | undefined {
    if (!this.bringYourOwnText) return required ? this.text(object[key], childPath(path, key)) : this.optionalText(object, key, path);
    if (object[key] !== undefined) {
      this.reader.report(childPath(path, key), 'a bring-your-own-text instrument must not contain wording: the host gives it in a text pack');
    }
    return required ? {} : undefined;
  }





  uniqueIds(entries: readonly { id: string }[], path: string): void {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      if (seen.has(entry.id)) this.reader.report(childPath(childPath(path, i), 'id'), `duplicate id "${entry.id}"`);
      seen.add(entry.id);
    });
  }

  #meta(value: unknown, path: string): InstrumentMeta | undefined {
    const { reader } = this;
    const meta = reader.object(value, path);
    if (!meta) return undefined;
    const name = this.text(meta['name'], childPath(path, 'name'));
    const citation = this.reader.list(meta['citation'], childPath(path, 'citation'), (v, p) => reader.string(v, p));
    const licencePath = childPath(path, 'licence');
    const licenceObject = reader.object(meta['licence'], licencePath);
    const kind = licenceObject && reader.oneOf(licenceObject['kind'], childPath(licencePath, 'kind'), ['text-granted', 'bring-your-own-text', 'own-wording'] as const);
    const notice = licenceObject && this.text(licenceObject['notice'], childPath(licencePath, 'notice'));
    const code = reader.optional(meta['code'], (v) => this.coding(v, childPath(path, 'code')));
    const recallPeriod = reader.optional(meta['recallPeriod'], (v) => reader.string(v, childPath(path, 'recallPeriod')));
    const canonical = reader.optional(meta['canonical'], (v) => reader.string(v, childPath(path, 'canonical')));
    if (!name || !citation || !kind || !notice) return undefined;
    return defined({ name, citation, licence: { kind, notice }, code, recallPeriod, canonical });
  }


  coding(value: unknown, path: string): Coding | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const system = reader.optional(object['system'], (v) => reader.string(v, childPath(path, 'system')));
    const code = reader.string(object['code'], childPath(path, 'code'));
    const display = reader.optional(object['display'], (v) => reader.string(v, childPath(path, 'display')));
    return code ? defined({ system, code, display }) : undefined;
  }

  #items(value: unknown, path: string): Item[] | undefined {
    return this.reader.list(value, path, (v, p) => this.#item(v, p));
  }

  #item(value: unknown, path: string): Item | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const id = this.reader.id(object['id'], childPath(path, 'id'), ITEM_ID_PATTERN);
    const type = reader.oneOf(object['type'], childPath(path, 'type'), ITEM_TYPES);
    if (id !== undefined && this.#seenTypes.has(id)) reader.report(childPath(path, 'id'), `duplicate item id "${id}"`);
    const enableWhen = reader.optional(object['enableWhen'], (v) =>
      this.reader.list(v, childPath(path, 'enableWhen'), (c, p) => this.condition(c, p)),
    );
    if (id !== undefined && type && !this.#seenTypes.has(id)) this.#seenTypes.set(id, type);
    if (id !== undefined && this.#repeatingGroups.length) this.#inRepeatingGroup.set(id, this.#repeatingGroups.at(-1)!);
    const enableBehavior = reader.optional(object['enableBehavior'], (v) =>
      reader.oneOf(v, childPath(path, 'enableBehavior'), ['all', 'any'] as const),
    );
    const prefix = this.optionalText(object, 'prefix', path);
    const formattedText = reader.optional(object['formattedText'], (v) => this.#formattedText(v, childPath(path, 'formattedText')));
    const enableWhenExpression = this.#expression(object, 'enableWhenExpression', path);
    const textExpression = this.#expression(object, 'textExpression', path);
    const bounds = { minExpression: this.#expression(object, 'minExpression', path), maxExpression: this.#expression(object, 'maxExpression', path) };
    for (const [key, expression] of Object.entries(bounds)) {
      if (expression !== undefined && !['integer', 'decimal', 'quantity', 'date'].includes(type as string)) reader.report(childPath(path, key), `a ${type} item has no bounds`);
    }
    const variables = this.#variables(object, path);
    const hidden = reader.optional(object['hidden'], (v) => reader.boolean(v, childPath(path, 'hidden'))) || undefined;
    if (!type || !id) return undefined;
    const common = { id, prefix, enableWhen, enableBehavior, formattedText, textExpression, enableWhenExpression, variables, hidden };

    if (type === 'group' || type === 'page') {
      const text = this.wording(object, 'text', path, false);
      const repeats = type === 'group' ? reader.optional(object['repeats'], (v) => reader.boolean(v, childPath(path, 'repeats'))) : undefined;
      const maxOccurs = reader.optional(object['maxOccurs'], (v) => this.number(v, childPath(path, 'maxOccurs'), true));
      if (maxOccurs !== undefined && (!repeats || maxOccurs < 1)) reader.report(childPath(path, 'maxOccurs'), 'only a repeating group has a maxOccurs, of at least 1');
      if (repeats) this.#repeatingGroups.push(id);
      const items = this.#items(object['items'], childPath(path, 'items'));
      if (repeats) this.#repeatingGroups.pop();
      if (items?.length === 0) reader.report(childPath(path, 'items'), `a ${type} needs at least one item`);
      const required = reader.optional(object['required'], (v) => reader.boolean(v, childPath(path, 'required'))) || undefined;
      return items ? defined<Item>({ ...common, type, text, items, repeats, maxOccurs, required }) : undefined;
    }
    // A hidden question is never shown: it may have no text (its answer comes from an expression).
    const text = hidden && type !== 'display' && object['text'] === undefined ? {} : this.wording(object, 'text', path, true);
    if (type === 'display') return text ? defined<Item>({ ...common, type, text }) : undefined;

    const required = object['required'] === undefined ? false : reader.boolean(object['required'], childPath(path, 'required'));
    const code = reader.optional(object['code'], (v) => this.coding(v, childPath(path, 'code')));
    const help = reader.optional(object['help'], (v) => reader.list(v, childPath(path, 'help'), (t, p) => this.text(t, p)));
    const initial = object['initial'] as AnswerValue | undefined;
    const initialExpression = this.#expression(object, 'initialExpression', path);
    const calculated = this.#expression(object, 'calculated', path);
    const readOnly = reader.optional(object['readOnly'], (v) => reader.boolean(v, childPath(path, 'readOnly'))) || undefined;
    const constraints = reader.optional(object['constraints'], (v) => reader.list(v, childPath(path, 'constraints'), (c, p) => this.#constraint(c, p)));
    const items = reader.optional(object['items'], (v) => this.#items(v, childPath(path, 'items')));
    // In FHIR they belong to the one answer; a question with several has no single answer to hold them.
    if (items && (type === 'multi-choice' || type === 'body-map')) reader.report(childPath(path, 'items'), `items under a ${type} question are not supported`);
    if ((type === 'choice' || type === 'multi-choice') && object['repeats'] !== undefined) reader.report(childPath(path, 'repeats'), `a ${type} question does not repeat: a multi-choice takes several answers`);
    const specific = this.#questionFields(type, object, path);
    if (!text || required === undefined || !specific || (object['items'] !== undefined && !items)) return undefined;
    const question = defined({ ...common, text, required, code, help, initial, initialExpression, calculated, readOnly, constraints, ...bounds, items, ...specific } as QuestionItem);
    if (initial !== undefined && (isEmptyAnswer(initial) || answerProblem(question, initial))) {
      reader.report(childPath(path, 'initial'), `${JSON.stringify(initial)} is not an answer to "${id}"`);
    }
    this.questions.set(id, question);
    return question;
  }

  /** The fields particular to each question type, or undefined when they are invalid. */
  #questionFields(type: QuestionItem['type'], object: JsonObject, path: string): Partial<QuestionItem> | undefined {
    if (type === 'choice' || type === 'multi-choice') {
      const other = this.reader.optional(object['other'], (v) => this.reader.boolean(v, childPath(path, 'other')));
      const valueType = this.reader.optional(object['valueType'], (v) => this.reader.oneOf(v, childPath(path, 'valueType'), Object.keys(OPTION_FORMATS) as OptionValueType[]));
      const answerExpression = this.#expression(object, 'answerExpression', path);
      // One resource to name, or one box to tick, is still a question: the person confirms it (or leaves it).
      // Answers an expression gives come as the person answers: there may be none yet.
      // A hidden question is never shown: its one answer is a fixed value the response carries.
      const fewest = answerExpression !== undefined ? 0 : other || valueType === 'reference' || type === 'multi-choice' || object['hidden'] === true ? 1 : 2;
      const answers = this.#answerOptions(object['answers'], childPath(path, 'answers'), type, fewest);
      answers?.forEach((option, i) => {
        const [fits, described] = valueType ? OPTION_FORMATS[valueType] : [];
        // A coded option is written as its coding, whatever the others are.
        if (fits && option.code === undefined && !fits(option.value)) {
          this.reader.report(childPath(childPath(childPath(path, 'answers'), i), 'value'), `expected ${described}, as valueType says`);
        }
      });
      const orientation = this.reader.optional(object['orientation'], (v) => this.reader.oneOf(v, childPath(path, 'orientation'), ['vertical', 'horizontal'] as const));
      const control = this.reader.optional(object['control'], (v) => this.reader.oneOf(v, childPath(path, 'control'), ['drop-down', 'autocomplete'] as const));
      if (control && type === 'multi-choice') this.reader.report(childPath(path, 'control'), 'a multi-choice is answered with check boxes');
      return answers && (defined({ type, answers, answerExpression, other, valueType, orientation, control }) as Partial<QuestionItem>);
    }
    this.#itemFieldsParser ??= new (this.#part('itemFields', `${type} items`).ItemFieldsParser)(this);
    return this.#itemFieldsParser.fields(type, object, path);
  }

  #formattedText(value: unknown, path: string): FormattedText | undefined {
    // The licence holder's wording comes only from a text pack.
    if (this.bringYourOwnText) return void this.reader.report(path, 'a bring-your-own-text instrument takes its wording from a text pack, without formatting');
    const object = this.reader.object(value, path);
    if (!object) return undefined;
    const format = this.reader.oneOf(object['format'], childPath(path, 'format'), ['xhtml', 'markdown'] as const);
    const text = this.text(object['text'], childPath(path, 'text'));
    return format && text && { format, text };
  }

  /** A number, whole when `integer` is set. */
  number(value: unknown, path: string, integer: boolean): number | undefined {
    const number = this.reader.number(value, path);
    if (number !== undefined && integer && !Number.isInteger(number)) {
      this.reader.report(path, `expected a whole number, got ${number}`);
      return undefined;
    }
    return number;
  }

  /** The answers of a choice: at least two, or one when `oneIsEnough` (an answer of one's own, a reference). */
  #answerOptions(value: unknown, path: string, type: 'choice' | 'multi-choice', fewest: number): AnswerOption[] | undefined {
    const options = typeof value === 'string' ? this.#answerSet(value, path) : this.#optionList(value, path);
    if (options && options.length < fewest) this.reader.report(path, fewest === 1 ? 'a choice needs at least one answer' : 'a choice needs at least two answers');
    if (type === 'choice' && options?.some((o) => o.exclusive)) {
      this.reader.report(path, 'only the answers of a multi-choice item can be exclusive');
    }
    return options;
  }

  #answerSet(name: string, path: string): AnswerOption[] | undefined {
    if (!Object.hasOwn(this.#answerSets, name)) {
      this.reader.report(path, `no answer set named "${name}" in answerSets`);
      return undefined;
    }
    if (!this.#parsedAnswerSets.has(name)) {
      this.#parsedAnswerSets.set(name, this.#optionList(this.#answerSets[name], childPath('answerSets', name)));
    }
    return this.#parsedAnswerSets.get(name);
  }

  #optionList(value: unknown, path: string): AnswerOption[] | undefined {
    const options = this.reader.list(value, path, (v, p) => this.#answerOption(v, p));
    if (!options) return undefined;
    const seen = new Set<string>();
    options.forEach((option, i) => {
      const key = `${typeof option.value}:${option.value}`;
      if (seen.has(key)) this.reader.report(childPath(childPath(path, i), 'value'), `duplicate answer value ${JSON.stringify(option.value)}`);
      seen.add(key);
    });
    return options;
  }

  #answerOption(value: unknown, path: string): AnswerOption | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const raw = object['value'];
    const answerValue = typeof raw === 'string' ? reader.string(raw, childPath(path, 'value')) : reader.number(raw, childPath(path, 'value'));
    const text = this.wording(object, 'text', path, true);
    const code = reader.optional(object['code'], (v) => this.#optionCoding(v, childPath(path, 'code')));
    const score = reader.optional(object['score'], (v) => reader.number(v, childPath(path, 'score')));
    const exclusive = reader.optional(object['exclusive'], (v) => reader.boolean(v, childPath(path, 'exclusive')));
    const prefix = this.optionalText(object, 'prefix', path);
    if (answerValue === undefined || !text) return undefined;
    return defined({ value: answerValue, text, prefix, code, score, exclusive });
  }

  /** An answer's coding: with a code, or known by its display alone, as FHIR allows. */
  #optionCoding(value: unknown, path: string): OptionCoding | undefined {
    const object = this.reader.object(value, path);
    if (!object || object['code'] !== undefined || typeof object['display'] !== 'string') return this.coding(value, path);
    const system = this.reader.optional(object['system'], (v) => this.reader.string(v, childPath(path, 'system')));
    return defined({ system, display: object['display'] });
  }

  condition(value: unknown, path: string): Condition | undefined {
    this.#conditionsParser ??= new (this.#part('conditions', 'conditions').ConditionsParser)(this.reader);
    const condition = this.#conditionsParser.condition(value, path);
    if (condition && this.#itemsParsed) this.#conditionsParser.check(condition, path, this.#seenTypes);
    return condition;
  }

  #scoring(value: unknown, path: string): Scoring | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const scales = this.reader.list(object['scales'], childPath(path, 'scales'), (v, p) => this.#scale(v, p));
    if (scales) this.uniqueIds(scales, childPath(path, 'scales'));
    const rules = <T extends { id: string }>(key: 'classifications' | 'flags', read: (parser: RulesParser, value: unknown, path: string) => T | undefined) =>
      reader.optional(object[key], (v) => {
        const parser = new (this.#part('rules', key).RulesParser)(this);
        const entries = reader.list(v, childPath(path, key), (entry, p) => read(parser, entry, p));
        if (entries) this.uniqueIds(entries, childPath(path, key));
        return entries;
      });
    const classifications = rules('classifications', (parser, v, p) => parser.classification(v, p));
    const flags = rules('flags', (parser, v, p) => parser.flag(v, p));
    return scales && defined({ scales, classifications, flags });
  }

  #scale(value: unknown, path: string): Scale | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const at = (key: string) => childPath(path, key);
    const id = this.reader.id(object['id'], at('id'));
    if (id) this.scaleIds.add(id);
    const name = this.text(object['name'], at('name'));
    const method = reader.oneOf(object['method'], at('method'), METHODS);
    const items = this.reader.list(object['items'], at('items'), (v, p) => this.#scoredItem(v, p, method));
    if (items?.length === 0) reader.report(at('items'), 'a scale needs at least one item');
    const { reverse, weights, missing, lookup, exclude } = this.#scaleOptions(object, path, method, items);
    const multiply = reader.optional(object['multiply'], (v) => reader.number(v, at('multiply')));
    const divide = reader.optional(object['divide'], (v) => reader.number(v, at('divide')));
    if (divide === 0) reader.report(at('divide'), 'cannot divide by 0');
    const round = reader.optional(object['round'], (v) => this.number(v, at('round'), true));
    if (round !== undefined && (round < 0 || round > 6)) reader.report(at('round'), 'expected 0 to 6 decimals');
    const rangeObject = reader.object(object['range'], at('range'));
    const min = rangeObject && reader.number(rangeObject['min'], at('range.min'));
    const max = rangeObject && reader.number(rangeObject['max'], at('range.max'));
    if (min !== undefined && max !== undefined && min >= max) reader.report(at('range'), `min (${min}) must be below max (${max})`);
    const bands = this.reader.list(object['bands'] ?? [], at('bands'), (v, p) => this.#band(v, p));
    if (bands && min !== undefined && max !== undefined) this.#checkBandsCoverRange(bands, min, max, at('bands'));
    const mcid = reader.optional(object['mcid'], (v) => this.#mcid(v, at('mcid')));
    const code = reader.optional(object['code'], (v) => this.coding(v, at('code')));
    const linkId = reader.optional(object['linkId'], (v) => this.reader.id(v, at('linkId'), ITEM_ID_PATTERN));
    if (linkId !== undefined && this.#seenTypes.has(linkId)) reader.report(at('linkId'), `"${linkId}" is already the id of an item`);
    const source = reader.string(object['source'], at('source'));
    if (!id || !name || !method || !items || min === undefined || max === undefined || !bands || !source) return undefined;
    return defined({
      id, name, method, items, reverse, weights, missing, multiply, divide, round, lookup, exclude,
      range: { min, max }, bands, mcid, code, linkId, source,
    });
  }

  /** The options only some scales have, read by parse-scale-options.ts when a scale has one. */
  #scaleOptions(object: JsonObject, path: string, method: ScoringMethod | undefined, items: readonly string[] | undefined): ScaleOptions {
    if (method !== 'percent' && !SCALE_OPTIONS.some((key) => object[key] !== undefined)) return {};
    this.#scaleOptionsParser ??= new (this.#part('scaleOptions', 'scale options').ScaleOptionsParser)(this);
    return this.#scaleOptionsParser.options(object, path, method, items);
  }

  #scoredItem(value: unknown, path: string, method: ScoringMethod | undefined): string | undefined {
    const id = this.reader.string(value, path);
    if (id === undefined) return undefined;
    const type = this.#seenTypes.get(id);
    const group = this.#inRepeatingGroup.get(id);
    if (!type) this.reader.report(path, `"${id}" is not an item of this instrument`);
    else if (group) this.reader.report(path, `"${id}" is in the repeating group "${group}" and cannot be scored`);
    else if (this.questions.has(id) && answersRepeat(this.questions.get(id)!)) this.reader.report(path, `"${id}" takes several answers and cannot be scored`);
    else if (method === 'region-groups' && type !== 'body-map') this.reader.report(path, `"${id}" is a ${type}; a region-groups scale counts body-map regions`);
    else if (!['nrs', 'vas', 'integer', 'decimal', 'choice', 'multi-choice', 'body-map'].includes(type)) {
      this.reader.report(path, `"${id}" is a ${type} and cannot be scored`);
    } else {
      const question = this.questions.get(id);
      const options = question && (question.type === 'choice' || question.type === 'multi-choice') ? question.answers : [];
      if (options.some((o) => o.score === undefined && typeof o.value !== 'number')) {
        this.reader.report(path, `"${id}" has answers with neither a numeric value nor a score`);
      }
    }
    return id;
  }

  #band(value: unknown, path: string): Band | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const id = this.reader.id(object['id'], childPath(path, 'id'));
    const min = reader.number(object['min'], childPath(path, 'min'));
    const max = reader.number(object['max'], childPath(path, 'max'));
    const label = this.text(object['label'], childPath(path, 'label'));
    if (min !== undefined && max !== undefined && min > max) reader.report(path, `min (${min}) is above max (${max})`);
    return id && min !== undefined && max !== undefined && label ? { id, min, max, label } : undefined;
  }

  /** Bands must be in order and tile the range, so that every possible score has exactly one band. */
  #checkBandsCoverRange(bands: readonly Band[], min: number, max: number, path: string): void {
    if (bands.length === 0) return;
    this.uniqueIds(bands, path);
    if (bands[0]!.min !== min) this.reader.report(childPath(childPath(path, 0), 'min'), `the first band must start at the range minimum ${min}`);
    if (bands.at(-1)!.max !== max) this.reader.report(childPath(childPath(path, bands.length - 1), 'max'), `the last band must end at the range maximum ${max}`);
    bands.slice(1).forEach((band, i) => {
      const previous = bands[i]!;
      if (band.min <= previous.max) this.reader.report(childPath(childPath(path, i + 1), 'min'), `overlaps the band before it (which ends at ${previous.max})`);
      else if (band.min - previous.max > 1) this.reader.report(childPath(childPath(path, i + 1), 'min'), `leaves a gap after the band before it (which ends at ${previous.max})`);
    });
  }

  #mcid(value: unknown, path: string): Mcid | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const mcidValue = reader.number(object['value'], childPath(path, 'value'));
    if (mcidValue !== undefined && mcidValue <= 0) reader.report(childPath(path, 'value'), 'must be above 0');
    const improvement = reader.oneOf(object['improvement'], childPath(path, 'improvement'), ['decrease', 'increase'] as const);
    const source = reader.string(object['source'], childPath(path, 'source'));
    return mcidValue !== undefined && improvement && source ? { value: mcidValue, improvement, source } : undefined;
  }
}
