import { css } from 'lit';

export const bodyMapFigureStyles = css`
  .body-map-figure {
    /* Left and right are the person's own sides, so the artwork must not flip in right-to-left pages. */
    direction: ltr;
    display: flex;
    justify-content: center;
    gap: clamp(0.5rem, 4vw, 2rem);
    max-inline-size: 26rem;
    margin-inline: auto;
    /* Quick repeated taps toggle regions instead of zooming or selecting text. */
    touch-action: manipulation;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }

  .body-map-defs {
    position: absolute;
    inline-size: 0;
    block-size: 0;
  }

  .body-map-view {
    flex: 1 1 0;
    min-inline-size: 0;
    max-inline-size: 12rem;
    margin: 0;
  }

  .body-map-view svg {
    display: block;
    /* What shapes inherit should a browser lack color-mix(). */
    fill: var(--_surface);
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
  }

  .body-map-caption {
    font-weight: 600;
    text-align: center;
  }

  .body-map-sides {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5em;
    font-size: 0.8em;
    color: var(--_text);
  }

  .body-map-silhouette,
  .body-map-hair,
  .region {
    stroke: var(--_border);
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }

  .body-map-silhouette,
  .body-map-hair {
    stroke-width: 1.5px;
    pointer-events: none;
  }

  .body-map-silhouette {
    fill: var(--_surface);
  }

  .body-map-hair {
    fill: color-mix(in srgb, var(--_border) 35%, var(--_surface));
  }

  .region {
    fill: var(--_surface);
    stroke-width: 1px;
    cursor: pointer;
    transition:
      fill 0.15s ease-out,
      stroke-width 0.15s ease-out;
  }

  .region.selected {
    /* Hatching and a heavier outline tell selected regions apart without relying on colour. */
    fill: url(#pp-body-map-hatch) var(--_accent);
    stroke: var(--_text);
    stroke-width: 3px;
  }

  .hatch-ground {
    fill: var(--_accent);
  }

  .hatch-line {
    stroke: var(--_surface);
    stroke-width: 1.5;
  }

  @media (hover: hover) {
    .region:hover {
      fill: color-mix(in srgb, var(--_accent) 20%, var(--_surface));
      stroke: var(--_accent);
      stroke-width: 2px;
    }

    .region.selected:hover {
      fill: url(#pp-body-map-hatch) var(--_accent);
      stroke: var(--_text);
      stroke-width: 4px;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .region {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    /* System colours are set explicitly below, so the browser must not flatten the artwork. */
    .body-map-figure svg {
      forced-color-adjust: none;
    }

    .body-map-silhouette,
    .body-map-hair,
    .region {
      fill: Canvas;
      stroke: CanvasText;
    }

    .region:hover {
      fill: Canvas;
      stroke: Highlight;
    }

    .region.selected,
    .region.selected:hover {
      fill: url(#pp-body-map-hatch) Highlight;
      stroke: CanvasText;
    }

    .hatch-ground {
      fill: Highlight;
    }

    .hatch-line {
      stroke: Canvas;
    }
  }
`;
