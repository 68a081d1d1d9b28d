import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { sanitizedFragment, secureLinks } from '../shared/formatted-text.js';

/** The Markdown subset of education modules. */
const MODULE_TAGS = ['p', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'br'];

/** A module's Markdown as sanitized DOM nodes. */
const markdownFragment = (text: string): DocumentFragment => sanitizedFragment(text, 'markdown', MODULE_TAGS);

/**
 * Wraps each sentence's text in `<span data-sentence="n">`, so read-aloud can highlight the
 * sentence being spoken. A sentence crossing inline markup (`**bold**`) becomes several spans
 * with the same number; whitespace stays bare, as lists allow no spans between their items.
 */
export function markSentences(root: Node, lang: string): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const whole = nodes.map((node) => node.data).join('');
  // Spaces around a sentence stay outside its span, so that its highlight ends at its last letter.
  const sentences = [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(whole)]
    .map(({ index, segment }) => ({ start: index + segment.length - segment.trimStart().length, end: index + segment.trimEnd().length }))
    .filter((sentence) => sentence.start < sentence.end);
  let offset = 0;
  for (const node of nodes) {
    const end = offset + node.data.length;
    const pieces = document.createDocumentFragment();
    let from = offset;
    sentences.forEach((sentence, number) => {
      if (sentence.end <= from || sentence.start >= end) return;
      const start = Math.max(sentence.start, from);
      const stop = Math.min(sentence.end, end);
      if (start > from) pieces.append(whole.slice(from, start));
      const span = document.createElement('span');
      span.dataset['sentence'] = String(number);
      span.textContent = whole.slice(start, stop);
      pieces.append(span);
      from = stop;
    });
    if (from < end) pieces.append(whole.slice(from, end));
    node.replaceWith(pieces);
    offset = end;
  }
}

export interface ReadableTextOptions {
  /** The text is Markdown (paragraphs and callouts); otherwise plain text. */
  readonly markdown?: boolean;
  /** Said after each link that opens a new tab, in the language on screen. */
  readonly opensInNewTabLabel?: string;
}

/** Builds the text's DOM once per distinct text, keeping the nodes (and any highlight) across renders. */
class ReadableTextDirective extends Directive {
  #shown?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('readableText() belongs in element content');
  }

  render(text: string, lang: string, options: ReadableTextOptions = {}): DocumentFragment | typeof noChange {
    const key = JSON.stringify([text, lang, options.markdown, options.opensInNewTabLabel]);
    if (key === this.#shown) return noChange;
    this.#shown = key;
    const fragment = options.markdown ? markdownFragment(text) : document.createDocumentFragment();
    if (!options.markdown) fragment.append(text);
    markSentences(fragment, lang);
    secureLinks(fragment, options.opensInNewTabLabel ?? '');
    return fragment;
  }
}

/** Content text as DOM nodes with sentences marked for read-aloud; Markdown when asked, sanitized. */
export const readableText = directive(ReadableTextDirective);
