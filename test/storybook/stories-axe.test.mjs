// Every Storybook story, the generated content stories included, checked with axe-core in Chromium
// against WCAG 2.2 A/AA. Uses the built Storybook in storybook-static/ (`npm run build-storybook`);
// when there is none, builds one into a temporary folder first (a few seconds).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { litSettled } from '../../scripts/lit-settled.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const AXE = join(root, 'node_modules/axe-core/axe.min.js');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGES = 4;
// A deadline for a hung story, not a slow one: on a busy machine a story with the preview's own
// axe run can take a minute.
const STORY_TIMEOUT_MS = 120_000;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon' };

function storybookDir() {
  const built = join(root, 'storybook-static');
  if (existsSync(join(built, 'index.json'))) return { dir: built, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'painpath-storybook-'));
  execFileSync('npx', ['storybook', 'build', '--quiet', '-o', dir], { cwd: root, stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Opens one story and runs axe on it: its violations, or the reason it could not be checked. */
async function checkStory(page, base, id) {
  const errors = [];
  const onError = (error) => errors.push(error.message);
  page.on('pageerror', onError);
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'load', timeout: STORY_TIMEOUT_MS });
    // The story's render ends with the preview's own axe run (addon-a11y, in its afterEach), on
    // the same axe-core instance: axe refuses a second run while one is under way, so ours waits
    // for Storybook to call the story finished.
    await page.waitForFunction(
      (id) => {
        const render = window.__STORYBOOK_PREVIEW__?.currentRender;
        const finished = render?.id === id && (render.phase === 'finished' || render.phase === 'errored');
        return finished || document.body.classList.contains('sb-show-errordisplay');
      },
      id,
      { timeout: STORY_TIMEOUT_MS },
    );
    const failed = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay') && document.querySelector('#error-message')?.textContent);
    if (failed) return { error: `the story failed to render: ${failed}` };
    await page.waitForLoadState('networkidle', { timeout: STORY_TIMEOUT_MS });
    await page.evaluate(litSettled);
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (runOnly) => {
      const results = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
      return results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' >>> '), html: n.html.slice(0, 160), summary: n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() })),
      }));
    }, RULE_SETS);
    return { violations, errors };
  } catch (error) {
    return { error: `could not be checked: ${error.message.split('\n')[0]}`, errors };
  } finally {
    page.off('pageerror', onError);
  }
}

const format = (id, { violations }) =>
  violations
    .flatMap((v) => v.nodes.map((n) => `${id}: ${v.rule} (${v.impact}) ${v.help}\n    at ${n.target}\n    ${n.html}${n.summary ? `\n    ${n.summary}` : ''}`))
    .join('\n');

describe('Storybook stories, checked with axe-core (WCAG 2.2 A and AA)', () => {
  let storybook;
  let server;
  let browser;
  let stories = [];
  const results = new Map();

  before(async () => {
    storybook = storybookDir();
    server = await serve(storybook.dir);
    const base = `http://127.0.0.1:${server.address().port}`;
    const index = JSON.parse(readFileSync(join(storybook.dir, 'index.json'), 'utf8'));
    stories = Object.values(index.entries).filter((entry) => entry.type === 'story').map((entry) => entry.id);
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const queue = [...stories];
    await Promise.all(
      Array.from({ length: PAGES }, async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        for (let id = queue.shift(); id; id = queue.shift()) results.set(id, await checkStory(page, base, id));
        await page.close();
      }),
    );
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done()));
    storybook?.cleanup();
  });

  it('finds stories, the generated content stories included', () => {
    assert.ok(stories.length > 0, 'index.json lists no stories');
    assert.ok(stories.some((id) => id.startsWith('instruments-')), 'no generated instrument stories');
    assert.ok(stories.some((id) => id.startsWith('fhir-questionnaires-')), 'no generated FHIR Questionnaire stories');
    assert.ok(stories.some((id) => id.startsWith('content-playground--')), 'no content playground stories');
  });

  it('renders every story and finds no WCAG violation in any of them', () => {
    const problems = [];
    for (const id of stories) {
      const result = results.get(id);
      if (!result) problems.push(`${id}: not checked`);
      else if (result.error) problems.push(`${id}: ${result.error}`);
      else if (result.violations.length) problems.push(format(id, result));
    }
    const failed = problems.length;
    assert.equal(failed, 0, `${failed} of ${stories.length} stories fail:\n${problems.join('\n')}`);
  });
});
