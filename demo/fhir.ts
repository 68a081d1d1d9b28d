import '../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail, QuestionnaireResult } from '../src/events.js';

const forms = import.meta.glob<unknown>(['../test/fixtures/fhir-corpus/*.json', '!**/sources.json'], { import: 'default' });
const nameOf = (path: string) => path.split('/').pop()!;

const picker = document.querySelector<HTMLSelectElement>('#form')!;
// Placed once it has its first form: an element on the page without one would report that it has none.
const element = Object.assign(document.createElement('pp-questionnaire'), { layout: 'list', storage: 'memory' }) as PpQuestionnaire;
const log = document.querySelector<HTMLElement>('#log')!;

const write = (line: string) => log.append(`${line}\n`);

for (const path of Object.keys(forms)) picker.append(new Option(nameOf(path), path));

async function show(path: string): Promise<void> {
  log.textContent = '';
  element.instrument = await forms[path]!();
  if (!element.isConnected) picker.closest('label')!.after(element);
  const url = new URL(location.href);
  url.searchParams.set('form', nameOf(path));
  history.replaceState(null, '', url);
}

element.addEventListener('pp-error', (event) => {
  const { code, message } = (event as CustomEvent<ErrorDetail>).detail;
  write(`pp-error ${code}: ${message}`);
});
element.addEventListener('pp-submit', (event) => {
  write(`pp-submit: ${JSON.stringify((event as CustomEvent<QuestionnaireResult>).detail.questionnaireResponse, null, 2)}`);
});
picker.addEventListener('change', () => void show(picker.value));

const paths = Object.keys(forms);
const asked = new URLSearchParams(location.search).get('form') ?? 'android-fhir--questionnaire-mypain-questionnaire.json';
picker.value = paths.find((path) => nameOf(path) === asked) ?? paths[0]!;
void show(picker.value);
