/**
 * What the tests of the FHIR export share: the instruments it exports, and random answers a person
 * could give them, applied alike to the native form and to any form with the same questions.
 */
import fc from 'fast-check';
import type { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { isQuestion, walkItems, type Instrument, type Item, type QuestionItem } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { REGION_SETS, regionIdsOf } from '../../src/model/region-sets.js';
import { applyTextPacks, parseTextPack } from '../../src/model/text-pack.js';
import { loadJson } from './fixtures.js';
import { placeholderPack } from './licensed-fixture.js';

export const BASE = 'https://fhir.example.org/fhir';

/** Every shipped instrument. */
export const EXPORTED = [
  'acr-2016', 'bpi-sf', 'eq-5d-5l', 'fiqr', 'gad-7', 'global-rating-of-change', 'isi', 'nrs-11', 'odi-2.1a', 'ompsq-10', 'pcs', 'pdi', 'peg-3',
  'phq-4', 'phq-9', 'promis-pi-6a', 'pseq-10', 'pseq-2', 'psfs', 'red-flags-back-pain', 'rmdq', 'start-back', 'tsk-11', 'who-5',
];

/** A shipped instrument, with placeholder wording when it is bring-your-own-text (as a host's pack would give it). */
export async function shipped(id: string): Promise<Instrument> {
  const instrument = parseInstrument(await loadJson(`/content/instruments/${id}.json`));
  return instrument.meta.licence.kind === 'bring-your-own-text' ? applyTextPacks(instrument, [parseTextPack(placeholderPack(instrument), instrument)]) : instrument;
}

export const questionsOf = (items: readonly Item[]): QuestionItem[] => [...walkItems(items)].filter(isQuestion);

/** One answer per question, drawn as a person could give it: an option or body-map region (by its place), a number in range, or none. */
export const answerDraws = (questions: readonly QuestionItem[]) =>
  fc.tuple(
    ...questions.map((question) => {
      switch (question.type) {
        case 'choice':
          return fc.option(fc.nat({ max: question.answers.length - 1 }), { nil: undefined });
        case 'multi-choice':
          return fc.option(fc.subarray([...question.answers.keys()], { minLength: 1 }), { nil: undefined });
        case 'nrs':
          return fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });
        case 'vas':
          return fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined });
        case 'body-map':
          return fc.option(fc.subarray([...regionIdsOf(REGION_SETS[question.regionSet]!).keys()], { minLength: 1 }), { nil: undefined });
        default:
          return fc.constant(undefined);
      }
    }),
  );

/**
 * Gives the drawn answers to the questions the engine shows, in order; `questions` are the engine's
 * own, whose options are at the places of those the answers were drawn for.
 */
export function applyDraws(engine: QuestionnaireEngine, questions: readonly QuestionItem[], draws: readonly unknown[]): void {
  questions.forEach((question, i) => {
    const draw = draws[i];
    if (draw === undefined || !engine.isEnabled(question.id)) return;
    if (question.type === 'choice') engine.answer(question.id, question.answers[draw as number]!.value);
    else if (question.type === 'multi-choice') engine.answer(question.id, (draw as number[]).map((k) => question.answers[k]!.value));
    else if (question.type === 'body-map') engine.answer(question.id, (draw as number[]).map((k) => regionIdsOf(REGION_SETS[question.regionSet]!)[k]!));
    else engine.answer(question.id, draw as number);
  });
}
