// The browsers the end-to-end tests run in: Chromium by default, and those E2E_ENGINES names
// (npm run test:engines sets chromium,firefox). Both are Debian's, driven by puppeteer-core:
// Chromium over the DevTools protocol, Firefox ESR over WebDriver BiDi. WebKitGTK is not here:
// puppeteer-core cannot drive it, and playwright-core only drives Playwright's own WebKit build,
// which cannot be downloaded on this project's machines (docs/engines.md).
import puppeteer from 'puppeteer-core';

const LAUNCH_OPTIONS = {
  chromium: {
    browser: 'chrome',
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
  firefox: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
};

export const engines = (process.env.E2E_ENGINES ?? 'chromium').split(',').map((engine) => {
  if (!LAUNCH_OPTIONS[engine]) throw new Error(`E2E_ENGINES: unknown engine ${engine}; known: ${Object.keys(LAUNCH_OPTIONS).join(', ')}`);
  return engine;
});

/** Starts the engine's browser headless; `userDataDir` keeps its profile between launches. */
export const launch = (engine, options = {}) => puppeteer.launch({ ...LAUNCH_OPTIONS[engine], headless: true, ...options });

/**
 * Waits for the element `path` leads to, each selector inside the shadow root of the element
 * before it, and returns it. Checks every frame: puppeteer's own `>>>` waits can miss elements
 * that appear inside shadow roots.
 */
export const waitForInShadow = (page, path, options) =>
  page.waitForFunction(
    (selectors) => selectors.slice(1).reduce((element, selector) => element?.shadowRoot?.querySelector(selector), document.querySelector(selectors[0])),
    options,
    path,
  );
