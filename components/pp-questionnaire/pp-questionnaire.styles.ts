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

  .display {
    margin-block: 1em;
  }

  /* Formatted text brings its own paragraphs: their outer margins are the stem's or the display's. */
  :is(.stem, .display) > :first-child {
    margin-block-start: 0;
  }

  :is(.stem, .display) > :last-child {
    margin-block-end: 0;
  }

  .group {
    margin-block-end: var(--_space);
  }

  /* Each repeat, and the questions under a question, set off so it is plain what they belong to. */
  .repeat,
  .nested {
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: var(--_space);
    margin-block-end: var(--_space);
  }

  .repeat-number {
    font-weight: 600;
    margin-block: 0 calc(var(--_space) * 0.5);
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

  .help {
    margin-block: 0 calc(var(--_space) * 0.5);
  }

  .answers {
    display: grid;
    gap: 0.5rem;
  }

  /* Side by side (FHIR choiceOrientation), as many to a row as fit: one under another on a narrow screen. */
  .answers.horizontal {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr));
  }

  [data-invalid] .answer {
    border-color: var(--_error);
  }

  .error {
    color: var(--_error);
    font-weight: 600;
    margin-block: 0.5rem 0;
  }

  /* The sign is decoration: "invalid entry" already says it to screen readers, which would read it
     out ("warning sign") before every message. Engines without alternative text keep the first. */
  .error::before {
    content: '⚠ ';
    content: '⚠ ' / '';
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
`;
