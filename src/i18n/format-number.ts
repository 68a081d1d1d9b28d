import type { LanguageCode } from '../model/text.js';

/**
 * Languages that write their numbers with the digits 0–9 and group only from 1,000 on (their
 * Unicode CLDR default numbering system is `latn`; test/i18n/format-number.test.ts holds each to
 * the browser's own formatting).
 */
const WESTERN_DIGITS = new Set(
  'bg bs cs da de el en es et fi fr hr hu is it lt lv nb nl nn no pl pt ro ru sk sl so sq sr sv tr uk'.split(' '),
);

/** Whether String() writes the number as the language does: a whole number from 0 up, in a language of western digits. */
const writtenAsString = (value: number, lang: LanguageCode): boolean =>
  Number.isSafeInteger(value) && value >= 0 && WESTERN_DIGITS.has(lang.toLowerCase());

/** The two ways numbers are written: as the language groups them, and ungrouped, to read back unchanged. */
const STYLES = {
  grouped: {},
  ungrouped: { useGrouping: false, maximumFractionDigits: 10 },
} satisfies Record<string, Intl.NumberFormatOptions>;

const formats = new Map<string, Intl.NumberFormat>();

/** The language's Intl.NumberFormat of a style, made once: each costs time, the first a page makes tens of milliseconds. */
function numberFormat(lang: LanguageCode, style: keyof typeof STYLES): Intl.NumberFormat {
  const key = `${style} ${lang}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, STYLES[style]);
    formats.set(key, format);
  }
  return format;
}

/**
 * A number as the language writes it. Counts below 1,000 in a language of western digits are
 * written without Intl.NumberFormat, which would delay the first paint of every form.
 */
export const formatNumber = (value: number, lang: LanguageCode): string =>
  value < 1000 && writtenAsString(value, lang) ? String(value) : numberFormat(lang, 'grouped').format(value);

/**
 * A number as the language writes it, without grouping, so that it reads back unchanged (see
 * parseLocaleNumber). Whole numbers in a language of western digits skip Intl.NumberFormat, which
 * would hold up the first answer that shows a computed score.
 */
export const formatLocaleNumber = (value: number, lang: LanguageCode): string =>
  writtenAsString(value, lang) ? String(value) : numberFormat(lang, 'ungrouped').format(value);
