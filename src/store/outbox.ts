import { openDatabase, type OutboxEntry } from './database.js';

export type { OutboxEntry } from './database.js';

/** Keeps a completed result until the host acknowledges it. Returns the entry's id. */
export async function putInOutbox(result: unknown, id = crypto.randomUUID()): Promise<string> {
  const db = await openDatabase();
  // Strict durability: the result is flushed to disk before the host is told, so not even a power cut loses it.
  const transaction = db.transaction('outbox', 'readwrite', { durability: 'strict' });
  await Promise.all([transaction.store.put({ id, createdAt: new Date().toISOString(), result }), transaction.done]);
  return id;
}

/** Forgets a result the host has acknowledged. */
export async function acknowledge(id: string): Promise<void> {
  const db = await openDatabase();
  await db.delete('outbox', id);
}

/** Every result not yet acknowledged, oldest first. */
export async function pendingResults(): Promise<OutboxEntry[]> {
  const db = await openDatabase();
  const entries = await db.getAll('outbox');
  return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
