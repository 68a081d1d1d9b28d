import '../components/pp-language-picker/pp-language-picker.js';
import { eraseSubject } from '../components/pp-questionnaire/pp-questionnaire.js';
import type { PpEventMap } from '../src/events.js';

const result = document.querySelector<HTMLPreElement>('#result')!;
const questionnaire = document.querySelector('pp-questionnaire')!;
const hint = document.querySelector<HTMLParagraphElement>('#result-hint')!;
const log = document.querySelector<HTMLOListElement>('#event-log')!;

const userPicker = document.querySelector<HTMLSelectElement>('#user')!;

/** The opaque id the portal gives Painpath for a user: a hash, so the browser's storage never names anyone. */
async function subjectOf(userId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`northbay-portal:${userId}`));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The user's key. A real portal gets it from its server after sign-in (never kept beside the
 * data); this demo derives a stand-in from the user id, so that reloading the page finds the draft.
 */
async function keyOf(userId: string): Promise<CryptoKey> {
  const secret = await crypto.subtle.importKey('raw', new TextEncoder().encode(`demo-only-secret:${userId}`), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: new TextEncoder().encode('northbay-demo'), iterations: 100_000, hash: 'SHA-256' },
    secret,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Signs a user in: the questionnaire gets their subject and key before its instrument, so it reads only their records. */
async function signIn(userId: string): Promise<void> {
  const [subject, encryptionKey] = await Promise.all([subjectOf(userId), keyOf(userId)]);
  Object.assign(questionnaire, { subject, encryptionKey, src: '/instruments/phq-9.json' });
  logEvent(`signed in: subject ${subject.slice(0, 12)}…`);
}

userPicker.addEventListener('change', () => void signIn(userPicker.value));
document.querySelector('#sign-out')!.addEventListener('click', async () => {
  await eraseSubject(questionnaire.subject!);
  logEvent('signed out: every record of this person erased');
});
void signIn(userPicker.value);

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
