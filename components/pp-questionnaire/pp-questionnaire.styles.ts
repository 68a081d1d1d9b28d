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

  /* Its own rule: an engine without :state() drops only this one (see keyboard-modality.ts). */
  :host(:state(keyboard)) .nrs-option:has(input:focus) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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

  .vas {
    padding-inline: 0.75rem;
  }

  .vas-track {
    position: relative;
    block-size: var(--_target);
    cursor: pointer;
    touch-action: none;
    border-radius: var(--_radius);
  }

  /* The line itself, drawn through the middle of the touch area. */
  .vas-track::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-start: 50%;
    block-size: 0.375rem;
    translate: 0 -50%;
    border-radius: 0.25rem;
    background: var(--_border);
  }

  .vas-thumb {
    position: absolute;
    inset-block-start: 50%;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    translate: -50% -50%;
    border-radius: 50%;
    background: var(--_accent);
    border: 3px solid var(--_background);
    box-shadow: 0 0 0 2px var(--_accent);
  }

  :dir(rtl) .vas-thumb {
    translate: 50% -50%;
  }

  .vas-value {
    margin-block: 0.25rem 0;
    font-weight: 600;
  }

  .number-field {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  input[type='text'],
  input[type='date'],
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_background);
    min-block-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  /*
   * A date field's own focus ring: Chromium moves focus inside it (day, month, year, then the
   * calendar button), where only :focus-within still matches the field.
   */
  input[type='date']:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .number-field input {
    inline-size: 8ch;
    text-align: end;
  }

  textarea {
    inline-size: 100%;
    resize: vertical;
  }

  /* A doubled border, not an outline: the outline stays free for the focus ring. */
  [data-invalid] :is(input[type='text'], input[type='date'], textarea) {
    border-color: var(--_error);
    box-shadow: 0 0 0 2px var(--_error);
  }

  [data-invalid] .vas-track::before {
    outline: 2px solid var(--_error);
  }

  div.item > .label {
    display: block;
    margin-block-end: 0.5rem;
  }

  .region-groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space);
    margin-block-start: var(--_space);
  }

  .region-group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem;
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }

  .region-group legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }

  .answer.region {
    min-block-size: 2.75rem;
    padding-block: 0.25rem;
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

    :host(:state(keyboard)) .nrs-option:has(input:focus) {
      outline-color: CanvasText;
    }
    .vas-thumb,
    .vas-track::before {
      background: CanvasText;
    }
  }
`;
