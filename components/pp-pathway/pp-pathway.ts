import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import '../pp-questionnaire/pp-questionnaire.js';
import { PpEvents, type ErrorDetail, type PathwayActionDetail } from '../../src/events.js';
import { directionOf, localText, resolveLocale } from '../../src/i18n/locale.js';
import { formatNumber } from '../../src/i18n/format-number.js';
import { EMERGENCY, emergencyAdvice, emergencyText } from '../../src/model/emergency.js';
import { parsePathway, ROLES, type Decision, type Pathway, type PathwayStep, type StepLink } from '../../src/model/pathway.js';
import { own } from '../../src/model/own.js';
import type { TextMap } from '../../src/model/text.js';
import { defineElement } from '../shared/define.js';
import { emergencyContactsOf } from '../shared/emergency-contacts.js';
import { styleProperties } from '../shared/style-properties.js';
import { contentFailure, failureMessage, failureStyles } from '../shared/failure.js';
import { fetchJson } from '../shared/fetch-json.js';
import { loadUiLocale, localizedRoot, UI_LOCALES, uiLocaleFor } from '../shared/localize.js';
import { tokens } from '../shared/tokens.js';
import { durationText } from './duration-text.js';
import { styles } from './pp-pathway.styles.js';

type StepState = 'completed' | 'current' | 'upcoming';

/** The hash of a deep link to a step: `#step-<step id>`. */
const STEP_HASH = /^#step-(.+)$/;

const actionOf = (link: StepLink, stepId: string): PathwayActionDetail =>
  'instrument' in link ? { kind: 'instrument', id: link.instrument, stepId } : { kind: 'module', id: link.module, stepId };

const sameAction = (a: PathwayActionDetail | undefined, b: PathwayActionDetail) =>
  a !== undefined && a.kind === b.kind && a.id === b.id && a.stepId === b.stepId;

/** A content text as paragraphs: authors separate them with line breaks. */
const paragraphs = (text: string) => text.split(/\n+/).map((paragraph) => html`<p>${paragraph}</p>`);

/**
 * Explains a care pathway to the person in it: who it is for, the steps as a timeline with "you
 * are here", who they will meet, how long it takes, what to bring and decide, and an honest answer
 * to "will it cure me?".
 *
 * @summary A care pathway as a timeline: vertical on narrow screens, horizontal on wide ones.
 * @tag pp-pathway
 *
 * @attr src - URL of a pathway JSON file.
 * @attr lang - Language of the pathway; otherwise the closest `[lang]` ancestor, then the browser's.
 * @attr current - Id of the step the person is at ("you are here").
 * @attr completed - Space-separated ids of the steps done; when absent, every step before `current`.
 * @attr inline-actions - Show a linked questionnaire or lesson below its step instead of emitting `pp-pathway-action`.
 * @attr content-base - URL of the content folder for `inline-actions` (default `/content/`): questionnaires
 *   load from `instruments/<id>.json`, lessons from `education/<id>.json` under it.
 * @attr local-details - The service's own details per step, as JSON: `{"<step id>": "10 weeks, Tuesdays 10–12"}`;
 *   see the `localDetails` property.
 * @prop {Record<string, string>} localDetails - The service's own details per step, by step id, in the language
 *   shown: how long, how often, where. Each appears under the step's "How long", marked as the service's. A step
 *   whose duration the pathway leaves to the service (`duration.local`) says, without one, that the service will
 *   tell the person.
 *
 * @event pp-pathway-action - The person opened a step's questionnaire or lesson; the host shows it.
 *   Detail: `PathwayActionDetail` (`{ kind: 'instrument' | 'module', id, stepId }`). Not emitted with `inline-actions`.
 * @event pp-error - The pathway cannot be loaded or is not valid. Detail: `ErrorDetail` with a `code`.
 *
 * @csspart title - The pathway's title.
 * @csspart intro - Who the pathway is for.
 * @csspart timeline - The list of steps.
 * @csspart step - One step.
 * @csspart marker - A step's number, or a check mark when it is done.
 * @csspart toggle - A step's title, the button that shows or hides its details.
 * @csspart status - "You are here" or "Done".
 * @csspart local-detail - A step's detail given by the host (`localDetails`), marked as the service's.
 * @csspart details - A step's details.
 * @csspart emergency - The emergency warning signs and what to do, in the shared wording, with the host's emergency number (`data-pp-emergency-number` on an ancestor).
 * @csspart link - A button that opens a step's questionnaire or lesson.
 * @csspart action - The questionnaire or lesson shown inline (`inline-actions`).
 * @csspart glossary - Who you may meet: the roles and what they do.
 * @csspart cure - The answer to "will it cure me?".
 * @csspart follow-up - What happens afterwards.
 * @csspart sources - Where the information comes from (the published care model), behind a disclosure.
 * @csspart error - The message shown when the pathway cannot be shown.
 *
 * @cssprop --pp-font-family - Font of all text.
 * @cssprop --pp-font-size - Base font size (default the larger of 1.125rem and 1.125 × the browser's font size; see docs/theming.md).
 * @cssprop --pp-color-text - Text colour.
 * @cssprop --pp-color-muted - Secondary text colour.
 * @cssprop --pp-color-background - Background colour, and the inside of the markers of steps ahead.
 * @cssprop --pp-color-surface - Background of the role names.
 * @cssprop --pp-color-border - The line to steps ahead, and their markers.
 * @cssprop --pp-color-accent - Markers and line of steps done, the current step, links.
 * @cssprop --pp-color-on-accent - Text on the accent colour.
 * @cssprop --pp-color-selected - The halo around the current step's marker.
 * @cssprop --pp-color-error - Border of the message shown when the pathway cannot be shown.
 * @cssprop --pp-color-focus - Focus outline.
 * @cssprop --pp-radius - Corner radius.
 * @cssprop --pp-space - Base spacing.
 * @cssprop --pp-target-size - Minimum size of buttons (default 3rem, at least 48px).
 * @cssprop --pp-max-width - Maximum width of running text and of a step in the vertical timeline.
 */
export class PpPathway extends LitElement {
  static override properties = {
    src: {},
    pathway: { attribute: false },
    language: { attribute: 'lang' },
    current: {},
    completed: {},
    inlineActions: { type: Boolean, attribute: 'inline-actions' },
    contentBase: { attribute: 'content-base' },
    localDetails: { type: Object, attribute: 'local-details' },
    parsed: { state: true },
    failure: { state: true },
    openSteps: { state: true },
    openAction: { state: true },
  };

  static override styles = [tokens, failureStyles, styles];

  /** URL of a pathway JSON file. */
  src?: string;

  /** A pathway object (raw JSON or already parsed); takes precedence over `src`. */
  pathway?: unknown;

  /** Mirrors the `lang` attribute; the native `lang` property keeps working. */
  language?: string;

  current?: string;

  completed?: string | null;

  inlineActions = false;

  contentBase = '/content/';

  /** The service's own details per step, by step id: durations and times the pathway file leaves to the service. */
  localDetails?: Readonly<Record<string, string>> | null;

  private parsed?: Pathway;
  private failure?: ErrorDetail;
  private openSteps: ReadonlySet<string> = new Set();
  private openAction?: PathwayActionDetail;

  #loadGeneration = 0;
  readonly #onHashChange = () => this.#followHash();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pathway') || changed.has('src')) void this.#load();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('parsed') && this.parsed) this.#followHash();
  }

  /** Parses a given pathway at once, so that it renders on the first frame; fetches `src` otherwise. */
  async #load(): Promise<void> {
    const generation = ++this.#loadGeneration;
    this.failure = undefined;
    this.openSteps = new Set();
    this.openAction = undefined;
    let json = this.pathway;
    if (json === undefined) {
      this.parsed = undefined;
      try {
        if (!this.src) throw new Error('no pathway given: set the pathway property or the src attribute');
        json = await fetchJson(this.src);
      } catch (error) {
        if (generation === this.#loadGeneration) this.#fail({ code: 'content-unreachable', message: `The pathway could not be loaded: ${(error as Error).message}`, cause: error });
        return;
      }
      if (generation !== this.#loadGeneration) return;
    }
    try {
      this.parsed = parsePathway(json);
    } catch (error) {
      this.#fail(contentFailure(error));
    }
  }


  #fail(detail: ErrorDetail): void {
    this.parsed = undefined;
    this.failure = detail;
    this.#emit(PpEvents.error, detail);
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  /** The language the host asked for: the element's `lang`, else the closest `[lang]` ancestor's. */
  get #requestedLanguage(): string | undefined {
    return this.language || this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  /** The language the pathway is shown in: the best one it has. */
  get #locale(): string {
    const wanted = [this.#requestedLanguage, ...navigator.languages];
    return this.parsed ? resolveLocale(wanted, this.parsed.languages, this.parsed.languages[0]!) : resolveLocale(wanted, UI_LOCALES, 'en');
  }

  /** Opens the step named by `#step-<id>` in the page's address, as a deep link. */
  #followHash(): void {
    const encoded = STEP_HASH.exec(location.hash)?.[1];
    let id: string;
    try {
      if (encoded === undefined) return;
      id = decodeURIComponent(encoded);
    } catch {
      return; // A malformed escape in someone else's hash: not a link to one of our steps.
    }
    if (this.parsed?.steps.some((step) => step.id === id)) void this.#revealStep(id);
  }

  /** Opens a step, scrolls it into view and focuses its title, leaving the page's address alone. */
  async #revealStep(stepId: string): Promise<void> {
    // Waits for a running update first, so that opening the step schedules a fresh one.
    await this.updateComplete;
    this.#openStep(stepId);
    await this.updateComplete;
    const step = this.renderRoot.querySelector<HTMLElement>(`#step-${CSS.escape(stepId)}`);
    if (!step) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    step.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    step.querySelector<HTMLElement>('[part=toggle]')?.focus({ preventScroll: true });
  }

  #toggleStep(stepId: string): void {
    const open = new Set(this.openSteps);
    if (!open.delete(stepId)) open.add(stepId);
    this.openSteps = open;
  }

  #openStep(stepId: string): void {
    this.openSteps = new Set(this.openSteps).add(stepId);
  }

  async #openLink(step: PathwayStep, link: StepLink): Promise<void> {
    const action = actionOf(link, step.id);
    if (!this.inlineActions) {
      this.#emit<PathwayActionDetail>(PpEvents.pathwayAction, action);
      return;
    }
    if (sameAction(this.openAction, action)) {
      this.openAction = undefined;
      return;
    }
    this.openAction = action;
    // A lesson element the host defines later replaces the "cannot be shown" message.
    if (action.kind === 'module' && !customElements.get('pp-education')) {
      void customElements.whenDefined('pp-education').then(() => this.requestUpdate());
    }
    await this.updateComplete;
    this.renderRoot.querySelector('[part=action]')?.scrollIntoView({ block: 'nearest' });
  }

  /** Where a linked questionnaire or lesson is loaded from, for `inline-actions`. */
  #contentUrl({ kind, id }: PathwayActionDetail): string {
    const folder = kind === 'instrument' ? 'instruments' : 'education';
    return new URL(`${folder}/${encodeURIComponent(id)}.json`, new URL(this.contentBase, document.baseURI)).href;
  }

  #stepStates(pathway: Pathway): ReadonlyMap<string, StepState> {
    const ids = pathway.steps.map((step) => step.id);
    const currentIndex = this.current === undefined ? -1 : ids.indexOf(this.current);
    const completed = new Set(this.completed == null ? ids.slice(0, Math.max(currentIndex, 0)) : this.completed.split(/\s+/));
    return new Map(ids.map((id, i) => [id, i === currentIndex ? 'current' : completed.has(id) ? 'completed' : 'upcoming']));
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
    if (this.failure) return failureMessage(msg('This care pathway cannot be shown right now.'), this.failure);
    if (!this.parsed) return html`<p role="status">${msg('Loading the care pathway…')}</p>`;
    const pathway = this.parsed;
    const text = (map: TextMap) => localText(map, lang, pathway.languages[0]!);
    const states = this.#stepStates(pathway);
    const roles = [...new Set(pathway.steps.flatMap((step) => step.roles))];
    return html`
      <h2 part="title" class="title">${text(pathway.title)}</h2>
      <section part="intro" class="prose">
        <h3>${msg('Who this is for')}</h3>
        ${paragraphs(text(pathway.intro))}
      </section>
      <section>
        <h3 id="timeline-heading">${msg('Step by step')}</h3>
        <ol
          part="timeline"
          class="timeline ${this.openAction ? 'has-inline-action' : ''}"
          ${styleProperties({ '--_columns': pathway.steps.map((step) => `minmax(0, ${this.openSteps.has(step.id) ? 2.5 : 1}fr)`).join(' ') })}
          aria-labelledby="timeline-heading"
        >
          ${pathway.steps.map((step, i) => this.#renderStep(pathway, step, i, states.get(step.id)!, text, lang))}
        </ol>
      </section>
      <section>
        <h3>${msg('Who you may meet')}</h3>
        <dl part="glossary" class="glossary">
          ${roles.map((role) => html`<div><dt>${text(ROLES[role].name)}</dt><dd>${text(ROLES[role].description)}</dd></div>`)}
        </dl>
      </section>
      <section part="cure" class="prose">
        <h3>${msg('Will it cure me?')}</h3>
        ${paragraphs(text(pathway.willItCureMe))}
      </section>
      <section part="follow-up" class="prose">
        <h3>${msg('Afterwards')}</h3>
        ${paragraphs(text(pathway.followUp))}
      </section>
      <details part="sources" class="sources">
        <summary>${msg('Where this information comes from')}</summary>
        <ul lang="en" dir="ltr">
          ${pathway.meta.basedOn.map((citation) => html`<li>${citation}</li>`)}
        </ul>
      </details>
    `;
  }

  #renderStep(pathway: Pathway, step: PathwayStep, index: number, stepState: StepState, text: (map: TextMap) => string, lang: string): TemplateResult {
    const open = this.openSteps.has(step.id);
    const duration = step.duration && durationText(step.duration, lang);
    // own(): a step id may be "constructor"; the attribute's JSON may hold anything.
    const localDetail = own(this.localDetails ?? undefined, step.id);
    const serviceText =
      typeof localDetail === 'string' && localDetail.trim()
        ? html`<p part="local-detail">${msg(str`From your care service: ${localDetail}`, { desc: 'A detail the care service gave for this step, e.g. "10 weeks, Tuesdays 10–12"' })}</p>`
        : step.duration?.local
          ? html`<p>${msg('Your care service will tell you how long this step takes.')}</p>`
          : nothing;
    return html`<li
      part="step"
      class="step"
      id="step-${step.id}"
      data-step=${step.id}
      data-state=${stepState}
      aria-current=${stepState === 'current' ? 'step' : nothing}
    >
      <span part="marker" class="marker" aria-hidden="true">${stepState === 'completed' ? '✓' : formatNumber(index + 1, lang)}</span>
      <h4 class="step-title">
        <button part="toggle" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="details-${step.id}" @click=${() => this.#toggleStep(step.id)}>
          <span class="toggle-text">${text(step.title)}</span><span class="chevron" aria-hidden="true"></span>
        </button>
      </h4>
      ${stepState === 'upcoming' ? nothing : html`<p part="status" class="status">${stepState === 'current' ? msg('You are here') : msg('Done')}</p>`}
      <dl class="facts">
        <div>
          <dt>${msg('Who you meet')}</dt>
          <dd><ul class="roles">${step.roles.map((role) => html`<li>${text(ROLES[role].name)}</li>`)}</ul></dd>
        </div>
        ${step.duration || serviceText !== nothing
          ? html`<div>
              <dt>${msg('How long')}</dt>
              <dd>
                ${duration ? html`<span>${duration}</span>` : nothing} ${serviceText} ${step.duration?.note ? paragraphs(text(step.duration.note)) : nothing}
              </dd>
            </div>`
          : nothing}
      </dl>
      <div
        part="details"
        class="details"
        id="details-${step.id}"
        hidden=${open ? nothing : 'until-found'}
        @beforematch=${() => this.#openStep(step.id)}
      >
        <h5>${msg('What happens')}</h5>
        ${paragraphs(text(step.whatHappens))}
        ${this.#renderList(msg('What to bring'), step.bring, text)} ${this.#renderList(msg('What you can decide'), step.youDecide, text)}
        ${step.decisions ? this.#renderDecisions(pathway, step.decisions, text, lang) : nothing}
        ${step.links ? this.#renderLinks(step, step.links, text, lang) : nothing}
      </div>
    </li>`;
  }

  #renderList(heading: string, entries: readonly TextMap[] | undefined, text: (map: TextMap) => string): TemplateResult | typeof nothing {
    return entries
      ? html`<h5>${heading}</h5>
          <ul>
            ${entries.map((entry) => html`<li>${text(entry)}</li>`)}
          </ul>`
      : nothing;
  }

  #renderDecisions(pathway: Pathway, decisions: readonly Decision[], text: (map: TextMap) => string, lang: string): TemplateResult {
    const arrow = directionOf(lang) === 'rtl' ? '←' : '→';
    return html`<h5>${msg('What happens next')}</h5>
      <ul class="decisions">
        ${decisions.map((decision) => {
          if ('emergency' in decision) return this.#renderEmergency(lang, arrow);
          let target: TemplateResult;
          if ('next' in decision) {
            const index = pathway.steps.findIndex((step) => step.id === decision.next);
            const title = text(pathway.steps[index]!.title);
            // A real fragment link, so it can be copied or opened in a new tab; a click opens the step in place.
            target = html`<a
              href="#step-${decision.next}"
              @click=${(event: Event) => {
                event.preventDefault();
                void this.#revealStep(decision.next);
              }}
              >${msg(str`Step ${formatNumber(index + 1, lang)}: ${title}`)}</a
            >`;
          } else {
            target = html`${text(decision.exitTo)}`;
          }
          return html`<li>
            ${text(decision.when)}
            <span class="decision-target"><span aria-hidden="true">${arrow}</span> ${target}</span>
          </li>`;
        })}
      </ul>`;
  }

  #renderEmergency(lang: string, arrow: string): TemplateResult {
    return html`<li part="emergency" class="emergency">
      ${emergencyText(EMERGENCY.lead, lang)}
      <ul>
        ${EMERGENCY.signs.map((sign) => html`<li>${emergencyText(sign, lang)}</li>`)}
      </ul>
      <span class="decision-target"><span aria-hidden="true">${arrow}</span> ${emergencyAdvice(lang, emergencyContactsOf(this))}</span>
    </li>`;
  }

  #renderLinks(step: PathwayStep, links: readonly StepLink[], text: (map: TextMap) => string, lang: string): TemplateResult {
    const open = this.openAction?.stepId === step.id ? this.openAction : undefined;
    const kinds = new Set(links.map((link) => ('instrument' in link ? 'instrument' : 'module')));
    const heading = kinds.size > 1 ? msg('Questionnaires and lessons') : kinds.has('instrument') ? msg('Questionnaires') : msg('Lessons');
    return html`<h5>${heading}</h5>
      <div class="links">
        ${links.map((link) => {
          const action = actionOf(link, step.id);
          const title = text(link.title);
          return html`<button
            type="button"
            part="link"
            class="secondary link"
            aria-expanded=${this.inlineActions ? String(sameAction(open, action)) : nothing}
            aria-controls=${this.inlineActions && sameAction(open, action) ? `action-${step.id}` : nothing}
            @click=${() => this.#openLink(step, link)}
          >
            ${action.kind === 'instrument' ? msg(str`Questionnaire: ${title}`) : msg(str`Lesson: ${title}`)}
          </button>`;
        })}
      </div>
      ${open ? this.#renderInlineAction(open, lang) : nothing}`;
  }

  #renderInlineAction(action: PathwayActionDetail, lang: string): TemplateResult {
    const src = this.#contentUrl(action);
    let content: TemplateResult;
    // Step titles are h4, so the questionnaire's own headings come under them.
    if (action.kind === 'instrument') content = html`<pp-questionnaire src=${src} lang=${lang} heading-level="5"></pp-questionnaire>`;
    else if (customElements.get('pp-education')) content = html`<pp-education src=${src} lang=${lang}></pp-education>`;
    else content = html`<p>${msg('This lesson cannot be shown here yet. Please ask your care team for it.')}</p>`;
    return html`<div part="action" class="inline-action" id="action-${action.stepId}">${content}</div>`;
  }

}

defineElement('pp-pathway', PpPathway);

declare global {
  interface HTMLElementTagNameMap {
    'pp-pathway': PpPathway;
  }
}
