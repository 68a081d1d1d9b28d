import type { CartesianScaleOptions, Chart, ChartConfiguration, ChartDataset, Plugin, PointStyle, Scale, TooltipItem } from 'chart.js';
import type { ChartBand, ChartPanel, ChartPoint, ImportantChange } from '../../src/charts/score-series.js';
import { changeText, importantChangeText, scoreText } from './chart-text.js';

/** What the canvas is drawn with, taken from the element's tokens so that a host's theme reaches it. */
export interface ChartLook {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  /** Bands alternate between these two fills. */
  readonly bandFills: readonly [string, string];
  readonly lines: readonly string[];
  readonly marks: Readonly<Record<ImportantChange, string>>;
  readonly font: { readonly family: string; readonly size: number };
}

// Lines differ in point shape and dash as well as colour, so colour is never the only cue.
const LINE_SHAPES: readonly { readonly pointStyle: PointStyle; readonly dash: number[] }[] = [
  { pointStyle: 'circle', dash: [] },
  { pointStyle: 'rect', dash: [8, 4] },
  { pointStyle: 'triangle', dash: [2, 3] },
  { pointStyle: 'rectRot', dash: [12, 4, 2, 4] },
  { pointStyle: 'crossRot', dash: [4, 4] },
  { pointStyle: 'star', dash: [1, 5] },
];
// Each at least 4.5:1 against white and against the band fill.
const LINE_COLOURS = ['#0b57a4', '#8a4b00', '#6a1b9a', '#00695c', '#37474f', '#ad1457'];
const MARK_SHAPES: Readonly<Record<ImportantChange, PointStyle>> = { improvement: 'circle', worsening: 'rectRot' };
const BAND_LABEL_WIDTH = 18;
const TICK_LABEL_GAP = 16;

/** Colours and type for drawing on the canvas, read from the canvas: its font is the element's own, not the page's. */
export function lookOf(canvas: Element): ChartLook {
  const style = getComputedStyle(canvas);
  const token = (name: string) => style.getPropertyValue(name).trim();
  const font = { family: style.fontFamily, size: Math.round(parseFloat(style.fontSize) * 0.8) };
  // The canvas is not recoloured in forced-colours mode: draw with the system colours ourselves.
  if (matchMedia('(forced-colors: active)').matches) {
    return {
      text: 'CanvasText',
      muted: 'CanvasText',
      grid: 'GrayText',
      bandFills: ['Canvas', 'Canvas'],
      lines: ['CanvasText'],
      marks: { improvement: 'Highlight', worsening: 'Highlight' },
      font,
    };
  }
  return {
    text: token('--_text'),
    muted: token('--_muted'),
    grid: '#dde1e6',
    bandFills: [token('--_surface'), token('--_background')],
    lines: LINE_COLOURS,
    marks: { improvement: '#1b5e20', worsening: token('--_error') },
    font,
  };
}

/** Splits a long band label into lines, so that it does not squeeze the plot. */
function wrapped(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < BAND_LABEL_WIDTH) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Shades the interpretation bands behind everything else, and draws a dashed line where one band
 * meets the next over the grid (so that a grid line does not hide it), under the data.
 */
const bandsPlugin = (bands: readonly ChartBand[], look: ChartLook): Plugin<'line'> => ({
  id: 'pp-bands',
  beforeDraw({ ctx, chartArea, scales }) {
    const y = scales['y']!;
    bands.forEach((band, index) => {
      const top = y.getPixelForValue(band.to);
      ctx.fillStyle = look.bandFills[index % 2]!;
      ctx.fillRect(chartArea.left, top, chartArea.width, y.getPixelForValue(band.from) - top);
    });
  },
  beforeDatasetsDraw({ ctx, chartArea, scales }) {
    const y = scales['y']!;
    ctx.save();
    ctx.strokeStyle = look.muted;
    ctx.setLineDash([4, 4]);
    for (const band of bands.slice(1)) {
      const at = y.getPixelForValue(band.from);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, at);
      ctx.lineTo(chartArea.right, at);
      ctx.stroke();
    }
    ctx.restore();
  },
});

/**
 * Keeps the tooltip still while the pointer is over it (WCAG 1.4.13, hoverable): otherwise the
 * pointer, on its way onto the tooltip, comes nearer the next visit and the tooltip jumps to that
 * visit or away from under the pointer. Replayed events pass, so the tooltip still follows a resize.
 */
const hoverableTooltipPlugin: Plugin<'line'> = {
  id: 'pp-hoverable-tooltip',
  beforeEvent({ tooltip }, { event, replay }) {
    if (replay || event.type === 'mouseout' || !tooltip?.opacity || event.x === null || event.y === null) return;
    const over = event.x >= tooltip.x && event.x <= tooltip.x + tooltip.width && event.y >= tooltip.y && event.y <= tooltip.y + tooltip.height;
    if (over) return false;
  },
};

/**
 * Hides the tooltip and the hovered point's enlargement without the pointer moving, as Escape
 * must (WCAG 1.4.13, dismissible); the pointer's next move shows them again. Setting the tooltip's
 * active elements makes chart.js skip it when update() replays the last pointer event.
 */
export function dismissTooltip(chart: Chart): void {
  if (!chart.tooltip?.getActiveElements().length) return;
  chart.tooltip.setActiveElements([], { x: 0, y: 0 });
  chart.setActiveElements([]);
  chart.update();
}

interface XY {
  readonly x: number;
  readonly y: number | null;
}

const xy = (point: ChartPoint): XY => ({ x: point.time, y: point.value });

/** Sets a scale's ticks to exactly these values (band middles) instead of round numbers. */
const ticksAt = (values: readonly number[]) => (scale: Scale) => {
  scale.ticks = values.map((value) => ({ value }));
};

/**
 * Widens a side axis to its widest label line: chart.js shares half the chart's width among the
 * side axes (a quarter each beside the score axis), which cut band names off on a 320 px screen.
 * The plot gives way instead.
 */
const fitWidestLabel = (labels: readonly string[], look: ChartLook) => (scale: Scale) => {
  const { ctx } = scale;
  ctx.save();
  ctx.font = `${look.font.size}px ${look.font.family}`;
  const widest = Math.max(0, ...labels.map((label) => ctx.measureText(label).width));
  ctx.restore();
  // Labels start after the tick mark and the tick padding, as chart.js lays them out.
  const { ticks, grid } = scale.options as CartesianScaleOptions;
  const offset = (grid.drawTicks ? (grid.tickLength ?? 0) : 0) + (ticks.padding ?? 0);
  scale.width = Math.max(scale.width, Math.ceil(widest + offset));
};

/**
 * Ticks at the visit dates, leaving out those whose label would overlap another's: visits are
 * unevenly spaced (weeks apart, then a year), which chart.js's own skipping assumes they are not.
 * The first and the latest visit keep their labels; the latest wins when only one fits.
 */
const visitTicks = (panel: ChartPanel, look: ChartLook) => (scale: Scale) => {
  const { ctx } = scale;
  ctx.save();
  ctx.font = `${look.font.size}px ${look.font.family}`;
  const pixelsPerMs = scale.maxWidth / (panel.x.max - panel.x.min);
  const spans = panel.ticks.map(({ time, label }) => {
    const half = ctx.measureText(label).width / 2 + TICK_LABEL_GAP / 2;
    return { value: time, start: time * pixelsPerMs - half, end: time * pixelsPerMs + half };
  });
  ctx.restore();
  const [first, ...middle] = spans;
  const latest = middle.pop();
  const kept = latest ? [latest] : spans;
  if (first && latest && first.end <= latest.start) {
    for (const span of middle.reverse()) {
      if (span.start >= first.end && span.end <= kept[0]!.start) kept.unshift(span);
    }
    kept.unshift(first);
  }
  scale.ticks = kept.map(({ value }) => ({ value }));
};

/**
 * Drops the round-number tick next to the range's end when their labels would crowd (25 beside
 * PHQ-9's 27), keeping the end itself: the ends of a scale mean something.
 */
function uncrowdedEnds(scale: Scale): void {
  const { ticks } = scale;
  if (ticks.length < 3) return;
  // Only the gaps at the ends can be shorter than the step.
  const step = Math.max(...ticks.slice(1).map((tick, i) => tick.value - ticks[i]!.value));
  if (ticks.at(-1)!.value - ticks.at(-2)!.value < step / 2) ticks.splice(-2, 1);
  if (ticks[1]!.value - ticks[0]!.value < step / 2) ticks.splice(1, 1);
}

/**
 * The chart.js configuration of one panel. Every text is worked out here, while msg() answers in
 * the chart's language, because chart.js asks for tooltip texts later, on hover.
 */
export function chartConfig(panel: ChartPanel, look: ChartLook, direction: 'ltr' | 'rtl', lang: string): ChartConfiguration<'line', XY[]> {
  const rtl = direction === 'rtl';
  const { font } = look;
  const lines: ChartDataset<'line', XY[]>[] = panel.lines.map((line, index) => {
    const colour = look.lines[index % look.lines.length]!;
    const shape = LINE_SHAPES[index % LINE_SHAPES.length]!;
    return {
      label: line.name,
      data: line.points.map(xy),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2.5,
      borderDash: shape.dash,
      pointStyle: shape.pointStyle,
      pointRadius: 5,
      pointHoverRadius: 7,
      // A visit without a score is a gap, not a line drawn through it.
      spanGaps: false,
    };
  });
  const marks = (['improvement', 'worsening'] as const).flatMap((change): ChartDataset<'line', XY[]>[] => {
    const points = panel.lines.flatMap((line) => line.points.filter((point) => point.importantChange === change));
    if (points.length === 0) return [];
    return [
      {
        label: importantChangeText(change),
        data: points.map(xy),
        showLine: false,
        pointStyle: MARK_SHAPES[change],
        pointRadius: 12,
        pointHoverRadius: 12,
        pointBorderWidth: 3,
        borderColor: look.marks[change],
        backgroundColor: 'transparent',
      },
    ];
  });
  const tooltips = panel.lines.map((line) =>
    line.points.map((point) => {
      const important = point.importantChange && importantChangeText(point.importantChange);
      return [`${line.name}: ${scoreText(point)}`, changeText(point), important].filter((text): text is string => !!text);
    }),
  );
  const dateLabelAt = new Map(panel.ticks.map((tick) => [tick.time, tick.label]));
  const bandLabelAt = new Map(panel.bands.map((band) => [(band.from + band.to) / 2, wrapped(band.label)]));
  const textDirection = direction;

  return {
    type: 'line',
    data: { datasets: [...lines, ...marks] },
    plugins: [bandsPlugin(panel.bands, look), hoverableTooltipPlugin],
    options: {
      locale: lang,
      responsive: true,
      maintainAspectRatio: false,
      // A clinical record does not need to move; drawing at once also respects reduced motion.
      animation: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: panel.x.min,
          max: panel.x.max,
          // Time runs the way the language reads: right to left in Arabic.
          reverse: rtl,
          afterBuildTicks: visitTicks(panel, look),
          ticks: { color: look.text, font, maxRotation: 0, autoSkip: false, callback: (value) => dateLabelAt.get(Number(value)) ?? '' },
          grid: { display: false },
          border: { color: look.muted },
        },
        y: {
          type: 'linear',
          position: rtl ? 'right' : 'left',
          min: panel.range.min,
          max: panel.range.max,
          afterBuildTicks: uncrowdedEnds,
          ticks: { color: look.text, font },
          grid: { color: look.grid },
          border: { color: look.muted },
        },
        bands: {
          type: 'linear',
          axis: 'y',
          display: panel.bands.length > 0,
          position: rtl ? 'left' : 'right',
          min: panel.range.min,
          max: panel.range.max,
          afterBuildTicks: ticksAt([...bandLabelAt.keys()]),
          afterFit: fitWidestLabel([...bandLabelAt.values()].flat(), look),
          ticks: { color: look.muted, font, autoSkip: false, callback: (value) => bandLabelAt.get(Number(value)) ?? '' },
          grid: { display: false },
          border: { display: false },
        },
      },
      plugins: {
        legend: {
          display: lines.length + marks.length > 1,
          position: 'bottom',
          // chart.js's default hides a line when its entry is clicked: by pointer only, and the canvas's
          // name (the summary) would still describe that line. The legend only says which mark is which.
          // (Its types refuse null, and undefined falls back to the default.)
          onClick: () => undefined,
          rtl,
          textDirection,
          labels: { usePointStyle: true, color: look.text, font, padding: 16 },
        },
        tooltip: {
          rtl,
          textDirection,
          titleFont: font,
          bodyFont: font,
          usePointStyle: true,
          // The important-change marks repeat a line's point; the line's own tooltip already says it.
          filter: (item: TooltipItem<'line'>) => item.datasetIndex < lines.length,
          callbacks: {
            title: (items) => (items[0] ? (dateLabelAt.get(items[0].parsed.x ?? NaN) ?? '') : ''),
            label: (item) => tooltips[item.datasetIndex]?.[item.dataIndex] ?? '',
          },
        },
      },
    },
  };
}
