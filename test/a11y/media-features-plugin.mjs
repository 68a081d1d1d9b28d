/**
 * A test-runner command that emulates CSS media features through the Chrome DevTools Protocol.
 * The stock `emulateMedia` command goes through Puppeteer, which refuses `forced-colors`.
 * Each call replaces the whole set, so a test passes every feature it needs at once.
 */
export function mediaFeaturesPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-media-features needs Chromium, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: payload.features });
      return true;
    },
  };
}
