/** A PHQ-9 questionnaire with what it tells the host, for the storage-fault tests. */
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail, SubmitDetail } from '../../src/events.js';
import { PHQ9_URL } from './fixtures.js';
import { ready } from '../integration/helpers.js';

export const radios = (el: Element, itemId: string) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`[data-item="${itemId}"] input[type=radio]`)];
export const checked = (el: Element, itemId: string) => radios(el, itemId).findIndex((radio) => radio.checked);

/** A PHQ-9 in the list layout with the `pp-error`s and `pp-submit`s it emits. */
export async function questionnaire(draftKey: string): Promise<{ el: PpQuestionnaire; errors: ErrorDetail[]; submitted: SubmitDetail[] }> {
  const el = document.createElement('pp-questionnaire');
  const errors: ErrorDetail[] = [];
  const submitted: SubmitDetail[] = [];
  el.addEventListener('pp-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
  el.addEventListener('pp-submit', (event) => submitted.push((event as CustomEvent<SubmitDetail>).detail));
  Object.assign(el, { src: PHQ9_URL, layout: 'list', draftKey });
  document.body.append(el);
  await ready(() => el);
  return { el, errors, submitted };
}
