import { css } from 'lit';

export const styles = css`
  .page:focus {
    outline: none;
  }

  .page:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 4px;
  }

  .stem {
    font-weight: 600;
    margin-block: 0 var(--_space);
  }

  .group {
    margin-block-end: var(--_space);
  }

  .item {
    border: 0;
    padding: 0;
    margin: 0 0 calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }

  .label {
    padding: 0;
    font-weight: 600;
    margin-block-end: calc(var(--_space) * 0.5);
  }

  .optional {
    font-weight: normal;
    color: var(--_muted);
  }

  .answers {
    display: grid;
    gap: 0.5rem;
  }

  [data-invalid] .answer {
    border-color: var(--_error);
  }

  .error {
    color: var(--_error);
    font-weight: 600;
    margin-block: 0.5rem 0;
  }

  .error::before {
    content: '⚠ ';
  }

  .answer.exclusive {
    margin-block-start: 0.5rem;
  }

  .answer input[type='checkbox'] {
    border-radius: 0.25rem;
  }

  /* Page items shown in the list layout read as sections. */
  .group.page > .stem {
    font-size: 1.15em;
  }

  .nrs-item {
    container-type: inline-size;
  }

  .nrs-options {
    display: grid;
    grid-template-columns: repeat(11, minmax(0, 1fr));
    gap: 0.25rem;
  }

  /* Two rows (0–5, 6–10) where eleven targets of a usable size do not fit. */
  @container (max-width: 34rem) {
    .nrs-options {
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }
  }

  .nrs-option {
    position: relative;
    display: grid;
    place-items: center;
    min-block-size: var(--_target);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
    cursor: pointer;
  }

  .nrs-option input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .nrs-option:has(input:checked) {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .nrs-option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Apart, so that an engine without :state() skips only this (see keyboard-modality.ts). */
  @supports selector(:state(keyboard)) {
    :host(:state(keyboard)) .nrs-option:has(input:focus) {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
  }

  .anchors {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: 0.5rem;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .anchors > :last-child {
    text-align: end;
  }

  .flag {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding-inline: var(--_space);
    margin-block-end: var(--_space);
    font-weight: 600;
  }

  .notice {
    font-size: 0.8em;
    color: var(--_muted);
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) * 0.5);
  }

  .draft-notice {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: var(--_space);
  }

  /* High contrast: as a chosen answer box (form-styles.ts), the selection colours, the outline for focus. */
  @media (forced-colors: active) {
    .nrs-option:has(input:checked) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }

    .nrs-option:has(input:focus-visible) {
      outline-color: CanvasText;
    }

    @supports selector(:state(keyboard)) {
      :host(:state(keyboard)) .nrs-option:has(input:focus) {
        outline-color: CanvasText;
      }
    }
  }
`;
