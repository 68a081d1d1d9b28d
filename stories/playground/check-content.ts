/**
 * What the playground tells about a text: whether it is JSON, what kind of content it is, and its
 * problems, each with its path and place in the text. Plain functions, no DOM.
 */
import { fromFhirQuestionnaire } from '../../src/fhir/from-fhir-questionnaire.js';
import { ContentError, type ContentProblem } from '../../src/model/content-error.js';
import { parseEducationModule } from '../../src/model/education.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { parsePathway } from '../../src/model/pathway.js';
import { isFhirQuestionnaire, isObject } from '../../.storybook/fhir-summary.js';
import { featureUses, groupFeatures, type FeatureGroup, type FeatureKind } from './fhir-features.js';
import { readJson, type Place } from './json-positions.js';

export type ContentKind = 'instrument' | 'module' | 'pathway' | 'fhir';
export type KindChoice = ContentKind | 'auto';

export const KIND_LABELS: Record<ContentKind, string> = {
  instrument: 'Questionnaire (instrument)',
  module: 'Education module',
  pathway: 'Care pathway',
  fhir: 'FHIR Questionnaire',
};

const PARSERS: Record<Exclude<ContentKind, 'fhir'>, (json: unknown) => unknown> = {
  instrument: parseInstrument,
  module: parseEducationModule,
  pathway: parsePathway,
};

/** The kind of a content file by its shape: FHIR Questionnaires have their resourceType, instruments items, modules pages, pathways steps. */
export function kindOf(json: unknown): ContentKind | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  if (isFhirQuestionnaire(json)) return 'fhir';
  if ('items' in json) return 'instrument';
  if ('pages' in json) return 'module';
  if ('steps' in json) return 'pathway';
  return undefined;
}

/** A problem at its place in the text; syntax errors have no path. */
export interface Problem extends Place {
  readonly path?: string;
  readonly message: string;
}

/** A feature of a FHIR form with the place of each use. */
export interface PlacedFeature extends FeatureGroup {
  readonly places: readonly Place[];
}

export interface FhirCheck {
  /** What the importer reports (the form is shown without it); unknown while something is refused, since the importer stops there. */
  readonly reported?: readonly Problem[];
  /** What the form uses that Painpath honours, by the importer's tables. */
  readonly supported: readonly PlacedFeature[];
  /** Elements that describe the form and change nothing shown. */
  readonly metadata: readonly PlacedFeature[];
  /** What the tables say is reported: all that is known of it while something is refused. */
  readonly reportedByTables: readonly PlacedFeature[];
}

export type Check =
  | { readonly syntax: true; readonly problems: readonly Problem[] }
  | {
      readonly syntax: false;
      /** The parser's problems; for a FHIR Questionnaire, what the importer refuses (the form is not shown). */
      readonly problems: readonly Problem[];
      /** The content, when it is an object of a known kind. */
      readonly content?: Record<string, unknown>;
      readonly kind?: ContentKind;
      readonly fhir?: FhirCheck;
    };

const byPlace = (a: Place, b: Place) => a.from - b.from;
/** Features listed by what tells most about a form first: its extensions and controls, then its item types, then its elements. */
const FEATURE_ORDER: readonly FeatureKind[] = ['extension', 'item control', 'item type', 'item element', 'element'];

/** Whether a FHIR path is the path, or under it (`item[2].extension[0]` is under `item[2]`); the whole form's path covers nothing. */
const isUnder = (path: string, parent: string) => parent !== '' && (path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`));

const problemsOf = (error: unknown): readonly ContentProblem[] => (error instanceof ContentError ? error.problems : [{ path: '', message: String(error) }]);

/** Checks a text as the kind of content chosen, or as the kind its shape tells. */
export function checkContent(text: string, choice: KindChoice): Check {
  const reading = readJson(text);
  if (!reading.ok) return { syntax: true, problems: reading.errors };
  const placed = (problems: readonly ContentProblem[]): Problem[] => problems.map((p) => ({ ...reading.placeOf(p.path), path: p.path, message: p.message })).sort(byPlace);
  const { value } = reading;
  const content = isObject(value) ? value : undefined;
  const kind = choice === 'auto' ? kindOf(value) : choice;
  if (!content || !kind) {
    const message = 'cannot tell the kind of content: an instrument has "items", a module "pages", a pathway "steps", a FHIR Questionnaire its "resourceType"; or choose the kind above';
    return { syntax: false, problems: placed([{ path: '', message }]) };
  }
  if (kind !== 'fhir') {
    try {
      PARSERS[kind](content);
      return { syntax: false, content, kind, problems: [] };
    } catch (error) {
      return { syntax: false, content, kind, problems: placed(problemsOf(error)) };
    }
  }
  let reported: readonly ContentProblem[] | undefined;
  let refused: readonly ContentProblem[] = [];
  try {
    reported = fromFhirQuestionnaire(content).reported;
  } catch (error) {
    refused = problemsOf(error);
  }
  // What is refused or reported is listed there, with the importer's reason, rather than as supported.
  const notHonoured = [...refused, ...(reported ?? [])].map((p) => p.path);
  const features = groupFeatures([...featureUses(content)].filter((use) => !notHonoured.some((path) => isUnder(use.path, path))));
  const withPlaces = (support: 'supported' | 'metadata' | 'reported') =>
    features
      .filter((feature) => feature.support === support)
      .map((feature) => ({ ...feature, places: feature.paths.map(reading.placeOf).sort(byPlace) }))
      .sort((a, b) => FEATURE_ORDER.indexOf(a.kind) - FEATURE_ORDER.indexOf(b.kind) || byPlace(a.places[0]!, b.places[0]!));
  return {
    syntax: false,
    content,
    kind,
    problems: placed(refused),
    fhir: { reported: reported && placed(reported), supported: withPlaces('supported'), metadata: withPlaces('metadata'), reportedByTables: withPlaces('reported') },
  };
}
