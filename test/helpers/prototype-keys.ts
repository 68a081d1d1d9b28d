/**
 * Keys that every plain object seems to have: the names of Object.prototype's members. Content
 * may use any of them as an id, a value or a name, so tests draw ids from a mix of these and
 * ordinary ids.
 */
import fc from 'fast-check';

export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** An ordinary id, or the name of an Object.prototype member (`__proto__`, `toString`…), that `accepts`. */
export const keyArb = (accepts: (key: string) => boolean = () => true): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/)).filter(accepts);

/** `count` different keys that `accepts`. */
export const keysArb = (count: { minLength: number; maxLength: number }, accepts?: (key: string) => boolean): fc.Arbitrary<string[]> =>
  fc.uniqueArray(keyArb(accepts), count);

/** The document as a file would give it: `__proto__` and the like as own data properties. */
export const asFile = <T>(json: T): T => JSON.parse(JSON.stringify(json)) as T;

/** A copy of a JSON document with one key or value renamed wherever it occurs as a string. */
export const renamed = <T>(json: T, from: string, to: string): T =>
  JSON.parse(JSON.stringify(json).replaceAll(JSON.stringify(from), JSON.stringify(to))) as T;
