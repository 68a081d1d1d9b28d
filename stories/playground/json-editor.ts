/**
 * The playground's JSON editor: CodeMirror 6 with JSON highlighting, folding, bracket matching,
 * history and search (basicSetup), and the content's problems as diagnostics, marked in a gutter.
 * Tab is left unbound, as basicSetup leaves it, so that keyboard users Tab out of the editor.
 */
import { json } from '@codemirror/lang-json';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';

export interface JsonEditorOptions {
  /** Where the editor goes. */
  readonly parent: HTMLElement;
  /** The shadow root it lives in, where CodeMirror puts its styles and reads the selection. */
  readonly root: ShadowRoot | Document;
  /** Ids (in `root`) of the editor's visible label and of its description. */
  readonly labelledBy: string;
  readonly describedBy: string;
  /** Called on every change of the text; read `text` when it is time to. */
  readonly onChange: () => void;
  /** Called when the cursor moves, with its line and column (1-based). */
  readonly onCursor: (line: number, column: number) => void;
}

// Colours checked against WCAG AA on the white editor and its grey gutter: text 4.5:1 at least.
// The host draws the focus ring around the editor's frame, which its own would be clipped by.
const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: '#fff', color: '#1a1a1a', fontSize: '13px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-diagnosticSource': { opacity: '1', color: '#4a4a4a' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace", lineHeight: '1.45' },
  '.cm-gutters': { backgroundColor: '#f4f4f4', color: '#525252', borderInlineEnd: '1px solid #c4c4c4' },
  '.cm-activeLineGutter': { backgroundColor: '#e3ecf7', color: '#1a1a1a' },
  '.cm-activeLine': { backgroundColor: '#f0f5fc' },
});

export class JsonEditor {
  readonly #view: EditorView;
  readonly #extensions: Extension[];
  readonly #onCursor: JsonEditorOptions['onCursor'];

  constructor(text: string, { parent, root, labelledBy, describedBy, onChange, onCursor }: JsonEditorOptions) {
    this.#extensions = [
      basicSetup,
      json(),
      lintGutter(),
      theme,
      // tabindex: axe (scrollable-region-focusable) counts only elements with one, or natively
      // focusable, as keyboard access to the scroller; the contenteditable is in the tab order anyway.
      EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy, 'aria-describedby': describedBy, tabindex: '0' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange();
        if (update.docChanged || update.selectionSet) {
          const head = update.state.selection.main.head;
          const line = update.state.doc.lineAt(head);
          onCursor(line.number, head - line.from + 1);
        }
      }),
    ];
    this.#onCursor = onCursor;
    this.#view = new EditorView({ parent, root, state: this.#state(text) });
  }

  #state(text: string): EditorState {
    return EditorState.create({ doc: text, extensions: this.#extensions });
  }

  /** The text as CodeMirror holds it: line breaks are "\n" whatever the file had. */
  get text(): string {
    return this.#view.state.doc.toString();
  }

  /** Replaces the text with another file's: a fresh state, so that undo does not go back into the previous file. */
  load(text: string): void {
    this.#view.setState(this.#state(text));
    // A new state is no transaction: the update listener does not hear of it.
    this.#onCursor(1, 1);
  }

  /** Shows the content's problems in the text and the gutter; `from` and `to` are offsets in `text`. */
  showProblems(diagnostics: readonly Diagnostic[]): void {
    const length = this.#view.state.doc.length;
    const inText = diagnostics.map((d) => ({ ...d, from: Math.min(d.from, length), to: Math.min(d.to, length) }));
    this.#view.dispatch(setDiagnostics(this.#view.state, inText));
  }

  /** Puts the cursor at an offset, scrolls it into the middle of the editor and focuses it. */
  goTo(offset: number): void {
    const anchor = Math.min(offset, this.#view.state.doc.length);
    this.#view.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
    this.#view.focus();
  }

  destroy(): void {
    this.#view.destroy();
  }
}
