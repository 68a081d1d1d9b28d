import type { QuestionnaireResult } from '../events.js';
import { localText } from '../i18n/locale.js';
import { sourceLanguageOf, type Instrument, type Scale, type ScaleId } from '../model/instrument.js';
import type { LanguageCode, TextMap } from '../model/text.js';
import { bandOf, changeBetween, importantChange, type ImportantChange } from '../scoring/score.js';

export type { ImportantChange } from '../scoring/score.js';

/** One visit's score: `date` is ISO 8601 (`2025-03-14` or a timestamp); `value` null when the scale had no score. */
export interface ScorePoint {
  readonly date: string;
  readonly value: number | null;
}

/** A scale's scores over time, e.g. from a record system rather than from `pp-submit` results. */
export interface ScoreSeries {
  readonly scale: ScaleId;
  readonly points: readonly ScorePoint[];
}

/** A change at least as large as the scale's MCID, named by the way it goes for the person. */

export interface ChartPoint {
  /** Milliseconds since 1970: the position on the time axis. */
  readonly time: number;
  readonly dateText: string;
  readonly value: number | null;
  /** The value as the language writes it; empty when there is no score. */
  readonly valueText: string;
  /** The label of the interpretation band the value falls in. */
  readonly bandLabel?: string;
  /** This value minus the previous visit's (the previous one with a score). */
  readonly change?: number;
  /** The change with its sign, as the language writes it: "−9", "+3". */
  readonly changeText?: string;
  readonly importantChange?: ImportantChange;
}

export interface ChartBand {
  readonly id: string;
  readonly label: string;
  /** Where the band starts and ends on the y axis: from its `min` to the next band's (or the range's end), as `bandOf` reads bands. */
  readonly from: number;
  readonly to: number;
}

/**
 * What a summary sentence says about one scale: its first and last scores and, when the scale
 * has an MCID, whether the change between them is clinically important (`verdict`).
 */
export type Summary =
  | { readonly kind: 'no-scores'; readonly name: string }
  | { readonly kind: 'one-score'; readonly name: string; readonly score: ChartPoint }
  | {
      readonly kind: 'change';
      readonly name: string;
      readonly from: ChartPoint;
      readonly to: ChartPoint;
      /** undefined when the scale has no MCID. */
      readonly verdict: ImportantChange | 'unimportant' | undefined;
    };

export interface ChartLine {
  readonly scale: ScaleId;
  readonly name: string;
  /** Oldest first. */
  readonly points: readonly ChartPoint[];
  /** The scale's own interpretation bands. */
  readonly bands: readonly ChartBand[];
  readonly summary: Summary;
}

/** One chart: the scales that share a y range, drawn over the same axes. */
export interface ChartPanel {
  /** The scale's name, or the instrument's title when several scales share the panel. */
  readonly title: string;
  readonly range: { readonly min: number; readonly max: number };
  readonly lines: readonly ChartLine[];
  /** Bands to shade: those of the lines when they all have the same ones, else none (whose would they be?). */
  readonly bands: readonly ChartBand[];
  /** The time axis, with room around the first and last visit so their points are not cut in half. */
  readonly x: { readonly min: number; readonly max: number };
  /** One tick per visit date. */
  readonly ticks: readonly { readonly time: number; readonly label: string }[];
}

export interface ScoreChart {
  readonly lang: LanguageCode;
  readonly panels: readonly ChartPanel[];
}

export interface ScoreChartOptions {
  /** The language of names, band labels, numbers and dates. */
  readonly lang: LanguageCode;
  /** The scales to show, in this order; every scale with scores, in the instrument's order, when absent. */
  readonly scales?: readonly ScaleId[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The scores of one instrument's results, as one series per scale. */
export function seriesFromResults(results: readonly QuestionnaireResult[], instrumentId: string): ScoreSeries[] {
  const byScale = new Map<ScaleId, ScorePoint[]>();
  for (const result of results) {
    if (result.instrument.id !== instrumentId) continue;
    for (const [scale, score] of Object.entries(result.scores)) {
      byScale.set(scale, [...(byScale.get(scale) ?? []), { date: result.finishedAt, value: score.value }]);
    }
  }
  return [...byScale].map(([scale, points]) => ({ scale, points }));
}


interface Formats {
  readonly number: (value: number) => string;
  readonly change: (change: number) => string;
  readonly date: (date: string, time: number) => string;
  readonly text: (text: TextMap) => string;
}

function formatsFor(instrument: Instrument, lang: LanguageCode): Formats {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const localDate = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  // A bare date is read as midnight UTC, so it is shown in UTC too: otherwise west of Greenwich it is the day before.
  const calendarDate = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    number: (value) => number.format(value),
    change: (change) => signed.format(change),
    date: (date, time) => (DATE_ONLY.test(date) ? calendarDate : localDate).format(time),
    text: (text) => localText(text, lang, sourceLanguageOf(instrument)),
  };
}

interface TimedPoint extends ScorePoint {
  readonly time: number;
}

/** Points by scale, oldest first; points whose date cannot be read are left out. */
function pointsByScale(series: readonly ScoreSeries[]): Map<ScaleId, TimedPoint[]> {
  const byScale = new Map<ScaleId, TimedPoint[]>();
  for (const { scale, points } of series) {
    const timed = points.map((point) => ({ ...point, time: Date.parse(point.date) })).filter((point) => !Number.isNaN(point.time));
    byScale.set(scale, [...(byScale.get(scale) ?? []), ...timed]);
  }
  for (const points of byScale.values()) points.sort((a, b) => a.time - b.time);
  return byScale;
}

const bandsOf = (scale: Scale, format: Formats): ChartBand[] =>
  scale.bands.map((band, index) => ({
    id: band.id,
    label: format.text(band.label),
    from: band.min,
    to: scale.bands[index + 1]?.min ?? scale.range.max,
  }));

function chartPoints(scale: Scale, points: readonly TimedPoint[], format: Formats): ChartPoint[] {
  let previous: number | undefined;
  return points.map(({ date, time, value }) => {
    const dateText = format.date(date, time);
    if (value === null) return { time, dateText, value, valueText: '' };
    const band = bandOf(scale, value);
    // Across a visit without a score the change is against the last visit that had one.
    const change = previous === undefined ? undefined : changeBetween(previous, value);
    const important = change === undefined ? undefined : importantChange(scale, change);
    previous = value;
    return {
      time,
      dateText,
      value,
      valueText: format.number(value),
      ...(band && { bandLabel: format.text(band.label) }),
      ...(change !== undefined && { change, changeText: format.change(change) }),
      ...(important && { importantChange: important }),
    };
  });
}

function summaryOf(scale: Scale, name: string, points: readonly ChartPoint[]): Summary {
  const scored = points.filter((point) => point.value !== null);
  const first = scored[0];
  const last = scored.at(-1);
  if (!first || !last) return { kind: 'no-scores', name };
  if (first === last) return { kind: 'one-score', name, score: first };
  const verdict = scale.mcid ? (importantChange(scale, changeBetween(first.value!, last.value!)) ?? 'unimportant') : undefined;
  return { kind: 'change', name, from: first, to: last, verdict };
}

const sameBands = (a: readonly ChartBand[], b: readonly ChartBand[]): boolean =>
  a.length === b.length && a.every((band, i) => band.from === b[i]!.from && band.to === b[i]!.to && band.label === b[i]!.label);

function panelOf(range: Scale['range'], lines: readonly ChartLine[], instrumentTitle: string): ChartPanel {
  const points = lines.flatMap((line) => line.points);
  const labels = new Map(points.map((point) => [point.time, point.dateText]));
  const times = [...labels.keys()].sort((a, b) => a - b);
  const first = times[0]!;
  const last = times.at(-1)!;
  const margin = last > first ? (last - first) * 0.05 : DAY_MS;
  const [head, ...rest] = lines;
  return {
    title: lines.length === 1 ? head!.name : instrumentTitle,
    range,
    lines,
    bands: head!.bands.length > 0 && rest.every((line) => sameBands(line.bands, head!.bands)) ? head!.bands : [],
    x: { min: first - margin, max: last + margin },
    ticks: times.map((time) => ({ time, label: labels.get(time)! })),
  };
}

/**
 * The charts for an instrument's scores: one panel per y range (so EQ-5D's five 1–5 levels share a
 * chart and its 0–100 VAS gets its own), each line with its points, bands, changes that reach the
 * MCID, and what its summary sentence says. Scales without any points are left out.
 */
export function buildScoreChart(instrument: Instrument, series: readonly ScoreSeries[], { lang, scales }: ScoreChartOptions): ScoreChart {
  const format = formatsFor(instrument, lang);
  const byScale = pointsByScale(series);
  const wanted = scales ?? instrument.scoring.scales.map((scale) => scale.id);
  const groups: { range: Scale['range']; lines: ChartLine[] }[] = [];
  for (const id of wanted) {
    const scale = instrument.scoring.scales.find((s) => s.id === id);
    const points = byScale.get(id);
    if (!scale || !points?.length) continue;
    const name = format.text(scale.name);
    const shown = chartPoints(scale, points, format);
    const line: ChartLine = { scale: id, name, points: shown, bands: bandsOf(scale, format), summary: summaryOf(scale, name, shown) };
    const group = groups.find((g) => g.range.min === scale.range.min && g.range.max === scale.range.max);
    if (group) group.lines.push(line);
    else groups.push({ range: scale.range, lines: [line] });
  }
  return { lang, panels: groups.map(({ range, lines }) => panelOf(range, lines, format.text(instrument.title ?? instrument.meta.name))) };
}
