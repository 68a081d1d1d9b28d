import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/pp-questionnaire/pp-questionnaire.js';
import '../components/pp-score-chart/pp-score-chart.js';
import type { ScoreSeries } from '../components/pp-score-chart/pp-score-chart.js';

interface Args {
  src: string;
  lang: string;
  scales: string;
  series: readonly ScoreSeries[];
}

// Individualised rehabilitation in a specialist pain unit: outcomes at the start, at discharge
// after about five months, and at the one-year follow-up.
const START = '2025-01-13';
const DISCHARGE = '2025-06-16';
const ONE_YEAR = '2026-06-15';
const rehabilitation = (scale: string, start: number, discharge: number, oneYear: number): ScoreSeries[] => [
  { scale, points: [{ date: START, value: start }, { date: DISCHARGE, value: discharge }, { date: ONE_YEAR, value: oneYear }] },
];

const pain = rehabilitation('pain-intensity', 7, 4, 5);
const disability = rehabilitation('total', 42, 24, 26);
const overallHealth = rehabilitation('vas', 40, 65, 70);
/** Depression screening at every few sessions: better by discharge, worse again at the follow-up. */
const phq9: ScoreSeries[] = [
  {
    scale: 'total',
    points: [
      { date: START, value: 18 },
      { date: '2025-02-24', value: 16 },
      { date: '2025-04-07', value: 11 },
      { date: DISCHARGE, value: 9 },
      { date: ONE_YEAR, value: 14 },
    ],
  },
];

/** A person's scores over visits, with the bands shaded, clinically important changes marked, and a table. */
const meta: Meta<Args> = {
  title: 'Score chart',
  component: 'pp-score-chart',
  args: { lang: 'en', scales: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'ar', 'da', 'de', 'sv', 'uk'] } },
  render: ({ src, lang, scales, series }) =>
    html`<pp-score-chart src=${src} lang=${lang} scales=${scales} .series=${series}></pp-score-chart>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Pain (NRS-11), disability (ODI) and overall health (EQ VAS) at start, discharge and one year. */
export const RehabilitationOutcomes: Story = {
  render: ({ lang }) => html`<div style="display: grid; gap: 3rem">
    <pp-score-chart src="content/instruments/nrs-11.json" lang=${lang} .series=${pain}></pp-score-chart>
    <pp-score-chart src="content/instruments/odi-2.1a.json" lang=${lang} .series=${disability}></pp-score-chart>
    <pp-score-chart src="content/instruments/eq-5d-5l.json" lang=${lang} .series=${overallHealth}></pp-score-chart>
  </div>`,
};

export const PainIntensity: Story = { args: { src: 'content/instruments/nrs-11.json', series: pain } };

/** The same chart in Arabic: time runs from right to left. */
export const PainIntensityArabic: Story = { args: { ...PainIntensity.args, lang: 'ar' } };

export const Phq9OverVisits: Story = { args: { src: 'content/instruments/phq-9.json', series: phq9 } };

export const Phq9OverVisitsArabic: Story = { args: { ...Phq9OverVisits.args, lang: 'ar' } };

/** The follow-up questionnaire was left incomplete, so that visit has no score: a gap, not a line through it. */
export const MissedScore: Story = {
  args: {
    src: 'content/instruments/phq-9.json',
    series: [{ scale: 'total', points: [{ date: START, value: 18 }, { date: DISCHARGE, value: 9 }, { date: ONE_YEAR, value: null }] }],
  },
};

/** Two scales with the same range share a chart; shapes and dashes tell them apart without colour. */
export const TwoScalesInOneChart: Story = {
  args: {
    src: 'content/instruments/phq-4.json',
    scales: 'anxiety depression',
    series: [
      { scale: 'anxiety', points: [{ date: START, value: 5 }, { date: DISCHARGE, value: 2 }, { date: ONE_YEAR, value: 3 }] },
      { scale: 'depression', points: [{ date: START, value: 4 }, { date: DISCHARGE, value: 3 }, { date: ONE_YEAR, value: 1 }] },
    ],
  },
};

export const NoScoresYet: Story = { args: { src: 'content/instruments/phq-9.json', series: [] } };

/**
 * With `keep-history`, each PHQ-9 submitted on the page is kept in this browser and added to the
 * chart, which shows it again on the next visit.
 */
export const KeptHistory: Story = {
  render: ({ lang }) => html`<div style="display: grid; gap: 3rem">
    <pp-score-chart src="content/instruments/phq-9.json" lang=${lang} keep-history></pp-score-chart>
    <pp-questionnaire src="content/instruments/phq-9.json" lang=${lang} layout="list" draft-key=${`storybook-${crypto.randomUUID()}`}></pp-questionnaire>
  </div>`,
};
