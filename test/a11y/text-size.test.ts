/**
 * Text size on host pages that change the root font size. Many CMS themes set
 * `html { font-size: 62.5% }` so that 1rem is 10 px, some go lower: text inside the elements
 * stays at least the browser's default size (16 CSS px unless the person changed it), and grows
 * when a page's text-size control raises the root size. Touch targets keep their size too.
 * The browser's own text-size setting and zoom are in browser-text-size.test.ts (Chromium only).
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import { bodyTextSizes, clickButton, fontSizeIn, kiosk, questionnaire, shadow } from './a11y-helpers.js';

/** Runs the test with this root font size on the host page, and puts the page back afterwards. */
function withRootFontSize(size: string): void {
  before(() => document.documentElement.style.setProperty('font-size', size));
  after(() => document.documentElement.style.removeProperty('font-size'));
}

describe('text size whatever the host page does to its root font size', () => {
  beforeEach(deleteAllDatabases);

  let atDefault: Record<string, number>;
  before(async () => {
    atDefault = await bodyTextSizes();
    await deleteAllDatabases();
  });

  it('at the browser defaults, body text is at least 16 CSS px, question text 18', () => {
    for (const [what, size] of Object.entries(atDefault)) expect(size, what).to.be.at.least(16);
    expect(atDefault['question text']).to.equal(18);
  });

  for (const size of ['62.5%', '8px']) {
    describe(`html { font-size: ${size} }`, () => {
      withRootFontSize(size);

      it('keeps every body text at its size at the browser defaults', async () => {
        expect(await bodyTextSizes()).to.deep.equal(atDefault);
      });

      it('keeps answers and buttons at least 48 CSS px tall', async () => {
        const form = await questionnaire(html`<pp-questionnaire src="/content/instruments/phq-9.json"></pp-questionnaire>`);
        const answer = shadow(form).querySelector('[part=answer]')!;
        const next = shadow(form).querySelector('[part=navigation] button')!;
        expect(answer.getBoundingClientRect().height, 'answer').to.be.at.least(48);
        expect(next.getBoundingClientRect().height, 'Next').to.be.at.least(48);
      });
    });
  }

  describe('html { font-size: 125% }, as a page text-size control sets it', () => {
    withRootFontSize('125%');

    it('makes every body text larger', async () => {
      const larger = await bodyTextSizes();
      for (const [what, size] of Object.entries(larger)) expect(size, what).to.be.above(atDefault[what]!);
      expect(larger['question text']).to.equal(22.5);
    });
  });

  describe('a theme rule on the element itself', () => {
    let theme: HTMLStyleElement;
    before(() => {
      theme = document.createElement('style');
      theme.textContent = 'pp-questionnaire, pp-education, pp-pathway, pp-language-picker, pp-kiosk { font-size: 10px !important; }';
      document.head.append(theme);
    });
    after(() => theme.remove());

    it('changes no text size', async () => {
      expect(await bodyTextSizes()).to.deep.equal(atDefault);
    });
  });

  describe('--pp-font-size set by the host', () => {
    it('sets the body text size', async () => {
      const form = await questionnaire(html`<pp-questionnaire style="--pp-font-size: 24px" src="/content/instruments/phq-9.json"></pp-questionnaire>`);
      expect(fontSizeIn(form, '[part=label]')).to.equal(24);
    });

    it('reaches the questionnaire inside a kiosk, whose own default is larger', async () => {
      const tablet = await kiosk();
      expect(fontSizeIn(tablet, '.text p')).to.equal(22);
      clickButton(shadow(tablet), 'Start');
      await waitUntil(() => shadow(tablet).querySelector('pp-language-picker'), 'no language screen');
      const picker = shadow(tablet).querySelector('pp-language-picker')!;
      await waitUntil(() => shadow(picker).querySelector('label'), 'the language picker did not render');
      expect(fontSizeIn(picker, 'label'), 'language name in the kiosk').to.be.above(22);
    });
  });
});
