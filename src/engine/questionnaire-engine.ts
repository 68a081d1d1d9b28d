import { conditionsHold } from '../model/conditions.js';
import type { AnswerOption, Answers, AnswerValue, Constraint, GroupItem, Instrument, Item, ItemId, QuestionItem } from '../model/instrument.js';
import { childrenOf, isContainer, isQuestion, isReadOnly, isRepeating, walkItems } from '../model/instrument.js';
import { own } from '../model/own.js';
import type { TextMap } from '../model/text.js';
import { answerProblem, isEmptyAnswer, isoToday, type AnswerProblem } from '../model/validate-answer.js';
import { answerAt, itemIdOf, PATH_SEPARATOR, pathIn, type ItemPath } from './item-path.js';

export type Layout = 'paged' | 'list';

export interface Page {
  /** Items to show, in order; in the list layout these are the top-level items. */
  readonly items: readonly Item[];
  /** The stem of the group (or the heading of the page item) that the page's questions share. */
  readonly context?: TextMap;
}

export interface Progress {
  readonly answered: number;
  readonly required: number;
  readonly total: number;
}

/** `constraint`: a rule of the form (FHIR targetConstraint) does not hold; see `brokenConstraints`. */
export type ValidationCode = 'required' | 'constraint' | Exclude<AnswerProblem, 'type'>;

export interface ValidationProblem {
  readonly itemId: ItemPath;
  readonly code: ValidationCode;
}

/**
 * Answers and visibility that expressions compute (src/fhir/expressions.ts), for instruments that
 * have them; the engine knows nothing of the expression language.
 */
export interface Computations {
  /** The answer a question with an `initialExpression` starts with at a path, given the answers so far. */
  initialOf(question: QuestionItem, path: ItemPath, answers: Answers): AnswerValue | undefined;
  /**
   * What the expressions make of the answers: the new answers of the enabled calculated questions
   * whose answers change (undefined: cleared), and the paths of the items whose
   * `enableWhenExpression` does not hold. `changed` names the answers changed since the last call;
   * undefined when anything may have (at the start, after a repeat was added or removed).
   */
  settle(answers: Answers, enabled: ReadonlySet<ItemPath>, changed: ReadonlySet<ItemPath> | undefined): Settled;
}

export interface Settled {
  readonly values: ReadonlyMap<ItemPath, AnswerValue | undefined>;
  readonly hidden: ReadonlySet<ItemPath>;
  /** The keys of the constraints that do not hold, by the path of their question. */
  readonly broken: ReadonlyMap<ItemPath, readonly string[]>;
  /** What expressions make of enabled items now, by path: the answers offered, the text, the bounds. */
  readonly overrides: ReadonlyMap<ItemPath, ItemOverride>;
}

/** What expressions make of an item at one path (answerExpression, and cqf-expression on its text and bounds). */
export interface ItemOverride {
  readonly answers?: readonly AnswerOption[];
  /** Shown in every language: an expression's text has no translations. */
  readonly text?: string;
  readonly min?: number | string;
  readonly max?: number | string;
}

/** An item as expressions make it at one path. */
export function withOverride(item: Item, override: ItemOverride | undefined, languages: readonly string[]): Item {
  if (!override) return item;
  const { text, ...rest } = override;
  // A computed text replaces the written one, formatting included.
  const computedText = text === undefined ? {} : { text: Object.fromEntries(languages.map((lang) => [lang, text])), formattedText: undefined };
  return { ...item, ...rest, ...computedText } as Item;
}

/** Whether a question's answers come from an expression (`itemAt` gives them). */
const hasComputedAnswers = (item: QuestionItem): boolean => 'answerExpression' in item && item.answerExpression !== undefined;

/** A value that may be one of a choice's options. */
const isOptionValue = (value: unknown): value is number | string => typeof value === 'string' || typeof value === 'number';

/**
 * How many times expressions may change answers after one change by the person: calculations
 * that feed each other settle in as many rounds as the chain is long, a cycle never does.
 */
const MAX_SETTLING_ROUNDS = 64;

export interface EngineState {
  readonly answers: Answers;
  readonly pageIndex: number;
}

/** Answers being changed: the engine's copy, written only through `setOwn`. */
type Scope = Record<ItemId, AnswerValue | Scope[]>;

/** Sets a property as its own even when the key is `__proto__`: an item id may be anything without spaces. */
const setOwn = (scope: Scope, id: ItemId, value: AnswerValue | Scope[]): void => {
  Object.defineProperty(scope, id, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * The state of one person filling in one instrument: answers, which items are enabled,
 * paging, progress and validation. Knows nothing of the DOM or of storage.
 *
 * Answers are a tree (see `Answers`): a repeating group holds a list of repeats, each with the
 * answers of its items. Items are addressed by their path (`ItemPath`). A condition names an item
 * by id and reads its answer in the nearest repeat: the condition's own, then the enclosing ones.
 */
export class QuestionnaireEngine {
  /** Read only through `own`: an item id may be `__proto__` or `toString`. */
  #current: Answers = {};
  /** Entries a person made that are not valid answers (out of range, malformed); not scored. */
  #invalid = new Map<ItemPath, ValidationCode>();
  #enabled = new Set<ItemPath>();
  #visiblePages: readonly Page[] = [];
  #index = 0;
  readonly #questions: ReadonlyMap<ItemId, QuestionItem>;
  readonly #parents: ReadonlyMap<ItemId, Item>;
  readonly #groups: ReadonlyMap<ItemId, GroupItem>;
  readonly #displays: ReadonlyMap<ItemId, Item>;

  readonly #today: () => string;
  readonly #computations: Computations | undefined;
  /** Items whose enableWhenExpression does not hold, as the expressions last said. */
  #hiddenByExpression: ReadonlySet<ItemPath> = new Set();
  /** Constraints that do not hold, as the expressions last said. */
  #broken: ReadonlyMap<ItemPath, readonly string[]> = new Map();
  /** What expressions make of items, as they last said. */
  #overrides: ReadonlyMap<ItemPath, ItemOverride> = new Map();
  /** Each override's item (see `itemAt`). */
  readonly #overridden = new WeakMap<ItemOverride, Item>();

  constructor(
    readonly instrument: Instrument,
    readonly layout: Layout = 'list',
    today: () => string = () => isoToday(),
    computations?: Computations,
  ) {
    this.#today = today;
    this.#computations = computations;
    const all = [...walkItems(instrument.items)];
    this.#questions = new Map(all.filter(isQuestion).map((item) => [item.id, item]));
    this.#parents = new Map(all.flatMap((item) => childrenOf(item).map((child) => [child.id, item] as const)));
    this.#groups = new Map(all.filter(isContainer).map((item) => [item.id, item]));
    this.#displays = new Map(all.filter((item) => item.type === 'display').map((item) => [item.id, item]));
    this.#refreshEnabled(this.#newScope(instrument.items), undefined);
  }

  /** The same instrument and answers in another layout. */
  withLayout(layout: Layout): QuestionnaireEngine {
    const engine = new QuestionnaireEngine(this.instrument, layout, this.#today, this.#computations);
    engine.restore({ ...this.state, pageIndex: 0 });
    return engine;
  }

  get answers(): Answers {
    return this.#current;
  }

  /** The answer at a path; undefined when it is unanswered. */
  answerOf(path: ItemPath): AnswerValue | undefined {
    return answerAt(this.#current, path);
  }

  isEnabled(path: ItemPath): boolean {
    return this.#enabled.has(path);
  }

  question(id: ItemId): QuestionItem | undefined {
    return this.#questions.get(id);
  }

  /** How many repeats a repeating group at a path has now. */
  repeatsOf(path: ItemPath): number {
    const at = this.#locate(this.#current as Scope, path);
    return (at && (own(at.scope, at.id) as Scope[] | undefined)?.length) ?? 0;
  }

  /**
   * Sets one answer; `undefined`, an empty selection or blank text clears it. A value the person
   * can correct (out of range, malformed) is kept out of the answers and reported by `problems`.
   * Returns the paths of answers removed because their items became hidden: a hidden item keeps
   * no answer and is never scored. Throws a RangeError for a value no person could have entered.
   */
  answer(path: ItemPath, value: AnswerValue | undefined): ItemPath[] {
    const question = this.#enabledQuestion(path);
    if (isReadOnly(question)) throw new RangeError(`"${path}" is read-only: its answer is not the person's to change`);
    const problem = isEmptyAnswer(value) ? undefined : answerProblem(question, value!, this.#today());
    if (problem === 'type') throw new RangeError(`${JSON.stringify(value)} is not an answer to "${path}"`);
    if (problem) this.#invalid.set(path, problem);
    else this.#invalid.delete(path);
    return this.#write(path, problem || isEmptyAnswer(value) ? undefined : value);
  }

  /** Records an entry that could not be read as an answer at all (e.g. "abc" for a number). */
  reject(path: ItemPath): ItemPath[] {
    this.#enabledQuestion(path);
    this.#invalid.set(path, 'format');
    return this.#write(path, undefined);
  }

  /**
   * Adds or removes one value of a multi-choice or body-map answer. Choosing an exclusive option
   * ("None of these") clears the others; choosing another option clears the exclusive one.
   */
  toggle(path: ItemPath, value: number | string): ItemPath[] {
    const question = this.#enabledQuestion(path);
    const selected = (this.answerOf(path) as readonly (number | string)[] | undefined) ?? [];
    if (selected.includes(value)) return this.answer(path, selected.filter((v) => v !== value));
    if (question.type === 'multi-choice') {
      const exclusive = new Set(question.answers.filter((o) => o.exclusive).map((o) => o.value));
      return this.answer(path, exclusive.has(value) ? [value] : [...selected.filter((v) => !exclusive.has(v)), value]);
    }
    if (question.type === 'body-map') return this.answer(path, [...selected, value]);
    throw new RangeError(`"${path}" is a ${question.type}, which has no options to toggle`);
  }

  /** Adds an empty repeat at the end of a repeating group, up to its `maxOccurs`. */
  addRepeat(path: ItemPath): ItemPath[] {
    const group = this.#enabledRepeating(path);
    if (group.maxOccurs !== undefined && this.repeatsOf(path) >= group.maxOccurs) throw new RangeError(`"${path}" takes at most ${group.maxOccurs} repeats`);
    return this.#change(path, (repeats) => repeats.push(this.#newScope(group.items, `${path}${PATH_SEPARATOR}${repeats.length}`)));
  }

  /** Removes one repeat of a repeating group, with its answers; the last one left is emptied instead. */
  removeRepeat(path: ItemPath, index: number): ItemPath[] {
    const group = this.#enabledRepeating(path);
    const count = this.repeatsOf(path);
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`"${path}" has no repeat ${index}`);
    // Entries not yet valid move with their repeats: those of later repeats shift down by one.
    const prefix = `${path}${PATH_SEPARATOR}`;
    const shifted = new Map<ItemPath, ValidationCode>();
    for (const [key, code] of this.#invalid) {
      if (!key.startsWith(prefix)) shifted.set(key, code);
      else {
        const [repeat, ...rest] = key.slice(prefix.length).split(PATH_SEPARATOR);
        const n = Number(repeat);
        if (n !== index) shifted.set([path, String(n > index ? n - 1 : n), ...rest].join(PATH_SEPARATOR), code);
      }
    }
    this.#invalid = shifted;
    return this.#change(path, (repeats) => repeats.splice(index, 1, ...(count === 1 ? [this.#newScope(group.items, `${path}${PATH_SEPARATOR}0`)] : [])));
  }

  /**
   * Applies a saved state, keeping only answers that are still valid for the instrument.
   * Returns the paths of saved answers that were dropped.
   */
  restore(state: EngineState): ItemPath[] {
    const dropped: ItemPath[] = [];
    this.#invalid.clear();
    dropped.push(...this.#refreshEnabled(this.#kept(this.instrument.items, state.answers, '', dropped), undefined));
    this.goTo(state.pageIndex);
    return dropped;
  }

  get state(): EngineState {
    return { answers: this.#current, pageIndex: this.#index };
  }

  get pages(): readonly Page[] {
    return this.#visiblePages;
  }

  get pageIndex(): number {
    return this.#index;
  }

  get page(): Page {
    return this.#visiblePages[this.#index]!;
  }

  get isLastPage(): boolean {
    return this.#index === this.#visiblePages.length - 1;
  }

  goTo(pageIndex: number): void {
    this.#index = Math.max(0, Math.min(Math.trunc(pageIndex) || 0, this.#visiblePages.length - 1));
  }

  progress(): Progress {
    const enabledQuestions = [...this.#questionPaths(this.instrument.items)];
    return {
      answered: enabledQuestions.filter((path) => this.answerOf(path) !== undefined).length,
      required: enabledQuestions.filter((path) => this.#questions.get(itemIdOf(path))!.required).length,
      total: enabledQuestions.length,
    };
  }

  /** Problems on one page, or on the whole questionnaire when no page is given, in form order (a group before its questions). */
  problems(page?: Page): ValidationProblem[] {
    // Pages hold items of the top scope: a repeating group is always on one page whole.
    return [...this.#questionPaths(page?.items ?? this.instrument.items, '', true)].flatMap((path): ValidationProblem[] => {
      const code = this.problemOf(path);
      return code ? [{ itemId: path, code }] : [];
    });
  }

  /** The problem an enabled question, or a required group with no answer in it, has now, if any. */
  problemOf(path: ItemPath): ValidationCode | undefined {
    if (!this.#enabled.has(path)) return undefined;
    const invalid = this.#invalid.get(path);
    if (invalid) return invalid;
    const id = itemIdOf(path);
    const group = this.#groups.get(id);
    // A required group needs an answer to one of its questions.
    if (group?.required) {
      const scope = path.slice(0, Math.max(0, path.lastIndexOf(PATH_SEPARATOR)));
      return [...this.#questionPaths([group], scope)].some((question) => this.answerOf(question) !== undefined) ? undefined : 'required';
    }
    if (this.#questions.get(id)?.required && this.answerOf(path) === undefined) return 'required';
    return this.#broken.has(path) ? 'constraint' : undefined;
  }

  /**
   * The item at a path as it is now: with the answers, text and bounds its expressions give there
   * (answerExpression, cqf-expression); undefined when no item has the path's id.
   */
  itemAt(path: ItemPath): Item | undefined {
    const id = itemIdOf(path);
    const item = this.#questions.get(id) ?? this.#groups.get(id) ?? this.#displays.get(id);
    const override = this.#overrides.get(path);
    if (!item || !override) return item;
    // The same override gives the same item, so that what renders it can tell nothing changed.
    const known = this.#overridden.get(override);
    if (known) return known;
    const overridden = withOverride(item, override, this.instrument.languages);
    this.#overridden.set(override, overridden);
    return overridden;
  }

  /** The constraints of the question at a path that do not hold. */
  brokenConstraints(path: ItemPath): readonly Constraint[] {
    const keys = this.#broken.get(path) ?? [];
    return this.#questions.get(itemIdOf(path))?.constraints?.filter((constraint) => keys.includes(constraint.key)) ?? [];
  }

  /** The index of the page that shows an item. */
  pageOf(path: ItemPath): number {
    const id = path.split(PATH_SEPARATOR)[0];
    return this.#visiblePages.findIndex((page) => [...walkItems(page.items)].some((item) => item.id === id));
  }

  /**
   * The paths of the enabled questions under `items` of a scope, in form order, repeats and nested
   * questions included; with `requiredGroups`, those of required groups too, each before its items.
   */
  *#questionPaths(items: readonly Item[], scope: ItemPath = '', requiredGroups = false): Generator<ItemPath> {
    for (const item of items) {
      const path = pathIn(scope, item.id);
      // What the person cannot see or change is not theirs to answer.
      if (!this.#enabled.has(path) || item.hidden) continue;
      if ((isQuestion(item) && !isReadOnly(item)) || (requiredGroups && this.#groups.get(item.id)?.required)) yield path;
      if (isRepeating(item)) {
        for (let i = 0; i < this.repeatsOf(path); i++) yield* this.#questionPaths(item.items, `${path}${PATH_SEPARATOR}${i}`, requiredGroups);
      } else yield* this.#questionPaths(childrenOf(item), scope, requiredGroups);
    }
  }

  /** The scope object holding the answer at a path, and the item id within it. */
  #locate(root: Scope, path: ItemPath): { scope: Scope; id: ItemId } | undefined {
    const parts = path.split(PATH_SEPARATOR);
    let scope: Scope | undefined = root;
    for (let i = 0; scope && i < parts.length - 1; i += 2) scope = (own(scope, parts[i]!) as Scope[] | undefined)?.[Number(parts[i + 1])];
    return scope && { scope, id: parts.at(-1)! };
  }

  /**
   * Changes a copy of the answers, in the scope of a path, then settles which items are enabled.
   * `structural`: repeats were added or removed, which moves answers from path to path.
   */
  #edit(path: ItemPath, edit: (scope: Scope, id: ItemId) => void, structural = false): ItemPath[] {
    const next = structuredClone(this.#current) as Scope;
    const at = this.#locate(next, path)!;
    edit(at.scope, at.id);
    const removed = this.#refreshEnabled(next, structural ? undefined : new Set([path]));
    this.#index = Math.min(this.#index, this.#visiblePages.length - 1);
    return removed;
  }

  /** Sets or clears one answer. */
  #write(path: ItemPath, value: AnswerValue | undefined): ItemPath[] {
    return this.#edit(path, (scope, id) => {
      delete scope[id];
      if (value !== undefined) setOwn(scope, id, value);
    });
  }

  /** Changes the repeats of a repeating group. */
  #change(path: ItemPath, edit: (repeats: Scope[]) => void): ItemPath[] {
    return this.#edit(path, (scope, id) => edit(own(scope, id) as Scope[]), true);
  }

  /**
   * The answers an item list starts with, in the scope at `scopePath`: the initial answers of its
   * questions (from their initial expressions first), and one empty repeat of each repeating group.
   */
  #newScope(items: readonly Item[], scopePath: ItemPath = '', scope: Scope = {}): Scope {
    for (const item of items) {
      const path = pathIn(scopePath, item.id);
      if (isRepeating(item)) setOwn(scope, item.id, [this.#newScope(item.items, `${path}${PATH_SEPARATOR}0`)]);
      else {
        const initial = isQuestion(item) ? this.#initialOf(item, path) : undefined;
        if (initial !== undefined) setOwn(scope, item.id, initial);
        this.#newScope(childrenOf(item), scopePath, scope);
      }
    }
    return scope;
  }

  /** A question's starting answer: its initial expression's value when that is a valid answer, else its `initial`. */
  #initialOf(question: QuestionItem, path: ItemPath): AnswerValue | undefined {
    const computed = question.initialExpression === undefined ? undefined : this.#computations?.initialOf(question, path, this.#current);
    const valid = computed !== undefined && !isEmptyAnswer(computed) && !answerProblem(question, computed, this.#today());
    return valid ? computed : question.initial;
  }

  /** The saved answers of a scope that are still valid answers to its items; the others' paths go to `dropped`. */
  #kept(items: readonly Item[], saved: unknown, scope: ItemPath, dropped: ItemPath[]): Scope {
    const kept: Scope = {};
    const known = new Set<ItemId>();
    const visit = (list: readonly Item[]) => {
      for (const item of list) {
        const value = typeof saved === 'object' && saved !== null ? (own(saved as Scope, item.id) as unknown) : undefined;
        const path = pathIn(scope, item.id);
        known.add(item.id);
        if (isRepeating(item)) {
          const repeats = Array.isArray(value) && value.length ? value : [undefined];
          if (value !== undefined && !Array.isArray(value)) dropped.push(path);
          setOwn(kept, item.id, repeats.map((repeat, i) => this.#kept(item.items, repeat, `${path}${PATH_SEPARATOR}${i}`, dropped)));
          continue;
        }
        if (isQuestion(item) && value !== undefined) {
          // Answers an expression offers are known once it has run: until then any option value is kept, then those not offered go.
          const valid = hasComputedAnswers(item)
            ? item.type === 'multi-choice' ? Array.isArray(value) && value.length > 0 && value.every(isOptionValue) : isOptionValue(value)
            : !isEmptyAnswer(value as AnswerValue) && !answerProblem(item, value as AnswerValue, this.#today());
          if (valid) setOwn(kept, item.id, value as AnswerValue);
          else dropped.push(path);
        }
        visit(childrenOf(item));
      }
    };
    visit(items);
    if (typeof saved === 'object' && saved !== null) for (const id of Object.keys(saved)) if (!known.has(id)) dropped.push(pathIn(scope, id));
    return kept;
  }

  /** The question at a path, with the answers an expression offers there when it has them. */
  #enabledQuestion(path: ItemPath): QuestionItem {
    const question = this.#questions.get(itemIdOf(path));
    if (!question) throw new RangeError(`"${path}" is not a question of ${this.instrument.id}`);
    if (!this.#enabled.has(path)) throw new RangeError(`"${path}" is not enabled`);
    return this.itemAt(path) as QuestionItem;
  }

  #enabledRepeating(path: ItemPath): GroupItem {
    const group = this.#groups.get(itemIdOf(path));
    if (!group?.repeats) throw new RangeError(`"${path}" is not a repeating group of ${this.instrument.id}`);
    if (!this.#enabled.has(path)) throw new RangeError(`"${path}" is not enabled`);
    return group;
  }

  /**
   * One question per page, with the display items just before it, so a tablet shows one thing at
   * a time; a `page` item keeps its items together on one page, and so does a repeating group,
   * whose repeats are added and removed on it.
   */
  #pagedPages(): Page[] {
    const pages: Page[] = [];
    let pendingDisplays: Item[] = [];
    const visit = (items: readonly Item[]) => {
      for (const item of items) {
        if (!this.#enabled.has(item.id) || item.hidden) continue;
        if (item.type === 'group' && !item.repeats) visit(item.items);
        else if (item.type === 'display') pendingDisplays.push(item);
        else {
          const children = item.type === 'page' ? item.items.filter((child) => this.#enabled.has(child.id) && !child.hidden) : [item];
          const context = item.type === 'page' ? item.text : this.#stemOf(item.id);
          pages.push({ items: [...pendingDisplays, ...children], ...(context && { context }) });
          pendingDisplays = [];
        }
      }
    };
    visit(this.instrument.items);
    const last = pages.at(-1);
    if (pendingDisplays.length && last) pages[pages.length - 1] = { ...last, items: [...last.items, ...pendingDisplays] };
    else if (pendingDisplays.length) pages.push({ items: pendingDisplays });
    // Always at least one page, so that `page` is defined even when every item is hidden.
    return pages.length ? pages : [{ items: [] }];
  }

  #stemOf(id: ItemId): TextMap | undefined {
    for (let group = this.#parents.get(id); group; group = this.#parents.get(group.id)) {
      if (isContainer(group) && group.text) return group.text;
    }
    return undefined;
  }

  /**
   * Recomputes which items are enabled, dropping answers and entries of items that became hidden.
   * A condition may name a later item, so this repeats until no answer is dropped; answers only
   * ever go, so it ends. An item under a question is shown only once the question is answered: in
   * FHIR its answer belongs to the question's. With expressions, each round also recomputes the
   * calculated answers and the items that expressions hide, until nothing changes (a calculation
   * that never settles, which the expression part refuses at load, stops after a bounded number of
   * rounds). `answers`, a tree nobody else holds yet, is changed in place and becomes the engine's
   * answers; `changed` names the answers the edit changed (undefined: any may have).
   */
  #refreshEnabled(answers: Scope, changed: ReadonlySet<ItemPath> | undefined): ItemPath[] {
    const removed: ItemPath[] = [];
    let enabled: Set<ItemPath>;
    /** Removes the answers of a hidden item and of every item under it, in its scope. */
    const hide = (item: Item, scope: Scope, path: ItemPath, scopePath: ItemPath) => {
      if (isRepeating(item)) {
        const repeats = own(scope, item.id) as Scope[] | undefined;
        repeats?.forEach((repeat, i) => item.items.forEach((child) => hide(child, repeat, pathIn(`${path}${PATH_SEPARATOR}${i}`, child.id), `${path}${PATH_SEPARATOR}${i}`)));
        return;
      }
      if (Object.hasOwn(scope, item.id)) {
        delete scope[item.id];
        removed.push(path);
      }
      for (const child of childrenOf(item)) hide(child, scope, pathIn(scopePath, child.id), scopePath);
    };
    const visit = (items: readonly Item[], scope: Scope, scopePath: ItemPath, visible: Answers) => {
      for (const item of items) {
        const path = pathIn(scopePath, item.id);
        if (!conditionsHold(item, visible) || hiddenByExpression.has(path)) {
          hide(item, scope, path, scopePath);
          continue;
        }
        enabled.add(path);
        if (isRepeating(item)) {
          (own(scope, item.id) as Scope[]).forEach((repeat, i) => visit(item.items, repeat, `${path}${PATH_SEPARATOR}${i}`, { ...visible, ...repeat }));
        } else if (isQuestion(item) && own(scope, item.id) === undefined) {
          for (const child of childrenOf(item)) hide(child, scope, pathIn(scopePath, child.id), scopePath);
        } else visit(childrenOf(item), scope, scopePath, visible);
      }
    };
    let hiddenByExpression = this.#hiddenByExpression;
    let changedSince = changed && new Set(changed);
    for (let round = 0; ; round++) {
      const before = removed.length;
      enabled = new Set<ItemPath>();
      visit(this.instrument.items, answers, '', answers);
      if (!this.#computations || round === MAX_SETTLING_ROUNDS) {
        if (removed.length === before) break;
        continue;
      }
      for (const path of removed.slice(before)) changedSince?.add(path);
      const settled = this.#computations.settle(answers, enabled, changedSince);
      changedSince = new Set(settled.values.keys());
      for (const [path, value] of settled.values) {
        const at = this.#locate(answers, path);
        if (!at) continue;
        delete at.scope[at.id];
        if (value !== undefined) setOwn(at.scope, at.id, value);
      }
      const hiddenChanged = settled.hidden.size !== hiddenByExpression.size || [...settled.hidden].some((path) => !hiddenByExpression.has(path));
      hiddenByExpression = settled.hidden;
      this.#broken = settled.broken;
      this.#overrides = settled.overrides;
      // An answer no longer offered goes (an answer of the person's own stays).
      let withdrawn = false;
      for (const [path, { answers: offered }] of settled.overrides) {
        const at = this.#locate(answers, path);
        const question = this.#questions.get(itemIdOf(path));
        if (!offered || !question || !hasComputedAnswers(question)) continue;
        const value = at && (own(at.scope, at.id) as AnswerValue | undefined);
        if (!at || value === undefined || ('other' in question && question.other)) continue;
        const isOffered = (v: unknown) => offered.some((option) => option.value === v);
        const kept = Array.isArray(value) ? value.filter(isOffered) : isOffered(value) ? value : undefined;
        if (Array.isArray(kept) ? kept.length === (value as readonly unknown[]).length : kept !== undefined) continue;
        delete at.scope[at.id];
        if (Array.isArray(kept) && kept.length) setOwn(at.scope, at.id, kept);
        else removed.push(path);
        changedSince.add(path);
        withdrawn = true;
      }
      if (!settled.values.size && !hiddenChanged && !withdrawn && removed.length === before) break;
    }
    this.#hiddenByExpression = hiddenByExpression;
    this.#enabled = enabled;
    this.#current = answers;
    for (const path of this.#invalid.keys()) if (!enabled.has(path)) this.#invalid.delete(path);
    this.#visiblePages = this.layout === 'list' ? [{ items: this.instrument.items.filter((item) => enabled.has(item.id) && !item.hidden) }] : this.#pagedPages();
    return removed;
  }
}
