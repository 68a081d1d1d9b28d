import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-education/pp-education.js';
import '../../components/pp-kiosk/pp-kiosk.js';
import '../../components/pp-language-picker/pp-language-picker.js';
import '../../components/pp-pathway/pp-pathway.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import '../../components/pp-score-chart/pp-score-chart.js';
import type { ErrorDetail } from '../../src/events.js';
import { deleteAllDatabases, loadJson, PHQ9_URL } from '../helpers/fixtures.js';

/** Each element that loads content, the property that takes it, and a valid file for it. */
const ELEMENTS = [
  { tag: 'pp-questionnaire', property: 'instrument', url: PHQ9_URL },
  { tag: 'pp-score-chart', property: 'instrument', url: PHQ9_URL },
  { tag: 'pp-education', property: 'module', url: '/content/education/pain-is-a-protector.json' },
  { tag: 'pp-pathway', property: 'pathway', url: '/content/pathways/specialist-physiotherapy.json' },
  { tag: 'pp-kiosk', property: 'sequence', url: '/test/fixtures/kiosk-sequence.json' },
] as const;

/** The file with `tag` as its source language in place of the first one (texts stay as they are). */
async function withSourceLanguage(url: string, tag: string): Promise<Record<string, unknown>> {
  const json = await loadJson(url);
  const [first, ...others] = json['languages'] as string[];
  json['languages'] = [tag, ...others];
  if (json['translations']) {
    json['translations'] = Object.fromEntries(Object.entries(json['translations']).map(([lang, status]) => [lang === first ? tag : lang, status]));
  }
  return json;
}

/** Promise rejections nobody handled while the test ran. */
const unhandled: unknown[] = [];
const recordUnhandled = (event: PromiseRejectionEvent) => {
  unhandled.push(event.reason);
  event.preventDefault();
};

/** Lets pending renders and their promises settle, so that a rejection among them would be seen. */
const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))));

/** The element on the page with `setUp` applied before it connects, and the pp-errors it emits. */
function place<T extends HTMLElement>(tag: string, setUp: (el: T) => void): { el: T; errors: ErrorDetail[] } {
  const el = document.createElement(tag) as T;
  const errors: ErrorDetail[] = [];
  el.addEventListener('pp-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
  setUp(el);
  document.body.append(el);
  return { el, errors };
}

describe('errors while an element loads its content', () => {
  beforeEach(async () => {
    await deleteAllDatabases();
    unhandled.length = 0;
    window.addEventListener('unhandledrejection', recordUnhandled);
  });
  afterEach(() => {
    window.removeEventListener('unhandledrejection', recordUnhandled);
    document.body.replaceChildren();
  });

  for (const { tag, property, url } of ELEMENTS) {
    for (const [language, message] of [
      ['hasOwnProperty', '"hasOwnProperty" is not a BCP 47 language tag'],
      ['valueOf', 'write the language tag "valueOf" as "valueof"'],
    ] as const) {
      it(`reaches the host from <${tag}> as a pp-error naming languages[0] when the language is "${language}", and nothing rejects unhandled`, async () => {
        const json = await withSourceLanguage(url, language);
        const { errors } = place<HTMLElement & Record<string, unknown>>(tag, (el) => (el[property] = json));
        await waitUntil(() => errors.some((e) => e.code === 'content-invalid'), `${tag} emitted no content-invalid pp-error`);
        await settle();
        const error = errors.find((e) => e.code === 'content-invalid')!;
        expect(error.problems).to.deep.include({ path: 'languages[0]', message });
        expect(unhandled, 'unhandled rejections').to.deep.equal([]);
      });
    }
  }

  for (const { tag, property, url } of ELEMENTS) {
    it(`reaches the host from <${tag}> as a pp-error when reading its content throws an error no check foresaw`, async () => {
      const json = await loadJson(url);
      Object.defineProperty(json, 'languages', { get: () => { throw new RangeError('a getter in the way'); } });
      const { errors } = place<HTMLElement & Record<string, unknown>>(tag, (el) => (el[property] = json));
      await waitUntil(() => errors.length > 0, `${tag} emitted no pp-error`);
      await settle();
      expect(errors[0]!.message).to.contain('a getter in the way');
      expect(errors[0]!.cause).to.be.instanceOf(RangeError);
      expect(unhandled, 'unhandled rejections').to.deep.equal([]);
    });
  }

  it('leaves out of <pp-language-picker> what is not a language tag and tells the host, while offering the others', async () => {
    const { el, errors } = place('pp-language-picker', (picker) => picker.setAttribute('languages', 'da hasOwnProperty en'));
    await waitUntil(() => el.shadowRoot?.querySelector('[part=option]'), 'the picker offers nothing');
    await settle();
    const offered = [...el.shadowRoot!.querySelectorAll('[part=option]')].map((option) => option.getAttribute('lang'));
    expect(offered).to.deep.equal(['da', 'en']);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'content-invalid' });
    expect(errors[0]!.message).to.contain('"hasOwnProperty"');
    expect(unhandled, 'unhandled rejections').to.deep.equal([]);
  });
});
