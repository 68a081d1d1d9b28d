
/** What was erased: one person's records, or (no subject) everything Painpath stored. */
export interface Erasure {
  readonly subject?: string;
}

/** Elements that keep records hear of an erasure here, in this page and (through the channel) in other tabs. */
const ERASE_CHANNEL = 'painpath-erase';
const listeners = new Set<(erasure: Erasure) => Promise<void>>();
let channel: BroadcastChannel | undefined;

/**
 * Calls `listener` on every erasure, before the records go when it happens in this page, so that
 * an element can drop a write still pending; returns the function that stops it.
 */
export function onErase(listener: (erasure: Erasure) => Promise<void>): () => void {
  listeners.add(listener);
  if (!channel) {
    channel = new BroadcastChannel(ERASE_CHANNEL);
    // Another tab erased: whatever this page still writes of that person is erased again by the element.
    channel.onmessage = ({ data }: MessageEvent<Erasure>) => listeners.forEach((heard) => void heard(data));
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      channel?.close();
      channel = undefined;
    }
  };
}

/** Deletes the records of an erasure, on the device and in this tab's session, without telling anyone. */
const deleteErased = async (erasure: Erasure): Promise<void> => (await import('./erase-records.js')).deleteErased(erasure);

async function erase(erasure: Erasure): Promise<void> {
  await Promise.all([...listeners].map((listener) => listener(erasure)));
  await deleteErased(erasure);
  // Through this page's own channel when it has one, which does not hear itself: this page's listeners were called above.
  const sender = channel ?? new BroadcastChannel(ERASE_CHANNEL);
  sender.postMessage(erasure);
  if (sender !== channel) sender.close();
}

/**
 * Removes every record of one person (the `subject` the host gave the elements): drafts,
 * unacknowledged results, education progress and trend-chart history, sealed or not, on the
 * device and in this tab's session. Elements of that person on screen, in this tab or another,
 * start afresh. For the host's logout.
 */
export const eraseSubject = (subject: string): Promise<void> => erase({ subject });

/** Removes everything Painpath stored on this origin, for every person. */
export const eraseEverything = (): Promise<void> => erase({});
