export { ContentError, type ContentProblem } from './model/content-error.js';
export type * from './model/instrument.js';
export { walkItems, isQuestion, isContainer, sourceLanguageOf } from './model/instrument.js';
export type { LanguageCode, TextMap } from './model/text.js';
export { REGION_SETS, type Region, type RegionGroup, type RegionSet } from './model/region-sets.js';
export { parseInstrument } from './model/parse-instrument.js';
export { answerProblem, type AnswerProblem } from './model/validate-answer.js';
export {
  QuestionnaireEngine,
  type Layout,
  type Page,
  type Progress,
  type ValidationCode,
  type ValidationProblem,
  type EngineState,
} from './engine/questionnaire-engine.js';
export { scoreAnswers, bandOf, classify, raisedFlags, type Scores, type ScaleScore, type RaisedFlag } from './scoring/score.js';
export {
  toQuestionnaireResponse,
  type QuestionnaireResponse,
  type QuestionnaireResponseItem,
  type QuestionnaireResponseAnswer,
} from './fhir/questionnaire-response.js';
export { fromFhirQuestionnaire, type FromFhirOptions } from './fhir/from-fhir-questionnaire.js';
export { resolveLocale, directionOf, localText } from './i18n/locale.js';
export { parseLocaleNumber, formatLocaleNumber } from './i18n/numbers.js';
export * from './events.js';
