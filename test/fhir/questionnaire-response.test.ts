import { expect, fixture, html } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { QuestionnaireResult } from '../../src/events.js';
import { fromFhirQuestionnaire } from '../../src/fhir/from-fhir-questionnaire.js';
import { toQuestionnaireResponse } from '../../src/fhir/questionnaire-response.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import type { Answers, Instrument } from '../../src/model/instrument.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { nextEvent, phq9AnswersFor, phq9Json } from '../helpers/fixtures.js';
import { waitUntil } from '../helpers/wait.js';
import { build, choice, choices, en, instrument, question, scale } from '../helpers/instrument-builder.js';

describe('toQuestionnaireResponse', () => {
  let phq9: Instrument;
  before(async () => {
    phq9 = parseInstrument(await phq9Json());
  });

  it('writes a completed R4 response with LOINC-coded answers inside the group', () => {
    const answers = { ...phq9AnswersFor(4), 'phq9-difficulty': 'somewhat-difficult' };
    const response = toQuestionnaireResponse(phq9, answers, scoreAnswers(phq9, answers), { authored: new Date('2026-01-02T03:04:05Z') });
    expect(response).to.include({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: 'urn:painpath:questionnaire:phq-9|1.0.0',
      language: 'en',
      authored: '2026-01-02T03:04:05.000Z',
    });
    const [group, difficulty, total] = response.item;
    expect(group!.linkId).to.equal('phq9-problems');
    expect(group!.item).to.have.length(9);
    expect(group!.item![0]).to.deep.equal({
      linkId: 'phq9-1',
      text: 'Little interest or pleasure in doing things',
      answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA6571-9', display: 'Nearly every day' } }],
    });
    expect(difficulty!.answer).to.deep.equal([{ valueCoding: { system: 'http://loinc.org', code: 'LA6573-5', display: 'Somewhat difficult' } }]);
    expect(total).to.deep.equal({ linkId: 'total', text: 'PHQ-9 total score', answer: [{ valueInteger: 4 }] });
  });

  it('writes a score as an integer when every value its scale can take is whole, else as a decimal', () => {
    const instrument = build({
      items: [...choices('q', 2, 0, 3), question('pain', 'nrs'), choice('half', [{ value: 0, score: 0.5 }, { value: 1, score: 1 }])],
      scales: [
        scale('sum', 'sum', ['q1', 'q2'], [0, 6], { weights: { q2: 2 } }),
        scale('mean', 'mean', ['q1', 'q2'], [0, 3]),
        scale('prorated', 'sum', ['q1', 'q2'], [0, 6], { missing: { minAnswered: 1, prorate: true } }),
        scale('rounded', 'mean', ['q1', 'pain'], [0, 10], { round: 0 }),
        scale('halves', 'sum', ['half'], [0, 1]),
      ],
    });
    const answers = { q1: 2, q2: 2, pain: 4, half: 1 };
    const response = toQuestionnaireResponse(instrument, answers, scoreAnswers(instrument, answers));
    expect(Object.fromEntries(response.item.slice(-5).map((item) => [item.linkId, item.answer![0]]))).to.deep.equal({
      sum: { valueInteger: 6 },
      mean: { valueDecimal: 2 },
      prorated: { valueDecimal: 4 },
      rounded: { valueInteger: 3 },
      halves: { valueDecimal: 1 },
    });
  });

  it('writes an answer without a code as the coding the FHIR export offers, and names the export when the host publishes it', () => {
    const form = build({ id: 'odi', items: [choice('walking', [0, 1]), choice('mood', ['low', 'high'], { other: true })] });
    const answers = { walking: 1, mood: 'tired' };
    const response = toQuestionnaireResponse(form, answers, undefined, { canonicalBase: 'https://fhir.example.org/fhir/' });
    expect(response.questionnaire).to.equal('https://fhir.example.org/fhir/Questionnaire/odi|1.0.0');
    expect(response.item.map((item) => item.answer)).to.deep.equal([
      [{ valueCoding: { system: 'urn:painpath:answers:odi', code: 'walking.1', display: '1' } }],
      // The person's own words are no option's.
      [{ valueString: 'tired' }],
    ]);
    expect(toQuestionnaireResponse(form, answers).questionnaire, 'without a base').to.equal('urn:painpath:questionnaire:odi|1.0.0');
  });

  it('writes the answers of a FHIR Questionnaire back as its options are given: integers, strings, codings side by side', () => {
    const { instrument } = fromFhirQuestionnaire({
      resourceType: 'Questionnaire',
      url: 'https://forms.example.org/Questionnaire/habits',
      version: '3',
      item: [
        { linkId: 'cups', type: 'choice', text: 'Cups a day', answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }] },
        { linkId: 'smoke', type: 'choice', text: 'Smoking', answerOption: [{ valueCoding: { system: 'http://snomed.info/sct', code: '8517006', display: 'Ex-smoker' } }, { valueString: 'Never smoked' }] },
      ],
    });
    for (const answers of [{ cups: 2, smoke: 'Never smoked' }, { cups: 1, smoke: '8517006' }]) {
      const response = toQuestionnaireResponse(instrument, answers, undefined, { canonicalBase: 'https://fhir.example.org/fhir' });
      expect(response.questionnaire, 'a FHIR form names itself').to.equal('https://forms.example.org/Questionnaire/habits|3');
      expect(response.item.map((item) => item.answer![0])).to.deep.equal(
        answers.cups === 2
          ? [{ valueInteger: 2 }, { valueString: 'Never smoked' }]
          : [{ valueInteger: 1 }, { valueCoding: { system: 'http://snomed.info/sct', code: '8517006', display: 'Ex-smoker' } }],
      );
    }
  });

  it('is named by <pp-questionnaire canonical-base> after the export, while a FHIR form without a url stays no export', async () => {
    const submitted = async (instrument: unknown) => {
      const el = await fixture<PpQuestionnaire>(html`<pp-questionnaire storage="memory" layout="list" canonical-base="https://fhir.example.org/fhir" .instrument=${instrument}></pp-questionnaire>`);
      await waitUntil(() => el.shadowRoot!.querySelector('input[type=radio]'), 'the form did not render');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio]')!.click();
      const result = nextEvent<QuestionnaireResult>(el, 'pp-submit');
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Submit answers')!.click();
      return (await result).detail.questionnaireResponse;
    };
    const native = instrument({ id: 'walking', items: [choice('far', [0, 1])] });
    const response = await submitted(native);
    expect(response.questionnaire).to.equal('https://fhir.example.org/fhir/Questionnaire/walking|1.0.0');
    expect(response.item[0]!.answer).to.deep.equal([{ valueCoding: { system: 'urn:painpath:answers:walking', code: 'far.0', display: '0' } }]);
    const fhir = { resourceType: 'Questionnaire', id: 'walking', version: '2', item: [{ linkId: 'far', type: 'choice', text: 'Far?', answerOption: [{ valueInteger: 0 }, { valueInteger: 1 }] }] };
    expect((await submitted(fhir)).questionnaire).to.equal('urn:painpath:questionnaire:walking|2');
  });

  it('leaves out unanswered items and scores that could not be computed', () => {
    const response = toQuestionnaireResponse(phq9, { 'phq9-2': 0 }, scoreAnswers(phq9, { 'phq9-2': 0 }));
    expect(response.item).to.have.length(1);
    expect(response.item[0]!.item!.map((i) => i.linkId)).to.deep.equal(['phq9-2']);
  });

  it('writes one group per repeat that has answers, and the questions under a question into its answer', () => {
    const form = build({
      items: [
        {
          id: 'medicine',
          type: 'group',
          repeats: true,
          text: en('Each medicine'),
          items: [question('name', 'text'), choice('helps', ['yes', 'no'], { items: [question('how-much', 'integer')] })],
        },
      ],
    });
    const answers: Answers = { medicine: [{ name: 'A', helps: 'yes', 'how-much': 7 }, {}, { name: 'B' }] };
    const response = toQuestionnaireResponse(form, answers);
    expect(response.item).to.deep.equal([
      {
        linkId: 'medicine',
        text: 'Each medicine',
        item: [
          { linkId: 'name', text: 'name', answer: [{ valueString: 'A' }] },
          {
            linkId: 'helps',
            text: 'helps',
            answer: [{ valueCoding: { system: 'urn:painpath:answers:test', code: 'helps.yes', display: 'yes' }, item: [{ linkId: 'how-much', text: 'how-much', answer: [{ valueInteger: 7 }] }] }],
          },
        ],
      },
      { linkId: 'medicine', text: 'Each medicine', item: [{ linkId: 'name', text: 'name', answer: [{ valueString: 'B' }] }] },
    ]);
  });
});
