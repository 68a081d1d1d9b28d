/**
 * The result a submit emits: scores, flags, classifications, the QuestionnaireResponse and the
 * Observations. Loaded with import() once the form is shown, with the scoring and the FHIR
 * writers it uses: nothing of it is needed before the person submits.
 */
import type { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { RESULT_SCHEMA_VERSION, type QuestionnaireResult } from '../../src/events.js';
import { toQuestionnaireResponse } from '../../src/fhir/questionnaire-response.js';
import { scoreObservations } from '../../src/fhir/score-observations.js';
import { own } from '../../src/model/own.js';
import { scoreAnswers, type Scores } from '../../src/scoring/score.js';
import type { classify, raisedFlags } from './rules-part.js';

export interface ResultInput {
  readonly engine: QuestionnaireEngine;
  /** The rules part, for instruments with flags or classifications. */
  readonly rules?: { readonly raisedFlags: typeof raisedFlags; readonly classify: typeof classify };
  readonly language: string;
  /** The scores of the visit before, for scales that score the change. */
  readonly previous?: Scores;
  /** Where the instrument's Questionnaire lives; FHIR forms name their own url instead. */
  readonly canonicalBase?: string;
  readonly startedAt?: string;
}

export function questionnaireResult({ engine, rules, language, previous, canonicalBase, startedAt }: ResultInput): QuestionnaireResult {
  const { instrument, answers } = engine;
  const scores = scoreAnswers(instrument, answers, previous);
  const flags = rules?.raisedFlags(instrument, answers, scores) ?? [];
  const finishedAt = new Date();
  const questionnaireResponse = toQuestionnaireResponse(instrument, answers, scores, {
    language,
    authored: finishedAt,
    itemAt: (path) => engine.itemAt(path),
    canonicalBase,
    uuid: crypto.randomUUID(),
  });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    instrument: {
      id: instrument.id,
      version: instrument.version,
      language,
      translationStatus: own(instrument.translations, language)?.status ?? 'draft',
    },
    answers,
    scores,
    classifications: rules?.classify(instrument, answers, scores) ?? {},
    flags,
    urgent: flags.some((flag) => flag.severity === 'urgent'),
    startedAt: startedAt ?? finishedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    questionnaireResponse,
    observations: scoreObservations(instrument, scores, questionnaireResponse),
  };
}
