/** BCP 47 language tag, e.g. `en`, `da`, `ar`. */
export type LanguageCode = string;

/** A content text in each language it exists in: `{"en": "...", "da": "..."}`. */
export type TextMap = Readonly<Record<LanguageCode, string>>;

/** How far a language's wording can be trusted; `official` only when it is the licence holder's, word for word. */
export type TranslationStatus = 'official' | 'verified' | 'draft';

/** The document a translation was compared with, word for word. */
export interface TranslationEvidence {
  readonly title: string;
  readonly publisher: string;
  readonly year: number;
  /** Where the document was found (a URL, or the licence or file reference it came with). */
  readonly foundAt: string;
}

export interface Translation {
  readonly status: TranslationStatus;
  /** Where the wording comes from, so a reviewer can check it word for word. */
  readonly source: string;
  /** Required for `official` and `verified`: a claim of checked wording names what it was checked against. */
  readonly evidence?: TranslationEvidence;
}

/** The tag as `Intl` writes it (`EN-us` → `en-US`), or undefined when it is not a BCP 47 language tag. */
export function canonicalLanguageTag(tag: string): LanguageCode | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
