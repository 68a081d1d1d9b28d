import type { AnswerValue, QuestionItem } from './instrument.js';
import { fieldItemSupport } from './item-support.js';

/**
 * What is wrong with an answer: `type` means no user could have entered it (a programming or
 * data error); the others are mistakes a person can correct and are shown to them.
 */
export type AnswerProblem = 'type' | 'range' | 'format' | 'too-long' | 'too-short' | 'decimals' | 'unit' | 'too-few' | 'too-large' | 'file-type';

/** The digits after the decimal point of a number as the person typed it. */
export const decimalsOf = (value: number): number => (String(value).split('.')[1] ?? '').length;

/** Today's date as `YYYY-MM-DD` in the person's own time zone. */
export const isoToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Whether every value is one of those allowed, each at most once. */
export const distinctMembers = (values: readonly unknown[], allowed: readonly unknown[]) =>
  new Set(values).size === values.length && values.every((v) => allowed.includes(v));

/** Checks an answer against its item; undefined when it is fine. */
export function answerProblem(item: QuestionItem, value: AnswerValue, today = isoToday()): AnswerProblem | undefined {
  switch (item.type) {
    case 'choice':
      return item.answers.some((o) => o.value === value) || (item.other && typeof value === 'string') ? undefined : 'type';
    case 'multi-choice': {
      if (!Array.isArray(value)) return 'type';
      const options = value.filter((v) => item.answers.some((o) => o.value === v));
      const own = value.filter((v) => !options.includes(v));
      // At most one answer of the person's own, written, besides distinct options.
      if (!distinctMembers(options, item.answers.map((o) => o.value)) || own.length > (item.other ? 1 : 0) || typeof own[0] === 'number') return 'type';
      const exclusive = item.answers.filter((o) => o.exclusive && value.includes(o.value));
      return exclusive.length > 0 && value.length > 1 ? 'type' : undefined;
    }
    default:
      return fieldItemSupport(item.type).answerProblem(item, value, today);
  }
}

/** Whether a value means "no answer": nothing, an empty selection or blank text. */
export const isEmptyAnswer = (value: AnswerValue | undefined): boolean =>
  value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');
