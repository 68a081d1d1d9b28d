/**
 * The value a record holds under `key` itself, never one it inherits: keys from content and hosts
 * (item ids, option values, scale ids, language tags) may be `toString` or `constructor`, which
 * every plain object seems to have.
 */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;
