import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { nothing, type TemplateResult } from 'lit';

/**
 * A heading at the level the host asks for, so an element fits the outline of any page. The
 * level is clamped to 1–6 before it becomes a tag name, so nothing else can reach the template.
 */
export function heading(level: number, content: unknown, part?: string): TemplateResult {
  const tag = unsafeStatic(`h${Math.min(6, Math.max(1, Math.trunc(level) || 2))}`);
  return staticHtml`<${tag} part=${part ?? nothing} class=${part ?? nothing}>${content}</${tag}>`;
}
