import type { Answers, AnswerValue, Band, Instrument, ItemId, QuestionItem, Scale, ScaleId } from '../model/instrument.js';
import { isQuestion, walkItems } from '../model/instrument.js';
import { itemScore, itemScoreRange, optionScore } from '../model/item-score.js';
import { fieldItemSupport } from '../model/item-support.js';
import { own } from '../model/own.js';

export interface ScaleScore {
  /** null when the scale's missing-item rule allows no score. */
  readonly value: number | null;
  /** Band id, e.g. `moderately-severe`; its label is in the scale's `bands`. */
  readonly band?: string;
  /** Present when a previous score of the same scale was given: this score minus that one. */
  readonly change?: number;
  /** Whether the change is an improvement at least as large as the scale's MCID. */
  readonly mcidReached?: boolean;
  /**
   * The scale's items left without a score (skipped), when any: a reader of the result sees which
   * were left out of a score computed over fewer items, or why there is no score.
   */
  readonly missing?: readonly ItemId[];
}

export type Scores = Readonly<Record<ScaleId, ScaleScore>>;

/** The band a score falls in: the last band starting at or below it (so 4.5 on 0–4 / 5–9 bands is in the first). */
export const bandOf = (scale: Scale, value: number): Band | undefined => scale.bands.findLast((band) => value >= band.min);

const questionMaps = new WeakMap<Instrument, ReadonlyMap<ItemId, QuestionItem>>();

/** The instrument's questions by id, found once per instrument (a parsed instrument never changes). */
function questionsById(instrument: Instrument): ReadonlyMap<ItemId, QuestionItem> {
  let questions = questionMaps.get(instrument);
  if (!questions) {
    questions = new Map([...walkItems(instrument.items)].filter(isQuestion).map((item) => [item.id, item]));
    questionMaps.set(instrument, questions);
  }
  return questions;
}

function weightedScore(scale: Scale, item: QuestionItem, score: number): { score: number; weight: number; max?: number } {
  const weight = own(scale.weights, item.id) ?? 1;
  const range = itemScoreRange(item);
  const oriented = scale.reverse?.includes(item.id) && range ? range.min + range.max - score : score;
  return { score: oriented * weight, weight, ...(range && { max: range.max * weight }) };
}

type WeightedScore = ReturnType<typeof weightedScore>;

/** The scale's items with a score, weighted and oriented, and the ids of those without one. */
function itemScores(scale: Scale, questions: ReadonlyMap<ItemId, QuestionItem>, answers: Answers): { scored: WeightedScore[]; missing: ItemId[] } {
  const scored: WeightedScore[] = [];
  const missing: ItemId[] = [];
  for (const id of scale.items) {
    const item = questions.get(id);
    // Scored items are never in a repeating group (the parser sees to it): their answer is a value.
    const answer = own(answers, id) as AnswerValue | undefined;
    const score = item && answer !== undefined ? itemScore(item, answer) : undefined;
    if (item && score !== undefined) scored.push(weightedScore(scale, item, score));
    else missing.push(id);
  }
  return { scored, missing };
}

/** The scale's raw value by its method, or null when too few items are answered. */
function rawValue(scale: Scale, scored: readonly WeightedScore[], questions: ReadonlyMap<ItemId, QuestionItem>, answers: Answers): number | null {
  const minAnswered = scale.missing?.minAnswered ?? scale.items.length;
  if (scored.length < minAnswered) return null;
  if (scale.method === 'region-groups') return fieldItemSupport('body-map').regionGroupCount(scale, questions, answers);

  const total = scored.reduce((sum, s) => sum + s.score, 0);
  const answeredWeight = scored.reduce((sum, s) => sum + s.weight, 0);
  switch (scale.method) {
    case 'sum': {
      if (!scale.missing?.prorate || scored.length === scale.items.length) return total;
      const allWeight = scale.items.reduce((sum, id) => sum + (own(scale.weights, id) ?? 1), 0);
      return (total * allWeight) / answeredWeight;
    }
    case 'mean':
      return total / answeredWeight;
    case 'percent': {
      const highest = scored.reduce((sum, s) => sum + (s.max ?? 0), 0);
      // Multiplied first: (28 / 50) * 100 is 56.00000000000001 in floating point, 28 * 100 / 50 is 56.
      return highest === 0 ? 0 : (total * 100) / highest;
    }
  }
}

/** multiply → divide → round → lookup, in that order; null when a lookup table lacks the raw value. */
function transform(scale: Scale, raw: number): number | null {
  let value = raw * (scale.multiply ?? 1);
  if (scale.divide !== undefined) value /= scale.divide;
  if (scale.round !== undefined) {
    const factor = 10 ** scale.round;
    // Epsilon keeps x.5 from rounding down through floating-point error (e.g. 1.005 * 100).
    value = Math.round(value * factor + Number.EPSILON * factor) / factor;
  }
  if (!scale.lookup) return value;
  return scale.lookup.find(([from]) => from === value)?.[1] ?? null;
}

/** Whether an item's every score is a whole number: options with whole scores, body-map counts, ratings, integers. */
function givesWholeScores(item: QuestionItem): boolean {
  switch (item.type) {
    case 'choice':
    case 'multi-choice':
      return item.answers.every((option) => Number.isInteger(optionScore(option)));
    case 'body-map':
    case 'nrs':
    case 'vas':
    case 'integer':
      return true;
    default:
      return false;
  }
}

/**
 * Whether every value the scale can take is a whole number, so that FHIR carries it as an integer:
 * a sum or count of whole item scores with whole weights, not prorated, not divided, or one
 * rounded to no decimals (a lookup table's values decide for it).
 */
export function isWholeScale(instrument: Instrument, scale: Scale): boolean {
  if (scale.lookup) return scale.lookup.every(([, value]) => Number.isInteger(value));
  if (scale.round === 0) return true;
  if (scale.method === 'region-groups') return scale.divide === undefined && Number.isInteger(scale.multiply ?? 1);
  const questions = questionsById(instrument);
  const whole = (value: number | undefined) => value === undefined || Number.isInteger(value);
  return (
    scale.method === 'sum' &&
    !scale.missing?.prorate &&
    scale.divide === undefined &&
    whole(scale.multiply) &&
    scale.items.every((id) => whole(own(scale.weights, id)) && questions.get(id) !== undefined && givesWholeScores(questions.get(id)!))
  );
}

export type ImportantChange = 'improvement' | 'worsening';

/** `to − from`, rounded so that floating-point error does not make a change of exactly the MCID fall short (64.1 − 61.1). */
export const changeBetween = (from: number, to: number): number => Math.round((to - from) * 1e9) / 1e9;

/** Whether a change reaches the scale's MCID, and which way; undefined when it does not or the scale has none. */
export function importantChange(scale: Scale, change: number): ImportantChange | undefined {
  if (!scale.mcid) return undefined;
  const improvement = scale.mcid.improvement === 'decrease' ? -change : change;
  if (improvement >= scale.mcid.value) return 'improvement';
  if (-improvement >= scale.mcid.value) return 'worsening';
  return undefined;
}

function scoreScale(scale: Scale, questions: ReadonlyMap<ItemId, QuestionItem>, answers: Answers, previous: ScaleScore | undefined): ScaleScore {
  const { scored, missing } = itemScores(scale, questions, answers);
  const raw = rawValue(scale, scored, questions, answers);
  const value = raw === null ? null : transform(scale, raw);
  const band = value === null ? undefined : bandOf(scale, value)?.id;
  const score: ScaleScore = { value, ...(band && { band }), ...(missing.length > 0 && { missing }) };
  if (value === null || previous?.value == null) return score;
  const change = changeBetween(previous.value, value);
  if (!scale.mcid) return { ...score, change };
  return { ...score, change, mcidReached: importantChange(scale, change) === 'improvement' };
}

/**
 * Scores every scale of the instrument. With `previous` (an earlier visit's scores) each scale
 * also gets its change and whether that is an improvement reaching the MCID.
 */
export function scoreAnswers(instrument: Instrument, answers: Answers, previous?: Scores): Scores {
  const questions = questionsById(instrument);
  return Object.fromEntries(
    instrument.scoring.scales.map((scale) => [scale.id, scoreScale(scale, questions, answers, own(previous, scale.id))]),
  );
}
