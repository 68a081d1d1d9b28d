import type { Classification, ClassificationRule, ConditionOperator, Flag, Predicate } from './instrument.js';
import type { RulesContext } from './instrument-parser.js';
import { childPath, defined } from './json-reader.js';

const SCALE_OPERATORS: readonly Exclude<ConditionOperator, 'exists'>[] = ['=', '!=', '<', '<=', '>', '>='];

/**
 * Reads an instrument's flags and classifications and the tests they use. Only some instruments
 * have them, so this part of the parser is loaded only for those (see `partsNeeded`).
 */
export class RulesParser {
  readonly #context: RulesContext;

  constructor(context: RulesContext) {
    this.#context = context;
  }

  classification(value: unknown, path: string): Classification | undefined {
    const { reader } = this.#context;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const at = (key: string) => childPath(path, key);
    const id = reader.id(object['id'], at('id'));
    const name = this.#context.text(object['name'], at('name'));
    const classes = reader.list(object['classes'], at('classes'), (v, p) => {
      const entry = reader.object(v, p);
      const classId = entry && reader.id(entry['id'], childPath(p, 'id'));
      const label = entry && this.#context.text(entry['label'], childPath(p, 'label'));
      return classId && label ? { id: classId, label } : undefined;
    });
    if (classes) this.#context.uniqueIds(classes, at('classes'));
    const rules = reader.list(object['rules'], at('rules'), (v, p): ClassificationRule | undefined => {
      const rule = reader.object(v, p);
      if (!rule) return undefined;
      const when = reader.optional(rule['when'], (w) => this.#predicate(w, childPath(p, 'when')));
      const className = reader.string(rule['class'], childPath(p, 'class'));
      if (className && classes && !classes.some((c) => c.id === className)) reader.report(childPath(p, 'class'), `"${className}" is not one of the classes`);
      return className ? defined({ when, class: className }) : undefined;
    });
    const source = reader.string(object['source'], at('source'));
    return id && name && classes && rules && source ? { id, name, classes, rules, source } : undefined;
  }

  flag(value: unknown, path: string): Flag | undefined {
    const { reader } = this.#context;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const id = reader.id(object['id'], childPath(path, 'id'));
    const when = this.#predicate(object['when'], childPath(path, 'when'));
    const severity = reader.oneOf(object['severity'], childPath(path, 'severity'), ['urgent', 'attention'] as const);
    const label = this.#context.text(object['label'], childPath(path, 'label'));
    // The emergency advice is worded once for all content, so a flag names it instead of wording it.
    const advice = object['advice'] === 'emergency' ? ('emergency' as const) : this.#context.optionalText(object, 'advice', path);
    const outOfHours = reader.optional(object['outOfHours'], (v) => reader.boolean(v, childPath(path, 'outOfHours')));
    if (outOfHours && (advice === undefined || advice === 'emergency')) {
      reader.report(childPath(path, 'outOfHours'), 'the out-of-hours sentence follows advice of the flag\'s own that says "today"');
    }
    const source = reader.string(object['source'], childPath(path, 'source'));
    return id && when && severity && label && source ? defined({ id, when, severity, label, advice, outOfHours, source }) : undefined;
  }

  #predicate(value: unknown, path: string): Predicate | undefined {
    const { reader, scaleIds } = this.#context;
    const object = reader.object(value, path);
    if (!object) return undefined;
    for (const key of ['all', 'any'] as const) {
      if (key in object) {
        const parts = reader.list(object[key], childPath(path, key), (v, p) => this.#predicate(v, p));
        if (parts?.length === 0) reader.report(childPath(path, key), 'expected at least one test');
        if (!parts) return undefined;
        return key === 'all' ? { all: parts } : { any: parts };
      }
    }
    if ('scale' in object) {
      const scale = reader.string(object['scale'], childPath(path, 'scale'));
      if (scale !== undefined && !scaleIds.has(scale)) reader.report(childPath(path, 'scale'), `"${scale}" is not a scale of this instrument`);
      const operator = reader.oneOf(object['operator'], childPath(path, 'operator'), SCALE_OPERATORS);
      const number = reader.number(object['value'], childPath(path, 'value'));
      return scale && operator && number !== undefined ? { scale, operator, value: number } : undefined;
    }
    if ('item' in object) return this.#context.condition(object, path);
    reader.report(path, 'expected a test with "all", "any", "scale" or "item"');
    return undefined;
  }
}
