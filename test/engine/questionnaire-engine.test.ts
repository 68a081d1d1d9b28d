import { scoreAnswers } from '../../src/scoring/score.js';
import { expect } from '@open-wc/testing';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import type { Instrument } from '../../src/model/instrument.js';
import { PHQ9_ITEMS, phq9Json } from '../helpers/fixtures.js';
import { renamed } from '../helpers/prototype-keys.js';
import { build, choice, question } from '../helpers/instrument-builder.js';

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
