import { css } from 'lit';

/** The title, and the progress text and bar, at the top of a questionnaire or a module. */
export const headerStyles = css`
  .root {
    max-inline-size: var(--_max-width);
  }

  .title {
    font-size: 1.4em;
    line-height: 1.25;
    margin-block: 0 calc(var(--_space) * 0.5);
  }

  .progress {
    color: var(--_muted);
    font-size: 0.9em;
    margin-block-end: var(--_space);
  }

  .bar {
    block-size: 0.5rem;
    margin-block-start: 0.25rem;
    border-radius: 0.25rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    overflow: hidden;
  }

  .bar-fill {
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size 0.2s ease-out;
  }

  @media (forced-colors: active) {
    .bar-fill {
      background: Highlight;
    }
  }
`;

/** The row of Back / Next buttons, Next at the end of the line whichever the direction. */
export const navigationStyles = css`
  .navigation {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    margin-block: var(--_space);
  }

  .navigation .primary {
    margin-inline-start: auto;
  }
`;

/** A radio button or checkbox inside a large box that is the whole touch target: answers, languages. */
export const choiceStyles = css`
  .choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-block-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_selected);
    font-weight: 600;
  }

  .choice:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Apart, so that an engine without :state() skips only this (see keyboard-modality.ts). */
  @supports selector(:state(keyboard)) {
    :host(:state(keyboard)) .choice:has(input:focus) {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
  }

  .choice input {
    inline-size: 1.35em;
    block-size: 1.35em;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }

  .choice input:focus-visible {
    outline: none;
  }

  /*
   * High contrast: the chosen box takes the system's selection colours, as a selected row of a
   * list does, so that the outline stays the focus ring alone.
   */
  @media (forced-colors: active) {
    .choice:has(input:checked) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }

    .choice input {
      forced-color-adjust: auto;
    }

    .choice:has(input:focus-visible) {
      outline-color: CanvasText;
    }

    @supports selector(:state(keyboard)) {
      :host(:state(keyboard)) .choice:has(input:focus) {
        outline-color: CanvasText;
      }
    }
  }
`;
