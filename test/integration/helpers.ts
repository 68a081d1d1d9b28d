/** Helpers for the host-page integration tests: each page runs in an iframe of the test page. */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';

export interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  column: number;
  sample: string;
  element: string;
}

export type HostWindow = Window & {
  violations?: Violation[];
  pageErrors?: string[];
  submitted?: unknown[];
  [key: string]: unknown;
};

/**
 * Loads a host page in an iframe of the given size and waits for its load event. The iframe is
 * removed after the test, unless `keep` is set (for a page shared by a `describe`: remove it in `after`).
 */
export async function loadPage(url: string, width = 900, height = 700, keep = false): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `inline-size: ${width}px; block-size: ${height}px; border: 0`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  const container = keep ? document.body : await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(frame);
  await loaded;
  return frame;
}

export const windowOf = (frame: HTMLIFrameElement) => frame.contentWindow as HostWindow;

export const form = (el: Element) => el.shadowRoot?.querySelector('form');

/** Waits until a questionnaire shows its form. */
export async function ready(get: () => PpQuestionnaire | null | undefined, what = 'the questionnaire did not render'): Promise<PpQuestionnaire> {
  await waitUntil(() => get()?.shadowRoot?.querySelector('form'), what);
  return get()!;
}

/** The radios of one item of a questionnaire. */
export const radios = (el: Element, itemId: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`[data-item="${itemId}"] input[type=radio]`),
];

/** Answers every PHQ-9 item (list layout) with option `value` (0–3) and the difficulty item with its first option. */
export async function answerPhq9(el: PpQuestionnaire, value = 1): Promise<void> {
  for (let i = 1; i <= 9; i += 1) radios(el, `phq9-${i}`)[value]!.click();
  await el.updateComplete;
  await waitUntil(() => radios(el, 'phq9-difficulty').length > 0, 'the difficulty item did not appear');
  radios(el, 'phq9-difficulty')[0]!.click();
  await el.updateComplete;
}

export const submitButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;

/** Deletes every IndexedDB database of the origin seen from `win`. */
export async function deleteAllDatabases(win: Window = window): Promise<void> {
  for (const { name } of await win.indexedDB.databases()) {
    if (!name) continue;
    await new Promise<void>((resolve, reject) => {
      const request = win.indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => resolve();
    });
  }
}
