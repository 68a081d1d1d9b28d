// The demo kiosk keeps working when the waiting room's network drops, once it has loaded online.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServer } from 'vite';
import { engines, launch, waitForInShadow } from './engines.mjs';

/** Clicks the first button in the kiosk whose text matches. */
async function clickButton(page, text) {
  const handle = await page.waitForFunction(
    (pattern) => {
      const buttons = [];
      const visit = (root) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.localName === 'button') buttons.push(element);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return buttons.find((button) => new RegExp(pattern).test(button.textContent.trim()));
    },
    {},
    text.source,
  );
  await handle.click();
}

for (const engine of engines) {
  test(`${engine}: the kiosk demo starts again without a network after its first load`, async (t) => {
    const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
    await server.listen();
    let serving = true;
    t.after(() => serving && server.close());
    const browser = await launch(engine, { defaultViewport: { width: 800, height: 1280 } });
    t.after(() => browser.close());

    const page = await browser.newPage();
    await page.goto(`${server.resolvedUrls.local[0]}kiosk.html`);
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
    // A second online load goes through the service worker, which keeps every file it fetches.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await waitForInShadow(page, ['pp-kiosk', 'h2[part=title]']);
    await page.waitForFunction(async () => (await caches.match('/instruments/phq-9.json')) !== undefined);
    await clickButton(page, /^Start$/);
    await waitForInShadow(page, ['pp-kiosk', 'pp-language-picker', '[lang="da"] input']);
    // The kiosk fetches every part of the questionnaire in the background as it starts: the network drops only after.
    await page.evaluate(() => customElements.get('pp-questionnaire').preloadParts());

    // The network drops: nothing answers for the kiosk's server any more.
    await server.close();
    serving = false;
    const reached = await page.evaluate(() => fetch(`/kiosk.html?never-cached=${Math.random()}`).then(() => true, () => false));
    assert.equal(reached, false, 'the server still answers');
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('pp-kiosk')?.shadowRoot?.querySelector('h2')?.textContent.includes('Welcome to the pain rehabilitation clinic'),
    );
    await clickButton(page, /^Start$/);
    await (await waitForInShadow(page, ['pp-kiosk', 'pp-language-picker', '[lang="da"] input'])).click();
    await clickButton(page, /^Næste$/);
    await clickButton(page, /^(Jeg accepterer|I agree)$/);
    await waitForInShadow(page, ['pp-kiosk', 'pp-questionnaire', 'fieldset']);
    const form = await waitForInShadow(page, ['pp-kiosk', 'pp-questionnaire']);
    assert.equal(await form.evaluate((element) => element.getAttribute('lang')), 'da');
  });
}
