import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { BLOCK_TAGS, INLINE_TAGS } from '../../src/model/formatted-text.js';
import { sanitizedFragment, secureLinks } from '../shared/formatted-text.js';

/**
 * An item's formatted text (FHIR rendering-xhtml or rendering-markdown), sanitized. Loaded only
 * for forms that have one (see loadItemParts): it brings the Markdown parser and the sanitizer.
 */
class FormattedTextDirective extends Directive {
  #shown?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('formattedText() belongs in element content');
  }

  /** `inline`: a question's label, which keeps phrasing only (no paragraphs, no links). */
  render(text: string, format: 'markdown' | 'xhtml', inline: boolean, opensInNewTabLabel: string): DocumentFragment | typeof noChange {
    const key = JSON.stringify([text, format, inline, opensInNewTabLabel]);
    if (key === this.#shown) return noChange;
    this.#shown = key;
    const fragment = sanitizedFragment(text, format, inline ? INLINE_TAGS : BLOCK_TAGS);
    secureLinks(fragment, opensInNewTabLabel);
    return fragment;
  }
}

export const formattedText = directive(FormattedTextDirective);
