// The whole browser suite in Chromium, Firefox and WebKit: `npm run test:engines`.
// Everything but the browsers comes from web-test-runner.config.js. Run it under `xvfb-run -a`:
// WebKitGTK's MiniBrowser has no headless mode.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import base, { chromium, ENGINE_SPECIFIC_FILES } from './web-test-runner.config.js';

const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** A port nothing listens on now, so parallel runs on one machine do not share a driver. */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Debian's Firefox ESR over WebDriver BiDi: puppeteer-core needs no geckodriver and no display. */
const firefox = puppeteerLauncher({
  launchOptions: {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  },
});

/**
 * WebKitGTK, the engine family of Safari and the iPads in waiting rooms, through Debian's
 * WebKitWebDriver, which this launcher starts with the run and stops after it.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor(port) {
    super({
      hostname: '127.0.0.1',
      port,
      path: '/',
      capabilities: {
        browserName: 'MiniBrowser',
        // The driver speaks classic WebDriver only; webdriverio would otherwise ask for BiDi and fail.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { args: ['--automation'] },
      },
    });
  }

  async initialize(config, testFiles) {
    const { port } = this.options;
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore' });
    let startError;
    driver.once('error', (error) => { startError = error; });
    this.driverProcess = driver;
    for (let tries = 0; tries < 100; tries += 1) {
      if (startError) throw startError;
      if (driver.exitCode !== null) throw new Error(`${WEBKIT_DRIVER} exited with ${driver.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/status`).then((response) => response.ok, () => false);
      if (ready) return super.initialize(config, testFiles);
      await sleep(100);
    }
    driver.kill();
    throw new Error(`${WEBKIT_DRIVER} did not answer on port ${port}`);
  }

  async stop() {
    await super.stop();
    this.driverProcess?.kill();
  }
}

const engines = { chromium, firefox, webkit: new WebKitLauncher(await freePort()) };
// ENGINES=firefox,webkit narrows a run while working on one engine's difference.
const chosen = process.env.ENGINES?.split(',') ?? Object.keys(engines);

for (const name of chosen) {
  if (!engines[name]) throw new Error(`ENGINES: unknown engine ${name}; known: ${Object.keys(engines).join(', ')}`);
}

export default {
  ...base,
  files: ['test/**/*.test.ts', ...Object.keys(ENGINE_SPECIFIC_FILES).map((file) => `!${file}`)],
  browsers: chosen.map((name) => engines[name]),
  // Each engine-specific file runs in those of its engines that were chosen.
  // The screen-reader walks read only Chromium's accessibility tree and `npm test` runs them
  // there: running them again here would add minutes to CI and check nothing new.
  groups: Object.entries(ENGINE_SPECIFIC_FILES).filter(([file]) => file !== 'test/a11y/screen-reader-walks.test.ts').flatMap(([file, names]) => {
    const browsers = names.filter((name) => chosen.includes(name)).map((name) => engines[name]);
    return browsers.length ? [{ name: file.replace(/^.*\//, '').replace('.test.ts', ''), files: file, browsers }] : [];
  }),
};
