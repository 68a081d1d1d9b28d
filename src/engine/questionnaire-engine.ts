import type { Answers, AnswerValue, GroupItem, Instrument, Item, ItemId, QuestionItem } from '../model/instrument.js';
import { isQuestion, walkItems } from '../model/instrument.js';
import type { TextMap } from '../model/text.js';
import { scoreAnswers, type Scores } from '../scoring/score.js';
import { conditionsHold } from './conditions.js';

export type Layout = 'paged' | 'list';

export interface Page {
  /** Items to show, in order; in the list layout these are the top-level items. */
  readonly items: readonly Item[];
  /** The stem of the group a paged question belongs to, shown above it. */
  readonly context?: TextMap;
}

export interface Progress {
  readonly answered: number;
  readonly required: number;
  readonly total: number;
}

export interface ValidationProblem {
  readonly itemId: ItemId;
  readonly code: 'required';
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
  private current: Record<ItemId, AnswerValue> = {};
  private enabled = new Set<ItemId>();
  private visiblePages: readonly Page[] = [];
  private index = 0;
  private readonly questions: ReadonlyMap<ItemId, QuestionItem>;
  private readonly parents: ReadonlyMap<ItemId, GroupItem>;

  constructor(
    readonly instrument: Instrument,
    readonly layout: Layout = 'list',
  ) {
    const all = [...walkItems(instrument.items)];
    this.questions = new Map(all.filter(isQuestion).map((item) => [item.id, item]));
    this.parents = new Map(
      all.flatMap((item) => (item.type === 'group' ? item.items.map((child) => [child.id, item] as const) : [])),
    );
    this.refreshEnabled();
  }

  get answers(): Answers {
    return this.current;
  }

  isEnabled(id: ItemId): boolean {
    return this.enabled.has(id);
  }

  question(id: ItemId): QuestionItem | undefined {
    return this.questions.get(id);
  }

  /**
   * Sets (or with `undefined` clears) one answer. Returns the ids of answers removed because
   * their items became hidden: a hidden item keeps no answer and is never scored.
   */
  answer(id: ItemId, value: AnswerValue | undefined): ItemId[] {
    const question = this.questions.get(id);
    if (!question) throw new RangeError(`"${id}" is not a question of ${this.instrument.id}`);
    if (!this.enabled.has(id)) throw new RangeError(`"${id}" is not enabled`);
    if (value === undefined) {
      const next = { ...this.current };
      delete next[id];
      this.current = next;
    } else {
      if (!question.answers.some((option) => option.value === value)) {
        throw new RangeError(`${JSON.stringify(value)} is not an answer of "${id}"`);
      }
      this.current = { ...this.current, [id]: value };
    }
    const removed = this.refreshEnabled();
    this.index = Math.min(this.index, this.pages.length - 1);
    return removed;
  }

  /**
   * Applies a saved state, keeping only answers that still fit the instrument.
   * Returns the ids of saved answers that were dropped.
   */
  restore(state: EngineState): ItemId[] {
    const dropped: ItemId[] = [];
    const kept: Record<ItemId, AnswerValue> = {};
    for (const [id, value] of Object.entries(state.answers)) {
      if (this.questions.get(id)?.answers.some((option) => option.value === value)) kept[id] = value;
      else dropped.push(id);
    }
    this.current = kept;
    dropped.push(...this.refreshEnabled());
    this.goTo(state.pageIndex);
    return dropped;
  }

  get state(): EngineState {
    return { answers: this.current, pageIndex: this.index };
  }

  get pages(): readonly Page[] {
    return this.visiblePages;
  }

  get pageIndex(): number {
    return this.index;
  }

  get page(): Page {
    return this.pages[this.index]!;
  }

  get isLastPage(): boolean {
    return this.index === this.pages.length - 1;
  }

  goTo(pageIndex: number): void {
    this.index = Math.max(0, Math.min(Math.trunc(pageIndex) || 0, this.pages.length - 1));
  }

  progress(): Progress {
    const enabledQuestions = [...this.questions.values()].filter((q) => this.enabled.has(q.id));
    return {
      answered: enabledQuestions.filter((q) => this.current[q.id] !== undefined).length,
      required: enabledQuestions.filter((q) => q.required).length,
      total: enabledQuestions.length,
    };
  }

  /** Problems on one page, or on the whole questionnaire when no page is given. */
  problems(page?: Page): ValidationProblem[] {
    const items = page ? [...walkItems(page.items)] : [...this.questions.values()];
    return items
      .filter(isQuestion)
      .filter((q) => q.required && this.enabled.has(q.id) && this.current[q.id] === undefined)
      .map((q) => ({ itemId: q.id, code: 'required' as const }));
  }

  /** The index of the page that shows an item. */
  pageOf(id: ItemId): number {
    return this.pages.findIndex((page) => [...walkItems(page.items)].some((item) => item.id === id));
  }

  scores(): Scores {
    return scoreAnswers(this.instrument, this.current);
  }

  /** One question per page, with the display items just before it, so a tablet shows one thing at a time. */
  private pagedPages(): Page[] {
    const pages: Page[] = [];
    let pendingDisplays: Item[] = [];
    for (const item of walkItems(this.instrument.items)) {
      if (!this.enabled.has(item.id) || item.type === 'group') continue;
      if (item.type === 'display') {
        pendingDisplays.push(item);
        continue;
      }
      const context = this.stemOf(item.id);
      pages.push({ items: [...pendingDisplays, item], ...(context && { context }) });
      pendingDisplays = [];
    }
    const last = pages.at(-1);
    if (pendingDisplays.length && last) pages[pages.length - 1] = { ...last, items: [...last.items, ...pendingDisplays] };
    else if (pendingDisplays.length) pages.push({ items: pendingDisplays });
    // Always at least one page, so that `page` is defined even when every item is hidden.
    return pages.length ? pages : [{ items: [] }];
  }

  private stemOf(id: ItemId): TextMap | undefined {
    for (let group = this.parents.get(id); group; group = this.parents.get(group.id)) {
      if (group.text) return group.text;
    }
    return undefined;
  }

  /** Recomputes enabled items until stable, dropping answers of items that became hidden. */
  private refreshEnabled(): ItemId[] {
    const removed: ItemId[] = [];
    for (;;) {
      const enabled = new Set<ItemId>();
      const visit = (items: readonly Item[]) => {
        for (const item of items) {
          if (!conditionsHold(item, this.current)) continue;
          enabled.add(item.id);
          if (item.type === 'group') visit(item.items);
        }
      };
      visit(this.instrument.items);
      this.enabled = enabled;
      const hidden = Object.keys(this.current).filter((id) => !enabled.has(id));
      if (hidden.length === 0) {
        this.visiblePages =
          this.layout === 'list' ? [{ items: this.instrument.items.filter((item) => enabled.has(item.id)) }] : this.pagedPages();
        return removed;
      }
      const next = { ...this.current };
      for (const id of hidden) delete next[id];
      this.current = next;
      removed.push(...hidden);
    }
  }
}
