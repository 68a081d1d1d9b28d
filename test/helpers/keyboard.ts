import { sendKeys } from '@web/test-runner-commands';

/**
 * Presses the space bar. Named by its character: Firefox's WebDriver BiDi input does not know
 * the key name `Space`.
 */
export const pressSpace = (): Promise<void> => sendKeys({ press: ' ' });

/**
 * Types text one key at a time, each released before the next, as a person types. Given a whole
 * string, WebKitGTK's WebDriver presses every key before releasing any and drops repeated spaces.
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({ press: key });
}
