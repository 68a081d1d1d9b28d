import { readdirSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { devtoolsPlugin } from './test/a11y/devtools-plugin.mjs';
import { screenReaderPlugin } from './test/a11y/screen-reader-plugin.mjs';

// Debian's Chromium: npm tools cannot download browsers on this project's machines.
export const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
});

/**
 * A server command for tests (`executeServerCommand` from @web/test-runner-commands):
 * `content-files` lists the shipped JSON files of a content folder, so tests cover new files by themselves.
 */
const painpathCommands = {
  name: 'painpath-commands',
  async executeCommand({ command, payload }) {
    if (command !== 'content-files') return undefined;
    const folder = String(payload.folder);
    if (!/^[a-z-]+$/.test(folder)) throw new Error(`content-files: bad folder "${folder}"`);
    const names = await readdir(new URL(`./content/${folder}/`, import.meta.url));
    return names.filter((name) => name.endsWith('.json')).sort();
  },
};

/**
 * Test files that need what only some engines offer on these machines, with the engines that run
 * them (docs/engines.md); `npm test` runs those that Chromium is among.
 */
export const ENGINE_SPECIFIC_FILES = {
  // Media features (forced colours, reduced motion, print) are emulated only through the Chrome DevTools Protocol.
  'test/a11y/forced-colors.test.ts': ['chromium'],
  'test/a11y/reduced-motion.test.ts': ['chromium'],
  // The browser's default font size and zoom are set only through the Chrome DevTools Protocol.
  'test/a11y/browser-text-size.test.ts': ['chromium'],
  'test/components/pp-education-print.test.ts': ['chromium'],
  // The screen-reader walks read Chromium's accessibility tree through the Chrome DevTools Protocol.
  'test/a11y/screen-reader-walks.test.ts': ['chromium'],
  // Storage Buckets, which give a page a real small quota, exist in Chromium only.
  'test/components/storage-quota.test.ts': ['chromium'],
  // WebKitGTK's WebDriver cannot set the viewport's size.
  'test/a11y/reflow.test.ts': ['chromium', 'firefox'],
  // Of the engines here, only WebKitGTK has a speech voice.
  'test/components/read-aloud-voice.test.ts': ['webkit'],
  // Storybook's editing tools; content editors use them in a desktop browser, checked in Chromium.
  'test/storybook/content-playground.test.ts': ['chromium'],
  'test/storybook/json-positions.test.ts': ['chromium'],
};
const notIn = (engine) => Object.entries(ENGINE_SPECIFIC_FILES).flatMap(([file, engines]) => (engines.includes(engine) ? [] : [`!${file}`]));

/**
 * A FHIR terminology server for the tests: `/test-terminology/ValueSet/$expand?url=…` answers with
 * the ValueSet of test/fixtures/terminology/ whose url (and valueSetVersion) it is, and HTTP 404 for any other.
 */
async function terminologyServer(context, next) {
  if (context.path !== '/test-terminology/ValueSet/$expand') return next();
  const folder = fileURLToPath(new URL('test/fixtures/terminology/', import.meta.url));
  const valueSets = readdirSync(folder).filter((file) => file.endsWith('.json')).map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')));
  const version = context.query.valueSetVersion;
  const found = valueSets.find((valueSet) => valueSet.url === context.query.url && (version === undefined || valueSet.version === version));
  context.status = found ? 200 : 404;
  context.type = 'application/fhir+json';
  context.body = JSON.stringify(found ?? { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
}

/**
 * The FHIRPath package's R4 model is CommonJS reading JSON files, which the test server cannot
 * serve as modules: it is served bundled into one module, as Vite bundles it for the build.
 */
const fhirpathModel = {
  name: 'fhirpath-r4-model',
  async serve(context) {
    if (!context.path.endsWith('/node_modules/fhirpath/fhir-context/r4/index.mjs')) return undefined;
    const entry = fileURLToPath(new URL(`.${context.path}`, import.meta.url));
    const { outputFiles } = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
    return { body: outputFiles[0].text, type: 'js' };
  },
};

export default {
  files: ['test/**/*.test.ts', ...notIn('chromium')],
  nodeResolve: true,
  browsers: [chromium],
  // One test file at a time in each browser, whatever the machine's cores: the files share the
  // test origin's IndexedDB and clear it between tests, and @web/test-runner-webdriver would run
  // several files as iframes of one page, taking keyboard focus from each other.
  concurrency: 1,
  middleware: [terminologyServer],
  plugins: [
    fhirpathModel,
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    devtoolsPlugin(),
    screenReaderPlugin(),
    painpathCommands,
  ],
  // Deadlines that catch a hang, not a slow machine: a busy two-core machine runs a test file
  // several times slower, and how fast things are is measured by `npm run bench`, not by tests.
  testFramework: { config: { timeout: 60_000 } },
  testsFinishTimeout: 600_000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
