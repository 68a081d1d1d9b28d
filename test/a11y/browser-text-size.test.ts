/**
 * Resize text (WCAG 1.4.4): text grows when the person raises the browser's font size, also on
 * a host page that set a small root font size, and when they zoom. Both are browser settings,
 * reached here through the DevTools protocol, so this file runs in Chromium only.
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import { bodyTextSizes, fontSizeIn, questionnaire } from './a11y-helpers.js';

const setDefaultFontSize = (size: number) => executeServerCommand('set-default-font-size', { size });

describe("the browser's text size and zoom", () => {
  beforeEach(deleteAllDatabases);
  afterEach(async () => {
    await setDefaultFontSize(16);
    await executeServerCommand('emulate-zoom', { factor: 1 });
    document.documentElement.style.removeProperty('font-size');
  });

  it('a larger default font size in the browser makes every body text larger', async () => {
    const atDefault = await bodyTextSizes();
    await setDefaultFontSize(24);
    const probe = document.createElement('div');
    probe.style.fontSize = 'medium';
    document.body.append(probe);
    expect(getComputedStyle(probe).fontSize, 'the setting took effect').to.equal('24px');
    probe.remove();
    const larger = await bodyTextSizes();
    for (const [what, size] of Object.entries(larger)) expect(size, what).to.be.closeTo(atDefault[what]! * 1.5, 0.01);
    expect(larger['question text']).to.equal(27);
  });

  it('it does so on a page with html { font-size: 62.5% } too', async () => {
    await setDefaultFontSize(24);
    document.documentElement.style.setProperty('font-size', '62.5%');
    const form = await questionnaire(html`<pp-questionnaire src="/content/instruments/phq-9.json"></pp-questionnaire>`);
    expect(fontSizeIn(form, '[part=label]')).to.equal(27);
  });

  it('at 200 % zoom the text keeps its CSS size on a viewport half as wide, so it shows twice as large', async () => {
    const form = await questionnaire(html`<pp-questionnaire src="/content/instruments/phq-9.json"></pp-questionnaire>`);
    const before = fontSizeIn(form, '[part=label]');
    await executeServerCommand('emulate-zoom', { width: 1280, height: 800, factor: 2 });
    expect(window.devicePixelRatio).to.equal(2);
    expect(window.innerWidth).to.equal(640);
    expect(fontSizeIn(form, '[part=label]') * window.devicePixelRatio).to.equal(before * 2);
  });
});
