// The clocks the bench pages share, so that Painpath and its peers are timed the same way.
// Each page exposes `window.bench = { render(name), answer(count) }` built on these.

/**
 * Resolves after the next frame is painted: requestAnimationFrame callbacks run before the frame's
 * style, layout and paint, and a task posted from one runs after them.
 */
export const painted = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    }),
  );

/** Resolves once `root` holds a match for `selector`, checked after each batch of DOM changes. */
function whenPresent(root, selector) {
  return new Promise((resolve) => {
    if (root.querySelector(selector)) return resolve();
    const observer = new MutationObserver(() => {
      if (!root.querySelector(selector)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/**
 * Milliseconds from `mount()` (which returns the node the form renders into) to the frame painted
 * after the first question's radio buttons exist.
 */
export async function timeFirstRender(mount) {
  const start = performance.now();
  await whenPresent(mount(), 'input[type="radio"]');
  return (await painted()) - start;
}

/**
 * Answers `count` questions one by one by clicking a radio button, as a person would, and times
 * each click to the form's change event (when it has one), to the next painted frame, and (when
 * the form saves drafts) to the draft being durable. `events.nextChange()` / `events.nextDurable()` resolve with
 * the performance.now() of their event. The next answer waits for the last draft, so each saved
 * event belongs to the answer before it.
 */
export async function timeAnswers(root, count, events) {
  const toChange = [];
  const toFrame = [];
  const toDurable = [];
  for (let index = 0; index < count; index += 1) {
    const input = root.querySelectorAll('input[type="radio"]')[index * 4 + (index % 4)];
    // On screen and laid out before the clock starts, as when a person taps it.
    input.scrollIntoView({ block: 'center' });
    await painted();
    const changed = events.nextChange?.();
    const durable = events.nextDurable?.();
    const start = performance.now();
    input.click();
    if (changed) toChange.push((await changed) - start);
    toFrame.push((await painted()) - start);
    if (durable) toDurable.push((await durable) - start);
  }
  return { toChange, toFrame, toDurable };
}
