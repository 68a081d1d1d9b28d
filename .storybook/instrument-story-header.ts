import { html, nothing } from 'lit';

interface InstrumentLike {
  readonly meta?: { readonly licence?: { readonly kind?: string; readonly notice?: Record<string, string> } };
  readonly translations?: Record<string, { readonly status?: string; readonly source?: string }>;
  readonly languages?: readonly string[];
}

/** Badges for editors above an instrument story: its licence, and the status and source of this language. */
export function instrumentStoryHeader(instrument: InstrumentLike, lang: string) {
  const licence = instrument.meta?.licence;
  const translation = instrument.translations?.[lang];
  const notice = licence?.notice?.[lang] ?? licence?.notice?.[instrument.languages?.[0] ?? 'en'];
  return html`<div style="font: 14px/1.4 system-ui, sans-serif; margin-block-end: 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem">
    <span style="border: 1px solid #555; border-radius: 1rem; padding: 0.1rem 0.6rem">Licence: ${licence?.kind ?? 'unknown'}</span>
    <span
      style="border: 1px solid ${translation?.status === 'official' ? '#1b5e20' : '#8a4b00'}; border-radius: 1rem; padding: 0.1rem 0.6rem"
      >Translation: ${translation?.status ?? 'unknown'}</span
    >
    ${translation?.source ? html`<span style="color: #444">Source: ${translation.source}</span>` : nothing}
    ${notice ? html`<span style="flex-basis: 100%; color: #444">${notice}</span>` : nothing}
  </div>`;
}
