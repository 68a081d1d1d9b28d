/**
 * axe-core with the WCAG 2.2 AA rules (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) over every
 * state a person can meet, left to right (English) and right to left (Arabic).
 */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpLanguagePicker } from '../../components/pp-language-picker/pp-language-picker.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import {
  chooseKioskLanguage,
  clickButton,
  education,
  everyItemType,
  expectAxeClean,
  kiosk,
  LANGUAGES,
  openChartTable,
  pathway,
  questionnaire,
  scoreChart,
  shadow,
  structureItemTypes,
} from './a11y-helpers.js';

const PHQ9 = '/content/instruments/phq-9.json';

for (const lang of LANGUAGES) {
  describe(`WCAG 2.2 AA (axe-core), ${lang === 'ar' ? 'right to left' : 'left to right'}`, () => {
    beforeEach(deleteAllDatabases);

    describe('<pp-questionnaire>', () => {
      it('first question, then the validation error of Next without an answer', async () => {
        const el = await questionnaire(html`<pp-questionnaire src=${PHQ9} lang=${lang}></pp-questionnaire>`);
        await expectAxeClean(el, 'first question');
        shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => shadow(el).querySelector('[part=error]'), 'no validation error shown');
        await expectAxeClean(el, 'validation error');
      });

      it('every item type on one page, unanswered, with every validation error, and answered', async () => {
        const el = await questionnaire(html`<pp-questionnaire .instrument=${await everyItemType(lang)} lang=${lang} layout="list"></pp-questionnaire>`);
        await expectAxeClean(el, 'every item type');
        shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => shadow(el).querySelectorAll('[part=error]').length > 3, 'validation errors not shown');
        await expectAxeClean(el, 'every item type, with errors');
        for (const input of shadow(el).querySelectorAll<HTMLInputElement>('[data-item] input[type=radio]:first-of-type, .region input')) input.click();
        await el.updateComplete;
        await expectAxeClean(el, 'every item type, answered, body map regions selected');
      });

      it('yes/no, dates and times, web addresses, own answers, two repeats and a question under a question, unanswered, with errors, answered', async () => {
        const el = await questionnaire(html`<pp-questionnaire .instrument=${await structureItemTypes(lang)} lang=${lang} layout="list"></pp-questionnaire>`);
        await expectAxeClean(el, 'structure');
        shadow(el).querySelector<HTMLButtonElement>('.add-repeat')!.click();
        await el.updateComplete;
        shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => shadow(el).querySelectorAll('[part=error]').length > 6, 'validation errors not shown');
        await expectAxeClean(el, 'structure, with errors');
        for (const input of shadow(el).querySelectorAll<HTMLInputElement>('[data-item] input[type=radio]:first-of-type')) input.click();
        await el.updateComplete;
        await expectAxeClean(el, 'structure, answered, questions under questions shown');
      });

      it('every item type, one page at a time', async () => {
        const el = await questionnaire(html`<pp-questionnaire .instrument=${await everyItemType(lang)} lang=${lang}></pp-questionnaire>`);
        const onPage = <T extends Element>(selector: string) => [...shadow(el).querySelectorAll<T>(`[data-page-start] ${selector}`)];
        for (let page = 1; !shadow(el).querySelector('[part=done]'); page++) {
          await expectAxeClean(el, `page ${page}`);
          // Answered the quickest way, so that Next moves on: the keyboard test answers by keys.
          for (const item of onPage('[data-item]')) item.querySelector<HTMLInputElement>('input[type=radio], input[type=checkbox]')?.click();
          for (const field of onPage<HTMLInputElement | HTMLTextAreaElement>(':is(input[inputmode], input[type=date], textarea)')) {
            field.value = field.type === 'date' ? '2020-01-01' : field.inputMode === 'numeric' ? '30' : '7';
            field.dispatchEvent(new Event('change'));
          }
          for (const slider of onPage('[role=slider]')) slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
          await el.updateComplete;
          const label = () => shadow(el).querySelector('[data-page-start]')?.getAttribute('aria-label');
          const before = label();
          shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
          await waitUntil(() => shadow(el).querySelector('[part=done]') || label() !== before, `page ${page} did not move on`);
        }
      });

      it('urgent advice when an answer raises a red flag', async () => {
        const el = await questionnaire(html`<pp-questionnaire src="/content/instruments/red-flags-back-pain.json" lang=${lang} layout="list"></pp-questionnaire>`);
        shadow(el).querySelector<HTMLInputElement>('[data-item=rf-saddle] input')!.click();
        await waitUntil(() => shadow(el).querySelector('[part=flag]'), 'no urgent advice shown');
        await expectAxeClean(el, 'red-flag advice');
      });

      it('thank-you after submitting', async () => {
        const el = await questionnaire(html`<pp-questionnaire src="/content/instruments/nrs-11.json" lang=${lang}></pp-questionnaire>`);
        shadow(el).querySelector<HTMLInputElement>('input[type=radio]')!.click();
        shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => shadow(el).querySelector('[part=done]'), 'no thank-you shown');
        await expectAxeClean(el, 'thank-you');
      });

      it('a bring-your-own-text instrument without its text pack, and content that cannot be loaded', async () => {
        const missing = await questionnaire(html`<pp-questionnaire src="/content/instruments/who-5.json" lang=${lang}></pp-questionnaire>`);
        await expectAxeClean(missing, 'missing text pack');
        const unreachable = await questionnaire(html`<pp-questionnaire src="/content/instruments/no-such-file.json" lang=${lang}></pp-questionnaire>`);
        await expectAxeClean(unreachable, 'load error');
      });
    });

    describe('<pp-education>', () => {
      it('every page, a knowledge check answered wrongly and then rightly, and finished', async () => {
        const el = await education(html`<pp-education src="/content/education/flare-up-plan-and-goals.json" lang=${lang}></pp-education>`);
        const root = shadow(el);
        for (let page = 1; ; page++) {
          await expectAxeClean(el, `page ${page}`);
          const check = root.querySelector('.page:not([hidden]) [part=knowledge-check]');
          if (check) {
            check.querySelector<HTMLInputElement>('[data-option] input')!.click();
            await el.updateComplete;
            const verdict = check.querySelector('[part=feedback] [data-verdict]')!.getAttribute('data-verdict');
            await expectAxeClean(el, `page ${page}, knowledge check: ${verdict}`);
            [...check.querySelectorAll<HTMLInputElement>('[data-option] input')].at(-1)!.click();
            await el.updateComplete;
            await expectAxeClean(el, `page ${page}, knowledge check: other answer`);
          }
          const next = root.querySelector<HTMLButtonElement>('[part=navigation] .primary')!;
          if (!root.querySelector('.page:not([hidden]) + .page[hidden]') && root.querySelector('.page:last-child:not([hidden])')) break;
          next.click();
          await el.updateComplete;
        }
        root.querySelector<HTMLButtonElement>('[part=navigation] .primary')!.click();
        await waitUntil(() => root.querySelector('[part=done]')!.textContent!.trim() !== '', 'not finished');
        await expectAxeClean(el, 'finished');
      });
    });

    describe('<pp-pathway>', () => {
      it('you are here, then each step expanded', async () => {
        const el = await pathway(lang);
        await expectAxeClean(el, 'you are here');
        for (const toggle of shadow(el).querySelectorAll<HTMLButtonElement>('[part=toggle]')) {
          if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
          await el.updateComplete;
          await expectAxeClean(el, `step "${toggle.textContent!.trim()}" expanded`);
        }
      });
    });

    describe('<pp-score-chart>', () => {
      it('the chart, then its table view', async () => {
        const el = await scoreChart(lang);
        await expectAxeClean(el, 'chart');
        await openChartTable(el);
        await expectAxeClean(el, 'table view');
      });
    });

    describe('<pp-kiosk>', () => {
      it('the start screen, the language picker, a questionnaire running, and the idle warning', async () => {
        const el = await kiosk(1);
        await expectAxeClean(el, 'start');
        clickButton(shadow(el), 'Start');
        await waitUntil(() => shadow(el).querySelector('pp-language-picker'), 'no language picker');
        const picker = shadow(el).querySelector<PpLanguagePicker>('pp-language-picker')!;
        await picker.updateComplete;
        await expectAxeClean(el, 'language picker');
        await chooseKioskLanguage(el, lang);
        shadow(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click();
        await waitUntil(() => shadow(el).querySelector('pp-questionnaire')?.shadowRoot?.querySelector('form'), 'no questionnaire running');
        await expectAxeClean(el, 'questionnaire running');
        await waitUntil(() => shadow(el).querySelector('dialog[open]'), 'no idle warning');
        await expectAxeClean(el, 'idle warning');
      });
    });

    describe('<pp-language-picker>', () => {
      it('nothing chosen, then a language chosen', async () => {
        const el = await fixture<PpLanguagePicker>(html`<pp-language-picker lang=${lang}></pp-language-picker>`);
        await el.updateComplete;
        await expectAxeClean(el, 'nothing chosen');
        shadow(el).querySelector<HTMLInputElement>(`[lang="${lang}"] input`)!.click();
        await el.updateComplete;
        await expectAxeClean(el, 'chosen');
      });
    });
  });
}
