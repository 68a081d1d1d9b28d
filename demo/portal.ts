import '../components/pp-language-picker/pp-language-picker.js';
import '../components/pp-questionnaire/pp-questionnaire.js';
import type { PpEventMap } from '../src/events.js';

const result = document.querySelector<HTMLPreElement>('#result')!;
const questionnaire = document.querySelector('pp-questionnaire')!;
const hint = document.querySelector<HTMLParagraphElement>('#result-hint')!;
const log = document.querySelector<HTMLOListElement>('#event-log')!;

function logEvent(text: string): void {
  const entry = document.createElement('li');
  entry.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(entry);
}

document.addEventListener('pp-submit', (event: PpEventMap['pp-submit']) => {
  result.textContent = JSON.stringify(event.detail, null, 2);
  result.hidden = false;
  hint.hidden = true;
  // A real portal passes its upload here; the result stays in the browser's outbox until it succeeds.
  event.detail.waitUntil(Promise.resolve());
  logEvent(`pp-submit${event.detail.redelivered ? ' (redelivered)' : ''}: ${event.detail.instrument.id} total ${event.detail.scores['total']?.value}`);
});
document.addEventListener('pp-language-change', (event: PpEventMap['pp-language-change']) => {
  questionnaire.lang = event.detail.language;
  logEvent(`pp-language-change: ${event.detail.language}`);
});
document.addEventListener('pp-change', (event: PpEventMap['pp-change']) => logEvent(`pp-change: ${event.detail.itemId} = ${event.detail.value}`));
document.addEventListener('pp-error', (event: PpEventMap['pp-error']) => logEvent(`pp-error (${event.detail.code}): ${event.detail.message}`));

declare global {
  interface DocumentEventMap extends PpEventMap {}
}
