import type { AnswerOption, AnswerValue, QuestionItem } from './instrument.js';
import { fieldItemSupport, type ScoreRange } from './item-support.js';

/** What an answer option counts in scoring, or undefined when it has no number. */
export const optionScore = (option: AnswerOption): number | undefined =>
  option.score ?? (typeof option.value === 'number' ? option.value : undefined);

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

/**
 * An item's score: the option's score for choice, the sum of the chosen options for multi-choice,
 * the number of regions for body-map, the number itself for nrs, vas, integer and decimal.
 * Undefined for items that have no score (text, date) or an unscorable answer.
 */
export function itemScore(item: QuestionItem, answer: AnswerValue): number | undefined {
  switch (item.type) {
    case 'choice': {
      const option = item.answers.find((o) => o.value === answer);
      return option && optionScore(option);
    }
    case 'multi-choice': {
      if (!Array.isArray(answer)) return undefined;
      const scores = item.answers.filter((o) => answer.includes(o.value)).map(optionScore);
      return scores.every((s) => s !== undefined) ? sum(scores as number[]) : undefined;
    }
    default:
      return fieldItemSupport(item.type).score(item, answer);
  }
}

/** The lowest and highest score an item can give, when bounded (needed to reverse or take a percentage). */
export function itemScoreRange(item: QuestionItem): ScoreRange | undefined {
  switch (item.type) {
    case 'choice': {
      const scores = item.answers.map(optionScore);
      if (scores.some((s) => s === undefined)) return undefined;
      return { min: Math.min(...(scores as number[])), max: Math.max(...(scores as number[])) };
    }
    case 'multi-choice': {
      const scores = item.answers.map(optionScore);
      if (scores.some((s) => s === undefined)) return undefined;
      const inclusive = item.answers.filter((o) => !o.exclusive).map((o) => optionScore(o)!);
      const exclusive = item.answers.filter((o) => o.exclusive).map((o) => optionScore(o)!);
      const candidates = [0, sum(inclusive.filter((s) => s > 0)), sum(inclusive.filter((s) => s < 0)), ...exclusive];
      return { min: Math.min(...candidates), max: Math.max(...candidates) };
    }
    default:
      return fieldItemSupport(item.type).scoreRange(item);
  }
}
