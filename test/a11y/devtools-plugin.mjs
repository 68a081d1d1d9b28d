/**
 * Test-runner commands that change what the browser emulates, through the Chrome DevTools
 * Protocol (Chromium only):
 * - `emulate-media-features`: CSS media features. The stock `emulateMedia` command goes through
 *   Puppeteer, which refuses `forced-colors`. Each call replaces the whole set, so a test passes
 *   every feature it needs at once.
 * - `set-default-font-size`: the browser's default font size (the person's text-size setting),
 *   which is what `font-size: medium` and the initial root font size are.
 * - `emulate-zoom`: the page as browser zoom shows it: a CSS viewport narrower by the zoom
 *   factor, drawn on that many device pixels per CSS pixel. `{ factor: 1 }` ends it.
 */
export function devtoolsPlugin() {
  const sessions = new WeakMap();
  const send = async (session, method, params) => {
    if (session.browser.type !== 'puppeteer') throw new Error(`${method} needs Chromium, not ${session.browser.type}`);
    const page = session.browser.getPage(session.id);
    if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
    await sessions.get(page).send(method, params);
    return true;
  };
  return {
    name: 'devtools',
    async executeCommand({ command, payload, session }) {
      if (command === 'emulate-media-features') return send(session, 'Emulation.setEmulatedMedia', { features: payload.features });
      if (command === 'set-default-font-size') return send(session, 'Page.setFontSizes', { fontSizes: { standard: payload.size } });
      if (command === 'emulate-zoom') {
        if (payload.factor === 1) return send(session, 'Emulation.clearDeviceMetricsOverride', {});
        const { width, height, factor } = payload;
        return send(session, 'Emulation.setDeviceMetricsOverride', { width: Math.round(width / factor), height: Math.round(height / factor), deviceScaleFactor: factor, mobile: false });
      }
      return undefined;
    },
  };
}
