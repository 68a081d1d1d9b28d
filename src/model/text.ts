/** BCP 47 language tag, e.g. `en`, `da`, `ar`. */
export type LanguageCode = string;

/** A content text in each language it exists in: `{"en": "...", "da": "..."}`. */
export type TextMap = Readonly<Record<LanguageCode, string>>;
