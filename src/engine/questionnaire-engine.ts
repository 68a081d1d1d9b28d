import { conditionsHold } from '../model/conditions.js';
import type { Answers, AnswerValue, GroupItem, Instrument, Item, ItemId, QuestionItem } from '../model/instrument.js';
import { isContainer, isQuestion, walkItems } from '../model/instrument.js';
import { own } from '../model/own.js';
import type { TextMap } from '../model/text.js';
import { answerProblem, isEmptyAnswer, isoToday, type AnswerProblem } from '../model/validate-answer.js';

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

export type ValidationCode = 'required' | Exclude<AnswerProblem, 'type'>;

export interface ValidationProblem {
  readonly itemId: ItemId;
  readonly code: ValidationCode;
}

export interface EngineState {
  readonly answers: Answers;
  readonly pageIndex: number;
}

/**
 * The state of one person filling in one instrument: answers, which items are enabled,
 * paging, progress and validation. Knows nothing of the DOM or of storage.
 */
export class QuestionnaireEngine {
  /** Built only by spreads and `Object.fromEntries` and read only through `own`: an item id may be `__proto__` or `toString`. */
  #current: Answers = {};
  /** Entries a person made that are not valid answers (out of range, malformed); not scored. */
  #invalid = new Map<ItemId, ValidationCode>();
  #enabled = new Set<ItemId>();
  #visiblePages: readonly Page[] = [];
  #index = 0;
  readonly #questions: ReadonlyMap<ItemId, QuestionItem>;
  readonly #parents: ReadonlyMap<ItemId, GroupItem>;

  readonly #today: () => string;

  constructor(
    readonly instrument: Instrument,
    readonly layout: Layout = 'list',
    today: () => string = () => isoToday(),
  ) {
    this.#today = today;
    const all = [...walkItems(instrument.items)];
    this.#questions = new Map(all.filter(isQuestion).map((item) => [item.id, item]));
    this.#parents = new Map(all.flatMap((item) => (isContainer(item) ? item.items.map((child) => [child.id, item] as const) : [])));
    this.#current = Object.fromEntries([...this.#questions.values()].flatMap((q) => (q.initial === undefined ? [] : [[q.id, q.initial]])));
    this.#refreshEnabled();
  }

  get answers(): Answers {
    return this.#current;
  }

  /** The answer to one item; undefined when it is unanswered. */
  answerOf(id: ItemId): AnswerValue | undefined {
    return own(this.#current, id);
  }

  isEnabled(id: ItemId): boolean {
    return this.#enabled.has(id);
  }

  question(id: ItemId): QuestionItem | undefined {
    return this.#questions.get(id);
  }

  /**
   * Sets one answer; `undefined`, an empty selection or blank text clears it. A value the person
   * can correct (out of range, malformed) is kept out of the answers and reported by `problems`.
   * Returns the ids of answers removed because their items became hidden: a hidden item keeps
   * no answer and is never scored. Throws a RangeError for a value no person could have entered.
   */
  answer(id: ItemId, value: AnswerValue | undefined): ItemId[] {
    const question = this.#enabledQuestion(id);
    const problem = isEmptyAnswer(value) ? undefined : answerProblem(question, value!, this.#today());
    if (problem === 'type') throw new RangeError(`${JSON.stringify(value)} is not an answer to "${id}"`);
    const next: Record<ItemId, AnswerValue> = { ...this.#current };
    delete next[id];
    if (problem) this.#invalid.set(id, problem);
    else this.#invalid.delete(id);
    this.#current = problem || isEmptyAnswer(value) ? next : { ...next, [id]: value! };
    return this.#afterChange();
  }

  /** Records an entry that could not be read as an answer at all (e.g. "abc" for a number). */
  reject(id: ItemId): ItemId[] {
    this.#enabledQuestion(id);
    const next: Record<ItemId, AnswerValue> = { ...this.#current };
    delete next[id];
    this.#current = next;
    this.#invalid.set(id, 'format');
    return this.#afterChange();
  }

  /**
   * Adds or removes one value of a multi-choice or body-map answer. Choosing an exclusive option
   * ("None of these") clears the others; choosing another option clears the exclusive one.
   */
  toggle(id: ItemId, value: number | string): ItemId[] {
    const question = this.#enabledQuestion(id);
    const selected = (this.answerOf(id) as readonly (number | string)[] | undefined) ?? [];
    if (selected.includes(value)) return this.answer(id, selected.filter((v) => v !== value));
    if (question.type === 'multi-choice') {
      const exclusive = new Set(question.answers.filter((o) => o.exclusive).map((o) => o.value));
      return this.answer(id, exclusive.has(value) ? [value] : [...selected.filter((v) => !exclusive.has(v)), value]);
    }
    if (question.type === 'body-map') return this.answer(id, [...selected, value]);
    throw new RangeError(`"${id}" is a ${question.type}, which has no options to toggle`);
  }

  /**
   * Applies a saved state, keeping only answers that are still valid for the instrument.
   * Returns the ids of saved answers that were dropped.
   */
  restore(state: EngineState): ItemId[] {
    const dropped: ItemId[] = [];
    const kept: [ItemId, AnswerValue][] = [];
    for (const [id, value] of Object.entries(state.answers)) {
      const question = this.#questions.get(id);
      if (question && !isEmptyAnswer(value) && !answerProblem(question, value, this.#today())) kept.push([id, value]);
      else dropped.push(id);
    }
    this.#current = Object.fromEntries(kept);
    this.#invalid.clear();
    dropped.push(...this.#refreshEnabled());
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
    const enabledQuestions = [...this.#questions.values()].filter((q) => this.#enabled.has(q.id));
    return {
      answered: enabledQuestions.filter((q) => this.answerOf(q.id) !== undefined).length,
      required: enabledQuestions.filter((q) => q.required).length,
      total: enabledQuestions.length,
    };
  }

  /** Problems on one page, or on the whole questionnaire when no page is given, in form order. */
  problems(page?: Page): ValidationProblem[] {
    const items = page ? [...walkItems(page.items)].filter(isQuestion) : [...this.#questions.values()];
    return items.flatMap((q): ValidationProblem[] => {
      const code = this.problemOf(q.id);
      return code ? [{ itemId: q.id, code }] : [];
    });
  }

  /** The problem an enabled question has now, if any. */
  problemOf(id: ItemId): ValidationCode | undefined {
    if (!this.#enabled.has(id)) return undefined;
    const invalid = this.#invalid.get(id);
    if (invalid) return invalid;
    return this.#questions.get(id)?.required && this.answerOf(id) === undefined ? 'required' : undefined;
  }

  /** The index of the page that shows an item. */
  pageOf(id: ItemId): number {
    return this.#visiblePages.findIndex((page) => [...walkItems(page.items)].some((item) => item.id === id));
  }


  #enabledQuestion(id: ItemId): QuestionItem {
    const question = this.#questions.get(id);
    if (!question) throw new RangeError(`"${id}" is not a question of ${this.instrument.id}`);
    if (!this.#enabled.has(id)) throw new RangeError(`"${id}" is not enabled`);
    return question;
  }

  #afterChange(): ItemId[] {
    const removed = this.#refreshEnabled();
    this.#index = Math.min(this.#index, this.#visiblePages.length - 1);
    return removed;
  }

  /**
   * One question per page, with the display items just before it, so a tablet shows one thing at
   * a time; a `page` item keeps its items together on one page.
   */
  #pagedPages(): Page[] {
    const pages: Page[] = [];
    let pendingDisplays: Item[] = [];
    const visit = (items: readonly Item[]) => {
      for (const item of items) {
        if (!this.#enabled.has(item.id)) continue;
        if (item.type === 'group') visit(item.items);
        else if (item.type === 'display') pendingDisplays.push(item);
        else {
          const children = item.type === 'page' ? item.items.filter((child) => this.#enabled.has(child.id)) : [item];
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
      if (group.text) return group.text;
    }
    return undefined;
  }

  /**
   * Recomputes which items are enabled, dropping answers and entries of items that became hidden.
   * A condition may name a later item, so this repeats until no answer is dropped; answers only
   * ever go, so it ends.
   */
  #refreshEnabled(): ItemId[] {
    const removed: ItemId[] = [];
    const answers: Record<ItemId, AnswerValue> = { ...this.#current };
    let enabled: Set<ItemId>;
    const visit = (items: readonly Item[]) => {
      for (const item of items) {
        if (conditionsHold(item, answers)) {
          enabled.add(item.id);
          if (isContainer(item)) visit(item.items);
          continue;
        }
        for (const hidden of walkItems([item])) {
          if (Object.hasOwn(answers, hidden.id)) {
            delete answers[hidden.id];
            removed.push(hidden.id);
          }
        }
      }
    };
    let before;
    do {
      before = removed.length;
      enabled = new Set<ItemId>();
      visit(this.instrument.items);
    } while (removed.length > before);
    this.#enabled = enabled;
    if (removed.length) this.#current = answers;
    for (const id of this.#invalid.keys()) if (!enabled.has(id)) this.#invalid.delete(id);
    this.#visiblePages = this.layout === 'list' ? [{ items: this.instrument.items.filter((item) => enabled.has(item.id)) }] : this.#pagedPages();
    return removed;
  }
}
