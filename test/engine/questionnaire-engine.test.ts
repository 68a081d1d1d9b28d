import { scoreAnswers } from '../../src/scoring/score.js';
import { expect } from '@open-wc/testing';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { PATH_SEPARATOR } from '../../src/engine/item-path.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import type { Instrument } from '../../src/model/instrument.js';
import { PHQ9_ITEMS, phq9Json } from '../helpers/fixtures.js';
import { renamed } from '../helpers/prototype-keys.js';
import { build, choice, en, question } from '../helpers/instrument-builder.js';

describe('QuestionnaireEngine with PHQ-9', () => {
  let phq9: Instrument;
  before(async () => {
    phq9 = parseInstrument(await phq9Json());
  });

  it('asks the difficulty question only once a problem is checked', () => {
    const engine = new QuestionnaireEngine(phq9);
    expect(engine.isEnabled('phq9-difficulty')).to.equal(false);
    engine.answer('phq9-3', 1);
    expect(engine.isEnabled('phq9-difficulty')).to.equal(true);
  });

  it('drops the answer of a question that becomes hidden', () => {
    const engine = new QuestionnaireEngine(phq9);
    engine.answer('phq9-3', 2);
    engine.answer('phq9-difficulty', 'very-difficult');
    const cleared = engine.answer('phq9-3', 0);
    expect(cleared).to.deep.equal(['phq9-difficulty']);
    expect(engine.answers).to.not.have.property('phq9-difficulty');
  });

  it('counts progress over enabled questions', () => {
    const engine = new QuestionnaireEngine(phq9);
    expect(engine.progress()).to.deep.equal({ answered: 0, required: 9, total: 9 });
    engine.answer('phq9-1', 1);
    expect(engine.progress()).to.deep.equal({ answered: 1, required: 10, total: 10 });
  });

  it('reports unanswered required questions in order', () => {
    const engine = new QuestionnaireEngine(phq9);
    PHQ9_ITEMS.slice(0, 8).forEach((id) => engine.answer(id, 0));
    expect(engine.problems()).to.deep.equal([{ itemId: 'phq9-9', code: 'required' }]);
  });

  it('pages one question at a time with the stem of its group', () => {
    const engine = new QuestionnaireEngine(phq9, 'paged');
    expect(engine.pages).to.have.length(9);
    expect(engine.page.context?.['en']).to.match(/^Over the last 2 weeks/);
    engine.answer('phq9-1', 3);
    expect(engine.pages).to.have.length(10);
    expect(engine.pageOf('phq9-difficulty')).to.equal(9);
  });

  it('shows every question on one page in the list layout', () => {
    const engine = new QuestionnaireEngine(phq9, 'list');
    expect(engine.pages).to.have.length(1);
    expect(engine.problems(engine.page)).to.have.length(9);
  });

  it('rejects an answer that is not one of the options', () => {
    const engine = new QuestionnaireEngine(phq9);
    expect(() => engine.answer('phq9-1', 4)).to.throw(RangeError, '4 is not an answer to "phq9-1"');
    expect(() => engine.answer('nope', 1)).to.throw(RangeError);
  });

  it('restores saved answers and page, dropping what no longer fits', () => {
    const engine = new QuestionnaireEngine(phq9, 'paged');
    const dropped = engine.restore({ answers: { 'phq9-1': 2, 'phq9-2': 7, gone: 1 }, pageIndex: 4 });
    expect(dropped).to.have.members(['phq9-2', 'gone']);
    expect(engine.answers).to.deep.equal({ 'phq9-1': 2 });
    expect(engine.pageIndex).to.equal(4);
  });

  it('keeps the page index within the pages', () => {
    const engine = new QuestionnaireEngine(phq9, 'paged');
    engine.goTo(99);
    expect(engine.pageIndex).to.equal(8);
    engine.goTo(-3);
    expect(engine.pageIndex).to.equal(0);
  });
});

describe('QuestionnaireEngine with item ids named like Object.prototype members', () => {
  const phq9With = async (from: string, to: string) => new QuestionnaireEngine(parseInstrument(renamed(await phq9Json(), from, to)), 'list');
  const answerRest = (engine: QuestionnaireEngine, value: number) => PHQ9_ITEMS.slice(1).forEach((id) => engine.answer(id, value));

  it('does not count a PHQ-9 item with the id "toString" as answered before it is answered', async () => {
    const engine = await phq9With('phq9-1', 'toString');
    expect(engine.progress().answered).to.equal(0);
    expect(engine.problemOf('toString')).to.equal('required');
  });

  it('keeps a person from submitting PHQ-9 without answering its item "toString"', async () => {
    const engine = await phq9With('phq9-1', 'toString');
    answerRest(engine, 0);
    expect(engine.problems()).to.deep.equal([{ itemId: 'toString', code: 'required' }]);
  });

  it('totals PHQ-9 with its item "toString" answered, and gives no total without it', async () => {
    const engine = await phq9With('phq9-1', 'toString');
    answerRest(engine, 1);
    expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(null);
    engine.answer('toString', 3);
    expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(11);
  });

  it('keeps the answer to an item "__proto__" as an answer, not as the prototype of the answers', async () => {
    const engine = await phq9With('phq9-1', '__proto__');
    engine.answer('__proto__', 2);
    answerRest(engine, 1);
    expect(Object.getOwnPropertyDescriptor(engine.answers, '__proto__')?.value).to.equal(2);
    expect(Object.getPrototypeOf(engine.answers)).to.equal(Object.prototype);
    expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(10);
  });
});

describe('QuestionnaireEngine with conditions on later items, booleans and initial answers', () => {
  const form = () =>
    build({
      items: [
        question('why', 'text', { enableWhen: [{ item: 'smoker', operator: '=', value: true }] }),
        question('smoker', 'boolean', { enableWhen: [{ item: 'adult', operator: 'exists', value: true }] }),
        choice('adult', ['yes', 'no'], { initial: 'yes' }),
      ],
    });

  it('starts with the initial answers, which enable the items that depend on them', () => {
    const engine = new QuestionnaireEngine(form());
    expect(engine.answers).to.deep.equal({ adult: 'yes' });
    expect(engine.isEnabled('smoker')).to.equal(true);
    expect(engine.isEnabled('why')).to.equal(false);
  });

  it('settles chains of conditions on later items, dropping every answer that lost its item', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('smoker', true);
    expect(engine.isEnabled('why')).to.equal(true);
    engine.answer('why', 'Habit');
    // Clearing "adult" hides "smoker", whose answer goes, which hides the earlier "why".
    expect(engine.answer('adult', undefined).sort()).to.deep.equal(['smoker', 'why']);
    expect(engine.answers).to.deep.equal({});
    expect(engine.isEnabled('why')).to.equal(false);
  });

  it('takes true and false as boolean answers and nothing else', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('smoker', false);
    expect(engine.answerOf('smoker')).to.equal(false);
    expect(engine.progress().answered).to.equal(2);
    expect(() => engine.answer('smoker', 'yes')).to.throw(RangeError);
  });

  it('lets a restored draft replace the initial answers, even by leaving one out', () => {
    const engine = new QuestionnaireEngine(form());
    engine.restore({ answers: { adult: 'no' }, pageIndex: 0 });
    expect(engine.answers).to.deep.equal({ adult: 'no' });
    engine.restore({ answers: {}, pageIndex: 0 });
    expect(engine.answers).to.deep.equal({});
  });
});

describe('QuestionnaireEngine with repeating groups and questions under questions', () => {
  const S = PATH_SEPARATOR;
  const form = () =>
    build({
      items: [
        question('takes-medicine', 'boolean'),
        {
          id: 'medicine',
          type: 'group',
          repeats: true,
          maxOccurs: 3,
          text: en('Each medicine'),
          enableWhen: [{ item: 'takes-medicine', operator: '=', value: true }],
          items: [
            question('name', 'text', { required: true }),
            choice('helps', ['yes', 'no'], { items: [question('how-much', 'integer')] }),
            question('why-not', 'text', { enableWhen: [{ item: 'helps', operator: '=', value: 'no' }] }),
          ],
        },
      ],
    });

  it('starts each repeating group with one empty repeat, and adds and removes repeats up to maxOccurs', () => {
    const engine = new QuestionnaireEngine(form());
    expect(engine.answers).to.deep.equal({ medicine: [{}] });
    engine.answer('takes-medicine', true);
    engine.answer(`medicine${S}0${S}name`, 'Paracetamol');
    engine.addRepeat('medicine');
    engine.answer(`medicine${S}1${S}name`, 'Ibuprofen');
    expect(engine.answers).to.deep.equal({ 'takes-medicine': true, medicine: [{ name: 'Paracetamol' }, { name: 'Ibuprofen' }] });
    engine.addRepeat('medicine');
    expect(() => engine.addRepeat('medicine')).to.throw(RangeError, 'at most 3');
    engine.removeRepeat('medicine', 0);
    expect(engine.answers['medicine']).to.deep.equal([{ name: 'Ibuprofen' }, {}]);
    engine.removeRepeat('medicine', 1);
    engine.removeRepeat('medicine', 0);
    // The last repeat is emptied, not removed: the group is still there to answer.
    expect(engine.answers['medicine']).to.deep.equal([{}]);
  });

  it('reads a condition in its own repeat, and counts and checks every repeat', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('takes-medicine', true);
    engine.addRepeat('medicine');
    engine.answer(`medicine${S}1${S}helps`, 'no');
    expect(engine.isEnabled(`medicine${S}1${S}why-not`)).to.equal(true);
    expect(engine.isEnabled(`medicine${S}0${S}why-not`)).to.equal(false);
    // The first repeat's name and helps; the second's name, helps, how-much (helps is answered) and why-not.
    expect(engine.progress()).to.deep.equal({ answered: 2, required: 2, total: 7 });
    expect(engine.problems().map((p) => p.itemId)).to.deep.equal([`medicine${S}0${S}name`, `medicine${S}1${S}name`]);
  });

  it('shows the questions under a question once it is answered, and drops their answers when it is cleared', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('takes-medicine', true);
    const helps = `medicine${S}0${S}helps`;
    const howMuch = `medicine${S}0${S}how-much`;
    expect(engine.isEnabled(howMuch)).to.equal(false);
    engine.answer(helps, 'yes');
    engine.answer(howMuch, 7);
    expect(engine.answers['medicine']).to.deep.equal([{ helps: 'yes', 'how-much': 7 }]);
    expect(engine.answer(helps, undefined)).to.deep.equal([howMuch]);
    expect(engine.answers['medicine']).to.deep.equal([{}]);
  });

  it('drops the answers of every repeat when the group is hidden', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('takes-medicine', true);
    engine.addRepeat('medicine');
    engine.answer(`medicine${S}0${S}name`, 'A');
    engine.answer(`medicine${S}1${S}name`, 'B');
    expect(engine.answer('takes-medicine', false)).to.deep.equal([`medicine${S}0${S}name`, `medicine${S}1${S}name`]);
    expect(engine.answers['medicine']).to.deep.equal([{}, {}]);
  });

  it('moves entries not yet valid with their repeat when an earlier repeat is removed', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('takes-medicine', true);
    engine.addRepeat('medicine');
    engine.answer(`medicine${S}1${S}helps`, 'yes');
    engine.reject(`medicine${S}1${S}how-much`);
    engine.removeRepeat('medicine', 0);
    expect(engine.problemOf(`medicine${S}0${S}how-much`)).to.equal('format');
  });

  it('restores saved repeats, dropping answers that no longer fit with their paths', () => {
    const engine = new QuestionnaireEngine(form());
    const dropped = engine.restore({
      answers: { 'takes-medicine': true, medicine: [{ name: 'A' }, { name: 42, helps: 'yes', 'how-much': 3, stray: 1 }] },
      pageIndex: 0,
    });
    expect(engine.answers).to.deep.equal({ 'takes-medicine': true, medicine: [{ name: 'A' }, { helps: 'yes', 'how-much': 3 }] });
    expect(dropped).to.deep.equal([`medicine${S}1${S}name`, `medicine${S}1${S}stray`]);
  });

  it('keeps a repeating group whole on one page in the paged layout', () => {
    const engine = new QuestionnaireEngine(form(), 'paged');
    engine.answer('takes-medicine', true);
    expect(engine.pages.map((page) => page.items.map((item) => item.id))).to.deep.equal([['takes-medicine'], ['medicine']]);
    expect(engine.pageOf(`medicine${S}0${S}name`)).to.equal(1);
  });
});

describe('QuestionnaireEngine with a required group', () => {
  it('needs an answer to one of its questions, in form order before them', () => {
    const engine = new QuestionnaireEngine(
      build({ items: [{ id: 'how', type: 'group', required: true, text: en('How do you get about?'), items: [question('walk', 'boolean'), question('cycle', 'boolean')] }] }),
    );
    expect(engine.problems()).to.deep.equal([{ itemId: 'how', code: 'required' }]);
    engine.answer('cycle', false);
    expect(engine.problems()).to.deep.equal([]);
    expect(engine.problemOf('how')).to.equal(undefined);
  });
});

describe('QuestionnaireEngine with answer constraints', () => {
  const form = () =>
    build({
      items: [
        question('postcode', 'text', { pattern: '\\d{4}', minLength: 4 }),
        question('weight', 'decimal', { maxDecimals: 1 }),
      ],
    });

  it('checks the whole text against its pattern and its shortest length', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('postcode', '12');
    expect(engine.problemOf('postcode')).to.equal('too-short');
    engine.answer('postcode', '12345');
    expect(engine.problemOf('postcode')).to.equal('format');
    engine.answer('postcode', '2100');
    expect(engine.problemOf('postcode')).to.equal(undefined);
    expect(engine.answers['postcode']).to.equal('2100');
  });

  it('checks the digits after the decimal point', () => {
    const engine = new QuestionnaireEngine(form());
    engine.answer('weight', 72.25);
    expect(engine.problemOf('weight')).to.equal('decimals');
    engine.answer('weight', 72.5);
    expect(engine.answers['weight']).to.equal(72.5);
  });
});
