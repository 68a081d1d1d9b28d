import { expect, fixture, html } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import { waitUntil } from '../helpers/wait.js';
import fc from 'fast-check';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { expressionComputations, type ExpressionOptions } from '../../src/fhir/expressions.js';
import { fromFhirQuestionnaire } from '../../src/fhir/from-fhir-questionnaire.js';
import { ContentError, type ContentProblem } from '../../src/model/content-error.js';
import { isQuestion, isReadOnly, walkItems, type AnswerValue, type ChoiceItem, type QuestionItem } from '../../src/model/instrument.js';
import { itemScoreRange, optionScore } from '../../src/model/item-score.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { loadJson } from '../helpers/fixtures.js';

type Json = Record<string, unknown>;

const SDC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/';
const fhirpath = (expression: string, name?: string) => ({ language: 'text/fhirpath', expression, ...(name && { name }) });
const calculated = (expression: string) => ({ url: `${SDC}sdc-questionnaire-calculatedExpression`, valueExpression: fhirpath(expression) });
const enableWhenExpression = (expression: string) => ({ url: `${SDC}sdc-questionnaire-enableWhenExpression`, valueExpression: fhirpath(expression) });
const initialExpression = (expression: string) => ({ url: `${SDC}sdc-questionnaire-initialExpression`, valueExpression: fhirpath(expression) });
const variable = (name: string, expression: string) => ({ url: 'http://hl7.org/fhir/StructureDefinition/variable', valueExpression: fhirpath(expression, name) });
const launchContext = (name: string) => ({
  url: `${SDC}sdc-questionnaire-launchContext`,
  extension: [
    { url: 'name', valueCoding: { system: 'http://hl7.org/fhir/uv/sdc/CodeSystem/launchContext', code: name } },
    { url: 'type', valueCode: 'Patient' },
  ],
});

const questionnaire = (item: unknown[], more: Json = {}): Json => ({ resourceType: 'Questionnaire', id: 'expressions', title: 'Expressions', item, ...more });
const integer = (linkId: string, more: Json = {}): Json => ({ linkId, type: 'integer', text: linkId, ...more });
const answerOf = (linkId: string) => `%resource.item.where(linkId = '${linkId}').answer.value`;

/** An engine over a FHIR Questionnaire with its expressions, and the problems they reported. */
function engineFor(json: Json, options: Partial<ExpressionOptions> = {}) {
  const imported = fromFhirQuestionnaire(json);
  const reported: ContentProblem[] = [];
  const computations = expressionComputations(imported.instrument, { questionnaire: json, sourcePath: imported.fhirPath, report: (p) => reported.push(p), ...options });
  return { engine: new QuestionnaireEngine(imported.instrument, 'list', undefined, computations), reported, instrument: imported.instrument };
}

function expressionError(json: Json): ContentError {
  try {
    engineFor(json);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected the expressions to be refused');
}

/** Each question's score, in the order of our items; undefined where it is not answered. */
type Given = readonly (number | undefined)[];
const answered = (given: Given) => given.filter((score): score is number => score !== undefined);
const sumOf = (given: Given) => answered(given).reduce((sum, score) => sum + score, 0);
const complete = (given: Given) => given.every((score) => score !== undefined);
/** FHIRPath's sum() of the scores given: nothing when none is. */
const sumGiven = (given: Given) => (answered(given).length === 0 ? undefined : sumOf(given));
const dividedBy = (value: number | undefined, divisor: number) => (value === undefined ? undefined : value / divisor);

/** One of our scales beside the form's item computing it (see SDC_EQUIVALENTS). */
interface SdcScale {
  readonly scale: string;
  readonly item: string;
  readonly theirs: (given: Given) => number | undefined;
  readonly scored: (given: Given) => boolean;
  readonly same?: (given: Given) => boolean;
}

interface SdcEquivalent {
  readonly name: string;
  readonly form: string;
  readonly native: string;
  /** Whether the form reads each score from the answer's Coding (see withScoreReadFromOption). */
  readonly scoreOnAnswerCoding?: boolean;
  readonly totals: readonly SdcScale[];
}

/** The scores an answer to the question can have: each option's, or each whole number of its range. */
function scoresOffered(item: QuestionItem): number[] {
  if (item.type === 'choice') return item.answers.map((option) => optionScore(option)!);
  const range = itemScoreRange(item);
  return range ? Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i) : [];
}

/** The answer to the question that scores `score`: the option with that score, or the number itself. */
const answerScoring = (item: QuestionItem, score: number): AnswerValue =>
  item.type === 'choice' ? item.answers.find((option) => optionScore(option) === score)!.value : score;

/**
 * The same number to 1e-9, or both none. FHIRPath's decimals and our arithmetic part in the last
 * digits: our ODI takes 28 ÷ 50 × 100 = 56.00000000000001 where the form takes 28 × 100 ÷ 50 = 56,
 * and a third or a sixth (FIQR) is exact in neither.
 */
function expectNumber(actual: unknown, expected: number | null | undefined, what: string) {
  if (expected === undefined || expected === null) expect(actual, what).to.equal(undefined);
  else expect(actual, what).to.be.a('number').that.is.closeTo(expected, 1e-9);
}

/**
 * jmandel's ISI and ODI read an answer's score as
 * `answer.valueCoding.extension.where(url = '…/ordinalValue')`: from an extension on the Coding given
 * as the answer. But they put each ordinalValue on the answerOption, beside its Coding, so no answer
 * carries one and, as published, their totals are never computed (asserted below). To compare their
 * scoring with ours all the same, the score is read the SDC way instead, `answer.value.ordinal()`,
 * which finds the ordinalValue of the option chosen; nothing else of the form changes.
 */
const SCORE_ON_ANSWER_CODING = ".answer.valueCoding.extension.where(url='http://hl7.org/fhir/StructureDefinition/ordinalValue').valueDecimal";
function withScoreReadFromOption(json: Json): Json {
  const text = JSON.stringify(json);
  expect(text).to.include(SCORE_ON_ANSWER_CODING);
  return JSON.parse(text.replaceAll(SCORE_ON_ANSWER_CODING, '.answer.value.ordinal()')) as Json;
}

describe('FHIRPath expressions', () => {
  describe('calculatedExpression', () => {
    it('computes an answer from others, again whenever one it reads changes, and the person cannot change it', () => {
      const { engine } = engineFor(questionnaire([integer('a'), integer('b'), integer('sum', { readOnly: true, extension: [calculated(`${answerOf('a')} + ${answerOf('b')}`)] })]));
      expect(engine.answerOf('sum')).to.equal(undefined);
      engine.answer('a', 2);
      expect(engine.answerOf('sum')).to.equal(undefined);
      engine.answer('b', 5);
      expect(engine.answerOf('sum')).to.equal(7);
      engine.answer('a', 10);
      expect(engine.answerOf('sum')).to.equal(15);
      engine.answer('b', undefined);
      expect(engine.answerOf('sum')).to.equal(undefined);
      expect(() => engine.answer('sum', 3)).to.throw(RangeError, /read-only/);
    });

    it('settles calculations that read other calculations, in any order', () => {
      const { engine } = engineFor(
        questionnaire([
          integer('doubled-sum', { readOnly: true, extension: [calculated(`${answerOf('sum')} * 2`)] }),
          integer('sum', { readOnly: true, extension: [calculated(`${answerOf('a')} + 1`)] }),
          integer('a'),
        ]),
      );
      engine.answer('a', 4);
      expect(engine.answerOf('sum')).to.equal(5);
      expect(engine.answerOf('doubled-sum')).to.equal(10);
    });

    it('is computed again only when an answer it read changes', async () => {
      const stamp = (linkId: string, expression: string) => ({ linkId, type: 'string', text: linkId, readOnly: true, extension: [calculated(expression)] });
      const { engine } = engineFor(
        questionnaire([integer('a'), integer('b'), stamp('reads-nothing', 'now().toString()'), stamp('reads-a', `${answerOf('a')}.select(now().toString())`)]),
      );
      const first = engine.answerOf('reads-nothing');
      engine.answer('a', 1);
      const afterA = engine.answerOf('reads-a');
      await new Promise((resolve) => setTimeout(resolve, 20));
      engine.answer('b', 1);
      expect(engine.answerOf('reads-nothing')).to.equal(first);
      expect(engine.answerOf('reads-a')).to.equal(afterA);
      engine.answer('a', 2);
      expect(engine.answerOf('reads-a')).not.to.equal(afterA);
    });

    it('is left out of progress and of the questions the person must answer', () => {
      const { engine } = engineFor(questionnaire([integer('a', { required: true }), integer('copy', { required: true, readOnly: true, extension: [calculated(answerOf('a'))] })]));
      expect(engine.progress()).to.deep.equal({ answered: 0, required: 1, total: 1 });
      engine.answer('a', 1);
      expect(engine.problems()).to.deep.equal([]);
      expect(engine.answerOf('copy')).to.equal(1);
    });

    it('rounds a computed decimal to the places the item allows', () => {
      const bmi = `${answerOf('weight')} / (${answerOf('height')} * ${answerOf('height')})`;
      const { engine } = engineFor(
        questionnaire([
          { linkId: 'weight', type: 'decimal', text: 'Weight (kg)' },
          { linkId: 'height', type: 'decimal', text: 'Height (m)' },
          { linkId: 'bmi', type: 'decimal', text: 'BMI', readOnly: true, extension: [calculated(bmi), { url: 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces', valueInteger: 1 }] },
        ]),
      );
      engine.answer('weight', 70);
      engine.answer('height', 1.8);
      expect(engine.answerOf('bmi')).to.equal(21.6);
    });

    /**
     * SDC forms of our native instruments, written by others: the form, our instrument, and for
     * each of our scales the form's item computing it. Questions pair by order: our items that
     * the scales read, in document order, with the form's questions of the same kind (choice, or
     * integer for our ratings), in document order, the first with the first. For each scale,
     * restated from the form's expressions and from our missing-item rule:
     * - `theirs`: what the form computes from the answers given to the scale's items, any missing;
     * - `scored`: whether our scale has a score;
     * - `same`: where both have one, whether it is the same one (by default, always).
     */
    const SDC_EQUIVALENTS: readonly SdcEquivalent[] = [
      // Each sums the answers given (FHIRPath's sum() of nothing is nothing); ours needs every answer.
      { name: 'PHQ-9 (LOINC)', form: '/test/fixtures/loinc-phq-9.questionnaire.json', native: '/content/instruments/phq-9.json', totals: [{ scale: 'total', item: '/44261-6', theirs: sumGiven, scored: complete }] },
      { name: 'PHQ-9 (LHC-Forms)', form: '/test/fixtures/fhir-corpus/lforms--phq9.json', native: '/content/instruments/phq-9.json', totals: [{ scale: 'total', item: '/44261-6', theirs: sumGiven, scored: complete }] },
      {
        name: 'GAD-7 (Medical Informatics Initiative)',
        form: '/test/fixtures/fhir-corpus/kerndatensatzmodul-proms--questionnaire-mii-qst-pro-gad-7.json',
        native: '/content/instruments/gad-7.json',
        totals: [{ scale: 'total', item: 'phq-gad7-score-total', theirs: sumGiven, scored: complete }],
      },
      // Sums the answers given; ours needs every answer. Its items 5-7 follow the older ISI (recall
      // "last month": interference 5th, noticeability 6th, distress 7th), not the later one (last 2
      // weeks, interference 7th): the total, a plain sum, is the same in either order.
      {
        name: 'ISI (jmandel/fhir-questionnaires-from-the-web)',
        form: '/test/fixtures/sdc-equivalents/jmandel--isi.json',
        native: '/content/instruments/isi.json',
        scoreOnAnswerCoding: true,
        totals: [{ scale: 'total', item: 'isi.totalScore', theirs: sumGiven, scored: complete }],
      },
      // Sum × 100 ÷ (5 × sections answered) as ours, unrounded as ours, but from any number of
      // sections, and 0 when none is answered (iif(%odiAnswered > 0, …, 0)); ours needs 9 of the 10
      // (Fairbank & Pynsent 2000). Its raw sum (odi.rawSum) is no scale of ours.
      {
        name: 'ODI 2.1a (jmandel/fhir-questionnaires-from-the-web)',
        form: '/test/fixtures/sdc-equivalents/jmandel--odi.json',
        native: '/content/instruments/odi-2.1a.json',
        scoreOnAnswerCoding: true,
        totals: [{ scale: 'total', item: 'odi.percent', theirs: (given) => (answered(given).length === 0 ? 0 : (sumOf(given) * 100) / (5 * answered(given).length)), scored: (given) => answered(given).length >= 9 }],
      },
      // Their means divide by a fixed 4 and 7, so an unanswered item counts as 0. Ours: severity
      // needs all 4; interference is the mean of those answered once 4 of the 7 are (Cleeland 2009,
      // BPI User Guide), so with 4 to 6 answered both give a score, and they differ by the form's design.
      {
        name: 'BPI-SF (jmandel/fhir-questionnaires-from-the-web)',
        form: '/test/fixtures/sdc-equivalents/jmandel--bpi-short.json',
        native: '/content/instruments/bpi-sf.json',
        totals: [
          { scale: 'severity', item: 'bpi.severityScore', theirs: (given) => dividedBy(sumGiven(given), 4), scored: complete },
          { scale: 'interference', item: 'bpi.interferenceScore', theirs: (given) => dividedBy(sumGiven(given), 7), scored: (given) => answered(given).length >= 4, same: complete },
        ],
      },
      // Each domain's sum of the answers given ÷ 3, × 1, ÷ 2 (items 1-9, 10-11, 12-21); the total
      // adds the three, so it is nothing until each domain has an answer. Ours needs every answer.
      {
        name: 'FIQR (jmandel/fhir-questionnaires-from-the-web)',
        form: '/test/fixtures/sdc-equivalents/jmandel--fiqr.json',
        native: '/content/instruments/fiqr.json',
        totals: [
          { scale: 'function', item: 'fiqr.functionScore', theirs: (given) => dividedBy(sumGiven(given), 3), scored: complete },
          { scale: 'overall-impact', item: 'fiqr.impactScore', theirs: sumGiven, scored: complete },
          { scale: 'symptoms', item: 'fiqr.symptomsScore', theirs: (given) => dividedBy(sumGiven(given), 2), scored: complete },
          {
            scale: 'total',
            item: 'fiqr.total',
            theirs: (given) => {
              const [fn, impact, symptoms] = [sumGiven(given.slice(0, 9)), sumGiven(given.slice(9, 11)), sumGiven(given.slice(11))];
              return fn === undefined || impact === undefined || symptoms === undefined ? undefined : fn / 3 + impact + symptoms / 2;
            },
            scored: complete,
          },
        ],
      },
    ];
    for (const { name, form, native, scoreOnAnswerCoding, totals } of SDC_EQUIVALENTS) {
      it(`computes the ${totals.map((t) => t.scale).join(', ')} of the ${name} form as our own scoring does, for any answers`, async () => {
        const json = await loadJson(form);
        const ours = parseInstrument(await loadJson(native));
        const { engine, instrument } = engineFor(scoreOnAnswerCoding ? withScoreReadFromOption(json) : json);
        const scales = totals.map((total) => ours.scoring.scales.find((scale) => scale.id === total.scale)!);
        const read = new Set(scales.flatMap((scale) => scale.items));
        const ourQuestions = [...walkItems(ours.items)].filter(isQuestion).filter((item) => read.has(item.id));
        const kind = ourQuestions[0]!.type === 'choice' ? 'choice' : 'integer';
        const theirQuestions = [...walkItems(instrument.items)].filter(isQuestion).filter((item) => item.type === kind && !isReadOnly(item)).slice(0, ourQuestions.length);
        expect(theirQuestions.map(scoresOffered), 'the scores each question offers').to.deep.equal(ourQuestions.map(scoresOffered));

        const scores = ourQuestions.map((item) => fc.constantFrom(...scoresOffered(item)));
        const anyAnswers = fc.oneof(fc.tuple(...scores), fc.tuple(...scores.map((score) => fc.option(score, { nil: undefined, freq: 2 }))));
        fc.assert(
          fc.property(anyAnswers, (given: Given) => {
            theirQuestions.forEach((item, i) => engine.answer(item.id, given[i] === undefined ? undefined : answerScoring(item, given[i]!)));
            const scored = scoreAnswers(ours, Object.fromEntries(ourQuestions.flatMap((item, i) => (given[i] === undefined ? [] : [[item.id, answerScoring(item, given[i]!)]]))));
            totals.forEach((total, t) => {
              const ofScale = scales[t]!.items.map((id) => given[ourQuestions.findIndex((item) => item.id === id)]);
              const computed = engine.answerOf(total.item);
              const score = scored[total.scale]!.value;
              expectNumber(computed, total.theirs(ofScale), `${total.item}, as its expression says`);
              expect(score !== null, `whether our ${total.scale} has a score`).to.equal(total.scored(ofScale));
              if (score !== null && (total.same?.(ofScale) ?? true)) expectNumber(computed, score, `${total.item}, as our ${total.scale}`);
            });
          }),
          { numRuns: 40, examples: [[ourQuestions.map(() => undefined)]] },
        );
      });
    }

    it('computes no total of jmandel’s ISI and ODI as published: the answers they read the scores from carry none', async () => {
      const answerAllHighest = ({ engine, instrument }: ReturnType<typeof engineFor>) => {
        for (const item of walkItems(instrument.items)) if (item.type === 'choice') engine.answer(item.id, item.answers.at(-1)!.value);
      };
      const isi = engineFor(await loadJson('/test/fixtures/sdc-equivalents/jmandel--isi.json'));
      answerAllHighest(isi);
      expect(isi.engine.answerOf('isi.totalScore')).to.equal(undefined);
      const odi = engineFor(await loadJson('/test/fixtures/sdc-equivalents/jmandel--odi.json'));
      // With no section answered, iif(%odiAnswered > 0, …, 0) gives 0 % without reading a score.
      expect(odi.engine.answerOf('odi.percent')).to.equal(0);
      answerAllHighest(odi);
      expect([odi.engine.answerOf('odi.rawSum'), odi.engine.answerOf('odi.percent')]).to.deep.equal([undefined, undefined]);
      expect([...isi.reported, ...odi.reported]).to.deep.equal([]);
    });

    it('gives nothing, reported once with its FHIR path, when it fails to run or gives what is not an answer', () => {
      const { engine, reported } = engineFor(
        questionnaire([
          integer('a'),
          integer('failing', { readOnly: true, extension: [calculated(`${answerOf('a')}.single() + 'x'.toInteger().single()`)] }),
          integer('text', { readOnly: true, extension: [calculated(`'not a number' & ${answerOf('a')}.toString()`)] }),
        ]),
      );
      engine.answer('a', 1);
      engine.answer('a', 2);
      expect(engine.answerOf('failing')).to.equal(undefined);
      expect(engine.answerOf('text')).to.equal(undefined);
      expect(reported.map((p) => p.path)).to.deep.equal(['item[2].extension[0].valueExpression.expression']);
      expect(reported[0]!.message).to.match(/not an answer to "text"/);
    });
  });

  describe('enableWhenExpression', () => {
    it('shows an item only while it is true, and drops the answer of an item it hides', () => {
      const { engine } = engineFor(questionnaire([integer('age'), integer('pack-years', { extension: [enableWhenExpression(`${answerOf('age')} >= 18`)] })]));
      expect(engine.isEnabled('pack-years')).to.equal(false);
      engine.answer('age', 40);
      expect(engine.isEnabled('pack-years')).to.equal(true);
      engine.answer('pack-years', 10);
      expect(engine.answer('age', 12)).to.deep.equal(['pack-years']);
      expect(engine.isEnabled('pack-years')).to.equal(false);
      expect(engine.answerOf('pack-years')).to.equal(undefined);
    });

    it('sees the response as it is sent: no display items in %resource, yet a display item has its %context', () => {
      const note = { linkId: 'note', type: 'display', text: 'A note', extension: [enableWhenExpression(`%context.linkId = 'note' and ${answerOf('age')} > 1`)] };
      const { engine } = engineFor(
        questionnaire([integer('age'), note, integer('count', { readOnly: true, extension: [calculated('%resource.item.count()')] })]),
      );
      expect(engine.answerOf('count')).to.equal(2);
      expect(engine.isEnabled('note')).to.equal(false);
      engine.answer('age', 40);
      expect(engine.isEnabled('note')).to.equal(true);
    });

    it('reads the answers of its own repeat through a variable of the repeating group', () => {
      const { engine } = engineFor(
        questionnaire([
          {
            linkId: 'medicine',
            type: 'group',
            repeats: true,
            extension: [variable('taken', "item.where(linkId = 'taken').answer.value")],
            item: [{ linkId: 'taken', type: 'boolean', text: 'Do you take it?' }, integer('dose', { extension: [enableWhenExpression('%taken = true')] })],
          },
        ]),
      );
      engine.addRepeat('medicine');
      engine.answer('medicine\u00a01\u00a0taken', true);
      expect(engine.isEnabled('medicine\u00a00\u00a0dose')).to.equal(false);
      expect(engine.isEnabled('medicine\u00a01\u00a0dose')).to.equal(true);
    });
  });

  describe('answerExpression', () => {
    const fruits = {
      resourceType: 'ValueSet',
      id: 'fruits',
      status: 'active',
      expansion: {
        timestamp: '2026-01-01',
        contains: [
          { system: 'urn:test:fruit', code: 'apple', display: 'Apple' },
          { system: 'urn:test:fruit', code: 'lemon', display: 'Lemon' },
        ],
      },
    };
    const form = () =>
      questionnaire(
        [
          { linkId: 'sweet', type: 'boolean', text: 'Only sweet fruit?' },
          {
            linkId: 'fruit',
            type: 'choice',
            text: 'Which fruit?',
            extension: [
              {
                url: `${SDC}sdc-questionnaire-answerExpression`,
                valueExpression: fhirpath(`iif(${answerOf('sweet')}, %questionnaire.contained[0].expansion.contains.where(code != 'lemon'), %questionnaire.contained[0].expansion.contains)`),
              },
            ],
          },
        ],
        { contained: [fruits] },
      );

    it('offers the answers it gives, and clears an answer it no longer offers', () => {
      const { engine } = engineFor(form());
      const offered = () => (engine.itemAt('fruit') as ChoiceItem).answers;
      expect(offered().map((o) => o.value)).to.deep.equal(['apple', 'lemon']);
      engine.answer('fruit', 'lemon');
      expect(engine.answer('sweet', true)).to.deep.equal(['fruit']);
      expect(offered().map((o) => o.text)).to.deep.equal([{ en: 'Apple' }]);
      expect(() => engine.answer('fruit', 'lemon')).to.throw(RangeError);
      engine.answer('fruit', 'apple');
      expect(engine.answerOf('fruit')).to.equal('apple');
    });

    it('is answered in the element and written as the coding it gave', async () => {
      const el = await fixture<PpQuestionnaire>(html`<pp-questionnaire storage="memory" layout="list" .instrument=${form()}></pp-questionnaire>`);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[data-item="fruit"] input[type=radio]').length === 2, 'the offered answers are not shown');
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-item="fruit"] input[type=radio]')[0]!.click();
      await el.updateComplete;
      const submitted = new Promise<CustomEvent>((resolve) => el.addEventListener('pp-submit', (e) => resolve(e as CustomEvent), { once: true }));
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const { questionnaireResponse } = (await submitted).detail;
      expect(questionnaireResponse.item).to.deep.equal([{ linkId: 'fruit', text: 'Which fruit?', answer: [{ valueCoding: { system: 'urn:test:fruit', code: 'apple', display: 'Apple' } }] }]);
    });
  });

  describe('cqf-expression', () => {
    const cqf = (expression: string) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/cqf-expression', valueExpression: fhirpath(expression) }] });

    it('gives a text as the person answers, shown in the element in place of the written one', async () => {
      const json = questionnaire([
        integer('days'),
        { linkId: 'summary', type: 'display', text: 'Answer the question above.', _text: cqf(`${answerOf('days')}.select('You counted ' & $this.toString() & ' days.')`) },
      ]);
      const { engine } = engineFor(json);
      expect(engine.itemAt('summary')!.text).to.deep.equal({ en: 'Answer the question above.' });
      engine.answer('days', 4);
      expect(engine.itemAt('summary')!.text).to.deep.equal({ en: 'You counted 4 days.' });
      const el = await fixture<PpQuestionnaire>(html`<pp-questionnaire storage="memory" layout="list" .instrument=${json}></pp-questionnaire>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[data-item="summary"]'), 'the form did not render');
      const field = el.shadowRoot!.querySelector<HTMLInputElement>('[data-item="days"] input')!;
      field.value = '3';
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[data-item="summary"]')!.textContent!.trim()).to.equal('You counted 3 days.');
    });

    it('gives a bound, such as today for a date', () => {
      const { engine } = engineFor(
        questionnaire([{ linkId: 'onset', type: 'date', text: 'When did it start?', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/maxValue', _valueDate: cqf('today()') }] }]),
      );
      const today = new Date();
      const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      expect((engine.itemAt('onset') as { max?: string }).max).to.equal(iso);
      engine.answer('onset', '2999-01-01');
      expect(engine.problems()).to.deep.equal([{ itemId: 'onset', code: 'range' }]);
    });
  });

  describe('targetConstraint', () => {
    const constraint = (key: string, expression: string, human: string, severity = 'error') => ({
      url: 'http://hl7.org/fhir/StructureDefinition/targetConstraint',
      extension: [
        { url: 'key', valueId: key },
        { url: 'severity', valueCode: severity },
        { url: 'expression', valueExpression: { language: 'text/fhirpath', expression } },
        { url: 'human', valueString: human, _valueString: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'de' }, { url: 'content', valueString: 'Höchstens so viele wie Tage' }] }] } },
      ],
    });

    it('holds the form back with the constraint’s message while it is not true', () => {
      const { engine, instrument } = engineFor(
        questionnaire([integer('days'), integer('bad-days', { extension: [constraint('not-more', `%context.answer.value <= ${answerOf('days')}`, 'No more than the days counted')] })]),
      );
      expect(engine.problems()).to.deep.equal([]);
      engine.answer('days', 3);
      engine.answer('bad-days', 5);
      expect(engine.problems()).to.deep.equal([{ itemId: 'bad-days', code: 'constraint' }]);
      expect(engine.brokenConstraints('bad-days').map((c) => c.message)).to.deep.equal([{ en: 'No more than the days counted', de: 'Höchstens so viele wie Tage' }]);
      engine.answer('days', 7);
      expect(engine.problems()).to.deep.equal([]);
      expect(instrument.languages).to.include('de');
    });

    it('shows the message in the form’s language at the question, and the form cannot be submitted', async () => {
      const json = questionnaire([integer('days'), integer('bad-days', { extension: [constraint('not-more', `%context.answer.value <= ${answerOf('days')}`, 'No more than the days counted')] })]);
      const el = await fixture<PpQuestionnaire>(html`<pp-questionnaire storage="memory" layout="list" lang="de" accept-translations="draft" .instrument=${json}></pp-questionnaire>`);
      await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form did not render');
      const type = async (id: string, value: string) => {
        const field = el.shadowRoot!.querySelector<HTMLInputElement>(`[data-item="${id}"] input`)!;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        await el.updateComplete;
      };
      await type('days', '3');
      await type('bad-days', '5');
      const error = el.shadowRoot!.querySelector('[data-item="bad-days"] [part=error]');
      expect(error?.textContent?.trim()).to.equal('Höchstens so viele wie Tage');
      let submitted = false;
      el.addEventListener('pp-submit', () => (submitted = true));
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await el.updateComplete;
      expect(submitted).to.equal(false);
      await type('days', '7');
      expect(el.shadowRoot!.querySelector('[data-item="bad-days"] [part=error]')).to.equal(null);
    });

    it('reports a warning, and a constraint on a group, as not checked', () => {
      const { reported } = fromFhirQuestionnaire(
        questionnaire([
          integer('a', { extension: [constraint('w', 'true', 'Check this', 'warning')] }),
          { linkId: 'g', type: 'group', text: 'G', item: [integer('b')], extension: [constraint('g', 'false', 'Never')] },
        ]),
      );
      expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
        'item[0].extension[0]: a constraint of severity "warning" is not checked (only "error" is)',
        'item[1].extension[0]: only constraints on questions are checked',
      ]);
    });
  });

  describe('variables and launch context', () => {
    it('gives the form’s and an item’s variables to the expressions of the item and the items under it', () => {
      const { engine } = engineFor(
        questionnaire(
          [
            integer('a'),
            {
              linkId: 'group',
              type: 'group',
              extension: [variable('doubled', '%a * 2')],
              item: [integer('result', { readOnly: true, extension: [variable('plusOne', '%doubled + 1'), calculated('%plusOne')] })],
            },
          ],
          { extension: [variable('a', answerOf('a'))] },
        ),
      );
      engine.answer('a', 3);
      expect(engine.answerOf('result')).to.equal(7);
    });

    it('gives %qitem as the item of the Questionnaire, typed, so that its answer options read as their value[x]', () => {
      const level = (code: string, display: string) => ({ valueCoding: { system: 'urn:test', code, display } });
      const { engine } = engineFor(
        questionnaire([
          integer('score'),
          {
            linkId: 'level',
            type: 'choice',
            text: 'Level',
            readOnly: true,
            answerOption: [level('low', 'Low'), level('high', 'High')],
            extension: [calculated(`%qitem.answerOption.value.where(code = iif(${answerOf('score')} >= 5, 'high', 'low'))`)],
          },
        ]),
      );
      engine.answer('score', 7);
      expect(engine.answerOf('level')).to.equal('high');
      engine.answer('score', 2);
      expect(engine.answerOf('level')).to.equal('low');
    });

    it('runs a query once through the host’s fhirQuery, its {{ }} filled in, and reports it without one', async () => {
      const weighed = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'Observation', status: 'final', valueQuantity: { value: 72.5, unit: 'kg' } } }] };
      const json = questionnaire([{ linkId: 'weight', type: 'decimal', text: 'Weight (kg)', extension: [initialExpression('%weights.entry.resource.value.value.last()')] }], {
        extension: [launchContext('patient'), { url: 'http://hl7.org/fhir/StructureDefinition/variable', valueExpression: { name: 'weights', language: 'application/x-fhir-query', expression: 'Observation?subject=Patient/{{%patient.id}}&code=29463-7' } }],
      });
      const asked: string[] = [];
      const { instrument, fhirPath } = fromFhirQuestionnaire(json);
      const reported: ContentProblem[] = [];
      const fhirQuery = async (query: string) => (asked.push(query), weighed);
      const computations = expressionComputations(instrument, { questionnaire: json, sourcePath: fhirPath, launchContext: { patient: { resourceType: 'Patient', id: 'p 7' } }, fhirQuery, report: (p) => reported.push(p) });
      await computations.queries;
      const engine = new QuestionnaireEngine(instrument, 'list', undefined, computations);
      expect(asked).to.deep.equal(['Observation?subject=Patient/p%207&code=29463-7']);
      expect(engine.answerOf('weight')).to.equal(72.5);
      expect(reported).to.deep.equal([]);
      const without = engineFor(json, { launchContext: { patient: { resourceType: 'Patient', id: '7' } } });
      expect(without.engine.answerOf('weight')).to.equal(undefined);
      expect(without.reported).to.deep.equal([{ path: 'extension[1].valueExpression.expression', message: 'the query is not run: the host gives no fhirQuery to run it; its variable is empty' }]);
    });

    it('starts questions from the launch context the host gives, and reports one it does not give', () => {
      const json = questionnaire([{ linkId: 'name', type: 'string', text: 'Name', extension: [initialExpression('%patient.name.first().given.first()')] }], {
        extension: [launchContext('patient')],
      });
      const patient = { resourceType: 'Patient', name: [{ given: ['Ada'], family: 'Berg' }] };
      expect(engineFor(json, { launchContext: { patient } }).engine.answerOf('name')).to.equal('Ada');
      const { engine, reported } = engineFor(json);
      expect(engine.answerOf('name')).to.equal(undefined);
      expect(reported).to.deep.equal([{ path: 'extension[0]', message: 'the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing' }]);
    });
  });

  describe('refused at load', () => {
    it('names an expression that is not FHIRPath with its FHIR path', () => {
      const error = expressionError(questionnaire([integer('a', { extension: [enableWhenExpression("%resource.item.where(linkId = 'b'")] })]));
      expect(error.problems).to.have.length(1);
      expect(error.problems[0]!.path).to.equal('item[0].extension[0].valueExpression.expression');
      expect(error.problems[0]!.message).to.match(/is not FHIRPath/);
    });

    it('finds calculated items that read each other in a cycle', () => {
      const error = expressionError(
        questionnaire([
          integer('a', { readOnly: true, extension: [calculated(`${answerOf('b')} + 1`)] }),
          integer('b', { readOnly: true, extension: [calculated(`${answerOf('a')} + 1`)] }),
        ]),
      );
      expect(error.problems).to.deep.equal([{ path: 'item[0].extension[0].valueExpression.expression', message: 'calculated items read each other in a cycle ("a" → "b" → "a"): their answers could never be computed' }]);
    });
  });
});
