import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The element's `focus()`: focus goes to where reading starts (the current page), now or, while
 * the content is still loading, as soon as that is rendered. A host that shows the element and
 * focuses it (a kiosk starting a step) thus never leaves focus on the page's body.
 */
export class StartFocus implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #selector: string;
  #pending?: FocusOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, selector: string) {
    this.#host = host;
    this.#selector = selector;
    host.addController(this);
  }

  focus(options: FocusOptions = {}): void {
    this.#pending = this.#focusStart(options) ? undefined : options;
  }

  hostUpdated(): void {
    if (this.#pending && this.#focusStart(this.#pending)) this.#pending = undefined;
  }

  #focusStart(options: FocusOptions): boolean {
    const start = this.#host.shadowRoot?.querySelector<HTMLElement>(this.#selector);
    if (!start) return false;
    start.focus(options);
    return true;
  }
}
