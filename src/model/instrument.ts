import type { LanguageCode, TextMap } from './text.js';

export type ItemId = string;
export type ScaleId = string;

/** choice: the chosen option's `value`; unanswered items are absent from `Answers`. */
export type AnswerValue = number | string;
export type Answers = Readonly<Record<ItemId, AnswerValue>>;

/** A code from a terminology, as FHIR writes it (`{system: 'http://loinc.org', code: '44250-9'}`). */
export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export type TranslationStatus = 'official' | 'verified' | 'draft';

export interface Translation {
  readonly status: TranslationStatus;
  /** Where the wording comes from, so a reviewer can check it word for word. */
  readonly source: string;
}

export interface Licence {
  /** `text-granted`: the licence lets us ship item wording; `bring-your-own-text`: it does not. */
  readonly kind: 'text-granted' | 'bring-your-own-text';
  /** The notice the licence holder asks to be shown with the instrument. */
  readonly notice: TextMap;
}

export interface InstrumentMeta {
  readonly name: TextMap;
  readonly citation: readonly string[];
  readonly licence: Licence;
  readonly code?: Coding;
  /** ISO 8601 duration the questions ask about, e.g. `P2W`. */
  readonly recallPeriod?: string;
}

export type ConditionOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'exists';

export interface Condition {
  readonly item: ItemId;
  readonly operator: ConditionOperator;
  /** For `exists`: whether the item must be answered (true) or unanswered (false). */
  readonly value: AnswerValue | boolean;
}

export interface AnswerOption {
  readonly value: AnswerValue;
  readonly text: TextMap;
  readonly code?: Coding;
}

interface ItemBase {
  readonly id: ItemId;
  readonly enableWhen?: readonly Condition[];
  /** How several `enableWhen` conditions combine; `all` when absent. */
  readonly enableBehavior?: 'all' | 'any';
}

export interface ChoiceItem extends ItemBase {
  readonly type: 'choice';
  readonly text: TextMap;
  readonly required: boolean;
  readonly answers: readonly AnswerOption[];
  readonly code?: Coding;
}

export interface DisplayItem extends ItemBase {
  readonly type: 'display';
  readonly text: TextMap;
}

export interface GroupItem extends ItemBase {
  readonly type: 'group';
  /** The shared stem of the questions in the group ("Over the last 2 weeks, …"). */
  readonly text?: TextMap;
  readonly items: readonly Item[];
}

export type Item = ChoiceItem | DisplayItem | GroupItem;
export type QuestionItem = ChoiceItem;
export type ItemType = Item['type'];

export interface Band {
  readonly id: string;
  /** Inclusive bounds. */
  readonly min: number;
  readonly max: number;
  readonly label: TextMap;
}

export interface Mcid {
  readonly value: number;
  /** Which way an improvement goes on this scale. */
  readonly improvement: 'decrease' | 'increase';
  readonly source: string;
}

export interface Scale {
  readonly id: ScaleId;
  readonly name: TextMap;
  readonly method: 'sum';
  readonly items: readonly ItemId[];
  readonly range: { readonly min: number; readonly max: number };
  readonly bands: readonly Band[];
  readonly mcid?: Mcid;
  readonly code?: Coding;
  /** Where the scoring rule and bands come from. */
  readonly source: string;
}

export interface Instrument {
  readonly id: string;
  readonly version: string;
  /** The first language is the source language: every text must exist in it. */
  readonly languages: readonly LanguageCode[];
  readonly title: TextMap;
  readonly instructions?: TextMap;
  readonly meta: InstrumentMeta;
  readonly translations: Readonly<Record<LanguageCode, Translation>>;
  readonly items: readonly Item[];
  readonly scoring: { readonly scales: readonly Scale[] };
}

export const sourceLanguageOf = (instrument: Instrument): LanguageCode => instrument.languages[0]!;

/** Every item in document order, groups before their children. */
export function* walkItems(items: readonly Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    if (item.type === 'group') yield* walkItems(item.items);
  }
}

export const isQuestion = (item: Item): item is QuestionItem => item.type === 'choice';
