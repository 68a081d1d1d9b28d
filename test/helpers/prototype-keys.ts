/**
 * Keys that every plain object seems to have: the names of Object.prototype's members. Content
 * may use any of them as an id, a value or a name, so tests draw ids from a mix of these and
 * ordinary ids.
 */
import fc from 'fast-check';

export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** An ordinary id, or the name of an Object.prototype member (`__proto__`, `toString`…), that `accepts`. */
export const keyArb = (accepts: (key: string) => boolean = () => true): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/)).filter(accepts);

/** `count` different keys that `accepts`. */
export const keysArb = (count: { minLength: number; maxLength: number }, accepts?: (key: string) => boolean): fc.Arbitrary<string[]> =>
  fc.uniqueArray(keyArb(accepts), count);

/** The document as a file would give it: `__proto__` and the like as own data properties. */
export const asFile = <T>(json: T): T => JSON.parse(JSON.stringify(json)) as T;

/** A copy of a JSON document with one key or value renamed wherever it occurs as a string. */
export const renamed = <T>(json: T, from: string, to: string): T =>
  JSON.parse(JSON.stringify(json).replaceAll(JSON.stringify(from), JSON.stringify(to))) as T;

/**
 * An instrument of choice items whose item ids, option values, answer-set name and scale id are
 * drawn from `keyArb`, as far as each field's validation allows, with how a person answers it.
 */
export interface KeyedInstrumentPlan {
  readonly itemIds: readonly string[];
  /** The values of the one answer set all items share; an answer's score is its value's index. */
  readonly values: readonly string[];
  readonly answerSet: string;
  readonly scaleId: string;
  readonly required: readonly boolean[];
  /** Item i > 0 is shown only when an earlier item (this number modulo i) has one value (the same number). */
  readonly conditions: readonly (number | null)[];
  readonly weights: readonly number[];
  /** The index of the value a person chooses for each item, or null to leave it. */
  readonly answers: readonly (number | null)[];
}

const SCALE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const perItem = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 5, maxLength: 5 });

export const keyedInstrumentArb: fc.Arbitrary<KeyedInstrumentPlan> = fc
  .record({
    itemIds: keysArb({ minLength: 1, maxLength: 5 }),
    values: keysArb({ minLength: 2, maxLength: 4 }),
    answerSet: keyArb(),
    scaleId: keyArb((key) => SCALE_ID.test(key)),
    required: perItem(fc.boolean()),
    conditions: perItem(fc.option(fc.nat({ max: 20 }))),
    weights: perItem(fc.constantFrom(1, 2, 3)),
    answers: perItem(fc.option(fc.nat({ max: 20 }))),
  })
  // A score carries its scale id as linkId in a QuestionnaireResponse, which must not be an item's too.
  .filter((plan) => !plan.itemIds.includes(plan.scaleId));

/** Item `i`'s condition as [the earlier item, the value it must have], if it has one. */
export function conditionOf(plan: KeyedInstrumentPlan, i: number): readonly [string, string] | undefined {
  const condition = plan.conditions[i];
  if (i === 0 || condition === null || condition === undefined) return undefined;
  return [plan.itemIds[condition % i]!, plan.values[condition % plan.values.length]!];
}

/** How a response writes a keyed instrument's answer: a coding of its answer system, as the FHIR export offers it. */
export const keyedAnswer = (id: string, value: string) => ({ valueCoding: { system: 'urn:painpath:answers:keys', code: `${id}.${value}`, display: `Answer ${value}` } });

/** The instrument file of a plan. */
export function keyedInstrument(plan: KeyedInstrumentPlan): Record<string, unknown> {
  const en = (text: string) => ({ en: text });
  const weightOf = (i: number) => plan.weights[i]!;
  return asFile({
    id: 'keys',
    version: '1.0.0',
    languages: ['en'],
    title: en('Keys'),
    meta: { name: en('Keys'), citation: ['Test fixture'], licence: { kind: 'text-granted', notice: en('Test fixture') } },
    translations: { en: { status: 'draft', source: 'test' } },
    answerSets: Object.fromEntries([[plan.answerSet, plan.values.map((value, score) => ({ value, score, text: en(`Answer ${value}`) }))]]),
    items: plan.itemIds.map((id, i) => {
      const condition = conditionOf(plan, i);
      return {
        id,
        type: 'choice',
        text: en(`Question ${id}`),
        required: plan.required[i],
        answers: plan.answerSet,
        ...(condition && { enableWhen: [{ item: condition[0], operator: '=', value: condition[1] }] }),
      };
    }),
    scoring: {
      scales: [
        {
          id: plan.scaleId,
          name: en('Total'),
          method: 'sum',
          items: plan.itemIds,
          weights: Object.fromEntries(plan.itemIds.map((id, i) => [id, weightOf(i)])),
          missing: { minAnswered: 1, prorate: false },
          range: { min: 0, max: plan.itemIds.reduce((sum, _, i) => sum + (plan.values.length - 1) * weightOf(i), 0) },
          source: 'test',
        },
      ],
    },
  });
}

/**
 * What a person answering the plan's items in order ends with: the answers by item id (only
 * items shown when reached), and the scale's total (null with nothing answered).
 */
export function expectedOutcome(plan: KeyedInstrumentPlan): { readonly answers: ReadonlyMap<string, string>; readonly total: number | null; readonly shown: ReadonlySet<string> } {
  const answers = new Map<string, string>();
  const shown = new Set<string>();
  let total: number | null = null;
  plan.itemIds.forEach((id, i) => {
    const condition = conditionOf(plan, i);
    if (condition && answers.get(condition[0]) !== condition[1]) return;
    shown.add(id);
    const choice = plan.answers[i];
    if (choice === null || choice === undefined) return;
    const index = choice % plan.values.length;
    answers.set(id, plan.values[index]!);
    total = (total ?? 0) + index * plan.weights[i]!;
  });
  return { answers, total, shown };
}

/** A record's own entries as a map, to compare with what was expected. */
export const ownEntries = (record: object): Map<string, unknown> => new Map(Object.entries(record));
