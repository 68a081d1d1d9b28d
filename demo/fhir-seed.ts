import { toFhirQuestionnaire } from '../src/fhir/to-fhir-questionnaire.js';
import { parseInstrument } from '../src/model/parse-instrument.js';
import { CANONICAL_BASE } from './fhir-demo.js';

const instrumentFiles: Record<string, unknown> = import.meta.glob('../content/instruments/*.json', { eager: true, import: 'default' });

/**
 * The demo FHIR server's Questionnaires: every shipped instrument, exported at CANONICAL_BASE. A
 * bring-your-own-text instrument is left out: its wording is the licence holder's, for a host to
 * bring. Loaded by the dev server (vite.config.ts) and the end-to-end tests.
 */
export function demoQuestionnaires(): Record<string, unknown>[] {
  return Object.values(instrumentFiles)
    .map((file) => parseInstrument(file))
    .filter((instrument) => instrument.meta.licence.kind !== 'bring-your-own-text')
    .map((instrument) => toFhirQuestionnaire(instrument, { base: CANONICAL_BASE }));
}
