import type { Answers, AnswerValue, Instrument, Item, OptionCoding, QuestionItem } from '../model/instrument.js';
import { childrenOf, isContainer, isRepeating, sourceLanguageOf } from '../model/instrument.js';
import { PATH_SEPARATOR, pathIn, type ItemPath } from '../engine/item-path.js';
import { fieldItemSupport } from '../model/item-support.js';
import { own } from '../model/own.js';
import type { LanguageCode, TextMap } from '../model/text.js';
import { isWholeScale, type Scores } from '../scoring/score.js';
import { optionValue, questionnaireUrl } from './painpath-codes.js';

/** The subset of FHIR R4 QuestionnaireResponse that Painpath writes. */
export interface QuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly status: 'completed' | 'in-progress';
  /** Canonical URL of the questionnaire with its version (`url|version`). */
  readonly questionnaire: string;
  /** The response's own name, the same wherever it is sent, so a server can keep it once (conditional create). */
  readonly identifier?: ResponseIdentifier;
  readonly language: LanguageCode;
  readonly authored: string;
  readonly item: readonly QuestionnaireResponseItem[];
}

/** A UUID as FHIR writes one: `{ system: 'urn:ietf:rfc:3986', value: 'urn:uuid:…' }`. */
export interface ResponseIdentifier {
  readonly system: 'urn:ietf:rfc:3986';
  readonly value: string;
}

export interface QuestionnaireResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly QuestionnaireResponseAnswer[];
  readonly item?: readonly QuestionnaireResponseItem[];
}

/** One answer, with the answers of the items under its question. */
export type QuestionnaireResponseAnswer = ValueX & { readonly item?: readonly QuestionnaireResponseItem[] };

/** The value[x] of an answer, typed as its item's FHIR type requires. */
type ValueX =
  | { readonly valueCoding: OptionCoding }
  | { readonly valueInteger: number }
  | { readonly valueDecimal: number }
  | { readonly valueDate: string }
  | { readonly valueBoolean: boolean }
  | { readonly valueDateTime: string }
  | { readonly valueTime: string }
  | { readonly valueUri: string }
  | { readonly valueReference: { readonly reference: string; readonly display?: string } }
  | { readonly valueAttachment: { readonly contentType: string; readonly data: string; readonly title: string; readonly size: number; readonly hash?: string } }
  | { readonly valueQuantity: { readonly value: number; readonly unit?: string; readonly system?: string; readonly code?: string } }
  | { readonly valueString: string };

export interface ResponseOptions {
  readonly language?: LanguageCode;
  /** Each item as it is at a path, with what expressions make of it (`QuestionnaireEngine.itemAt`): the answers they offer are written as offered. */
  readonly itemAt?: (path: ItemPath) => Item | undefined;
  readonly authored?: Date;
  readonly status?: QuestionnaireResponse['status'];
  /**
   * Where the host publishes the instruments' exports (`toFhirQuestionnaire`'s `base`): the response
   * then names `{base}/Questionnaire/{id}|{version}`, unless the instrument names the Questionnaire it
   * is (`meta.canonical`, a FHIR form's url). Not for a FHIR form without a url, which is no export.
   */
  readonly canonicalBase?: string;
  /** A UUID naming this response (`identifier`), e.g. from `crypto.randomUUID()`. */
  readonly uuid?: string;
}

/**
 * The Questionnaire a response answers (`url|version`): the published Questionnaire the instrument
 * is (a FHIR form's own); else its export published at `base` (`toFhirQuestionnaire`) when the host
 * names one; else Painpath's own name for it, which no FHIR server holds.
 */
export const questionnaireCanonical = (instrument: Instrument, base?: string): string =>
  instrument.meta.canonical ?? `${base === undefined ? `urn:painpath:questionnaire:${instrument.id}` : questionnaireUrl(instrument, base)}|${instrument.version}`;

const textIn = (text: TextMap | undefined, language: LanguageCode, fallback: LanguageCode) =>
  own(text, language) ?? own(text, fallback);

/** FHIR answers for one item, typed as the item's FHIR type requires. */
function fhirAnswers(instrument: Instrument, item: QuestionItem, value: AnswerValue, text: (map: TextMap | undefined) => string | undefined): QuestionnaireResponseAnswer[] {
  switch (item.type) {
    case 'choice':
    case 'multi-choice':
      return (Array.isArray(value) ? value : [value]).map((v): QuestionnaireResponseAnswer => {
        const option = item.answers.find((o) => o.value === v);
        // No option's: the person's own words (open-choice).
        if (!option) return { valueString: String(v) };
        const display = text(option.text);
        const written = optionValue(instrument, item, option);
        const displayed = written.type === 'Coding' || written.type === 'Reference' ? { ...written.value, ...(display && { display }) } : written.value;
        return { [`value${written.type}`]: displayed } as unknown as QuestionnaireResponseAnswer;
      });
    default:
      return fieldItemSupport(item.type).fhirAnswers(item, value, text);
  }
}

/**
 * Builds a FHIR R4 QuestionnaireResponse. Coded answers become `valueCoding` (with the display
 * text in the response language); scale scores follow the questions as items named by the scale's
 * `linkId` (or id), as LOINC panels carry their total score as a calculated item of the form.
 */
export function toQuestionnaireResponse(
  instrument: Instrument,
  answers: Answers,
  scores?: Scores,
  options: ResponseOptions = {},
): QuestionnaireResponse {
  const source = sourceLanguageOf(instrument);
  const language = options.language ?? source;

  const text = (map: TextMap | undefined) => textIn(map, language, source);
  const scoreItems = instrument.scoring.scales.flatMap((scale): QuestionnaireResponseItem[] => {
    const value = own(scores, scale.id)?.value;
    if (value == null) return [];
    // Typed as the scale's values are, as the exported Questionnaire declares its score item.
    return [{ linkId: scale.linkId ?? scale.id, text: text(scale.name)!, answer: [isWholeScale(instrument, scale) ? { valueInteger: value } : { valueDecimal: value }] }];
  });

  return {
    resourceType: 'QuestionnaireResponse',
    status: options.status ?? 'completed',
    questionnaire: questionnaireCanonical(instrument, options.canonicalBase),
    ...(options.uuid !== undefined && { identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${options.uuid}` } }),
    language,
    authored: (options.authored ?? new Date()).toISOString(),
    item: [...responseItems(instrument.items, answers, { instrument, text, itemAt: options.itemAt, scope: '' }), ...scoreItems],
  };
}

/** An item's place in a response tree: its response item, and the path of the item (or repeat) it is in. */
export interface TreeNode {
  readonly item: Item;
  readonly node: QuestionnaireResponseItem;
  /** Absent at the top level. */
  readonly parent?: ItemPath;
  /** The entry is one repeat of a repeating group (its path ends in the repeat's index). */
  readonly repeat?: true;
}

/**
 * The answers as a QuestionnaireResponse in the source language, for expressions to read, with
 * every question and group in it (answered or not) and a node for every item (its `%context`), by path: a repeating
 * group's path names the node of its first repeat, and each repeat's path (`group␣1`) its own.
 */
export function responseTree(
  instrument: Instrument,
  answers: Answers,
  itemAt?: (path: ItemPath) => Item | undefined,
): { response: QuestionnaireResponse; nodes: Map<ItemPath, TreeNode> } {
  const source = sourceLanguageOf(instrument);
  const nodes = new Map<ItemPath, TreeNode>();
  const item = responseItems(instrument.items, answers, { instrument, text: (map) => own(map, source), itemAt, nodes, scope: '' });
  return { response: { resourceType: 'QuestionnaireResponse', status: 'in-progress', questionnaire: questionnaireCanonical(instrument), language: source, authored: '', item }, nodes };
}

/** Where the response is being written: the scope (or repeat) and item the items are in, and how. */
interface Writing {
  readonly instrument: Instrument;
  readonly text: (map: TextMap | undefined) => string | undefined;
  /** Each item as it is at a path, with what expressions make of it. */
  readonly itemAt?: ((path: ItemPath) => Item | undefined) | undefined;
  /** For a response tree: every item is written, answered or not, and registered here with its path. */
  readonly nodes?: Map<ItemPath, TreeNode>;
  readonly scope: ItemPath;
  /** The path of the item or repeat the items being written are in. */
  readonly parent?: ItemPath;
}

/** The response items of `items`, whose answers are in `scope` (the form's, or one repeat's). */
function responseItems(items: readonly Item[], scope: Answers, at: Writing): QuestionnaireResponseItem[] {
  return items.flatMap((written): QuestionnaireResponseItem[] => {
    const path = pathIn(at.scope, written.id);
    const item = at.itemAt?.(path) ?? written;
    const itemText = at.text(item.text);
    const named = { linkId: item.id, ...(itemText && { text: itemText }) };
    const register = (where: ItemPath, node: QuestionnaireResponseItem, repeat = false) =>
      at.nodes?.set(where, { item, node, ...(at.parent !== undefined && { parent: at.parent }), ...(repeat && { repeat }) });
    if (isContainer(item)) {
      // A repeating group is one response item per repeat (those with answers, in a response), in order.
      const repeats = isRepeating(item) ? ((own(scope, item.id) as readonly Answers[] | undefined) ?? []) : [scope];
      return repeats.flatMap((answers, i) => {
        const where = isRepeating(item) ? `${path}${PATH_SEPARATOR}${i}` : path;
        const inner = { ...at, scope: isRepeating(item) ? where : at.scope, parent: where };
        const node: { linkId: string; text?: string; item: QuestionnaireResponseItem[] } = { ...named, item: responseItems(item.items, answers, inner) };
        if (!at.nodes) return node.item.length ? [node] : [];
        register(where, node, isRepeating(item));
        if (isRepeating(item) && i === 0) register(path, node);
        return [node];
      });
    }
    const value = own(scope, item.id) as AnswerValue | undefined;
    if (item.type === 'display' || value === undefined) {
      if (!at.nodes) return [];
      const node = { ...named };
      register(path, node);
      // A display item has its node (its %context) but is no item of the response, as in the one sent;
      // an unanswered question stays, so that an expression reading it notes the read.
      return item.type === 'display' ? [] : [node];
    }
    // Items under a question belong to its answer (the parser allows them only under a single answer).
    const nested = responseItems(childrenOf(item), scope, { ...at, parent: path });
    const [first, ...rest] = fhirAnswers(at.instrument, item, value, at.text);
    const node = { ...named, answer: [{ ...first!, ...(nested.length && { item: nested }) }, ...rest] };
    register(path, node);
    return [node];
  });
}
