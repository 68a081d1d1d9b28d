// Answers survive the browser being killed: this test runs the browser itself with a persistent
// profile, kills it with SIGKILL mid-questionnaire, starts it again and finds every answer.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { engines, launch, waitForInShadow } from './engines.mjs';

const ANSWERS = { 'phq9-1': 2, 'phq9-2': 1, 'phq9-3': 3, 'phq9-4': 0, 'phq9-5': 1 };

let server;

before(async () => {
  server = await startDevServer({
    config: { rootDir: process.cwd(), port: 0, nodeResolve: true, plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })] },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
});

after(async () => {
  await server?.stop();
});

async function openForm(browser, query) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.server.address().port}/test/pages/crash.html${query}`);
  await waitForInShadow(page, ['pp-questionnaire', 'fieldset']);
  return page;
}

/** Every engine, with a plain draft and with one sealed with the host's key. */
const runs = engines.flatMap((engine) => [
  { engine, query: '', what: '' },
  { engine, query: '?sealed', what: ', encrypted with the host\'s key,' },
]);

for (const { engine, query, what } of runs) {
  test(`${engine}: every answer given${what} before the browser was killed is restored when it starts again`, async (t) => {
    const profile = await mkdtemp(join(tmpdir(), `painpath-${engine}-profile-`));
    t.after(() => rm(profile, { recursive: true, force: true }));
    const first = await launch(engine, { userDataDir: profile });
    try {
      const page = await openForm(first, query);
      for (const [item, value] of Object.entries(ANSWERS)) {
        const options = await page.$$(`pp-questionnaire >>> [data-item="${item}"] input`);
        await options[value].click();
      }
      // Durable means the IndexedDB transaction completed, which is what the element waits for.
      await page.evaluate(() => document.querySelector('pp-questionnaire').draftSaved());
    } catch (error) {
      await first.close();
      throw error;
    }

    const killed = first.process();
    const exited = new Promise((resolve) => killed.once('exit', resolve));
    killed.kill('SIGKILL');
    await exited;

    // The killed browser leaves its profile lock behind; the relaunch must cope, as a tablet's would.
    const second = await launch(engine, { userDataDir: profile });
    try {
      const restored = await openForm(second, query);
      await restored.waitForFunction(() => Object.keys(document.querySelector('pp-questionnaire').answers).length === 5);
      assert.deepEqual(await restored.evaluate(() => document.querySelector('pp-questionnaire').answers), ANSWERS);
      const item3 = await restored.$$('pp-questionnaire >>> [data-item="phq9-3"] input');
      assert.equal(await item3[3].evaluate((input) => input.checked), true);
      const stored = await restored.evaluate(
        () =>
          new Promise((resolve) => {
            indexedDB.open('painpath').onsuccess = ({ target: { result: db } }) =>
              (db.transaction('records').objectStore('records').getAll().onsuccess = ({ target }) => resolve(target.result.map((record) => 'sealed' in record)));
          }),
      );
      assert.deepEqual(stored, [query === '?sealed'], 'the draft is sealed exactly when the page has a key');
    } finally {
      await second.close();
    }
  });
}
