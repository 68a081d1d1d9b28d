import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'input', 'wheel'] as const;

export interface IdleOptions {
  /** Seconds without activity before the warning. */
  readonly timeout: () => number;
  /** Seconds the warning lasts before `onExpire`. */
  readonly countdown: () => number;
  /** Whether idleness counts now (not on the start screen). */
  readonly watching: () => boolean;
  readonly onWarn: () => void;
  readonly onTick: (secondsLeft: number) => void;
  readonly onExpire: () => void;
  /** Activity during the warning: the person is back. */
  readonly onResume: () => void;
}

/**
 * Watches a kiosk for a person who has walked away: after `timeout` seconds without a touch or
 * key it warns, counts down, then expires. Any activity during the warning cancels it.
 */
export class IdleController implements ReactiveController {
  #lastActivity = Date.now();
  #timer: ReturnType<typeof setInterval> | undefined;
  #warning = false;
  readonly #onActivity = () => this.activity();

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: IdleOptions;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: IdleOptions,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY_EVENTS) this.#host.addEventListener(type, this.#onActivity, { capture: true, passive: true });
    // Four checks a second keep the countdown on whole seconds without drifting.
    this.#timer = setInterval(() => this.#check(), 250);
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY_EVENTS) this.#host.removeEventListener(type, this.#onActivity, { capture: true });
    clearInterval(this.#timer);
  }

  /** Counts as activity: the person is still there. */
  activity(): void {
    this.#lastActivity = Date.now();
    if (!this.#warning) return;
    this.#warning = false;
    this.#options.onResume();
  }

  #check(): void {
    if (!this.#options.watching()) {
      this.#lastActivity = Date.now();
      return;
    }
    const idle = (Date.now() - this.#lastActivity) / 1000;
    const timeout = this.#options.timeout();
    if (idle < timeout) return;
    if (!this.#warning) {
      this.#warning = true;
      this.#options.onWarn();
    }
    const left = Math.max(0, Math.ceil(timeout + this.#options.countdown() - idle));
    this.#options.onTick(left);
    if (left === 0) {
      this.#warning = false;
      this.#options.onExpire();
    }
  }
}
