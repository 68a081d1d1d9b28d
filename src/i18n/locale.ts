import { own } from '../model/own.js';
import type { LanguageCode, TextMap } from '../model/text.js';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

/** The primary language subtag, lower case: `nb-NO` → `nb`. */
export const primaryLanguage = (tag: string): string => tag.toLowerCase().split('-')[0]!;

/**
 * Picks the first wanted language that is available, matching `nb-NO` to `nb` when needed;
 * otherwise the fallback. `wanted` is in priority order: the element's `lang`, the closest
 * `[lang]` ancestor, then `navigator.languages`.
 */
export function resolveLocale(wanted: readonly (string | null | undefined)[], available: readonly LanguageCode[], fallback: LanguageCode): LanguageCode {
  for (const tag of wanted) {
    if (!tag) continue;
    const exact = available.find((lang) => lang.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const sameLanguage = available.find((lang) => primaryLanguage(lang) === primaryLanguage(tag));
    if (sameLanguage) return sameLanguage;
  }
  return fallback;
}

export const directionOf = (lang: LanguageCode): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(primaryLanguage(lang)) ? 'rtl' : 'ltr');

/** The text in the language, or in the source language when the translation lacks it, or in any language it has. */
export const localText = (text: TextMap, lang: LanguageCode, sourceLanguage: LanguageCode): string =>
  own(text, lang) ?? own(text, sourceLanguage) ?? Object.values(text)[0] ?? '';
