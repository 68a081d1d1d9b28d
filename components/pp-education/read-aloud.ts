import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale } from '../../src/i18n/locale.js';

/** What read-aloud needs of the Web Speech API; tests and hosts can pass their own. */
export type SpeechSynthesisLike = Pick<SpeechSynthesis, 'getVoices' | 'speak' | 'pause' | 'resume' | 'cancel' | 'addEventListener' | 'removeEventListener'>;

/** `no-voice`: the device has no voice for the language (or no speech at all). */
export type ReadAloudState = 'idle' | 'speaking' | 'paused' | 'no-voice';

/** One sentence on screen: its text, and the spans that show it (several when it crosses markup). */
export interface Sentence {
  readonly text: string;
  readonly spans: readonly HTMLElement[];
}

/**
 * Chromium fills its voice list after the first `getVoices()` call and says so with
 * `voiceschanged`; a device that has voices has them by then.
 */
const VOICE_LIST_WAIT_MS = 1000;

/** The sentences inside `root`'s `[data-readable]` elements, in reading order. */
export function sentencesIn(root: ParentNode): Sentence[] {
  return [...root.querySelectorAll<HTMLElement>('[data-readable]')].flatMap((readable) => {
    const bySentence = new Map<string, HTMLElement[]>();
    for (const span of readable.querySelectorAll<HTMLElement>('[data-sentence]')) {
      const number = span.dataset['sentence']!;
      bySentence.set(number, [...(bySentence.get(number) ?? []), span]);
    }
    return [...bySentence.values()]
      .map((spans) => ({ text: spans.map((span) => span.textContent).join('').trim(), spans }))
      .filter((sentence) => sentence.text !== '');
  });
}

const normalizedTag = (lang: string) => lang.replace(/_/g, '-');

/** The voice for a language: the device's default for it when it has one, else one on the device. */
function voiceFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const voiceLang = resolveLocale([lang], voices.map((v) => normalizedTag(v.lang)), '');
  const matching = voices.filter((v) => normalizedTag(v.lang) === voiceLang);
  return matching.find((v) => v.default) ?? matching.find((v) => v.localService) ?? matching[0];
}

function voicesOf(synthesis: SpeechSynthesisLike): Promise<SpeechSynthesisVoice[]> {
  const voices = synthesis.getVoices();
  if (voices.length > 0) return Promise.resolve(voices);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synthesis.removeEventListener('voiceschanged', done);
      resolve(synthesis.getVoices());
    };
    const timer = setTimeout(done, VOICE_LIST_WAIT_MS);
    synthesis.addEventListener('voiceschanged', done);
  });
}

/**
 * Reads sentences aloud one at a time, highlighting the one being spoken. One utterance per
 * sentence keeps the highlight exact, and avoids Chromium stopping long utterances after ~15 s.
 */
export class ReadAloudController implements ReactiveController {
  state: ReadAloudState = 'idle';
  #sentences: readonly Sentence[] = [];
  #highlighted?: Sentence;
  /** Counts readings, so that events of a cancelled utterance cannot move a newer reading on. */
  #reading = 0;

  readonly #host: ReactiveControllerHost;
  readonly #synthesis: () => SpeechSynthesisLike | undefined;

  constructor(
    host: ReactiveControllerHost,
    synthesis: () => SpeechSynthesisLike | undefined,
  ) {
    this.#host = host;
    this.#synthesis = synthesis;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  async start(sentences: readonly Sentence[], lang: string): Promise<void> {
    this.stop();
    const reading = this.#reading;
    const synthesis = this.#synthesis();
    const voice = synthesis && voiceFor(await voicesOf(synthesis), lang);
    if (reading !== this.#reading) return;
    if (!synthesis || !voice) {
      this.#setState('no-voice');
      return;
    }
    this.#sentences = sentences;
    this.#setState('speaking');
    this.#speak(synthesis, voice, 0, reading);
  }

  pause(): void {
    this.#synthesis()?.pause();
    this.#setState('paused');
  }

  resume(): void {
    this.#synthesis()?.resume();
    this.#setState('speaking');
  }

  stop(): void {
    this.#reading += 1;
    if (this.state === 'speaking' || this.state === 'paused') this.#synthesis()?.cancel();
    this.#highlight(undefined);
    this.#setState('idle');
  }

  #speak(synthesis: SpeechSynthesisLike, voice: SpeechSynthesisVoice, index: number, reading: number): void {
    const sentence = this.#sentences[index];
    if (!sentence) {
      this.stop();
      return;
    }
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = voice.lang;
    // An injected synthesis may list voices that are not the browser's own objects, which an
    // utterance refuses; the language then picks its voice.
    if (voice instanceof SpeechSynthesisVoice) utterance.voice = voice;
    const current = () => reading === this.#reading;
    utterance.addEventListener('start', () => current() && this.#highlight(sentence));
    // WebKit starts an utterance spoken from inside the previous one's `end` event but never ends
    // it, so the next sentence is spoken from a task of its own.
    utterance.addEventListener('end', () => setTimeout(() => current() && this.#speak(synthesis, voice, index + 1, reading)));
    utterance.addEventListener('error', () => current() && this.stop());
    synthesis.speak(utterance);
  }

  #highlight(sentence: Sentence | undefined): void {
    for (const span of this.#highlighted?.spans ?? []) span.removeAttribute('part');
    this.#highlighted = sentence;
    // The spans come from content DOM built outside the template, so they are marked directly.
    for (const span of sentence?.spans ?? []) span.setAttribute('part', 'speaking');
    sentence?.spans[0]?.scrollIntoView({ block: 'nearest' });
  }

  #setState(state: ReadAloudState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
