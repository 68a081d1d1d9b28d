import { sendKeys } from '@web/test-runner-commands';

/**
 * Presses the space bar. Named by its character: Firefox's WebDriver BiDi input does not know
 * the key name `Space`.
 */
export const pressSpace = (): Promise<void> => sendKeys({ press: ' ' });

/** WebKit (here always driven by WebKitGTK's WebDriver), told from Chromium, which names WebKit in its user agent too. */
const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent);

/**
 * Presses Tab with Shift held down. WebKitGTK's WebDriver cannot hold a key across commands: it
 * takes the chord as one sequence of WebDriver key codes (Shift U+E008, Tab U+E004), all pressed,
 * then all released.
 */
export async function pressShiftTab(): Promise<void> {
  if (isWebKit) return sendKeys({ press: '\uE008\uE004' });
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/**
 * Types text one key at a time, each released before the next, as a person types. Given a whole
 * string, WebKitGTK's WebDriver presses every key before releasing any and drops repeated spaces.
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({ press: key });
}

/**
 * Types a date into a focused date field in the en-US order, as a person does in each engine:
 * Chromium and Firefox move to the next part after two digits; WebKit waits for the separator.
 */
export const typeDate = (month: string, day: string, year: string): Promise<void> =>
  typeKeys(isWebKit ? `${month}/${day}/${year}` : `${month}${day}${year}`);
