import { scoreAnswers } from '../../src/scoring/score.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { toQuestionnaireResponse } from '../../src/fhir/questionnaire-response.js';
import { answerTo, keyMessagesOf, parseEducationModule } from '../../src/model/education.js';
import { ID_PATTERN } from '../../src/model/json-reader.js';
import { parseKioskSequence } from '../../src/model/kiosk.js';
import { own } from '../../src/model/own.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { parsePathway } from '../../src/model/pathway.js';
import { applyTextPacks, parseTextPack } from '../../src/model/text-pack.js';
import { contentProblemsOf, loadJson } from '../helpers/fixtures.js';
import {
  asFile,
  expectedOutcome,
  keyedAnswer,
  keyedInstrument,
  keyedInstrumentArb,
  keysArb,
  ownEntries,
  PROTOTYPE_NAMES,
} from '../helpers/prototype-keys.js';

// includeErrorInReport: a failure shows the exception the property threw, not only the input.
const RUNS = { numRuns: 300, includeErrorInReport: true };
const isId = (key: string) => ID_PATTERN.test(key);
const en = (text: string) => ({ en: text });


describe('ids, values and names drawn from Object.prototype member names', () => {
  it('are answered, kept, scored and exported each under its own id, and nothing is answered before it is', () => {
    fc.assert(
      fc.property(keyedInstrumentArb, (plan) => {
        const instrument = parseInstrument(keyedInstrument(plan));
        const engine = new QuestionnaireEngine(instrument, 'list');
        expect(Object.keys(engine.answers), 'answers before any').to.deep.equal([]);
        expect(engine.progress().answered).to.equal(0);
        for (const id of plan.itemIds) expect(engine.answerOf(id), id).to.equal(undefined);

        const expected = expectedOutcome(plan);
        for (const id of plan.itemIds) {
          expect(engine.isEnabled(id), `${id} shown`).to.equal(expected.shown.has(id));
          if (expected.answers.has(id)) engine.answer(id, expected.answers.get(id)!);
        }
        expect(ownEntries(engine.answers)).to.deep.equal(expected.answers);
        expect(Object.getPrototypeOf(engine.answers)).to.equal(Object.prototype);
        expect(engine.progress().answered).to.equal(expected.answers.size);

        const unansweredRequired = plan.itemIds.filter((id, i) => plan.required[i] && expected.shown.has(id) && !expected.answers.has(id));
        expect(engine.problems()).to.deep.equal(unansweredRequired.map((itemId) => ({ itemId, code: 'required' })));

        const scores = scoreAnswers(engine.instrument, engine.answers);
        expect(Object.keys(scores)).to.deep.equal([plan.scaleId]);
        expect(own(scores, plan.scaleId)?.value).to.equal(expected.total);

        const response = toQuestionnaireResponse(instrument, engine.answers, scores);
        expect(response.item).to.deep.equal([
          ...plan.itemIds.filter((id) => expected.answers.has(id)).map((id) => ({ linkId: id, text: `Question ${id}`, answer: [keyedAnswer(id, expected.answers.get(id)!)] })),
          ...(expected.total === null ? [] : [{ linkId: plan.scaleId, text: 'Total', answer: [{ valueInteger: expected.total }] }]),
        ]);

        const restored = new QuestionnaireEngine(instrument, 'list');
        expect(restored.restore({ answers: structuredClone(engine.answers), pageIndex: 0 }), 'answers dropped on restoring').to.deep.equal([]);
        expect(ownEntries(restored.answers)).to.deep.equal(expected.answers);
      }),
      RUNS,
    );
  });

  it('are worded by a text pack item by item and answer by answer, and a missing wording is named', () => {
    fc.assert(
      fc.property(keyedInstrumentArb, fc.nat(), (plan, pick) => {
        const instrument = parseInstrument(keyedInstrument(plan));
        const wording = (id: string) => ({ text: `Spørgsmål ${id}`, answers: Object.fromEntries(plan.values.map((value) => [value, `Svar ${value}`])) });
        const pack = { instrument: 'keys', language: 'da', status: 'draft', source: 'test', items: Object.fromEntries(plan.itemIds.map((id) => [id, wording(id)])) };
        const packed = applyTextPacks(instrument, [parseTextPack(asFile(pack), instrument)]);
        for (const item of packed.items) {
          expect(own(item.type === 'choice' ? item.text : undefined, 'da')).to.equal(`Spørgsmål ${item.id}`);
          if (item.type === 'choice') for (const option of item.answers) expect(own(option.text, 'da')).to.equal(`Svar ${option.value}`);
        }

        const left = plan.itemIds[pick % plan.itemIds.length]!;
        const withoutItem = asFile(pack);
        delete withoutItem.items[left];
        expect(contentProblemsOf(() => parseTextPack(withoutItem, instrument))).to.deep.equal([{ path: 'items', message: `missing the wording of "${left}"` }]);

        const value = plan.values[pick % plan.values.length]!;
        const withoutAnswer = asFile(pack);
        delete withoutAnswer.items[left]!.answers[value];
        expect(contentProblemsOf(() => parseTextPack(withoutAnswer, instrument))).to.deep.equal([
          { path: `items.${left}.answers`, message: `missing the wording of answer "${value}"` },
        ]);
      }),
      RUNS,
    );
  });

  it('name education pages, key messages, knowledge checks and their options', () => {
    const plan = fc.record({
      // Pages, key messages and checks share one namespace; a check's options have their own.
      ids: keysArb({ minLength: 3, maxLength: 6 }, isId),
      options: keysArb({ minLength: 2, maxLength: 4 }, isId),
      correct: fc.nat(),
      chosen: fc.nat(),
    });
    fc.assert(
      fc.property(plan, ({ ids, options, correct, chosen }) => {
        const [checkId, ...pageIds] = ids as [string, ...string[]];
        const [firstPage, ...messageIds] = pageIds as [string, ...string[]];
        const correctOption = options[correct % options.length]!;
        const module = parseEducationModule(
          asFile({
            id: 'keys',
            version: '1.0.0',
            languages: ['en'],
            title: en('Keys'),
            translations: { en: { status: 'draft', source: 'test' } },
            meta: { audience: en('Adults'), references: messageIds.map((message) => ({ message, citation: 'Test fixture' })) },
            pages: [
              {
                id: firstPage,
                blocks: [
                  { type: 'heading', text: en('Check') },
                  {
                    type: 'knowledge-check',
                    id: checkId,
                    question: en('Which?'),
                    options: options.map((id) => ({ id, text: en(id), correct: id === correctOption, feedback: en('Because') })),
                  },
                ],
              },
              // Each key message on a page of its own, named after it ("." is in no generated id).
              ...messageIds.map((id) => ({ id: `${id}.page`, blocks: [{ type: 'heading', text: en(id) }, { type: 'key-message', id, text: en(id) }] })),
            ],
          }),
        );
        expect(keyMessagesOf(module).map((message) => message.id)).to.deep.equal(messageIds);
        const option = options[chosen % options.length]!;
        expect(answerTo(module, checkId, option)).to.deep.equal({ option, correct: option === correctOption });
        const notAnOption = PROTOTYPE_NAMES.find((name) => !options.includes(name))!;
        expect(answerTo(module, checkId, notAnOption)).to.equal(undefined);
      }),
      RUNS,
    );
  });

  it('name pathway steps, and decisions lead to them', async () => {
    const base = await loadJson('/content/pathways/specialist-physiotherapy.json');
    fc.assert(
      fc.property(keysArb({ minLength: 2, maxLength: 5 }, isId), fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), (stepIds, targets) => {
        const next = (i: number) => stepIds[(i + 1 + (targets[i]! % (stepIds.length - 1))) % stepIds.length]!;
        const steps = stepIds.map((id, i) => ({
          id,
          title: en(id),
          roles: ['physiotherapist'],
          whatHappens: en('Something'),
          decisions: [{ when: en('If it helps'), next: next(i) }],
        }));
        const pathway = parsePathway(asFile({ ...base, languages: ['en'], translations: { en: { status: 'draft', source: 'test' } }, steps }));
        expect(pathway.steps.map((step) => step.id)).to.deep.equal(stepIds);
        expect(pathway.steps.map((step) => step.decisions?.map((d) => ('next' in d ? d.next : undefined)))).to.deep.equal(stepIds.map((_, i) => [next(i)]));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('are refused as language tags, with the path, in every kind of content', async () => {
    const [module, pathway, kiosk] = await Promise.all(
      ['/content/education/pain-is-a-protector.json', '/content/pathways/specialist-physiotherapy.json', '/test/fixtures/kiosk-sequence.json'].map(loadJson),
    );
    const instrument = keyedInstrument({ itemIds: ['q'], values: ['a', 'b'], answerSet: 'ab', scaleId: 'total', required: [true], conditions: [null], weights: [1], answers: [null] });
    const parsed = parseInstrument(instrument);
    const pack = { instrument: 'keys', status: 'draft', source: 'test', items: { q: { text: 'Q', answers: { a: 'A', b: 'B' } } } };
    fc.assert(
      fc.property(fc.constantFrom(...PROTOTYPE_NAMES), fc.nat({ max: 1 }), (name, at) => {
        const languages = at === 0 ? [name, 'en'] : ['en', name];
        const path = `languages[${at}]`;
        const message = /^[a-zA-Z]{5,8}$/.test(name) ? `write the language tag "${name}" as "${name.toLowerCase()}"` : `"${name}" is not a BCP 47 language tag`;
        for (const parse of [
          () => parseInstrument({ ...instrument, languages }),
          () => parseEducationModule({ ...module, languages }),
          () => parsePathway({ ...pathway, languages }),
          () => parseKioskSequence({ ...kiosk, languages }),
        ]) {
          expect(contentProblemsOf(parse)).to.deep.include({ path, message });
        }
        expect(contentProblemsOf(() => parseTextPack({ ...pack, language: name }, parsed))).to.deep.include({ path: 'language', message });
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});
