import { expect } from '@open-wc/testing';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { ContentError } from '../../src/model/content-error.js';
import type { Answers, Instrument } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { classify, raisedFlags } from '../../src/scoring/rules.js';
import { bandOf, scoreAnswers } from '../../src/scoring/score.js';
import { bands, build, choice, choices, en, instrument, multiChoice, question, scale, type Json } from '../helpers/instrument-builder.js';

/** The value of one scale for these answers. */
const valueOf = (instrument: Instrument, answers: Answers, scaleId = 'total') => scoreAnswers(instrument, answers)[scaleId]!.value;

/** Answers `prefix1…prefixN` with the given values, leaving `undefined` ones unanswered. */
const answersFor = (prefix: string, values: readonly (number | undefined)[]): Record<string, number> =>
  Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[`${prefix}${i + 1}`, v]])));

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

describe('scoring language', () => {
  describe('sum', () => {
    const sum = build({ items: choices('q', 3, 0, 3), scales: [scale('total', 'sum', ids('q', 3), [0, 9])] });

    it('adds the item scores', () => {
      expect(valueOf(sum, answersFor('q', [1, 2, 3]))).to.equal(6);
    });

    it('gives no score when an item is unanswered and there is no missing-item rule, naming the item', () => {
      expect(scoreAnswers(sum, answersFor('q', [1, undefined, 3]))['total']).to.deep.equal({ value: null, missing: ['q2'] });
    });

    it('counts only the scale\'s own items', () => {
      const partial = build({ items: choices('q', 3, 0, 3), scales: [scale('total', 'sum', ['q1', 'q3'], [0, 6])] });
      expect(valueOf(partial, answersFor('q', [1, 3, 2]))).to.equal(3);
    });
  });

  describe('mean', () => {
    // PEG-3 style: the mean of three 0–10 ratings (Krebs et al. 2009).
    const peg = build({
      items: ['pain', 'enjoyment', 'activity'].map((id) => question(id, 'nrs')),
      scales: [scale('total', 'mean', ['pain', 'enjoyment', 'activity'], [0, 10])],
    });

    it('averages the item scores', () => {
      expect(valueOf(peg, { pain: 4, enjoyment: 5, activity: 9 })).to.equal(6);
    });

    it('keeps fractions', () => {
      expect(valueOf(peg, { pain: 1, enjoyment: 2, activity: 2 })).to.be.closeTo(5 / 3, 1e-12);
    });

    it('averages over the answered items when the missing-item rule allows gaps', () => {
      const lenient = build({
        items: ['pain', 'enjoyment', 'activity'].map((id) => question(id, 'nrs')),
        scales: [scale('total', 'mean', ['pain', 'enjoyment', 'activity'], [0, 10], { missing: { minAnswered: 2 } })],
      });
      expect(valueOf(lenient, { pain: 3, activity: 8 })).to.equal(5.5);
    });
  });

  describe('percent (ODI 2.1a: sum ÷ (5 × answered items) × 100)', () => {
    const odi = build({
      items: choices('odi', 10, 0, 5),
      scales: [scale('total', 'percent', ids('odi', 10), [0, 100], { missing: { minAnswered: 9 } })],
    });

    it('gives the sum as a percentage of 50 when all 10 items are answered', () => {
      expect(valueOf(odi, answersFor('odi', [5, 5, 5, 5, 5, 0, 0, 0, 0, 0]))).to.equal(50);
    });

    it('gives whole percentages exactly, with no floating-point remainder (7, 14, 28, 29 of 50)', () => {
      for (const sum of [7, 14, 28, 29]) {
        const answers = Array.from({ length: 10 }, (_, i) => Math.min(5, Math.max(0, sum - 5 * i)));
        expect(valueOf(odi, answersFor('odi', answers)), `${sum} of 50`).to.equal(sum * 2);
      }
    });

    it('takes the percentage of 45 when 9 items are answered (9 answered summing to 18 → 40)', () => {
      expect(valueOf(odi, answersFor('odi', [2, 2, 2, 2, 2, 2, 2, 2, 2, undefined]))).to.equal(40);
    });

    it('gives 100 for the highest answer on every answered item', () => {
      expect(valueOf(odi, answersFor('odi', [5, 5, 5, 5, undefined, 5, 5, 5, 5, 5]))).to.equal(100);
    });

    it('gives no score with 8 of 10 answered', () => {
      expect(valueOf(odi, answersFor('odi', [5, 5, 5, 5, 5, 5, 5, 5]))).to.equal(null);
    });
  });

  describe('weights', () => {
    const weighted = (method: string, range: [number, number]) =>
      build({ items: choices('q', 2, 0, 3), scales: [scale('total', method, ['q1', 'q2'], range, { weights: { q1: 2 } })] });

    it('multiplies an item\'s score by its weight in a sum, other items weighing 1', () => {
      expect(valueOf(weighted('sum', [0, 9]), { q1: 3, q2: 1 })).to.equal(7);
    });

    it('divides a weighted mean by the total weight', () => {
      expect(valueOf(weighted('mean', [0, 3]), { q1: 3, q2: 0 })).to.equal(2);
    });

    it('never scores NaN: an answered item of weight 0 is either refused by the parser or gives a number or null', () => {
      const json = instrument({ items: choices('q', 2, 0, 3), scales: [scale('total', 'mean', ['q1', 'q2'], [0, 3], { weights: { q1: 0 }, missing: { minAnswered: 1 } })] });
      let zeroWeighted: Instrument;
      try {
        zeroWeighted = parseInstrument(json);
      } catch (error) {
        expect(error).to.be.instanceOf(ContentError);
        return;
      }
      const value = valueOf(zeroWeighted, { q1: 2 });
      expect(value === null || Number.isFinite(value), `scored ${value}`).to.equal(true);
    });

    it('weighs the highest possible score too in a percentage', () => {
      // (2 × 3 + 0) ÷ (2 × 3 + 3) = 6/9.
      expect(valueOf(weighted('percent', [0, 100]), { q1: 3, q2: 0 })).to.be.closeTo(200 / 3, 1e-9);
    });
  });

  describe('reverse (min + max − score over the item\'s own answer range)', () => {
    const reversed = build({
      items: [
        ...choices('zero', 1, 0, 4),
        ...choices('one', 1, 1, 4),
        question('rating', 'nrs'),
        question('line', 'vas'),
        question('hours', 'integer', { min: 2, max: 12 }),
        choice('scored', [{ value: 'a', score: 10 }, { value: 'b', score: 20 }, { value: 'c', score: 50 }]),
      ],
      scales: [
        scale('zero', 'sum', ['zero1'], [0, 4], { reverse: ['zero1'] }),
        scale('one', 'sum', ['one1'], [1, 4], { reverse: ['one1'] }),
        scale('rating', 'sum', ['rating'], [0, 10], { reverse: ['rating'] }),
        scale('line', 'sum', ['line'], [0, 100], { reverse: ['line'] }),
        scale('hours', 'sum', ['hours'], [2, 12], { reverse: ['hours'] }),
        scale('scored', 'sum', ['scored'], [10, 50], { reverse: ['scored'] }),
        scale('mixed', 'sum', ['zero1', 'rating'], [0, 14], { reverse: ['rating'] }),
      ],
    });

    it('scores a 0–4 item answered 1 as 3', () => {
      expect(valueOf(reversed, { zero1: 1 }, 'zero')).to.equal(3);
    });

    it('scores a 1–4 item answered 1 as 4 (TSK style), not 3', () => {
      expect(valueOf(reversed, { one1: 1 }, 'one')).to.equal(4);
    });

    it('reverses an nrs as 10 − x (ÖMPSQ style)', () => {
      expect(valueOf(reversed, { rating: 2 }, 'rating')).to.equal(8);
      expect(valueOf(reversed, { rating: 10 }, 'rating')).to.equal(0);
    });

    it('reverses a vas as 100 − x', () => {
      expect(valueOf(reversed, { line: 30 }, 'line')).to.equal(70);
    });

    it('reverses a bounded integer within its min and max', () => {
      expect(valueOf(reversed, { hours: 3 }, 'hours')).to.equal(11);
    });

    it('reverses over option scores, not option values', () => {
      expect(valueOf(reversed, { scored: 'a' }, 'scored')).to.equal(50);
    });

    it('leaves the items that are not listed alone', () => {
      expect(valueOf(reversed, { zero1: 1, rating: 2 }, 'mixed')).to.equal(9);
    });
  });

  describe('missing-item rule', () => {
    const withRule = (missing: Json) =>
      build({ items: choices('q', 10, 0, 4), scales: [scale('total', 'sum', ids('q', 10), [0, 40], { missing })] });

    it('sums the answered items when at least minAnswered are answered', () => {
      const lenient = withRule({ minAnswered: 8 });
      expect(valueOf(lenient, answersFor('q', [2, 2, 2, 2, 2, 2, 2, 2]))).to.equal(16);
    });

    it('gives no score below minAnswered', () => {
      const lenient = withRule({ minAnswered: 8 });
      expect(valueOf(lenient, answersFor('q', [2, 2, 2, 2, 2, 2, 2]))).to.equal(null);
    });

    it('prorates a sum when 8 of 10 items are answered (summing to 16 → 20)', () => {
      const prorated = withRule({ minAnswered: 8, prorate: true });
      expect(valueOf(prorated, answersFor('q', [4, 4, 0, 0, 2, 2, 2, 2]))).to.equal(20);
    });

    it('does not prorate a complete answer set', () => {
      const prorated = withRule({ minAnswered: 8, prorate: true });
      expect(valueOf(prorated, answersFor('q', [4, 4, 4, 4, 4, 4, 4, 4, 4, 3]))).to.equal(39);
    });

    it('does not prorate below minAnswered either', () => {
      const prorated = withRule({ minAnswered: 8, prorate: true });
      expect(valueOf(prorated, answersFor('q', [4, 4, 4, 4, 4, 4, 4]))).to.equal(null);
    });

    it('counts an item as answered only when its answer has a score', () => {
      // A text answer to a scored choice id cannot happen through the engine, but a host may pass one.
      const lenient = withRule({ minAnswered: 9 });
      expect(valueOf(lenient, { ...answersFor('q', [1, 1, 1, 1, 1, 1, 1, 1, 1]), q10: 'nonsense' })).to.equal(9);
      expect(valueOf(lenient, { ...answersFor('q', [1, 1, 1, 1, 1, 1, 1, 1]), q10: 'nonsense' })).to.equal(null);
    });
  });

  describe('multiply, divide, round', () => {
    it('multiplies the raw WHO-5 sum by 4 (0–25 → 0–100)', () => {
      const who5 = build({ items: choices('who', 5, 0, 5), scales: [scale('total', 'sum', ids('who', 5), [0, 100], { multiply: 4 })] });
      expect(valueOf(who5, answersFor('who', [3, 3, 2, 3, 2]))).to.equal(52);
      expect(valueOf(who5, answersFor('who', [5, 5, 5, 5, 5]))).to.equal(100);
    });

    it('divides the FIQR function sum by 3 (0–90 → 0–30)', () => {
      const fiqr = build({ items: choices('f', 9, 0, 10), scales: [scale('total', 'sum', ids('f', 9), [0, 30], { divide: 3 })] });
      expect(valueOf(fiqr, answersFor('f', [5, 5, 5, 5, 5, 5, 5, 5, 5]))).to.equal(15);
      expect(valueOf(fiqr, answersFor('f', [10, 10, 0, 0, 0, 0, 0, 0, 0]))).to.be.closeTo(20 / 3, 1e-12);
    });

    it('rounds to the given number of decimals', () => {
      const rounded = (round: number) =>
        build({ items: choices('f', 9, 0, 10), scales: [scale('total', 'sum', ids('f', 9), [0, 30], { divide: 3, round })] });
      const twenty = answersFor('f', [10, 10, 0, 0, 0, 0, 0, 0, 0]);
      expect(valueOf(rounded(0), twenty)).to.equal(7);
      expect(valueOf(rounded(1), twenty)).to.equal(6.7);
      expect(valueOf(rounded(2), twenty)).to.equal(6.67);
    });

    it('rounds a half up, even when floating point stores it just below (1.005 → 1.01)', () => {
      const decimal = build({ items: [question('x', 'decimal', { min: 0, max: 10 })], scales: [scale('total', 'sum', ['x'], [0, 10], { round: 2 })] });
      expect(valueOf(decimal, { x: 1.005 })).to.equal(1.01);
      expect(valueOf(decimal, { x: 2.5 })).to.equal(2.5);
    });

    it('multiplies, then divides, then rounds', () => {
      // 1 × 10 ÷ 4 = 2.5 → 3; rounding before multiplying would give 0.
      const ordered = build({ items: choices('q', 1, 0, 3), scales: [scale('total', 'sum', ['q1'], [0, 8], { multiply: 10, divide: 4, round: 0 })] });
      expect(valueOf(ordered, { q1: 1 })).to.equal(3);
    });
  });

  describe('lookup (raw → score)', () => {
    // PROMIS-style raw sum → T-score; the numbers are illustrative, not the HealthMeasures table.
    const table: [number, number][] = [[4, 41.6], [5, 49.6], [6, 52.0], [7, 53.9], [8, 55.6]];
    const promis = build({
      items: choices('pi', 4, 1, 5),
      scales: [scale('t', 'sum', ids('pi', 4), [40, 80], { lookup: table, bands: bands(['within-normal', 40, 54.9], ['mild', 55, 80]) })],
    });

    it('replaces the raw score by its table entry', () => {
      expect(scoreAnswers(promis, answersFor('pi', [1, 1, 1, 2]))['t']).to.deep.equal({ value: 49.6, band: 'within-normal' });
    });

    it('bands the looked-up score, not the raw one', () => {
      expect(scoreAnswers(promis, answersFor('pi', [2, 2, 2, 2]))['t']).to.deep.equal({ value: 55.6, band: 'mild' });
    });

    it('gives no score for a raw score missing from the table', () => {
      expect(scoreAnswers(promis, answersFor('pi', [5, 5, 5, 5]))['t']).to.deep.equal({ value: null });
    });

    it('looks up the rounded value', () => {
      const rounded = build({
        items: choices('q', 2, 0, 4),
        scales: [scale('total', 'mean', ['q1', 'q2'], [0, 100], { round: 0, lookup: [[1, 10], [2, 50]] })],
      });
      expect(valueOf(rounded, { q1: 1, q2: 2 })).to.equal(50);
    });
  });

  describe('answer scores', () => {
    // STarT Back item 9 (bothersomeness): five options, only "very much" and "extremely" score 1 (Hill et al. 2008).
    const bothersome = build({
      items: [
        choice('bother', [
          { value: 1, score: 0 },
          { value: 2, score: 0 },
          { value: 3, score: 0 },
          { value: 4, score: 1 },
          { value: 5, score: 1 },
        ]),
      ],
      scales: [scale('total', 'sum', ['bother'], [0, 1])],
    });

    it('counts an option\'s score instead of its value', () => {
      expect([1, 2, 3, 4, 5].map((value) => valueOf(bothersome, { bother: value }))).to.deep.equal([0, 0, 0, 1, 1]);
    });

    it('scores options whose values are words', () => {
      const worded = build({
        items: [choice('agree', [{ value: 'disagree', score: 0 }, { value: 'agree', score: 1 }])],
        scales: [scale('total', 'sum', ['agree'], [0, 1])],
      });
      expect(valueOf(worded, { agree: 'agree' })).to.equal(1);
      expect(valueOf(worded, { agree: 'disagree' })).to.equal(0);
    });
  });

  describe('multi-choice', () => {
    const aids = build({
      items: [
        multiChoice('aids', [
          { value: 'cane', score: 1 },
          { value: 'crutches', score: 2 },
          { value: 'wheelchair', score: 4 },
          { value: 'none', score: 0, exclusive: true },
        ]),
        multiChoice('plain', [1, 2, 4]),
      ],
      scales: [scale('total', 'sum', ['aids'], [0, 7]), scale('plain', 'sum', ['plain'], [0, 7])],
    });

    it('sums the scores of the chosen options', () => {
      expect(valueOf(aids, { aids: ['cane', 'wheelchair'] })).to.equal(5);
    });

    it('sums the numeric values of options without a score', () => {
      expect(valueOf(aids, { plain: [2, 4] }, 'plain')).to.equal(6);
    });

    it('scores the exclusive option alone after toggling it on top of others', () => {
      const engine = new QuestionnaireEngine(aids);
      engine.toggle('aids', 'cane');
      engine.toggle('aids', 'crutches');
      expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(3);
      engine.toggle('aids', 'none');
      expect(engine.answers['aids']).to.deep.equal(['none']);
      expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(0);
    });
  });

  describe('body-map', () => {
    const wpi = build({ items: [question('where', 'body-map')], scales: [scale('wpi', 'sum', ['where'], [0, 19])] });

    it('scores the number of regions chosen', () => {
      expect(valueOf(wpi, { where: ['neck', 'lower-back', 'hip-left'] }, 'wpi')).to.equal(3);
    });

    it('scores all 19 ACR 2016 regions as 19', () => {
      const all = [
        'jaw-left', 'shoulder-girdle-left', 'upper-arm-left', 'lower-arm-left', 'jaw-right', 'shoulder-girdle-right', 'upper-arm-right',
        'lower-arm-right', 'hip-left', 'upper-leg-left', 'lower-leg-left', 'hip-right', 'upper-leg-right', 'lower-leg-right', 'neck',
        'upper-back', 'lower-back', 'chest', 'abdomen',
      ];
      expect(valueOf(wpi, { where: all }, 'wpi')).to.equal(19);
    });
  });

  describe('region-groups (ACR 2016 generalized pain, Wolfe et al. 2016)', () => {
    const generalized = build({
      items: [question('where', 'body-map')],
      scales: [
        scale('groups', 'region-groups', ['where'], [0, 5], { exclude: ['jaw-left', 'jaw-right', 'chest', 'abdomen'] }),
        scale('all-groups', 'region-groups', ['where'], [0, 5]),
      ],
    });

    it('counts each of the five groups with a region in pain once', () => {
      const where = ['shoulder-girdle-left', 'upper-arm-left', 'lower-arm-right', 'hip-left', 'lower-leg-left'];
      expect(valueOf(generalized, { where }, 'groups')).to.equal(3);
    });

    it('counts 4 of 5 groups', () => {
      expect(valueOf(generalized, { where: ['upper-arm-left', 'upper-arm-right', 'hip-left', 'neck'] }, 'groups')).to.equal(4);
    });

    it('does not count jaw, chest and abdomen toward generalized pain', () => {
      const where = ['jaw-left', 'jaw-right', 'chest', 'abdomen', 'hip-right'];
      expect(valueOf(generalized, { where }, 'groups')).to.equal(1);
      expect(valueOf(generalized, { where }, 'all-groups')).to.equal(4);
    });

    it('gives no score when the body map is unanswered', () => {
      expect(valueOf(generalized, {}, 'groups')).to.equal(null);
    });
  });

  describe('bands', () => {
    const banded = build({
      items: [question('a', 'integer', { min: 0, max: 27 }), question('b', 'integer', { min: 0, max: 27 })],
      scales: [
        scale('total', 'mean', ['a', 'b'], [0, 27], {
          bands: bands(['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['moderately-severe', 15, 19], ['severe', 20, 27]),
        }),
      ],
    });
    const total = banded.scoring.scales[0]!;

    it('puts a score in the last band starting at or below it: a mean of 4.5 is in the first band', () => {
      expect(bandOf(total, 4.5)?.id).to.equal('minimal');
      expect(scoreAnswers(banded, { a: 4, b: 5 })['total']).to.deep.equal({ value: 4.5, band: 'minimal' });
    });

    it('puts every band\'s lowest and highest score in that band', () => {
      const boundaries = [0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map((value) => bandOf(total, value)?.id);
      expect(boundaries).to.deep.equal([
        'minimal', 'minimal', 'mild', 'mild', 'moderate', 'moderate', 'moderately-severe', 'moderately-severe', 'severe', 'severe',
      ]);
    });

    it('puts a score between two bands in the lower one', () => {
      expect(bandOf(total, 9.5)?.id).to.equal('mild');
      expect(bandOf(total, 19.99)?.id).to.equal('moderately-severe');
    });

    it('has no band below the first', () => {
      expect(bandOf(total, -1)).to.equal(undefined);
    });

    it('leaves out the band of a scale without a score', () => {
      expect(scoreAnswers(banded, { a: 4 })['total']).to.deep.equal({ value: null, missing: ['b'] });
    });
  });

  describe('change vs MCID', () => {
    const phqLike = build({
      items: choices('q', 9, 0, 3),
      scales: [scale('total', 'sum', ids('q', 9), [0, 27], { mcid: { value: 5, improvement: 'decrease', source: 'Löwe et al. 2004' } })],
    });
    const who5 = build({
      items: choices('who', 5, 0, 5),
      scales: [scale('total', 'sum', ids('who', 5), [0, 100], { multiply: 4, mcid: { value: 10, improvement: 'increase', source: 'Topp et al. 2015' } })],
    });
    const total = (instrument: Instrument, answers: Answers, previous: number | null) =>
      scoreAnswers(instrument, answers, { total: { value: previous } })['total']!;
    // Nine 0–3 answers adding up to `sum`.
    const phqAnswers = (sum: number) => answersFor('q', Array.from({ length: 9 }, (_, i) => Math.max(0, Math.min(3, sum - 3 * i))));

    it('gives the change as current − previous', () => {
      expect(total(phqLike, phqAnswers(13), 18)).to.include({ value: 13, change: -5 });
      expect(total(phqLike, phqAnswers(20), 18)).to.include({ value: 20, change: 2 });
    });

    it('reaches the MCID with a decrease of at least the MCID on a scale where lower is better', () => {
      expect(total(phqLike, phqAnswers(13), 18).mcidReached).to.equal(true);
      expect(total(phqLike, phqAnswers(10), 18).mcidReached).to.equal(true);
      expect(total(phqLike, phqAnswers(14), 18).mcidReached).to.equal(false);
    });

    it('does not reach the MCID with an equally large worsening', () => {
      expect(total(phqLike, phqAnswers(23), 18)).to.include({ change: 5, mcidReached: false });
    });

    it('reaches the MCID with an increase on a scale where higher is better (WHO-5)', () => {
      expect(total(who5, answersFor('who', [3, 3, 2, 2, 2]), 38)).to.include({ value: 48, change: 10, mcidReached: true });
      expect(total(who5, answersFor('who', [3, 3, 2, 2, 1]), 38)).to.include({ value: 44, change: 6, mcidReached: false });
      expect(total(who5, answersFor('who', [2, 2, 2, 1, 0]), 38)).to.include({ value: 28, change: -10, mcidReached: false });
    });

    it('reports no change when the previous score is null', () => {
      const score = total(phqLike, phqAnswers(13), null);
      expect(score).to.not.have.property('change');
      expect(score).to.not.have.property('mcidReached');
    });

    it('reports no change when the current score is null', () => {
      const answers: Record<string, number> = phqAnswers(13);
      delete answers['q9'];
      expect(total(phqLike, answers, 18)).to.deep.equal({ value: null, missing: ['q9'] });
    });

    it('reports no change for a scale the previous scores do not mention', () => {
      expect(scoreAnswers(phqLike, phqAnswers(13), {})['total']).to.deep.equal({ value: 13 });
    });

    it('reports the change but no MCID verdict for a scale without an MCID', () => {
      const plain = build({ items: choices('q', 1, 0, 3), scales: [scale('total', 'sum', ['q1'], [0, 3])] });
      expect(total(plain, { q1: 1 }, 3)).to.deep.equal({ value: 1, change: -2 });
    });

    it('reaches the MCID with an improvement of exactly the MCID between one-decimal T-scores (64.1 → 61.1, MCID 3)', () => {
      // PROMIS T-scores carry one decimal and an MCID of 2–3 points; 61.1 − 64.1 in floating point is −2.999999999999993.
      const promis = build({
        items: choices('pi', 1, 1, 5),
        scales: [
          scale('total', 'sum', ['pi1'], [40, 80], {
            lookup: [[1, 40.7], [2, 61.1], [3, 64.1], [4, 70.2], [5, 78.3]],
            mcid: { value: 3, improvement: 'decrease', source: 'illustrative' },
          }),
        ],
      });
      const score = total(promis, { pi1: 2 }, 64.1);
      expect(score.change).to.be.closeTo(-3, 1e-9);
      expect(score.mcidReached).to.equal(true);
    });
  });

  describe('classifications: STarT Back Screening Tool (Hill et al. 2008, Arthritis Rheum 59:632–641)', () => {
    // Items 1–8 agree (1) / disagree (0); item 9, bothersomeness, scores 1 only for "very much" and
    // "extremely". Total ≤ 3 → low risk; otherwise psychosocial subscale (items 5–9) ≥ 4 → high, else medium.
    const startBack = build({
      id: 'start-back',
      items: [
        ...choices('sb', 8, 0, 1),
        choice('sb9', [
          { value: 'not-at-all', score: 0 },
          { value: 'slightly', score: 0 },
          { value: 'moderately', score: 0 },
          { value: 'very-much', score: 1 },
          { value: 'extremely', score: 1 },
        ]),
      ],
      scales: [scale('total', 'sum', ids('sb', 9), [0, 9]), scale('psychosocial', 'sum', ['sb5', 'sb6', 'sb7', 'sb8', 'sb9'], [0, 5])],
      classifications: [
        {
          id: 'risk',
          name: en('STarT Back risk group'),
          classes: [{ id: 'low', label: en('Low risk') }, { id: 'medium', label: en('Medium risk') }, { id: 'high', label: en('High risk') }],
          rules: [
            { when: { scale: 'total', operator: '<=', value: 3 }, class: 'low' },
            { when: { scale: 'psychosocial', operator: '>=', value: 4 }, class: 'high' },
            { class: 'medium' },
          ],
          source: 'Hill JC et al. Arthritis Rheum. 2008;59(5):632-641',
        },
      ],
    });
    const risk = (agreed: readonly number[], bother = 'not-at-all') => {
      const answers = { ...Object.fromEntries(ids('sb', 8).map((id, i) => [id, agreed.includes(i + 1) ? 1 : 0])), sb9: bother };
      return classify(startBack, answers, scoreAnswers(startBack, answers))['risk'];
    };

    it('is low risk with no item agreed', () => {
      expect(risk([])).to.equal('low');
    });

    it('is low risk at a total of 3, even when all 3 are psychosocial items', () => {
      expect(risk([5, 6, 7])).to.equal('low');
    });

    it('is medium risk at a total of 4 with a psychosocial subscale of 3', () => {
      expect(risk([1, 5, 6, 7])).to.equal('medium');
    });

    it('is medium risk at the highest total with a psychosocial subscale of 3', () => {
      expect(risk([1, 2, 3, 4, 5, 6, 7], 'moderately')).to.equal('medium');
    });

    it('is high risk at a psychosocial subscale of 4', () => {
      expect(risk([5, 6, 7, 8])).to.equal('high');
    });

    it('counts "very much" bothersome toward the psychosocial subscale, but not "moderately"', () => {
      expect(risk([5, 6, 7], 'moderately')).to.equal('low');
      expect(risk([5, 6, 7], 'very-much')).to.equal('high');
      expect(risk([1, 5, 6, 7], 'extremely')).to.equal('high');
    });

    it('is null when an item is unanswered, so no scale has a score', () => {
      const answers = { sb1: 1, sb2: 1, sb3: 1, sb4: 1, sb5: 1, sb6: 1, sb7: 1, sb8: 1 };
      expect(classify(startBack, answers, scoreAnswers(startBack, answers))).to.deep.equal({ risk: null });
    });
  });

  describe('classifications: ACR 2016 fibromyalgia criteria (Wolfe et al. 2016, Semin Arthritis Rheum 46:319–329)', () => {
    // WPI: number of painful regions (0–19). SSS: fatigue, waking unrefreshed, cognitive symptoms 0–3
    // plus headaches, lower abdominal pain or cramps, depression 0/1 (0–12). Criteria met when
    // (WPI ≥ 7 and SSS ≥ 5) or (WPI 4–6 and SSS ≥ 9), generalized pain in ≥ 4 of 5 regions
    // (jaw, chest, abdomen not counted) and symptoms at a similar level for ≥ 3 months.
    const severity = ['fatigue', 'unrefreshed', 'cognitive'];
    const somatic = ['headaches', 'abdominal', 'depression'];
    const acr = build({
      id: 'acr-2016',
      items: [
        question('wpi', 'body-map'),
        ...severity.map((id) => choice(id, [0, 1, 2, 3])),
        ...somatic.map((id) => choice(id, [0, 1])),
        choice('three-months', ['yes', 'no']),
      ],
      scales: [
        scale('wpi', 'sum', ['wpi'], [0, 19]),
        scale('sss', 'sum', [...severity, ...somatic], [0, 12]),
        scale('generalized', 'region-groups', ['wpi'], [0, 5], { exclude: ['jaw-left', 'jaw-right', 'chest', 'abdomen'] }),
      ],
      classifications: [
        {
          id: 'fibromyalgia',
          name: en('ACR 2016 fibromyalgia criteria'),
          classes: [{ id: 'criteria-met', label: en('Criteria met') }, { id: 'criteria-not-met', label: en('Criteria not met') }],
          rules: [
            {
              when: {
                all: [
                  {
                    any: [
                      { all: [{ scale: 'wpi', operator: '>=', value: 7 }, { scale: 'sss', operator: '>=', value: 5 }] },
                      {
                        all: [
                          { scale: 'wpi', operator: '>=', value: 4 },
                          { scale: 'wpi', operator: '<=', value: 6 },
                          { scale: 'sss', operator: '>=', value: 9 },
                        ],
                      },
                    ],
                  },
                  { scale: 'generalized', operator: '>=', value: 4 },
                  { item: 'three-months', operator: '=', value: 'yes' },
                ],
              },
              class: 'criteria-met',
            },
            { class: 'criteria-not-met' },
          ],
          source: 'Wolfe F et al. Semin Arthritis Rheum. 2016;46(3):319-329',
        },
      ],
    });
    /** SSS answers adding up to `sss` (severity items first, then the yes/no items). */
    const sssAnswers = (sss: number) => {
      let left = sss;
      const take = (max: number) => {
        const value = Math.min(max, left);
        left -= value;
        return value;
      };
      return { ...Object.fromEntries(severity.map((id) => [id, take(3)])), ...Object.fromEntries(somatic.map((id) => [id, take(1)])) };
    };
    // One region in each of the five groups first, then more in the same groups.
    const spread = ['shoulder-girdle-left', 'shoulder-girdle-right', 'hip-left', 'hip-right', 'neck', 'upper-arm-left', 'upper-arm-right', 'lower-back'];
    const criteria = (wpi: readonly string[], sss: number, threeMonths: string | null = 'yes') => {
      const answers: Answers = { wpi, ...sssAnswers(sss), ...(threeMonths && { 'three-months': threeMonths }) };
      const scores = scoreAnswers(acr, answers);
      return classify(acr, answers, scores)['fibromyalgia'];
    };

    it('scores WPI as the number of regions and SSS as the sum of its six items', () => {
      const scores = scoreAnswers(acr, { wpi: spread.slice(0, 7), ...sssAnswers(12) });
      expect(scores['wpi']!.value).to.equal(7);
      expect(scores['sss']!.value).to.equal(12);
      expect(scores['generalized']!.value).to.equal(5);
    });

    it('is met with WPI 7 and SSS 5 in 5 groups for 3 months', () => {
      expect(criteria(spread.slice(0, 7), 5)).to.equal('criteria-met');
    });

    it('is not met with WPI 7 and SSS 4', () => {
      expect(criteria(spread.slice(0, 7), 4)).to.equal('criteria-not-met');
    });

    it('is not met with WPI 6 and SSS 8, and met with WPI 6 and SSS 9', () => {
      expect(criteria(spread.slice(0, 6), 8)).to.equal('criteria-not-met');
      expect(criteria(spread.slice(0, 6), 9)).to.equal('criteria-met');
    });

    it('is met with WPI 4 and SSS 9 when the 4 regions lie in 4 groups', () => {
      expect(criteria(spread.slice(0, 4), 9)).to.equal('criteria-met');
    });

    it('is not met with WPI 3, whatever the SSS', () => {
      expect(criteria(spread.slice(0, 3), 12)).to.equal('criteria-not-met');
    });

    it('is not met when pain is in only 3 groups, however many regions', () => {
      const threeGroups = ['shoulder-girdle-left', 'upper-arm-left', 'lower-arm-left', 'shoulder-girdle-right', 'upper-arm-right', 'lower-arm-right', 'neck'];
      expect(criteria(threeGroups, 12)).to.equal('criteria-not-met');
    });

    it('is not met when jaw, chest and abdomen make up the other groups', () => {
      const jawChestAbdomen = ['jaw-left', 'jaw-right', 'chest', 'abdomen', 'hip-left', 'hip-right', 'upper-leg-left'];
      expect(criteria(jawChestAbdomen, 12)).to.equal('criteria-not-met');
    });

    it('is not met when symptoms have lasted less than 3 months', () => {
      expect(criteria(spread.slice(0, 7), 12, 'no')).to.equal('criteria-not-met');
    });

    it('is unknown (null) when the duration question is unanswered, rather than "not met"', () => {
      expect(criteria(spread.slice(0, 7), 12, null)).to.equal(null);
    });

    it('is null when the SSS has no score', () => {
      const answers = { wpi: spread.slice(0, 7), fatigue: 3, 'three-months': 'yes' };
      expect(classify(acr, answers, scoreAnswers(acr, answers))['fibromyalgia']).to.equal(null);
    });
  });

  describe('classifications: rules', () => {
    const twoScales = build({
      items: choices('q', 2, 0, 3),
      scales: [scale('a', 'sum', ['q1'], [0, 3]), scale('b', 'sum', ['q2'], [0, 3])],
      classifications: [
        {
          id: 'c',
          name: en('c'),
          classes: [{ id: 'first', label: en('first') }, { id: 'second', label: en('second') }],
          rules: [{ when: { scale: 'a', operator: '>', value: 1 }, class: 'first' }, { when: { scale: 'b', operator: '>', value: 1 }, class: 'second' }],
          source: 'test',
        },
      ],
    });
    const classOf = (answers: Answers) => classify(twoScales, answers, scoreAnswers(twoScales, answers))['c'];

    it('takes the first rule that holds', () => {
      expect(classOf({ q1: 2, q2: 2 })).to.equal('first');
    });

    it('is null when a rule needs a scale without a score, even if a later rule would hold', () => {
      expect(classOf({ q2: 3 })).to.equal(null);
    });

    it('does not need later rules\' scales once a rule holds', () => {
      expect(classOf({ q1: 3 })).to.equal('first');
    });

    it('is null when no rule holds', () => {
      expect(classOf({ q1: 0, q2: 0 })).to.equal(null);
    });
  });

  describe('flags', () => {
    // PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above 0 needs a clinician at once.
    const phq9 = build({
      id: 'phq-9',
      items: choices('phq9-', 9, 0, 3),
      scales: [scale('total', 'sum', ids('phq9-', 9), [0, 27])],
      flags: [
        { id: 'self-harm', when: { item: 'phq9-9', operator: '>', value: 0 }, severity: 'urgent', label: en('Self-harm'), source: 'Kroenke et al. 2001' },
        { id: 'severe', when: { scale: 'total', operator: '>=', value: 20 }, severity: 'attention', label: en('Severe'), source: 'Kroenke et al. 2001' },
      ],
    });

    it('raises self-harm as urgent when item 9 is above 0', () => {
      const engine = new QuestionnaireEngine(phq9);
      engine.answer('phq9-9', 1);
      expect(raisedFlags(phq9, engine.answers, scoreAnswers(engine.instrument, engine.answers))).to.deep.equal([{ id: 'self-harm', severity: 'urgent' }]);
    });

    it('does not raise self-harm when item 9 is 0 or unanswered', () => {
      const zero = answersFor('phq9-', [1, 1, 1, 1, 1, 1, 1, 1, 0]);
      expect(raisedFlags(phq9, zero, scoreAnswers(phq9, zero))).to.deep.equal([]);
      const skipped = answersFor('phq9-', [1, 1, 1, 1, 1, 1, 1, 1]);
      expect(raisedFlags(phq9, skipped, scoreAnswers(phq9, skipped))).to.deep.equal([]);
    });

    it('raises a flag on a scale value', () => {
      const answers = answersFor('phq9-', [3, 3, 3, 3, 3, 3, 2, 0, 0]);
      expect(raisedFlags(phq9, answers, scoreAnswers(phq9, answers))).to.deep.equal([{ id: 'severe', severity: 'attention' }]);
      const below = answersFor('phq9-', [3, 3, 3, 3, 3, 3, 1, 0, 0]);
      expect(raisedFlags(phq9, below, scoreAnswers(phq9, below))).to.deep.equal([]);
    });

    it('does not raise a flag that needs a scale without a score', () => {
      const answers = answersFor('phq9-', [3, 3, 3, 3, 3, 3, 3, 3]);
      expect(scoreAnswers(phq9, answers)['total']!.value).to.equal(null);
      expect(raisedFlags(phq9, answers, scoreAnswers(phq9, answers))).to.deep.equal([]);
    });
  });

  describe('enableWhen and scoring', () => {
    const conditional = build({
      items: [
        choice('pain', [0, 1]),
        question('severity', 'nrs', { enableWhen: [{ item: 'pain', operator: '=', value: 1 }] }),
      ],
      scales: [scale('total', 'sum', ['pain', 'severity'], [0, 11], { missing: { minAnswered: 1 } })],
    });

    it('scores an enabled follow-up question', () => {
      const engine = new QuestionnaireEngine(conditional);
      engine.answer('pain', 1);
      engine.answer('severity', 8);
      expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(9);
    });

    it('drops and never scores the answer of an item that becomes hidden', () => {
      const engine = new QuestionnaireEngine(conditional);
      engine.answer('pain', 1);
      engine.answer('severity', 8);
      expect(engine.answer('pain', 0)).to.deep.equal(['severity']);
      expect(engine.answers).to.deep.equal({ pain: 0 });
      expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(0);
    });

    it('refuses an answer to a hidden item, leaving the score as it was', () => {
      const engine = new QuestionnaireEngine(conditional);
      engine.answer('pain', 0);
      expect(() => engine.answer('severity', 8)).to.throw(RangeError);
      expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(0);
    });

    it('keeps the answer of an item that stays enabled while a hidden item\'s answer is dropped', () => {
      // c shows when a = 1 or when b is unanswered; b shows only when a = 1. Setting a to 0 hides b,
      // so b's answer goes and c stays enabled: c's answer must stay and count.
      const cascade = build({
        items: [
          choice('a', [0, 1]),
          choice('b', [0, 1], { enableWhen: [{ item: 'a', operator: '=', value: 1 }] }),
          choice('c', [0, 1], {
            enableWhen: [{ item: 'b', operator: 'exists', value: false }, { item: 'a', operator: '=', value: 1 }],
            enableBehavior: 'any',
          }),
        ],
        scales: [scale('total', 'sum', ['a', 'c'], [0, 2], { missing: { minAnswered: 1 } })],
      });
      const engine = new QuestionnaireEngine(cascade);
      engine.answer('a', 1);
      engine.answer('b', 1);
      engine.answer('c', 1);
      expect(engine.answer('a', 0)).to.deep.equal(['b']);
      expect(engine.isEnabled('c')).to.equal(true);
      expect(engine.answers).to.deep.equal({ a: 0, c: 1 });
      expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(1);
    });

    it('does not bring back a dropped answer when the item is shown again', () => {
      const engine = new QuestionnaireEngine(conditional);
      engine.answer('pain', 1);
      engine.answer('severity', 8);
      engine.answer('pain', 0);
      engine.answer('pain', 1);
      expect(scoreAnswers(engine.instrument, engine.answers)['total']!.value).to.equal(1);
    });
  });
});
