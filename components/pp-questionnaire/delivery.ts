/**
 * How a questionnaire hands results to the host through the outbox: kept until acknowledged,
 * emitted again on later loads. Loaded with import() once the form is shown: it is first needed
 * at submit, or to emit an earlier result after the form appears.
 */
import type { QuestionnaireResult, SubmitDetail } from '../../src/events.js';
import { acknowledge, pendingResults, putInOutbox } from '../../src/store/outbox.js';
import type { Vault } from '../../src/store/records.js';

/** What delivery needs of the questionnaire. */
export interface DeliveryHost {
  readonly vault: Vault;
  emit(detail: SubmitDetail): void;
  reportFailure(error: unknown): void;
  reportLocked(count: number): void;
}

/** Outbox entries already emitted on this page (fresh or again), so that no element repeats them. */
const emittedThisPage = new Set<string>();

/**
 * Keeps a finished result and emits it. The result is durable in the outbox before anyone hears
 * of it, and the draft goes (`deleteDraft`) only then: a crash at any moment loses nothing.
 */
export async function deliver(host: DeliveryHost, result: QuestionnaireResult, keepDays: number, deleteDraft: () => void): Promise<void> {
  const outboxId = await putInOutbox(host.vault, result, keepDays).catch((error: unknown) => host.reportFailure(error));
  // Without the result in the outbox, the draft is the only copy of the answers this browser keeps.
  if (outboxId) {
    emittedThisPage.add(outboxId);
    deleteDraft();
  }
  emit(host, result, outboxId ?? undefined, false);
}

/**
 * Emits a result. The host acknowledges it by calling `event.detail.waitUntil(promise)` while
 * handling the event (e.g. with its upload); when every such promise resolves, the result leaves
 * the outbox. Unacknowledged results are emitted again when a questionnaire next loads.
 */
function emit(host: DeliveryHost, result: QuestionnaireResult, outboxId: string | undefined, redelivered: boolean): void {
  const { vault } = host;
  const acknowledgements: Promise<unknown>[] = [];
  host.emit({ ...result, redelivered, waitUntil: (promise) => void acknowledgements.push(promise) });
  if (!outboxId || acknowledgements.length === 0) return;
  // A rejected acknowledgement keeps the result for the next load; it is not an error here.
  Promise.all(acknowledgements).then(
    () => acknowledge(vault, outboxId).catch((error: unknown) => host.reportFailure(error)),
    () => undefined,
  );
}

/** Emits, once per page, the results of the host's person that were not acknowledged on earlier loads. */
export async function redeliver(host: DeliveryHost): Promise<void> {
  try {
    const { entries, locked } = await pendingResults(host.vault);
    host.reportLocked(locked);
    for (const entry of entries) {
      if (emittedThisPage.has(entry.id)) continue;
      emittedThisPage.add(entry.id);
      emit(host, entry.result as QuestionnaireResult, entry.id, true);
    }
  } catch (error) {
    host.reportFailure(error);
  }
}
