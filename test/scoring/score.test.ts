import { expect } from '@open-wc/testing';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import type { Instrument } from '../../src/model/instrument.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { phq9AnswersFor, phq9Json } from '../helpers/fixtures.js';

describe('scoreAnswers with PHQ-9 (Kroenke et al. 2001)', () => {
  let phq9: Instrument;
  before(async () => {
    phq9 = parseInstrument(await phq9Json());
  });

  const bandAt = (total: number) => {
    const score = scoreAnswers(phq9, phq9AnswersFor(total))['total']!;
    expect(score.value).to.equal(total);
    return score.band;
  };

  it('puts every boundary score in its severity band', () => {
    expect([0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map(bandAt)).to.deep.equal([
      'none-minimal', 'none-minimal', 'mild', 'mild', 'moderate', 'moderate', 'moderately-severe', 'moderately-severe', 'severe', 'severe',
    ]);
  });

  it('gives no score when an item is unanswered', () => {
    const answers: Record<string, number> = phq9AnswersFor(12);
    delete answers['phq9-5'];
    expect(scoreAnswers(phq9, answers)['total']).to.deep.equal({ value: null, missing: ['phq9-5'] });
  });

  it('does not count the difficulty question', () => {
    const answers = { ...phq9AnswersFor(6), 'phq9-difficulty': 'very-difficult' };
    expect(scoreAnswers(phq9, answers)['total']!.value).to.equal(6);
  });

  it('marks a change of 5 points or more as reaching the MCID (Löwe et al. 2004)', () => {
    const previous = { total: { value: 18, band: 'moderately-severe' } };
    expect(scoreAnswers(phq9, phq9AnswersFor(13), previous)['total']).to.deep.equal({ value: 13, band: 'moderate', change: -5, mcidReached: true });
    expect(scoreAnswers(phq9, phq9AnswersFor(14), previous)['total']).to.include({ change: -4, mcidReached: false });
  });
});
