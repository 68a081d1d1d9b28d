/**
 * Printing a module. Print media can be emulated only through the Chrome DevTools Protocol, so
 * web-test-runner.engines.config.js runs this file in Chromium only (docs/engines.md).
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { $, $$, education } from '../helpers/education-fixture.js';

describe('<pp-education> printed', () => {
  it('prints every page, without the controls', async () => {
    const el = await education();
    await emulateMedia({ media: 'print' });
    try {
      expect($$(el, '.page').map((page) => getComputedStyle(page).display)).to.deep.equal(['block', 'block', 'block']);
      expect(getComputedStyle($(el, '[part=navigation]')!).display).to.equal('none');
      expect(getComputedStyle($(el, '[part=read-aloud]')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
