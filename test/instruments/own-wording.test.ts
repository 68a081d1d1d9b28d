import { expect } from '@open-wc/testing';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import type { Answers, Instrument, Item } from '../../src/model/instrument.js';
import { walkItems } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import type { TextMap } from '../../src/model/text.js';
import { classify, raisedFlags } from '../../src/scoring/rules.js';
import { scoreAnswers, type Scores } from '../../src/scoring/score.js';
import { loadJson } from '../helpers/fixtures.js';

/** Files in Painpath's own wording: every text in six languages, none official. */
const OWN_WORDING = ['nrs-11', 'acr-2016', 'red-flags-back-pain', 'global-rating-of-change'];
/** Files with published English wording only. */
const ENGLISH_ONLY = ['peg-3', 'psfs'];
const LANGUAGES = ['en', 'da', 'sv', 'de', 'ar', 'uk'];

const json = new Map<string, Record<string, unknown>>();

before(async () => {
  for (const id of [...OWN_WORDING, ...ENGLISH_ONLY]) json.set(id, await loadJson(`/content/instruments/${id}.json`));
});

const load = (id: string): Instrument => parseInstrument(json.get(id));
const scoresOf = (id: string, answers: Answers, previous?: Scores) => scoreAnswers(load(id), answers, previous);
const valueOf = (id: string, answers: Answers, scale: string) => scoresOf(id, answers)[scale]!.value;

/** The texts a person reads for one item: its text, its answers and its scale ends. */
function itemTexts(item: Item): [string, TextMap][] {
  const texts: [string, TextMap][] = item.text ? [[`${item.id}.text`, item.text]] : [];
  if (item.type === 'choice' || item.type === 'multi-choice') {
    texts.push(...item.answers.map((answer): [string, TextMap] => [`${item.id}.answers[${answer.value}]`, answer.text]));
  }
  if (item.type === 'nrs' || item.type === 'vas') texts.push([`${item.id}.anchors.min`, item.anchors.min], [`${item.id}.anchors.max`, item.anchors.max]);
  return texts;
}

/** Every other text of the file: title, instructions, name, notice, scale, band, class and flag texts. */
function otherTexts({ title, instructions, meta, scoring }: Instrument): [string, TextMap][] {
  return [
    ['title', title!],
    ...(instructions ? [['instructions', instructions] as [string, TextMap]] : []),
    ['meta.name', meta.name],
    ['meta.licence.notice', meta.licence.notice],
    ...scoring.scales.flatMap((scale): [string, TextMap][] => [
      [`scale ${scale.id}`, scale.name],
      ...scale.bands.map((band): [string, TextMap] => [`band ${scale.id}.${band.id}`, band.label]),
    ]),
    ...(scoring.classifications ?? []).flatMap((c): [string, TextMap][] => [
      [`classification ${c.id}`, c.name],
      ...c.classes.map((k): [string, TextMap] => [`class ${c.id}.${k.id}`, k.label]),
    ]),
    ...(scoring.flags ?? []).flatMap((flag): [string, TextMap][] => [
      [`flag ${flag.id}.label`, flag.label],
      // The shared emergency advice has its languages checked where it is worded (test/model/emergency.test.ts).
      ...(flag.advice && flag.advice !== 'emergency' ? [[`flag ${flag.id}.advice`, flag.advice] as [string, TextMap]] : []),
    ]),
  ];
}

/** "path: lang" for every text that lacks one of the languages. */
const missingLanguages = (texts: [string, TextMap][]) =>
  texts.flatMap(([path, text]) => LANGUAGES.filter((lang) => !text[lang]?.trim()).map((lang) => `${path}: ${lang}`));

describe('instruments with item text', () => {
  describe('files', () => {
    for (const id of [...OWN_WORDING, ...ENGLISH_ONLY]) {
      it(`${id}.json passes the instrument file check (parseInstrument)`, () => {
        expect(load(id).id).to.equal(id);
      });
    }

    for (const id of OWN_WORDING) {
      it(`${id} has all six languages, none marked official (own wording is never a licence holder's translation)`, () => {
        const instrument = load(id);
        expect(instrument.languages).to.deep.equal(LANGUAGES);
        for (const lang of LANGUAGES) {
          expect(instrument.translations[lang]!.status, lang).to.equal('draft');
          expect(instrument.translations[lang]!.source, lang).to.match(/Painpath's own wording/);
        }
      });

      it(`${id} says it is own wording, so its draft languages are shown without the host opting in`, () => {
        expect(load(id).meta.licence.kind).to.equal('own-wording');
      });

      it(`${id} has text in all six languages for every item, answer and scale end`, () => {
        const texts = [...walkItems(load(id).items)].flatMap(itemTexts);
        expect(texts).to.not.be.empty;
        expect(missingLanguages(texts)).to.deep.equal([]);
      });

      it(`${id} has its title, notice, scale, class and flag texts in all six languages`, () => {
        expect(missingLanguages(otherTexts(load(id)))).to.deep.equal([]);
      });
    }

    for (const id of ENGLISH_ONLY) {
      it(`${id} is English only and not marked official (the wording was not checked word for word against the publication)`, () => {
        const instrument = load(id);
        expect(instrument.languages).to.deep.equal(['en']);
        expect(instrument.translations['en']!.status).to.not.equal('official');
      });
    }
  });

  describe('NRS-11 (bands 0 / 1-3 / 4-6 / 7-10; MCID 2 points, Farrar et al. 2001)', () => {
    const scoreOf = (pain: number, previous?: Scores) => scoresOf('nrs-11', { 'nrs-pain': pain }, previous)['pain-intensity']!;

    it('scores the number chosen, from 0 to 10', () => {
      expect(scoreOf(0).value).to.equal(0);
      expect(scoreOf(10).value).to.equal(10);
    });

    for (const [pain, band] of [[0, 'none'], [1, 'mild'], [3, 'mild'], [4, 'moderate'], [6, 'moderate'], [7, 'severe'], [10, 'severe']] as const) {
      it(`puts ${pain} in the ${band} band`, () => {
        expect(scoreOf(pain).band).to.equal(band);
      });
    }

    it('gives no score when the rating is missing', () => {
      expect(valueOf('nrs-11', {}, 'pain-intensity')).to.equal(null);
    });

    it('counts a decrease of 2 points as a clinically important improvement, and 1 point or an increase not', () => {
      const previous = scoresOf('nrs-11', { 'nrs-pain': 6 });
      expect(scoreOf(4, previous)).to.include({ change: -2, mcidReached: true });
      expect(scoreOf(5, previous)).to.include({ change: -1, mcidReached: false });
      expect(scoreOf(8, previous)).to.include({ change: 2, mcidReached: false });
    });
  });

  describe('ACR 2016 fibromyalgia criteria (Wolfe et al. 2016)', () => {
    const SSS_SEVERITY = ['acr-fatigue', 'acr-unrefreshed', 'acr-cognitive'];
    const SSS_SIX_MONTHS = ['acr-headaches', 'acr-lower-abdomen', 'acr-depression'];
    const ALL_REGIONS = [
      'jaw-left', 'shoulder-girdle-left', 'upper-arm-left', 'lower-arm-left',
      'jaw-right', 'shoulder-girdle-right', 'upper-arm-right', 'lower-arm-right',
      'hip-left', 'upper-leg-left', 'lower-leg-left',
      'hip-right', 'upper-leg-right', 'lower-leg-right',
      'neck', 'upper-back', 'lower-back', 'chest', 'abdomen',
    ];
    /** 7 painful areas in 4 regions: left upper (3), right upper (2), left lower (1), right lower (1). */
    const WPI_7 = ['shoulder-girdle-left', 'upper-arm-left', 'lower-arm-left', 'shoulder-girdle-right', 'upper-arm-right', 'hip-left', 'hip-right'];
    /** 6 painful areas in 4 regions. */
    const WPI_6 = WPI_7.slice(1);
    /** 4 painful areas, one in each of 4 regions. */
    const WPI_4 = ['shoulder-girdle-left', 'shoulder-girdle-right', 'hip-left', 'hip-right'];
    /** 9 painful areas in 3 regions: left upper, right upper and axial. */
    const THREE_REGIONS = ['shoulder-girdle-left', 'upper-arm-left', 'lower-arm-left', 'shoulder-girdle-right', 'upper-arm-right', 'lower-arm-right', 'neck', 'upper-back', 'lower-back'];

    /** Answers with these pain areas, an SSS of `sss` (severity items first, 3 each, then the yes/no items) and the duration answer. */
    function acrAnswers(regions: readonly string[], sss: number, duration = 'yes'): Answers {
      const severity = SSS_SEVERITY.map((id, i): [string, number] => [id, Math.min(3, Math.max(0, sss - 3 * i))]);
      const sixMonths = SSS_SIX_MONTHS.map((id, i): [string, string] => [id, sss - 9 > i ? 'yes' : 'no']);
      return { 'acr-pain-areas': regions, ...Object.fromEntries([...severity, ...sixMonths]), 'acr-duration': duration };
    }

    const criteria = (answers: Answers) => {
      const instrument = load('acr-2016');
      return classify(instrument, answers, scoreAnswers(instrument, answers))['criteria'];
    };
    const scales = (answers: Answers) =>
      Object.fromEntries(Object.entries(scoresOf('acr-2016', answers)).map(([id, score]) => [id, score.value]));

    it('scores the minimum: no areas and no symptoms give WPI 0, SSS 0, FS 0 and no generalized pain', () => {
      expect(scales(acrAnswers([], 0))).to.deep.equal({ wpi: 0, sss: 0, fs: 0, 'generalized-pain': 0 });
    });

    it('scores the maximum: all 19 areas and every symptom give WPI 19, SSS 12, FS 31 and 5 regions', () => {
      expect(scales(acrAnswers(ALL_REGIONS, 12))).to.deep.equal({ wpi: 19, sss: 12, fs: 31, 'generalized-pain': 5 });
    });

    it('SSS adds three 0-3 severity ratings and three 0/1 six-month symptoms', () => {
      const answers = { ...acrAnswers([], 0), 'acr-fatigue': 2, 'acr-cognitive': 1, 'acr-depression': 'yes' };
      expect(valueOf('acr-2016', answers, 'sss')).to.equal(4);
    });

    it('FS is WPI + SSS', () => {
      expect(scales(acrAnswers(WPI_7, 5))).to.include({ wpi: 7, sss: 5, fs: 12 });
    });

    it('meets the criteria at WPI 7 and SSS 5', () => {
      expect(criteria(acrAnswers(WPI_7, 5))).to.equal('met');
    });

    it('does not meet them at WPI 7 and SSS 4', () => {
      expect(criteria(acrAnswers(WPI_7, 4))).to.equal('not-met');
    });

    it('meets them at WPI 6 and SSS 9 (WPI 4-6 and SSS >= 9)', () => {
      expect(criteria(acrAnswers(WPI_6, 9))).to.equal('met');
    });

    it('does not meet them at WPI 6 and SSS 8', () => {
      expect(criteria(acrAnswers(WPI_6, 8))).to.equal('not-met');
    });

    it('meets them at WPI 4 and SSS 9, the lower end of the WPI 4-6 branch', () => {
      expect(criteria(acrAnswers(WPI_4, 9))).to.equal('met');
    });

    it('does not meet them with pain in 3 of 5 regions, and does with 4 (generalized pain)', () => {
      expect(valueOf('acr-2016', acrAnswers(THREE_REGIONS, 12), 'generalized-pain')).to.equal(3);
      expect(criteria(acrAnswers(THREE_REGIONS, 12))).to.equal('not-met');
      expect(criteria(acrAnswers([...THREE_REGIONS, 'hip-left'], 12))).to.equal('met');
    });

    it('does not count jaw, chest or abdominal pain towards generalized pain, though they count in the WPI', () => {
      const regions = ['jaw-left', 'chest', 'abdomen', 'shoulder-girdle-right', 'upper-arm-right', 'hip-left', 'upper-leg-left', 'hip-right', 'upper-leg-right'];
      expect(scales(acrAnswers(regions, 12))).to.include({ wpi: 9, 'generalized-pain': 3 });
      expect(criteria(acrAnswers(regions, 12))).to.equal('not-met');
      expect(criteria(acrAnswers(['shoulder-girdle-left', ...regions.slice(1)], 12))).to.equal('met');
    });

    it('does not meet them when the symptoms have not lasted 3 months', () => {
      expect(criteria(acrAnswers(ALL_REGIONS, 12, 'no'))).to.equal('not-met');
    });

    it('gives no classification when an SSS item is unanswered', () => {
      const { 'acr-fatigue': _, ...answers } = acrAnswers(ALL_REGIONS, 12);
      expect(criteria(answers)).to.equal(null);
    });
  });

  describe('red flags for low back pain (Finucane et al. 2020)', () => {
    const SIGNS = {
      'rf-saddle': ['cauda-equina-saddle', 'urgent'],
      'rf-bladder': ['cauda-equina-bladder', 'urgent'],
      'rf-bowel': ['cauda-equina-bowel', 'urgent'],
      'rf-sexual': ['cauda-equina-sexual', 'urgent'],
      'rf-legs': ['neurological-legs', 'urgent'],
      'rf-cancer': ['cancer-history', 'attention'],
      'rf-weight-loss': ['weight-loss', 'attention'],
      'rf-fever': ['infection-fever', 'attention'],
      'rf-trauma': ['fracture-trauma', 'attention'],
      'rf-constant-pain': ['constant-night-pain', 'attention'],
      'rf-steroids-immune': ['steroids-immunosuppression', 'attention'],
    } as const;
    const items = Object.keys(SIGNS);
    const answersWith = (yes: readonly string[]): Answers => Object.fromEntries(items.map((id) => [id, yes.includes(id) ? 'yes' : 'no']));
    const flagsFor = (answers: Answers) => {
      const instrument = load('red-flags-back-pain');
      return raisedFlags(instrument, answers, scoreAnswers(instrument, answers));
    };

    it('asks exactly these signs, in this order', () => {
      expect([...walkItems(load('red-flags-back-pain').items)].map((item) => item.id)).to.deep.equal(items);
    });

    it('raises no flag and counts 0 when every answer is no', () => {
      expect(flagsFor(answersWith([]))).to.deep.equal([]);
      expect(valueOf('red-flags-back-pain', answersWith([]), 'count')).to.equal(0);
    });

    for (const [item, [id, severity]] of Object.entries(SIGNS)) {
      it(`raises "${id}" as ${severity} when ${item} is yes, and counts 1`, () => {
        expect(flagsFor(answersWith([item]))).to.deep.equal([{ id, severity }]);
        expect(valueOf('red-flags-back-pain', answersWith([item]), 'count')).to.equal(1);
      });
    }

    it('raises every flag and counts 11 when every answer is yes', () => {
      expect(flagsFor(answersWith(items)).map((flag) => flag.id)).to.deep.equal(Object.values(SIGNS).map(([id]) => id));
      expect(valueOf('red-flags-back-pain', answersWith(items), 'count')).to.equal(11);
    });

    it('gives every flag advice for the person; every urgent flag (a cauda equina sign) the shared emergency advice, with no slower route', () => {
      for (const flag of load('red-flags-back-pain').scoring.flags!) {
        if (flag.severity === 'urgent') expect(flag.advice, flag.id).to.equal('emergency');
        else expect(typeof flag.advice === 'object' && flag.advice['en'], flag.id).to.be.a('string');
      }
    });

    it('says whom to call when the practice is closed after the advice that says "today"', () => {
      const flags = load('red-flags-back-pain').scoring.flags!;
      const today = flags.filter((flag) => typeof flag.advice === 'object' && /\btoday\b/.test(flag.advice['en']!));
      expect(today.map((flag) => flag.id)).to.deep.equal(['infection-fever', 'fracture-trauma']);
      expect(flags.filter((flag) => flag.outOfHours).map((flag) => flag.id)).to.deep.equal(today.map((flag) => flag.id));
    });
  });

  describe('global rating of change (+3 very much better … -3 very much worse)', () => {
    it('orders the seven answers from +3 to -3', () => {
      const item = load('global-rating-of-change').items[0]!;
      expect(item.type === 'choice' && item.answers.map((answer) => answer.value)).to.deep.equal([3, 2, 1, 0, -1, -2, -3]);
    });

    for (const value of [3, 0, -3]) {
      it(`scores the answer ${value} as ${value}`, () => {
        expect(valueOf('global-rating-of-change', { groc: value }, 'change')).to.equal(value);
      });
    }
  });

  describe('PEG (Krebs et al. 2009: mean of three 0-10 items)', () => {
    const peg = (pain: number, enjoyment: number, activity: number) =>
      valueOf('peg-3', { 'peg-pain': pain, 'peg-enjoyment': enjoyment, 'peg-activity': activity }, 'peg');

    it('scores the mean of the three items', () => {
      expect(peg(4, 5, 9)).to.equal(6);
      expect(peg(1, 2, 2)).to.be.closeTo(5 / 3, 1e-12);
    });

    it('ranges from 0 to 10', () => {
      expect(peg(0, 0, 0)).to.equal(0);
      expect(peg(10, 10, 10)).to.equal(10);
    });

    it('gives no score when an item is unanswered (the paper gives no missing-item rule)', () => {
      expect(valueOf('peg-3', { 'peg-pain': 5, 'peg-enjoyment': 5 }, 'peg')).to.equal(null);
    });
  });

  describe('PSFS (Stratford et al. 1995: sum of activity scores / number of activities)', () => {
    const psfs = (...ratings: number[]): Answers =>
      Object.fromEntries(ratings.flatMap((rating, i) => [[`psfs-activity-${i + 1}`, `activity ${i + 1}`], [`psfs-rating-${i + 1}`, rating]]));
    const mean = (answers: Answers, previous?: Scores) => scoresOf('psfs', answers, previous)['mean']!;

    it('scores one activity as its rating', () => {
      expect(mean(psfs(4)).value).to.equal(4);
    });

    it('scores two activities as their mean', () => {
      expect(mean(psfs(3, 6)).value).to.equal(4.5);
    });

    it('scores three activities as their mean', () => {
      expect(mean(psfs(2, 3, 7)).value).to.equal(4);
    });

    it('ranges from 0 (unable to perform) to 10 (same level as before)', () => {
      expect(mean(psfs(0, 0, 0)).value).to.equal(0);
      expect(mean(psfs(10, 10, 10)).value).to.equal(10);
    });

    it('gives no score when no activity is rated', () => {
      expect(mean({ 'psfs-activity-1': 'walking' }).value).to.equal(null);
    });

    it('counts a rise of 2 points in the mean as an important improvement (minimum detectable change), 1.5 not', () => {
      const previous = scoresOf('psfs', psfs(3, 4));
      expect(mean(psfs(5, 6), previous)).to.include({ change: 2, mcidReached: true });
      expect(mean(psfs(5, 4), previous)).to.include({ change: 1, mcidReached: false });
      expect(mean(psfs(4, 6), previous)).to.include({ change: 1.5, mcidReached: false });
    });

    it('shows the 2nd and 3rd activity only after the one before is named, and each rating only after its activity', () => {
      const engine = new QuestionnaireEngine(load('psfs'));
      expect(['psfs-activity-1', 'psfs-rating-1', 'psfs-activity-2', 'psfs-activity-3'].map((id) => engine.isEnabled(id))).to.deep.equal([true, false, false, false]);
      engine.answer('psfs-activity-1', 'walking');
      expect(['psfs-rating-1', 'psfs-activity-2', 'psfs-rating-2', 'psfs-activity-3'].map((id) => engine.isEnabled(id))).to.deep.equal([true, true, false, false]);
      engine.answer('psfs-activity-2', 'gardening');
      expect(['psfs-rating-2', 'psfs-activity-3'].map((id) => engine.isEnabled(id))).to.deep.equal([true, true]);
    });
  });
});
