import { openDatabase, type OutboxEntry } from './database.js';

export type { OutboxEntry } from './database.js';

/** Keeps a completed result until the host acknowledges it. Returns the entry's id. */
export async function putInOutbox(result: unknown, id = crypto.randomUUID()): Promise<string> {
  const db = await openDatabase();
  await db.put('outbox', { id, createdAt: new Date().toISOString(), result });
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
