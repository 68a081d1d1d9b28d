// The built bundles a page without a bundler loads (npm run build first): minified code, minified
// styles and the parts loaded on demand work in a real browser, not only the sources the other
// tests run.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { serveStatic } from '../../scripts/static-server.mjs';
import { launch, waitForInShadow } from '../e2e/engines.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const pages = mkdtempSync(join(tmpdir(), 'painpath-pages-'));
let server;
let browser;
let base;

before(async () => {
  server = await serveStatic({ '/dist/': join(ROOT, 'dist/standalone'), '/content/': join(ROOT, 'content'), '/pages/': pages });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch('chromium');
});
after(async () => {
  await browser?.close();
  server?.close();
  rmSync(pages, { recursive: true, force: true });
});

/**
 * Opens a page with the given body and module scripts. Collects uncaught errors and every
 * pp-error, neither of which a page should have.
 */
async function open(name, body, scripts) {
  const html = `<!doctype html><html lang="en"><body>${body}${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('')}
    <script>window.ppErrors = []; addEventListener('pp-error', (event) => ppErrors.push(event.detail.message));</script></body></html>`;
  writeFileSync(join(pages, `${name}.html`), html);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/pages/${name}.html`);
  return { page, errors: async () => [...errors, ...(await page.evaluate(() => window.ppErrors))] };
}

test('one file per element: a questionnaire loads the parts its instrument needs and styles them', async () => {
  const { page, errors } = await open(
    'single',
    '<pp-questionnaire id="nrs" src="/content/instruments/nrs-11.json"></pp-questionnaire>' +
      '<pp-questionnaire id="acr" src="/content/instruments/acr-2016.json" layout="list" lang="da"></pp-questionnaire>',
    ['/dist/pp-questionnaire.js'],
  );
  const option = await waitForInShadow(page, ['#nrs', '.nrs-option']);
  // The NRS's styles come with its part: a grid of numbers, not the browser's default inline labels.
  assert.equal(await option.evaluate((label) => getComputedStyle(label.parentElement).display), 'grid');
  const region = await waitForInShadow(page, ['#acr', '.region-group legend']);
  assert.equal(await region.evaluate((legend) => legend.textContent.trim().length > 0), true);
  assert.equal(await page.evaluate(() => document.querySelector('#acr').shadowRoot.querySelector('button[type=submit]').textContent.trim()), 'Send svar');
  assert.deepEqual(await errors(), []);
});

test('shared chunks: two elements on one page from dist/standalone/shared/', async () => {
  const { page, errors } = await open(
    'shared',
    '<pp-questionnaire src="/content/instruments/phq-9.json"></pp-questionnaire><pp-score-chart src="/content/instruments/phq-9.json"></pp-score-chart>',
    ['/dist/shared/pp-questionnaire.js', '/dist/shared/pp-score-chart.js'],
  );
  await waitForInShadow(page, ['pp-questionnaire', 'fieldset input[type=radio]']);
  await waitForInShadow(page, ['pp-score-chart', '.empty, table, [part=empty]']);
  assert.deepEqual(await errors(), []);
});

test('no comment is left in the bundles but the licence banner: the styles are minified too', () => {
  // The FHIRPath chunk is the fhirpath package, whose strings (its package.json, its grammar's notes) hold "/*"; it has no styles.
  const files = readdirSync(join(ROOT, 'dist/standalone'), { recursive: true }).filter((name) => name.endsWith('.js') && !basename(name).startsWith('expressions-'));
  assert.ok(files.length > 0, 'no bundles: run npm run build first');
  const commented = files.filter((name) => readFileSync(join(ROOT, 'dist/standalone', name), 'utf8').replace(/^\/\*![^*]*\*\//, '').includes('/*'));
  assert.deepEqual(commented, []);
});
