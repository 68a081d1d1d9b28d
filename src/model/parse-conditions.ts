import { childrenOf, isRepeating, type Condition, type ConditionOperator, type Item, type QuantityAnswer } from './instrument.js';
import { childPath, type JsonReader } from './json-reader.js';

const OPERATORS: readonly ConditionOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'exists'];

/** What an item's being shown depends on: its conditions' items and its parent, with the path of its conditions. */
interface Dependency {
  readonly on: readonly string[];
  readonly path: string;
}

/**
 * Reads and checks conditions (`enableWhen`, and the answer tests of flags and classifications).
 * Many instruments have none, so this part of the parser is loaded only for those that do (see
 * `partsNeeded`).
 */
export class ConditionsParser {
  readonly #reader: JsonReader;

  constructor(reader: JsonReader) {
    this.#reader = reader;
  }

  /** A condition's fields; whether its item can be compared with it is checked by `check`, once every item is known. */
  condition(value: unknown, path: string): Condition | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const item = reader.string(object['item'], childPath(path, 'item'));
    const operator = reader.oneOf(object['operator'], childPath(path, 'operator'), OPERATORS);
    const raw = object['value'];
    const valuePath = childPath(path, 'value');
    const conditionValue =
      operator === 'exists' || typeof raw === 'boolean' ? reader.boolean(raw, valuePath)
      : typeof raw === 'string' ? reader.string(raw, valuePath)
      : typeof raw === 'object' && raw !== null ? this.#quantity(raw, valuePath)
      : reader.number(raw, valuePath);
    return item && operator && conditionValue !== undefined ? { item, operator, value: conditionValue } : undefined;
  }

  /** A quantity compared with: `{value, unit?}`, the unit by its code. */
  #quantity(raw: object, path: string): QuantityAnswer | undefined {
    const object = this.#reader.object(raw, path);
    const value = object && this.#reader.number(object['value'], childPath(path, 'value'));
    const unit = object && this.#reader.optional(object['unit'], (v) => this.#reader.string(v, childPath(path, 'unit')));
    return value === undefined ? undefined : unit === undefined ? { value } : { value, unit };
  }

  /** Whether a condition's item is a question whose answer can be compared with its value. */
  check({ item, operator, value }: Condition, path: string, itemTypes: ReadonlyMap<string, Item['type']>): void {
    const target = itemTypes.get(item);
    const report = (message: string) => this.#reader.report(childPath(path, 'item'), message);
    if (!target) report(`"${item}" is not an item of this instrument`);
    else if (target === 'group' || target === 'page' || target === 'display') report(`"${item}" is a ${target} and has no answer`);
    else if (operator !== 'exists' && (typeof value === 'object') !== (target === 'quantity')) {
      report(target === 'quantity' ? `"${item}" is a quantity item; compare it with a quantity: {"value": 70, "unit": "kg"}` : `"${item}" is a ${target} item; a quantity compares only with a quantity item`);
    }
    else if (target === 'attachment' && operator !== 'exists') report(`"${item}" is an attachment item; test it only with "exists"`);
    else if (operator !== 'exists' && (typeof value === 'boolean') !== (target === 'boolean')) {
      report(`"${item}" is a ${target} item; compare it with ${target === 'boolean' ? 'true or false' : 'one of its answers'}`);
    } else if (typeof value === 'boolean' && operator !== 'exists' && operator !== '=' && operator !== '!=') {
      this.#reader.report(childPath(path, 'operator'), 'true or false compares only with "=" or "!="');
    }
  }

  /**
   * Checks the conditions of the parsed items, at `path`, now that every item is known (a
   * condition may name a later item), and that no item depends on itself.
   */
  checkItems(items: readonly Item[], itemTypes: ReadonlyMap<string, Item['type']>, path = 'items'): void {
    const dependencies = new Map<string, Dependency>();
    /** The repeating groups each item is in, outermost first. */
    const groups = new Map<string, readonly string[]>();
    const collect = (list: readonly Item[], around: readonly string[]) =>
      list.forEach((item) => {
        groups.set(item.id, around);
        collect(childrenOf(item), isRepeating(item) ? [...around, item.id] : around);
      });
    collect(items, []);
    const visit = (list: readonly Item[], listPath: string, parent?: string) =>
      list.forEach((item, i) => {
        const at = childPath(childPath(listPath, i), 'enableWhen');
        item.enableWhen?.forEach((condition, k) => {
          this.check(condition, childPath(at, k), itemTypes);
          // Its answer is read in the item's own repeat or an enclosing one; in another group's, which repeat would count is unknown.
          const outside = groups.get(condition.item)?.find((group) => !groups.get(item.id)!.includes(group));
          if (outside) this.#reader.report(childPath(childPath(at, k), 'item'), `"${condition.item}" is in the repeating group "${outside}", which this item is not in`);
        });
        dependencies.set(item.id, { on: [...(item.enableWhen ?? []).map((c) => c.item), ...(parent ? [parent] : [])], path: at });
        visit(childrenOf(item), childPath(childPath(listPath, i), 'items'), item.id);
      });
    visit(items, path);
    this.#checkCycles(dependencies);
  }

  /** Reports items that could only be shown once they are shown: their conditions depend on themselves. */
  #checkCycles(dependencies: ReadonlyMap<string, Dependency>): void {
    const done = new Set<string>();
    const active = new Set<string>();
    const visit = (id: string): void => {
      const dependency = dependencies.get(id);
      if (done.has(id) || !dependency) return;
      if (active.has(id)) {
        this.#reader.report(dependency.path, `"${id}" is shown only when an answer is given that needs "${id}" shown first (its conditions form a cycle)`);
        done.add(id);
        return;
      }
      active.add(id);
      dependency.on.forEach(visit);
      active.delete(id);
      done.add(id);
    };
    for (const id of dependencies.keys()) visit(id);
  }
}
