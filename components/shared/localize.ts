import { html, type TemplateResult } from 'lit';
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { directionOf, resolveLocale } from '../../src/i18n/locale.js';
import { own } from '../../src/model/own.js';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';
/** The languages of the user interface. */
export const UI_LOCALES: readonly string[] = allLocales;

type LocaleModule = { readonly templates: Record<string, unknown> };

// Fixed imports (one chunk per language), so a page downloads only the languages it shows;
// a kiosk preloads its languages, and its service worker keeps them for offline use.
const LOCALE_LOADERS: Readonly<Record<string, () => Promise<LocaleModule>>> = {
  ar: () => import('./locales/ar.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  nb: () => import('./locales/nb.js'),
  pl: () => import('./locales/pl.js'),
  sv: () => import('./locales/sv.js'),
  uk: () => import('./locales/uk.js'),
};
const loadedLocales = new Map<string, LocaleModule>();
const loadingLocales = new Map<string, Promise<void>>();

/**
 * Fetches a user-interface language's strings the first time it is needed. English needs none.
 * Never rejects: when a language cannot be fetched (offline), texts stay English and the next
 * call tries again.
 */
export function loadUiLocale(locale: string): Promise<void> {
  const load = own(LOCALE_LOADERS, locale);
  if (!load || loadedLocales.has(locale)) return Promise.resolve();
  let loading = loadingLocales.get(locale);
  if (!loading) {
    loading = load()
      .then((module) => void loadedLocales.set(locale, module))
      .catch(() => undefined)
      .finally(() => loadingLocales.delete(locale));
    loadingLocales.set(locale, loading);
  }
  return loading;
}

let activeLocale: string = sourceLocale;

// Re-entrant mode: every msg() asks for the locale of the element rendering it, so elements in
// different languages can share a page. Throws when the host configured @lit/localize itself on
// the same module instance; our strings then follow the host's configuration.
try {
  configureReentrantLocalization({
    sourceLocale,
    targetLocales: [...targetLocales],
    getLocale: () => activeLocale,
    loadLocaleSync: (locale) => loadedLocales.get(locale) as never,
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

/**
 * An element's root in the language of its content, with the interface texts (buttons, messages)
 * in the same language, so one language is on screen at a time.
 */
export const localizedRoot = (lang: string, body: () => unknown): TemplateResult =>
  inLocale(uiLocaleFor(lang), () => html`<div class="root" lang=${lang} dir=${directionOf(lang)}>${body()}</div>`);
