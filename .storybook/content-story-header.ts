import { html, nothing } from 'lit';
import { isFhirQuestionnaire, statusLabel, summarizeFhirQuestionnaire } from './fhir-summary.js';

interface ContentLike {
  readonly meta?: { readonly licence?: { readonly kind?: string; readonly notice?: Record<string, string> } };
  readonly translations?: Record<string, { readonly status?: string; readonly source?: string }>;
  readonly languages?: readonly string[];
}

/**
 * The translation statuses a preview shows: every one, drafts included, since an editor checks a
 * draft before a patient may see it (only where the clinic accepts drafts); the header says which
 * status the language has.
 */
export const PREVIEWED_TRANSLATIONS = 'official verified draft';

const BAR = 'font: 14px/1.4 system-ui, sans-serif; margin-block-end: 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem';
const badge = (colour: string) => `border: 1px solid ${colour}; border-radius: 1rem; padding: 0.1rem 0.6rem`;

/**
 * Badges for editors above a content story: its licence, and the status and source of this
 * language; for a FHIR Questionnaire also its canonical `url|version`.
 */
export function contentStoryHeader(content: unknown, lang: string) {
  if (isFhirQuestionnaire(content)) return fhirStoryHeader(content, lang);
  const { meta, translations, languages } = content as ContentLike;
  const licence = meta?.licence;
  const translation = translations?.[lang];
  const notice = licence?.notice?.[lang] ?? licence?.notice?.[languages?.[0] ?? 'en'];
  return html`<div style=${BAR}>
    ${licence ? html`<span style=${badge('#555')}>Licence: ${licence.kind}</span>` : nothing}
    <span style=${badge(translation?.status === 'official' ? '#1b5e20' : '#8a4b00')}>Translation: ${translation?.status ?? 'unknown'}</span>
    ${translation?.source ? html`<span style="color: #444">Source: ${translation.source}</span>` : nothing}
    ${notice ? html`<span style="flex-basis: 100%; color: #444">${notice}</span>` : nothing}
  </div>`;
}

function fhirStoryHeader(questionnaire: Record<string, unknown>, lang: string) {
  const { canonical, copyright, statuses } = summarizeFhirQuestionnaire(questionnaire);
  const status = statuses[lang] ?? 'unstated';
  return html`<div style=${BAR}>
    <span style=${badge('#555')}>FHIR R4 Questionnaire</span>
    <span style=${badge('#555')}>${copyright ? 'Licence: stated in the form (copyright)' : 'Licence: not stated in the form'}</span>
    <span style=${badge(status === 'official' || status === 'source' ? '#1b5e20' : '#8a4b00')}>Language: ${statusLabel(status)}</span>
    ${canonical ? html`<code style="color: #444; overflow-wrap: anywhere">${canonical}</code>` : html`<span style="color: #444">No canonical url</span>`}
    ${copyright ? html`<span style="flex-basis: 100%; color: #444">${copyright}</span>` : nothing}
  </div>`;
}
