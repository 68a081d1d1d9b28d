/**
 * The bring-your-own-text instruments: structure, answer values, scoring and sources, without
 * the licence holders' wording.
 * - every file parses and ships no item, answer, scale-end, unit or instruction wording;
 * - each published scoring rule at its minimum, maximum, band boundaries, reversed items and
 *   missing-item rule, each test naming its source;
 * - a host's text pack (placeholders here, never the licensed wording) makes them renderable.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { SubmitDetail } from '../../src/events.js';
import { ContentError } from '../../src/model/content-error.js';
import type { Answers, Instrument } from '../../src/model/instrument.js';
import { isContainer, isQuestion, walkItems } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { applyTextPacks, parseTextPack } from '../../src/model/text-pack.js';
import { classify, raisedFlags } from '../../src/scoring/rules.js';
import { scoreAnswers, type ScaleScore, type Scores } from '../../src/scoring/score.js';
import { deleteAllDatabases, loadJson, nextEvent } from '../helpers/fixtures.js';
import { placeholderPack } from '../helpers/licensed-fixture.js';
import type { Json } from '../helpers/instrument-builder.js';

const FILES = [
  'odi-2.1a', 'rmdq', 'bpi-sf', 'pseq-10', 'pseq-2', 'ompsq-10', 'start-back', 'pcs',
  'tsk-11', 'isi', 'who-5', 'pdi', 'eq-5d-5l', 'promis-pi-6a', 'fiqr',
] as const;
type File = (typeof FILES)[number];

const jsonOf = (file: File) => loadJson(`/content/instruments/${file}.json`);
const load = async (file: File) => parseInstrument(await jsonOf(file));

/** Answers `prefix1…prefixN` with the given values, leaving `undefined` ones unanswered. */
const answersFor = (prefix: string, values: readonly (number | undefined)[]): Record<string, number> =>
  Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[`${prefix}${i + 1}`, v]])));

/** `count` items all answered `value`. */
const all = (prefix: string, count: number, value: number) => answersFor(prefix, Array(count).fill(value));

/** Answers to `prefix1…prefixN` adding up to `total`: items filled from the first, each from `min` up to `max`. */
function adding(prefix: string, count: number, total: number, max: number, min = 0): Record<string, number> {
  let left = total - min * count;
  return answersFor(
    prefix,
    Array.from({ length: count }, () => {
      const extra = Math.min(max - min, left);
      left -= extra;
      return min + extra;
    }),
  );
}

const scoreOf = (instrument: Instrument, answers: Answers, scale = 'total'): ScaleScore => scoreAnswers(instrument, answers)[scale]!;
const valueOf = (instrument: Instrument, answers: Answers, scale = 'total') => scoreOf(instrument, answers, scale).value;
const previous = (scale: string, value: number): Scores => ({ [scale]: { value } });

/** JSON paths of wording anywhere but in our own names, labels and sources (meta, title, scoring). */
function wordingPaths(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => wordingPaths(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(v !== undefined && ['text', 'anchors', 'unit', 'instructions'].includes(key) ? [`${path}.${key}`] : []),
    ...wordingPaths(v, `${path}.${key}`),
  ]);
}

describe('bring-your-own-text instruments', () => {
  describe('every file', () => {
    for (const file of FILES) {
      it(`${file}: parses as bring-your-own-text, with sources and without any wording`, async () => {
        const json = await jsonOf(file);
        const instrument = parseInstrument(json);
        expect(instrument.meta.licence.kind).to.equal('bring-your-own-text');
        expect(instrument.meta.licence.notice['en']).to.be.a('string').and.not.empty;
        expect(instrument.meta.citation).to.not.be.empty;
        expect(instrument.languages).to.deep.equal(['en']);
        expect(instrument.translations['en']!.status).to.equal('draft');
        expect(instrument.scoring.scales.every((s) => s.source.trim() !== '')).to.equal(true);

        const { instructions, items, answerSets } = json;
        expect(wordingPaths({ instructions, items, answerSets }, file)).to.deep.equal([]);
        for (const item of walkItems(instrument.items)) {
          if (!isContainer(item)) expect(item.text, item.id).to.deep.equal({});
          if (item.type === 'choice') expect(item.answers.map((a) => a.text), item.id).to.deep.equal(item.answers.map(() => ({})));
          if (item.type === 'nrs' || item.type === 'vas') expect(item.anchors, item.id).to.deep.equal({ min: {}, max: {} });
        }
      });
    }
  });

  describe('text packs', () => {
    for (const file of FILES) {
      it(`${file}: a placeholder pack gives every question, answer and scale end a text`, async () => {
        const instrument = await load(file);
        const filled = applyTextPacks(instrument, [parseTextPack(placeholderPack(instrument), instrument)]);
        expect(filled.languages).to.deep.equal(['en']);
        for (const item of walkItems(filled.items)) {
          if (!isQuestion(item)) continue;
          expect(item.text['en'], item.id).to.match(/^Item \d+$/);
          if (item.type === 'choice') expect(item.answers.map((a) => a.text['en']), item.id).to.deep.equal(item.answers.map((a) => `Answer ${a.value}`));
          if (item.type === 'nrs' || item.type === 'vas') expect(item.anchors, item.id).to.deep.equal({ min: { en: 'Lowest end' }, max: { en: 'Highest end' } });
        }
      });
    }

    it('refuses a pack that leaves a question without wording', async () => {
      const instrument = await load('ompsq-10');
      const pack = placeholderPack(instrument);
      delete (pack['items'] as Record<string, Json>)['ompsq-8'];
      expect(() => parseTextPack(pack, instrument)).to.throw(ContentError, 'missing the wording of "ompsq-8"');
    });
  });

  describe('ODI 2.1a', () => {
    let odi: Instrument;
    before(async () => {
      odi = await load('odi-2.1a');
    });
    const odiSum = (total: number, answered = 10) => adding('odi-', answered, total, 5);

    it('scores 0% with every section at 0 and 100% with every section at 5 (Fairbank & Pynsent 2000)', () => {
      expect(scoreOf(odi, all('odi-', 10, 0))).to.deep.equal({ value: 0, band: 'minimal' });
      expect(scoreOf(odi, all('odi-', 10, 5))).to.deep.equal({ value: 100, band: 'bed-bound' });
    });

    it('divides by 5 × the answered sections when one is missed: 18 of 45 → 40% (Fairbank & Pynsent 2000)', () => {
      expect(valueOf(odi, odiSum(18, 9))).to.equal(40);
      expect(valueOf(odi, all('odi-', 9, 5))).to.equal(100);
    });

    it('gives no score with two sections missed, naming them (the published rule covers one)', () => {
      expect(scoreOf(odi, all('odi-', 8, 5))).to.deep.equal({ value: null, missing: ['odi-9', 'odi-10'] });
    });

    it('names the missed section beside a score over the nine answered', () => {
      expect(scoreOf(odi, answersFor('odi-', [2, 2, 2, 2, 2, 2, 2, undefined, 2, 2]))).to.deep.equal({ value: 40, band: 'moderate', missing: ['odi-8'] });
    });

    describe('through <pp-questionnaire>', () => {
      beforeEach(deleteAllDatabases);

      /** The ODI with placeholder wording, every section answered 2 by a click except the `skipped` ones, then submitted. */
      async function submitSkipping(skipped: readonly string[]): Promise<SubmitDetail> {
        const json = await jsonOf('odi-2.1a');
        const el = await fixture<PpQuestionnaire>(html`<pp-questionnaire layout="list" draft-key=${`odi-${Math.random()}`}></pp-questionnaire>`);
        el.textPack = placeholderPack(parseInstrument(json));
        el.instrument = json;
        const root = el.shadowRoot!;
        await waitUntil(() => root.querySelectorAll('fieldset').length === 10, 'the ten ODI sections did not render');
        for (let section = 1; section <= 10; section++) {
          const id = `odi-${section}`;
          if (!skipped.includes(id)) root.querySelectorAll<HTMLInputElement>(`[data-item="${id}"] input[type=radio]`)[2]!.click();
        }
        const submitted = nextEvent<SubmitDetail>(el, 'pp-submit');
        [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Submit answers')!.click();
        const { detail } = await submitted;
        detail.waitUntil(Promise.resolve());
        return detail;
      }

      it('submits with the sex-life section skipped, scored over the nine answered: 18 of 45 → 40%', async () => {
        const detail = await submitSkipping(['odi-8']);
        expect(detail.answers).to.not.have.property('odi-8');
        expect(detail.scores['total']).to.deep.equal({ value: 40, band: 'moderate', missing: ['odi-8'] });
      });

      it('submits with two sections skipped without a score, naming both', async () => {
        const detail = await submitSkipping(['odi-8', 'odi-3']);
        expect(Object.keys(detail.answers)).to.have.length(8);
        expect(detail.scores['total']).to.deep.equal({ value: null, missing: ['odi-3', 'odi-8'] });
      });
    });

    it('bands 0-20 / 21-40 / 41-60 / 61-80 / 81-100 at every boundary (Fairbank & Pynsent 2000)', () => {
      const bandOf = (answers: Answers) => scoreOf(odi, answers).band;
      expect([10, 11, 20, 21, 30, 31, 40, 41].map((sum) => bandOf(odiSum(sum)))).to.deep.equal([
        'minimal', 'moderate', 'moderate', 'severe', 'severe', 'very-severe', 'very-severe', 'bed-bound',
      ]);
      // With 9 sections: 9/45 = 20% and 10/45 = 22.2%.
      expect([9, 10].map((sum) => bandOf(odiSum(sum, 9)))).to.deep.equal(['minimal', 'moderate']);
    });

    it('counts a 10-point decrease as the minimal important change (Ostelo et al. 2008)', () => {
      expect(scoreAnswers(odi, odiSum(15), previous('total', 40))['total']).to.include({ value: 30, change: -10, mcidReached: true });
      expect(scoreAnswers(odi, odiSum(16), previous('total', 40))['total']).to.include({ value: 32, mcidReached: false });
    });

    it('carries the LOINC panel 97908-8 and score 97909-6', () => {
      expect(odi.meta.code?.code).to.equal('97908-8');
      expect(odi.scoring.scales[0]!.code?.code).to.equal('97909-6');
    });
  });

  describe('RMDQ', () => {
    let rmdq: Instrument;
    before(async () => {
      rmdq = await load('rmdq');
    });

    it('counts the statements that apply, 0 to 24 (Roland & Morris 1983)', () => {
      expect(valueOf(rmdq, all('rmdq-', 24, 0))).to.equal(0);
      expect(valueOf(rmdq, all('rmdq-', 24, 1))).to.equal(24);
      expect(valueOf(rmdq, adding('rmdq-', 24, 7, 1))).to.equal(7);
    });

    it('gives no score with a statement unanswered (Roland & Morris 1983: no missing-item rule)', () => {
      expect(valueOf(rmdq, all('rmdq-', 23, 1))).to.equal(null);
    });

    it('counts a 5-point decrease as the minimal important change (Ostelo et al. 2008)', () => {
      expect(scoreAnswers(rmdq, adding('rmdq-', 24, 10, 1), previous('total', 15))['total']!.mcidReached).to.equal(true);
      expect(scoreAnswers(rmdq, adding('rmdq-', 24, 11, 1), previous('total', 15))['total']!.mcidReached).to.equal(false);
    });
  });

  describe('BPI short form', () => {
    let bpi: Instrument;
    before(async () => {
      bpi = await load('bpi-sf');
    });
    const severity = (worst: number, least: number, average: number, now: number) => ({ 'bpi-3': worst, 'bpi-4': least, 'bpi-5': average, 'bpi-6': now });
    const interference = (values: readonly (number | undefined)[]) =>
      Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[`bpi-9${'abcdefg'[i]}`, v]])));

    it('keeps the form\'s item numbers and leaves out items 1, 2, 7 and 8 (Cleeland 2009: not scored)', () => {
      const ids = [...walkItems(bpi.items)].filter(isQuestion).map((item) => item.id);
      expect(ids).to.deep.equal(['bpi-3', 'bpi-4', 'bpi-5', 'bpi-6', 'bpi-9a', 'bpi-9b', 'bpi-9c', 'bpi-9d', 'bpi-9e', 'bpi-9f', 'bpi-9g']);
    });

    it('scores severity as the mean of items 3-6, 0 to 10 (Cleeland 2009)', () => {
      expect(valueOf(bpi, severity(0, 0, 0, 0), 'severity')).to.equal(0);
      expect(valueOf(bpi, severity(10, 10, 10, 10), 'severity')).to.equal(10);
      expect(valueOf(bpi, severity(8, 2, 5, 6), 'severity')).to.equal(5.25);
    });

    it('gives no severity score with one of items 3-6 unanswered (no missing-item rule published)', () => {
      expect(valueOf(bpi, { 'bpi-3': 8, 'bpi-4': 2, 'bpi-5': 5 }, 'severity')).to.equal(null);
    });

    it('scores interference as the mean of the answered items when 4 of 7 are answered (Cleeland 2009)', () => {
      expect(valueOf(bpi, interference([2, 4, undefined, 6, undefined, 8]), 'interference')).to.equal(5);
      expect(valueOf(bpi, interference([0, 0, 0, 0, 0, 0, 0]), 'interference')).to.equal(0);
      expect(valueOf(bpi, interference([10, 10, 10, 10, 10, 10, 10]), 'interference')).to.equal(10);
    });

    it('gives no interference score with only 3 of 7 answered (Cleeland 2009)', () => {
      expect(valueOf(bpi, interference([2, 4, undefined, 6]), 'interference')).to.equal(null);
    });

    it('grades worst pain 1-4 mild, 5-6 moderate, 7-10 severe (Serlin et al. 1995)', () => {
      const grade = (worst: number) => scoreOf(bpi, { 'bpi-3': worst }, 'worst').band;
      expect([0, 1, 4, 5, 6, 7, 10].map(grade)).to.deep.equal(['none', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe']);
    });

    it('counts a 1-point decrease in interference as minimally important (Dworkin et al. 2008, IMMPACT)', () => {
      const change = (values: number[]) => scoreAnswers(bpi, interference(values), previous('interference', 5))['interference']!.mcidReached;
      expect(change([4, 4, 4, 4, 4, 4, 4])).to.equal(true);
      expect(change([5, 5, 5, 4, 4, 4, 4])).to.equal(false);
    });
  });

  describe('PSEQ-10 and PSEQ-2', () => {
    let pseq10: Instrument;
    let pseq2: Instrument;
    before(async () => {
      pseq10 = await load('pseq-10');
      pseq2 = await load('pseq-2');
    });

    it('sums the 10 items scored 0-6 to 0-60 (Nicholas 2007)', () => {
      expect(valueOf(pseq10, all('pseq-', 10, 0))).to.equal(0);
      expect(valueOf(pseq10, all('pseq-', 10, 6))).to.equal(60);
      expect(valueOf(pseq10, all('pseq-', 9, 6))).to.equal(null);
    });

    it('counts a 5.5-point increase as the MCID (Maughan & Lewis 2010)', () => {
      expect(scoreAnswers(pseq10, adding('pseq-', 10, 36, 6), previous('total', 30))['total']!.mcidReached).to.equal(true);
      expect(scoreAnswers(pseq10, adding('pseq-', 10, 35, 6), previous('total', 30))['total']!.mcidReached).to.equal(false);
    });

    it('takes PSEQ items 5 and 9 for the PSEQ-2, 0-12 (Nicholas, McGuire & Asghari 2015)', () => {
      expect([...walkItems(pseq2.items)].map((item) => item.id)).to.deep.equal(['pseq-5', 'pseq-9']);
      expect(valueOf(pseq2, { 'pseq-5': 0, 'pseq-9': 0 })).to.equal(0);
      expect(valueOf(pseq2, { 'pseq-5': 6, 'pseq-9': 6 })).to.equal(12);
      expect(valueOf(pseq2, { 'pseq-5': 4, 'pseq-9': 1 })).to.equal(5);
    });

    it('scores the same PSEQ-2 items alike in both forms (Nicholas, McGuire & Asghari 2015)', () => {
      const answers = { ...all('pseq-', 10, 0), 'pseq-5': 4, 'pseq-9': 1 };
      expect(valueOf(pseq2, answers)).to.equal(valueOf(pseq10, answers));
    });
  });

  describe('ÖMPSQ-10', () => {
    let ompsq: Instrument;
    before(async () => {
      ompsq = await load('ompsq-10');
    });
    const REVERSED = ['ompsq-3', 'ompsq-4', 'ompsq-8'];
    // Lowest-risk answers: shortest duration (1), 0 on the straight items, 10 on the reversed ones.
    const lowest = (): Record<string, number> => ({ ...all('ompsq-', 10, 0), 'ompsq-1': 1, 'ompsq-3': 10, 'ompsq-4': 10, 'ompsq-8': 10 });

    it('scores 1 for the lowest-risk answers and 100 for the highest (Linton et al. 2011)', () => {
      expect(scoreOf(ompsq, lowest())).to.deep.equal({ value: 1, band: 'below-cut-off' });
      expect(scoreOf(ompsq, { ...all('ompsq-', 10, 10), 'ompsq-3': 0, 'ompsq-4': 0, 'ompsq-8': 0 })).to.deep.equal({ value: 100, band: 'high-risk' });
    });

    it('scores light work (3), sleep (4) and chance of working in 3 months (8) as 10 minus the rating (Linton et al. 2011)', () => {
      for (const id of REVERSED) expect(valueOf(ompsq, { ...lowest(), [id]: 0 }), id).to.equal(11);
      for (const id of ['ompsq-2', 'ompsq-5', 'ompsq-6', 'ompsq-7', 'ompsq-9', 'ompsq-10']) expect(valueOf(ompsq, { ...lowest(), [id]: 10 }), id).to.equal(11);
    });

    it('scores the duration item by its category, 1 to 10 (Linton et al. 2011)', () => {
      expect(valueOf(ompsq, { ...lowest(), 'ompsq-1': 10 })).to.equal(10);
    });

    it('puts 49 below and 50 at the high-risk cut-off (Linton et al. 2011)', () => {
      // 1 (lowest answers) + 4 × 10 + item 9's rating.
      const withItem9 = (rating: number) => ({ ...lowest(), 'ompsq-2': 10, 'ompsq-5': 10, 'ompsq-6': 10, 'ompsq-7': 10, 'ompsq-9': rating });
      expect(scoreOf(ompsq, withItem9(8))).to.deep.equal({ value: 49, band: 'below-cut-off' });
      expect(scoreOf(ompsq, withItem9(9))).to.deep.equal({ value: 50, band: 'high-risk' });
    });

    it('gives no score with an item unanswered (no missing-item rule published)', () => {
      const { 'ompsq-10': _, ...nine } = lowest();
      expect(valueOf(ompsq, nine)).to.equal(null);
    });
  });

  describe('STarT Back', () => {
    let startBack: Instrument;
    before(async () => {
      startBack = await load('start-back');
    });
    /** Items 1-8 agreed (1) when listed, disagreed (0) otherwise; item 9 by its answer 1-5. */
    const answers = (agreed: readonly number[], bothersomeness = 1) => ({
      ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`start-back-${n}`, agreed.includes(n) ? 1 : 0])),
      'start-back-9': bothersomeness,
    });
    const result = (a: Answers) => {
      const scores = scoreAnswers(startBack, a);
      return { total: scores['total']!.value, psychosocial: scores['psychosocial']!.value, risk: classify(startBack, a, scores)['risk'] };
    };

    it('scores 0 with every item disagreed and 9 with every item agreed and extreme bothersomeness (Hill et al. 2008)', () => {
      expect(result(answers([]))).to.deep.equal({ total: 0, psychosocial: 0, risk: 'low' });
      expect(result(answers([1, 2, 3, 4, 5, 6, 7, 8], 5))).to.deep.equal({ total: 9, psychosocial: 5, risk: 'high' });
    });

    it('scores bothersomeness 1 only for its top two answers (Hill et al. 2008)', () => {
      expect([1, 2, 3, 4, 5].map((b) => result(answers([], b)).total)).to.deep.equal([0, 0, 0, 1, 1]);
    });

    it('takes the psychosocial subscale from items 5-9 (Hill et al. 2008)', () => {
      expect(result(answers([1, 2, 3, 4])).psychosocial).to.equal(0);
      expect(result(answers([5, 6, 7, 8], 4)).psychosocial).to.equal(5);
    });

    it('classifies a total of 3 or less as low risk, whatever the subscale (Hill et al. 2008)', () => {
      expect(result(answers([1, 2, 3])).risk).to.equal('low');
      expect(result(answers([5, 6], 5))).to.deep.equal({ total: 3, psychosocial: 3, risk: 'low' });
    });

    it('classifies a total of 4 or more with a subscale of 3 or less as medium risk (Hill et al. 2008)', () => {
      expect(result(answers([1, 2, 3, 4]))).to.deep.equal({ total: 4, psychosocial: 0, risk: 'medium' });
      expect(result(answers([1, 5, 6, 7]))).to.deep.equal({ total: 4, psychosocial: 3, risk: 'medium' });
    });

    it('classifies a subscale of 4 or more as high risk (Hill et al. 2008)', () => {
      expect(result(answers([5, 6, 7, 8]))).to.deep.equal({ total: 4, psychosocial: 4, risk: 'high' });
      expect(result(answers([5, 6, 7], 4))).to.deep.equal({ total: 4, psychosocial: 4, risk: 'high' });
    });

    it('gives no risk group with an item unanswered (no missing-item rule published)', () => {
      const { 'start-back-9': _, ...eight } = answers([1, 2, 3, 4, 5]);
      expect(result(eight)).to.deep.equal({ total: null, psychosocial: null, risk: null });
    });
  });

  describe('PCS', () => {
    let pcs: Instrument;
    before(async () => {
      pcs = await load('pcs');
    });

    it('sums the 13 items scored 0-4 to 0-52 (Sullivan et al. 1995)', () => {
      expect(valueOf(pcs, all('pcs-', 13, 0))).to.equal(0);
      expect(valueOf(pcs, all('pcs-', 13, 4))).to.equal(52);
      expect(valueOf(pcs, all('pcs-', 12, 4))).to.equal(null);
    });

    it('marks 30 and above as clinically relevant catastrophizing, 29 not (Sullivan 2009)', () => {
      expect(scoreOf(pcs, adding('pcs-', 13, 29, 4)).band).to.equal('below-threshold');
      expect(scoreOf(pcs, adding('pcs-', 13, 30, 4)).band).to.equal('clinically-relevant');
    });

    it('scores rumination from items 8-11, magnification from 6, 7, 13 and helplessness from 1-5, 12 (Sullivan et al. 1995)', () => {
      const answers = answersFor('pcs-', [1, 1, 1, 1, 1, 3, 3, 4, 4, 4, 4, 1, 3]);
      const scores = scoreAnswers(pcs, answers);
      expect([scores['rumination']!.value, scores['magnification']!.value, scores['helplessness']!.value, scores['total']!.value]).to.deep.equal([16, 9, 6, 31]);
    });
  });

  describe('TSK-11', () => {
    let tsk: Instrument;
    before(async () => {
      tsk = await load('tsk-11');
    });

    it('sums the 11 items scored 1-4 to 11-44 (Woby et al. 2005)', () => {
      expect(valueOf(tsk, all('tsk11-', 11, 1))).to.equal(11);
      expect(valueOf(tsk, all('tsk11-', 11, 4))).to.equal(44);
      expect(valueOf(tsk, all('tsk11-', 10, 4))).to.equal(null);
    });

    it('reverses no item, unlike the 17-item TSK (Woby et al. 2005)', () => {
      expect(tsk.scoring.scales[0]!.reverse).to.equal(undefined);
      for (let n = 1; n <= 11; n++) expect(valueOf(tsk, { ...all('tsk11-', 11, 4), [`tsk11-${n}`]: 1 }), `item ${n}`).to.equal(41);
    });

    it('counts a 4-point decrease as an important reduction (Woby et al. 2005)', () => {
      expect(scoreAnswers(tsk, adding('tsk11-', 11, 26, 4, 1), previous('total', 30))['total']!.mcidReached).to.equal(true);
      expect(scoreAnswers(tsk, adding('tsk11-', 11, 27, 4, 1), previous('total', 30))['total']!.mcidReached).to.equal(false);
    });
  });

  describe('ISI', () => {
    let isi: Instrument;
    before(async () => {
      isi = await load('isi');
    });

    it('sums the 7 items scored 0-4 to 0-28 (Bastien et al. 2001)', () => {
      expect(scoreOf(isi, all('isi-', 7, 0))).to.deep.equal({ value: 0, band: 'none' });
      expect(scoreOf(isi, all('isi-', 7, 4))).to.deep.equal({ value: 28, band: 'severe' });
      expect(valueOf(isi, all('isi-', 6, 4))).to.equal(null);
    });

    it('bands 0-7 / 8-14 / 15-21 / 22-28 at every boundary (Bastien et al. 2001)', () => {
      expect([7, 8, 14, 15, 21, 22].map((total) => scoreOf(isi, adding('isi-', 7, total, 4)).band)).to.deep.equal([
        'none', 'subthreshold', 'subthreshold', 'moderate', 'moderate', 'severe',
      ]);
    });

    it('counts a 6-point reduction as the minimally important difference (Yang et al. 2009)', () => {
      expect(scoreAnswers(isi, adding('isi-', 7, 14, 4), previous('total', 20))['total']!.mcidReached).to.equal(true);
      expect(scoreAnswers(isi, adding('isi-', 7, 15, 4), previous('total', 20))['total']!.mcidReached).to.equal(false);
    });
  });

  describe('WHO-5', () => {
    let who5: Instrument;
    before(async () => {
      who5 = await load('who-5');
    });

    it('multiplies the raw score 0-25 by 4, giving 0-100 (WHO-5 scoring instructions; Topp et al. 2015)', () => {
      expect(valueOf(who5, all('who5-', 5, 0))).to.equal(0);
      expect(valueOf(who5, all('who5-', 5, 5))).to.equal(100);
      expect(valueOf(who5, answersFor('who5-', [3, 2, 4, 1, 5]))).to.equal(60);
      expect(valueOf(who5, all('who5-', 4, 5))).to.equal(null);
    });

    it('marks a raw score below 13 (48 and below) as poor well-being, 13 (52) not (WHO-5 scoring instructions; Topp et al. 2015)', () => {
      expect(scoreOf(who5, adding('who5-', 5, 12, 5))).to.deep.equal({ value: 48, band: 'poor' });
      expect(scoreOf(who5, adding('who5-', 5, 13, 5))).to.deep.equal({ value: 52, band: 'above-cut-off' });
    });

    it('flags any item answered 0 or 1, even with a total above the cut-off (WHO-5 scoring instructions)', () => {
      const flags = (answers: Answers) => raisedFlags(who5, answers, scoreAnswers(who5, answers));
      expect(flags(answersFor('who5-', [5, 5, 5, 5, 1]))).to.deep.equal([{ id: 'low-item', severity: 'attention' }]);
      expect(flags(answersFor('who5-', [0, 5, 5, 5, 5]))).to.deep.equal([{ id: 'low-item', severity: 'attention' }]);
      expect(flags(all('who5-', 5, 2))).to.deep.equal([]);
    });

    it('counts a 10-point increase as a significant change (Topp et al. 2015)', () => {
      expect(scoreAnswers(who5, adding('who5-', 5, 15, 5), previous('total', 48))['total']).to.include({ value: 60, mcidReached: true });
      expect(scoreAnswers(who5, adding('who5-', 5, 14, 5), previous('total', 48))['total']).to.include({ value: 56, mcidReached: false });
    });
  });

  describe('PDI', () => {
    let pdi: Instrument;
    before(async () => {
      pdi = await load('pdi');
    });

    it('sums the 7 ratings 0-10 to 0-70 (Tait et al. 1987)', () => {
      expect(valueOf(pdi, all('pdi-', 7, 0))).to.equal(0);
      expect(valueOf(pdi, all('pdi-', 7, 10))).to.equal(70);
      expect(valueOf(pdi, answersFor('pdi-', [3, 0, 7, 10, 2, 1, 5]))).to.equal(28);
    });

    it('gives no score with a rating unanswered (no missing-item rule published)', () => {
      expect(valueOf(pdi, all('pdi-', 6, 10))).to.equal(null);
    });
  });

  describe('EQ-5D-5L', () => {
    let eq5d: Instrument;
    before(async () => {
      eq5d = await load('eq-5d-5l');
    });

    it('reports each dimension\'s level 1-5 and the EQ VAS 0-100 as their own scales (Herdman et al. 2011)', () => {
      const scores = scoreAnswers(eq5d, { 'eq5d-mo': 1, 'eq5d-sc': 2, 'eq5d-ua': 3, 'eq5d-pd': 4, 'eq5d-ad': 5, 'eq5d-vas': 73 });
      expect(Object.fromEntries(Object.entries(scores).map(([id, s]) => [id, s.value]))).to.deep.equal({
        mobility: 1, 'self-care': 2, 'usual-activities': 3, 'pain-discomfort': 4, 'anxiety-depression': 5, vas: 73,
      });
      expect(valueOf(eq5d, { 'eq5d-vas': 0 }, 'vas')).to.equal(0);
      expect(valueOf(eq5d, { 'eq5d-vas': 100 }, 'vas')).to.equal(100);
    });

    it('ships no index value: that needs a licensed country value set (EuroQol)', () => {
      expect(eq5d.scoring.scales.map((s) => s.id)).to.deep.equal(['mobility', 'self-care', 'usual-activities', 'pain-discomfort', 'anxiety-depression', 'vas']);
      expect([...walkItems(eq5d.items)].find((item) => item.id === 'eq5d-vas')?.type).to.equal('vas');
    });
  });

  describe('PROMIS Pain Interference 6a', () => {
    let promis: Instrument;
    before(async () => {
      promis = await load('promis-pi-6a');
    });

    it('sums the 6 items scored 1-5 to a raw score of 6-30 (PROMIS Pain Interference Scoring Manual)', () => {
      expect(valueOf(promis, all('promis-pi-', 6, 1), 'raw')).to.equal(6);
      expect(valueOf(promis, all('promis-pi-', 6, 5), 'raw')).to.equal(30);
      expect(valueOf(promis, all('promis-pi-', 5, 5), 'raw')).to.equal(null);
    });

    it('ships the raw score only, without a T-score table (HealthMeasures table needed)', () => {
      expect(promis.scoring.scales.map((s) => [s.id, s.lookup])).to.deep.equal([['raw', undefined]]);
    });
  });

  describe('FIQR', () => {
    let fiqr: Instrument;
    before(async () => {
      fiqr = await load('fiqr');
    });
    const fiqrAnswers = (fn: readonly number[], impact: readonly number[], symptoms: readonly number[]) => answersFor('fiqr-', [...fn, ...impact, ...symptoms]);
    const domains = (answers: Answers) => {
      const scores = scoreAnswers(fiqr, answers);
      return ['function', 'overall-impact', 'symptoms', 'total'].map((id) => scores[id]!.value);
    };

    it('scores 0 with every item at 0 and 30 / 20 / 50 / 100 with every item at 10 (Bennett et al. 2009)', () => {
      expect(domains(all('fiqr-', 21, 0))).to.deep.equal([0, 0, 0, 0]);
      expect(domains(all('fiqr-', 21, 10))).to.deep.equal([30, 20, 50, 100]);
    });

    it('divides function by 3 and symptoms by 2, and adds the three domains for the total (Bennett et al. 2009)', () => {
      expect(domains(fiqrAnswers(Array(9).fill(3), [5, 5], Array(10).fill(4)))).to.deep.equal([9, 10, 20, 39]);
    });

    it('gives the weighted total exactly function ÷ 3 + impact + symptoms ÷ 2 for uneven sums (Bennett et al. 2009)', () => {
      const [fn, impact, symptoms, total] = domains(fiqrAnswers([1, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])) as number[];
      expect(fn).to.be.closeTo(1 / 3, 1e-12);
      expect([impact, symptoms]).to.deep.equal([1, 0.5]);
      expect(total).to.be.closeTo(1 / 3 + 1 + 0.5, 1e-12);
    });

    it('gives no score with an item unanswered (no missing-item rule published)', () => {
      expect(domains(all('fiqr-', 20, 10))).to.deep.equal([30, 20, null, null]);
    });
  });
});
