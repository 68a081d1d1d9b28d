import '../components/pp-language-picker/pp-language-picker.js';
import '../components/pp-score-chart/pp-score-chart.js';
import { eraseSubject } from '../components/pp-questionnaire/pp-questionnaire.js';
import type { PpEventMap, QuestionnaireResult } from '../src/events.js';
import { CANONICAL_BASE, FHIR_BASE } from './fhir-demo.js';

const result = document.querySelector<HTMLPreElement>('#result')!;
const questionnaire = document.querySelector('pp-questionnaire')!;
const hint = document.querySelector<HTMLParagraphElement>('#result-hint')!;
const log = document.querySelector<HTMLOListElement>('#event-log')!;

const userPicker = document.querySelector<HTMLSelectElement>('#user')!;
const fhirStatus = document.querySelector<HTMLParagraphElement>('#fhir-status')!;
const stored = document.querySelector<HTMLUListElement>('#fhir-stored')!;
const history = document.querySelector('pp-score-chart')!;

const PHQ9 = `${CANONICAL_BASE}/Questionnaire/phq-9`;
/** The PHQ-9 total's LOINC code, as the Observations of its scores carry it. */
const PHQ9_TOTAL = 'http://loinc.org|44261-6';

type Json = Record<string, any>;

/** A request to the municipality's FHIR server; its answer, or an error naming the status. */
async function fhir(path: string, body?: Json): Promise<Json> {
  const response = await fetch(`${FHIR_BASE}/${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { accept: 'application/fhir+json', ...(body && { 'content-type': 'application/fhir+json' }) },
    ...(body && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`the FHIR server answered ${response.status} to ${body ? 'POST' : 'GET'} ${path || '/'}`);
  return response.json();
}

/** Creates each resource unless the server has one with its identifier: a result delivered twice is stored once. */
const createOnce = (resource: Json, identifier: { system: string; value: string }) => ({
  resource,
  request: { method: 'POST', url: resource['resourceType'], ifNoneExist: `identifier=${identifier.system}|${identifier.value}` },
});

/** The signed-in person's Patient on the FHIR server (made the first time), as a reference. */
let patient: Promise<string>;
async function patientOf(userId: string): Promise<string> {
  const identifier = { system: 'urn:northbay:citizen', value: userId };
  const answer = await fhir('', { resourceType: 'Bundle', type: 'transaction', entry: [createOnce({ resourceType: 'Patient', identifier: [identifier] }, identifier)] });
  return answer['entry'][0].response.location as string;
}

/** The person's earlier PHQ-9 totals on the server, for the chart. */
async function showHistory(): Promise<void> {
  const found = await fhir(`Observation?subject=${await patient}&code=${encodeURIComponent(PHQ9_TOTAL)}`);
  const points = ((found['entry'] ?? []) as Json[]).map(({ resource }) => ({ date: resource.effectiveDateTime as string, value: resource.valueQuantity.value as number }));
  history.series = { scale: 'total', points: points.sort((a, b) => a.date.localeCompare(b.date)) };
}

/**
 * Sends a result's response and Observations, with the person as their subject, in one transaction;
 * until it succeeds, the questionnaire keeps the result in its outbox and gives it again later.
 */
async function store(result: QuestionnaireResult): Promise<void> {
  const subject = { reference: await patient };
  const response = result.questionnaireResponse;
  const entries = [
    createOnce({ ...response, subject }, response.identifier!),
    ...result.observations.map((observation) => createOnce({ ...observation, subject }, observation.identifier![0]!)),
  ];
  const answer = await fhir('', { resourceType: 'Bundle', type: 'transaction', entry: entries });
  stored.replaceChildren(
    ...(answer['entry'] as Json[]).map((entry) => Object.assign(document.createElement('li'), { textContent: `${entry.response.status === '201' ? 'Stored' : 'Already stored'}: ${entry.response.location}` })),
  );
  fhirStatus.textContent = 'Your answers are stored in your record at the municipality.';
  await showHistory();
}

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
  patient = patientOf(userId);
  patient.catch(() => undefined);
  const [subject, encryptionKey] = await Promise.all([subjectOf(userId), keyOf(userId)]);
  // The questionnaire the municipality's server holds under its canonical URL: its responses name it.
  try {
    const found = (await fhir(`Questionnaire?url=${encodeURIComponent(PHQ9)}`))['entry']?.[0]?.resource as Json | undefined;
    fhirStatus.textContent = found ? `The FHIR server holds ${found['url']} version ${found['version']} (Questionnaire/${found['id']}).` : `The FHIR server does not hold ${PHQ9}.`;
    await showHistory();
  } catch (error) {
    fhirStatus.textContent = `The FHIR server cannot be reached (${(error as Error).message}); answers are kept on this device until it can.`;
  }
  Object.assign(questionnaire, { subject, encryptionKey, canonicalBase: CANONICAL_BASE, src: '/instruments/phq-9.json' });
  logEvent(`signed in: subject ${subject.slice(0, 12)}…`);
}

// On the Switch button, not on change: choosing in the list (arrow keys fire change in some
// browsers) must not sign another person in (WCAG 3.2.2 On Input).
document.querySelector('#account')!.addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn(userPicker.value);
});
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
  // The result stays in the browser's outbox until the FHIR server has stored it.
  const delivered = store(event.detail);
  event.detail.waitUntil(delivered);
  delivered.catch((error: Error) => (fhirStatus.textContent = `Not stored yet: ${error.message}. Your answers are kept on this device and sent when the page is next opened.`));
  logEvent(`pp-submit${event.detail.redelivered ? ' (redelivered)' : ''}: ${event.detail.instrument.id} total ${event.detail.scores['total']?.value}`);
});
document.addEventListener('pp-language-change', (event: PpEventMap['pp-language-change']) => {
  questionnaire.lang = event.detail.language;
  history.lang = event.detail.language;
  logEvent(`pp-language-change: ${event.detail.language}`);
});
document.addEventListener('pp-change', (event: PpEventMap['pp-change']) => logEvent(`pp-change: ${event.detail.itemId} = ${event.detail.value}`));
document.addEventListener('pp-error', (event: PpEventMap['pp-error']) => logEvent(`pp-error (${event.detail.code}): ${event.detail.message}`));

declare global {
  interface DocumentEventMap extends PpEventMap {}
}
