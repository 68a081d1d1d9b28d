import { readdir } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// Debian's Chromium: npm tools cannot download browsers on this project's machines.
const chromium = chromeLauncher({
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
 * Server commands for tests (`executeServerCommand` from @web/test-runner-commands):
 * - `content-files` lists the shipped JSON files of a content folder, so tests cover new files by themselves;
 * - `storage-quota` sets (or, without `bytes`, resets) the test page's storage quota through the
 *   DevTools protocol, the only way to make a real browser run out of space.
 */
const painpathCommands = {
  name: 'painpath-commands',
  async executeCommand({ command, payload, session }) {
    if (command === 'content-files') {
      const folder = String(payload.folder);
      if (!/^[a-z-]+$/.test(folder)) throw new Error(`content-files: bad folder "${folder}"`);
      const names = await readdir(new URL(`./content/${folder}/`, import.meta.url));
      return names.filter((name) => name.endsWith('.json')).sort();
    }
    if (command === 'storage-quota') {
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        const origin = new URL(page.url()).origin;
        await cdp.send('Storage.overrideQuotaForOrigin', payload.bytes === undefined ? { origin } : { origin, quotaSize: payload.bytes });
      } finally {
        await cdp.detach();
      }
      return true;
    }
    return undefined;
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  browsers: [chromium],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), painpathCommands],
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
