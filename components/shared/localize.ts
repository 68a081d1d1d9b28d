import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { resolveLocale } from '../../src/i18n/locale.js';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';
import * as ar from './locales/ar.js';
import * as da from './locales/da.js';
import * as de from './locales/de.js';
import * as nb from './locales/nb.js';
import * as pl from './locales/pl.js';
import * as sv from './locales/sv.js';
import * as uk from './locales/uk.js';

/** The languages of the user interface. Bundled, not fetched: kiosks must work offline. */
export const UI_LOCALES: readonly string[] = allLocales;
const LOCALE_MODULES = { ar, da, de, nb, pl, sv, uk } as const;

let activeLocale: string = sourceLocale;

// Re-entrant mode: every msg() asks for the locale of the element rendering it, so elements in
// different languages can share a page. Throws when the host configured @lit/localize itself on
// the same module instance; our strings then follow the host's configuration.
try {
  configureReentrantLocalization({
    sourceLocale,
    targetLocales: [...targetLocales],
    getLocale: () => activeLocale,
    loadLocaleSync: (locale) => LOCALE_MODULES[locale as keyof typeof LOCALE_MODULES],
  });
} catch (error) {
  console.warn('Painpath: @lit/localize was already configured by the page, so Painpath shows its own texts as the page configured them.', error);
}

/** Runs `render` with user-interface texts (msg) in `locale`. */
export function inLocale<T>(locale: string, render: () => T): T {
  const previous = activeLocale;
  activeLocale = locale;
  try {
    return render();
  } finally {
    activeLocale = previous;
  }
}

/** The user-interface locale for a content language: the same language when we have it, else English. */
export const uiLocaleFor = (language: string): string => resolveLocale([language], UI_LOCALES, sourceLocale);
