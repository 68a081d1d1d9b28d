import { css } from 'lit';

/**
 * Design tokens with their defaults. Hosts override any `--pp-*` property on the element or an
 * ancestor; nothing here reaches outside the shadow root.
 */
export const tokens = css`
  :host {
    --_font-family: var(--pp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    /*
     * Sizes must not shrink on pages that set a small root font size (CMS themes' 62.5 %): text
     * takes the larger of the page's rem and the person's own default size (the host's font-size,
     * held at "medium" below), so it still grows with the browser's text-size setting; targets
     * and widths never drop below their pixel sizes at default settings.
     */
    --_font-size: var(--pp-font-size, max(1.125rem, 1.125em));
    --_line-height: var(--pp-line-height, 1.5);
    --_text: var(--pp-color-text, #1a1a1a);
    --_muted: var(--pp-color-muted, #4d4d4d);
    --_background: var(--pp-color-background, #ffffff);
    --_surface: var(--pp-color-surface, #f3f5f8);
    --_border: var(--pp-color-border, #767676);
    --_accent: var(--pp-color-accent, #0b57a4);
    --_on-accent: var(--pp-color-on-accent, #ffffff);
    --_selected: var(--pp-color-selected, #e3eefb);
    --_error: var(--pp-color-error, #b3261e);
    --_focus: var(--pp-color-focus, #0b57a4);
    --_radius: var(--pp-radius, max(0.5rem, 8px));
    --_space: var(--pp-space, max(1rem, 16px));
    --_target: var(--pp-target-size, max(3rem, 48px));
    --_max-width: var(--pp-max-width, max(46rem, 736px));

    /* Important, so that it wins over the page's rules for this element (the inner context does). */
    font-size: medium !important;
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_background);
  }

  /*
   * Type and spacing are set again on the shadow root's own elements: a CMS theme's
   * "* { font: … !important }" or "text-indent" matches the host element itself and would
   * otherwise be inherited by everything inside.
   */
  :host > * {
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    font-style: normal;
    font-weight: normal;
    text-align: start;
    text-indent: 0;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  button {
    font: inherit;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-block: 0.5em;
    padding-inline: 1.25em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    cursor: pointer;
  }

  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  button.secondary {
    background: var(--_background);
    color: var(--_accent);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
