import type { MissingItemRule, Scale, ScoringMethod } from './instrument.js';
import type { ScaleOptionsContext } from './instrument-parser.js';
import { itemScoreRange } from './item-score.js';
import { childPath, type JsonObject } from './json-reader.js';

/** The options of a scale beyond a plain sum or mean of its items. */
export type ScaleOptions = Partial<Pick<Scale, 'reverse' | 'weights' | 'missing' | 'lookup' | 'exclude'>>;

/**
 * Reads the options only some scales have: reversed and weighted items, a missing-item rule, a
 * lookup table, excluded regions, and the checks a percentage needs. Most instruments have none,
 * so this part of the parser is loaded only for those that do (see `partsNeeded`).
 */
export class ScaleOptionsParser {
  readonly #context: ScaleOptionsContext;

  constructor(context: ScaleOptionsContext) {
    this.#context = context;
  }

  options(object: JsonObject, path: string, method: ScoringMethod | undefined, items: readonly string[] | undefined): ScaleOptions {
    const { reader } = this.#context;
    const at = (key: string) => childPath(path, key);
    const memberOf = (v: unknown, p: string) => {
      const itemId = reader.string(v, p);
      if (itemId !== undefined && items && !items.includes(itemId)) reader.report(p, `"${itemId}" is not one of the scale's items`);
      return itemId;
    };
    const reverse = reader.optional(object['reverse'], (v) => reader.list(v, at('reverse'), memberOf));
    reverse?.forEach((itemId, i) => this.#requireBoundedScore(itemId, childPath(at('reverse'), i), 'reversed'));
    if (method === 'percent') items?.forEach((itemId, i) => this.#requireBoundedScore(itemId, childPath(at('items'), i), 'scored as a percentage'));
    const weights = reader.optional(object['weights'], (v) => this.#weights(v, at('weights'), memberOf));
    const missing = reader.optional(object['missing'], (v) => this.#missingRule(v, at('missing'), items?.length));
    if (missing?.prorate && items) this.#checkProratable(items, at('missing.prorate'));
    const lookup = reader.optional(object['lookup'], (v) => this.#lookup(v, at('lookup')));
    const exclude = reader.optional(object['exclude'], (v) => reader.list(v, at('exclude'), (e, p) => reader.string(e, p)));
    if (exclude && method !== 'region-groups') reader.report(at('exclude'), 'only a region-groups scale can exclude regions');
    return { reverse, weights, missing, lookup, exclude };
  }

  #requireBoundedScore(itemId: string, path: string, use: string): void {
    const question = this.#context.questions.get(itemId);
    if (question && !itemScoreRange(question)) {
      this.#context.reader.report(path, `"${itemId}" has no lowest and highest score, so it cannot be ${use} (give it a min and max)`);
    }
  }

  #weights(value: unknown, path: string, memberOf: (v: unknown, p: string) => string | undefined): Record<string, number> | undefined {
    const object = this.#context.reader.object(value, path);
    if (!object) return undefined;
    const entries = Object.entries(object).map(([itemId, weight]) => {
      memberOf(itemId, childPath(path, itemId));
      const number = this.#context.reader.number(weight, childPath(path, itemId));
      if (number !== undefined && number <= 0) this.#context.reader.report(childPath(path, itemId), 'a weight must be above 0');
      return [itemId, number] as const;
    });
    return entries.every(([, w]) => w !== undefined) ? (Object.fromEntries(entries) as Record<string, number>) : undefined;
  }

  #missingRule(value: unknown, path: string, itemCount: number | undefined): MissingItemRule | undefined {
    const object = this.#context.reader.object(value, path);
    if (!object) return undefined;
    const minAnswered = this.#context.number(object['minAnswered'], childPath(path, 'minAnswered'), true);
    const prorate = object['prorate'] === undefined ? false : this.#context.reader.boolean(object['prorate'], childPath(path, 'prorate'));
    if (minAnswered !== undefined && itemCount !== undefined && (minAnswered < 1 || minAnswered > itemCount)) {
      this.#context.reader.report(childPath(path, 'minAnswered'), `expected 1 to ${itemCount} (the number of items)`);
    }
    return minAnswered !== undefined && prorate !== undefined ? { minAnswered, prorate } : undefined;
  }

  /** Prorating stands a missing item in for the mean of the others, which only makes sense when all score alike. */
  #checkProratable(items: readonly string[], path: string): void {
    const ranges = new Set(
      items.map((id) => {
        const question = this.#context.questions.get(id);
        const range = question && itemScoreRange(question);
        return range ? `${range.min}–${range.max}` : 'unbounded';
      }),
    );
    if (ranges.size > 1 || ranges.has('unbounded')) {
      this.#context.reader.report(path, `prorating needs items that all score on the same bounded range; these score ${[...ranges].join(', ')}`);
    }
  }

  #lookup(value: unknown, path: string): [number, number][] | undefined {
    const pairs = this.#context.reader.list(value, path, (v, p) => {
      const pair = this.#context.reader.array(v, p);
      if (!pair) return undefined;
      if (pair.length !== 2) {
        this.#context.reader.report(p, 'expected a [raw, score] pair');
        return undefined;
      }
      const raw = this.#context.reader.number(pair[0], childPath(p, 0));
      const score = this.#context.reader.number(pair[1], childPath(p, 1));
      return raw !== undefined && score !== undefined ? ([raw, score] as [number, number]) : undefined;
    });
    const seen = new Set<number>();
    pairs?.forEach(([raw], i) => {
      if (seen.has(raw)) this.#context.reader.report(childPath(childPath(path, i), 0), `duplicate raw score ${raw}`);
      seen.add(raw);
    });
    return pairs;
  }
}
