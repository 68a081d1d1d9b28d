import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { RegionSet } from '../../src/model/region-sets.js';

export interface BodyMapFigureOptions {
  readonly regionSet: RegionSet;
  /** Region ids currently chosen. */
  readonly selected: ReadonlySet<string>;
  /** Localized region label, shown as the shape's tooltip. */
  readonly labelOf: (regionId: string) => string;
  /** Called with a region id when its shape is clicked or tapped. */
  readonly onToggle: (regionId: string) => void;
  readonly frontLabel: string;
  readonly backLabel: string;
  /** The person's own left. */
  readonly leftLabel: string;
  /** The person's own right. */
  readonly rightLabel: string;
}

/*
 * Our own artwork: a 200 × 450 box per view with the body's midline at x = 100. Sided shapes are
 * drawn on the viewer's left half and mirrored onto the other; midline shapes span both halves.
 * Path data holds only absolute commands with "x y" coordinate pairs, which is all `mirrored`
 * needs to understand.
 */
const WIDTH = 200;
const HEIGHT = 450;

/** Outline of the viewer's left half, from the top of the head to the crotch; left open so the midline is not stroked. */
const SILHOUETTE_HALF =
  'M100 8 C97.2 8.8,87 8.7,83 13 C79 17.3,77 28.5,76 34 C75 39.5,76.2 42,77 46 C77.8 50,79.2 54.7,81 58 C82.8 61.3,86.8 64.7,88 66 C88 69,88 81,88 84 C85.3 84.7,77.3 86.5,72 88 C66.7 89.5,60.5 90,56 93 C51.5 96,47.5 101.2,45 106 C42.5 110.8,42.5 114.7,41 122 C39.5 129.3,37.7 141,36 150 C34.3 159,32.7 166.5,31 176 C29.3 185.5,27.5 197,26 207 C24.5 217,23.3 228.7,22 236 C20.7 243.3,18.7 245.8,18 251 C17.3 256.2,16.7 263.2,18 267 C19.3 270.8,23.3 274.8,26 274 C28.7 273.2,31.8 267.7,34 262 C36.2 256.3,37 248.7,39 240 C41 231.3,43.5 220.3,46 210 C48.5 199.7,51.8 188.3,54 178 C56.2 167.7,57.3 157.3,59 148 C60.7 138.7,63.2 126.3,64 122 C64.3 125,65.3 133.3,66 140 C66.7 146.7,67.3 154.3,68 162 C68.7 169.7,69.8 178.7,70 186 C70.2 193.3,70.2 199,69 206 C67.8 213,64.2 220.3,63 228 C61.8 235.7,61.7 241.3,62 252 C62.3 262.7,63.7 278.7,65 292 C66.3 305.3,69.3 320.3,70 332 C70.7 343.7,67.7 348.3,69 362 C70.3 375.7,77.2 402.7,78 414 C78.8 425.3,74 425.5,74 430 C74 434.5,75 439.2,78 441 C81 442.8,89.5 445.5,92 441 C94.5 436.5,92.5 426.8,93 414 C93.5 401.2,94.7 377.7,95 364 C95.3 350.3,94.7 344,95 332 C95.3 320,96.2 304.3,97 292 C97.8 279.7,99.5 263.7,100 258';
const HAIR_FRONT =
  'M100 8 C97.2 8.8,87 8.7,83 13 C79 17.3,77 28.5,76 34 C77.2 32.2,79 25.3,83 23 C87 20.7,97.2 20.5,100 20 C102.8 20.5,113 20.7,117 23 C121 25.3,122.8 32.2,124 34 C123 28.5,121 17.3,117 13 C113 8.7,102.8 8.8,100 8 Z';
const HAIR_BACK =
  'M100 8 C97.2 8.8,87 8.7,83 13 C79 17.3,77 28.5,76 34 C75 39.5,76.2 42,77 46 C78.5 47.5,82.2 53.2,86 55 C89.8 56.8,97.7 56.7,100 57 C102.3 56.7,110.2 56.8,114 55 C117.8 53.2,121.5 47.5,123 46 C123.8 42,125 39.5,124 34 C123 28.5,121 17.3,117 13 C113 8.7,102.8 8.8,100 8 Z';
/** Lower face from the ear to the chin. */
const JAW =
  'M100 57 C97.7 56.3,89.8 54.8,86 53 C82.2 51.2,78.5 47.2,77 46 C77.8 50,79.2 54.7,81 58 C82.8 61.3,86.8 64.7,88 66 C88.8 66.5,91 68.2,93 69 C95 69.8,98.8 70.7,100 71 L100 57 Z';
const NECK =
  'M100 71 C98.8 70.7,95 69.8,93 69 C91 68.2,88.8 66.5,88 66 C88 69,88 81,88 84 L100 88 L112 84 C112 81,112 69,112 66 C111.2 66.5,109 68.2,107 69 C105 69.8,101.2 70.7,100 71 Z';
/** Trapezius slope and shoulder cap, down to the armpit. */
const SHOULDER_GIRDLE =
  'M88 84 C85.3 84.7,77.3 86.5,72 88 C66.7 89.5,60.5 90,56 93 C51.5 96,47.5 101.2,45 106 C42.5 110.8,42.5 114.7,41 122 C42.8 123,48.2 128,52 128 C55.8 128,62 123,64 122 C64.8 119,66.3 108.7,69 104 C71.7 99.3,76.8 97.3,80 94 C83.2 90.7,86.7 85.7,88 84 Z';
const UPPER_ARM =
  'M41 122 C39.5 129.3,37.7 141,36 150 C34.3 159,32.7 166.5,31 176 L54 178 C56.2 167.7,57.3 157.3,59 148 C60.7 138.7,63.2 126.3,64 122 C62 123,55.8 128,52 128 C48.2 128,42.8 123,41 122 Z';
const LOWER_ARM =
  'M31 176 C29.3 185.5,27.5 197,26 207 C24.5 217,23.3 228.7,22 236 L39 240 C41 231.3,43.5 220.3,46 210 C48.5 199.7,51.8 188.3,54 178 L31 176 Z';
/** Chest in the front view, upper back in the back view: the torso from the collarbones to the lower ribs. */
const UPPER_TORSO =
  'M100 88 L88 84 C86.7 85.7,83.2 90.7,80 94 C76.8 97.3,71.7 99.3,69 104 C66.3 108.7,64.8 119,64 122 C64.3 125,65.3 133.3,66 140 C66.7 146.7,67.3 154.3,68 162 C70.7 162.5,78.7 164.3,84 165 C89.3 165.7,97.3 165.8,100 166 C102.7 165.8,110.7 165.7,116 165 C121.3 164.3,129.3 162.5,132 162 C132.7 154.3,133.3 146.7,134 140 C134.7 133.3,135.7 125,136 122 C135.2 119,133.7 108.7,131 104 C128.3 99.3,123.2 97.3,120 94 C116.8 90.7,113.3 85.7,112 84 L100 88 Z';
/** From the lower ribs to the groin creases. */
const ABDOMEN =
  'M100 166 C97.3 165.8,89.3 165.7,84 165 C78.7 164.3,70.7 162.5,68 162 C68.7 169.7,69.8 178.7,70 186 C70.2 193.3,70.2 199,69 206 C71.5 210,79.3 223,84 230 C88.7 237,94.8 245,97 248 L100 248 L103 248 C105.2 245,111.3 237,116 230 C120.7 223,128.5 210,131 206 C129.8 199,129.8 193.3,130 186 C130.2 178.7,131.3 169.7,132 162 C129.3 162.5,121.3 164.3,116 165 C110.7 165.7,102.7 165.8,100 166 Z';
/** Side of the hip over the trochanter; the buttock is in the back view. */
const HIP_FRONT =
  'M69 206 C67.8 213,64.2 220.3,63 228 C61.8 235.7,61.7 241.3,62 252 C64.8 248,77.8 235.7,79 228 C80.2 220.3,70.7 209.7,69 206 Z';
/** Thigh from the groin crease to the knee. */
const UPPER_LEG_FRONT =
  'M62 252 C62.3 262.7,63.7 278.7,65 292 C66.3 305.3,69.3 320.3,70 332 L95 332 C95.3 320,96.2 304.3,97 292 C97.8 279.7,99.5 263.7,100 258 L97 248 C94.8 245,88.7 237,84 230 C79.3 223,71.5 210,69 206 C70.7 209.7,80.2 220.3,79 228 C77.8 235.7,64.8 248,62 252 Z';
const LOWER_LEG =
  'M70 332 C70.7 343.7,67.7 348.3,69 362 C70.3 375.7,77.2 402.7,78 414 L93 414 C93.5 401.2,94.7 377.7,95 364 C95.3 350.3,94.7 344,95 332 L70 332 Z';
/** From the lower ribs to the top of the pelvis. */
const LOWER_BACK =
  'M100 166 C97.3 165.8,89.3 165.7,84 165 C78.7 164.3,70.7 162.5,68 162 C68.7 169.7,69.8 178.7,70 186 C70.2 193.3,70.2 199,69 206 C71.7 206.8,79.8 209.8,85 211 C90.2 212.2,97.5 212.7,100 213 C102.5 212.7,109.8 212.2,115 211 C120.2 209.8,128.3 206.8,131 206 C129.8 199,129.8 193.3,130 186 C130.2 178.7,131.3 169.7,132 162 C129.3 162.5,121.3 164.3,116 165 C110.7 165.7,102.7 165.8,100 166 Z';
/** From the top of the pelvis to the buttock crease. */
const BUTTOCK =
  'M69 206 C67.8 213,64.2 220.3,63 228 C61.8 235.7,61.7 241.3,62 252 C65 253.7,74.8 260.3,80 262 C85.2 263.7,89.7 262.7,93 262 C96.3 261.3,98.8 258.7,100 258 L100 213 C97.5 212.7,90.2 212.2,85 211 C79.8 209.8,71.7 206.8,69 206 Z';
/** Thigh from the buttock crease to the knee. */
const UPPER_LEG_BACK =
  'M62 252 C62.3 262.7,63.7 278.7,65 292 C66.3 305.3,69.3 320.3,70 332 L95 332 C95.3 320,96.2 304.3,97 292 C97.8 279.7,99.5 263.7,100 258 C98.8 258.7,96.3 261.3,93 262 C89.7 262.7,85.2 263.7,80 262 C74.8 260.3,65 253.7,62 252 Z';

/** The shape reflected across the body's midline. */
function mirrored(d: string): string {
  return d.replace(/(-?[\d.]+) (-?[\d.]+)/g, (_, x: string, y: string) => `${+(WIDTH - Number(x)).toFixed(1)} ${y}`);
}

/** Path data by region id. A region of the set without an entry is not drawn in that view. */
type ViewShapes = Readonly<Record<string, string>>;

/** Seen from the front, the person's right side is on the viewer's left. */
const FRONT_SHAPES: ViewShapes = {
  'jaw-right': JAW,
  'jaw-left': mirrored(JAW),
  neck: NECK,
  'shoulder-girdle-right': SHOULDER_GIRDLE,
  'shoulder-girdle-left': mirrored(SHOULDER_GIRDLE),
  'upper-arm-right': UPPER_ARM,
  'upper-arm-left': mirrored(UPPER_ARM),
  'lower-arm-right': LOWER_ARM,
  'lower-arm-left': mirrored(LOWER_ARM),
  chest: UPPER_TORSO,
  abdomen: ABDOMEN,
  'hip-right': HIP_FRONT,
  'hip-left': mirrored(HIP_FRONT),
  'upper-leg-right': UPPER_LEG_FRONT,
  'upper-leg-left': mirrored(UPPER_LEG_FRONT),
  'lower-leg-right': LOWER_LEG,
  'lower-leg-left': mirrored(LOWER_LEG),
};

/** Seen from the back, the person's left side is on the viewer's left. */
const BACK_SHAPES: ViewShapes = {
  neck: NECK,
  'shoulder-girdle-left': SHOULDER_GIRDLE,
  'shoulder-girdle-right': mirrored(SHOULDER_GIRDLE),
  'upper-arm-left': UPPER_ARM,
  'upper-arm-right': mirrored(UPPER_ARM),
  'lower-arm-left': LOWER_ARM,
  'lower-arm-right': mirrored(LOWER_ARM),
  'upper-back': UPPER_TORSO,
  'lower-back': LOWER_BACK,
  'hip-left': BUTTOCK,
  'hip-right': mirrored(BUTTOCK),
  'upper-leg-left': UPPER_LEG_BACK,
  'upper-leg-right': mirrored(UPPER_LEG_BACK),
  'lower-leg-left': LOWER_LEG,
  'lower-leg-right': mirrored(LOWER_LEG),
};

type Side = 'left' | 'right';

interface View {
  readonly name: 'front' | 'back';
  readonly shapes: ViewShapes;
  /** Hair tells the back of the head from the face. */
  readonly hair: string;
  /** The person's side that appears on the viewer's left. */
  readonly sideOnViewersLeft: Side;
}

const VIEWS: readonly View[] = [
  { name: 'front', shapes: FRONT_SHAPES, hair: HAIR_FRONT, sideOnViewersLeft: 'right' },
  { name: 'back', shapes: BACK_SHAPES, hair: HAIR_BACK, sideOnViewersLeft: 'left' },
];

const SILHOUETTE = [SILHOUETTE_HALF, mirrored(SILHOUETTE_HALF)];
const HATCH_ID = 'pp-body-map-hatch';

/**
 * Front and back views of a body with a clickable shape per region. The figure is hidden from
 * assistive technology: the region list beside it is the accessible way to choose.
 */
export function bodyMapFigure(options: BodyMapFigureOptions): TemplateResult {
  const regions = options.regionSet.groups.flatMap((group) => group.regions);
  return html`<div class="body-map-figure" aria-hidden="true">
    <svg class="body-map-defs" width="0" height="0">
      <defs>
        <pattern id=${HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect class="hatch-ground" width="6" height="6"></rect>
          <line class="hatch-line" x1="1.5" y1="0" x2="1.5" y2="6"></line>
        </pattern>
      </defs>
    </svg>
    ${VIEWS.map((view) => viewFigure(view, regions, options))}
  </div>`;
}

function viewFigure(view: View, regions: readonly string[], options: BodyMapFigureOptions): TemplateResult {
  const sideLabel = { left: options.leftLabel, right: options.rightLabel };
  const sidesInViewerOrder: Side[] = view.sideOnViewersLeft === 'right' ? ['right', 'left'] : ['left', 'right'];
  const drawn = regions.filter((region) => view.shapes[region] !== undefined);
  const isSelected = (region: string) => options.selected.has(region);
  // Selected shapes go last so that neighbours do not paint over their thicker outline.
  const paintOrder = [...drawn.filter((region) => !isSelected(region)), ...drawn.filter(isSelected)];
  return html`<figure class="body-map-view" data-view=${view.name}>
    <figcaption class="body-map-caption">${view.name === 'front' ? options.frontLabel : options.backLabel}</figcaption>
    <div class="body-map-sides">
      ${sidesInViewerOrder.map((side) => html`<span class="body-map-side" data-side=${side}>${sideLabel[side]}</span>`)}
    </div>
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}">
      ${SILHOUETTE.map((d) => svg`<path class="body-map-silhouette" d=${d}></path>`)}
      <path class="body-map-hair" d=${view.hair}></path>
      ${paintOrder.map((region) => regionShape(region, view.shapes[region]!, isSelected(region), options))}
    </svg>
  </figure>`;
}

function regionShape(region: string, d: string, selected: boolean, options: BodyMapFigureOptions): SVGTemplateResult {
  return svg`<path
    class=${selected ? 'region selected' : 'region'}
    data-region=${region}
    d=${d}
    @click=${() => options.onToggle(region)}
  ><title>${options.labelOf(region)}</title></path>`;
}
