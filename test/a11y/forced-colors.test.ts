/**
 * Forced colours (Windows high contrast and the like), emulated through the DevTools protocol:
 * chosen answers, focus rings, progress, the slider and the body map stay distinguishable when
 * the browser replaces every author colour with the system's few.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpLanguagePicker } from '../../components/pp-language-picker/pp-language-picker.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import {
  education,
  emulateMediaFeatures,
  everyItemType,
  expectVisibleFocus,
  LANGUAGES,
  pathway,
  press,
  questionnaire,
  shadow,
} from './a11y-helpers.js';

/** The colour a system colour keyword resolves to in the emulated theme. */
function systemColour(keyword: string): string {
  const probe = document.createElement('span');
  probe.style.cssText = `forced-color-adjust: none; color: ${keyword}`;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** A chosen box shows the system's selection colours; an unchosen one does not. */
function expectChosen(box: Element, chosen: boolean, what: string): void {
  const style = getComputedStyle(box);
  const selection = [systemColour('Highlight'), systemColour('HighlightText')];
  if (chosen) expect([style.backgroundColor, style.color], `${what}: chosen, in selection colours`).to.deep.equal(selection);
  else expect(style.backgroundColor, `${what}: not chosen, not in the selection colour`).not.to.equal(selection[0]);
}

/** The box draws a solid ring of at least 2 px, in a colour that stands out from the box and the page. */
function expectRing(box: Element, what: string): void {
  const style = getComputedStyle(box);
  expect(style.outlineStyle, `${what}: outline style`).to.equal('solid');
  expect(parseFloat(style.outlineWidth), `${what}: outline width`).to.be.at.least(2);
  expect(style.outlineColor, `${what}: outline colour`).to.not.be.oneOf([style.backgroundColor, systemColour('Canvas'), 'rgba(0, 0, 0, 0)']);
}

describe('forced colours', () => {
  before(() => emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]));
  after(() => emulateMediaFeatures([]));
  beforeEach(deleteAllDatabases);

  it('is in effect: author colours give way to system colours', async () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await questionnaire(html`<pp-questionnaire src="/content/instruments/nrs-11.json" lang="en"></pp-questionnaire>`);
    const next = shadow(el).querySelector('button.primary')!;
    expect(getComputedStyle(next).backgroundColor, 'the accent colour of the primary button').not.to.equal('rgb(11, 87, 164)');
  });

  for (const lang of LANGUAGES) {
    it(`questionnaire (${lang}): chosen numbers and answers, focus on a chosen answer, progress, slider and body map`, async () => {
      const wrapper = await fixture(html`<div><button>Before</button><pp-questionnaire .instrument=${await everyItemType(lang)} lang=${lang} layout="list"></pp-questionnaire></div>`);
      const el = wrapper.querySelector('pp-questionnaire')!;
      await waitUntil(() => shadow(el).querySelector('form'), 'the form did not render');
      wrapper.querySelector('button')!.focus();
      const root = shadow(el);
      const nrsBoxes = () => [...root.querySelectorAll('[data-item=pain] .nrs-option')];

      await press('Tab');
      await press('ArrowDown');
      expectVisibleFocus('on the chosen number', el);
      expectChosen(nrsBoxes()[1]!, true, 'number 1');
      expectChosen(nrsBoxes()[2]!, false, 'number 2');
      expectRing(nrsBoxes()[1]!, 'focus ring on the chosen number');

      await press('Tab');
      expectVisibleFocus('on the slider', el);
      expect(getComputedStyle(nrsBoxes()[1]!).outlineStyle, 'the chosen number without focus has no ring').to.equal('none');
      expectChosen(nrsBoxes()[1]!, true, 'number 1 after focus left');
      expectRing(root.querySelector('[role=slider]')!, 'focus ring on the slider');
      await press('End');
      await el.updateComplete;
      expect(getComputedStyle(root.querySelector('.vas-thumb')!).backgroundColor, 'slider thumb').to.equal(systemColour('CanvasText'));

      const [region, otherRegion] = root.querySelectorAll<HTMLInputElement>('[data-item=where] .region input');
      region!.click();
      const helped = root.querySelector<HTMLInputElement>('[data-item=helped] input')!;
      helped.click();
      await el.updateComplete;
      expectChosen(region!.closest('label')!, true, 'a body-map region in the list');
      expectChosen(otherRegion!.closest('label')!, false, 'another region in the list');
      expectChosen(helped.closest('label')!, true, 'a ticked checkbox answer');
      expect(getComputedStyle(helped).getPropertyValue('forced-color-adjust'), 'the checkbox keeps its system drawing').to.equal('auto');
      const [selected, unselected] = [root.querySelector('.region.selected')!, root.querySelector('.region:not(.selected)')!];
      expect(getComputedStyle(selected).fill, 'a chosen region on the drawing').not.to.equal(getComputedStyle(unselected).fill);

      const bar = root.querySelector('.bar')!;
      const fill = root.querySelector('.bar-fill')!;
      expect(getComputedStyle(fill).backgroundColor, 'progress fill').to.equal(systemColour('Highlight'));
      expect(getComputedStyle(bar).backgroundColor, 'progress track').not.to.equal(systemColour('Highlight'));
      expect(fill.getBoundingClientRect().width, 'progress fill width').to.be.greaterThan(0);
    });

    it(`education, language picker and pathway (${lang}): chosen option, chosen language, you-are-here`, async () => {
      const module = await education(html`<pp-education src="/content/education/hurt-and-harm.json" lang=${lang}></pp-education>`);
      const root = shadow(module);
      while (!root.querySelector('.page:not([hidden]) [data-option]')) {
        root.querySelector<HTMLButtonElement>('[part=navigation] .primary')!.click();
        await module.updateComplete;
      }
      const [chosen, other] = root.querySelectorAll<HTMLInputElement>('.page:not([hidden]) [data-option] input');
      chosen!.click();
      await module.updateComplete;
      expectChosen(chosen!.closest('label')!, true, 'chosen knowledge-check option');
      expectChosen(other!.closest('label')!, false, 'other knowledge-check option');

      const picker = await fixture<PpLanguagePicker>(html`<pp-language-picker lang=${lang} value="da"></pp-language-picker>`);
      await picker.updateComplete;
      expectChosen(shadow(picker).querySelector('[lang=da]')!, true, 'chosen language');
      expectChosen(shadow(picker).querySelector('[lang=sv]')!, false, 'other language');

      const el = await pathway(lang, 'plan');
      const marker = shadow(el).querySelector('[data-step=plan] [part=marker]')!;
      const otherMarker = shadow(el).querySelector('[data-step=sessions] [part=marker]')!;
      expect(getComputedStyle(marker).outlineStyle, 'you-are-here marker ring').to.equal('solid');
      expect(getComputedStyle(marker).outlineColor, 'you-are-here marker ring colour').to.equal(systemColour('Highlight'));
      expect(getComputedStyle(otherMarker).outlineStyle, 'a later step has no ring').to.equal('none');
    });
  }
});
