import { msg, str } from '@lit/localize';
import type { ChartPanel, ChartPoint, ImportantChange, Summary } from '../../src/charts/score-series.js';

// Called while rendering inside inLocale(), so that msg() answers in the chart's language.

/** "18, Moderately severe", or "18" when the scale has no bands. */
export function scoreText(point: ChartPoint): string {
  const { valueText: score, bandLabel: band } = point;
  return band ? msg(str`${score}, ${band}`, { desc: 'A score followed by its interpretation band, e.g. "18, Moderately severe"' }) : score;
}

export const importantChangeText = (change: ImportantChange): string =>
  change === 'improvement' ? msg('Clinically important improvement') : msg('Clinically important worsening');

/**
 * The sentence a screen reader reads for a scale: where it started, where it is now, and whether
 * that matters. Band labels may hold their own parentheses ("Severe disability (41-60%)"), so the
 * sentence uses commas and a semicolon rather than brackets.
 */
export function summarySentence(summary: Summary): string {
  const { name } = summary;
  if (summary.kind === 'no-scores') return msg(str`${name}: no score yet.`);
  if (summary.kind === 'one-score') {
    const score = scoreText(summary.score);
    const date = summary.score.dateText;
    return msg(str`On ${date}, ${name} was ${score}.`);
  }
  const from = scoreText(summary.from);
  const to = scoreText(summary.to);
  const fromDate = summary.from.dateText;
  const toDate = summary.to.dateText;
  switch (summary.verdict) {
    case 'improvement':
      return msg(str`On ${fromDate}, ${name} was ${from}; on ${toDate}, it was ${to}: a clinically important improvement.`);
    case 'worsening':
      return msg(str`On ${fromDate}, ${name} was ${from}; on ${toDate}, it was ${to}: a clinically important worsening.`);
    case 'unimportant':
      return msg(str`On ${fromDate}, ${name} was ${from}; on ${toDate}, it was ${to}: not a clinically important change.`);
    case undefined:
      return msg(str`On ${fromDate}, ${name} was ${from}; on ${toDate}, it was ${to}.`);
  }
}

export const panelSummary = (panel: ChartPanel): string => panel.lines.map((line) => summarySentence(line.summary)).join(' ');

/** "Change since the previous score: -9", for the tooltip. */
export function changeText(point: ChartPoint): string | undefined {
  if (point.changeText === undefined) return undefined;
  // Isolated left to right, so that right-to-left text does not move the sign behind the number.
  const change = `\u2066${point.changeText}\u2069`;
  return msg(str`Change since the previous score: ${change}`);
}
