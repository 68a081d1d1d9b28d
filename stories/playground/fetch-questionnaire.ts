/**
 * Fetches a FHIR Questionnaire from the address an editor types: a Questionnaire's own address
 * (`[base]/Questionnaire/123`) or a search (`[base]/Questionnaire?url=…`), whose first Questionnaire
 * is taken. Every failure is a message saying what went wrong, never a thrown error.
 */
import { isObject } from '../../.storybook/fhir-summary.js';

export type Fetched =
  | {
      readonly ok: true;
      /** The Questionnaire's JSON: as the server sent it, or, from a search, the entry written out. */
      readonly text: string;
      /** What it is called in the editor: where it came from. */
      readonly name: string;
      /** What else there is to know, such as how many a search found. */
      readonly note?: string;
    }
  | { readonly ok: false; readonly message: string };

type JsonObject = Record<string, unknown>;

/** An OperationOutcome's issues as one sentence, or undefined for anything else. */
function outcomeOf(json: unknown): string | undefined {
  if (!isObject(json) || json['resourceType'] !== 'OperationOutcome') return undefined;
  const issues = (Array.isArray(json['issue']) ? json['issue'] : []).filter(isObject);
  const told = issues.map((issue) => {
    const details = isObject(issue['details']) ? issue['details']['text'] : undefined;
    const text = [issue['diagnostics'], details].find((t): t is string => typeof t === 'string') ?? String(issue['code'] ?? 'no details');
    return `${String(issue['severity'] ?? 'error')}: ${text}`;
  });
  return told.length ? told.join('; ') : 'an OperationOutcome without issues';
}

/** Why a request failed before any answer could be read: the server is unreachable, or it answered but does not allow reading (CORS). */
async function unreachable(url: URL): Promise<string> {
  if (location.protocol === 'https:' && url.protocol === 'http:') return `this page is served over https, so the browser does not fetch the http address ${url.host}: use https`;
  // A request that CORS forbids fails as a network error does; an opaque request, which the
  // browser lets through without letting the page read the answer, tells the two apart.
  const answered = await fetch(url, { mode: 'no-cors' }).then(
    () => true,
    () => false,
  );
  return answered
    ? `${url.host} answered, but does not let other sites read its answers (no CORS headers): download the Questionnaire and open the file instead`
    : `could not reach ${url.host}: check the address and the connection`;
}

/** The Questionnaire at a FHIR address, or the first one a search finds. */
export async function fetchQuestionnaire(address: string): Promise<Fetched> {
  const fail = (message: string): Fetched => ({ ok: false, message });
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return fail('not a web address: give the whole address, starting with https://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('the address must start with https:// (or http://)');

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: { Accept: 'application/fhir+json' } });
    text = await response.text();
  } catch {
    return fail(await unreachable(url));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const outcome = outcomeOf(json);
  if (!response.ok) return fail(`${url.host} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${outcome ? ` (${outcome})` : ''}`);
  if (outcome) return fail(`${url.host} answered with an OperationOutcome: ${outcome}`);
  if (json === undefined) return fail(`the answer is not JSON (${response.headers.get('content-type') || 'no content type'}), so not a FHIR resource: check the address`);
  const resourceType = isObject(json) ? json['resourceType'] : undefined;
  if (resourceType === 'Questionnaire') return { ok: true, text, name: url.href };
  if (resourceType !== 'Bundle') return fail(`expected a Questionnaire, or a Bundle from a search; got ${typeof resourceType === 'string' ? `a ${resourceType}` : 'JSON without a resourceType'}`);

  const bundle = json as JsonObject;
  const entries = (Array.isArray(bundle['entry']) ? bundle['entry'] : []).filter(isObject);
  const found = entries.filter((entry) => isObject(entry['resource']) && entry['resource']['resourceType'] === 'Questionnaire');
  const total = typeof bundle['total'] === 'number' ? bundle['total'] : undefined;
  if (found.length === 0) return fail(`the search found no Questionnaire${entries.length ? ` (${entries.length} other ${entries.length === 1 ? 'entry' : 'entries'})` : ''}`);
  const [first] = found;
  const questionnaire = first!['resource'] as JsonObject;
  const named = typeof questionnaire['title'] === 'string' ? `"${questionnaire['title']}"` : typeof questionnaire['id'] === 'string' ? questionnaire['id'] : undefined;
  const count = `${found.length} ${found.length === 1 ? 'Questionnaire' : 'Questionnaires'}${total !== undefined && total > found.length ? ` on this page (${total} in all)` : ''}`;
  return {
    ok: true,
    text: JSON.stringify(questionnaire, null, 2),
    name: typeof first!['fullUrl'] === 'string' ? first!['fullUrl'] : url.href,
    note: found.length === 1 ? `The search found one Questionnaire${named ? `: ${named}` : ''}.` : `The search found ${count}; this is the first${named ? `, ${named}` : ''}.`,
  };
}
