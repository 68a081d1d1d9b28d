import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import { answerPhq9, deleteAllDatabases, loadPage, ready, submitButton, windowOf } from './helpers.js';

/** Computed styles and sizes of the pieces of the form that the shadow root should protect. */
function layoutOf(el: PpQuestionnaire) {
  const root = el.shadowRoot!;
  const win = el.ownerDocument.defaultView!;
  const style = (selector: string) => win.getComputedStyle(root.querySelector(selector)!);
  const fieldset = root.querySelector('fieldset[data-item="phq9-1"]')!;
  const label = fieldset.querySelector('label')!;
  return {
    fieldsetDisplay: style('fieldset[data-item="phq9-1"]').display,
    labelVisibility: win.getComputedStyle(label).visibility,
    inputDisplay: style('fieldset[data-item="phq9-1"] input').display,
    buttonDisplay: style('button[type=submit]').display,
    buttonBackground: style('button[type=submit]').backgroundColor,
    progressDisplay: style('[part=progress] [role=status]').display,
    letterSpacing: win.getComputedStyle(label).letterSpacing,
    wordSpacing: win.getComputedStyle(label).wordSpacing,
    textTransform: win.getComputedStyle(label).textTransform,
    textIndent: win.getComputedStyle(fieldset.querySelector('legend')!).textIndent,
    textAlign: win.getComputedStyle(label).textAlign,
    direction: win.getComputedStyle(label).direction,
    fieldsetBoxSizing: style('fieldset[data-item="phq9-1"]').boxSizing,
    legendFloat: style('fieldset[data-item="phq9-1"] legend').float,
    formMargin: style('form').marginTop,
  };
}

describe('on a CMS page with hostile global CSS', () => {
  beforeEach(deleteAllDatabases);

  it('renders, and the pieces inside the shadow root look as on a plain page', async () => {
    const plainFrame = await loadPage('/test/integration/pages/plain.html');
    const plain = layoutOf(await ready(() => plainFrame.contentDocument!.querySelector('pp-questionnaire')));
    const hostileFrame = await loadPage('/test/integration/pages/hostile.html');
    const hostile = layoutOf(await ready(() => hostileFrame.contentDocument!.querySelector('pp-questionnaire')));
    expect(hostile).to.deep.equal(plain);
    expect(plain.fieldsetDisplay).to.not.equal('none');
    expect(plain.labelVisibility).to.equal('visible');
  });

  it('keeps its own font and type size inside, whatever the theme sets with `* { font: 9px … !important }`', async () => {
    const plainFrame = await loadPage('/test/integration/pages/plain.html');
    const plainEl = await ready(() => plainFrame.contentDocument!.querySelector('pp-questionnaire'));
    const hostileFrame = await loadPage('/test/integration/pages/hostile.html');
    const hostileEl = await ready(() => hostileFrame.contentDocument!.querySelector('pp-questionnaire'));
    // The theme's rule also sets the root's font size to 9px: text follows the person's own
    // browser text size, never a smaller root (docs/theming.md, "How sizes behave").
    const font = (el: PpQuestionnaire) => {
      const style = el.ownerDocument.defaultView!.getComputedStyle(el.shadowRoot!.querySelector('legend')!);
      return { family: style.fontFamily, size: style.fontSize };
    };
    expect(font(hostileEl)).to.deep.equal(font(plainEl));
    expect(font(plainEl).size).to.equal('18px');
  });

  it('lays out in the direction of its language, not the page body\'s rtl', async () => {
    const frame = await loadPage('/test/integration/pages/hostile.html');
    const el = await ready(() => frame.contentDocument!.querySelector('pp-questionnaire'));
    const style = frame.contentWindow!.getComputedStyle(el.shadowRoot!.querySelector('form')!);
    expect(style.direction).to.equal('ltr');
  });

  it('can be answered with the mouse and submitted', async () => {
    const frame = await loadPage('/test/integration/pages/hostile.html');
    const el = await ready(() => frame.contentDocument!.querySelector('pp-questionnaire'));
    await answerPhq9(el, 2);
    const submit = submitButton(el);
    const box = submit.getBoundingClientRect();
    expect(box.width, 'the submit button has a size').to.be.greaterThan(40);
    // No hit test here: ShadowRoot.elementFromPoint on an iframe's element crashed this Chromium.
    submit.click();
    await waitUntil(() => windowOf(frame).submitted!.length === 1, 'no pp-submit on the hostile page');
    expect((windowOf(frame).submitted![0] as { scores: Record<string, { value: number }> }).scores['total']!.value).to.equal(18);
  });
});
