import type { Diagnostic } from '@codemirror/lint';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import '../../components/pp-education/pp-education.js';
import '../../components/pp-pathway/pp-pathway.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import { contentStoryHeader, PREVIEWED_TRANSLATIONS } from '../../.storybook/content-story-header.js';
import type { ErrorDetail } from '../../src/events.js';
import { checkContent, KIND_LABELS, type Check, type ContentKind, type FhirCheck, type KindChoice, type PlacedFeature, type Problem } from './check-content.js';
import { fetchQuestionnaire } from './fetch-questionnaire.js';
import { summarizeFhirQuestionnaire } from '../../.storybook/fhir-summary.js';
import { JsonEditor } from './json-editor.js';
import type { Place } from './json-positions.js';

const DEBOUNCE_MS = 300;
/** Lines listed for one feature of a FHIR form; the rest are counted. */
const LINES_LISTED = 12;

/** The text as the editor holds it: CodeMirror reads "\r\n" and "\r" as line breaks and keeps "\n". */
const asEdited = (text: string) => text.replace(/\r\n?/g, '\n');

const languageName = (lang: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The languages content is written in: a FHIR form's `language` and translations, or a Painpath file's `languages`. */
function languagesOf(content: Record<string, unknown>, kind: ContentKind): string[] {
  if (kind === 'fhir') return [...summarizeFhirQuestionnaire(content).languages];
  return Array.isArray(content['languages']) ? content['languages'].filter((l): l is string => typeof l === 'string') : [];
}

type FetchState = { readonly busy: true } | { readonly busy: false; readonly ok: boolean; readonly message: string };

/**
 * A content editor's workbench: edit an instrument, education module, pathway or FHIR Questionnaire
 * as JSON and see, as you type, every problem with its JSON path and line (in a list and in the
 * editor's gutter), what a FHIR form uses that Painpath honours, reports or refuses, and the content
 * rendered in two of its languages side by side. A FHIR Questionnaire can also be fetched from a
 * server.
 *
 * @tag pp-content-playground
 * @attr name - Name of the file being edited, shown above the editor.
 * @event pp-playground-load - A file was opened or a Questionnaire fetched. Detail: `{ name }`.
 */
export class PpContentPlayground extends LitElement {
  static override properties = {
    text: {},
    name: {},
    kind: {},
    check: { state: true },
    shown: { state: true },
    languages: { state: true },
    caret: { state: true },
    fetching: { state: true },
    elementErrors: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      font: 15px/1.45 system-ui, sans-serif;
      color: #1a1a1a;
    }
    h2 {
      font-size: 1.15rem;
      margin: 0 0 0.5rem;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.35rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
      align-items: end;
      margin-block-end: 0.75rem;
    }
    .label {
      font-weight: 600;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-weight: 600;
    }
    select,
    input,
    button {
      font: inherit;
      min-block-size: 2.25rem;
    }
    .fetch {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
      align-items: end;
      max-inline-size: 48rem;
      margin-block-end: 0.75rem;
    }
    .fetch label {
      flex: 1 1 18rem;
    }
    .fetch .hint {
      flex-basis: 100%;
    }
    .fetch input {
      box-sizing: border-box;
      inline-size: 100%;
      font-weight: normal;
    }
    .fetched {
      margin: 0 0 0.75rem;
    }
    .fetched:empty {
      display: none;
    }
    .editor {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
      gap: 1rem;
      align-items: start;
    }
    .file-name {
      overflow-wrap: anywhere;
    }
    .code {
      block-size: 28rem;
      min-block-size: 8rem;
      resize: vertical;
      overflow: hidden;
      border: 1px solid #767676;
      border-radius: 4px;
    }
    /* The editor draws no outline of its own (see json-editor.ts): its frame shows where focus is. */
    .code:focus-within,
    :focus-visible {
      outline: 3px solid #0b57d0;
      outline-offset: 2px;
    }
    .status {
      margin: 0 0 0.5rem;
      padding: 0.4rem 0.6rem;
      border-radius: 4px;
      border-inline-start: 6px solid #1b5e20;
      background: #eef6ee;
    }
    .status.bad {
      border-color: #b3261e;
      background: #fdeceb;
    }
    .status.warn {
      border-color: #8a4b00;
      background: #fdf3e6;
    }
    .problems {
      list-style: none;
      margin: 0;
      padding: 0;
      max-block-size: 25rem;
      overflow: auto;
    }
    .problems li + li {
      margin-block-start: 0.35rem;
    }
    .problems button {
      display: block;
      inline-size: 100%;
      text-align: start;
      background: #fff;
      color: inherit;
      border: 1px solid #c4c4c4;
      border-radius: 4px;
      padding: 0.35rem 0.5rem;
      cursor: pointer;
    }
    .problems button:hover {
      border-color: #b3261e;
    }
    .where {
      display: block;
      font: 600 13px/1.4 ui-monospace, 'DejaVu Sans Mono', monospace;
      color: #8c1d18;
      overflow-wrap: anywhere;
    }
    .reported .where {
      color: #6b3a00;
    }
    .features {
      margin: 0.35rem 0 0;
      padding-inline-start: 1.1rem;
    }
    .features li + li {
      margin-block-start: 0.4rem;
    }
    .feature {
      font: 600 13px/1.4 ui-monospace, 'DejaVu Sans Mono', monospace;
      overflow-wrap: anywhere;
    }
    .lines button {
      min-block-size: 1.75rem;
      min-inline-size: 2.25rem;
      padding: 0 0.3rem;
      margin: 0.1rem 0;
      font-size: 0.85rem;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      /* A target of 24 px at least (WCAG 2.5.8). */
      padding-block: 0.2rem;
    }
    .previews {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
      gap: 1.5rem;
      margin-block-start: 1.5rem;
    }
    .preview {
      border: 1px solid #c4c4c4;
      border-radius: 6px;
      padding: 0.75rem;
      min-inline-size: 0;
    }
    .element-errors {
      margin: 0 0 1rem;
      padding: 0.4rem 0.6rem;
      border-inline-start: 6px solid #8a4b00;
      background: #fdf3e6;
      overflow-wrap: anywhere;
    }
    .element-errors h3 {
      margin: 0 0 0.25rem;
      font-size: 0.95rem;
    }
    .element-errors ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .element-errors summary {
      font-weight: normal;
    }
    .element-errors p {
      margin: 0.25rem 0 0;
      white-space: pre-line;
    }
    .hint {
      color: #4a4a4a;
      margin: 0.25rem 0 0;
      font-size: 0.9rem;
      font-weight: normal;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  /** The JSON text being edited. */
  text = '';

  /** Name of the file being edited. */
  name = '';

  /** The kind of content, or `auto` to tell it by its shape. */
  kind: KindChoice = 'auto';

  private check: Check = { syntax: false, problems: [] };
  /** The last content that was valid JSON of a known kind, so a half-typed edit does not blank the previews. */
  private shown?: { content: Record<string, unknown>; kind: ContentKind; languages: string[] };
  private languages: [string, string] = ['', ''];
  /** Where the cursor is: CodeMirror shows line numbers but not the column. */
  private caret = 'line 1, column 1';
  private fetching?: FetchState;
  /** What each preview's element said in its `pp-error` events. */
  private elementErrors: [ErrorDetail[], ErrorDetail[]] = [[], []];

  #editor?: JsonEditor;
  #timer?: ReturnType<typeof setTimeout>;
  /** Fresh keys per playground, so previews never open on saved answers or progress. */
  readonly #keys = [crypto.randomUUID(), crypto.randomUUID()].map((id) => `storybook-playground-${id}`);

  override connectedCallback(): void {
    super.connectedCallback();
    // The editor is made again after a move in the page (see disconnectedCallback).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#editor?.destroy();
    this.#editor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text') || changed.has('kind')) this.#validate();
  }

  protected override updated(changed: PropertyValues): void {
    const text = asEdited(this.text);
    if (!this.#editor) {
      this.#editor = new JsonEditor(text, {
        parent: this.renderRoot.querySelector<HTMLElement>('.code')!,
        root: this.renderRoot as ShadowRoot,
        labelledBy: 'json-label',
        describedBy: 'json-hint',
        onChange: () => this.#onEdit(),
        onCursor: (line, column) => (this.caret = `line ${line}, column ${column}`),
      });
    } else if (changed.has('text') && this.#editor.text !== text) {
      // Text given from outside (a story, a file, a fetch); what is typed reaches `text` from the editor.
      this.#editor.load(text);
    } else if (!changed.has('check')) {
      return;
    }
    // The problems are of `text`; while an edit waits for its check, they would land in the wrong places.
    if (this.#editor.text === text) this.#editor.showProblems(this.#diagnostics());
  }

  #validate(): void {
    const check = checkContent(asEdited(this.text), this.kind);
    this.check = check;
    if (check.syntax || !check.content || !check.kind) return;
    const languages = languagesOf(check.content, check.kind);
    if (languages.length) {
      const pick = (current: string, fallback: string) => (languages.includes(current) ? current : fallback);
      this.languages = [pick(this.languages[0], languages[0]!), pick(this.languages[1], languages[1] ?? languages[0]!)];
    }
    this.shown = { content: check.content, kind: check.kind, languages };
    // The previews load the new content and say again what they make of it.
    this.elementErrors = [[], []];
  }

  #diagnostics(): Diagnostic[] {
    const check = this.check;
    const fhir = !check.syntax && check.kind === 'fhir';
    const diagnostic = (p: Problem, severity: Diagnostic['severity'], group?: string): Diagnostic => {
      const where = p.path === undefined ? undefined : p.path || '(whole file)';
      return { from: p.from, to: p.to, severity, message: p.message, source: [group, where].filter(Boolean).join(' · ') || undefined };
    };
    return [
      ...check.problems.map((p) => diagnostic(p, 'error', fhir ? 'Refused' : undefined)),
      ...((!check.syntax && check.fhir?.reported) || []).map((p) => diagnostic(p, 'warning', 'Reported')),
    ];
  }

  #onEdit(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#editor) this.text = this.#editor.text;
    }, DEBOUNCE_MS);
  }

  #load(name: string, text: string): void {
    clearTimeout(this.#timer);
    this.name = name;
    this.text = text;
    // A new file's kind is told by its shape again.
    this.kind = 'auto';
    this.dispatchEvent(new CustomEvent('pp-playground-load', { detail: { name }, bubbles: true, composed: true }));
  }

  async #onFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.#load(file.name, await file.text());
  }

  async #onFetch(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const address = new FormData(event.target as HTMLFormElement).get('address');
    this.fetching = { busy: true };
    const fetched = await fetchQuestionnaire(String(address ?? ''));
    if (fetched.ok) {
      this.#load(fetched.name, fetched.text);
      this.fetching = { busy: false, ok: true, message: `Fetched ${fetched.name}.${fetched.note ? ` ${fetched.note}` : ''}` };
    } else {
      this.fetching = { busy: false, ok: false, message: `Could not fetch a Questionnaire: ${fetched.message}.` };
    }
  }

  /** Puts the cursor where a problem or feature is, and focuses the editor. */
  #goTo(place: Place): void {
    this.#editor?.goTo(place.from);
  }

  protected override render() {
    const check = this.check;
    return html`
      <div class="toolbar">
        <label
          >Kind of content
          <select @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as KindChoice)}>
            <option value="auto" ?selected=${this.kind === 'auto'}>Tell by its shape${!check.syntax && check.kind && this.kind === 'auto' ? ` (${KIND_LABELS[check.kind]})` : ''}</option>
            ${(Object.keys(KIND_LABELS) as ContentKind[]).map((k) => html`<option value=${k} ?selected=${this.kind === k}>${KIND_LABELS[k]}</option>`)}
          </select>
        </label>
        <label>Open a JSON file from your computer <input type="file" accept=".json,application/json,application/fhir+json" @change=${this.#onFile} /></label>
      </div>
      <form class="fetch" novalidate @submit=${this.#onFetch}>
        <label
          >Fetch a FHIR Questionnaire from a server
          <input type="url" name="address" autocomplete="url" spellcheck="false" aria-describedby="fetch-hint" />
        </label>
        <button type="submit" ?disabled=${this.fetching?.busy}>Fetch</button>
        <p class="hint" id="fetch-hint">Its address (…/Questionnaire/123), or a search (…/Questionnaire?url=…), whose first Questionnaire is taken.</p>
      </form>
      <p class="fetched status ${this.fetching && !this.fetching.busy && !this.fetching.ok ? 'bad' : ''}" role="status">${this.fetching?.busy ? 'Fetching…' : (this.fetching?.message ?? '')}</p>
      <section class="editor" aria-label="Editor">
        <div>
          <div id="json-label" class="label file-name">JSON of ${this.name || 'the content'}</div>
          <p class="hint" id="json-hint">
            Problems update a moment after you stop typing, in the list and in the gutter. Tab moves on from the editor; Ctrl+F searches in it. Your edits stay in this browser tab only: copy the text into the file to keep them.
          </p>
          <div class="code"></div>
          <p class="hint">Cursor: ${this.caret}</p>
        </div>
        <div>
          <h2 id="problems-title">Problems</h2>
          <p class="status ${this.#statusClass()}" role="status">${this.#summary()}</p>
          ${!check.syntax && check.fhir ? this.#renderFhir(check.problems, check.fhir) : this.#renderProblems(check.problems, 'problems-title')}
        </div>
      </section>
      ${this.shown ? this.#renderPreviews(this.shown.content, this.shown.kind, this.shown.languages) : nothing}
    `;
  }

  #statusClass(): string {
    const check = this.check;
    if (check.problems.length) return 'bad';
    return !check.syntax && check.fhir?.reported?.length ? 'warn' : '';
  }

  #summary(): string {
    const check = this.check;
    if (check.syntax) return 'The text is not valid JSON: the previews show the last version that was.';
    const what = check.kind ? KIND_LABELS[check.kind] : 'content';
    if (check.fhir) {
      if (check.problems.length) return `${count(check.problems.length, 'thing')} refused: the form is not shown.`;
      const reported = check.fhir.reported?.length ?? 0;
      return reported ? `Shown without ${count(reported, 'element')} that Painpath does not honour.` : `Nothing refused or reported: Painpath honours all this ${what} uses.`;
    }
    return check.problems.length ? `${count(check.problems.length, 'problem')} in this ${what.toLowerCase()}.` : `Valid ${what.toLowerCase()}: no problems.`;
  }

  #renderProblems(problems: readonly Problem[], labelledBy: string, className = '') {
    if (!problems.length) return nothing;
    return html`<ol class="problems ${className}" aria-labelledby=${labelledBy}>
      ${problems.map(
        (p) =>
          html`<li>
            <button type="button" @click=${() => this.#goTo(p)}>
              <span class="where">Line ${p.line}${p.path === undefined ? `, column ${p.column}` : ` · ${p.path || '(whole file)'}`}</span>
              ${p.message}<span class="visually-hidden">. Go to line ${p.line}.</span>
            </button>
          </li>`,
      )}
    </ol>`;
  }

  #renderFhir(refused: readonly Problem[], { reported, reportedByTables, supported, metadata }: FhirCheck) {
    return html`
      <h3 id="refused-title">Refused: ${refused.length}</h3>
      <p class="hint">What the form would be wrong without: while anything is refused, the form is not shown.</p>
      ${this.#renderProblems(refused, 'refused-title')}
      <h3 id="reported-title">Reported: ${reported?.length ?? 'not known yet'}</h3>
      ${reported
        ? html`<p class="hint">Not honoured, but the form stays faithful without them: it is shown without them.</p>
            ${this.#renderProblems(reported, 'reported-title', 'reported')}`
        : html`<p class="hint">
              The importer reports only on a form it can show: fix what is refused first.${reportedByTables.length ? ' Its tables mark these as reported:' : ''}
            </p>
            ${reportedByTables.length ? html`<ul class="features" aria-labelledby="reported-title">${reportedByTables.map((feature) => this.#renderFeature(feature))}</ul>` : nothing}`}
      <h3 id="supported-title">Supported: ${count(supported.length, 'feature')}</h3>
      <details>
        <summary>What the form uses that Painpath honours</summary>
        <ul class="features" aria-labelledby="supported-title">
          ${supported.map((feature) => this.#renderFeature(feature))}
        </ul>
      </details>
      ${metadata.length
        ? html`<details>
            <summary>Metadata, nothing to render: ${metadata.map((m) => m.name.replace(/^\w+\./, '')).join(', ')}</summary>
            <ul class="features">
              ${metadata.map((feature) => this.#renderFeature(feature))}
            </ul>
          </details>`
        : nothing}
    `;
  }

  #renderFeature({ name, kind, note, places }: PlacedFeature) {
    const listed = places.slice(0, LINES_LISTED);
    return html`<li>
      <span class="feature">${name}</span> (${kind})${places.length > 1 ? ` × ${places.length}` : ''},
      <span class="lines"
        >${places.length === 1 ? 'line' : 'lines'}
        ${listed.map((place, i) => html`${i ? ', ' : ''}<button type="button" aria-label="Go to line ${place.line}" @click=${() => this.#goTo(place)}>${place.line}</button>`)}${places.length > listed.length
          ? ` and ${places.length - listed.length} more`
          : ''}</span
      >
      <div class="hint">${note}</div>
    </li>`;
  }

  #renderPreviews(content: Record<string, unknown>, kind: ContentKind, languages: readonly string[]) {
    const panes = languages.length > 1 ? [0, 1] : [0];
    return html`<div class="previews">${panes.map((pane) => {
      const lang = this.languages[pane as 0 | 1];
      const errors = this.elementErrors[pane as 0 | 1];
      return html`<section class="preview" aria-labelledby=${`preview-${pane}`}>
        <h2 id=${`preview-${pane}`}>${pane === 0 ? 'Preview' : 'Compare with'}: ${languageName(lang)}</h2>
        <div class="toolbar">
          <label
            >Language of this preview
            <select
              @change=${(e: Event) => {
                const next = [...this.languages] as [string, string];
                next[pane] = (e.target as HTMLSelectElement).value;
                this.languages = next;
              }}
            >
              ${languages.map((l) => html`<option value=${l} ?selected=${l === lang}>${languageName(l)} (${l})</option>`)}
            </select>
          </label>
        </div>
        ${errors.length
          ? html`<div class="element-errors">
              <h3>What the element reported (<code>pp-error</code>)</h3>
              <ul>
                ${errors.map((error) => {
                  const [first, ...rest] = error.message.split('\n');
                  return html`<li>
                    ${rest.length
                      ? html`<details><summary><code>${error.code}</code>: ${first}</summary><p>${rest.join('\n')}</p></details>`
                      : html`<code>${error.code}</code>: ${first}`}
                  </li>`;
                })}
              </ul>
            </div>`
          : nothing}
        ${contentStoryHeader(content, lang)} ${this.#renderElement(content, kind, lang, pane as 0 | 1)}
      </section>`;
    })}</div>`;
  }

  #onElementError(pane: 0 | 1, event: CustomEvent<ErrorDetail>): void {
    const { code, message } = event.detail;
    if (this.elementErrors[pane].some((e) => e.code === code && e.message === message)) return;
    const next = [...this.elementErrors] as [ErrorDetail[], ErrorDetail[]];
    next[pane] = [...next[pane], event.detail];
    this.elementErrors = next;
  }

  #renderElement(content: Record<string, unknown>, kind: ContentKind, lang: string, pane: 0 | 1) {
    const key = this.#keys[pane]!;
    const onError = (event: CustomEvent<ErrorDetail>) => this.#onElementError(pane, event);
    switch (kind) {
      case 'instrument':
      case 'fhir':
        return html`<pp-questionnaire .instrument=${content} lang=${lang} accept-translations=${PREVIEWED_TRANSLATIONS} layout="list" heading-level="3" draft-key=${key} @pp-error=${onError}></pp-questionnaire>`;
      case 'module':
        return html`<pp-education .module=${content} lang=${lang} progress-key=${key} @pp-error=${onError}></pp-education>`;
      case 'pathway':
        return html`<pp-pathway .pathway=${content} lang=${lang} @pp-error=${onError}></pp-pathway>`;
    }
  }
}

/** Registers the element; the stories call it, since a bare side-effect import is dropped by the build. */
export function definePlayground(): void {
  if (!customElements.get('pp-content-playground')) customElements.define('pp-content-playground', PpContentPlayground);
}

declare global {
  interface HTMLElementTagNameMap {
    'pp-content-playground': PpContentPlayground;
  }
}
