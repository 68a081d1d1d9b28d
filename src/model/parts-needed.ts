import type { JsonObject } from './json-reader.js';

/*
 * Which parts of the instrument parser a file needs, read from the raw file: small, so that an
 * element can fetch those parts while the parser itself is still on its way.
 */

/** The options of a scale that parse-scale-options.ts reads (with the method `percent`). */
export const SCALE_OPTIONS = ['reverse', 'weights', 'missing', 'lookup', 'exclude'];

/** The question types whose fields field-items.ts reads: all but choices. */
const FIELD_ITEM_TYPES: readonly string[] = ['nrs', 'vas', 'integer', 'decimal', 'quantity', 'attachment', 'text', 'url', 'date', 'date-time', 'time', 'boolean', 'body-map'];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null;

/** Which parts the instrument file needs, read from the raw file before it is checked. */
export function partsNeeded(json: unknown): Readonly<Record<'rules' | 'itemFields' | 'scaleOptions' | 'conditions', boolean>> {
  const scoring = isObject(json) ? json['scoring'] : undefined;
  const has = (key: string) => isObject(scoring) && scoring[key] !== undefined;
  const scales = isObject(scoring) && Array.isArray(scoring['scales']) ? scoring['scales'] : [];
  const scaleOptions = scales.some((scale) => isObject(scale) && (scale['method'] === 'percent' || SCALE_OPTIONS.some((key) => scale[key] !== undefined)));
  const anyItem = (items: unknown, test: (item: JsonObject) => boolean): boolean =>
    Array.isArray(items) && items.some((item) => isObject(item) && (test(item) || anyItem(item['items'], test)));
  const items = isObject(json) ? json['items'] : undefined;
  const rules = has('flags') || has('classifications');
  return {
    rules,
    itemFields: anyItem(items, (item) => FIELD_ITEM_TYPES.includes(item['type'] as string)),
    scaleOptions,
    // Flags and classifications test answers with conditions.
    conditions: rules || anyItem(items, (item) => item['enableWhen'] !== undefined),
  };
}
