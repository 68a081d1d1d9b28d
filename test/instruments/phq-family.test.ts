/**
 * The PHQ family shipped with item text: PHQ-9, GAD-7 and PHQ-4.
 * - the English wording against reference copies of the file's reading of public copies of the
 *   licence holder's forms (each file's translations.en.source names them and what is left to settle);
 * - every language complete, and none claiming to be official or verified without the licence holder's file;
 * - the published scoring rules at every boundary.
 */
import { expect } from '@open-wc/testing';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { isContainer, isQuestion, walkItems } from '../../src/model/instrument.js';
import type { Answers, ChoiceItem, Instrument, Item } from '../../src/model/instrument.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { loadJson } from '../helpers/fixtures.js';

const INSTRUMENTS = ['phq-9', 'gad-7', 'phq-4'] as const;
type InstrumentId = (typeof INSTRUMENTS)[number];

const jsonOf = (id: InstrumentId) => loadJson(`/content/instruments/${id}.json`);

async function referenceLines(id: InstrumentId): Promise<string[]> {
  const url = `/test/instruments/reference/${id}.en.txt`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const lines = (await response.text()).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const choice = (item: Item): ChoiceItem => {
  if (item.type !== 'choice') throw new Error(`${item.id} is a ${item.type}, expected a choice`);
  return item;
};

/**
 * The English wording in the reference files' order: for a group, its stem, its questions and
 * (once) the answers they share; for a question outside a group, its text and its answers; then
 * the licence notice.
 */
function englishLines(instrument: Instrument): string[] {
  const lines: string[] = [];
  for (const item of instrument.items) {
    if (isContainer(item)) {
      const questions = item.items.map(choice);
      const shared = questions[0]!.answers.map((a) => a.text['en']!);
      for (const q of questions) {
        const answers = q.answers.map((a) => a.text['en']!);
        if (JSON.stringify(answers) !== JSON.stringify(shared)) throw new Error(`${q.id}: answers differ from the rest of its group`);
      }
      lines.push(item.text!['en']!, ...questions.map((q) => q.text['en']!), ...shared);
    } else {
      const q = choice(item);
      lines.push(q.text['en']!, ...q.answers.map((a) => a.text['en']!));
    }
  }
  lines.push(instrument.meta.licence.notice['en']!);
  return lines;
}

/** One message per line that differs, e.g. `line 7: expected "…", shipped "…"`. */
function differences(expected: readonly string[], actual: readonly string[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (expected[i] !== actual[i]) {
      problems.push(`line ${i + 1}: expected ${JSON.stringify(expected[i] ?? '(no line)')}, shipped ${JSON.stringify(actual[i] ?? '(no line)')}`);
    }
  }
  return problems;
}

/** Every text a person or clinician sees, with where it is, for a language. */
function textsOf(instrument: Instrument): { path: string; text: Readonly<Record<string, string>> }[] {
  const texts = [
    { path: 'title', text: instrument.title! },
    { path: 'meta.licence.notice', text: instrument.meta.licence.notice },
  ];
  for (const item of walkItems(instrument.items)) {
    if (item.text) texts.push({ path: `${item.id}.text`, text: item.text });
    if (isQuestion(item) && (item.type === 'choice' || item.type === 'multi-choice')) {
      item.answers.forEach((a) => texts.push({ path: `${item.id}.answers[${String(a.value)}]`, text: a.text }));
    }
  }
  for (const scale of instrument.scoring.scales) {
    texts.push({ path: `scales.${scale.id}.name`, text: scale.name });
    scale.bands.forEach((band) => texts.push({ path: `scales.${scale.id}.bands.${band.id}`, text: band.label }));
  }
  for (const flag of instrument.scoring.flags ?? []) texts.push({ path: `flags.${flag.id}.label`, text: flag.label });
  return texts;
}

describe('PHQ-9, GAD-7 and PHQ-4 content', () => {
  const parsed = {} as Record<InstrumentId, Instrument>;
  before(async () => {
    for (const id of INSTRUMENTS) parsed[id] = parseInstrument(await jsonOf(id));
  });

  describe('English wording matches the reference copy (our reading of public copies of the licence holder’s form) character for character', () => {
    for (const id of INSTRUMENTS) {
      it(`${id}: stem, items, answers, difficulty question and notice`, async () => {
        const problems = differences(await referenceLines(id), englishLines(parsed[id]));
        expect(problems, `${id} differs from test/instruments/reference/${id}.en.txt:\n${problems.join('\n')}`).to.deep.equal([]);
      });
    }

    it('reports the line that differs', () => {
      expect(differences(['a', 'b', 'c'], ['a', 'B', 'c', 'd'])).to.deep.equal([
        'line 2: expected "b", shipped "B"',
        'line 4: expected "(no line)", shipped "d"',
      ]);
    });
  });

  describe('translations', () => {
    for (const id of INSTRUMENTS) {
      it(`${id}: has text in every language for every item, answer, band label, scale name and flag`, () => {
        const instrument = parsed[id];
        // No published Arabic GAD-7 could be consulted, and the project ships no translation of its own making.
        const expected = id === 'phq-9' ? ['en', 'da', 'sv', 'de', 'ar'] : ['en', 'da', 'sv', 'de'];
        expect(instrument.languages).to.deep.equal(expected);
        const missing = textsOf(instrument).flatMap(({ path, text }) =>
          instrument.languages.filter((lang) => typeof text[lang] !== 'string' || text[lang]!.trim() === '').map((lang) => `${path} (${lang})`),
        );
        expect(missing, `missing texts in ${id}`).to.deep.equal([]);
      });

      it(`${id}: every language is a draft naming its source, English too until compared with the licence holder's own file`, () => {
        const { translations, languages } = parsed[id];
        expect(translations['en']!.status).to.equal('draft');
        expect(translations['en']!.source).to.match(/licence holder's own file .* could not be consulted/);
        for (const lang of languages.filter((l) => l !== 'en')) {
          expect(translations[lang]!.status, `${id} ${lang}`).to.equal('draft');
          // The source says where the wording was taken from and that it is not yet checked against the licence holder's.
          expect(translations[lang]!.source, `${id} ${lang}`).to.match(/not yet checked .*licence holder's|must be checked against the licence holder's/);
        }
      });
    }
  });
});

describe('GAD-7 scoring (Spitzer et al. 2006)', () => {
  let gad7: Instrument;
  before(async () => {
    gad7 = parseInstrument(await jsonOf('gad-7'));
  });

  const ITEMS = Array.from({ length: 7 }, (_, i) => `gad7-${i + 1}`);
  /** GAD-7 answers adding up to `total`, items filled from the first, each at most 3. */
  const filled = (total: number): Record<string, number> => {
    let left = total;
    return Object.fromEntries(
      ITEMS.map((id) => {
        const value = Math.min(3, left);
        left -= value;
        return [id, value];
      }),
    );
  };
  const total = (answers: Answers) => scoreAnswers(gad7, answers)['total']!;

  it('scores the total as the sum of the seven items, 0 to 21, and uses the seven items only', () => {
    expect(gad7.scoring.scales.map((s) => s.id)).to.deep.equal(['total']);
    expect(gad7.scoring.scales[0]!.items).to.deep.equal(ITEMS);
    expect(gad7.scoring.scales[0]!.range).to.deep.equal({ min: 0, max: 21 });
  });

  it('gives the minimum 0 when every item is "Not at all": minimal anxiety (0–4)', () => {
    expect(total(filled(0))).to.deep.equal({ value: 0, band: 'minimal' });
  });

  it('gives the maximum 21 when every item is "Nearly every day": severe anxiety (15–21)', () => {
    expect(total(filled(21))).to.deep.equal({ value: 21, band: 'severe' });
  });

  it('puts 4 in minimal and 5 in mild anxiety: the cut-point 5', () => {
    expect([total(filled(4)), total(filled(5))]).to.deep.equal([{ value: 4, band: 'minimal' }, { value: 5, band: 'mild' }]);
  });

  it('puts 9 in mild and 10 in moderate anxiety: the cut-point 10', () => {
    expect([total(filled(9)), total(filled(10))]).to.deep.equal([{ value: 9, band: 'mild' }, { value: 10, band: 'moderate' }]);
  });

  it('puts 14 in moderate and 15 in severe anxiety: the cut-point 15', () => {
    expect([total(filled(14)), total(filled(15))]).to.deep.equal([{ value: 14, band: 'moderate' }, { value: 15, band: 'severe' }]);
  });

  it('does not count the difficulty question, which is not part of the score', () => {
    expect(total({ ...filled(7), 'gad7-difficulty': 'extremely-difficult' })).to.deep.equal({ value: 7, band: 'mild' });
  });

  it('gives no score when an item is unanswered (no missing-item rule is published)', () => {
    const answers = filled(12);
    delete answers['gad7-4'];
    expect(total(answers)).to.deep.equal({ value: null, missing: ['gad7-4'] });
  });

  it('asks the difficulty question only once an item is above "Not at all"', () => {
    const difficulty = [...walkItems(gad7.items)].find((item) => item.id === 'gad7-difficulty')!;
    expect(difficulty.enableBehavior).to.equal('any');
    expect(difficulty.enableWhen).to.deep.equal(ITEMS.map((item) => ({ item, operator: '>', value: 0 })));
  });

  it('marks a decrease of 4 points or more as reaching the MCID (Toussaint et al. 2020)', () => {
    const previous = { total: { value: 14, band: 'moderate' } };
    expect(scoreAnswers(gad7, filled(10), previous)['total']).to.deep.equal({ value: 10, band: 'moderate', change: -4, mcidReached: true });
    expect(scoreAnswers(gad7, filled(11), previous)['total']).to.include({ change: -3, mcidReached: false });
    expect(scoreAnswers(gad7, filled(18), previous)['total']).to.include({ change: 4, mcidReached: false });
  });
});

describe('PHQ-4 scoring (Kroenke et al. 2009)', () => {
  let json: Record<string, unknown>;
  let phq4: Instrument;
  before(async () => {
    json = await jsonOf('phq-4');
    phq4 = parseInstrument(json);
  });

  // Items by identity (their LOINC code), never by position.
  const NERVOUS = '69725-0';
  const WORRYING = '68509-9';
  const INTEREST = '44250-9';
  const DOWN = '44255-8';
  const idOf = (instrument: Instrument, code: string): string => {
    const matches = [...walkItems(instrument.items)].filter((item) => isQuestion(item) && item.code?.code === code);
    if (matches.length !== 1) throw new Error(`expected one item coded ${code}, found ${matches.length}`);
    return matches[0]!.id;
  };
  /** Answers by item identity: `{ [LOINC code]: value }`. */
  const answersByCode = (instrument: Instrument, values: Record<string, number>): Answers =>
    Object.fromEntries(Object.entries(values).map(([code, value]) => [idOf(instrument, code), value]));
  const score = (values: Record<string, number>, instrument = phq4) => scoreAnswers(instrument, answersByCode(instrument, values));
  /** Four answers adding up to `total`, filled in the file's order. */
  const totalOf = (total: number) => {
    let left = total;
    const values: Record<string, number> = {};
    for (const code of [NERVOUS, WORRYING, INTEREST, DOWN]) {
      values[code] = Math.min(3, left);
      left -= values[code]!;
    }
    return score(values)['total'];
  };

  it('keeps the item order of Kroenke et al. 2009: the two GAD-2 items, then the two PHQ-2 items', () => {
    const codes = [...walkItems(phq4.items)].filter(isQuestion).map((item) => item.code?.code);
    expect(codes).to.deep.equal([NERVOUS, WORRYING, INTEREST, DOWN]);
  });

  it('keys the anxiety subscale to the two GAD-2 items and the depression subscale to the two PHQ-2 items', () => {
    const itemsOf = (id: string) => [...phq4.scoring.scales.find((s) => s.id === id)!.items].sort();
    expect(itemsOf('anxiety')).to.deep.equal([idOf(phq4, NERVOUS), idOf(phq4, WORRYING)].sort());
    expect(itemsOf('depression')).to.deep.equal([idOf(phq4, INTEREST), idOf(phq4, DOWN)].sort());
    expect(itemsOf('total')).to.deep.equal([NERVOUS, WORRYING, INTEREST, DOWN].map((code) => idOf(phq4, code)).sort());
  });

  it('gives a total of 0 to 12: 0 and 2 are normal, 3 is mild (boundary 2/3)', () => {
    expect([totalOf(0), totalOf(2), totalOf(3)]).to.deep.equal([
      { value: 0, band: 'normal' },
      { value: 2, band: 'normal' },
      { value: 3, band: 'mild' },
    ]);
  });

  it('puts a total of 5 in mild and 6 in moderate distress (boundary 5/6)', () => {
    expect([totalOf(5), totalOf(6)]).to.deep.equal([{ value: 5, band: 'mild' }, { value: 6, band: 'moderate' }]);
  });

  it('puts a total of 8 in moderate and 9 to 12 in severe distress (boundary 8/9)', () => {
    expect([totalOf(8), totalOf(9), totalOf(12)]).to.deep.equal([
      { value: 8, band: 'moderate' },
      { value: 9, band: 'severe' },
      { value: 12, band: 'severe' },
    ]);
  });

  it('scores anxiety from the GAD-2 items only: 2 is below and 3 at the cut-off of 3', () => {
    const below = score({ [NERVOUS]: 1, [WORRYING]: 1, [INTEREST]: 3, [DOWN]: 3 });
    expect(below['anxiety']).to.deep.equal({ value: 2, band: 'negative' });
    expect(below['depression']).to.deep.equal({ value: 6, band: 'positive' });
    const at = score({ [NERVOUS]: 0, [WORRYING]: 3, [INTEREST]: 0, [DOWN]: 0 });
    expect(at['anxiety']).to.deep.equal({ value: 3, band: 'positive' });
    expect(at['depression']).to.deep.equal({ value: 0, band: 'negative' });
  });

  it('scores depression from the PHQ-2 items only: 2 is below and 3 at the cut-off of 3', () => {
    const below = score({ [NERVOUS]: 3, [WORRYING]: 3, [INTEREST]: 2, [DOWN]: 0 });
    expect(below['depression']).to.deep.equal({ value: 2, band: 'negative' });
    expect(below['anxiety']).to.deep.equal({ value: 6, band: 'positive' });
    const at = score({ [NERVOUS]: 0, [WORRYING]: 0, [INTEREST]: 1, [DOWN]: 2 });
    expect(at['depression']).to.deep.equal({ value: 3, band: 'positive' });
    expect(at['anxiety']).to.deep.equal({ value: 0, band: 'negative' });
  });

  it('scores the subscales by item identity whatever the order the items are shown in', () => {
    const reordered = structuredClone(json) as { items: { items: unknown[] }[] };
    reordered.items[0]!.items.reverse();
    const shuffled = parseInstrument(reordered);
    const codes = [...walkItems(shuffled.items)].filter(isQuestion).map((item) => item.code?.code);
    expect(codes).to.deep.equal([DOWN, INTEREST, WORRYING, NERVOUS]);
    const scores = score({ [NERVOUS]: 2, [WORRYING]: 2, [INTEREST]: 1, [DOWN]: 0 }, shuffled);
    expect(scores).to.deep.equal({
      total: { value: 5, band: 'mild' },
      anxiety: { value: 4, band: 'positive' },
      depression: { value: 1, band: 'negative' },
    });
  });

  it('gives no subscale score when one of its two items is unanswered, and leaves the other subscale scored', () => {
    const answers = answersByCode(phq4, { [NERVOUS]: 3, [INTEREST]: 1, [DOWN]: 1 });
    const scores = scoreAnswers(phq4, answers);
    expect(scores['anxiety']).to.deep.equal({ value: null, missing: ['phq4-worrying'] });
    expect(scores['total']).to.deep.equal({ value: null, missing: ['phq4-worrying'] });
    expect(scores['depression']).to.deep.equal({ value: 2, band: 'negative' });
  });
});
