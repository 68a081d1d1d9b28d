import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail } from '../../src/events.js';
import { deleteAllDatabases, loadJson, nextEvent } from '../helpers/fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const buttons = (el: PpQuestionnaire) => [...shadow(el).querySelectorAll('button')].map((b) => b.textContent!.trim());

/** The test instrument with a Danish and an Arabic version of two of its texts. */
async function bilingual(): Promise<Record<string, unknown>> {
  const json = await loadJson('/test/fixtures/every-item-type.json');
  json['languages'] = ['en', 'da', 'ar'];
  json['translations'] = {
    en: { status: 'draft', source: 'test' },
    da: { status: 'draft', source: 'test' },
    ar: { status: 'draft', source: 'test' },
  };
  json['title'] = { en: 'Every item type', da: 'Alle spørgsmålstyper', ar: 'كل أنواع الأسئلة' };
  const items = json['items'] as Record<string, unknown>[];
  items[1]!['text'] = { en: 'How bad is your pain right now?', da: 'Hvor ondt har du lige nu?', ar: 'ما مدى شدة ألمك الآن؟' };
  return json;
}

describe('<pp-questionnaire> in several languages', () => {
  beforeEach(deleteAllDatabases);

  it('switches every text at run time, keeping the answers and the page', async () => {
    const el = await fixture<PpQuestionnaire>(
      html`<pp-questionnaire .instrument=${await bilingual()} layout="paged" lang="en" draft-key="switch"></pp-questionnaire>`,
    );
    await waitUntil(() => shadow(el).querySelector('form'));
    shadow(el).querySelectorAll<HTMLInputElement>('[data-item="pain"] input')[4]!.click();
    shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => shadow(el).querySelector('[data-item="health"]'));
    expect(buttons(el)).to.deep.equal(['Back', 'Next']);

    el.lang = 'da';
    await el.updateComplete;
    expect(buttons(el)).to.deep.equal(['Tilbage', 'Næste']);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Alle spørgsmålstyper');
    expect(shadow(el).querySelector('.vas-value')!.textContent!.trim()).to.equal('Tryk eller klik på linjen for at svare.');
    expect(el.answers).to.deep.equal({ pain: 4 });
    expect(shadow(el).querySelector('[data-item="health"]'), 'still on the second page').to.exist;

    el.lang = 'ar';
    await el.updateComplete;
    expect(shadow(el).querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
    expect(buttons(el)).to.deep.equal(['السابق', 'التالي']);
    const arabic = new Intl.NumberFormat('ar');
    expect(shadow(el).querySelector('[part=progress] [role=status]')!.textContent).to.equal(
      `تمت الإجابة عن ${arabic.format(1)} من ${arabic.format(8)}`,
    );
  });

  it('shows a text missing in the chosen language in the source language, and tells the host', async () => {
    const el = document.createElement('pp-questionnaire');
    const errors: ErrorDetail[] = [];
    el.addEventListener('pp-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
    Object.assign(el, { instrument: await bilingual(), layout: 'list', lang: 'da', draftKey: 'missing' });
    await fixture(html`<div></div>`).then((host) => host.append(el));
    await waitUntil(() => errors.length > 0, 'no missing-translation report');
    expect(errors[0]!.code).to.equal('missing-translation');
    expect(errors[0]!.message).to.match(/texts of every-item-type have no "da" version and are shown in "en"/);
    const legend = shadow(el).querySelector('[data-item="where"] legend')!.textContent!.trim();
    expect(legend, 'never a blank label').to.equal('Where have you had pain in the last week?');
    expect(shadow(el).querySelector('[data-item="pain"] legend')!.textContent!.trim()).to.equal('Hvor ondt har du lige nu?');
  });

  it('shows only the translations the host accepts', async () => {
    const el = document.createElement('pp-questionnaire');
    const reported = nextEvent<ErrorDetail>(el, 'pp-error');
    Object.assign(el, { src: '/content/instruments/phq-9.json', layout: 'list', lang: 'de', draftKey: 'accept' });
    el.setAttribute('accept-translations', 'official');
    await fixture(html`<div></div>`).then((host) => host.append(el));
    const { detail } = await reported;
    expect(detail.message).to.equal('phq-9 has no accepted (official) text in "de"; it is shown in "en".');
    await waitUntil(() => shadow(el).querySelector('legend'));
    expect(shadow(el).querySelector('legend')!.textContent!.trim()).to.equal('Little interest or pleasure in doing things');
    el.removeAttribute('accept-translations');
    await el.updateComplete;
    expect(shadow(el).querySelector('legend')!.textContent!.trim(), 'the German draft once drafts are accepted').to.not.equal(
      'Little interest or pleasure in doing things',
    );
  });

  it('tells the host when the instrument lacks the language asked for', async () => {
    const el = document.createElement('pp-questionnaire');
    const reported = nextEvent<ErrorDetail>(el, 'pp-error');
    Object.assign(el, { src: '/content/instruments/phq-9.json', layout: 'list', lang: 'pl', draftKey: 'lacks' });
    await fixture(html`<div></div>`).then((host) => host.append(el));
    const { detail } = await reported;
    expect(detail).to.deep.include({ code: 'missing-translation', message: 'phq-9 has no text in "pl"; it is shown in "en".' });
    await el.updateComplete;
    expect(shadow(el).querySelector('button[type=submit]')!.textContent!.trim(), 'one language on screen').to.equal('Submit answers');
  });
});
