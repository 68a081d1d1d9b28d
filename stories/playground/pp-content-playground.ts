import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import '../../components/pp-education/pp-education.js';
import '../../components/pp-pathway/pp-pathway.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import { contentStoryHeader } from '../../.storybook/content-story-header.js';
import { ContentError } from '../../src/model/content-error.js';
import { parseEducationModule } from '../../src/model/education.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { parsePathway } from '../../src/model/pathway.js';
import { lineOfPath, offsetOfLine, readJson } from './json-lines.js';

export type ContentKind = 'instrument' | 'module' | 'pathway';
type KindChoice = ContentKind | 'auto';

const KINDS: Record<ContentKind, { label: string; parse: (json: unknown) => unknown }> = {
  instrument: { label: 'Questionnaire (instrument)', parse: parseInstrument },
  module: { label: 'Education module', parse: parseEducationModule },
  pathway: { label: 'Care pathway', parse: parsePathway },
};

/** The kind of a content file by its shape: instruments have items, modules pages, pathways steps. */
export function kindOf(json: unknown): ContentKind | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  if ('items' in json) return 'instrument';
  if ('pages' in json) return 'module';
  if ('steps' in json) return 'pathway';
  return undefined;
}

interface Problem {
  readonly line: number;
  readonly path?: string;
  readonly message: string;
}

interface Check {
  readonly content?: Record<string, unknown>;
  readonly kind?: ContentKind;
  readonly syntax: boolean;
  readonly problems: readonly Problem[];
}

const DEBOUNCE_MS = 300;
const languageName = (lang: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
};

/**
 * A content editor's workbench: edit an instrument, education module or pathway as JSON and see,
 * as you type, every problem with its JSON path and line, the licence and translation badges, and
 * the content rendered in two languages side by side.
 *
 * @tag pp-content-playground
 * @attr name - Name of the file being edited, shown above the editor.
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
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.5rem;
      align-items: end;
      margin-block-end: 0.75rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-weight: 600;
    }
    select,
    input[type='file'],
    button {
      font: inherit;
      min-block-size: 2.25rem;
    }
    .editor {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
      gap: 1rem;
      align-items: start;
    }
    textarea {
      box-sizing: border-box;
      inline-size: 100%;
      block-size: 28rem;
      font: 13px/1.45 ui-monospace, 'DejaVu Sans Mono', monospace;
      padding: 0.5rem;
      border: 1px solid #767676;
      border-radius: 4px;
      tab-size: 2;
      resize: vertical;
    }
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
    .hint {
      color: #4a4a4a;
      margin: 0.25rem 0 0;
      font-size: 0.9rem;
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
  /** The last content that was valid JSON, so a half-typed edit does not blank the previews. */
  private shown?: { content: Record<string, unknown>; kind: ContentKind };
  private languages: [string, string] = ['', ''];
  /** Where the caret is, since a textarea shows no line numbers. */
  private caret = 'Line 1, column 1';

  #timer?: ReturnType<typeof setTimeout>;
  /** Fresh keys per playground, so previews never open on saved answers or progress. */
  readonly #keys = [crypto.randomUUID(), crypto.randomUUID()].map((id) => `storybook-playground-${id}`);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text') || changed.has('kind')) this.#validate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  #validate(): void {
    const reading = readJson(this.text);
    if (!reading.ok) {
      const { line, column, message } = reading.error;
      this.check = { syntax: true, problems: [{ line, message: `JSON syntax, column ${column}: ${message}` }] };
      return;
    }
    const content = typeof reading.value === 'object' && reading.value !== null && !Array.isArray(reading.value) ? (reading.value as Record<string, unknown>) : undefined;
    const kind = this.kind === 'auto' ? kindOf(reading.value) : this.kind;
    if (!content || !kind) {
      this.check = { syntax: false, problems: [{ line: 1, path: '', message: 'cannot tell the kind of content: an instrument has "items", a module "pages", a pathway "steps"; or choose the kind above' }] };
      return;
    }
    let problems: Problem[] = [];
    try {
      KINDS[kind].parse(content);
    } catch (error) {
      problems =
        error instanceof ContentError
          ? error.problems.map((p) => ({ line: lineOfPath(reading.lines, p.path), path: p.path, message: p.message }))
          : [{ line: 1, message: String(error) }];
    }
    problems.sort((a, b) => a.line - b.line);
    this.check = { content, kind, syntax: false, problems };
    const languages = Array.isArray(content['languages']) ? (content['languages'] as unknown[]).filter((l): l is string => typeof l === 'string') : [];
    if (languages.length) {
      const pick = (current: string, fallback: string) => (languages.includes(current) ? current : fallback);
      this.languages = [pick(this.languages[0], languages[0]!), pick(this.languages[1], languages[1] ?? languages[0]!)];
    }
    this.shown = { content, kind };
  }

  #onInput(event: InputEvent): void {
    const value = (event.target as HTMLTextAreaElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.text = value;
    }, DEBOUNCE_MS);
  }

  async #onFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.name = file.name;
    this.text = await file.text();
    this.dispatchEvent(new CustomEvent('pp-playground-load', { detail: { name: file.name }, bubbles: true, composed: true }));
  }

  #onCaret(event: Event): void {
    const editor = event.target as HTMLTextAreaElement;
    const before = editor.value.slice(0, editor.selectionStart);
    const line = before.split('\n').length;
    this.caret = `Line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }

  /** Puts the caret at the start of a problem's line and scrolls the editor to it. */
  #goToLine(line: number): void {
    const editor = this.renderRoot.querySelector('textarea')!;
    const start = offsetOfLine(editor.value, line);
    const end = editor.value.indexOf('\n', start);
    editor.focus();
    editor.setSelectionRange(start, end < 0 ? editor.value.length : end);
    this.caret = `Line ${line}, column 1`;
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 19;
    editor.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }

  protected override render() {
    const { problems, syntax } = this.check;
    const summary = syntax
      ? 'The text is not valid JSON: the previews show the last version that was.'
      : problems.length
        ? `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in this ${this.check.kind ? KINDS[this.check.kind].label.toLowerCase() : 'content'}.`
        : `Valid ${this.check.kind ? KINDS[this.check.kind].label.toLowerCase() : 'content'}: no problems.`;
    return html`
      <div class="toolbar">
        <label
          >Kind of content
          <select @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as KindChoice)}>
            <option value="auto" ?selected=${this.kind === 'auto'}>Tell by its shape${this.check.kind && this.kind === 'auto' ? ` (${KINDS[this.check.kind].label})` : ''}</option>
            ${(Object.keys(KINDS) as ContentKind[]).map((k) => html`<option value=${k} ?selected=${this.kind === k}>${KINDS[k].label}</option>`)}
          </select>
        </label>
        <label>Open a JSON file from your computer <input type="file" accept=".json,application/json" @change=${this.#onFile} /></label>
      </div>
      <section class="editor" aria-label="Editor">
        <div>
          <label for="json"
            >JSON of ${this.name || 'the content'}</label
          >
          <p class="hint" id="json-hint">Problems update a moment after you stop typing. Your edits stay in this browser tab only: copy the text into the file to keep them.</p>
          <textarea id="json" aria-describedby="json-hint" spellcheck="false" autocomplete="off" .value=${this.text} @input=${this.#onInput} @keyup=${this.#onCaret} @click=${this.#onCaret} @focus=${this.#onCaret}></textarea>
          <p class="hint">Cursor: ${this.caret}</p>
        </div>
        <div>
          <h2 id="problems-title">Problems</h2>
          <p class="status ${problems.length ? 'bad' : ''}" role="status">${summary}</p>
          ${problems.length
            ? html`<ol class="problems" aria-labelledby="problems-title">
                ${problems.map(
                  (p) =>
                    html`<li>
                      <button type="button" @click=${() => this.#goToLine(p.line)}>
                        <span class="where">Line ${p.line}${p.path === undefined ? '' : ` · ${p.path || '(whole file)'}`}</span>
                        ${p.message}<span class="visually-hidden">. Go to line ${p.line}.</span>
                      </button>
                    </li>`,
                )}
              </ol>`
            : nothing}
        </div>
      </section>
      ${this.shown ? this.#renderPreviews(this.shown.content, this.shown.kind) : nothing}
    `;
  }

  #renderPreviews(content: Record<string, unknown>, kind: ContentKind) {
    const languages = Array.isArray(content['languages']) ? (content['languages'] as unknown[]).filter((l): l is string => typeof l === 'string') : [];
    return html`<div class="previews">${[0, 1].map((pane) => {
      const lang = this.languages[pane as 0 | 1];
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
        ${contentStoryHeader(content, lang)} ${this.#renderElement(content, kind, lang, this.#keys[pane]!)}
      </section>`;
    })}</div>`;
  }

  #renderElement(content: Record<string, unknown>, kind: ContentKind, lang: string, key: string) {
    switch (kind) {
      case 'instrument':
        return html`<pp-questionnaire .instrument=${content} lang=${lang} layout="list" heading-level="3" draft-key=${key}></pp-questionnaire>`;
      case 'module':
        return html`<pp-education .module=${content} lang=${lang} progress-key=${key}></pp-education>`;
      case 'pathway':
        return html`<pp-pathway .pathway=${content} lang=${lang}></pp-pathway>`;
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
