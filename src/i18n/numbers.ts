import type { LanguageCode } from '../model/text.js';

interface Symbols {
  readonly decimal: string;
  readonly group: string;
  readonly digits: readonly string[];
}

const symbolCache = new Map<LanguageCode, Symbols>();

function symbolsOf(lang: LanguageCode): Symbols {
  let symbols = symbolCache.get(lang);
  if (!symbols) {
    const format = new Intl.NumberFormat(lang, { useGrouping: true });
    const parts = format.formatToParts(12345.6);
    symbols = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      digits: Array.from({ length: 10 }, (_, d) => format.format(d)),
    };
    symbolCache.set(lang, symbols);
  }
  return symbols;
}

/**
 * Reads a number as a person types it in their language: "3,5" in Danish, "٣٫٥" in Arabic,
 * "1 234,5" in Swedish. Western digits and "." as the decimal mark are accepted in every
 * language, since many keyboards offer nothing else. NaN when the text is not a number.
 */
export function parseLocaleNumber(text: string, lang: LanguageCode): number {
  const { decimal, group, digits } = symbolsOf(lang);
  let normalized = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[\u2212\u2013]/g, '-')
    // Arabic-Indic and Persian digits and marks, whichever numbering the language defaults to.
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, decimal)
    .replace(/\u066c/g, group);
  digits.forEach((digit, value) => (normalized = normalized.split(digit).join(String(value))));
  const dotIsDecimal = group === '.' && !normalized.includes(decimal);
  if (!dotIsDecimal) {
    // A group mark counts only before exactly three digits; "1,5" in English is a mistake, not 15.
    const escaped = group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    normalized = normalized.replace(new RegExp(`${escaped}(?=\\d{3}(?!\\d))`, 'g'), '');
  }
  normalized = normalized.split(decimal).join('.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(normalized) ? Number(normalized) : NaN;
}
