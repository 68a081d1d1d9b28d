import { waitUntil as waitUntilOrOneSecond } from '@open-wc/testing';

/**
 * `waitUntil` of @open-wc/testing, with a deadline that only catches a hang. Its own default of
 * one second made tests assert speed: loading content and opening IndexedDB take longer than that
 * on a busy two-core machine. How fast things are is measured by `npm run bench`, not by tests.
 */
export const waitUntil = (
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> => waitUntilOrOneSecond(predicate, message, { timeout: 20_000, ...options });
