/**
 * Records kept for this tab's session only, in sessionStorage: they survive a reload and are gone
 * when the tab is closed. Loaded with import() only by elements with `storage="session"`, and by an erasure.
 */
import type { RecordKey, StoredRecord } from './database.js';
import type { Backend } from './records.js';

const PREFIX = 'painpath:';

const storageKey = (key: RecordKey) => PREFIX + JSON.stringify(key);

/** Every record this tab holds, with its sessionStorage key. */
function* entries(): Generator<[string, StoredRecord]> {
  for (let index = sessionStorage.length - 1; index >= 0; index -= 1) {
    const key = sessionStorage.key(index);
    const value = key?.startsWith(PREFIX) ? sessionStorage.getItem(key) : null;
    if (value) yield [key!, JSON.parse(value) as StoredRecord];
  }
}

export const sessionBackend: Backend = {
  async list(subject, kind, prefix) {
    return [...entries()].map(([, record]) => record).filter((r) => r.subject === subject && r.kind === kind && r.name.startsWith(prefix));
  },
  async put(record, replaces, _durable) {
    const key = storageKey([record.subject, record.kind, record.name, record.lock]);
    const stored = sessionStorage.getItem(key);
    if (stored && (JSON.parse(stored) as StoredRecord).savedAt > record.savedAt) return false;
    sessionStorage.setItem(key, JSON.stringify(record));
    if (replaces) sessionStorage.removeItem(storageKey(replaces));
    return true;
  },
  async remove(subject, kind, name) {
    for (const [key, record] of entries()) {
      if (record.subject === subject && record.kind === kind && record.name === name) sessionStorage.removeItem(key);
    }
  },
};

/** Removes this tab's records of the subjects `matches` accepts. */
export function removeSessionSubjects(matches: (subject: string) => boolean): void {
  for (const [key, record] of entries()) if (matches(record.subject)) sessionStorage.removeItem(key);
}

/** The subjects of the records this tab holds. */
export const sessionSubjects = (): string[] => [...entries()].map(([, record]) => record.subject);
