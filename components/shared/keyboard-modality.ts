import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Gives the element the custom state `keyboard` (`:host(:state(keyboard))`) from a key press
 * until the next pointer or touch. WebKit does not match `:focus-visible` when arrow keys move
 * focus within a radio group, so the choice styles also ring a focused choice in this state.
 */
export class KeyboardModality implements ReactiveController {
  readonly #states?: CustomStateSet;
  readonly #onKey = () => this.#states?.add('keyboard');
  readonly #onPointer = () => this.#states?.delete('keyboard');

  readonly #host: ReactiveControllerHost & HTMLElement;


  constructor(host: ReactiveControllerHost & HTMLElement) {

    this.#host = host;
    // Engines without custom states keep :focus-visible alone.
    this.#states = host.attachInternals().states;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKey, true);
    this.#host.addEventListener('pointerdown', this.#onPointer, true);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKey, true);
    this.#host.removeEventListener('pointerdown', this.#onPointer, true);
  }
}
