import { ContentError } from './content-error.js';
import type { AnswerOption, Anchors, Instrument, Item, Translation } from './instrument.js';
import { childrenOf, walkItems } from './instrument.js';
import { childPath, defined, JsonReader, type JsonObject } from './json-reader.js';
import { own } from './own.js';
import { labelledIdsOf, REGION_SETS } from './region-sets.js';
import type { LanguageCode, TextMap } from './text.js';

/** The wording of one item in one language. Answer texts are keyed by the answer's value. */
export interface ItemWording {
  readonly text?: string;
  readonly answers?: Readonly<Record<string, string>>;
  readonly anchors?: { readonly min: string; readonly max: string };
  readonly unit?: string;
  /** A body map's label of each region and region group, by id. */
  readonly regionLabels?: Readonly<Record<string, string>>;
}

/**
 * The wording of an instrument in one language, supplied by a host that holds the licence for it
 * (bring-your-own-text instruments), or adding a language to any instrument.
 */
export interface TextPack extends Translation {
  readonly instrument: string;
  /** When given, the pack fits only this version of the instrument. */
  readonly version?: string;
  readonly language: LanguageCode;
  readonly title?: string;
  readonly instructions?: string;
  readonly items: Readonly<Record<string, ItemWording>>;
}

const needsText = (item: Item) => item.type !== 'group' && item.type !== 'page';
const hasAnswers = (item: Item): item is Item & { answers: readonly AnswerOption[] } =>
  item.type === 'choice' || item.type === 'multi-choice';
const hasAnchors = (item: Item) => item.type === 'nrs' || item.type === 'vas';

/**
 * Checks a text pack against its instrument: every question, display item, answer and scale end
 * needs text in it; unknown items or answers are errors too. Throws a `ContentError` with paths.
 */
export function parseTextPack(json: unknown, instrument: Instrument): TextPack {
  const reader = new JsonReader();
  const root = reader.object(json, '');
  if (!root) throw new ContentError('Text pack', reader.problems);
  const at = (key: string) => childPath('', key);
  const instrumentId = reader.string(root['instrument'], 'instrument');
  if (instrumentId !== undefined && instrumentId !== instrument.id) reader.report('instrument', `this pack is for "${instrumentId}", not "${instrument.id}"`);
  const version = reader.optional(root['version'], (v) => reader.string(v, 'version'));
  if (version !== undefined && version !== instrument.version) {
    reader.report('version', `this pack is for version ${version}, not ${instrument.version}`);
  }
  const language = reader.languageTag(root['language'], 'language');
  const translation = reader.translation(root, '');
  const title = reader.optional(root['title'], (v) => reader.string(v, at('title')));
  const instructions = reader.optional(root['instructions'], (v) => reader.string(v, at('instructions')));
  const itemsObject = reader.object(root['items'], 'items') ?? {};

  const items = new Map([...walkItems(instrument.items)].map((item) => [item.id, item]));
  for (const id of Object.keys(itemsObject)) {
    if (!items.has(id)) reader.report(childPath('items', id), `"${id}" is not an item of ${instrument.id}`);
  }
  const wordings = [...items.values()].flatMap((item): [string, ItemWording][] => {
    const path = childPath('items', item.id);
    const entry = own(itemsObject, item.id);
    if (entry === undefined) {
      if (needsText(item)) reader.report('items', `missing the wording of "${item.id}"`);
      return [];
    }
    const wording = reader.object(entry, path);
    return wording ? [[item.id, readWording(reader, wording, item, path)]] : [];
  });

  const problemsOf = `Text pack${language ? ` (${language})` : ''} for "${instrument.id}"`;
  if (reader.problems.length || !instrumentId || !language || !translation) throw new ContentError(problemsOf, reader.problems);
  return {
    instrument: instrumentId,
    ...(version && { version }),
    language,
    ...translation,
    ...(title && { title }),
    ...(instructions && { instructions }),
    items: Object.fromEntries(wordings),
  };
}

function readWording(reader: JsonReader, wording: JsonObject, item: Item, path: string): ItemWording {
  const at = (key: string) => childPath(path, key);
  const known = new Set([
    'text',
    ...(hasAnswers(item) ? ['answers'] : []),
    ...(hasAnchors(item) ? ['anchors'] : []),
    ...(item.type === 'integer' || item.type === 'decimal' ? ['unit'] : []),
    ...(item.type === 'body-map' ? ['regionLabels'] : []),
  ]);
  for (const key of Object.keys(wording)) {
    if (!known.has(key)) reader.report(at(key), `"${key}" does not apply to a ${item.type} item`);
  }
  const text = needsText(item) || wording['text'] !== undefined ? reader.string(wording['text'], at('text')) : undefined;
  const unit = reader.optional(wording['unit'], (v) => reader.string(v, at('unit')));
  const values = hasAnswers(item) ? item.answers.map((option) => String(option.value)) : [];
  const answers = hasAnswers(item)
    ? readKeyedTexts(reader, wording['answers'], at('answers'), values, (key) => `"${key}" is not an answer of "${item.id}" (answers: ${values.join(', ')})`, 'answer')
    : undefined;
  const regionLabels =
    item.type === 'body-map'
      ? readKeyedTexts(reader, wording['regionLabels'], at('regionLabels'), labelledIdsOf(REGION_SETS[item.regionSet]!), (key) => `${item.regionSet} has no region or region group "${key}"`, 'region')
      : undefined;
  let anchors: ItemWording['anchors'];
  if (hasAnchors(item)) {
    const object = reader.object(wording['anchors'], at('anchors'));
    const min = object && reader.string(object['min'], childPath(at('anchors'), 'min'));
    const max = object && reader.string(object['max'], childPath(at('anchors'), 'max'));
    if (min && max) anchors = { min, max };
  }
  return { ...(text && { text }), ...(answers && { answers }), ...(anchors && { anchors }), ...(unit && { unit }), ...(regionLabels && { regionLabels }) };
}

/** Texts keyed by the ids an item has (its answers' values, its regions): one for each, and no others (`unknownKey` says why). */
function readKeyedTexts(reader: JsonReader, value: unknown, path: string, keys: readonly string[], unknownKey: (key: string) => string, what: string): Record<string, string> {
  const object = reader.object(value, path) ?? {};
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) reader.report(childPath(path, key), unknownKey(key));
  }
  const texts = keys.flatMap((key): [string, string][] => {
    if (Object.hasOwn(object, key)) return [[key, reader.string(object[key], childPath(path, key)) ?? '']];
    reader.report(path, `missing the wording of ${what} "${key}"`);
    return [];
  });
  return Object.fromEntries(texts);
}

const withLanguage = (map: TextMap | undefined, language: LanguageCode, text: string | undefined): TextMap | undefined =>
  text === undefined ? map : { ...map, [language]: text };

/**
 * The instrument with the packs' wording added. A bring-your-own-text instrument offers exactly
 * the packs' languages, the first pack's being its source language; any other instrument gains
 * the packs' languages after its own.
 */
export function applyTextPacks(instrument: Instrument, packs: readonly TextPack[]): Instrument {
  if (packs.length === 0) return instrument;
  const apply = (items: readonly Item[]): Item[] =>
    items.map((item): Item => {
      let result = item;
      for (const pack of packs) {
        const wording = own(pack.items, item.id);
        if (!wording) continue;
        const text = withLanguage(result.text, pack.language, wording.text);
        result = { ...result, ...(text && { text }) } as Item;
        if (hasAnswers(result) && wording.answers) {
          const answers = result.answers.map((option) => ({ ...option, text: withLanguage(option.text, pack.language, own(wording.answers, String(option.value)))! }));
          result = { ...result, answers } as Item;
        }
        if ((result.type === 'nrs' || result.type === 'vas') && wording.anchors) {
          const anchors: Anchors = {
            min: withLanguage(result.anchors.min, pack.language, wording.anchors.min)!,
            max: withLanguage(result.anchors.max, pack.language, wording.anchors.max)!,
          };
          result = { ...result, anchors };
        }
        if ((result.type === 'integer' || result.type === 'decimal') && wording.unit) {
          result = { ...result, unit: withLanguage(result.unit, pack.language, wording.unit)! };
        }
        if (result.type === 'body-map' && wording.regionLabels) {
          const labels = Object.entries(result.regionLabels).map(([id, label]) => [id, withLanguage(label, pack.language, own(wording.regionLabels, id))!]);
          result = { ...result, regionLabels: Object.fromEntries(labels) };
        }
      }
      return childrenOf(result).length ? ({ ...result, items: apply(childrenOf(result)) } as Item) : result;
    });
  const packLanguages = packs.map((p) => p.language);
  const languages =
    instrument.meta.licence.kind === 'bring-your-own-text'
      ? [...new Set(packLanguages)]
      : [...new Set([...instrument.languages, ...packLanguages])];
  let { title, instructions } = instrument;
  for (const pack of packs) {
    title = withLanguage(title, pack.language, pack.title ?? own(title, pack.language) ?? own(title, instrument.languages[0]!));
    instructions = withLanguage(instructions, pack.language, pack.instructions);
  }
  return {
    ...instrument,
    languages,
    ...(title && { title }),
    ...(instructions && { instructions }),
    translations: { ...instrument.translations, ...Object.fromEntries(packs.map(({ language, status, source, evidence }) => [language, defined({ status, source, evidence })])) },
    items: apply(instrument.items),
  };
}
