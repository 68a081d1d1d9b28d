/**
 * What a FHIR R4 Questionnaire uses, classified by the importer's tables (src/fhir/fhir-conformance.ts):
 * its elements, its items' elements and types, its extensions and item controls, each use with its
 * FHIR path. Plain functions over plain JSON. (Its languages: .storybook/fhir-summary.ts.)
 */
import { EXTENSIONS, ITEM_CONTROL, ITEM_CONTROLS, ITEM_ELEMENTS, ITEM_TYPES, ROOT_ELEMENTS, type Conformance, type Support } from '../../src/fhir/fhir-conformance.js';
import { childPath } from '../../src/model/json-reader.js';
import { isObject } from '../../.storybook/fhir-summary.js';

type JsonObject = Record<string, unknown>;

export type FeatureKind = 'element' | 'item element' | 'item type' | 'extension' | 'item control';

/** One use of a feature, at its FHIR path (`item[2].extension[0]`). */
export interface FeatureUse {
  readonly kind: FeatureKind;
  /** As an editor reads it: `Questionnaire.title`, `item.enableWhen`, `choice`, `sdc-questionnaire-calculatedExpression`, `drop-down`. */
  readonly name: string;
  readonly support: Support;
  readonly note: string;
  readonly path: string;
}

/** The uses of one feature, in the order of the form. */
export interface FeatureGroup extends Omit<FeatureUse, 'path'> {
  readonly paths: readonly string[];
}

// What the importer does with what its tables do not list.
const NOT_R4: Conformance = { support: 'reported', note: 'not an element of R4: ignored' };
const UNKNOWN_EXTENSION: Conformance = { support: 'reported', note: 'an extension Painpath does not know: ignored' };
const UNKNOWN_TYPE: Conformance = { support: 'refused', note: 'not an R4 item type' };
const UNKNOWN_CONTROL: Conformance = { support: 'reported', note: 'an item control Painpath does not know: shown as usual' };

const use = (kind: FeatureKind, name: string, { support, note }: Conformance, path: string): FeatureUse => ({ kind, name, support, note, path });
const lookUp = (table: Readonly<Record<string, Conformance>>, key: string, otherwise: Conformance): Conformance => (Object.hasOwn(table, key) ? table[key]! : otherwise);

/** The elements of the Questionnaire or of an item; `_x`, a primitive's extensions, counts as `x`, as the importer reads it. */
function* elementUses(element: JsonObject, path: string, table: Readonly<Record<string, Conformance>>, kind: FeatureKind, prefix: string): Generator<FeatureUse> {
  for (const key of Object.keys(element)) {
    const name = key.replace(/^_/, '');
    yield use(kind, `${prefix}.${name}`, lookUp(table, name, NOT_R4), childPath(path, key));
  }
}

function* itemUses(item: unknown, path: string): Generator<FeatureUse> {
  if (!isObject(item)) return;
  yield* elementUses(item, path, ITEM_ELEMENTS, 'item element', 'item');
  const type = item['type'];
  if (typeof type === 'string') yield use('item type', type, lookUp(ITEM_TYPES, type, UNKNOWN_TYPE), childPath(path, 'type'));
  yield* nestedUses(item, path);
}

function* extensionUses(extension: unknown, path: string): Generator<FeatureUse> {
  if (!isObject(extension) || typeof extension['url'] !== 'string') return;
  const url = extension['url'];
  yield use('extension', url.split('/').pop()!, lookUp(EXTENSIONS, url, UNKNOWN_EXTENSION), path);
  if (url === ITEM_CONTROL) {
    // The importer reads the first coding that has a code.
    const codings = isObject(extension['valueCodeableConcept']) && Array.isArray(extension['valueCodeableConcept']['coding']) ? extension['valueCodeableConcept']['coding'] : [];
    const at = codings.findIndex((coding) => isObject(coding) && typeof coding['code'] === 'string');
    if (at >= 0) {
      const code = (codings[at] as JsonObject)['code'] as string;
      yield use('item control', code, lookUp(ITEM_CONTROLS, code, UNKNOWN_CONTROL), `${path}.valueCodeableConcept.coding[${at}].code`);
    }
  }
  // Its own extensions are its parts (a translation's lang and content), not features of the form;
  // its value may hold some (cqf-expression on the value of minValue).
  for (const [key, value] of Object.entries(extension)) if (key !== 'extension') yield* nestedUses(value, childPath(path, key));
}

/** The items and extensions anywhere under a value, except in contained resources (value sets), which are not the form's. */
function* nestedUses(value: unknown, path: string): Generator<FeatureUse> {
  if (Array.isArray(value)) {
    for (const [i, entry] of value.entries()) yield* nestedUses(entry, childPath(path, i));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = childPath(path, key);
    if (key === 'contained') continue;
    if ((key === 'item' || key === 'extension') && Array.isArray(child)) {
      for (const [i, entry] of child.entries()) yield* (key === 'item' ? itemUses : extensionUses)(entry, childPath(at, i));
    } else {
      yield* nestedUses(child, at);
    }
  }
}

/** Every use of an element, item type, extension and item control in a Questionnaire, in the order of the form, classified by the importer's tables. */
export function* featureUses(questionnaire: JsonObject): Generator<FeatureUse> {
  yield* elementUses(questionnaire, '', ROOT_ELEMENTS, 'element', 'Questionnaire');
  yield* nestedUses(questionnaire, '');
}

/** Uses of the same feature together ("calculatedExpression at 3 paths"), in the order each first appears. */
export function groupFeatures(uses: Iterable<FeatureUse>): FeatureGroup[] {
  const groups = new Map<string, Omit<FeatureGroup, 'paths'> & { paths: string[] }>();
  for (const { path, ...feature } of uses) {
    const key = `${feature.kind}\n${feature.name}\n${feature.note}`;
    const group = groups.get(key) ?? { ...feature, paths: [] };
    group.paths.push(path);
    groups.set(key, group);
  }
  return [...groups.values()];
}
