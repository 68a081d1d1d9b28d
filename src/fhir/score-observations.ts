import { localText } from '../i18n/locale.js';
import { sourceLanguageOf, type Coding, type Instrument } from '../model/instrument.js';
import { own } from '../model/own.js';
import type { Scores } from '../scoring/score.js';
import { bandSystem, scaleCoding } from './painpath-codes.js';
import type { QuestionnaireResponse, ResponseIdentifier } from './questionnaire-response.js';

/** The subset of FHIR R4 Observation that Painpath writes for a score. */
export interface ScoreObservation {
  readonly resourceType: 'Observation';
  readonly status: 'final';
  readonly category: readonly { readonly coding: readonly Coding[] }[];
  readonly code: { readonly coding: readonly Coding[]; readonly text: string };
  readonly subject?: { readonly reference: string };
  readonly effectiveDateTime: string;
  readonly valueQuantity: { readonly value: number; readonly unit: string; readonly system: string; readonly code: string };
  readonly interpretation?: readonly { readonly coding: readonly Coding[]; readonly text: string }[];
  readonly derivedFrom: readonly ({ readonly reference: string } | { readonly type: 'QuestionnaireResponse'; readonly identifier: ResponseIdentifier })[];
  /** With a response that has an identifier: the scale within it, so a server keeps each score once. */
  readonly identifier?: readonly { readonly system: string; readonly value: string }[];
}

export interface ObservationOptions {
  /**
   * The response the scores come from, as the Observations refer to it: its reference once stored
   * (`QuestionnaireResponse/12`), or its `fullUrl` in the same transaction Bundle (`urn:uuid:…`).
   * Without it, they name the response by its identifier, which it must then have.
   */
  readonly derivedFrom?: string;
  /** Whom the scores are about (`Patient/7`), as the host's FHIR server knows them. */
  readonly subject?: string;
}

const SURVEY = { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' };

/**
 * Each scale's score as an R4 Observation, the SDC way of extracting data from a response: its
 * code (LOINC where the scale has one, e.g. 44261-6 for the PHQ-9 total), the score as a UCUM
 * `{score}` quantity, its band as the interpretation (the codes the exported Questionnaire's band
 * items use), the time of the response, and `derivedFrom` the response. A scale without a score
 * (too few items answered) gives none. Texts are in the response's language. When the response
 * has an identifier, each Observation is named by it and its scale (`identifier`), so a server
 * asked to create it only if none has that identifier keeps it once however often it is sent.
 */
export function scoreObservations(instrument: Instrument, scores: Scores, response: QuestionnaireResponse, options: ObservationOptions = {}): ScoreObservation[] {
  const { identifier } = response;
  if (options.derivedFrom === undefined && identifier === undefined) {
    throw new TypeError('scoreObservations: name the response in options.derivedFrom, or give it an identifier');
  }
  const derivedFrom = options.derivedFrom === undefined ? { type: 'QuestionnaireResponse' as const, identifier: identifier! } : { reference: options.derivedFrom };
  const source = sourceLanguageOf(instrument);
  const text = (map: Readonly<Record<string, string>>) => localText(map, response.language, source);
  return instrument.scoring.scales.flatMap((scale): ScoreObservation[] => {
    const score = own(scores, scale.id);
    if (score?.value == null) return [];
    const band = score.band === undefined ? undefined : scale.bands.find((b) => b.id === score.band);
    return [
      {
        resourceType: 'Observation',
        status: 'final',
        category: [{ coding: [SURVEY] }],
        code: { coding: [scaleCoding(instrument, scale)], text: text(scale.name) },
        ...(options.subject !== undefined && { subject: { reference: options.subject } }),
        effectiveDateTime: response.authored,
        valueQuantity: { value: score.value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
        ...(band && { interpretation: [{ coding: [{ system: bandSystem(instrument, scale), code: band.id, display: text(band.label) }], text: text(band.label) }] }),
        derivedFrom: [derivedFrom],
        ...(identifier && { identifier: [{ system: identifier.value, value: scale.id }] }),
      },
    ];
  });
}
