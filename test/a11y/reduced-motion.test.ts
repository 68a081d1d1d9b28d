/**
 * With prefers-reduced-motion: reduce, nothing in any element moves: no CSS transition or
 * animation lasts longer than nothing, none runs after a change that would otherwise animate
 * (progress, a body-map region, a step opening), and nothing scrolls smoothly.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import {
  allElements,
  describe as describeElement,
  education,
  emulateMediaFeatures,
  everyItemType,
  kiosk,
  painOverVisits,
  pathway,
  questionnaire,
  shadow,
} from './a11y-helpers.js';

const seconds = (list: string) => list.split(',').map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 0.001 : 1));

/** No element or pseudo-element of the component has a transition or animation that takes time, nor smooth scrolling. */
function expectStill(root: Element, state: string): void {
  const moving: string[] = [];
  for (const element of allElements(root)) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const what = `${describeElement(element)}${pseudo ?? ''}`;
      if (Math.max(...seconds(style.transitionDuration)) > 0.01 && style.transitionProperty !== 'none') moving.push(`${what}: transition ${style.transition}`);
      if (style.animationName !== 'none' && Math.max(...seconds(style.animationDuration)) > 0.01) moving.push(`${what}: animation ${style.animation}`);
      if (style.scrollBehavior === 'smooth') moving.push(`${what}: smooth scrolling`);
    }
  }
  expect(moving, `${state}: moves`).to.deep.equal([]);
}

/** No animation or transition is running in the component's shadow trees right now. */
function expectNothingRunning(root: Element, state: string): void {
  const running = [root, ...allElements(root)].flatMap((element) => element.shadowRoot?.getAnimations() ?? []);
  expect(running.map((animation) => `${animation.constructor.name} on ${describeElement((animation.effect as KeyframeEffect).target!)}`), `${state}: running`).to.deep.equal([]);
}

describe('reduced motion', () => {
  before(() => emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]));
  after(() => emulateMediaFeatures([]));
  beforeEach(deleteAllDatabases);

  it('is in effect', () => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
  });

  it('questionnaire: progress moves and body-map regions change colour at once', async () => {
    const el = await questionnaire(html`<pp-questionnaire .instrument=${await everyItemType('en')} lang="en" layout="list"></pp-questionnaire>`);
    expectStill(el, 'every item type');
    shadow(el).querySelector<HTMLInputElement>('[data-item=pain] input')!.click();
    shadow(el).querySelector<HTMLInputElement>('[data-item=where] .region input')!.click();
    await el.updateComplete;
    expectNothingRunning(el, 'after answering');
    expectStill(el, 'after answering');
  });

  it('education: turning pages and answering a knowledge check', async () => {
    const el = await education(html`<pp-education src="/content/education/hurt-and-harm.json" lang="en"></pp-education>`);
    const root = shadow(el);
    expectStill(el, 'first page');
    while (!root.querySelector('.page:not([hidden]) [data-option]')) {
      root.querySelector<HTMLButtonElement>('[part=navigation] .primary')!.click();
      await el.updateComplete;
    }
    root.querySelector<HTMLInputElement>('.page:not([hidden]) [data-option] input')!.click();
    await el.updateComplete;
    expectNothingRunning(el, 'after turning pages and answering');
    expectStill(el, 'knowledge check answered');
  });

  it('pathway: steps open at once, narrow and wide, and a link to a step jumps without smooth scrolling', async () => {
    const el = await pathway('en', 'plan');
    expectStill(el, 'you are here');
    for (const toggle of shadow(el).querySelectorAll<HTMLButtonElement>('[part=toggle]')) toggle.click();
    await el.updateComplete;
    expectNothingRunning(el, 'after opening every step');
    expectStill(el, 'every step open');

    // Far down a long page, so that following the link has to scroll.
    const spacers = [document.createElement('div'), document.createElement('div')];
    for (const spacer of spacers) spacer.style.blockSize = '3000px';
    el.before(spacers[0]!);
    el.after(spacers[1]!);
    try {
      location.hash = '#step-sessions';
      const toggle = shadow(el).querySelector<HTMLElement>('[data-step=sessions] [part=toggle]')!;
      await waitUntil(() => shadow(el).activeElement === toggle, 'the linked step was not focused');
      // A smooth scroll would still be on its way; an instant one is done.
      expect(Math.abs(shadow(el).querySelector('#step-sessions')!.getBoundingClientRect().top), 'the step is at the top of the window').to.be.below(2);
    } finally {
      for (const spacer of spacers) spacer.remove();
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('score chart, kiosk and language picker', async () => {
    const chart = await fixture(html`<pp-score-chart src="/content/instruments/nrs-11.json" lang="en" .series=${painOverVisits}></pp-score-chart>`);
    await waitUntil(() => shadow(chart).querySelector('canvas'), 'no chart drawn');
    shadow(chart).querySelector<HTMLElement>('details > summary')!.click();
    expectStill(chart, 'chart and table');
    const el = await kiosk();
    shadow(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click();
    await waitUntil(() => shadow(el).querySelector('pp-language-picker')?.shadowRoot?.querySelector('input'), 'no language picker');
    expectStill(el, 'kiosk language screen, with the picker');
    expectNothingRunning(el, 'kiosk language screen');
  });
});
