import { isQuantityAnswer, type AnswerValue, type Answers, type Condition, type ConditionOperator, type Item } from './instrument.js';
import { own } from './own.js';

export type ComparisonOperator = Exclude<ConditionOperator, 'exists'>;

/** A FHIR dateTime with a time and its offset: such answers compare as the instants they name. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Compares two values of the same type; values of different types never match (booleans only compare for equality). */
export function compare(operator: ComparisonOperator, actual: number | string | boolean, expected: number | string | boolean): boolean {
  if (typeof actual !== typeof expected) return false;
  if (typeof actual === 'string' && INSTANT.test(actual) && INSTANT.test(expected as string)) return compare(operator, Date.parse(actual), Date.parse(expected as string));
  switch (operator) {
    case '=': return actual === expected;
    case '!=': return actual !== expected;
    case '<': return actual < expected;
    case '<=': return actual <= expected;
    case '>': return actual > expected;
    case '>=': return actual >= expected;
  }
}

/**
 * As in FHIR R4: a condition on an unanswered item is false, except `exists: false`.
 * A multi-valued answer (multi-choice, body-map) meets `!=` when it lacks the value, and the
 * other operators when one of its values does.
 */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  // A condition names a question, never a repeating group (the parser sees to it).
  const answer = own(answers, condition.item) as AnswerValue | undefined;
  const { operator, value: expected } = condition;
  if (operator === 'exists') return (answer !== undefined) === expected;
  if (answer === undefined) return false;
  // A quantity meets a quantity in the same unit; attachments are tested only by `exists` (the parser sees to it).
  if (typeof expected === 'object') return isQuantityAnswer(answer) && answer.unit === expected.unit && compare(operator, answer.value, expected.value);
  const values: readonly (number | string | boolean)[] = Array.isArray(answer) ? answer : typeof answer === 'object' ? [] : [answer as number | string | boolean];
  if (operator === '!=') return !values.some((v) => compare('=', v, expected));
  return values.some((v) => compare(operator, v, expected));
}

export function conditionsHold(item: Item, answers: Answers): boolean {
  const conditions = item.enableWhen;
  if (!conditions?.length) return true;
  const holds = (c: Condition) => conditionHolds(c, answers);
  return item.enableBehavior === 'any' ? conditions.some(holds) : conditions.every(holds);
}
