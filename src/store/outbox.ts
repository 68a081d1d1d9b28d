import { RETENTION_DAYS } from './database.js';
import { removeRecords, writeRecord } from './record-writes.js';
import { readRecords, type Vault } from './records.js';

/** A completed result waiting for the host to acknowledge it. */
export interface OutboxEntry {
  readonly id: string;
  readonly createdAt: string;
  /** The `pp-submit` result, as plain data. */
  readonly result: unknown;
}

/**
 * Keeps a completed result of the vault's person until the host acknowledges it, for `keepDays`.
 * Returns the entry's id, or undefined when the vault keeps nothing.
 */
export async function putInOutbox(vault: Vault, result: unknown, keepDays = RETENTION_DAYS.result, id = crypto.randomUUID()): Promise<string | undefined> {
  // Strict durability: the result is flushed to disk before the host is told, so not even a power cut loses it.
  const written = await writeRecord(vault, 'result', id, result, { savedAt: new Date().toISOString(), keepDays, durable: true });
  return written ? id : undefined;
}

/** Results this page moved to another subject, by id, so that an acknowledgement arriving later removes the moved copy too. */
const moved = new Map<string, Vault>();

/** Forgets a result the host has acknowledged, wherever this page moved it. */
export async function acknowledge(vault: Vault, id: string): Promise<void> {
  await removeRecords(vault, 'result', id);
  const movedTo = moved.get(id);
  if (movedTo) await removeRecords(movedTo, 'result', id);
}

/**
 * Copies the unacknowledged results of `from` to `to` (a kiosk's finished session to the kiosk),
 * keeping each one's id and time; the caller then erases `from`. A result acknowledged while it
 * is copied is not kept under `to`.
 */
export async function copyResults(from: Vault, to: Vault): Promise<void> {
  for (const entry of (await pendingResults(from)).entries) {
    await writeRecord(to, 'result', entry.id, entry.result, { savedAt: entry.createdAt, keepDays: RETENTION_DAYS.result, durable: true });
    moved.set(entry.id, to);
    const stillPending = (await readRecords(from, 'result', entry.id, true)).records.length > 0;
    if (!stillPending) await removeRecords(to, 'result', entry.id);
  }
}

/** Every result of the vault's person not yet acknowledged, oldest first, and how many cannot be opened with its key. */
export async function pendingResults(vault: Vault): Promise<{ entries: OutboxEntry[]; locked: number }> {
  const { records, locked } = await readRecords(vault, 'result', '');
  return { entries: records.map(({ name, savedAt, data }) => ({ id: name, createdAt: savedAt, result: data })), locked };
}
