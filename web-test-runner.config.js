import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  browsers: [chromium],
  // One test file at a time in each browser, whatever the machine's cores: the files share the
  // test origin's IndexedDB and clear it between tests, and @web/test-runner-webdriver would run
  // several files as iframes of one page, taking keyboard focus from each other.
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
