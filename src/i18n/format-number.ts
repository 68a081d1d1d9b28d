import type { LanguageCode } from '../model/text.js';

/**
 * Languages that write their numbers with the digits 0–9 and group only from 1,000 on (their
 * Unicode CLDR default numbering system is `latn`; test/i18n/format-number.test.ts holds each to
 * the browser's own formatting).
 */
const WESTERN_DIGITS = new Set(
  'bg bs cs da de el en es et fi fr hr hu is it lt lv nb nl nn no pl pt ro ru sk sl so sq sr sv tr uk'.split(' '),
);

const formats = new Map<LanguageCode, Intl.NumberFormat>();

/**
 * A number as the language writes it. Counts below 1,000 in a language of western digits are
 * written without Intl.NumberFormat: the first one a page makes costs tens of milliseconds (the
 * browser loads its number data), which would delay the first paint of every form.
 */
export function formatNumber(value: number, lang: LanguageCode): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000 && WESTERN_DIGITS.has(lang.toLowerCase())) return String(value);
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    formats.set(lang, format);
  }
  return format.format(value);
}
