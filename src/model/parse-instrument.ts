import { ContentError } from './content-error.js';
import type {
  AnswerOption,
  Band,
  ChoiceItem,
  Coding,
  Condition,
  ConditionOperator,
  Instrument,
  InstrumentMeta,
  Item,
  Mcid,
  Scale,
  Translation,
} from './instrument.js';
import { childPath, JsonReader, type JsonObject } from './json-reader.js';

const ITEM_TYPES = ['choice', 'display', 'group'] as const;
const OPERATORS: readonly ConditionOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'exists'];
const TRANSLATION_STATUSES = ['official', 'verified', 'draft'] as const;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Validates an instrument file and returns it typed.
 * Throws a `ContentError` listing every problem with its JSON path.
 * Answer lists may be shared: an item's `answers` can name an entry of the file's `answerSets`.
 */
export function parseInstrument(json: unknown): Instrument {
  const reader = new JsonReader();
  const root = reader.object(json, '');
  if (!root) throw new ContentError('Instrument', reader.problems);
  const parser = new InstrumentParser(reader, root);
  const instrument = parser.parse();
  if (reader.problems.length > 0 || !instrument) {
    const id = typeof root['id'] === 'string' ? ` "${root['id']}"` : '';
    throw new ContentError(`Instrument${id}`, reader.problems);
  }
  return instrument;
}

class InstrumentParser {
  /** Item ids seen so far with their type, registered even when the rest of the item is invalid,
   *  so that one mistake does not cascade into every reference to it. */
  private readonly seenTypes = new Map<string, Item['type']>();
  private readonly choices = new Map<string, ChoiceItem>();
  private readonly source: string | undefined;
  private readonly answerSets: Readonly<Record<string, unknown>>;
  private readonly parsedAnswerSets = new Map<string, AnswerOption[] | undefined>();

  constructor(
    private readonly reader: JsonReader,
    private readonly root: JsonObject,
  ) {
    const languages = reader.array(root['languages'], 'languages');
    this.source = languages?.length ? reader.string(languages[0], 'languages[0]') : undefined;
    if (languages?.length === 0) reader.report('languages', 'expected at least one language');
    languages?.slice(1).forEach((lang, i) => reader.string(lang, `languages[${i + 1}]`));
    this.answerSets = root['answerSets'] === undefined ? {} : (reader.object(root['answerSets'], 'answerSets') ?? {});
  }

  parse(): Instrument | undefined {
    const { reader, root } = this;
    const id = this.id(root['id'], 'id');
    const version = reader.string(root['version'], 'version');
    const title = this.text(root['title'], 'title');
    const instructions = reader.optional(root['instructions'], (v) => this.text(v, 'instructions'));
    const meta = this.meta(root['meta'], 'meta');
    const translations = this.translations(root['translations'], 'translations');
    const items = this.items(root['items'], 'items');
    if (items?.length === 0) reader.report('items', 'an instrument needs at least one item');
    const scoring = reader.object(root['scoring'], 'scoring');
    const scales = scoring ? this.list(scoring['scales'], 'scoring.scales', (v, p) => this.scale(v, p)) : undefined;
    if (scales) this.uniqueIds(scales, 'scoring.scales');
    if (!id || !version || !title || !meta || !translations || !items || !scales || !this.source) return undefined;
    const languages = root['languages'] as string[];
    return { id, version, languages, title, ...(instructions && { instructions }), meta, translations, items, scoring: { scales } };
  }

  private text(value: unknown, path: string) {
    return this.reader.textMap(value, path, this.source);
  }

  private id(value: unknown, path: string): string | undefined {
    const id = this.reader.string(value, path);
    if (id !== undefined && !ID_PATTERN.test(id)) {
      this.reader.report(path, `"${id}" is not a valid id (letters, digits, ".", "_", "-"; no spaces)`);
      return undefined;
    }
    return id;
  }

  private list<T>(value: unknown, path: string, read: (value: unknown, path: string) => T | undefined): T[] | undefined {
    const array = this.reader.array(value, path);
    if (!array) return undefined;
    const parsed = array.map((entry, i) => read(entry, childPath(path, i)));
    return parsed.every((entry) => entry !== undefined) ? (parsed as T[]) : undefined;
  }

  private uniqueIds(entries: readonly { id: string }[], path: string): void {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      if (seen.has(entry.id)) this.reader.report(childPath(childPath(path, i), 'id'), `duplicate id "${entry.id}"`);
      seen.add(entry.id);
    });
  }

  private meta(value: unknown, path: string): InstrumentMeta | undefined {
    const { reader } = this;
    const meta = reader.object(value, path);
    if (!meta) return undefined;
    const name = this.text(meta['name'], childPath(path, 'name'));
    const citation = this.list(meta['citation'], childPath(path, 'citation'), (v, p) => reader.string(v, p));
    const licenceObject = reader.object(meta['licence'], childPath(path, 'licence'));
    const licencePath = childPath(path, 'licence');
    const kind = licenceObject && reader.oneOf(licenceObject['kind'], childPath(licencePath, 'kind'), ['text-granted', 'bring-your-own-text'] as const);
    const notice = licenceObject && this.text(licenceObject['notice'], childPath(licencePath, 'notice'));
    const code = reader.optional(meta['code'], (v) => this.coding(v, childPath(path, 'code')));
    const recallPeriod = reader.optional(meta['recallPeriod'], (v) => reader.string(v, childPath(path, 'recallPeriod')));
    if (!name || !citation || !kind || !notice) return undefined;
    return { name, citation, licence: { kind, notice }, ...(code && { code }), ...(recallPeriod && { recallPeriod }) };
  }

  private translations(value: unknown, path: string): Record<string, Translation> | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const languages = (this.root['languages'] as unknown[] | undefined) ?? [];
    const result: Record<string, Translation> = {};
    for (const lang of languages) {
      if (typeof lang !== 'string') continue;
      const entryPath = childPath(path, lang);
      if (!(lang in object)) {
        reader.report(path, `missing the translation status of "${lang}"`);
        continue;
      }
      const entry = reader.object(object[lang], entryPath);
      const status = entry && reader.oneOf(entry['status'], childPath(entryPath, 'status'), TRANSLATION_STATUSES);
      const source = entry && reader.string(entry['source'], childPath(entryPath, 'source'));
      if (status && source) result[lang] = { status, source };
    }
    for (const lang of Object.keys(object)) {
      if (!languages.includes(lang)) reader.report(childPath(path, lang), `"${lang}" is not in languages`);
    }
    return result;
  }

  private coding(value: unknown, path: string): Coding | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const system = reader.string(object['system'], childPath(path, 'system'));
    const code = reader.string(object['code'], childPath(path, 'code'));
    const display = reader.optional(object['display'], (v) => reader.string(v, childPath(path, 'display')));
    return system && code ? { system, code, ...(display && { display }) } : undefined;
  }

  private items(value: unknown, path: string): Item[] | undefined {
    return this.list(value, path, (v, p) => this.item(v, p));
  }

  private item(value: unknown, path: string): Item | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const id = this.id(object['id'], childPath(path, 'id'));
    const type = reader.oneOf(object['type'], childPath(path, 'type'), ITEM_TYPES);
    if (id !== undefined) {
      if (this.seenTypes.has(id)) reader.report(childPath(path, 'id'), `duplicate item id "${id}"`);
      else if (type) this.seenTypes.set(id, type);
    }
    // Conditions may only look back, which rules out cycles and reads naturally on paper too.
    const enableWhen = reader.optional(object['enableWhen'], (v) =>
      this.list(v, childPath(path, 'enableWhen'), (c, p) => this.condition(c, p)),
    );
    const enableBehavior = reader.optional(object['enableBehavior'], (v) =>
      reader.oneOf(v, childPath(path, 'enableBehavior'), ['all', 'any'] as const),
    );
    const conditional = { ...(enableWhen && { enableWhen }), ...(enableBehavior && { enableBehavior }) };

    let item: Item | undefined;
    if (type === 'group') {
      const text = reader.optional(object['text'], (v) => this.text(v, childPath(path, 'text')));
      const items = this.items(object['items'], childPath(path, 'items'));
      if (items?.length === 0) reader.report(childPath(path, 'items'), 'a group needs at least one item');
      if (id && items) item = { id, type, ...(text && { text }), items, ...conditional };
    } else if (type === 'display') {
      const text = this.text(object['text'], childPath(path, 'text'));
      if (id && text) item = { id, type, text, ...conditional };
    } else if (type === 'choice') {
      item = this.choice(object, path, id, conditional);
      if (item) this.choices.set(item.id, item);
    }
    return item;
  }

  private choice(object: JsonObject, path: string, id: string | undefined, conditional: Partial<ChoiceItem>): ChoiceItem | undefined {
    const { reader } = this;
    const text = this.text(object['text'], childPath(path, 'text'));
    const required = object['required'] === undefined ? false : reader.boolean(object['required'], childPath(path, 'required'));
    const code = reader.optional(object['code'], (v) => this.coding(v, childPath(path, 'code')));
    const answers = this.answerOptions(object['answers'], childPath(path, 'answers'));
    if (!id || !text || required === undefined || !answers) return undefined;
    return { id, type: 'choice', text, required, answers, ...(code && { code }), ...conditional };
  }

  private answerOptions(value: unknown, path: string): AnswerOption[] | undefined {
    if (typeof value === 'string') {
      if (!(value in this.answerSets)) {
        this.reader.report(path, `no answer set named "${value}" in answerSets`);
        return undefined;
      }
      if (!this.parsedAnswerSets.has(value)) {
        this.parsedAnswerSets.set(value, this.answerOptions(this.answerSets[value], childPath('answerSets', value)));
      }
      return this.parsedAnswerSets.get(value);
    }
    const options = this.list(value, path, (v, p) => this.answerOption(v, p));
    if (!options) return undefined;
    if (options.length < 2) this.reader.report(path, 'a choice needs at least two answers');
    const seen = new Set<string>();
    options.forEach((option, i) => {
      const key = `${typeof option.value}:${option.value}`;
      if (seen.has(key)) this.reader.report(childPath(childPath(path, i), 'value'), `duplicate answer value ${JSON.stringify(option.value)}`);
      seen.add(key);
    });
    return options;
  }

  private answerOption(value: unknown, path: string): AnswerOption | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const raw = object['value'];
    const answerValue = typeof raw === 'string' ? reader.string(raw, childPath(path, 'value')) : reader.number(raw, childPath(path, 'value'));
    const text = this.text(object['text'], childPath(path, 'text'));
    const code = reader.optional(object['code'], (v) => this.coding(v, childPath(path, 'code')));
    return answerValue !== undefined && text ? { value: answerValue, text, ...(code && { code }) } : undefined;
  }

  private condition(value: unknown, path: string): Condition | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const item = reader.string(object['item'], childPath(path, 'item'));
    const operator = reader.oneOf(object['operator'], childPath(path, 'operator'), OPERATORS);
    const raw = object['value'];
    const valuePath = childPath(path, 'value');
    const conditionValue =
      operator === 'exists' ? reader.boolean(raw, valuePath) : typeof raw === 'string' ? reader.string(raw, valuePath) : reader.number(raw, valuePath);
    if (item !== undefined) {
      const target = this.seenTypes.get(item);
      if (!target) reader.report(childPath(path, 'item'), `"${item}" is not an item that comes before this one`);
      else if (target === 'group' || target === 'display') reader.report(childPath(path, 'item'), `"${item}" is a ${target} and has no answer`);
    }
    if (!item || !operator || conditionValue === undefined) return undefined;
    return { item, operator, value: conditionValue };
  }

  private scale(value: unknown, path: string): Scale | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const id = this.id(object['id'], childPath(path, 'id'));
    const name = this.text(object['name'], childPath(path, 'name'));
    const method = reader.oneOf(object['method'], childPath(path, 'method'), ['sum'] as const);
    const items = this.list(object['items'], childPath(path, 'items'), (v, p) => this.scoredItem(v, p));
    const rangeObject = reader.object(object['range'], childPath(path, 'range'));
    const min = rangeObject && reader.number(rangeObject['min'], childPath(path, 'range.min'));
    const max = rangeObject && reader.number(rangeObject['max'], childPath(path, 'range.max'));
    if (min !== undefined && max !== undefined && min >= max) reader.report(childPath(path, 'range'), `min (${min}) must be below max (${max})`);
    const bands = this.list(object['bands'] ?? [], childPath(path, 'bands'), (v, p) => this.band(v, p));
    if (bands && min !== undefined && max !== undefined) this.checkBandsCoverRange(bands, min, max, childPath(path, 'bands'));
    const mcid = reader.optional(object['mcid'], (v) => this.mcid(v, childPath(path, 'mcid')));
    const code = reader.optional(object['code'], (v) => this.coding(v, childPath(path, 'code')));
    const source = reader.string(object['source'], childPath(path, 'source'));
    if (!id || !name || !method || !items || min === undefined || max === undefined || !bands || !source) return undefined;
    return { id, name, method, items, range: { min, max }, bands, ...(mcid && { mcid }), ...(code && { code }), source };
  }

  private scoredItem(value: unknown, path: string): string | undefined {
    const id = this.reader.string(value, path);
    if (id === undefined) return undefined;
    const type = this.seenTypes.get(id);
    if (!type) this.reader.report(path, `"${id}" is not an item of this instrument`);
    else if (type !== 'choice') this.reader.report(path, `"${id}" is a ${type} and cannot be scored`);
    else if (this.choices.get(id)?.answers.some((a) => typeof a.value !== 'number')) this.reader.report(path, `"${id}" has answers without a numeric value`);
    return id;
  }

  private band(value: unknown, path: string): Band | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const id = this.id(object['id'], childPath(path, 'id'));
    const min = reader.number(object['min'], childPath(path, 'min'));
    const max = reader.number(object['max'], childPath(path, 'max'));
    const label = this.text(object['label'], childPath(path, 'label'));
    if (min !== undefined && max !== undefined && min > max) reader.report(path, `min (${min}) is above max (${max})`);
    return id && min !== undefined && max !== undefined && label ? { id, min, max, label } : undefined;
  }

  /** Bands must tile the range in order so that every possible score has exactly one band. */
  private checkBandsCoverRange(bands: readonly Band[], min: number, max: number, path: string): void {
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

  private mcid(value: unknown, path: string): Mcid | undefined {
    const { reader } = this;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const mcidValue = reader.number(object['value'], childPath(path, 'value'));
    const improvement = reader.oneOf(object['improvement'], childPath(path, 'improvement'), ['decrease', 'increase'] as const);
    const source = reader.string(object['source'], childPath(path, 'source'));
    return mcidValue !== undefined && improvement && source ? { value: mcidValue, improvement, source } : undefined;
  }
}
