import { css } from 'lit';

export const styles = css`
  .root {
    max-inline-size: var(--_max-width);
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  /* A grid item is as wide as its widest content unless allowed to shrink: the table scrolls instead. */
  .panel {
    margin: 0;
    min-inline-size: 0;
  }

  .title {
    font-size: 1.2em;
    font-weight: 600;
    line-height: 1.25;
    margin-block-end: calc(var(--_space) * 0.25);
  }

  .summary {
    margin-block: 0 calc(var(--_space) * 0.75);
  }

  .plot {
    position: relative;
    block-size: var(--pp-chart-height, max(20rem, 320px));
  }

  /* Until chart.js sizes the canvas to its box, its default 300 px width must not widen a narrow page. */
  .plot > canvas {
    display: block;
    max-inline-size: 100%;
  }

  .data {
    margin-block-start: calc(var(--_space) * 0.5);
  }

  .data > summary {
    cursor: pointer;
    padding-block: 0.6em;
    color: var(--_accent);
    font-weight: 600;
  }

  .table-scroll {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.95em;
    margin-block-end: var(--_space);
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-block: 0.25em;
  }

  th,
  td {
    text-align: start;
    padding-block: 0.4em;
    padding-inline: 0.6em;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }

  .number {
    font-variant-numeric: tabular-nums;
  }

  .important {
    display: block;
    font-weight: 600;
  }

  .no-score,
  .empty,
  .loading {
    color: var(--_muted);
  }

  .failure {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: var(--_space);
  }
`;
