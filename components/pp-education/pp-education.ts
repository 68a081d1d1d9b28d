import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { directionOf, localText, resolveLocale } from '../../src/i18n/locale.js';
import { formatNumber } from '../../src/i18n/format-number.js';
import {
  answerTo,
  citationsOf,
  keyMessagesOf,
  parseEducationModule,
  sourceLanguageOfModule,
  type EducationBlock,
  type EducationModule,
  type EducationPage,
  type KnowledgeCheckBlock,
} from '../../src/model/education.js';
import { EMERGENCY, emergencyAdvice, emergencyText, outOfHoursAdvice } from '../../src/model/emergency.js';
import { own } from '../../src/model/own.js';
import type { TextMap } from '../../src/model/text.js';
import { EducationProgressWriter, loadEducationProgress, type EducationProgressRecord } from '../../src/store/education-progress.js';
import { PpEvents, type EducationCompleteDetail, type EducationProgressDetail, type ErrorDetail } from '../../src/events.js';
import { defineElement } from '../shared/define.js';
import { emergencyContactsOf } from '../shared/emergency-contacts.js';
import { styleProperties } from '../shared/style-properties.js';
import { contentFailure, failureMessage, failureStyles } from '../shared/failure.js';
import { VAULT_SETTINGS, VaultController, vaultProperties } from '../shared/vault-controller.js';
import { fetchJson } from '../shared/fetch-json.js';
import { loadUiLocale, localizedRoot, UI_LOCALES, uiLocaleFor } from '../shared/localize.js';
import { KeyboardModality } from '../shared/keyboard-modality.js';
import { StartFocus } from '../shared/start-focus.js';
import { choiceStyles, headerStyles, navigationStyles } from '../shared/form-styles.js';
import { tokens } from '../shared/tokens.js';
import { ILLUSTRATIONS, illustrationStyles } from './illustrations.js';
import { ReadAloudController, sentencesIn, type SpeechSynthesisLike } from './read-aloud.js';
import { readableText } from './rich-text.js';
import { styles } from './pp-education.styles.js';

type Status = 'loading' | 'ready' | 'failed';

/** A horizontal move at least this long (and mostly sideways) turns the page. */
const SWIPE_MIN_PX = 50;

/** Why the module could not be shown, as the element tells the host. */
class LoadFailure extends Error {
  constructor(readonly detail: ErrorDetail) {
    super(detail.message);
  }
}

async function fetchModule(url: string | undefined): Promise<unknown> {
  if (!url) throw new LoadFailure({ code: 'content-unreachable', message: 'No module given: set the module property or the src attribute.' });
  try {
    return await fetchJson(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoadFailure({ code: 'content-unreachable', message: `The module could not be loaded: ${reason}`, cause: error });
  }
}

/**
 * A pain-education module: short pages of text, drawings, key messages and knowledge checks,
 * with read-aloud, progress saved on the device, and a print view of every page.
 *
 * @summary Shows a pain-neuroscience education module page by page.
 * @tag pp-education
 *
 * @attr src - URL of an education module JSON file.
 * @attr lang - Language of the module; otherwise the closest `[lang]` ancestor, then the browser's.
 * @attr progress-key - Key of the saved progress; defaults to the module's id and version.
 * @attr subject - The host's opaque id of the person reading: saved progress is theirs alone (see docs/privacy.md).
 * @attr storage - How much is kept: `device` (default; IndexedDB), `session` (this tab's session) or `memory` (nothing).
 *
 * @event pp-education-progress - The page changed or a question was answered. Detail: `EducationProgressDetail`.
 * @event pp-education-complete - The person finished the module. Detail: `EducationCompleteDetail`.
 * @event pp-error - Bad content or storage trouble. Detail: `ErrorDetail` with a `code`.
 *
 * @csspart module - The article around everything.
 * @csspart title - The module's title.
 * @csspart progress - The "Page 2 of 7" text and bar.
 * @csspart read-aloud - The read-aloud buttons and message.
 * @csspart page - One page.
 * @csspart heading - A heading on a page.
 * @csspart paragraph - A paragraph of text.
 * @csspart key-message - A key message.
 * @csspart illustration - A drawing.
 * @csspart callout - A boxed tip or warning.
 * @csspart emergency - The emergency warning signs and what to do, in the shared wording, with the host's emergency number (`data-pp-emergency-number` on an ancestor).
 * @csspart knowledge-check - A knowledge-check question (a fieldset).
 * @csspart option - One answer option of a knowledge check.
 * @csspart feedback - The feedback on the chosen option.
 * @csspart key-messages - The list of key messages on the summary page.
 * @csspart sources - The sources of the key messages, on the summary page.
 * @csspart speaking - The sentence being read aloud.
 * @csspart navigation - The row of Back / Next / Finish buttons.
 * @csspart done - The message shown when the module is finished.
 * @csspart error - The message shown when the module cannot be used.
 *
 * @cssprop --pp-font-family - Font of all text.
 * @cssprop --pp-font-size - Base font size (default the larger of 1.125rem and 1.125 × the browser's font size; see docs/theming.md).
 * @cssprop --pp-color-text - Text colour.
 * @cssprop --pp-color-muted - Secondary text colour.
 * @cssprop --pp-color-background - Background colour.
 * @cssprop --pp-color-surface - Background of key messages, callouts and options.
 * @cssprop --pp-color-border - Borders.
 * @cssprop --pp-color-accent - Buttons, key messages, progress.
 * @cssprop --pp-color-on-accent - Text on the accent colour.
 * @cssprop --pp-color-selected - Background of the chosen option.
 * @cssprop --pp-color-correct - Border of a correctly chosen option.
 * @cssprop --pp-color-highlight - Background of the sentence being read aloud.
 * @cssprop --pp-color-error - Border of the message shown when the module cannot be used.
 * @cssprop --pp-color-focus - Focus outline.
 * @cssprop --pp-radius - Corner radius.
 * @cssprop --pp-space - Base spacing.
 * @cssprop --pp-target-size - Minimum size of touch targets (default 3rem, at least 48px).
 * @cssprop --pp-max-width - Maximum width of the module.
 * @cssprop --pp-illustration-ink - Outlines of the drawings.
 * @cssprop --pp-illustration-background - Background of the drawings.
 * @cssprop --pp-illustration-primary - Main fill colour of the drawings.
 * @cssprop --pp-illustration-warm - Warm fill colour of the drawings.
 * @cssprop --pp-illustration-calm - Calm fill colour of the drawings.
 * @cssprop --pp-illustration-alert - Alert fill colour of the drawings.
 */
export class PpEducation extends LitElement {
  static override properties = {
    src: {},
    module: { attribute: false },
    language: { attribute: 'lang' },
    progressKey: { attribute: 'progress-key' },
    ...vaultProperties,
    speechSynthesis: { attribute: false },
    status: { state: true },
    failure: { state: true },
    pageIndex: { state: true },
    pagesSeen: { state: true },
    answers: { state: true },
    completedAt: { state: true },
  };

  static override styles = [tokens, headerStyles, navigationStyles, choiceStyles, illustrationStyles, failureStyles, styles];

  /** Rings a choice reached with arrow keys in WebKit too. */
  protected readonly keyboardModality = new KeyboardModality(this);
  readonly #startFocus = new StartFocus(this, '.page:not([hidden])');

  /** Focuses where reading starts: the current page, once the content is shown. */
  override focus(options?: FocusOptions): void {
    this.#startFocus.focus(options);
  }

  /** URL of a module JSON file. */
  src?: string;

  /** A module object (raw JSON or already parsed); takes precedence over `src`. */
  module?: unknown;

  /** Mirrors the `lang` attribute; the native `lang` property keeps working. */
  language?: string;

  progressKey?: string;

  /** The host's opaque id of the person reading; progress of another subject is never shown here. */
  subject?: string;

  storage?: string;

  /** A non-extractable AES-GCM key: saved progress is then encrypted with it. */
  encryptionKey?: CryptoKey;

  /** The speech synthesis used for read-aloud; the browser's by default. */
  speechSynthesis: SpeechSynthesisLike | undefined = globalThis.speechSynthesis;

  private status: Status = 'loading';
  private failure?: ErrorDetail;
  private pageIndex = 0;
  private pagesSeen: ReadonlySet<string> = new Set();
  /** The chosen option's id by question id. */
  private answers: ReadonlyMap<string, string> = new Map();
  private completedAt?: string;

  #content?: EducationModule;
  #loadGeneration = 0;
  /** Time on screen in earlier visits and stretches, and when the current stretch began. */
  #timeBeforeMs = 0;
  #shownSince?: number;
  #swipeStart?: { readonly pointerId: number; readonly x: number; readonly y: number };
  readonly #records: VaultController = new VaultController(this, {
    unsaved: (reason) => `Progress cannot be saved in this browser (${reason}); the module keeps working, but a reload starts it again.`,
    settle: (): Promise<void> => this.progressSaved(),
    restart: () => void this.#load(),
  });
  readonly #progressWriter: EducationProgressWriter = new EducationProgressWriter(
    () => this.#records.vault,
    (error) => this.#records.reportFailure(error),
  );
  readonly #readAloud = new ReadAloudController(this, () => this.speechSynthesis);

  /** Resolves when the progress so far is durable in IndexedDB (or storage failed). */
  progressSaved(): Promise<void> {
    return this.#progressWriter.flush();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    this.#startClock();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#stopClock();
    if (this.status === 'ready') this.#saveProgress();
  }

  readonly #onVisibilityChange = () => {
    if (document.hidden) {
      this.#stopClock();
      if (this.status === 'ready') this.#saveProgress();
    } else this.#startClock();
  };

  #startClock(): void {
    if (!document.hidden) this.#shownSince ??= performance.now();
  }

  #stopClock(): void {
    this.#timeBeforeMs = this.#timeSpentMs;
    this.#shownSince = undefined;
  }

  get #timeSpentMs(): number {
    return Math.round(this.#timeBeforeMs + (this.#shownSince === undefined ? 0 : performance.now() - this.#shownSince));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((['src', 'module', 'progressKey', ...VAULT_SETTINGS] as const).some((key) => changed.has(key))) void this.#load();
    if (changed.has('language')) this.#readAloud.stop();
  }

  /** The language the host asked for: the element's `lang`, else the closest `[lang]` ancestor's. */
  get #requestedLanguage(): string | undefined {
    return this.language || this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  get #locale(): string {
    const wanted = [this.#requestedLanguage, ...navigator.languages];
    if (!this.#content) return resolveLocale(wanted, UI_LOCALES, 'en');
    return resolveLocale(wanted, this.#content.languages, sourceLanguageOfModule(this.#content));
  }

  get #resolvedProgressKey(): string {
    return this.progressKey || `${this.#content!.id}@${this.#content!.version}`;
  }

  async #load(): Promise<void> {
    const generation = ++this.#loadGeneration;
    const isCurrent = () => generation === this.#loadGeneration;
    this.#readAloud.stop();
    this.status = 'loading';
    this.failure = undefined;
    let content: EducationModule;
    try {
      content = parseEducationModule(this.module ?? (await fetchModule(this.src)));
    } catch (error) {
      if (!isCurrent()) return;
      this.#content = undefined;
      this.failure = error instanceof LoadFailure ? error.detail : contentFailure(error);
      this.status = 'failed';
      this.#emit(PpEvents.error, this.failure);
      return;
    }
    if (!isCurrent()) return;
    this.#content = content;
    const saved = await this.#readProgress();
    if (!isCurrent()) return;
    this.#restore(content, saved);
    this.status = 'ready';
    this.pagesSeen = new Set([...this.pagesSeen, content.pages[this.pageIndex]!.id]);
    this.#saveProgress();
    this.#emitProgress();
  }

  async #readProgress(): Promise<EducationProgressRecord | undefined> {
    try {
      const { progress, locked } = await loadEducationProgress(this.#records.vault, this.#resolvedProgressKey);
      this.#records.reportLocked(locked);
      return progress;
    } catch (error) {
      this.#records.reportFailure(error);
      return undefined;
    }
  }

  /** Applies saved progress, keeping only pages and answers the module still has. */
  #restore(content: EducationModule, saved: EducationProgressRecord | undefined): void {
    const usable = saved?.moduleId === content.id ? saved : undefined;
    const pageIds = content.pages.map((page) => page.id);
    this.pageIndex = Math.max(0, pageIds.indexOf(usable?.pageId ?? ''));
    this.pagesSeen = new Set(usable?.pagesSeen.filter((id) => pageIds.includes(id)));
    this.answers = new Map(Object.entries(usable?.answers ?? {}).filter(([question, option]) => answerTo(content, question, option)));
    this.completedAt = usable?.moduleVersion === content.version ? usable.completedAt : undefined;
    this.#timeBeforeMs = usable?.timeSpentMs ?? 0;
    this.#shownSince = undefined;
    if (this.isConnected) this.#startClock();
  }

  #saveProgress(): void {
    const content = this.#content!;
    void this.#progressWriter.save({
      key: this.#resolvedProgressKey,
      moduleId: content.id,
      moduleVersion: content.version,
      pageId: content.pages[this.pageIndex]!.id,
      pagesSeen: this.#orderedPagesSeen(),
      answers: Object.fromEntries(this.answers),
      timeSpentMs: this.#timeSpentMs,
      ...(this.completedAt ? { completedAt: this.completedAt } : {}),
      updatedAt: new Date().toISOString(),
    });
  }

  #orderedPagesSeen(): string[] {
    return this.#content!.pages.map((page) => page.id).filter((id) => this.pagesSeen.has(id));
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  #progressDetail(): EducationProgressDetail {
    const content = this.#content!;
    const language = this.#locale;
    const answers = Object.fromEntries([...this.answers].map(([question, option]) => [question, answerTo(content, question, option)!]));
    return {
      module: { id: content.id, version: content.version, language, translationStatus: own(content.translations, language)?.status ?? 'draft' },
      progressKey: this.#resolvedProgressKey,
      pageIndex: this.pageIndex,
      pageCount: content.pages.length,
      pagesSeen: this.#orderedPagesSeen(),
      answers,
      timeSpentMs: this.#timeSpentMs,
    };
  }

  #emitProgress(): void {
    this.#emit<EducationProgressDetail>(PpEvents.educationProgress, this.#progressDetail());
  }

  async #goToPage(pageIndex: number): Promise<void> {
    const content = this.#content!;
    if (pageIndex < 0 || pageIndex >= content.pages.length || pageIndex === this.pageIndex) return;
    this.#readAloud.stop();
    this.pageIndex = pageIndex;
    this.pagesSeen = new Set([...this.pagesSeen, content.pages[pageIndex]!.id]);
    this.#saveProgress();
    this.#emitProgress();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.page:not([hidden])')?.focus();
  }

  #answer(check: KnowledgeCheckBlock, optionId: string): void {
    this.answers = new Map([...this.answers, [check.id, optionId]]);
    this.#saveProgress();
    this.#emitProgress();
  }

  #finish(): void {
    this.completedAt ??= new Date().toISOString();
    this.#saveProgress();
    this.#emit<EducationCompleteDetail>(PpEvents.educationComplete, { ...this.#progressDetail(), completedAt: this.completedAt });
  }

  /** Arrow keys turn the page the way the text runs: in right-to-left text, ArrowLeft goes forward. */
  #onPagesKeydown(event: KeyboardEvent): void {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const step = this.#forwardStep({ ArrowRight: 1, ArrowLeft: -1 }[event.key]);
    if (step === undefined) return;
    event.preventDefault();
    void this.#goToPage(this.pageIndex + step);
  }

  /** A step in screen terms (+1 = rightwards) as a step in reading order. */
  #forwardStep(rightwards: number | undefined): number | undefined {
    if (rightwards === undefined) return undefined;
    return directionOf(this.#locale) === 'rtl' ? -rightwards : rightwards;
  }

  /**
   * Swipes by touch or pen; a mouse drag selects text instead, as readers expect. Swiping
   * towards the start of the text (leftwards in left-to-right text) shows the next page.
   */
  #onPointerDown(event: PointerEvent): void {
    if (event.pointerType === 'mouse' || !event.isPrimary) return;
    this.#swipeStart = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
  }

  #onPointerUp(event: PointerEvent): void {
    const start = this.#swipeStart;
    this.#swipeStart = undefined;
    if (!start || start.pointerId !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < 2 * Math.abs(dy)) return;
    void this.#goToPage(this.pageIndex + this.#forwardStep(dx < 0 ? 1 : -1)!);
  }

  #onPointerCancel(): void {
    this.#swipeStart = undefined;
  }

  #toggleReadAloud(): void {
    const readAloud = this.#readAloud;
    if (readAloud.state === 'speaking') readAloud.pause();
    else if (readAloud.state === 'paused') readAloud.resume();
    else {
      const page = this.renderRoot.querySelector<HTMLElement>('.page:not([hidden])')!;
      void readAloud.start(sentencesIn(page), this.#locale);
    }
  }

  /** Waits for the strings of the language about to be shown, so no update flashes English. */
  protected override async scheduleUpdate(): Promise<void> {
    await loadUiLocale(uiLocaleFor(this.#locale));
    super.scheduleUpdate();
  }

  protected override render(): TemplateResult {
    const lang = this.#locale;
    return localizedRoot(lang, () => this.#renderBody(lang));
  }

  #renderBody(lang: string): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="loading" role="status">${msg('Loading the module…')}</p>`;
      case 'failed':
        return failureMessage(msg('This module cannot be shown right now.'), this.failure);
      case 'ready':
        return this.#renderModule(this.#content!, lang);
    }
  }


  #renderModule(content: EducationModule, lang: string): TemplateResult {
    const text = (map: TextMap) => localText(map, lang, sourceLanguageOfModule(content));
    const isLastPage = this.pageIndex === content.pages.length - 1;
    return html`<article part="module" aria-labelledby="module-title">
      <h2 part="title" class="title" id="module-title">${text(content.title)}</h2>
      ${this.#renderProgress(content, lang)} ${this.#renderReadAloud(lang)}
      <div
        class="pages"
        @keydown=${this.#onPagesKeydown}
        @pointerdown=${this.#onPointerDown}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerCancel}
      >
        ${content.pages.map((page, i) => this.#renderPage(content, page, i, lang, text))}
      </div>
      <nav part="navigation" class="navigation" aria-label=${msg('Pages')}>
        ${this.pageIndex > 0
          ? html`<button type="button" class="secondary" @click=${() => this.#goToPage(this.pageIndex - 1)}>
              ${msg('Back', { desc: 'Button: go to the previous question' })}
            </button>`
          : nothing}
        ${isLastPage
          ? html`<button type="button" class="primary" @click=${this.#finish}>${msg('Finish')}</button>`
          : html`<button type="button" class="primary" @click=${() => this.#goToPage(this.pageIndex + 1)}>${msg('Next')}</button>`}
      </nav>
      <p part="done" class="done" role="status">${this.completedAt && isLastPage ? msg('Well done: you have finished this module.') : nothing}</p>
    </article>`;
  }

  #pageLabel(content: EducationModule, lang: string): string {
    return msg(str`Page ${formatNumber(this.pageIndex + 1, lang)} of ${formatNumber(content.pages.length, lang)}`);
  }

  #renderProgress(content: EducationModule, lang: string): TemplateResult {
    const fraction = (this.pageIndex + 1) / content.pages.length;
    return html`<div part="progress" class="progress">
      <span role="status">${this.#pageLabel(content, lang)}</span>
      <div class="bar" aria-hidden="true"><div class="bar-fill" ${styleProperties({ 'inline-size': `${fraction * 100}%` })}></div></div>
    </div>`;
  }

  #renderReadAloud(lang: string): TemplateResult | typeof nothing {
    if (!this.speechSynthesis) return nothing;
    const { state } = this.#readAloud;
    const label = state === 'speaking' ? msg('Pause reading') : state === 'paused' ? msg('Resume reading') : msg('Read aloud');
    const language = new Intl.DisplayNames([uiLocaleFor(lang)], { type: 'language' }).of(lang) ?? lang;
    // One toggle button whose label changes, so that keyboard focus stays on it.
    return html`<div part="read-aloud" class="read-aloud">
      <button type="button" class="secondary" @click=${this.#toggleReadAloud}>
        <span aria-hidden="true">${state === 'speaking' ? '❚❚' : '▶'}</span> ${label}
      </button>
      ${state === 'speaking' || state === 'paused'
        ? html`<button type="button" class="secondary" @click=${() => this.#readAloud.stop()}>${msg('Stop reading')}</button>`
        : nothing}
      <p class="read-aloud-message" role="status">
        ${state === 'no-voice' ? msg(str`Read-aloud is not available in ${language} on this device.`) : nothing}
      </p>
    </div>`;
  }

  #renderPage(content: EducationModule, page: EducationPage, index: number, lang: string, text: (map: TextMap) => string): TemplateResult {
    const headingId = `heading-${page.id}`;
    // Every page is in the DOM, hidden but the current one, so that printing shows them all.
    return html`<section
      part="page"
      class="page ${page.kind}"
      data-page=${page.id}
      ?hidden=${index !== this.pageIndex}
      tabindex="-1"
      aria-labelledby=${headingId}
    >
      ${page.blocks.map((block, i) => this.#renderBlock(block, i === 0 ? headingId : undefined, lang, text))}
      ${page.kind === 'summary' ? this.#renderSummary(content, lang, text) : nothing}
    </section>`;
  }

  #renderBlock(block: EducationBlock, pageHeadingId: string | undefined, lang: string, text: (map: TextMap) => string): TemplateResult {
    const opensInNewTabLabel = msg('opens in a new tab');
    switch (block.type) {
      case 'heading':
        return pageHeadingId
          ? html`<h3 part="heading" class="page-heading" id=${pageHeadingId} data-readable>${readableText(text(block.text), lang)}</h3>`
          : html`<h4 part="heading" data-readable>${readableText(text(block.text), lang)}</h4>`;
      case 'paragraph':
        return html`<div part="paragraph" class="paragraph" data-readable>${readableText(text(block.text), lang, { markdown: true, opensInNewTabLabel })}</div>`;
      case 'key-message':
        return html`<div part="key-message" class="key-message" data-key-message=${block.id}>
          <p class="key-message-label">${msg('Key message')}</p>
          <p data-readable>${readableText(text(block.text), lang)}</p>
        </div>`;
      case 'illustration': {
        const illustration = ILLUSTRATIONS[block.name];
        return html`<figure part="illustration" class="illustration ${illustration.mirrorInRtl ? 'mirror' : ''}">
          <svg viewBox="0 0 240 160" role="img" aria-label=${text(block.alt)}>${illustration.drawing}</svg>
        </figure>`;
      }
      case 'callout':
        // A note, not an <aside>: a landmark per tip would clutter the landmark list of the page.
        return html`<div part="callout" class="callout" role="note">
          ${block.title ? html`<p class="callout-title" data-readable>${readableText(text(block.title), lang)}</p>` : nothing}
          <div data-readable>${readableText(text(block.text), lang, { markdown: true, opensInNewTabLabel })}</div>
          ${block.outOfHours ? html`<p data-readable>${readableText(outOfHoursAdvice(lang, emergencyContactsOf(this)), lang)}</p>` : nothing}
        </div>`;
      case 'emergency':
        return this.#renderEmergency(lang);
      case 'knowledge-check':
        return this.#renderKnowledgeCheck(block, lang, text);
    }
  }

  #renderEmergency(lang: string): TemplateResult {
    const readable = (textOf: string) => readableText(textOf, lang);
    return html`<div part="emergency" class="callout emergency" role="note">
      <p class="callout-title" data-readable>${readable(emergencyText(EMERGENCY.title, lang))}</p>
      <p data-readable>${readable(emergencyText(EMERGENCY.lead, lang))}</p>
      <ul>
        ${EMERGENCY.signs.map((sign) => html`<li data-readable>${readable(emergencyText(sign, lang))}</li>`)}
      </ul>
      <p class="emergency-advice" data-readable>${readable(emergencyAdvice(lang, emergencyContactsOf(this)))}</p>
    </div>`;
  }

  #renderKnowledgeCheck(check: KnowledgeCheckBlock, lang: string, text: (map: TextMap) => string): TemplateResult {
    const chosen = check.options.find((option) => option.id === this.answers.get(check.id));
    const feedbackId = `feedback-${check.id}`;
    // The feedback describes the chosen answer only: on the other answers it would say "Not quite"
    // of an answer it is not about. The space after the verdict is inside the explanation's text
    // node: Chromium leaves a whitespace-only node out of the description ("Not quite.In long…").
    return html`<fieldset part="knowledge-check" class="knowledge-check" data-question=${check.id}>
      <legend data-readable>${readableText(text(check.question), lang)}</legend>
      <div class="options">
        ${check.options.map(
          (option) => html`<label
            part="option"
            class="choice option"
            data-option=${option.id}
            data-verdict=${option === chosen ? (option.correct ? 'correct' : 'not-quite') : nothing}
          >
            <input
              type="radio"
              name="question-${check.id}"
              value=${option.id}
              .checked=${live(option === chosen)}
              aria-describedby=${option === chosen ? feedbackId : nothing}
              @change=${() => this.#answer(check, option.id)}
            />
            <span data-readable>${readableText(text(option.text), lang)}</span>
          </label>`,
        )}
      </div>
      <div part="feedback" class="feedback" id=${feedbackId} role="status">
        ${chosen
          ? html`<p data-verdict=${chosen.correct ? 'correct' : 'not-quite'}>
              <strong>${chosen.correct ? msg('That’s right.') : msg('Not quite.')}</strong>${` ${text(chosen.feedback)}`}
            </p>`
          : nothing}
      </div>
    </fieldset>`;
  }

  #renderSummary(content: EducationModule, lang: string, text: (map: TextMap) => string): TemplateResult {
    return html`<ul part="key-messages" class="key-messages">
        ${keyMessagesOf(content).map((message) => html`<li data-readable>${readableText(text(message.text), lang)}</li>`)}
      </ul>
      <h4 class="sources-heading">${msg('Where these messages come from')}</h4>
      <ol part="sources" class="sources" lang="en" dir="ltr">
        ${citationsOf(content).map((citation) => html`<li>${citation}</li>`)}
      </ol>`;
  }
}

defineElement('pp-education', PpEducation);

declare global {
  interface HTMLElementTagNameMap {
    'pp-education': PpEducation;
  }
}
