import { type AnswerValue, type Answers, type Condition, type ConditionOperator, type Item } from './instrument.js';
import { own } from './own.js';

export type ComparisonOperator = Exclude<ConditionOperator, 'exists'>;

/** Compares two values of the same type; values of different types never match (booleans only compare for equality). */
export function compare(operator: ComparisonOperator, actual: number | string | boolean, expected: number | string | boolean): boolean {
  if (typeof actual !== typeof expected) return false;
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
  // Quantities and attachments are tested only by `exists` (the parser sees to it).
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
