import { compare, conditionHolds } from '../model/conditions.js';
import type { Answers, Instrument, ItemId, Predicate } from '../model/instrument.js';
import { own } from '../model/own.js';
import type { Scores } from './score.js';

/*
 * Flags and classifications: tests over answers and scale scores. Only some instruments have
 * them, so an element loads this module only for those.
 */

/** Evaluates a test; undefined when it needs a scale that has no score or an answer not given. */
export function predicateHolds(predicate: Predicate, answers: Answers, scores: Scores): boolean | undefined {
  if ('all' in predicate || 'any' in predicate) {
    const parts = ('all' in predicate ? predicate.all : predicate.any).map((p) => predicateHolds(p, answers, scores));
    if (parts.includes(undefined)) return undefined;
    return 'all' in predicate ? parts.every(Boolean) : parts.some(Boolean);
  }
  if ('scale' in predicate) {
    const value = own(scores, predicate.scale)?.value;
    if (value == null) return undefined;
    return compare(predicate.operator, value, predicate.value);
  }
  // An unanswered question makes a test unknown, not false: a skipped item must not decide a class.
  if (predicate.operator !== 'exists' && own(answers, predicate.item) === undefined) return undefined;
  return conditionHolds(predicate, answers);
}

/** The items a test looks at, in the order it names them. */
export function predicateItems(predicate: Predicate): ItemId[] {
  if ('all' in predicate) return predicate.all.flatMap(predicateItems);
  if ('any' in predicate) return predicate.any.flatMap(predicateItems);
  return 'scale' in predicate ? [] : [predicate.item];
}

/** Each classification's class id, or null when a scale it needs has no score. */
export function classify(instrument: Instrument, answers: Answers, scores: Scores): Readonly<Record<string, string | null>> {
  return Object.fromEntries(
    (instrument.scoring.classifications ?? []).map((classification) => {
      for (const rule of classification.rules) {
        const holds = rule.when ? predicateHolds(rule.when, answers, scores) : true;
        if (holds === undefined) return [classification.id, null];
        if (holds) return [classification.id, rule.class];
      }
      return [classification.id, null];
    }),
  );
}

export interface RaisedFlag {
  readonly id: string;
  readonly severity: 'urgent' | 'attention';
}

/** The flags whose tests hold for these answers and scores. */
export function raisedFlags(instrument: Instrument, answers: Answers, scores: Scores): RaisedFlag[] {
  return (instrument.scoring.flags ?? [])
    .filter((flag) => predicateHolds(flag.when, answers, scores) === true)
    .map(({ id, severity }) => ({ id, severity }));
}
