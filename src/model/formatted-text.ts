/*
 * Which elements formatted text (FHIR's rendering-xhtml and rendering-markdown) keeps when it is
 * shown: the importer reports the others, the sanitiser removes them (keeping their text).
 */

/** Phrasing only: a question's text is its control's label, where blocks and links do not belong (a click on a label answers). */
export const INLINE_TAGS: readonly string[] = ['strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'code', 'span', 'br', 'q', 'cite', 'abbr'];

/** Texts between questions and the stems of groups may also have paragraphs, lists and links. */
export const BLOCK_TAGS: readonly string[] = [...INLINE_TAGS, 'p', 'div', 'ul', 'ol', 'li', 'a', 'blockquote'];

/** The elements of an XHTML text that are not in `allowed`, each once, in the order they appear. */
export function tagsOutside(xhtml: string, allowed: readonly string[]): string[] {
  const tags = [...xhtml.matchAll(/<\s*([a-z][a-z0-9-]*)/gi)].map((match) => match[1]!.toLowerCase());
  return [...new Set(tags.filter((tag) => !allowed.includes(tag)))];
}
