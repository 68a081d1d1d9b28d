// Answers survive the browser being killed: this test runs Chromium itself with a persistent
// profile, kills it with SIGKILL mid-questionnaire, starts it again and finds every answer.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ANSWERS = { 'phq9-1': 2, 'phq9-2': 1, 'phq9-3': 3, 'phq9-4': 0, 'phq9-5': 1 };

let server;
let profile;

before(async () => {
  server = await startDevServer({
    config: { rootDir: process.cwd(), port: 0, nodeResolve: true, plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })] },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  profile = await mkdtemp(join(tmpdir(), 'painpath-profile-'));
});

after(async () => {
  await server?.stop();
  await rm(profile, { recursive: true, force: true });
});

/** Starts Chromium on the profile and connects to it over the DevTools protocol. */
async function launch() {
  const process_ = spawn(CHROMIUM, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
  ], { stdio: 'ignore' });
  const portFile = join(profile, 'DevToolsActivePort');
  for (let tries = 0; tries < 100; tries += 1) {
    const port = await readFile(portFile, 'utf8').then((text) => text.split('\n')[0], () => undefined);
    if (port) {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      return { browser, process: process_ };
    }
    await sleep(100);
  }
  throw new Error('Chromium did not start');
}

async function openForm(browser) {
  const context = browser.contexts()[0];
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.server.address().port}/test/pages/crash.html`);
  await page.waitForSelector('pp-questionnaire >> fieldset');
  return page;
}

test('every answer given before the browser was killed is restored when it starts again', async () => {
  const first = await launch();
  const page = await openForm(first.browser);
  for (const [item, value] of Object.entries(ANSWERS)) {
    await page.locator(`pp-questionnaire [data-item="${item}"] input`).nth(value).check();
  }
  // Durable means the IndexedDB transaction completed, which is what the element waits for.
  await page.evaluate(() => document.querySelector('pp-questionnaire').draftSaved());

  const exited = new Promise((resolve) => first.process.once('exit', resolve));
  first.process.kill('SIGKILL');
  await exited;
  // The killed browser can leave its profile lock behind; the relaunch must cope, as a tablet's would.
  await rm(join(profile, 'DevToolsActivePort'), { force: true });

  const second = await launch();
  try {
    const restored = await openForm(second.browser);
    await restored.waitForFunction(() => Object.keys(document.querySelector('pp-questionnaire').answers).length === 5);
    assert.deepEqual(await restored.evaluate(() => document.querySelector('pp-questionnaire').answers), ANSWERS);
    assert.equal(await restored.locator('pp-questionnaire [data-item="phq9-3"] input').nth(3).isChecked(), true);
  } finally {
    await second.browser.close();
    second.process.kill('SIGKILL');
  }
});
