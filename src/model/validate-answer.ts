import type { AnswerValue, QuestionItem } from './instrument.js';
import { isIsoDate } from './instrument-parser.js';
import { REGION_SETS, regionIdsOf } from './region-sets.js';

/**
 * What is wrong with an answer: `type` means no user could have entered it (a programming or
 * data error); the others are mistakes a person can correct and are shown to them.
 */
export type AnswerProblem = 'type' | 'range' | 'format' | 'too-long';

/** Today's date as `YYYY-MM-DD` in the person's own time zone. */
export const isoToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

const outside = <T extends number | string>(value: T, min: T | undefined, max: T | undefined) =>
  (min !== undefined && value < min) || (max !== undefined && value > max);

const distinctMembers = (values: readonly unknown[], allowed: readonly unknown[]) =>
  new Set(values).size === values.length && values.every((v) => allowed.includes(v));

/** Checks an answer against its item; undefined when it is fine. */
export function answerProblem(item: QuestionItem, value: AnswerValue, today = isoToday()): AnswerProblem | undefined {
  switch (item.type) {
    case 'choice':
      return item.answers.some((o) => o.value === value) ? undefined : 'type';
    case 'multi-choice': {
      if (!Array.isArray(value) || !distinctMembers(value, item.answers.map((o) => o.value))) return 'type';
      const exclusive = item.answers.filter((o) => o.exclusive && value.includes(o.value));
      return exclusive.length > 0 && value.length > 1 ? 'type' : undefined;
    }
    case 'body-map': {
      const set = REGION_SETS[item.regionSet];
      return Array.isArray(value) && set && distinctMembers(value, regionIdsOf(set)) ? undefined : 'type';
    }
    case 'nrs':
      return Number.isInteger(value) && !outside(value as number, 0, 10) ? undefined : 'type';
    case 'vas':
      return typeof value === 'number' && !outside(value, 0, 100) ? undefined : 'type';
    case 'integer':
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'type';
      if (item.type === 'integer' && !Number.isInteger(value)) return 'format';
      return outside(value, item.min, item.max) ? 'range' : undefined;
    case 'text':
      if (typeof value !== 'string') return 'type';
      return item.maxLength !== undefined && value.length > item.maxLength ? 'too-long' : undefined;
    case 'date': {
      if (typeof value !== 'string') return 'type';
      if (!isIsoDate(value)) return 'format';
      const bound = (b: string | undefined) => (b === 'today' ? today : b);
      return outside(value, bound(item.min), bound(item.max)) ? 'range' : undefined;
    }
  }
}

/** Whether a value means "no answer": nothing, an empty selection or blank text. */
export const isEmptyAnswer = (value: AnswerValue | undefined): boolean =>
  value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');
