/**
 * What an editor needs to know of a FHIR Questionnaire before previewing it: its languages (its
 * `language` and those of its translation extensions), each language's translation status, its
 * canonical `url|version` and its licence text. Read leniently and without the importer, because
 * Storybook's indexer runs it in Node on every file, broken ones included; the preview itself
 * reports a broken form with the importer's own problems.
 */
import { TRANSLATION, TRANSLATION_STATUS } from '../src/fhir/fhir-conformance.js';
import { primaryLanguage } from '../src/i18n/locale.js';

/**
 * `source` for the form's own language; `unstated` for a translation without Painpath's
 * translation-status extension, which the importer treats as a draft.
 */
export type FhirTranslationStatus = 'source' | 'unstated' | string;

export interface FhirSummary {
  readonly title: string;
  /** The source language first. */
  readonly languages: readonly string[];
  readonly statuses: Readonly<Record<string, FhirTranslationStatus>>;
  /** `url|version`, `url`, or undefined when the form has no url. */
  readonly canonical?: string;
  /** The form's `copyright`: the only licence statement a Questionnaire has. */
  readonly copyright?: string;
}

type Json = Record<string, unknown>;
/** A JSON object: not null, not an array. */
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** The value of a complex extension's part (`lang`, `status`). */
const part = (extension: Json, url: string): unknown =>
  (Array.isArray(extension['extension']) ? extension['extension'] : []).find((p): p is Json => isObject(p) && p['url'] === url)?.['valueCode'];

/** Every extension with the url anywhere in the resource. */
function* extensionsAnywhere(value: unknown, url: string): Generator<Json> {
  if (Array.isArray(value)) for (const entry of value) yield* extensionsAnywhere(entry, url);
  else if (isObject(value)) {
    if (value['url'] === url) yield value;
    for (const child of Object.values(value)) yield* extensionsAnywhere(child, url);
  }
}

export const isFhirQuestionnaire = (json: unknown): json is Json => isObject(json) && json['resourceType'] === 'Questionnaire';

export function summarizeFhirQuestionnaire(json: Json): FhirSummary {
  const source = primaryLanguage(text(json['language']) ?? 'en');
  const translated = [...extensionsAnywhere(json, TRANSLATION)].map((extension) => part(extension, 'lang')).filter((lang): lang is string => typeof lang === 'string');
  const languages = [...new Set([source, ...translated.map(primaryLanguage)])];
  const stated = new Map(
    (Array.isArray(json['extension']) ? json['extension'] : [])
      .filter((extension): extension is Json => isObject(extension) && extension['url'] === TRANSLATION_STATUS)
      .map((extension) => [primaryLanguage(String(part(extension, 'lang'))), String(part(extension, 'status'))]),
  );
  const url = text(json['url']);
  const version = text(json['version']);
  return {
    title: text(json['title']) ?? text(json['name']) ?? text(json['id']) ?? 'FHIR Questionnaire',
    languages,
    statuses: Object.fromEntries(languages.map((lang) => [lang, lang === source ? 'source' : (stated.get(lang) ?? 'unstated')])),
    canonical: url && (version ? `${url}|${version}` : url),
    copyright: text(json['copyright']),
  };
}

/** How a status reads in a story's name and badge. */
export const statusLabel = (status: FhirTranslationStatus): string =>
  status === 'source' ? 'source language' : status === 'unstated' ? 'draft: status not stated' : status;
