// Screenshots a page in Debian's Chromium:
//   node scripts/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [--scale=2] [--forced-colors] [--reduced-motion] [--keys=Tab,Tab,Space] [--tiles]
// --scale sets the device pixel ratio (320x640 at --scale=2 is a 640 px wide screen at 200 % zoom),
// --forced-colors emulates a high-contrast theme, --keys presses keys (after the page settles)
// so that focus rings and chosen answers show; --tiles saves a tall page as OUT-1.png, OUT-2.png, …
// one screen high each, which are easier to look at than one long image.
// Chromium's own --screenshot flag uses virtual time, under which IndexedDB never answers,
// so the page is driven through playwright-core instead.
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const flags = new Map(args.filter((arg) => arg.startsWith('--')).map((arg) => arg.slice(2).split('=')).map(([name, value]) => [name, value ?? 'true']));
const [url, out, size = '1100x1000'] = args.filter((arg) => !arg.startsWith('--'));
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [WIDTHxHEIGHT] [--scale=N] [--forced-colors] [--reduced-motion] [--keys=K1,K2] [--tiles]');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: Number(flags.get('scale') ?? 1) });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.emulateMedia({
    forcedColors: flags.has('forced-colors') ? 'active' : 'none',
    reducedMotion: flags.has('reduced-motion') ? 'reduce' : 'no-preference',
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  for (const key of flags.get('keys')?.split(',') ?? []) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  if (!flags.has('tiles')) await page.screenshot({ path: out, fullPage: true });
  else {
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, tile = 1; y < pageHeight; y += height, tile++) {
      const clip = { x: 0, y, width, height: Math.min(height, pageHeight - y) };
      await page.screenshot({ path: out.replace(/\.png$/, `-${tile}.png`), fullPage: true, clip });
    }
  }
} finally {
  await browser.close();
}
