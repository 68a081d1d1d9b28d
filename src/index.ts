export { ContentError, type ContentProblem } from './model/content-error.js';
export type * from './model/instrument.js';
export { walkItems, isQuestion, isContainer, sourceLanguageOf, defaultAcceptedStatuses, acceptedLanguages } from './model/instrument.js';
export type { LanguageCode, TextMap } from './model/text.js';
export { REGION_SETS, type RegionGroup, type RegionSet } from './model/region-sets.js';
export { parseInstrument } from './model/parse-instrument.js';
export { parseEducationModule, keyMessagesOf, knowledgeChecksOf, ILLUSTRATION_NAMES, type EducationModule, type EducationPage, type EducationBlock, type KnowledgeCheckAnswer } from './model/education.js';
export { parsePathway, ROLES, ROLE_IDS, type Pathway, type PathwayStep, type PathwayMeta, type Role, type RoleId, type Duration, type Amount, type Decision, type StepLink } from './model/pathway.js';
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
export { scoreAnswers, bandOf, importantChange, changeBetween, type Scores, type ScaleScore, type ImportantChange } from './scoring/score.js';
export { classify, raisedFlags, type RaisedFlag } from './scoring/rules.js';
export {
  toQuestionnaireResponse,
  type QuestionnaireResponse,
  type QuestionnaireResponseItem,
  type QuestionnaireResponseAnswer,
} from './fhir/questionnaire-response.js';
export { fromFhirQuestionnaire, type FhirImport, type FromFhirOptions } from './fhir/from-fhir-questionnaire.js';
export { toFhirQuestionnaire, type ToFhirOptions } from './fhir/to-fhir-questionnaire.js';
export { scoreObservations, type ScoreObservation, type ObservationOptions } from './fhir/score-observations.js';
export { resolveLocale, directionOf, localText } from './i18n/locale.js';
export { parseLocaleNumber } from './i18n/numbers.js';
export { formatLocaleNumber } from './i18n/format-number.js';
export { buildScoreChart, seriesFromResults, type ScoreSeries, type ScorePoint, type ScoreChart, type ScoreChartOptions, type ChartPanel, type ChartLine, type ChartPoint, type ChartBand, type Summary } from './charts/score-series.js';
export * from './events.js';
export type { Draft } from './store/database.js';
export { eraseSubject, eraseEverything } from './store/erase.js';
export type { StorageMode } from './store/records.js';
