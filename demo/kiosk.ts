import '../components/pp-kiosk/pp-kiosk.js';
import type { PpEventMap } from '../src/events.js';

// The page, not the element, takes over the device: keeping the screen on and going fullscreen
// are decisions of the clinic that runs the tablet.
let wakeLock: WakeLockSentinel | undefined;

async function keepScreenOn(): Promise<void> {
  if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
  wakeLock = await navigator.wakeLock.request('screen').catch(() => undefined);
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && (!wakeLock || wakeLock.released)) void keepScreenOn();
});
void keepScreenOn();

// Fullscreen needs a touch; the first one on the start screen is it.
document.addEventListener(
  'pointerdown',
  () => {
    if (document.fullscreenEnabled && !document.fullscreenElement) void document.documentElement.requestFullscreen().catch(() => undefined);
  },
  { once: true },
);

document.addEventListener('pp-submit', (event: PpEventMap['pp-submit']) => {
  // A real clinic uploads here; the result stays in the tablet's outbox until the upload succeeds.
  event.detail.waitUntil(Promise.resolve());
});

/** Fetches every file the sequence will need, so the service worker has them before the network drops. */
async function warmCache(): Promise<void> {
  const sequence = (await (await fetch('./kiosk-sequence.json')).json()) as { steps: ({ questionnaire: string } | { module: string })[] };
  await Promise.all(sequence.steps.map((step) => fetch('questionnaire' in step ? step.questionnaire : step.module)));
}

if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('./kiosk-sw.js', { type: 'module' }).then(() => navigator.serviceWorker.ready).then(warmCache);
}

declare global {
  interface DocumentEventMap extends PpEventMap {}
}
