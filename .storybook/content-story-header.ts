import { html, nothing } from 'lit';

interface ContentLike {
  readonly meta?: { readonly licence?: { readonly kind?: string; readonly notice?: Record<string, string> } };
  readonly translations?: Record<string, { readonly status?: string; readonly source?: string }>;
  readonly languages?: readonly string[];
}

/** Badges for editors above a content story: its licence (instruments), and the status and source of this language. */
export function contentStoryHeader(content: ContentLike, lang: string) {
  const licence = content.meta?.licence;
  const translation = content.translations?.[lang];
  const notice = licence?.notice?.[lang] ?? licence?.notice?.[content.languages?.[0] ?? 'en'];
  return html`<div style="font: 14px/1.4 system-ui, sans-serif; margin-block-end: 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem">
    ${licence ? html`<span style="border: 1px solid #555; border-radius: 1rem; padding: 0.1rem 0.6rem">Licence: ${licence.kind}</span>` : nothing}
    <span
      style="border: 1px solid ${translation?.status === 'official' ? '#1b5e20' : '#8a4b00'}; border-radius: 1rem; padding: 0.1rem 0.6rem"
      >Translation: ${translation?.status ?? 'unknown'}</span
    >
    ${translation?.source ? html`<span style="color: #444">Source: ${translation.source}</span>` : nothing}
    ${notice ? html`<span style="flex-basis: 100%; color: #444">${notice}</span>` : nothing}
  </div>`;
}
