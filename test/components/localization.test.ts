import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail, QuestionnaireResult } from '../../src/events.js';
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
    expect(detail).to.deep.include({
      code: 'translation-refused',
      message: 'phq-9 in "de" is a draft translation, not accepted (official); it is shown in "en".',
      fallback: { requested: 'de', shown: 'en', status: 'draft' },
    });
    await waitUntil(() => shadow(el).querySelector('legend'));
    expect(shadow(el).querySelector('legend')!.textContent!.trim()).to.equal('Little interest or pleasure in doing things');
    el.setAttribute('accept-translations', 'official verified draft');
    await el.updateComplete;
    expect(shadow(el).querySelector('legend')!.textContent!.trim(), 'the German draft once drafts are accepted').to.equal(
      'Wenig Interesse oder Freude an Ihren Tätigkeiten',
    );
  });

  describe('the default translation rule', () => {
    /** A questionnaire for `src` in `lang` with the host's `accept`, and every pp-error it emits. */
    async function questionnaire(src: string, lang: string, accept?: string) {
      const el = document.createElement('pp-questionnaire');
      const errors: ErrorDetail[] = [];
      el.addEventListener('pp-error', (e) => errors.push((e as CustomEvent<ErrorDetail>).detail));
      Object.assign(el, { src, layout: 'list', lang, draftKey: `rule-${Math.random()}` });
      if (accept) el.setAttribute('accept-translations', accept);
      await fixture(html`<div></div>`).then((host) => host.append(el));
      await waitUntil(() => shadow(el).querySelector('form'), `${src} did not render`);
      await el.updateComplete;
      return { el, errors };
    }
    const firstLegend = (el: PpQuestionnaire) => shadow(el).querySelector('legend')!.textContent!.trim();

    it('shows a validated instrument in its source language instead of a draft translation, and tells the host which and why', async () => {
      const { el, errors } = await questionnaire('/content/instruments/phq-9.json', 'ar');
      expect(firstLegend(el)).to.equal('Little interest or pleasure in doing things');
      expect(shadow(el).querySelector('.root')!.getAttribute('dir'), 'the page of the language shown').to.equal('ltr');
      // The report's part loads only when a language is refused: the host hears of it just after the form shows.
      await waitUntil(() => errors.length > 0, 'the host was not told which language is shown');
      expect(errors).to.deep.equal([
        {
          code: 'translation-refused',
          message: 'phq-9 in "ar" is a draft translation, not accepted (by default a validated instrument needs official or verified); it is shown in "en".',
          fallback: { requested: 'ar', shown: 'en', status: 'draft' },
        },
      ]);
    });

    it('shows the draft when the host opts in, and says so in the result', async () => {
      const { el, errors } = await questionnaire('/content/instruments/phq-9.json', 'ar', 'official verified draft');
      expect(errors).to.deep.equal([]);
      expect(firstLegend(el)).to.equal('قلة الاهتمام أو قلة الاستمتاع بالقيام بأي عمل');
      expect(shadow(el).querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
      for (let i = 1; i <= 9; i += 1) shadow(el).querySelector<HTMLInputElement>(`[data-item="phq9-${i}"] input`)!.click();
      await el.updateComplete;
      const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
      [...shadow(el).querySelectorAll('button')].at(-1)!.click();
      expect((await submitted).detail.instrument).to.deep.equal({ id: 'phq-9', version: '1.0.0', language: 'ar', translationStatus: 'draft' });
    });

    it('shows own wording in its draft translations without asking', async () => {
      const { el, errors } = await questionnaire('/content/instruments/nrs-11.json', 'ar');
      expect(errors).to.deep.equal([]);
      expect(shadow(el).querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
      expect(firstLegend(el)).to.not.match(/[a-z]/i);
    });
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
