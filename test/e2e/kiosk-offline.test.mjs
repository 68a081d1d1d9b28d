// The demo kiosk keeps working when the waiting room's network drops, once it has loaded online.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

let server;
let browser;

before(async () => {
  server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the kiosk demo starts again without a network after its first load', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  const url = `${server.resolvedUrls.local[0]}kiosk.html`;
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true));
  // A second online load goes through the service worker, which keeps every file it fetches.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.locator('pp-kiosk h2[part=title]').waitFor();
  await page.waitForFunction(async () => (await caches.match('/instruments/phq-9.json')) !== undefined);
  await page.locator('pp-kiosk button', { hasText: 'Start' }).click();
  await page.locator('pp-kiosk pp-language-picker [lang="da"] input').waitFor();

  await context.setOffline(true);
  await page.reload();
  await page.locator('pp-kiosk h2', { hasText: 'Welcome to the pain rehabilitation clinic' }).waitFor({ timeout: 10000 });
  await page.locator('pp-kiosk button', { hasText: 'Start' }).click();
  await page.locator('pp-kiosk pp-language-picker [lang="da"] input').click();
  await page.locator('pp-kiosk button').filter({ hasText: /^(Jeg accepterer|I agree)$/ }).first().click();
  await page.locator('pp-kiosk pp-questionnaire fieldset').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('pp-kiosk pp-questionnaire').getAttribute('lang'), 'da');
  await context.close();
});
