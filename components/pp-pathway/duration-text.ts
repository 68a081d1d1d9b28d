import { msg, str } from '@lit/localize';
import { PERIOD_UNITS, type Amount, type Duration } from '../../src/model/pathway.js';

const INTL_UNITS = { days: 'day', weeks: 'week', months: 'month' } as const;

/**
 * A step's duration in words, e.g. "About 9 sessions over 5 months, 45 minutes each", with numbers
 * and units from `Intl` so that they read naturally (and in the reader's digits) in every language.
 * Call it inside `inLocale()`. Undefined when the duration has only a note.
 */
export function durationText(duration: Duration, lang: string): string | undefined {
  const amount = (value: Amount, options?: Intl.NumberFormatOptions) => {
    const format = new Intl.NumberFormat(lang, options);
    return typeof value === 'number' ? format.format(value) : format.formatRange(value[0], value[1]);
  };
  const inUnit = (value: Amount, unit: string) => amount(value, { style: 'unit', unit, unitDisplay: 'long' });

  const { sessions: sessionCount, minutesEach, approximate } = duration;
  let sessions: string | undefined;
  if (sessionCount !== undefined) {
    const count = amount(sessionCount);
    const singular = typeof sessionCount === 'number' && new Intl.PluralRules(lang).select(sessionCount) === 'one';
    sessions = singular ? msg(str`${count} session`) : msg(str`${count} sessions`, { desc: 'Number of appointments, e.g. "9 sessions" or "8–10 sessions"' });
  }
  const periodUnit = PERIOD_UNITS.find((unit) => duration[unit] !== undefined);
  const period = periodUnit && inUnit(duration[periodUnit]!, INTL_UNITS[periodUnit]);

  let text = sessions && period ? msg(str`${sessions} over ${period}`, { desc: 'e.g. "9 sessions over 5 months"' }) : (sessions ?? period);
  if (minutesEach !== undefined) {
    const minutes = inUnit(minutesEach, 'minute');
    text = text ? msg(str`${text}, ${minutes} each`, { desc: 'e.g. "8 sessions, 45 minutes each"' }) : msg(str`${minutes} each`);
  }
  return text && approximate ? msg(str`About ${text}`, { desc: 'A typical, not fixed, duration: "About 9 sessions over 5 months"' }) : text;
}
