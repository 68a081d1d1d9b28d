import type { ErrorDetail } from '../../src/events.js';
import { resolveLocale } from '../../src/i18n/locale.js';
import { sourceLanguageOf, type Instrument } from '../../src/model/instrument.js';
import { own } from '../../src/model/own.js';

/** What the element knew of a language it could not show, when it rendered. */
export interface TranslationFallback {
  readonly instrument: Instrument;
  /** The language the host asked for; undefined when it asked for none. */
  readonly requested: string | undefined;
  readonly shown: string;
  /** Whether the instrument lacks the requested language, or has it in a status not accepted. */
  readonly lacksLanguage: boolean;
  readonly acceptTranslations: string | undefined;
  /** Texts shown in the source language because they lack the shown one. */
  readonly textsInFallback: readonly string[];
}

/**
 * The `translation-refused` or `missing-translation` error telling the host which language is
 * shown instead, and why. Such content is rare, so this is loaded only when it is needed.
 */
export function translationFallbackError({ instrument, requested, shown, lacksLanguage, acceptTranslations, textsInFallback }: TranslationFallback): ErrorDetail {
  if (lacksLanguage && requested !== undefined) {
    const refused = resolveLocale([requested], instrument.languages, '');
    const status = refused ? own(instrument.translations, refused)?.status : undefined;
    return {
      ...(status
        ? {
            code: 'translation-refused',
            message: `${instrument.id} in "${refused}" is a ${status} translation, not accepted (${acceptTranslations ?? 'by default a validated instrument needs official or verified'}); it is shown in "${shown}".`,
          }
        : { code: 'missing-translation', message: `${instrument.id} has no text in "${requested}"; it is shown in "${shown}".` }),
      fallback: { requested, shown, ...(status && { status }) },
    };
  }
  const examples = textsInFallback.slice(0, 3).map((t) => `"${t.slice(0, 40)}"`);
  return {
    code: 'missing-translation',
    message: `${textsInFallback.length} texts of ${instrument.id} have no "${shown}" version and are shown in "${sourceLanguageOf(instrument)}": ${examples.join(', ')}.`,
  };
}
