import { css } from 'lit';

export const styles = css`
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

  .answer {
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

  .answer:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_selected);
    font-weight: 600;
  }

  .answer:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .answer input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }

  .answer input:focus-visible {
    outline: none;
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

  .notice {
    font-size: 0.8em;
    color: var(--_muted);
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) * 0.5);
  }

  .failure {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .failure code {
    overflow-wrap: anywhere;
  }

  .done:focus {
    outline: none;
  }

  @media (forced-colors: active) {
    .answer:has(input:checked) {
      outline: 3px solid Highlight;
    }
    .bar-fill {
      background: Highlight;
    }
  }
`;
