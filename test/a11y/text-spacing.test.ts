/**
 * WCAG 1.4.12 Text Spacing: with the criterion's spacing (line height 1.5 × the font size,
 * paragraphs 2 ×, letters 0.12 ×, words 0.16 ×) applied inside every shadow tree, as a person's
 * style sheet or extension would have to, nothing is cut off and nothing overflows, left to right
 * and right to left.
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import {
  allElements,
  chooseKioskLanguage,
  clickButton,
  describe as describeElement,
  education,
  everyItemType,
  expectNoHorizontalOverflow,
  kiosk,
  LANGUAGES,
  openChartTable,
  pathwayAllOpen,
  questionnaire,
  scoreChart,
  shadow,
} from './a11y-helpers.js';

const WCAG_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

/** The criterion's spacing in the element's shadow tree and every one inside it. */
function applySpacing(root: Element): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(WCAG_SPACING);
  for (const element of [root, ...allElements(root)]) {
    if (element.shadowRoot && !element.shadowRoot.adoptedStyleSheets.includes(sheet)) element.shadowRoot.adoptedStyleSheets = [...element.shadowRoot.adoptedStyleSheets, sheet];
  }
}

/** No box that hides its overflow has text cut off (visually hidden text aside, which is meant to be). */
function expectNothingCut(root: Element, state: string): void {
  const cut = [...allElements(root)].filter((element) => {
    const style = getComputedStyle(element);
    const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
    if (!hides(style.overflowX) && !hides(style.overflowY)) return false;
    if (element.clientWidth <= 1 || !element.textContent?.trim()) return false;
    return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
  });
  expect(cut.map(describeElement), `${state}: text cut off`).to.deep.equal([]);
}

async function expectSpacingKept(root: Element, state: string): Promise<void> {
  applySpacing(root);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const texts = [...allElements(root)].filter((element) => element.matches('p, legend, label, h2, h3, button'));
  expect(texts.length, `${state}: no text found`).to.be.above(0);
  for (const text of texts) expect(parseFloat(getComputedStyle(text).letterSpacing), `${state}: the spacing did not reach ${describeElement(text)}`).to.be.above(0);
  expectNothingCut(root, state);
  expectNoHorizontalOverflow(root, state);
}

for (const lang of LANGUAGES) {
  describe(`text spacing of WCAG 1.4.12 (${lang})`, () => {
    beforeEach(deleteAllDatabases);

    it('questionnaire: every item type, then with every problem shown', async () => {
      const el = await questionnaire(html`<pp-questionnaire .instrument=${await everyItemType(lang)} lang=${lang} layout="list" storage="memory"></pp-questionnaire>`);
      await expectSpacingKept(el, 'every item type');
      shadow(el).querySelector<HTMLButtonElement>('[part=navigation] .primary, button[type=submit]')!.click();
      await waitUntil(() => shadow(el).querySelector('[part=error]'), 'no problem shown');
      await expectSpacingKept(el, 'every problem shown');
    });

    it('education module, pathway and score chart', async () => {
      const module = await education(html`<pp-education src="/content/education/hurt-and-harm.json" lang=${lang}></pp-education>`);
      await expectSpacingKept(module, 'education');
      const steps = await pathwayAllOpen(lang);
      await expectSpacingKept(steps, 'pathway, every step open');
      const chart = await scoreChart(lang);
      await openChartTable(chart);
      await expectSpacingKept(chart, 'score chart with its table');
    });

    it('kiosk: start, language and consent', async () => {
      const el = await kiosk();
      await expectSpacingKept(el, 'start');
      clickButton(shadow(el), 'Start');
      await waitUntil(() => shadow(el).querySelector('pp-language-picker')?.shadowRoot?.querySelector('input'), 'no language picker');
      await expectSpacingKept(el, 'language');
      await chooseKioskLanguage(el, lang);
      await expectSpacingKept(el, 'consent');
    });
  });
}
