import { css } from 'lit';

export const styles = css`
  :host {
    --_correct: var(--pp-color-correct, #1b6e3a);
    --_highlight: var(--pp-color-highlight, #fff0a6);
  }

  .read-aloud {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-end: var(--_space);
  }

  .read-aloud-message {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
  }

  .read-aloud-message:empty {
    display: none;
  }

  /* Horizontal swipes reach our pointer handlers; vertical scrolling and zooming stay the browser's. */
  .pages {
    touch-action: pan-y pinch-zoom;
  }

  .page:focus {
    outline: none;
  }

  .page:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 4px;
  }

  .page-heading {
    font-size: 1.25em;
    line-height: 1.3;
    margin-block: 0 var(--_space);
  }

  h4 {
    font-size: 1.05em;
    margin-block: calc(var(--_space) * 1.25) calc(var(--_space) * 0.5);
  }

  .paragraph > :first-child {
    margin-block-start: 0;
  }

  .paragraph ul,
  .callout ul {
    padding-inline-start: 1.5em;
  }

  .paragraph li + li {
    margin-block-start: 0.25em;
  }

  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }

  [part~='speaking'] {
    background: var(--_highlight);
    color: var(--_text);
    border-radius: 0.2em;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
    box-shadow: 0 0 0 0.1em var(--_highlight);
  }

  .illustration {
    margin-block: 0 var(--_space);
    margin-inline: auto;
    max-inline-size: 20rem;
  }

  .key-message {
    margin-block: var(--_space);
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border-inline-start: 0.4rem solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_selected);
    font-weight: 600;
    font-size: 1.1em;
  }

  .key-message p {
    margin: 0;
  }

  .key-message .key-message-label {
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_accent);
    margin-block-end: 0.25rem;
  }

  /* Scripts without letter case (Arabic) read badly letter-spaced. */
  :lang(ar) .key-message .key-message-label {
    text-transform: none;
    letter-spacing: normal;
  }

  .callout {
    margin-block: var(--_space);
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* The emergency signs stand out from tips: the error colour, thicker, like a questionnaire's flag. */
  .emergency {
    border: 3px solid var(--_error);
  }

  .emergency-advice {
    font-weight: 600;
  }

  .callout-title {
    font-weight: 600;
    margin-block: 0 0.5rem;
  }

  .callout p:last-child {
    margin-block-end: 0;
  }

  .knowledge-check {
    border: 0;
    padding: 0;
    margin: 0 0 calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }

  .knowledge-check legend {
    padding: 0;
    font-weight: 600;
    margin-block-end: calc(var(--_space) * 0.5);
  }

  .options {
    display: grid;
    gap: 0.5rem;
  }

  .option[data-verdict] {
    background: var(--_selected);
    font-weight: 600;
  }

  .option[data-verdict='correct'] {
    border-color: var(--_correct);
  }

  .option[data-verdict='not-quite'] {
    border-color: var(--_accent);
  }

  .feedback p {
    margin-block: 0.75rem 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 0.3rem solid var(--_accent);
  }

  .feedback [data-verdict='correct'] {
    border-inline-start-color: var(--_correct);
  }

  /* The tick is decoration: the words say it, and screen readers would read it out ("check mark")
     before them. Engines without alternative text keep the first declaration. */
  .feedback [data-verdict='correct'] strong::before {
    content: '✓ ';
    content: '✓ ' / '';
  }

  .key-messages {
    display: grid;
    gap: 0.75rem;
    padding: 0;
    list-style: none;
  }

  .key-messages li {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 0.4rem solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_selected);
    font-weight: 600;
  }

  .sources-heading {
    font-size: 0.9em;
    color: var(--_muted);
  }

  .sources {
    font-size: 0.8em;
    color: var(--_muted);
    padding-inline-start: 1.5em;
    overflow-wrap: anywhere;
  }

  .sources li + li {
    margin-block-start: 0.35em;
  }

  /* Takes no room while empty (it is a live region: display: none would keep "Well done" from
     being announced when it comes). */
  .done {
    font-weight: 600;
    margin: 0;
  }

  @media (forced-colors: active) {
    [part~='speaking'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }

  /* On paper every page is shown, one after another, without the controls. */
  @media print {
    :host {
      font-size: 11pt;
    }
    .page[hidden] {
      display: block;
    }
    .page + .page {
      border-block-start: 1px solid #999;
      margin-block-start: 1.5em;
      padding-block-start: 1em;
    }
    .progress,
    .read-aloud,
    .navigation,
    .done {
      display: none;
    }
    .illustration {
      max-inline-size: 12rem;
      break-inside: avoid;
    }
    .key-message,
    .callout,
    .knowledge-check {
      break-inside: avoid;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
  }
`;
