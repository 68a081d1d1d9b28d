/**
 * Hostile versions of the shipped content: every string a person could see replaced by an attack
 * string. Which strings are text is decided by exclusion (the identifiers, codes and enumerations
 * below keep their value), so a text field added to a content type is attacked without any change here.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { isContainer, walkItems, type Instrument } from '../../src/model/instrument.js';
import type { Json } from './instrument-builder.js';

/** Keys whose string values are identifiers, references, codes or enumerations, not text. */
const STRUCTURAL_KEYS = new Set([
  'id', 'version', 'languages', 'type', 'kind', 'status', 'severity', 'method', 'operator', 'enableBehavior',
  'item', 'items', 'answers', 'value', 'scale', 'class', 'exclude', 'reverse', 'regionSet', 'recallPeriod',
  'system', 'code', 'name', 'mimeTypes', 'calculated', 'enableWhenExpression', 'initialExpression', 'expression', 'control', 'orientation', 'valueType', 'format', 'next', 'roles', 'instrument', 'module', 'message', 'questionnaire', 'improvement', 'min', 'max',
  // A flag's advice is a text map, or "emergency": the shared wording, which no content file holds.
  'advice',
]);

/** The content with every text leaf (any string not under a structural key) replaced by `vector`. */
export function poisonContent<T>(json: T, vector: string): T {
  const poison = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return STRUCTURAL_KEYS.has(key) ? value : vector;
    if (Array.isArray(value)) return value.map((child) => poison(child, key));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([childKey, child]) => [childKey, poison(child, childKey)]));
  };
  return poison(json, '') as T;
}

/** A text pack in `language` for the instrument with every wording, answer, anchor, unit and region label set to `vector`. */
export function hostileTextPack(instrument: Instrument, language: string, vector: string): Json {
  const items: Record<string, Json> = {};
  for (const item of walkItems(instrument.items)) {
    if (isContainer(item) && !item.text) continue;
    items[item.id] = {
      text: vector,
      ...((item.type === 'choice' || item.type === 'multi-choice') && {
        answers: Object.fromEntries(item.answers.map((option) => [String(option.value), vector])),
      }),
      ...((item.type === 'nrs' || item.type === 'vas') && { anchors: { min: vector, max: vector } }),
      ...((item.type === 'integer' || item.type === 'decimal') && { unit: vector }),
      ...(item.type === 'body-map' && { regionLabels: Object.fromEntries(Object.keys(item.regionLabels).map((id) => [id, vector])) }),
    };
  }
  return { instrument: instrument.id, language, status: 'draft', source: vector, title: vector, instructions: vector, items };
}

type Condition = { item?: string; operator?: string; value?: unknown; any?: Condition[]; all?: Condition[] };

/**
 * Answers that show every conditional item and raise every flag that depends on items, so that
 * their texts and advice are on screen. (Two conditions on one item may disagree; the last wins.)
 */
export function answersShowingEverything(json: Json): Record<string, number | string> {
  const answers: Record<string, number | string> = {};
  const satisfy = (condition: Condition): void => {
    if (condition.all) condition.all.forEach(satisfy);
    else if (condition.any?.[0]) satisfy(condition.any[0]);
    else if (condition.item && condition.operator !== '!=' && (typeof condition.value === 'number' || typeof condition.value === 'string')) {
      const { value } = condition;
      const shift = typeof value === 'number' ? ({ '>': 1, '<': -1 } as Record<string, number>)[condition.operator ?? ''] ?? 0 : 0;
      answers[condition.item] = typeof value === 'number' ? value + shift : value;
    }
  };
  const visit = (items: readonly Json[]): void => {
    for (const item of items) {
      ((item['enableWhen'] ?? []) as Condition[]).forEach(satisfy);
      visit((item['items'] ?? []) as Json[]);
    }
  };
  visit((json['items'] ?? []) as Json[]);
  for (const flag of ((json['scoring'] as Json | undefined)?.['flags'] ?? []) as { when: Condition }[]) satisfy(flag.when);
  return answers;
}

/** The names of the shipped JSON files in `content/<folder>/`, listed by the test server. */
export async function contentFiles(folder: 'instruments' | 'education' | 'pathways'): Promise<string[]> {
  return (await executeServerCommand<string[], { folder: string }>('content-files', { folder }))!;
}

/** Every text rendered under `root`, shadow roots included. */
export function shownText(root: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join('');
}
