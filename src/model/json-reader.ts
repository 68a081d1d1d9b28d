import { ContentError, type ContentProblem } from './content-error.js';
import { canonicalLanguageTag, type LanguageCode, type TextMap, type Translation, type TranslationEvidence } from './text.js';

const TRANSLATION_STATUSES = ['official', 'verified', 'draft'] as const;

/** Ids of content, scales, pages…: safe in URLs, DOM ids and file names. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type JsonObject = Readonly<Record<string, unknown>>;

export const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Drops undefined entries so that parsed objects carry only the fields a file gave, and parse again unchanged. */
export const defined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/**
 * Reads untrusted JSON while collecting every problem with its path, so that a content editor
 * sees all mistakes of a file at once instead of fixing them one load at a time.
 */
export class JsonReader {
  readonly problems: ContentProblem[] = [];

  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
    this.report(path, `expected an object, got ${describe(value)}`);
    return undefined;
  }

  array(value: unknown, path: string): readonly unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.report(path, `expected an array, got ${describe(value)}`);
    return undefined;
  }

  string(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.report(path, typeof value === 'string' ? 'expected a non-empty string' : `expected a string, got ${describe(value)}`);
    return undefined;
  }

  number(value: unknown, path: string): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.report(path, `expected a number, got ${describe(value)}`);
    return undefined;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.report(path, `expected true or false, got ${describe(value)}`);
    return undefined;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.report(path, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`);
    return undefined;
  }

  /**
   * A BCP 47 language tag, written as `Intl` writes it (`en-US`, not `EN-us`): texts are looked up
   * by the exact tag, so a file must use one spelling everywhere, and that is the canonical one.
   */
  languageTag(value: unknown, path: string): LanguageCode | undefined {
    const tag = this.string(value, path);
    if (tag === undefined) return undefined;
    const canonical = canonicalLanguageTag(tag);
    if (canonical === tag) return tag;
    this.report(path, canonical ? `write the language tag "${tag}" as "${canonical}"` : `"${tag}" is not a BCP 47 language tag`);
    return undefined;
  }

  /** A text in several languages, keyed by language tag; the source language must be present so nothing shows blank. */
  textMap(value: unknown, path: string, sourceLanguage: string | undefined): TextMap | undefined {
    const object = this.object(value, path);
    if (!object) return undefined;
    const entries = Object.entries(object).filter(
      (entry): entry is [string, string] => this.languageTag(entry[0], childPath(path, entry[0])) !== undefined && this.string(entry[1], childPath(path, entry[0])) !== undefined,
    );
    if (sourceLanguage && !Object.hasOwn(object, sourceLanguage)) {
      this.report(path, `missing the source language "${sourceLanguage}"`);
    }
    return Object.fromEntries(entries);
  }

  /** The status and source of each of the content's languages, and of none other. */
  translations(value: unknown, path: string, languages: readonly string[]): Record<string, Translation> | undefined {
    const object = this.object(value, path);
    if (!object) return undefined;
    const result = languages.flatMap((lang): [string, Translation][] => {
      const entryPath = childPath(path, lang);
      if (!Object.hasOwn(object, lang)) {
        this.report(path, `missing the translation status of "${lang}"`);
        return [];
      }
      const entry = this.object(object[lang], entryPath);
      const translation = entry && this.translation(entry, entryPath);
      return translation ? [[lang, translation]] : [];
    });
    for (const lang of Object.keys(object)) {
      if (!languages.includes(lang)) this.report(childPath(path, lang), `"${lang}" is not in languages`);
    }
    return Object.fromEntries(result);
  }

  /**
   * A translation's `status`, `source` and `evidence` (fields of `object`, at `path`). An
   * `official` or `verified` status must name the document it was compared with: without one,
   * nothing shows the claim was ever checked.
   */
  translation(object: JsonObject, path: string): Translation | undefined {
    const status = this.oneOf(object['status'], childPath(path, 'status'), TRANSLATION_STATUSES);
    const source = this.string(object['source'], childPath(path, 'source'));
    const evidencePath = childPath(path, 'evidence');
    const evidence = this.optional(object['evidence'], (v) => this.#evidence(v, evidencePath));
    if (status && status !== 'draft' && object['evidence'] === undefined) {
      this.report(evidencePath, `an "${status}" translation names the document it was compared with (title, publisher, year, foundAt); without one, mark it "draft"`);
    }
    if (!status || !source || (!evidence && (status !== 'draft' || object['evidence'] !== undefined))) return undefined;
    return evidence ? { status, source, evidence } : { status, source };
  }

  #evidence(value: unknown, path: string): TranslationEvidence | undefined {
    const object = this.object(value, path);
    if (!object) return undefined;
    const texts = (['title', 'publisher', 'foundAt'] as const).map((key) => this.string(object[key], childPath(path, key)));
    const year = this.number(object['year'], childPath(path, 'year'));
    if (year !== undefined && !Number.isInteger(year)) this.report(childPath(path, 'year'), `expected a year, got ${year}`);
    const [title, publisher, foundAt] = texts;
    return title && publisher && foundAt && Number.isInteger(year) ? { title, publisher, year: year!, foundAt } : undefined;
  }

  /** An id matching `pattern` (by default letters, digits, ".", "_", "-"). */
  id(value: unknown, path: string, pattern = ID_PATTERN): string | undefined {
    const id = this.string(value, path);
    if (id !== undefined && !pattern.test(id)) {
      const allowed = pattern === ID_PATTERN ? 'letters, digits, ".", "_", "-"; no spaces' : 'no spaces';
      this.report(path, `"${id}" is not a valid id (${allowed})`);
      return undefined;
    }
    return id;
  }

  /** A list whose every entry `read` accepts; undefined when any is invalid (each problem reported). */
  list<T>(value: unknown, path: string, read: (value: unknown, path: string) => T | undefined): T[] | undefined {
    const array = this.array(value, path);
    if (!array) return undefined;
    const parsed = array.map((entry, i) => read(entry, childPath(path, i)));
    return parsed.every((entry) => entry !== undefined) ? (parsed as T[]) : undefined;
  }

  /** A content file's `languages`: language tags, each listed once; the first is the source every text needs. */
  languages(value: unknown): { readonly languages: readonly string[]; readonly source: string | undefined } {
    const array = this.array(value, 'languages') ?? [];
    if (Array.isArray(value) && array.length === 0) this.report('languages', 'expected at least one language');
    const tags = array.map((lang, i) => this.languageTag(lang, childPath('languages', i)));
    tags.forEach((lang, i) => {
      if (lang !== undefined && tags.indexOf(lang) !== i) this.report(childPath('languages', i), `"${lang}" is listed twice`);
    });
    return { languages: tags.filter((lang) => lang !== undefined), source: tags[0] };
  }

  /** Reads an optional field: absent is fine, present must be valid. */
  optional<T>(value: unknown, read: (value: unknown) => T | undefined): T | undefined {
    return value === undefined ? undefined : read(value);
  }
}

/**
 * Parses a content file with `parse`, throwing one `ContentError` that lists every problem found,
 * named after the file's kind and id ("Pathway \"municipal-interdisciplinary\"").
 */
export function parseContent<T>(json: unknown, kind: string, parse: (reader: JsonReader, root: JsonObject) => T | undefined): T {
  const reader = new JsonReader();
  const root = reader.object(json, '');
  if (!root) throw new ContentError(kind, reader.problems);
  const parsed = parse(reader, root);
  if (reader.problems.length > 0 || parsed === undefined) {
    const id = typeof root['id'] === 'string' ? ` "${root['id']}"` : '';
    throw new ContentError(`${kind}${id}`, reader.problems);
  }
  return parsed;
}
