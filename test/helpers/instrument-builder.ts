/**
 * Builds native instrument JSON documents for tests, filling in what every file must have
 * (id, version, languages, title, meta with licence, translations) so that a test states only
 * the items and scoring it is about. Documents are plain JSON, so they go through
 * `parseInstrument` exactly like a shipped file.
 */
import type { Instrument } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { labelledIdsOf, REGION_SETS } from '../../src/model/region-sets.js';

export type Json = Record<string, unknown>;

export const en = (text: string): Json => ({ en: text });

export interface InstrumentParts {
  readonly id?: string;
  readonly items: readonly Json[];
  readonly scales?: readonly Json[];
  readonly classifications?: readonly Json[];
  readonly flags?: readonly Json[];
}

/** A complete instrument document around the given items and scoring. */
export function instrument({ id = 'test', items, scales = [], classifications, flags }: InstrumentParts): Json {
  return {
    id,
    version: '1.0.0',
    languages: ['en'],
    title: en(`Test instrument ${id}`),
    meta: { name: en(id), citation: ['Test fixture'], licence: { kind: 'text-granted', notice: en('Test fixture') } },
    translations: { en: { status: 'draft', source: 'test' } },
    items,
    scoring: { scales, ...(classifications && { classifications }), ...(flags && { flags }) },
  };
}

/** The parsed instrument: a builder mistake fails here with the JSON paths. */
export const build = (parts: InstrumentParts): Instrument => parseInstrument(instrument(parts));

export type OptionSpec = number | string | ({ value: number | string } & Json);

/** A choice (or multi-choice) item; options are bare values or partial options without text. */
export const choice = (id: string, options: readonly OptionSpec[], extra: Json = {}): Json => ({
  id,
  type: 'choice',
  text: en(id),
  answers: options.map((o) => (typeof o === 'object' ? { text: en(String(o.value)), ...o } : { value: o, text: en(String(o)) })),
  ...extra,
});

export const multiChoice = (id: string, options: readonly OptionSpec[], extra: Json = {}): Json =>
  choice(id, options, { type: 'multi-choice', ...extra });

/** Any other question type; nrs and vas get anchors. */
export const question = (id: string, type: string, extra: Json = {}): Json => ({
  id,
  type,
  text: en(id),
  ...(type === 'nrs' || type === 'vas' ? { anchors: { min: en('none'), max: en('worst') } } : {}),
  ...(type === 'body-map' ? { regionSet: 'acr-2016', regionLabels: Object.fromEntries(labelledIdsOf(REGION_SETS['acr-2016']!).map((r) => [r, en(r)])) } : {}),
  ...extra,
});

/** `count` choice items `prefix1…prefixN` answered `min`…`max`. */
export const choices = (prefix: string, count: number, min: number, max: number, extra: Json = {}): Json[] =>
  Array.from({ length: count }, (_, i) => choice(`${prefix}${i + 1}`, Array.from({ length: max - min + 1 }, (_, v) => min + v), extra));

export const scale = (id: string, method: string, items: readonly string[], range: readonly [number, number], extra: Json = {}): Json => ({
  id,
  name: en(id),
  method,
  items,
  range: { min: range[0], max: range[1] },
  bands: [],
  source: 'test',
  ...extra,
});

/** Bands from `[id, min, max]` triples. */
export const bands = (...triples: readonly (readonly [string, number, number])[]): Json[] =>
  triples.map(([id, min, max]) => ({ id, min, max, label: en(id) }));
