/** Test helpers shared by several test files. */
import { ContentError, type ContentProblem } from '../../src/model/content-error.js';
import type { Vault } from '../../src/store/records.js';

/** The records an element keeps when the host sets no `subject`, `storage` or key: no subject's, on the device. */
export const DEFAULT_VAULT: Vault = { subject: '', storage: 'device' };

export const PHQ9_URL = '/content/instruments/phq-9.json';

export async function loadJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A fresh copy of PHQ-9's JSON to change in a test. */
export const phq9Json = () => loadJson(PHQ9_URL);

export const PHQ9_ITEMS = Array.from({ length: 9 }, (_, i) => `phq9-${i + 1}`);

/** PHQ-9 answers adding up to `total` (items filled from the first, each at most 3). */
export function phq9AnswersFor(total: number): Record<string, number> {
  let left = total;
  return Object.fromEntries(
    PHQ9_ITEMS.map((id) => {
      const value = Math.min(3, left);
      left -= value;
      return [id, value];
    }),
  );
}

export async function deleteAllDatabases(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  }
}

export function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

/** The problems `parse` reports, or none when it accepts the content. */
export function contentProblemsOf(parse: () => unknown): readonly ContentProblem[] {
  try {
    parse();
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems;
  }
}
