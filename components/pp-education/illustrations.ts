import { css, svg, type SVGTemplateResult } from 'lit';
import type { IllustrationName } from '../../src/model/education.js';

/**
 * Painpath's own drawings for the education modules: simple, friendly, without words (so one
 * drawing serves every language). Colours come from classes, so hosts theme them with
 * `--pp-illustration-*` properties; `mirrorInRtl` marks drawings whose direction means "time
 * goes on" or "forward", which right-to-left readers read from the right.
 */
export interface Illustration {
  readonly drawing: SVGTemplateResult;
  readonly mirrorInRtl: boolean;
}

const backdrop = svg`<rect class="bg" x="4" y="4" width="232" height="152" rx="24" />`;

const person = (x: number, y: number) => svg`
  <circle class="ink skin" cx=${x} cy=${y} r="11" />
  <path class="ink" d="M${x} ${y + 11} v30 M${x} ${y + 20} l-14 12 M${x} ${y + 20} l14 12 M${x} ${y + 41} l-11 22 M${x} ${y + 41} l11 22" />`;

export const ILLUSTRATIONS: Readonly<Record<IllustrationName, Illustration>> = {
  'smoke-alarm': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink" d="M40 28 H200" />
      <rect class="ink light" x="104" y="28" width="32" height="10" rx="2" />
      <ellipse class="ink light" cx="120" cy="56" rx="46" ry="20" />
      <path class="ink" d="M90 58 H150" />
      <circle class="alert" cx="120" cy="48" r="6" />
      <path class="ink" d="M62 70 q-10 14 0 28 M48 66 q-16 22 0 42 M178 70 q10 14 0 28 M192 66 q16 22 0 42" />
      <path class="ink calm" d="M120 92 l26 9 v17 c0 16 -12 26 -26 32 c-14 -6 -26 -16 -26 -32 v-17 z" />
      <path class="ink" d="M108 120 l8 8 l16 -16" />`,
  },
  'small-cut-big-ouch': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink skin" d="M76 150 V70 a18 18 0 0 1 36 0 V150" />
      <path class="ink" d="M84 66 a10 10 0 0 1 20 0" />
      <path class="alert-stroke" d="M88 98 l12 -4" />
      <path class="ink warm-stroke" d="M132 60 l22 -14 M138 84 h28 M132 108 l22 14 M56 60 l-16 -12 M52 86 h-18" />
      <circle class="ink warm" cx="180" cy="44" r="8" />
      <circle class="ink warm" cx="192" cy="84" r="12" />
      <circle class="ink warm" cx="180" cy="124" r="8" />`,
  },
  'danger-safety-scale': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink" d="M120 36 V136 M92 136 H148 M52 44 H188" />
      <path class="ink thin" d="M52 44 l-26 60 M52 44 l26 60 M188 44 l-26 60 M188 44 l26 60" />
      <circle class="ink primary" cx="120" cy="44" r="8" />
      <path class="ink warm" d="M52 70 l17 30 h-34 z" />
      <path class="ink" d="M52 80 v8 M52 94 v0" />
      <path class="ink calm" d="M188 100 c-20 -12 -22 -30 -9 -32 c6 -1 9 4 9 4 c0 0 3 -5 9 -4 c13 2 11 20 -9 32 z" />
      <path class="ink light" d="M22 104 h60 a30 12 0 0 1 -60 0 z M158 104 h60 a30 12 0 0 1 -60 0 z" />`,
  },
  'open-book': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink light" d="M120 132 C96 118 64 118 40 126 V70 C64 62 96 62 120 76 Z" />
      <path class="ink light" d="M120 132 C144 118 176 118 200 126 V70 C176 62 144 62 120 76 Z" />
      <path class="ink thin" d="M54 84 C72 80 92 82 106 90 M54 98 C72 94 92 96 106 104 M134 90 C148 82 168 80 186 84 M134 104 C148 96 168 94 186 98" />
      <circle class="ink warm" cx="120" cy="38" r="16" />
      <path class="ink" d="M114 54 h12 M116 60 h8 M120 12 v-4 M96 22 l-4 -4 M144 22 l4 -4" />`,
  },
  'healing-timeline': {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <path class="ink" d="M28 120 H204 m-12 -10 l12 10 l-12 10" />
      <circle class="ink alert" cx="52" cy="72" r="24" />
      <path class="ink" d="M40 60 l8 8 l-6 6 l10 10 l-4 4 M62 62 l-4 6" />
      <circle class="ink warm" cx="120" cy="72" r="20" />
      <path class="ink" d="M112 66 l6 6 l-2 4 l6 4" />
      <circle class="ink calm" cx="188" cy="72" r="24" />
      <path class="ink" d="M177 72 l8 8 l15 -15 M52 112 v16 M120 112 v16 M188 112 v16" />`,
  },
  'spine-scan': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <rect class="ink dark" x="64" y="16" width="112" height="128" rx="10" />
      ${[0, 1, 2, 3, 4, 5].map((i) => svg`<rect class="light" x=${104 + (i % 2) * 2} y=${26 + i * 19} width="30" height="13" rx="5" />`)}
      <circle class="ink calm" cx="186" cy="126" r="20" />
      <path class="ink" d="M177 126 l6 6 l12 -12" />`,
  },
  walking: {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <circle class="ink warm" cx="190" cy="40" r="16" />
      <path class="ink" d="M20 136 C80 124 160 124 220 136" />
      <circle class="ink skin" cx="104" cy="44" r="11" />
      <path class="ink" d="M106 55 l4 34 M108 66 l-16 14 M108 66 l18 8 M110 89 l-14 32 M110 89 l18 30" />
      <path class="ink primary-stroke" d="M52 76 h28 M44 92 h30" />`,
  },
  'volume-knob': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      ${[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => {
        const angle = ((135 + i * 33.75) * Math.PI) / 180;
        const [x1, y1] = [96 + Math.cos(angle) * 50, 84 + Math.sin(angle) * 50];
        const [x2, y2] = [96 + Math.cos(angle) * 60, 84 + Math.sin(angle) * 60];
        return svg`<path class=${i > 5 ? 'alert-stroke' : 'ink'} d="M${x1.toFixed(1)} ${y1.toFixed(1)} L${x2.toFixed(1)} ${y2.toFixed(1)}" />`;
      })}
      <circle class="ink primary" cx="96" cy="84" r="40" />
      <path class="ink light-stroke" d="M96 84 L124 62" />
      <path class="ink" d="M176 60 q12 24 0 48 M196 48 q20 36 0 72" />`,
  },
  'leaf-alarm': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink warm" d="M72 112 C72 60 88 40 112 40 C136 40 152 60 152 112 Z" />
      <path class="ink" d="M64 112 H160 M112 40 v-12" />
      <circle class="ink dark" cx="112" cy="120" r="8" />
      <path class="ink" d="M54 56 q-12 20 0 40 M170 56 q12 20 0 40" />
      <path class="ink calm" d="M206 86 c-24 -6 -38 16 -28 40 c24 6 38 -16 28 -40 z" />
      <path class="ink thin" d="M178 126 l26 -38 M184 60 q-8 8 0 14 M206 56 q-8 8 0 14" />`,
  },
  'new-path': {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <path class="path-edge" d="M24 150 C80 140 60 96 116 92 C172 88 156 44 216 32" />
      <path class="path" d="M24 150 C80 140 60 96 116 92 C172 88 156 44 216 32" />
      ${[
        [52, 138], [80, 122], [96, 100], [128, 88], [156, 74], [176, 52],
      ].map(([x, y]) => svg`<ellipse class="ink-fill" cx=${x} cy=${y} rx="5" ry="8" transform="rotate(60 ${x} ${y})" />`)}
      <circle class="ink calm" cx="214" cy="32" r="10" />`,
  },
  'boom-bust': {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <path class="ink" d="M28 24 V136 H216" />
      <path class="alert-stroke" d="M36 112 L56 40 L76 124 L96 48 L116 128 L136 36 L156 126 L176 52 L196 130" />
      <path class="calm-stroke" d="M36 104 C80 96 140 86 208 64" />`,
  },
  timer: {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <circle class="ink light" cx="120" cy="86" r="52" />
      <path class="ink" d="M108 22 h24 M120 22 v12 M160 44 l8 -8" />
      <path class="calm" d="M120 86 V42 A44 44 0 0 1 158 108 Z" />
      <path class="ink" d="M120 86 V50 M120 86 l22 14" />
      <circle class="ink dark" cx="120" cy="86" r="5" />`,
  },
  staircase: {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <path class="ink primary" d="M24 140 V116 H72 V92 H120 V68 H168 V44 H216 V140 Z" />
      ${person(96, 20)}
      <path class="ink" d="M196 44 V16 l16 6 l-16 6" />`,
  },
  'moon-bed': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink warm" d="M188 20 a24 24 0 1 0 24 30 a20 20 0 0 1 -24 -30 z" />
      <path class="ink thin" d="M48 30 v14 M41 37 h14 M144 24 v10 M139 29 h10 M96 44 v10 M91 49 h10" />
      <path class="ink light" d="M28 132 V92 H212 V132" />
      <path class="ink" d="M28 120 H212 M28 132 v12 M212 132 v12" />
      <rect class="ink primary" x="84" y="84" width="128" height="36" rx="10" />
      <rect class="ink light" x="36" y="78" width="40" height="22" rx="8" />
      <circle class="ink skin" cx="66" cy="80" r="12" />
      <path class="ink thin" d="M60 80 h4 M70 80 h4" />`,
  },
  'cycle-arrows': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink" d="M72 56 A56 50 0 0 1 168 56 M168 104 A56 50 0 0 1 72 104" />
      <path class="ink" d="M158 44 l10 12 l-14 6 M82 116 l-10 -12 l14 -6" />
      <path class="ink warm" d="M44 64 a20 20 0 1 0 20 26 a16 16 0 0 1 -20 -26 z" />
      <path class="ink alert" d="M190 56 l-14 26 h12 l-8 24 l22 -32 h-12 l8 -18 z" />`,
  },
  'stress-bucket': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink light" d="M64 40 L80 136 H160 L176 40 Z" />
      <path class="primary" d="M72 80 L80 132 H160 L168 80 Z" />
      <path class="ink" d="M64 40 L80 136 H160 L176 40" />
      <path class="ink primary" d="M92 16 c-6 10 -6 16 0 16 c6 0 6 -6 0 -16 z M120 8 c-6 10 -6 16 0 16 c6 0 6 -6 0 -16 z M148 16 c-6 10 -6 16 0 16 c6 0 6 -6 0 -16 z" />
      <path class="ink" d="M158 112 h36 v10" />
      <path class="ink calm" d="M194 130 c-5 8 -5 12 0 12 c5 0 5 -4 0 -12 z" />`,
  },
  'calm-breath': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <circle class="ink skin" cx="120" cy="60" r="24" />
      <path class="ink thin" d="M110 58 q4 4 8 0 M124 58 q4 4 8 0 M114 70 q6 4 12 0" />
      <path class="ink primary" d="M72 144 C72 108 92 92 120 92 C148 92 168 108 168 144 Z" />
      <path class="calm-stroke" d="M36 52 q12 -10 24 0 t24 0 M156 52 q12 -10 24 0 t24 0 M40 84 q10 -8 20 0 M180 84 q10 -8 20 0" />`,
  },
  conversation: {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink light" d="M28 28 h104 a10 10 0 0 1 10 10 v40 a10 10 0 0 1 -10 10 h-68 l-20 18 v-18 h-16 a10 10 0 0 1 -10 -10 v-40 a10 10 0 0 1 10 -10 z" />
      <path class="ink primary" d="M212 64 h-80 a10 10 0 0 0 -10 10 v36 a10 10 0 0 0 10 10 h52 l20 18 v-18 h8 a10 10 0 0 0 10 -10 v-36 a10 10 0 0 0 -10 -10 z" />
      <path class="ink thin" d="M44 48 h72 M44 64 h48" />
      <path class="ink alert" d="M172 110 c-14 -10 -14 -24 -4 -26 c4 0 4 3 4 3 c0 0 0 -3 4 -3 c10 2 10 16 -4 26 z" />`,
  },
  'storm-passes': {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <path class="ink cloud" d="M36 84 a18 18 0 0 1 10 -32 a24 24 0 0 1 44 -8 a18 18 0 0 1 14 40 z" />
      <path class="ink primary-stroke" d="M52 96 l-6 14 M72 96 l-6 14 M92 96 l-6 14" />
      <path class="ink" d="M112 120 H148 m-10 -10 l10 10 l-10 10" />
      <circle class="ink warm" cx="186" cy="76" r="22" />
      <path class="ink warm-stroke" d="M186 38 v-10 M186 124 v-10 M148 76 h-10 M224 76 h-10 M160 50 l-6 -6 M212 102 l6 6 M212 50 l6 -6" />`,
  },
  'plan-clipboard': {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <rect class="ink primary" x="64" y="20" width="112" height="128" rx="10" />
      <rect class="ink light" x="76" y="34" width="88" height="104" rx="4" />
      <rect class="ink dark" x="100" y="12" width="40" height="16" rx="5" />
      ${[56, 84, 112].map(
        (y) => svg`<path class="calm-stroke" d="M84 ${y} l6 6 l12 -12" /><path class="ink thin" d="M112 ${y} h40" />`,
      )}`,
  },
  'goal-flag': {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <path class="ink calm" d="M4 128 C60 92 120 64 168 56 C196 52 220 64 236 72 V132 a24 24 0 0 1 -24 24 H28 a24 24 0 0 1 -24 -24 Z" />
      <path class="path" d="M32 140 C72 124 96 108 120 100 C144 92 156 76 168 60" />
      <path class="ink" d="M168 56 V16" />
      <path class="ink alert" d="M168 16 l32 10 l-32 10 z" />
      ${person(72, 78)}`,
  },
  'question-mark': {
    mirrorInRtl: true,
    drawing: svg`${backdrop}
      <path class="ink light" d="M64 24 h112 a16 16 0 0 1 16 16 v64 a16 16 0 0 1 -16 16 h-64 l-28 24 v-24 h-20 a16 16 0 0 1 -16 -16 v-64 a16 16 0 0 1 16 -16 z" />
      <path class="primary-stroke bold" d="M104 56 a16 16 0 1 1 24 14 c-8 4 -8 8 -8 14" />
      <circle class="primary" cx="120" cy="100" r="6" />`,
  },
  lightbulb: {
    mirrorInRtl: false,
    drawing: svg`${backdrop}
      <path class="ink warm" d="M120 28 a36 36 0 0 1 22 64 c-4 4 -6 8 -6 14 h-32 c0 -6 -2 -10 -6 -14 a36 36 0 0 1 22 -64 z" />
      <path class="ink" d="M106 118 h28 M110 130 h20 M120 18 v-8 M72 36 l-10 -8 M168 36 l10 -8 M60 72 h-14 M180 72 h14" />
      <path class="ink thin" d="M112 96 l8 -16 l8 16" />`,
  },
};

/** The drawings' look: outlines and fills themable through `--pp-illustration-*`. */
export const illustrationStyles = css`
  :host {
    --_ill-ink: var(--pp-illustration-ink, #1d3557);
    --_ill-background: var(--pp-illustration-background, #eaf2fb);
    --_ill-primary: var(--pp-illustration-primary, #6fa8dc);
    --_ill-warm: var(--pp-illustration-warm, #f6b45e);
    --_ill-calm: var(--pp-illustration-calm, #86c59b);
    --_ill-alert: var(--pp-illustration-alert, #e07a5f);
    --_ill-skin: var(--pp-illustration-skin, #f3d2b3);
    --_ill-light: var(--pp-illustration-light, #ffffff);
  }

  .illustration svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    fill: none;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .illustration svg .bg { fill: var(--_ill-background); }
  .illustration svg .ink { stroke: var(--_ill-ink); stroke-width: 4; }
  .illustration svg .thin { stroke-width: 3; }
  .illustration svg .ink-fill { fill: var(--_ill-ink); }
  .illustration svg .dark { fill: var(--_ill-ink); }
  .illustration svg .light { fill: var(--_ill-light); }
  .illustration svg .skin { fill: var(--_ill-skin); }
  .illustration svg .cloud { fill: var(--_ill-light); }
  .illustration svg .primary { fill: var(--_ill-primary); }
  .illustration svg .warm { fill: var(--_ill-warm); }
  .illustration svg .calm { fill: var(--_ill-calm); }
  .illustration svg .alert { fill: var(--_ill-alert); }
  .illustration svg .primary-stroke { stroke: var(--_ill-primary); stroke-width: 5; }
  .illustration svg .warm-stroke { stroke: var(--_ill-warm); stroke-width: 5; }
  .illustration svg .calm-stroke { stroke: var(--_ill-calm); stroke-width: 6; }
  .illustration svg .alert-stroke { stroke: var(--_ill-alert); stroke-width: 6; }
  .illustration svg .light-stroke { stroke: var(--_ill-light); stroke-width: 6; }
  .illustration svg .bold { stroke-width: 12; }
  .illustration svg .path { stroke: var(--_ill-light); stroke-width: 14; }
  .illustration svg .path-edge { stroke: var(--_ill-ink); stroke-width: 22; }

  :dir(rtl) .illustration.mirror svg {
    transform: scaleX(-1);
  }
`;
