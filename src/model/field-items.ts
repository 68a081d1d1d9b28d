import type { QuestionnaireResponseAnswer } from '../fhir/questionnaire-response.js';
import { answersRepeat, DEFAULT_MAX_ATTACHMENT_SIZE, isAttachmentAnswer, isQuantityAnswer, REPEATABLE_TYPES, type AttachmentAnswer, type AttachmentItem, type Anchors, type AnswerValue, type Answers, type ItemId, type QuantityAnswer, type QuantityItem, type QuantityUnit, type QuestionItem, type Scale } from './instrument.js';
import type { ItemFieldsContext } from './instrument-parser.js';
import { provideFieldItemSupport, type FieldItem, type ScoreRange } from './item-support.js';
import { childPath, defined, type JsonObject } from './json-reader.js';
import { own } from './own.js';
import { labelledIdsOf, REGION_SETS, regionIdsOf, type RegionSet } from './region-sets.js';
import type { TextMap } from './text.js';
import { decimalsOf, distinctMembers, type AnswerProblem } from './validate-answer.js';
import { regionSetSystem } from '../fhir/painpath-codes.js';

/*
 * Everything particular to the questions other than choices (ratings, numbers, text, dates and
 * body maps): reading their fields, checking, scoring and exporting their answers. Many
 * instruments have only choices, so this is loaded only for those that need it (see
 * `partsNeeded`); it registers its support for checking, scoring and FHIR when it loads.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** FHIR's dateTime to the second, with its UTC offset (which FHIR requires once a time is given). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
/** An absolute URI: a scheme, then something. */
const URI = /^[a-z][a-z\d+.-]*:\S+$/i;

/** A content pattern that must match the whole answer, as FHIR's regex does. */
const wholeMatch = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`, 'u');

/** A `YYYY-MM-DD` string that names a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Month 13 is an invalid date; 31 February rolls over into March, which startsWith catches.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const outside = <T extends number | string>(value: T, min: T | undefined, max: T | undefined) =>
  (min !== undefined && value < min) || (max !== undefined && value > max);

/** What is wrong with a number against an item's bounds and decimals. */
function numberProblem(item: { type: string; min?: number; max?: number; maxDecimals?: number }, value: unknown): AnswerProblem | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'type';
  if (item.type === 'integer' && !Number.isInteger(value)) return 'format';
  if (outside(value, item.min, item.max)) return 'range';
  return item.maxDecimals !== undefined && decimalsOf(value) > item.maxDecimals ? 'decimals' : undefined;
}

function quantityProblem(item: QuantityItem, value: AnswerValue): AnswerProblem | undefined {
  if (!isQuantityAnswer(value) || Object.keys(value).some((key) => key !== 'value' && key !== 'unit')) return 'type';
  if (value.unit === undefined ? false : !item.units.some((unit) => unit.code.code === value.unit)) return 'type';
  // A number with several units to choose from means nothing until its unit is chosen.
  return numberProblem(item, value.value) ?? (value.unit === undefined && item.units.length ? 'unit' : undefined);
}

/** Checks an answer, or each answer of a question that repeats, and how many there are. */
function answerProblem(item: FieldItem, value: AnswerValue, today: string): AnswerProblem | undefined {
  if (!answersRepeat(item)) return singleAnswerProblem(item, value, today);
  const { minOccurs, maxOccurs } = item as { minOccurs?: number; maxOccurs?: number };
  if (!Array.isArray(value) || (maxOccurs !== undefined && value.length > maxOccurs)) return 'type';
  for (const entry of value as readonly AnswerValue[]) {
    const problem = singleAnswerProblem(item, entry, today);
    if (problem) return problem;
  }
  return minOccurs !== undefined && value.length < minOccurs ? 'too-few' : undefined;
}

function attachmentProblem(item: AttachmentItem, value: AnswerValue): AnswerProblem | undefined {
  const keys = ['contentType', 'data', 'title', 'size', 'hash'];
  const wellFormed = isAttachmentAnswer(value) && Object.keys(value).every((key) => keys.includes(key)) && Number.isInteger(value.size) && typeof value.title === 'string' && typeof value.contentType === 'string' && ['string', 'undefined'].includes(typeof value.hash);
  if (!wellFormed) return 'type';
  if (value.size > (item.maxSize ?? DEFAULT_MAX_ATTACHMENT_SIZE)) return 'too-large';
  return item.mimeTypes && !item.mimeTypes.includes(value.contentType) ? 'file-type' : undefined;
}

function singleAnswerProblem(item: FieldItem, value: AnswerValue, today: string): AnswerProblem | undefined {
  switch (item.type) {
    case 'attachment':
      return attachmentProblem(item, value);
    case 'body-map': {
      const set = own(REGION_SETS, item.regionSet);
      return Array.isArray(value) && set && distinctMembers(value, regionIdsOf(set)) ? undefined : 'type';
    }
    case 'nrs':
      return Number.isInteger(value) && !outside(value as number, 0, 10) ? undefined : 'type';
    // Whole millimetres of the 100 mm line, as the slider steps, scoring counts and FHIR writes it.
    case 'vas':
      return Number.isInteger(value) && !outside(value as number, 0, 100) ? undefined : 'type';
    case 'integer':
    case 'decimal':
      return numberProblem(item, value);
    case 'quantity':
      return quantityProblem(item, value);
    case 'text':
    case 'url':
      if (typeof value !== 'string') return 'type';
      if (item.type === 'url' && !URI.test(value)) return 'format';
      if (item.maxLength !== undefined && value.length > item.maxLength) return 'too-long';
      if (item.type === 'text' && item.minLength !== undefined && value.trim().length < item.minLength) return 'too-short';
      return item.type === 'text' && item.pattern !== undefined && !wholeMatch(item.pattern).test(value) ? 'format' : undefined;
    case 'date-time': {
      if (typeof value !== 'string') return 'type';
      const date = DATE_TIME.exec(value)?.[1];
      return date && isIsoDate(date) ? undefined : 'format';
    }
    case 'time':
      if (typeof value !== 'string') return 'type';
      return TIME.test(value) ? undefined : 'format';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'type';
    case 'date': {
      if (typeof value !== 'string') return 'type';
      if (!isIsoDate(value)) return 'format';
      const bound = (b: string | undefined) => (b === 'today' ? today : b);
      return outside(value, bound(item.min), bound(item.max)) ? 'range' : undefined;
    }
  }
}

function score(item: FieldItem, answer: AnswerValue): number | undefined {
  if (item.type === 'body-map') return Array.isArray(answer) ? answer.length : undefined;
  return typeof answer === 'number' ? answer : undefined;
}

function scoreRange(item: FieldItem): ScoreRange | undefined {
  switch (item.type) {
    case 'body-map': {
      const set = own(REGION_SETS, item.regionSet);
      return set && { min: 0, max: regionIdsOf(set).length };
    }
    case 'nrs':
      return { min: 0, max: 10 };
    case 'vas':
      return { min: 0, max: 100 };
    case 'integer':
    case 'decimal':
      return item.min !== undefined && item.max !== undefined ? { min: item.min, max: item.max } : undefined;
    default:
      return undefined;
  }
}

function fhirAnswers(item: FieldItem, value: AnswerValue, text: (map: TextMap | undefined) => string | undefined): QuestionnaireResponseAnswer[] {
  if (answersRepeat(item)) return (value as readonly AnswerValue[]).flatMap((entry) => singleFhirAnswer(item, entry, text));
  return singleFhirAnswer(item, value, text);
}

function singleFhirAnswer(item: FieldItem, value: AnswerValue, text: (map: TextMap | undefined) => string | undefined): QuestionnaireResponseAnswer[] {
  switch (item.type) {
    case 'body-map':
      return (value as readonly string[]).map((id) => {
        const display = text(own(item.regionLabels, id));
        return { valueCoding: { system: regionSetSystem(item.regionSet), code: id, ...(display && { display }) } };
      });
    case 'nrs':
    case 'vas':
    case 'integer':
      return [{ valueInteger: value as number }];
    case 'decimal':
      return [{ valueDecimal: value as number }];
    case 'text':
      return [{ valueString: value as string }];
    case 'date':
      return [{ valueDate: value as string }];
    case 'boolean':
      return [{ valueBoolean: value as boolean }];
    case 'date-time':
      return [{ valueDateTime: value as string }];
    case 'time':
      return [{ valueTime: value as string }];
    case 'url':
      return [{ valueUri: value as string }];
    case 'attachment': {
      const { contentType, data, title, size, hash } = value as AttachmentAnswer;
      return [{ valueAttachment: { contentType, data, title, size, ...(hash && { hash }) } }];
    }
    case 'quantity': {
      const { value: number, unit: code } = value as QuantityAnswer;
      const unit = item.units.find((u) => u.code.code === code);
      // FHIR lets a unit's code stand only with its system (qty-3); without one, its name says it.
      const coded = unit?.code.system !== undefined && { system: unit.code.system, code: unit.code.code };
      return [{ valueQuantity: { value: number, ...(unit && { unit: text(unit.text) ?? unit.code.code }), ...coded } }];
    }
  }
}

function regionGroupCount(scale: Scale, questions: ReadonlyMap<ItemId, QuestionItem>, answers: Answers): number {
  const excluded = new Set(scale.exclude);
  const groups = new Set<string>();
  for (const id of scale.items) {
    const item = questions.get(id);
    const answer = own(answers, id);
    if (item?.type !== 'body-map' || !Array.isArray(answer)) continue;
    for (const group of own(REGION_SETS, item.regionSet)?.groups ?? []) {
      if (group.regions.some((region) => !excluded.has(region) && answer.includes(region))) groups.add(group.id);
    }
  }
  return groups.size;
}

provideFieldItemSupport({ answerProblem, score, scoreRange, fhirAnswers, regionGroupCount });

/**
 * Reads the fields particular to the question types other than choices: ratings, numbers, text,
 * dates and body maps. Many instruments have only choices, so this part of the parser is loaded
 * only for those that need it (see `partsNeeded`).
 */
export class ItemFieldsParser {
  readonly #context: ItemFieldsContext;

  constructor(context: ItemFieldsContext) {
    this.#context = context;
  }

  /** The fields of an item of the type, or undefined when they are invalid. */
  fields(type: Exclude<QuestionItem['type'], 'choice' | 'multi-choice'>, object: JsonObject, path: string): Partial<QuestionItem> | undefined {
    const fields = this.#typeFields(type, object, path);
    const { reader } = this.#context;
    const repeats = reader.optional(object['repeats'], (v) => reader.boolean(v, childPath(path, 'repeats')));
    if (repeats !== undefined && !REPEATABLE_TYPES.includes(type)) reader.report(childPath(path, 'repeats'), `a ${type} question takes one answer`);
    const occurs = (key: string) => reader.optional(object[key], (v) => this.#context.number(v, childPath(path, key), true));
    const [minOccurs, maxOccurs] = [occurs('minOccurs'), occurs('maxOccurs')];
    if (!repeats && (minOccurs !== undefined || maxOccurs !== undefined)) reader.report(path, 'only a question that repeats has a minOccurs or maxOccurs');
    if (!repeats || !REPEATABLE_TYPES.includes(type)) return fields;
    if ((minOccurs ?? 1) < 1 || (maxOccurs ?? Infinity) < Math.max(2, minOccurs ?? 0)) reader.report(childPath(path, 'maxOccurs'), 'minOccurs must be at least 1, and maxOccurs at least 2 and at least minOccurs');
    return fields && defined({ ...fields, repeats: repeats || undefined, minOccurs, maxOccurs });
  }

  #typeFields(type: Exclude<QuestionItem['type'], 'choice' | 'multi-choice'>, object: JsonObject, path: string): Partial<QuestionItem> | undefined {
    const { reader } = this.#context;
    const at = (key: string) => childPath(path, key);
    switch (type) {
      case 'integer':
      case 'decimal': {
        const read = (key: string) => reader.optional(object[key], (v) => this.#context.number(v, at(key), type === 'integer'));
        const min = read('min');
        const max = read('max');
        if (min !== undefined && max !== undefined && min >= max) reader.report(at('max'), `must be above min (${min})`);
        const unit = this.#context.wording(object, 'unit', path, false);
        const maxDecimals = type === 'decimal' ? read('maxDecimals') : undefined;
        if (maxDecimals !== undefined && (!Number.isInteger(maxDecimals) || maxDecimals < 0)) reader.report(at('maxDecimals'), 'expected a whole number of 0 or more');
        const control = reader.optional(object['control'], (v) => reader.oneOf(v, at('control'), ['slider', 'spinner'] as const));
        if (control === 'slider' && (min === undefined || max === undefined)) reader.report(at('control'), 'a slider needs a min and a max');
        const step = read('step');
        if (step !== undefined && (step <= 0 || !control)) reader.report(at('step'), 'a slider or spinner steps by a number above 0');
        return defined({ type, min, max, unit, maxDecimals, control, step });
      }
      case 'attachment': {
        const maxSize = reader.optional(object['maxSize'], (v) => this.#context.number(v, at('maxSize'), true));
        if (maxSize !== undefined && maxSize < 1) reader.report(at('maxSize'), 'expected a size in bytes of at least 1');
        const mimeTypes = reader.optional(object['mimeTypes'], (v) => reader.list(v, at('mimeTypes'), (t, p) => this.#mimeType(t, p)));
        return defined({ type, maxSize, mimeTypes });
      }
      case 'quantity': {
        const units = reader.optional(object['units'], (v) => reader.list(v, at('units'), (u, p) => this.#unit(u, p))) ?? [];
        const codes = units.map((u) => u.code.code);
        codes.forEach((code, i) => codes.indexOf(code) < i && reader.report(childPath(at('units'), i), `duplicate unit code "${code}"`));
        const read = (key: string) => reader.optional(object[key], (v) => this.#context.number(v, at(key), key === 'maxDecimals'));
        const [min, max, maxDecimals] = ['min', 'max', 'maxDecimals'].map(read);
        if (min !== undefined && max !== undefined && min >= max) reader.report(at('max'), `must be above min (${min})`);
        if (maxDecimals !== undefined && maxDecimals < 0) reader.report(at('maxDecimals'), 'expected a whole number of 0 or more');
        return defined({ type, units, min, max, maxDecimals });
      }
      case 'text':
      case 'url': {
        const length = (key: string) => reader.optional(object[key], (v) => this.#context.number(v, at(key), true));
        const maxLength = length('maxLength');
        if (maxLength !== undefined && maxLength < 1) reader.report(at('maxLength'), 'must be at least 1');
        if (type === 'url') return defined({ type, maxLength });
        const minLength = length('minLength');
        if (minLength !== undefined && (minLength < 1 || minLength > (maxLength ?? Infinity))) reader.report(at('minLength'), 'must be at least 1, and at most maxLength');
        const pattern = reader.optional(object['pattern'], (v) => this.#pattern(v, at('pattern')));
        const singleLine = reader.optional(object['singleLine'], (v) => reader.boolean(v, at('singleLine')));
        return defined({ type, maxLength, minLength, pattern, singleLine });
      }
      case 'date': {
        const read = (key: string) => reader.optional(object[key], (v) => this.#dateBound(v, at(key)));
        const min = read('min');
        const max = read('max');
        if (min && max && min !== 'today' && max !== 'today' && min >= max) reader.report(at('max'), `must be after min (${min})`);
        return defined({ type, min, max });
      }
      case 'boolean':
      case 'date-time':
      case 'time':
        return { type };
      case 'nrs':
      case 'vas': {
        const anchors = this.#context.bringYourOwnText ? this.#wordingAnchors(object, path) : this.#anchors(object['anchors'], at('anchors'));
        return anchors && { type, anchors };
      }
      case 'body-map': {
        const regionSet = reader.oneOf(object['regionSet'], at('regionSet'), Object.keys(REGION_SETS));
        const regionLabels = regionSet && this.#regionLabels(object['regionLabels'], at('regionLabels'), REGION_SETS[regionSet]!);
        return regionSet === undefined || !regionLabels ? undefined : { type, regionSet, regionLabels };
      }
    }
  }

  #mimeType(value: unknown, path: string): string | undefined {
    const type = this.#context.reader.string(value, path);
    if (type === undefined || /^[a-z]+\/[a-z0-9.+-]+$/i.test(type)) return type;
    this.#context.reader.report(path, `expected a MIME type such as image/jpeg, got "${type}"`);
    return undefined;
  }

  #unit(value: unknown, path: string): QuantityUnit | undefined {
    const object = this.#context.reader.object(value, path);
    if (!object) return undefined;
    const code = this.#context.coding(object['code'], childPath(path, 'code'));
    const text = this.#context.text(object['text'], childPath(path, 'text'));
    return code && text && { code, text };
  }

  /** A regular expression that compiles (with the `u` flag, as every engine reads it the same way). */
  #pattern(value: unknown, path: string): string | undefined {
    const pattern = this.#context.reader.string(value, path);
    if (pattern === undefined) return undefined;
    try {
      wholeMatch(pattern);
      return pattern;
    } catch (error) {
      this.#context.reader.report(path, `not a regular expression: ${(error as Error).message}`);
      return undefined;
    }
  }

  #dateBound(value: unknown, path: string): string | undefined {
    const { reader } = this.#context;
    const bound = reader.string(value, path);
    if (bound === undefined || bound === 'today' || isIsoDate(bound)) return bound;
    reader.report(path, `expected a date as YYYY-MM-DD or "today", got "${bound}"`);
    return undefined;
  }

  #wordingAnchors(object: JsonObject, path: string): Anchors {
    this.#context.wording(object, 'anchors', path, false);
    return { min: {}, max: {} };
  }

  #anchors(value: unknown, path: string): Anchors | undefined {
    const object = this.#context.reader.object(value, path);
    if (!object) return undefined;
    const min = this.#context.text(object['min'], childPath(path, 'min'));
    const max = this.#context.text(object['max'], childPath(path, 'max'));
    return min && max ? { min, max } : undefined;
  }

  /** A label for every group and region of the set, and for nothing else. */
  #regionLabels(value: unknown, path: string, set: RegionSet): Record<string, TextMap> | undefined {
    const { reader } = this.#context;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const ids = labelledIdsOf(set);
    for (const key of Object.keys(object)) {
      if (!ids.includes(key)) reader.report(childPath(path, key), `${set.id} has no region or region group "${key}"`);
    }
    const missing = ids.filter((id) => own(object, id) === undefined);
    if (missing.length) reader.report(path, `missing the label of ${missing.map((id) => `"${id}"`).join(', ')}`);
    const labels = ids.flatMap((id): [string, TextMap][] => {
      const label = own(object, id) === undefined ? undefined : this.#context.text(object[id], childPath(path, id));
      return label ? [[id, label]] : [];
    });
    return labels.length === ids.length ? Object.fromEntries(labels) : undefined;
  }
}
