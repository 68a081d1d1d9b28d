import { expect } from '@open-wc/testing';
import { QuestionnaireEngine, type Layout } from '../../src/engine/questionnaire-engine.js';
import type { AnswerValue } from '../../src/model/instrument.js';
import { build, choice, en, multiChoice, question } from '../helpers/instrument-builder.js';

// A fixed "today", so that date limits do not depend on when the tests run.
const TODAY = '2024-06-15';

const everyType = build({
  id: 'every-type',
  items: [
    { id: 'intro', type: 'display', text: en('Please answer every question.') },
    choice('mood', [0, 1, 2], { required: true }),
    multiChoice('aids', ['cane', 'crutches', { value: 'none', exclusive: true }]),
    question('pain', 'nrs'),
    question('line', 'vas'),
    question('age', 'integer', { min: 18, max: 120 }),
    question('weight', 'decimal', { min: 20, max: 300 }),
    question('notes', 'text', { maxLength: 10, required: true }),
    question('onset', 'date', { min: '2000-01-01', max: 'today', required: true }),
    question('next-visit', 'date', { min: 'today' }),
    question('where', 'body-map'),
    {
      id: 'sleep',
      type: 'page',
      text: en('About your sleep'),
      items: [choice('sleep-a', [0, 1]), choice('sleep-b', [0, 1], { enableWhen: [{ item: 'sleep-a', operator: '=', value: 1 }] })],
    },
    { id: 'mood-group', type: 'group', text: en('Over the last 2 weeks'), items: [choice('g1', [0, 1]), choice('g2', [0, 1])] },
  ],
});

const engineFor = (layout: Layout = 'list') => new QuestionnaireEngine(everyType, layout, () => TODAY);

/** An engine after one answer, with that answer's problems. */
function afterAnswer(id: string, value: AnswerValue | undefined) {
  const engine = engineFor();
  engine.answer(id, value);
  return { engine, problems: engine.problems().filter((p) => p.itemId === id) };
}

describe('QuestionnaireEngine with every item type', () => {
  describe('valid answers', () => {
    const valid: [string, AnswerValue][] = [
      ['mood', 0],
      ['mood', 2],
      ['aids', ['cane', 'crutches']],
      ['aids', ['none']],
      ['pain', 0],
      ['pain', 10],
      ['line', 0],
      ['line', 55],
      ['line', 100],
      ['age', 18],
      ['age', 120],
      ['weight', 20],
      ['weight', 72.35],
      ['notes', 'ten chars!'],
      ['onset', TODAY],
      ['onset', '2000-01-01'],
      ['onset', '2024-02-29'],
      ['next-visit', TODAY],
      ['where', ['neck', 'chest', 'jaw-left']],
    ];
    for (const [id, value] of valid) {
      it(`accepts ${JSON.stringify(value)} for ${id}`, () => {
        const { engine, problems } = afterAnswer(id, value);
        expect(engine.answers[id]).to.deep.equal(value);
        expect(problems).to.deep.equal([]);
      });
    }
  });

  describe('impossible values throw a RangeError', () => {
    const impossible: [string, string, unknown][] = [
      ['a choice value that is not an option', 'mood', 3],
      ['the text of a numeric option value', 'mood', '1'],
      ['a multi-choice value that is not an option', 'aids', ['wheelchair']],
      ['a multi-choice option chosen twice', 'aids', ['cane', 'cane']],
      ['the exclusive option together with another', 'aids', ['none', 'cane']],
      ['a single value for a multi-choice', 'aids', 'cane'],
      ['nrs 11', 'pain', 11],
      ['nrs −1', 'pain', -1],
      ['a fractional nrs', 'pain', 5.5],
      ['vas 101', 'line', 101],
      ['vas below 0', 'line', -1],
      ['a fractional vas', 'line', 55.5],
      ['a vas given as text', 'line', '50'],
      ['an unknown body-map region', 'where', ['neck', 'elbow']],
      ['a body-map region twice', 'where', ['neck', 'neck']],
      ['a number for an integer given as text', 'age', '40'],
      ['NaN for a decimal', 'weight', Number.NaN],
      ['Infinity for an integer', 'age', Number.POSITIVE_INFINITY],
      ['a number for a text', 'notes', 42],
      ['a number for a date', 'onset', 20240615],
    ];
    for (const [what, id, value] of impossible) {
      it(`rejects ${what}`, () => {
        const engine = engineFor();
        expect(() => engine.answer(id, value as AnswerValue)).to.throw(RangeError);
        expect(engine.answers).to.not.have.property(id);
      });
    }

    it('keeps the earlier answer when an impossible value is given', () => {
      const engine = engineFor();
      engine.answer('pain', 5);
      expect(() => engine.answer('pain', 11)).to.throw(RangeError);
      expect(engine.answers['pain']).to.equal(5);
    });

    it('rejects answers to items that are not questions or do not exist', () => {
      const engine = engineFor();
      expect(() => engine.answer('intro', 'x')).to.throw(RangeError);
      expect(() => engine.answer('sleep', 1)).to.throw(RangeError);
      expect(() => engine.answer('nope', 1)).to.throw(RangeError);
    });
  });

  describe('entries a person can correct are kept out of the answers and reported', () => {
    const correctable: [string, string, AnswerValue, string][] = [
      ['an integer below min', 'age', 17, 'range'],
      ['an integer above max', 'age', 121, 'range'],
      ['a fraction for an integer', 'age', 40.5, 'format'],
      ['a decimal below min', 'weight', 19.99, 'range'],
      ['a decimal above max', 'weight', 300.01, 'range'],
      ['a date written day/month/year', 'onset', '15/06/2024', 'format'],
      ['a date without leading zeros', 'onset', '2024-6-15', 'format'],
      ['a day that does not exist (30 February)', 'onset', '2024-02-30', 'format'],
      ['a month that does not exist (month 13)', 'onset', '2024-13-01', 'format'],
      ['a month 00', 'onset', '2024-00-10', 'format'],
      ['a date after today when max is today', 'onset', '2024-06-16', 'range'],
      ['a date before min', 'onset', '1999-12-31', 'range'],
      ['a date before today when min is today', 'next-visit', '2024-06-14', 'range'],
      ['text longer than maxLength', 'notes', 'eleven char', 'too-long'],
    ];
    for (const [what, id, value, code] of correctable) {
      it(`reports ${what} as "${code}"`, () => {
        const { engine, problems } = afterAnswer(id, value);
        expect(engine.answers).to.not.have.property(id);
        expect(problems).to.deep.equal([{ itemId: id, code }]);
      });
    }

    it('replaces an earlier valid answer by the invalid entry', () => {
      const engine = engineFor();
      engine.answer('age', 40);
      engine.answer('age', 17);
      expect(engine.answers).to.not.have.property('age');
      expect(engine.problems()).to.deep.include({ itemId: 'age', code: 'range' });
    });

    it('forgets the problem once the entry is corrected', () => {
      const engine = engineFor();
      engine.answer('age', 17);
      engine.answer('age', 18);
      expect(engine.answers['age']).to.equal(18);
      expect(engine.problems().map((p) => p.itemId)).to.not.include('age');
    });

    it('lists problems in form order, reporting an invalid entry instead of "required"', () => {
      const engine = engineFor();
      engine.answer('onset', '2030-01-01');
      engine.answer('age', 12);
      expect(engine.problems()).to.deep.equal([
        { itemId: 'mood', code: 'required' },
        { itemId: 'age', code: 'range' },
        { itemId: 'notes', code: 'required' },
        { itemId: 'onset', code: 'range' },
      ]);
    });

    it('does not count an invalid entry as answered in the progress', () => {
      const engine = engineFor();
      engine.answer('age', 12);
      expect(engine.progress().answered).to.equal(0);
    });
  });

  describe('reject', () => {
    it('reports an entry that could not be read as "format" and drops the earlier answer', () => {
      const engine = engineFor();
      engine.answer('weight', 70);
      engine.reject('weight');
      expect(engine.answers).to.not.have.property('weight');
      expect(engine.problems()).to.deep.include({ itemId: 'weight', code: 'format' });
    });

    it('throws a RangeError for an item that is not a question', () => {
      expect(() => engineFor().reject('intro')).to.throw(RangeError);
    });
  });

  describe('clearing an answer', () => {
    it('treats blank text as no answer, so a required text is reported as required', () => {
      const engine = engineFor();
      engine.answer('notes', 'fine');
      engine.answer('notes', '   ');
      expect(engine.answers).to.not.have.property('notes');
      expect(engine.problems()).to.deep.include({ itemId: 'notes', code: 'required' });
    });

    it('treats an empty selection as no answer', () => {
      const engine = engineFor();
      engine.answer('aids', ['cane']);
      engine.answer('aids', []);
      expect(engine.answers).to.not.have.property('aids');
      engine.answer('where', ['neck']);
      engine.answer('where', []);
      expect(engine.answers).to.not.have.property('where');
    });

    it('clears an invalid entry, leaving only "required"', () => {
      const engine = engineFor();
      engine.answer('onset', 'yesterday');
      engine.answer('onset', undefined);
      expect(engine.problems().filter((p) => p.itemId === 'onset')).to.deep.equal([{ itemId: 'onset', code: 'required' }]);
    });

    it('reports no problem for an optional item left blank', () => {
      const { problems } = afterAnswer('age', undefined);
      expect(problems).to.deep.equal([]);
    });
  });

  describe('toggle', () => {
    it('adds and removes multi-choice options', () => {
      const engine = engineFor();
      engine.toggle('aids', 'cane');
      engine.toggle('aids', 'crutches');
      expect(engine.answers['aids']).to.deep.equal(['cane', 'crutches']);
      engine.toggle('aids', 'cane');
      expect(engine.answers['aids']).to.deep.equal(['crutches']);
    });

    it('clears the answer when the last option is toggled off', () => {
      const engine = engineFor();
      engine.toggle('aids', 'cane');
      engine.toggle('aids', 'cane');
      expect(engine.answers).to.not.have.property('aids');
    });

    it('clears the other options when the exclusive one is chosen', () => {
      const engine = engineFor();
      engine.toggle('aids', 'cane');
      engine.toggle('aids', 'crutches');
      engine.toggle('aids', 'none');
      expect(engine.answers['aids']).to.deep.equal(['none']);
    });

    it('clears the exclusive option when another is chosen', () => {
      const engine = engineFor();
      engine.toggle('aids', 'none');
      engine.toggle('aids', 'cane');
      expect(engine.answers['aids']).to.deep.equal(['cane']);
    });

    it('adds and removes body-map regions', () => {
      const engine = engineFor();
      engine.toggle('where', 'neck');
      engine.toggle('where', 'lower-back');
      expect(engine.answers['where']).to.deep.equal(['neck', 'lower-back']);
      engine.toggle('where', 'neck');
      expect(engine.answers['where']).to.deep.equal(['lower-back']);
    });

    it('throws a RangeError for an unknown option or region', () => {
      const engine = engineFor();
      expect(() => engine.toggle('aids', 'wheelchair')).to.throw(RangeError);
      expect(() => engine.toggle('where', 'elbow')).to.throw(RangeError);
    });

    it('throws a RangeError for an item without options to toggle', () => {
      expect(() => engineFor().toggle('pain', 3)).to.throw(RangeError);
    });
  });

  describe('pages', () => {
    const pageIds = (engine: QuestionnaireEngine) => engine.pages.map((page) => page.items.map((item) => item.id));

    it('gives every question its own page, with a display item on the page of the question after it', () => {
      expect(pageIds(engineFor('paged'))).to.deep.equal([
        ['intro', 'mood'], ['aids'], ['pain'], ['line'], ['age'], ['weight'], ['notes'], ['onset'], ['next-visit'], ['where'],
        ['sleep-a'], ['g1'], ['g2'],
      ]);
    });

    it('keeps the enabled children of a page item together on one page, with its text as context', () => {
      const engine = engineFor('paged');
      engine.answer('sleep-a', 1);
      const index = engine.pageOf('sleep-a');
      expect(engine.pageOf('sleep-b')).to.equal(index);
      expect(engine.pages[index]!.items.map((item) => item.id)).to.deep.equal(['sleep-a', 'sleep-b']);
      expect(engine.pages[index]!.context).to.deep.equal({ en: 'About your sleep' });
      expect(engine.pages).to.have.length(13);
    });

    it('gives the questions of a group a page each, with the group\'s stem as context', () => {
      const engine = engineFor('paged');
      expect(engine.pageOf('g2')).to.equal(engine.pageOf('g1') + 1);
      expect(engine.pages[engine.pageOf('g2')]!.context).to.deep.equal({ en: 'Over the last 2 weeks' });
    });

    it('shows every top-level item on one page in the list layout', () => {
      const engine = engineFor('list');
      expect(engine.pages).to.have.length(1);
      expect(engine.pageOf('sleep-a')).to.equal(0);
      expect(engine.pageOf('g2')).to.equal(0);
    });
  });

  describe('restore', () => {
    it('keeps valid saved answers and drops invalid ones', () => {
      const engine = engineFor();
      const dropped = engine.restore({
        answers: {
          mood: 5,
          aids: ['none', 'cane'],
          pain: 11,
          line: 50,
          age: 17,
          weight: 70,
          notes: 'far too long',
          onset: '2024-06-16',
          where: ['elbow'],
          'next-visit': '2024-07-01',
          gone: 1,
        },
        pageIndex: 0,
      });
      expect(dropped).to.have.members(['mood', 'aids', 'pain', 'age', 'notes', 'onset', 'where', 'gone']);
      expect(engine.answers).to.deep.equal({ line: 50, weight: 70, 'next-visit': '2024-07-01' });
    });

    it('drops blank saved answers', () => {
      const engine = engineFor();
      expect(engine.restore({ answers: { notes: '  ', aids: [] }, pageIndex: 0 })).to.have.members(['notes', 'aids']);
      expect(engine.answers).to.deep.equal({});
    });

    it('drops saved answers of items that the other answers hide', () => {
      const engine = engineFor();
      expect(engine.restore({ answers: { 'sleep-a': 0, 'sleep-b': 1 }, pageIndex: 0 })).to.deep.equal(['sleep-b']);
      expect(engine.answers).to.deep.equal({ 'sleep-a': 0 });
    });

    it('drops a saved date that names no calendar day', () => {
      const engine = engineFor();
      expect(engine.restore({ answers: { onset: '2024-02-30', 'next-visit': '2024-13-01' }, pageIndex: 0 })).to.have.members(['onset', 'next-visit']);
      expect(engine.answers).to.deep.equal({});
    });
  });
});
