import { expect, fixture, html } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import { waitUntil } from '../helpers/wait.js';
import fc from 'fast-check';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { expressionComputations, type ExpressionOptions } from '../../src/fhir/expressions.js';
import { fromFhirQuestionnaire } from '../../src/fhir/from-fhir-questionnaire.js';
import { ContentError, type ContentProblem } from '../../src/model/content-error.js';
import type { ChoiceItem } from '../../src/model/instrument.js';
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
     * SDC forms of our native instruments, from the corpus: the form, the questions in the order
     * of our items, and the item with the total. Their totals sum the answers given; ours need
     * every answer, so they agree whenever ours has a score.
     */
    const SDC_EQUIVALENTS = [
      { name: 'PHQ-9 (LOINC)', form: '/test/fixtures/loinc-phq-9.questionnaire.json', native: '/content/instruments/phq-9.json', questions: 9, total: '/44261-6' },
      { name: 'PHQ-9 (LHC-Forms)', form: '/test/fixtures/fhir-corpus/lforms--phq9.json', native: '/content/instruments/phq-9.json', questions: 9, total: '/44261-6' },
      { name: 'GAD-7 (Medical Informatics Initiative)', form: '/test/fixtures/fhir-corpus/kerndatensatzmodul-proms--questionnaire-mii-qst-pro-gad-7.json', native: '/content/instruments/gad-7.json', questions: 7, total: 'phq-gad7-score-total' },
    ];
    for (const { name, form, native, questions: count, total } of SDC_EQUIVALENTS) {
      it(`computes the total of the ${name} form as our own scoring does, for any answers`, async () => {
        const json = await loadJson(form);
        const ours = parseInstrument(await loadJson(native));
        const { engine, instrument } = engineFor(json);
        const questions = instrument.items.flatMap((item) => (item.type === 'group' ? item.items : [item])).filter((item): item is ChoiceItem => item.type === 'choice').slice(0, count);
        const nativeIds = ours.items.filter((item) => item.type === 'choice').slice(0, count).map((item) => item.id);
        fc.assert(
          fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: count, maxLength: count }), (choices) => {
            questions.forEach((question, i) => engine.answer(question.id, choices[i] === undefined ? undefined : question.answers[choices[i]!]!.value));
            const score = scoreAnswers(ours, Object.fromEntries(choices.flatMap((choice, i) => (choice === undefined ? [] : [[nativeIds[i]!, choice]]))))['total']!.value;
            const computed = engine.answerOf(total);
            if (score !== null) expect(computed).to.equal(score);
            else expect(computed).to.equal(choices.some((c) => c !== undefined) ? choices.reduce<number>((sum, c) => sum + (c ?? 0), 0) : undefined);
          }),
          { numRuns: 40 },
        );
      });
    }

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
