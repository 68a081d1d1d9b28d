/**
 * Reflow (WCAG 1.4.10): at 320 CSS px wide, which is a 1280 px screen at 400 % zoom or a 640 px
 * one at 200 %, no state of any element scrolls sideways or sticks out of the page. Data tables
 * may scroll inside their own box, which the criterion allows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { CartesianScaleOptions, FontSpec } from 'chart.js';
import { toFont } from 'chart.js/helpers';
import { setViewport } from '@web/test-runner-commands';
import type { PpLanguagePicker } from '../../components/pp-language-picker/pp-language-picker.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import {
  chooseKioskLanguage,
  clickButton,
  education,
  everyItemType,
  expectAxeClean,
  expectNoHorizontalOverflow,
  kiosk,
  LANGUAGES,
  openChartTable,
  pathwayAllOpen,
  questionnaire,
  scoreChart,
  shadow,
  structureItemTypes,
} from './a11y-helpers.js';

/** The band names drawn beside the plot fit on the canvas whole: none is cut off at its edge. */
async function expectBandNamesInside(canvas: HTMLCanvasElement, lang: string): Promise<void> {
  const { Chart } = await import('chart.js');
  await waitUntil(() => Chart.getChart(canvas), 'the chart was not drawn');
  const chart = Chart.getChart(canvas)!;
  const bands = chart.scales['bands']!;
  const { ticks, grid } = bands.options as CartesianScaleOptions;
  const offset = (grid.drawTicks ? (grid.tickLength ?? 0) : 0) + (ticks.padding ?? 0);
  chart.ctx.save();
  chart.ctx.font = toFont(ticks.font as Partial<FontSpec>).string;
  const names = bands.ticks.flatMap((tick) => tick.label ?? []) as string[];
  const widest = Math.max(...names.map((name) => chart.ctx.measureText(name).width));
  chart.ctx.restore();
  expect(names.length, 'band names drawn').to.be.greaterThan(0);
  if (lang === 'ar') expect(bands.right - offset - widest, 'the band names start inside the canvas').to.be.at.least(-0.5);
  else expect(bands.left + offset + widest, 'the band names end inside the canvas').to.be.at.most(chart.width + 0.5);
}

describe('reflow at 320 CSS px', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(deleteAllDatabases);

  for (const lang of LANGUAGES) {
    describe(lang === 'ar' ? 'right to left' : 'left to right', () => {
      it('questionnaire: every item type with its problems shown, a paged question, red-flag advice, thanks, a load error', async () => {
        const list = await questionnaire(html`<pp-questionnaire .instrument=${await everyItemType(lang)} lang=${lang} layout="list"></pp-questionnaire>`);
        expectNoHorizontalOverflow(list, 'every item type');
        shadow(list).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => shadow(list).querySelectorAll('[part=error]').length > 3, 'problems not shown');
        expectNoHorizontalOverflow(list, 'every item type with problems');

        const structure = await questionnaire(html`<pp-questionnaire .instrument=${await structureItemTypes(lang)} lang=${lang} layout="list"></pp-questionnaire>`);
        shadow(structure).querySelector<HTMLButtonElement>('.add-repeat')!.click();
        await structure.updateComplete;
        for (const input of shadow(structure).querySelectorAll<HTMLInputElement>('[data-item] input[type=radio]:first-of-type')) input.click();
        shadow(structure).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => shadow(structure).querySelectorAll('[part=error]').length > 3, 'problems not shown');
        expectNoHorizontalOverflow(structure, 'repeats, questions under questions and own answers, with problems');

        const paged = await questionnaire(html`<pp-questionnaire src="/content/instruments/phq-9.json" lang=${lang}></pp-questionnaire>`);
        expectNoHorizontalOverflow(paged, 'PHQ-9, first question');

        const flags = await questionnaire(html`<pp-questionnaire src="/content/instruments/red-flags-back-pain.json" lang=${lang} layout="list"></pp-questionnaire>`);
        shadow(flags).querySelector<HTMLInputElement>('[data-item=rf-saddle] input')!.click();
        await waitUntil(() => shadow(flags).querySelector('[part=flag]'), 'no advice shown');
        expectNoHorizontalOverflow(flags, 'red-flag advice');

        const nrs = await questionnaire(html`<pp-questionnaire src="/content/instruments/nrs-11.json" lang=${lang}></pp-questionnaire>`);
        shadow(nrs).querySelector<HTMLInputElement>('input[type=radio]')!.click();
        shadow(nrs).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => shadow(nrs).querySelector('[part=done]'), 'no thanks shown');
        expectNoHorizontalOverflow(nrs, 'thanks');

        const failed = await questionnaire(html`<pp-questionnaire src="/content/instruments/a-file-name-long-enough-to-need-wrapping-at-320-px.json" lang=${lang}></pp-questionnaire>`);
        expectNoHorizontalOverflow(failed, 'load error');
      });

      it('education: every page, with a knowledge check answered', async () => {
        const el = await education(html`<pp-education src="/content/education/sleep-stress-mood.json" lang=${lang}></pp-education>`);
        const root = shadow(el);
        for (let page = 1; ; page++) {
          root.querySelector<HTMLInputElement>('.page:not([hidden]) [data-option] input')?.click();
          await el.updateComplete;
          expectNoHorizontalOverflow(el, `page ${page}`);
          if (!root.querySelector('.page:not([hidden]) ~ .page')) break;
          root.querySelector<HTMLButtonElement>('[part=navigation] .primary')!.click();
          await el.updateComplete;
        }
      });

      it('pathway: every step open', async () => {
        const el = await pathwayAllOpen(lang);
        expectNoHorizontalOverflow(el, 'every step open');
      });

      it('score chart: the chart and its table', async () => {
        const el = await scoreChart(lang);
        await openChartTable(el);
        expectNoHorizontalOverflow(el, 'chart and table');
        await expectBandNamesInside(shadow(el).querySelector('canvas')!, lang);
        // The table may scroll in its own box: then that box must be reachable by keyboard.
        await expectAxeClean(el, 'chart and table at 320 px');
      });

      it('kiosk: start, language, consent, a questionnaire running, the idle warning; language picker', async () => {
        const el = await kiosk(1);
        expectNoHorizontalOverflow(el, 'start');
        clickButton(shadow(el), 'Start');
        await waitUntil(() => shadow(el).querySelector('pp-language-picker'), 'no language picker');
        const picker = shadow(el).querySelector<PpLanguagePicker>('pp-language-picker')!;
        await picker.updateComplete;
        expectNoHorizontalOverflow(el, 'language');
        await chooseKioskLanguage(el, lang);
        expectNoHorizontalOverflow(el, 'consent');
        shadow(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click();
        await waitUntil(() => shadow(el).querySelector('pp-questionnaire')?.shadowRoot?.querySelector('form'), 'no questionnaire running');
        expectNoHorizontalOverflow(el, 'questionnaire running');
        await waitUntil(() => shadow(el).querySelector('dialog[open]'), 'no idle warning');
        expectNoHorizontalOverflow(el, 'idle warning');

        const alone = await fixture<PpLanguagePicker>(html`<pp-language-picker lang=${lang} value=${lang}></pp-language-picker>`);
        await alone.updateComplete;
        expectNoHorizontalOverflow(alone, 'language picker');
      });
    });
  }
});
