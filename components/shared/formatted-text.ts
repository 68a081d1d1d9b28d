import { Marked } from 'marked';
import DOMPurify from 'dompurify';

/**
 * Our own Markdown instance, so the host's `marked` settings neither change ours nor are changed
 * by them. Raw HTML is not Markdown to us: with its tokenizers off, `<b>` in content shows as
 * the text "<b>" instead of becoming markup.
 */
const markdown = new Marked({ gfm: true, breaks: false }).use({
  tokenizer: {
    html: () => undefined,
    tag: () => undefined,
  },
});

/** Our own sanitizer instance: a host's `DOMPurify.setConfig()` or hooks on the shared one cannot loosen it. */
const purify = DOMPurify(window);

/**
 * Formatted text as sanitized DOM nodes, keeping only the `allowed` elements (the others are
 * removed, their text kept) and, on links, only web and mail addresses. The HTML string goes only
 * to DOMPurify, which parses it inertly: no string of content ever reaches innerHTML in our code.
 */
export function sanitizedFragment(text: string, format: 'markdown' | 'xhtml', allowed: readonly string[]): DocumentFragment {
  const html = format === 'markdown' ? markdown.parse(text, { async: false }) : text;
  return purify.sanitize(html, { ALLOWED_TAGS: [...allowed], ALLOWED_ATTR: ['href'], ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i, RETURN_DOM_FRAGMENT: true });
}

/** Links leave the page safely: no access to our window from the page opened, no referrer. */
export function secureLinks(root: DocumentFragment, opensInNewTabLabel: string): void {
  for (const link of root.querySelectorAll('a')) {
    if (!link.hasAttribute('href')) {
      // The sanitizer dropped a disallowed address: what is left is text, not a link.
      link.replaceWith(...link.childNodes);
      continue;
    }
    link.rel = 'noopener noreferrer';
    if (/^https?:/i.test(link.getAttribute('href')!)) {
      link.target = '_blank';
      const note = document.createElement('span');
      note.className = 'visually-hidden';
      note.textContent = ` (${opensInNewTabLabel})`;
      link.append(note);
    }
  }
}
