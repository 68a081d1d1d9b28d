/**
 * The screen-reader walk of a test: a virtual cursor over Chromium's accessibility tree
 * (test/a11y/screen-reader-plugin.mjs), moved as a screen-reader user moves it. Every method
 * returns what was spoken; `expectTranscript` holds everything spoken to the reviewed file.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

const command = (name: string, payload?: Record<string, unknown>): Promise<string> => executeServerCommand(name, payload) as Promise<string>;

export const screenReader = {
  /** Starts reading the element the selector finds in the document: says its first stop. */
  start: (selector: string) => command('sr-start', { selector }),
  next: () => command('sr-next'),
  previous: () => command('sr-previous'),
  /** The next form control (a screen reader's "F"). */
  nextControl: () => command('sr-next-control'),
  /** The next heading (a screen reader's "H"). */
  nextHeading: () => command('sr-next-heading'),
  /** Says the focused element and moves the cursor to it. */
  focused: () => command('sr-focused'),
  /** Activates the control under the cursor (Space, Enter on a link), as a screen reader does. */
  activate: () => command('sr-activate'),
  /** Presses a key where focus is (Puppeteer's key names). */
  press: (key: string) => command('sr-press', { key }),
  /** Types into the field under the cursor. */
  type: (text: string) => command('sr-type', { text }),

  /** Moves to next stops until one says something matching `pattern`; returns what that one said. */
  async nextUntil(pattern: RegExp, move: () => Promise<string> = () => command('sr-next'), limit = 80): Promise<string> {
    const heard: string[] = [];
    for (let i = 0; i < limit; i++) {
      const said = await move();
      if (pattern.test(said)) return said;
      heard.push(said);
      if (said === 'end of content') break;
    }
    throw new Error(`the screen reader never said ${pattern}; it said:\n${heard.join('\n')}`);
  },

  /**
   * Everything spoken since `start` equals test/a11y/transcripts/<name>.txt, the reviewed record
   * of the walk. After a deliberate change: `UPDATE_TRANSCRIPTS=1 npm test`, then review the diff.
   */
  async expectTranscript(name: string): Promise<void> {
    const { same, spoken, kept } = (await executeServerCommand('sr-transcript', { name })) as { same: boolean; spoken: string; kept?: string };
    expect(spoken, `the walk differs from test/a11y/transcripts/${name}.txt (UPDATE_TRANSCRIPTS=1 rewrites it; review the diff)`).to.equal(same ? spoken : kept);
  },
};
