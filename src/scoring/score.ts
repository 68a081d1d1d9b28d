import type { Answers, Band, Instrument, Scale, ScaleId } from '../model/instrument.js';

export interface ScaleScore {
  /** null when not every item of the scale is answered. */
  readonly value: number | null;
  /** Band id, e.g. `moderately-severe`; its label is in the scale's `bands`. */
  readonly band?: string;
  /** Present when a previous score of the same scale was given. */
  readonly change?: number;
  readonly mcidReached?: boolean;
}

export type Scores = Readonly<Record<ScaleId, ScaleScore>>;

export const bandOf = (scale: Scale, value: number): Band | undefined =>
  scale.bands.find((band) => value >= band.min && value <= band.max);

function scoreScale(scale: Scale, answers: Answers, previous: ScaleScore | undefined): ScaleScore {
  const values = scale.items.map((id) => answers[id]);
  // Sum scales in our instruments have no published rule for missing items, so no score is given.
  const value = values.every((v): v is number => typeof v === 'number') ? values.reduce((sum, v) => sum + v, 0) : null;
  const band = value === null ? undefined : bandOf(scale, value)?.id;
  const score: ScaleScore = { value, ...(band && { band }) };
  if (value === null || previous?.value == null) return score;
  const change = value - previous.value;
  return { ...score, change, ...(scale.mcid && { mcidReached: Math.abs(change) >= scale.mcid.value }) };
}

/** Scores every scale of the instrument; `previous` (an earlier visit's scores) adds change vs MCID. */
export function scoreAnswers(instrument: Instrument, answers: Answers, previous?: Scores): Scores {
  return Object.fromEntries(instrument.scoring.scales.map((scale) => [scale.id, scoreScale(scale, answers, previous?.[scale.id])]));
}
