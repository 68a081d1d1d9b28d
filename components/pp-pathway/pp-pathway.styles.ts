import { css } from 'lit';

export const styles = css`
  :host {
    /* In em: the marker holds the step's number, which must fit whatever the page's root size. */
    --_marker: 2.25em;
    --_line: 4px;
    --_column-gap: 0.75rem;
  }

  /* The timeline follows the width of the element, not of the window: a pathway in a sidebar stays vertical. */
  .root {
    container: pathway / inline-size;
  }

  .title {
    font-size: 1.5em;
    line-height: 1.25;
    margin-block: 0 var(--_space);
  }

  h3 {
    font-size: 1.2em;
    line-height: 1.3;
    margin-block: calc(var(--_space) * 1.5) calc(var(--_space) * 0.5);
  }

  .prose,
  .glossary {
    max-inline-size: var(--_max-width);
  }

  .prose p,
  .details p {
    margin-block: 0 0.5em;
  }

  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }

  .step {
    position: relative;
    min-inline-size: 0;
    max-inline-size: var(--_max-width);
    padding-inline-start: calc(var(--_marker) + 0.75rem);
    padding-block-end: calc(var(--_space) * 1.5);
  }

  /* The line to the next step: dashed ahead of the person, solid where they have been. */
  .step:not(:last-child)::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(var(--_marker) / 2 - var(--_line) / 2);
    inset-block: var(--_marker) 0;
    border: 0 dashed var(--_border);
    border-inline-start-width: var(--_line);
  }

  .step[data-state='completed']:not(:last-child)::before {
    border-style: solid;
    border-color: var(--_accent);
  }

  .marker {
    position: absolute;
    inset-inline-start: 0;
    inset-block-start: 0;
    inline-size: var(--_marker);
    block-size: var(--_marker);
    display: grid;
    place-items: center;
    border-radius: 50%;
    border: 3px solid var(--_border);
    background: var(--_background);
    font-weight: 700;
  }

  .step[data-state='completed'] .marker {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .step[data-state='current'] .marker {
    border-width: 5px;
    border-color: var(--_accent);
    color: var(--_accent);
    box-shadow: 0 0 0 4px var(--_selected);
  }

  .step-title {
    margin: 0;
    font-size: 1.1em;
    line-height: 1.3;
  }

  /* The step title is the disclosure button: a big target that reads as a heading. */
  .toggle {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    inline-size: 100%;
    min-block-size: var(--_marker);
    margin: 0;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    margin-inline-start: -0.5rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font-weight: 700;
    text-align: start;
  }

  /* Long words ("questionnaires") break rather than run under the chevron in a narrow column. */
  .toggle-text {
    min-inline-size: 0;
    overflow-wrap: break-word;
    hyphens: auto;
  }

  .toggle:hover .toggle-text {
    text-decoration: underline;
  }

  /* Physical sides on purpose: the chevron points down (or up) in both directions of text. */
  .chevron {
    flex: none;
    inline-size: 0.6em;
    block-size: 0.6em;
    border-bottom: 3px solid currentColor;
    border-right: 3px solid currentColor;
    rotate: 45deg;
    translate: 0 -0.15em;
    transition: rotate 0.15s ease-out;
  }

  .toggle[aria-expanded='true'] .chevron {
    rotate: 225deg;
    translate: 0 0.15em;
  }

  .status {
    display: inline-block;
    margin-block: 0.25rem;
    padding-block: 0.05rem;
    padding-inline: 0.6rem;
    border: 2px solid var(--_accent);
    border-radius: 1rem;
    font-size: 0.9em;
    font-weight: 600;
  }

  .step[data-state='current'] .status {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .facts {
    margin-block: 0.25rem 0;
    display: grid;
    gap: 0.25rem;
    font-size: 0.95em;
  }

  .facts dt {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .facts dd {
    margin: 0;
  }

  .facts p {
    margin: 0;
  }

  .roles {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .roles li {
    padding-inline: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Spacing goes on the open state only: hidden="until-found" keeps the element's own box. */
  .details:not([hidden]) {
    padding-block-start: 0.5rem;
  }

  h5 {
    font-size: 1em;
    margin-block: 0.75rem 0.25rem;
  }

  .details ul {
    margin-block: 0;
    padding-inline-start: 1.25em;
  }

  .decisions li + li {
    margin-block-start: 0.5rem;
  }

  .emergency {
    padding: calc(var(--_space) * 0.5);
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
  }

  .decision-target {
    display: block;
    font-weight: 600;
  }

  a {
    color: var(--_accent);
  }

  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .link {
    text-align: start;
  }

  .link[aria-expanded='true'] {
    background: var(--_selected);
  }

  .inline-action {
    margin-block-start: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  .glossary {
    margin: 0;
  }

  .glossary dt {
    font-weight: 700;
  }

  .glossary dd {
    margin-inline-start: 0;
    margin-block-end: 0.75rem;
  }

  .sources {
    margin-block-start: calc(var(--_space) * 1.5);
    max-inline-size: var(--_max-width);
    font-size: 0.85em;
    color: var(--_muted);
  }

  .sources summary {
    min-block-size: var(--_target);
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
    cursor: pointer;
  }

  .sources ul {
    padding-inline-start: 1.25em;
  }

  .sources li + li {
    margin-block-start: 0.25rem;
  }

  /*
   * Wide: the steps side by side, the line running between the markers (right to left in
   * right-to-left languages, as the grid follows the direction). An open step gets a wider column
   * (--_columns, set by the element), so its details read as text rather than a narrow strip.
   * A questionnaire or lesson shown inline needs the full width, so the timeline stacks while one is open.
   * The width is in the container's em (its text size, not the page's rem), so larger text keeps
   * the timeline vertical longer.
   */
  @container pathway (min-width: 57em) {
    .timeline:not(.has-inline-action) {
      grid-auto-flow: column;
      grid-template-columns: var(--_columns);
      column-gap: var(--_column-gap);
      transition: grid-template-columns 0.2s ease-out;
    }

    .timeline:not(.has-inline-action) > .step {
      max-inline-size: none;
      padding-inline-start: 0;
      padding-block-start: calc(var(--_marker) + 0.5rem);
    }

    .timeline:not(.has-inline-action) .step-title {
      font-size: 1em;
    }

    .timeline:not(.has-inline-action) > .step:not(:last-child)::before {
      inset-inline: var(--_marker) calc(-1 * var(--_column-gap));
      inset-block: calc(var(--_marker) / 2 - var(--_line) / 2) auto;
      border-inline-start-width: 0;
      border-block-start-width: var(--_line);
    }
  }

  @media (forced-colors: active) {
    .step[data-state='current'] .marker {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
    .step[data-state='completed'] .marker {
      border-color: Highlight;
    }
  }

  @media print {
    .details[hidden] {
      display: block;
      content-visibility: visible;
      padding-block-start: 0.5rem;
    }
    .sources::details-content {
      content-visibility: visible;
    }
    .chevron,
    .inline-action {
      display: none;
    }
    .step {
      break-inside: avoid;
    }
    .marker,
    .status {
      box-shadow: none;
    }
  }
`;
