import type { QuestionnaireResponseAnswer } from '../fhir/questionnaire-response.js';
import type { AnswerValue, Answers, ChoiceItem, ItemId, MultiChoiceItem, QuestionItem, Scale } from './instrument.js';
import type { TextMap } from './text.js';
import type { AnswerProblem } from './validate-answer.js';

/** A question other than a choice: a rating, a number, text, a date or a body map. */
export type FieldItem = Exclude<QuestionItem, ChoiceItem | MultiChoiceItem>;

/** The lowest and highest score an item can give. */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

/**
 * How answers to the questions other than choices are checked, scored and written in FHIR. Many
 * instruments have only choices, so field-items.ts, which provides this, is loaded only for those
 * that need it; it registers itself when it loads.
 */
export interface FieldItemSupport {
  answerProblem(item: FieldItem, value: AnswerValue, today: string): AnswerProblem | undefined;
  score(item: FieldItem, answer: AnswerValue): number | undefined;
  scoreRange(item: FieldItem): ScoreRange | undefined;
  fhirAnswers(item: FieldItem, value: AnswerValue, text: (map: TextMap | undefined) => string | undefined): QuestionnaireResponseAnswer[];
  /** The number of region groups with a chosen region, for a `region-groups` scale. */
  regionGroupCount(scale: Scale, questions: ReadonlyMap<ItemId, QuestionItem>, answers: Answers): number;
}

let support: FieldItemSupport | undefined;

export function provideFieldItemSupport(provided: FieldItemSupport): void {
  support = provided;
}

/** The support for items of the type; throws when field-items.ts has not been loaded. */
export function fieldItemSupport(type: FieldItem['type']): FieldItemSupport {
  if (!support) throw new Error(`${type} items need field-items.js: import it before using such an instrument`);
  return support;
}
