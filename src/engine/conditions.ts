import type { AnswerValue, Answers, Condition, Item } from '../model/instrument.js';

const compare = (answer: AnswerValue, expected: AnswerValue): number | undefined =>
  typeof answer === typeof expected ? (answer < expected ? -1 : answer > expected ? 1 : 0) : undefined;

/** As in FHIR R4: a condition on an unanswered item is false, except `exists: false`. */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  const answer = answers[condition.item];
  if (condition.operator === 'exists') return (answer !== undefined) === condition.value;
  if (answer === undefined || typeof condition.value === 'boolean') return false;
  const order = compare(answer, condition.value);
  if (order === undefined) return false;
  switch (condition.operator) {
    case '=': return order === 0;
    case '!=': return order !== 0;
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
  }
}

export function conditionsHold(item: Item, answers: Answers): boolean {
  const conditions = item.enableWhen;
  if (!conditions?.length) return true;
  const holds = (c: Condition) => conditionHolds(c, answers);
  return item.enableBehavior === 'any' ? conditions.some(holds) : conditions.every(holds);
}
