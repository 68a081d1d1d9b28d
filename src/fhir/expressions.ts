import { compile, evaluate, resolveInternalTypes } from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { withOverride, type Computations, type ItemOverride, type Settled } from '../engine/questionnaire-engine.js';
import { answerAt, itemIdOf, PATH_SEPARATOR, type ItemPath } from '../engine/item-path.js';
import { ContentError, type ContentProblem } from '../model/content-error.js';
import { childPath } from '../model/json-reader.js';
import {
  childrenOf,
  isQuestion,
  isQuantityAnswer,
  sourceLanguageOf,
  walkItems,
  type AnswerOption,
  type Answers,
  type AnswerValue,
  type Instrument,
  type Item,
  type QuestionItem,
  type Variable,
} from '../model/instrument.js';
import { answerProblem, isEmptyAnswer } from '../model/validate-answer.js';
import { responseTree, type TreeNode } from './questionnaire-response.js';

/** What expressions read besides the answers, and where their problems go. */
export interface ExpressionOptions {
  /** The FHIR Questionnaire the instrument was imported from: `%questionnaire`, `%qitem`, and what ordinal() reads. */
  readonly questionnaire?: unknown;
  /** What the host gives expressions to read, by name (`patient`: `%patient`), as SDC's launch context. */
  readonly launchContext?: Readonly<Record<string, unknown>>;
  /** The path in the source file of a path in the instrument (`items[2].calculated`), for problems. */
  readonly sourcePath?: (instrumentPath: string) => string;
  /** Told once of each expression that fails while the form is answered, and of launch contexts not given. */
  readonly report: (problem: ContentProblem) => void;
  /**
   * Runs a FHIR query (SDC x-fhir-query, e.g. `Observation?subject=Patient/7&code=…`, relative to
   * the host's FHIR server) and resolves with the resource it gives (a Bundle for a search). Without
   * it, variables that are queries are empty, and reported.
   */
  readonly fhirQuery?: (query: string) => Promise<unknown>;
}

/** A variable that is a FHIR query: its `{{ }}` expressions, and what the query gave once run. */
interface Query {
  readonly template: string;
  readonly embedded: ReadonlyMap<string, Compiled>;
  readonly path: string;
  result: unknown[];
}

type Evaluator = (resource: unknown, env: Record<string, unknown>) => unknown[];
type ExpressionKind = 'calculated' | 'enableWhenExpression' | 'initialExpression' | 'answerExpression' | 'textExpression' | 'minExpression' | 'maxExpression';

/** One compiled expression, with where it is written. */
interface Compiled {
  readonly evaluate: Evaluator;
  readonly path: string;
}

/** An item's compiled expressions. */
interface ItemExpressions {
  readonly variables: readonly ScopeVariable[];
  readonly calculated?: Compiled;
  readonly enableWhenExpression?: Compiled;
  readonly initialExpression?: Compiled;
  readonly answerExpression?: Compiled;
  readonly textExpression?: Compiled;
  readonly minExpression?: Compiled;
  readonly maxExpression?: Compiled;
  readonly constraints: readonly (readonly [key: string, expression: Compiled])[];
}

/** A variable: an expression, or a query run at the start. */
type ScopeVariable = readonly [name: string, value: Compiled | Query];

/** A result, with the paths whose answers it read: it is computed again only when one of them changes. */
interface Memo {
  readonly value: unknown[];
  readonly reads: ReadonlySet<ItemPath>;
  /** The expression failed to run (and gave nothing). */
  readonly failed?: true;
  /** A calculated item's result as its answer, once converted. */
  answer?: { readonly value: AnswerValue | undefined };
  /** An answerExpression's result as the answers offered, once converted. */
  options?: readonly AnswerOption[];
}

/** The answers as a response for one settling, with the scopes computed in it. */
interface Tree {
  readonly response: object;
  readonly nodes: ReadonlyMap<ItemPath, TreeNode>;
  readonly scopes: Map<ItemPath | undefined, Scope>;
}

/** The variables in scope at an item: their values, and the answers read to compute them. */
interface Scope {
  readonly env: Record<string, unknown>;
  readonly reads: ReadonlySet<ItemPath>;
}

const ITEM_BASE = 'QuestionnaireResponse.item';

/**
 * The FHIRPath expressions of an instrument (SDC calculatedExpression, enableWhenExpression,
 * initialExpression, answerExpression, variable, targetConstraint, cqf-expression on texts and
 * bounds), evaluated with the `fhirpath` package against the answers written as a
 * QuestionnaireResponse, for the engine (`Computations`); variables that are FHIR queries run once
 * at the start through the host's `fhirQuery`. This module, with its FHIRPath engine and R4 model,
 * loads only for instruments with expressions.
 *
 * Every expression is compiled at once: one that does not parse is a `ContentError` with its path.
 * One that fails while the form is answered gives nothing and is reported once. Each result is
 * kept with the answers it read (tracked as FHIRPath reads the response), so after an answer only
 * the expressions that read it run again. Calculated items that read each other in a cycle never
 * settle: the first evaluation finds such a cycle and it is a `ContentError` too.
 */
export function expressionComputations(instrument: Instrument, options: ExpressionOptions): Computations & { readonly queries: Promise<void> } {
  return new ExpressionRunner(instrument, options);
}

class ExpressionRunner implements Computations {
  readonly #byId = new Map<string, ItemExpressions>();
  readonly #itemsById: ReadonlyMap<string, Item>;
  readonly #rootVariables: readonly ScopeVariable[];
  readonly #queries: Query[] = [];
  /** Settles once every query of the form has run (at once, when it has none): the engine starts after it. */
  readonly queries: Promise<void>;
  readonly #baseEnv: Record<string, unknown>;
  readonly #qitems: ReadonlyMap<string, unknown>;
  readonly #options: ExpressionOptions;
  /** Results by expression and item path. */
  readonly #memos = new Map<string, Memo>();
  readonly #reported = new Set<string>();
  #settledOnce = false;
  /** What expressions made of items at the last settling, by path: the response writes answers to offered options as their codings. */
  #overrides: ReadonlyMap<ItemPath, ItemOverride> = new Map();
  /** The items with expressions, by path, as the last response written had them. */
  #items?: readonly { readonly path: ItemPath; readonly item: Item }[];

  constructor(
    readonly instrument: Instrument,
    options: ExpressionOptions,
  ) {
    this.#options = options;
    this.#itemsById = new Map([...walkItems(instrument.items)].map((item) => [item.id, item]));
    const problems: ContentProblem[] = [];
    const sourcePath = options.sourcePath ?? ((path: string) => path);
    const compileAt = (expression: string, path: string, base?: string): Compiled | undefined => {
      try {
        const evaluate = compile(base ? { base, expression } : expression, r4, { resolveInternalTypes: false }) as Evaluator;
        return { evaluate, path: sourcePath(path) };
      } catch (error) {
        problems.push({ path: sourcePath(path), message: `the expression ${JSON.stringify(expression)} is not FHIRPath: ${messageOf(error)}` });
        return undefined;
      }
    };
    const variablesAt = (variables: readonly Variable[] | undefined, path: string, base?: string): ScopeVariable[] =>
      (variables ?? []).flatMap((variable, i): ScopeVariable[] => {
        const at = childPath(childPath(path, 'variables'), i);
        if (variable.query !== undefined) {
          // The expressions in {{ }} run once, at the start, in the form's context.
          const embedded = new Map([...variable.query.matchAll(/\{\{(.+?)\}\}/g)].flatMap(([, expression]) => {
            const compiled = compileAt(expression!, childPath(at, 'query'));
            return compiled ? [[expression!, compiled] as const] : [];
          }));
          const query: Query = { template: variable.query, embedded, path: sourcePath(childPath(at, 'query')), result: [] };
          this.#queries.push(query);
          return [[variable.name, query]];
        }
        const compiled = compileAt(variable.expression!, childPath(at, 'expression'), base);
        return compiled ? [[variable.name, compiled]] : [];
      });
    this.#rootVariables = variablesAt(instrument.variables, '');
    const visit = (items: readonly Item[], path: string) =>
      items.forEach((item, i) => {
        const at = childPath(path, i);
        const compiledOf = (kind: ExpressionKind) => {
          const expression = (item as Partial<Record<ExpressionKind, string>>)[kind];
          return expression === undefined ? undefined : compileAt(expression, childPath(at, kind), ITEM_BASE);
        };
        const constraints = ((isQuestion(item) && item.constraints) || []).flatMap((constraint, j) => {
          const compiled = compileAt(constraint.expression, childPath(childPath(childPath(at, 'constraints'), j), 'expression'), ITEM_BASE);
          return compiled ? [[constraint.key, compiled] as const] : [];
        });
        const expressions = {
          variables: variablesAt(item.variables, at, ITEM_BASE),
          calculated: compiledOf('calculated'),
          enableWhenExpression: compiledOf('enableWhenExpression'),
          initialExpression: compiledOf('initialExpression'),
          answerExpression: compiledOf('answerExpression'),
          textExpression: compiledOf('textExpression'),
          minExpression: compiledOf('minExpression'),
          maxExpression: compiledOf('maxExpression'),
          constraints,
        };
        const { calculated, enableWhenExpression, initialExpression, answerExpression, textExpression, minExpression, maxExpression } = expressions;
        const any = [calculated, enableWhenExpression, initialExpression, answerExpression, textExpression, minExpression, maxExpression].some(Boolean);
        if (any || expressions.variables.length || constraints.length) this.#byId.set(item.id, expressions);
        visit(childrenOf(item), childPath(at, 'items'));
      });
    visit(instrument.items, 'items');
    if (problems.length) throw new ContentError(`The expressions of ${instrument.id}`, problems);

    const given = options.launchContext ?? {};
    const missing = (instrument.launchContext ?? []).filter((name) => !Object.hasOwn(given, name));
    (instrument.launchContext ?? []).forEach((name, i) => {
      if (!Object.hasOwn(given, name)) options.report({ path: sourcePath(childPath('launchContext', i)), message: `the form reads %${name}, which the host did not give (launchContext): expressions that read it give nothing` });
    });
    // A context the form names but the host does not give is empty, not an error in every expression that reads it.
    const contexts = Object.fromEntries([...missing.map((name) => [name, []] as const), ...Object.entries(given)]);
    this.#baseEnv = { ...contexts, ...(options.questionnaire !== undefined && { questionnaire: options.questionnaire }) };
    this.#qitems = questionnaireItems(options.questionnaire);
    this.queries = this.#runQueries();
  }

  /**
   * Runs the form's queries through the host's fhirQuery, each once: a query's value is the
   * resource it gives. One that cannot run (no fhirQuery, a failure) is empty, and reported.
   */
  async #runQueries(): Promise<void> {
    const { fhirQuery } = this.#options;
    const tree = this.#tree({});
    await Promise.all(
      this.#queries.map(async (query) => {
        if (!fhirQuery) return this.#reportOnce(query.path, 'the query is not run: the host gives no fhirQuery to run it; its variable is empty');
        try {
          const scope = this.#scope(undefined, tree);
          const url = query.template.replace(/\{\{(.+?)\}\}/g, (_, expression: string) => {
            const compiled = query.embedded.get(expression)!;
            const value = (resolveInternalTypes(this.#run(compiled, '', tree.response, scope).value) as unknown[])[0];
            return encodeURIComponent(value === undefined ? '' : String(value));
          });
          query.result = [await fhirQuery(url)];
        } catch (error) {
          this.#reportOnce(query.path, `the query failed and its variable is empty: ${messageOf(error)}`);
        }
      }),
    );
  }

  initialOf(question: QuestionItem, path: ItemPath, answers: Answers): AnswerValue | undefined {
    const compiled = this.#byId.get(question.id)?.initialExpression;
    if (!compiled) return undefined;
    const tree = this.#tree(answers);
    // An item of a repeat being added is not in the answers yet: its expression runs in the form's context.
    const known = tree.nodes.has(path);
    const result = this.#run(compiled, path, known ? tree.nodes.get(path)!.node : tree.response, this.#scope(known ? path : undefined, tree));
    return this.#answerFrom(question, result.value, compiled);
  }

  settle(answers: Answers, enabled: ReadonlySet<ItemPath>, changed: ReadonlySet<ItemPath> | undefined): Settled {
    // The response is written only when an expression has to run: after most answers, most results are kept.
    let tree: Tree | undefined;
    const current = () => (tree ??= this.#tree(answers));
    // The items are where they were unless repeats were added or removed (`changed` undefined).
    if (!changed || !this.#items) this.#items = [...current().nodes].flatMap(([path, { item, repeat }]) => (this.#byId.has(item.id) && !repeat ? [{ path, item }] : []));
    const values = new Map<ItemPath, AnswerValue | undefined>();
    const hidden = new Set<ItemPath>();
    const broken = new Map<ItemPath, string[]>();
    const overrides = new Map<ItemPath, ItemOverride>();
    const calculatedReads = new Map<ItemPath, ReadonlySet<ItemPath>>();
    // A repeat's entry carries its group's variables; the group's own expressions run once, at its path.
    for (const { path, item } of this.#items) {
      const expressions = this.#byId.get(item.id)!;
      const run = (compiled: Compiled) => this.#memoized(compiled, path, changed, () => this.#run(compiled, path, current().nodes.get(path)!.node, this.#scope(path, current())));
      if (expressions.enableWhenExpression) {
        const result = run(expressions.enableWhenExpression);
        // Anything but true hides the item, as SDC has it; an expression that failed leaves it shown.
        if (!result.failed && !isTrue(result.value)) hidden.add(path);
      }
      if (expressions.calculated && isQuestion(item) && enabled.has(path)) {
        const result = run(expressions.calculated);
        calculatedReads.set(path, result.reads);
        result.answer ??= { value: this.#answerFrom(item, result.value, expressions.calculated) };
        if (JSON.stringify(result.answer.value) !== JSON.stringify(answerAt(answers, path))) values.set(path, result.answer.value);
      }
      if (!enabled.has(path)) continue;
      const override = this.#override(item, path, expressions, run);
      if (override) overrides.set(path, override);
      // Only false breaks a constraint: empty (nothing answered to check yet) does not, nor does one that fails to run (reported).
      const keys = expressions.constraints.filter(([, compiled]) => isFalse(run(compiled).value));
      if (keys.length) broken.set(path, keys.map(([key]) => key));
    }
    if (!this.#settledOnce) {
      this.#settledOnce = true;
      this.#refuseCycles(calculatedReads, current().nodes);
    }
    this.#overrides = overrides;
    return { values, hidden, broken, overrides };
  }

  /** The answers as a response whose items note whose answers expressions read. */
  #tree(answers: Answers): Tree {
    const { response, nodes } = responseTree(this.instrument, answers, (path) => {
      const override = this.#overrides.get(path);
      const item = override && this.#itemsById.get(itemIdOf(path));
      return item && withOverride(item, override, this.instrument.languages);
    });
    watchAnswers(nodes);
    return { response, nodes, scopes: new Map() };
  }

  /**
   * What expressions make of an enabled item now: the answers it offers (answerExpression), its
   * text and bounds (cqf-expression); undefined when none of these.
   */
  #override(item: Item, path: ItemPath, expressions: ItemExpressions, run: (compiled: Compiled) => Memo): ItemOverride | undefined {
    const first = (compiled: Compiled | undefined) => (compiled ? (resolveInternalTypes(run(compiled).value) as unknown[])[0] : undefined);
    const bound = (compiled: Compiled | undefined) => {
      const value = first(compiled);
      return (item.type === 'date' ? typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) : typeof value === 'number') ? (value as number | string) : undefined;
    };
    let answers: readonly AnswerOption[] | undefined;
    if (expressions.answerExpression) {
      const result = run(expressions.answerExpression);
      answers = result.options ??= optionsFrom(result.value, sourceLanguageOf(this.instrument));
    }
    const text = first(expressions.textExpression);
    const override: ItemOverride = {
      ...(answers && { answers }),
      ...((typeof text === 'string' || typeof text === 'number') && String(text).trim() !== '' && { text: String(text) }),
      ...(bound(expressions.minExpression) !== undefined && { min: bound(expressions.minExpression) }),
      ...(bound(expressions.maxExpression) !== undefined && { max: bound(expressions.maxExpression) }),
    };
    if (!Object.keys(override).length) return undefined;
    // The one of the last settling when nothing in it changed: the engine gives the same item for it.
    const previous = this.#overrides.get(path);
    const same = previous && (['answers', 'text', 'min', 'max'] as const).every((key) => previous[key] === override[key]);
    return same ? previous : override;
  }

  /** A result kept from before when none of the answers it read has changed since. */
  #memoized(compiled: Compiled, path: ItemPath, changed: ReadonlySet<ItemPath> | undefined, run: () => Memo): Memo {
    const key = `${compiled.path}\u0000${path}`;
    const memo = this.#memos.get(key);
    if (memo && changed && ![...memo.reads].some((read) => changed.has(read))) return memo;
    const result = run();
    this.#memos.set(key, result);
    return result;
  }

  /**
   * The variables in scope at the item or repeat at `path` (undefined: the form's), computed once
   * per tree: those of the form, then of each item it is in, then its own, each in its item's context.
   */
  #scope(path: ItemPath | undefined, tree: Tree): Scope {
    const known = tree.scopes.get(path);
    if (known) return known;
    const entry = path === undefined ? undefined : tree.nodes.get(path)!;
    const outer = entry ? this.#scope(entry.parent, tree) : { env: { resource: tree.response, rootResource: tree.response, ...this.#baseEnv }, reads: new Set<ItemPath>() };
    const variables = entry ? (this.#byId.get(entry.item.id)?.variables ?? []) : this.#rootVariables;
    const env = { ...outer.env };
    const reads = new Set(outer.reads);
    for (const [name, value] of variables) {
      if ('template' in value) {
        env[name] = value.result;
        continue;
      }
      const result = this.#run(value, path ?? '', entry ? entry.node : tree.response, { env, reads });
      env[name] = result.value;
      for (const read of result.reads) reads.add(read);
    }
    const scope = { env, reads };
    tree.scopes.set(path, scope);
    return scope;
  }

  /**
   * Runs an expression in the context of `node`, noting whose answers it reads (those its
   * variables read included). A failure gives nothing and is reported once per expression.
   */
  #run(compiled: Compiled, path: ItemPath, node: object, scope: Scope): Memo {
    const reads = new Set(scope.reads);
    const linkId = (node as { linkId?: unknown }).linkId;
    const qitem = typeof linkId === 'string' ? this.#qitems.get(linkId) : undefined;
    const env = { ...scope.env, ...(qitem !== undefined && { qitem }) };
    const outer = recording;
    recording = reads;
    try {
      return { value: compiled.evaluate(node, env), reads };
    } catch (error) {
      this.#reportOnce(compiled.path, `the expression failed${path ? ` for "${path.replaceAll(PATH_SEPARATOR, ' ')}"` : ''} and gives nothing: ${messageOf(error)}`);
      return { value: [], reads, failed: true };
    } finally {
      recording = outer;
    }
  }

  /** What an expression's result is as an answer to a question; nothing when it is none (reported once). */
  #answerFrom(question: QuestionItem, result: unknown[], compiled: Compiled): AnswerValue | undefined {
    // Blank text is no answer (FHIR strings cannot be blank), as when the person clears a field.
    const values = (resolveInternalTypes(result) as unknown[]).filter((value) => typeof value !== 'string' || value.trim() !== '');
    if (!values.length) return undefined;
    const several = question.type === 'multi-choice' || ('repeats' in question && question.repeats === true);
    const answers = (several ? values : values.slice(0, 1)).map((value) => answerValueOf(question, value));
    const answer = (several ? answers : answers[0]) as AnswerValue | undefined;
    if (answers.some((value) => value === undefined) || isEmptyAnswer(answer) || answerProblem(question, answer!)) {
      this.#reportOnce(compiled.path, `the expression gives ${JSON.stringify(several ? values : values[0])}, which is not an answer to "${question.id}"; it is left empty`);
      return undefined;
    }
    return answer;
  }

  /** Calculated items that read each other in a cycle: their answers would depend on themselves. */
  #refuseCycles(reads: ReadonlyMap<ItemPath, ReadonlySet<ItemPath>>, nodes: ReadonlyMap<ItemPath, TreeNode>): void {
    const state = new Map<ItemPath, 'visiting' | 'done'>();
    const stack: ItemPath[] = [];
    const visit = (path: ItemPath): ItemPath[] | undefined => {
      if (state.get(path) === 'done') return undefined;
      if (state.get(path) === 'visiting') return stack.slice(stack.indexOf(path));
      state.set(path, 'visiting');
      stack.push(path);
      // An expression that reads its own item's answer (a total over every item) settles; only a cycle through others is refused.
      for (const read of reads.get(path) ?? []) {
        const cycle = read !== path && reads.has(read) ? visit(read) : undefined;
        if (cycle) return cycle;
      }
      stack.pop();
      state.set(path, 'done');
      return undefined;
    };
    for (const path of reads.keys()) {
      const cycle = visit(path);
      if (!cycle) continue;
      const names = cycle.map((p) => `"${nodes.get(p)!.item.id}"`);
      const compiled = this.#byId.get(nodes.get(cycle[0]!)!.item.id)!.calculated!;
      throw new ContentError(`The expressions of ${this.instrument.id}`, [{ path: compiled.path, message: `calculated items read each other in a cycle (${[...names, names[0]].join(' → ')}): their answers could never be computed` }]);
    }
  }

  #reportOnce(path: string, message: string): void {
    if (this.#reported.has(path)) return;
    this.#reported.add(path);
    this.#options.report({ path, message });
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Whether a FHIRPath result is true: a single `true`. */
const isTrue = (value: readonly unknown[]): boolean => value.length === 1 && resolveInternalTypes(value[0]) === true;

/** Whether a FHIRPath result is false: a single `false`. */
const isFalse = (value: readonly unknown[]): boolean => value.length === 1 && resolveInternalTypes(value[0]) === false;


/** Where the expression running now notes the answers it reads. */
let recording: Set<ItemPath> | undefined;

/**
 * Makes every read of a response item's answers note its path in `recording`, whichever expression
 * reads it: a variable's value may be read further by the expressions that use it. Only answers
 * count: the items of groups change only as repeats are added or removed, after which every
 * expression runs again, and the items under a question are in its answers. The nodes are the
 * tree's own, written for this settling; an accessor costs far less on each read than a proxy.
 */
function watchAnswers(nodes: ReadonlyMap<ItemPath, TreeNode>): void {
  const watched = new Set<object>();
  for (const [path, { node, repeat }] of nodes) {
    // A repeating group's first repeat is named by the group's path too: its reads are the group's.
    if (watched.has(node) && repeat) continue;
    watched.add(node);
    const answer = node.answer;
    Object.defineProperty(node, 'answer', {
      get() {
        recording?.add(path);
        return answer;
      },
      enumerable: answer !== undefined,
      configurable: true,
    });
  }
}

/**
 * The Questionnaire's items by linkId, for `%qitem`, as FHIRPath gives them: typed as
 * Questionnaire.item, so that `%qitem.answerOption.value` reads each option's value[x].
 */
function questionnaireItems(questionnaire: unknown): ReadonlyMap<string, unknown> {
  if (typeof questionnaire !== 'object' || questionnaire === null || (questionnaire as { resourceType?: unknown }).resourceType !== 'Questionnaire') return new Map();
  const items = evaluate(questionnaire, 'repeat(item)', undefined, r4) as { linkId?: unknown }[];
  return new Map(items.flatMap((item) => (typeof item.linkId === 'string' ? [[item.linkId, item] as const] : [])));
}

type Coded = { readonly code?: unknown; readonly system?: unknown; readonly display?: unknown };

/** An answerExpression's result as answers to choose from: codings (by code, else display), or values; each value once. */
function optionsFrom(result: unknown[], language: string): AnswerOption[] {
  const options = new Map<string | number, AnswerOption>();
  for (const value of resolveInternalTypes(result) as unknown[]) {
    if (typeof value === 'string' || typeof value === 'number') {
      if (!options.has(value)) options.set(value, { value, text: { [language]: String(value) } });
      continue;
    }
    const coded = typeof value === 'object' && value !== null ? (value as Coded) : {};
    const code = typeof coded.code === 'string' ? coded.code : undefined;
    const display = typeof coded.display === 'string' ? coded.display : undefined;
    const key = code ?? display;
    if (key === undefined || options.has(key)) continue;
    const system = typeof coded.system === 'string' ? coded.system : undefined;
    options.set(key, { value: key, text: { [language]: display ?? key }, code: code === undefined ? { display: display!, ...(system && { system }) } : { code, ...(system && { system }), ...(display && { display }) } });
  }
  return [...options.values()];
}

/** One FHIRPath value as an answer of the question's type; undefined when it cannot be one. */
function answerValueOf(question: QuestionItem, value: unknown): number | string | boolean | AnswerValue | undefined {
  switch (question.type) {
    case 'choice':
    case 'multi-choice': {
      const coded = typeof value === 'object' && value !== null ? (value as Coded) : undefined;
      const option = question.answers.find((o) =>
        coded ? (o.code?.code ?? o.value) === coded.code && (coded.system === undefined || o.code?.system === undefined || o.code.system === coded.system) : o.value === value,
      );
      return option?.value;
    }
    case 'integer':
    case 'nrs':
    case 'vas':
      return typeof value === 'number' ? value : undefined;
    case 'decimal':
      // A computed number (a BMI) is shown to the places the item allows.
      return typeof value !== 'number' ? undefined : question.maxDecimals === undefined ? value : Number(value.toFixed(question.maxDecimals));
    case 'quantity': {
      const quantity = value as { value?: unknown; code?: unknown; unit?: unknown } | null;
      if (typeof quantity !== 'object' || quantity === null || typeof quantity.value !== 'number') return undefined;
      const unit = question.units.find((u) => u.code.code === quantity.code || u.code.code === quantity.unit)?.code.code;
      const answer = { value: quantity.value, ...(unit !== undefined && { unit }) };
      return isQuantityAnswer(answer) ? answer : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'text':
    case 'url':
    case 'date':
    case 'date-time':
    case 'time':
      return typeof value === 'string' ? value : undefined;
    default:
      return undefined;
  }
}
