import { expect } from '@open-wc/testing';
import { buildScoreChart, seriesFromResults, type ScoreSeries } from '../../src/charts/score-series.js';
import { importantChange } from '../../src/scoring/score.js';
import { summarySentence } from '../../components/pp-score-chart/chart-text.js';
import type { QuestionnaireResult } from '../../src/events.js';
import type { Instrument } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { loadJson } from '../helpers/fixtures.js';

const load = async (file: string) => parseInstrument(await loadJson(`/content/instruments/${file}`));

/** Start, discharge and one-year follow-up, as in the Swedish specialist pain unit's outcome measures. */
const VISITS = ['2025-01-13', '2025-06-16', '2026-06-15'];
const overVisits = (scale: string, ...values: (number | null)[]): ScoreSeries => ({
  scale,
  points: values.map((value, i) => ({ date: VISITS[i]!, value })),
});

describe('buildScoreChart', () => {
  let phq9: Instrument;
  let nrs: Instrument;
  let who5: Instrument;
  let eq5d: Instrument;
  let phq4: Instrument;
  let bpi: Instrument;
  before(async () => {
    [phq9, nrs, who5, eq5d, phq4, bpi] = await Promise.all(
      ['phq-9.json', 'nrs-11.json', 'who-5.json', 'eq-5d-5l.json', 'phq-4.json', 'bpi-sf.json'].map(load),
    );
  });

  it("gives the y axis the scale's range and shades its bands up to where the next one starts", () => {
    const [panel] = buildScoreChart(phq9, [overVisits('total', 18, 9)], { lang: 'en' }).panels;
    expect(panel!.range).to.deep.equal({ min: 0, max: 27 });
    expect(panel!.bands.map(({ label, from, to }) => [label, from, to])).to.deep.equal([
      ['None to minimal', 0, 5],
      ['Mild', 5, 10],
      ['Moderate', 10, 15],
      ['Moderately severe', 15, 20],
      ['Severe', 20, 27],
    ]);
  });

  it('puts each visit on the time axis with its date, leaving room around the first and last', () => {
    const [panel] = buildScoreChart(nrs, [overVisits('pain-intensity', 7, 4, 4)], { lang: 'en' }).panels;
    expect(panel!.ticks.map((tick) => tick.label)).to.deep.equal(['Jan 13, 2025', 'Jun 16, 2025', 'Jun 15, 2026']);
    expect(panel!.ticks[0]!.time).to.equal(Date.UTC(2025, 0, 13));
    expect(panel!.x.min).to.be.below(panel!.ticks[0]!.time);
    expect(panel!.x.max).to.be.above(panel!.ticks[2]!.time);
  });

  it('labels each point with its value and band, and its change since the previous visit', () => {
    const [line] = buildScoreChart(phq9, [overVisits('total', 18, 14, 9)], { lang: 'en' }).panels[0]!.lines;
    expect(line!.points.map(({ valueText, bandLabel, changeText }) => [valueText, bandLabel, changeText])).to.deep.equal([
      ['18', 'Moderately severe', undefined],
      ['14', 'Moderate', '-4'],
      ['9', 'Mild', '-5'],
    ]);
  });

  it('marks a fall reaching the MCID as an improvement on a scale where lower is better (PHQ-9, 5 points)', () => {
    const [line] = buildScoreChart(phq9, [overVisits('total', 18, 14, 9)], { lang: 'en' }).panels[0]!.lines;
    expect(line!.points.map((point) => point.importantChange)).to.deep.equal([undefined, undefined, 'improvement']);
  });

  it('marks a rise reaching the MCID as a worsening on a scale where lower is better (NRS-11, 2 points)', () => {
    const [line] = buildScoreChart(nrs, [overVisits('pain-intensity', 4, 6, 7)], { lang: 'en' }).panels[0]!.lines;
    expect(line!.points.map((point) => point.importantChange)).to.deep.equal([undefined, 'worsening', undefined]);
  });

  it('reads the direction from the MCID on a scale where higher is better (WHO-5, 10 points)', () => {
    const [line] = buildScoreChart(who5, [overVisits('total', 40, 52, 36)], { lang: 'en' }).panels[0]!.lines;
    expect(line!.points.map((point) => point.importantChange)).to.deep.equal([undefined, 'improvement', 'worsening']);
  });

  it('counts a change of exactly the MCID despite floating-point error (64.1 − 54.1)', () => {
    const [line] = buildScoreChart(who5, [overVisits('total', 54.1, 64.1)], { lang: 'en' }).panels[0]!.lines;
    expect(line!.points[1]).to.include({ change: 10, importantChange: 'improvement' });
    expect(importantChange(who5.scoring.scales[0]!, 9.99)).to.equal(undefined);
  });

  it('leaves a visit without a score as a gap and measures the next change from the last score', () => {
    const [line] = buildScoreChart(phq9, [overVisits('total', 18, null, 12)], { lang: 'en' }).panels[0]!.lines;
    expect(line!.points.map(({ value, valueText, change }) => [value, valueText, change])).to.deep.equal([
      [18, '18', undefined],
      [null, '', undefined],
      [12, '12', -6],
    ]);
    expect(line!.points[2]!.importantChange).to.equal('improvement');
  });

  it('leaves out points whose date cannot be read, and sorts the rest by date', () => {
    const series = { scale: 'total', points: [{ date: '2025-06-16', value: 9 }, { date: 'last spring', value: 3 }, { date: '2025-01-13', value: 18 }] };
    const [line] = buildScoreChart(phq9, [series], { lang: 'en' }).panels[0]!.lines;
    expect(line!.points.map((point) => point.value)).to.deep.equal([18, 9]);
  });

  it('draws scales with the same range in one panel and shares their bands only when they are the same', () => {
    const levels = ['mobility', 'self-care', 'usual-activities', 'pain-discomfort', 'anxiety-depression'];
    const eq = buildScoreChart(eq5d, [...levels.map((scale) => overVisits(scale, 3, 2)), overVisits('vas', 45, 70)], { lang: 'en' });
    expect(eq.panels.map((panel) => [panel.title, panel.range.max, panel.lines.length])).to.deep.equal([
      ['EQ-5D-5L', 5, 5],
      ['EQ VAS', 100, 1],
    ]);

    const screens = buildScoreChart(phq4, [overVisits('anxiety', 4, 2), overVisits('depression', 3, 1)], { lang: 'en' }).panels;
    expect(screens[0]!.bands.map((band) => band.label)).to.deep.equal(['Negative screen', 'Positive screen']);

    const pain = buildScoreChart(bpi, ['severity', 'interference', 'worst'].map((scale) => overVisits(scale, 6, 4)), { lang: 'en' }).panels;
    expect(pain[0]!.lines).to.have.length(3);
    expect(pain[0]!.bands, 'only "worst" has bands: shading them behind the others would mislead').to.deep.equal([]);
  });

  it('shows the scales asked for, in that order, and leaves out scales without scores', () => {
    const series = [overVisits('anxiety', 4, 2), overVisits('depression', 3, 1), overVisits('total', 7, 3)];
    const chart = buildScoreChart(phq4, series, { lang: 'en', scales: ['depression', 'total', 'no-such-scale'] });
    expect(chart.panels.flatMap((panel) => panel.lines.map((line) => line.scale))).to.deep.equal(['depression', 'total']);
    expect(buildScoreChart(phq4, [overVisits('total', 7)], { lang: 'en' }).panels.map((panel) => panel.title)).to.deep.equal(['PHQ-4 total score']);
  });

  it('writes names, bands, numbers and dates in the chosen language', () => {
    const [line] = buildScoreChart(nrs, [overVisits('pain-intensity', 7, 4)], { lang: 'ar' }).panels[0]!.lines;
    expect(line!.name).to.equal('شدة الألم');
    expect(line!.points[0]!.bandLabel).to.equal('ألم شديد');
    expect(line!.points[0]!.valueText).to.equal(new Intl.NumberFormat('ar').format(7));
    expect(line!.points[0]!.dateText).to.equal(new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2025, 0, 13)));
  });

  describe('summary', () => {
    const summaryOf = (instrument: () => Instrument, series: ScoreSeries) =>
      buildScoreChart(instrument(), [series], { lang: 'en' }).panels[0]!.lines[0]!.summary;

    it('compares the first and the last score against the MCID', () => {
      const summary = summaryOf(() => phq9, overVisits('total', 18, 14, 9));
      expect(summary).to.include({ kind: 'change', name: 'PHQ-9 total score', verdict: 'improvement' });
      expect(summarySentence(summary)).to.equal(
        'On Jan 13, 2025, PHQ-9 total score was 18, Moderately severe; on Jun 15, 2026, it was 9, Mild: a clinically important improvement.',
      );
    });

    it('says so when the change is a clinically important worsening', () => {
      const summary = summaryOf(() => nrs, overVisits('pain-intensity', 4, 7));
      expect(summarySentence(summary)).to.equal(
        'On Jan 13, 2025, Pain intensity was 4, Moderate pain; on Jun 16, 2025, it was 7, Severe pain: a clinically important worsening.',
      );
    });

    it('says so when the change is smaller than the MCID', () => {
      const summary = summaryOf(() => nrs, overVisits('pain-intensity', 7, 5, 6));
      expect(summary).to.include({ verdict: 'unimportant' });
      expect(summarySentence(summary)).to.match(/: not a clinically important change\.$/);
    });

    it('makes no claim about importance for a scale without an MCID', () => {
      const summary = summaryOf(() => eq5d, overVisits('vas', 45, 65, 70));
      expect(summary).to.include({ verdict: undefined });
      expect(summarySentence(summary)).to.equal('On Jan 13, 2025, EQ VAS was 45; on Jun 15, 2026, it was 70.');
    });

    it('skips visits without a score, and says when there is one score or none', () => {
      expect(summarySentence(summaryOf(() => phq9, overVisits('total', null, 11, null)))).to.equal('On Jun 16, 2025, PHQ-9 total score was 11, Moderate.');
      expect(summarySentence(summaryOf(() => phq9, overVisits('total', null, null)))).to.equal('PHQ-9 total score: no score yet.');
    });
  });
});

describe('seriesFromResults', () => {
  const result = (id: string, finishedAt: string, scores: QuestionnaireResult['scores']) =>
    ({ instrument: { id, version: '1.0.0', language: 'en', translationStatus: 'official' }, finishedAt, scores }) as unknown as QuestionnaireResult;

  it("takes one series per scale from the instrument's results, dated when they were finished", () => {
    const results = [
      result('phq-9', '2025-01-13T09:30:00.000Z', { total: { value: 18, band: 'moderately-severe' } }),
      result('gad-7', '2025-01-13T09:40:00.000Z', { total: { value: 12, band: 'moderate' } }),
      result('phq-9', '2025-06-16T10:00:00.000Z', { total: { value: null } }),
    ];
    expect(seriesFromResults(results, 'phq-9')).to.deep.equal([
      { scale: 'total', points: [{ date: '2025-01-13T09:30:00.000Z', value: 18 }, { date: '2025-06-16T10:00:00.000Z', value: null }] },
    ]);
  });
});
