import type { Anchors, QuestionItem } from './instrument.js';
import { isIsoDate, type ItemFieldsContext } from './instrument-parser.js';
import { childPath, defined, type JsonObject } from './json-reader.js';
import { labelledIdsOf, REGION_SETS, type RegionSet } from './region-sets.js';
import type { TextMap } from './text.js';

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
        return defined({ type, min, max, unit });
      }
      case 'text': {
        const maxLength = reader.optional(object['maxLength'], (v) => this.#context.number(v, at('maxLength'), true));
        if (maxLength !== undefined && maxLength < 1) reader.report(at('maxLength'), 'must be at least 1');
        return defined({ type, maxLength });
      }
      case 'date': {
        const read = (key: string) => reader.optional(object[key], (v) => this.#dateBound(v, at(key)));
        const min = read('min');
        const max = read('max');
        if (min && max && min !== 'today' && max !== 'today' && min >= max) reader.report(at('max'), `must be after min (${min})`);
        return defined({ type, min, max });
      }
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
    const missing = ids.filter((id) => object[id] === undefined);
    if (missing.length) reader.report(path, `missing the label of ${missing.map((id) => `"${id}"`).join(', ')}`);
    const labels: Record<string, TextMap> = {};
    for (const id of ids.filter((id) => object[id] !== undefined)) {
      const label = this.#context.text(object[id], childPath(path, id));
      if (label) labels[id] = label;
    }
    return Object.keys(labels).length === ids.length ? labels : undefined;
  }
}
