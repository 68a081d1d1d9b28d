import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | undefined;

/**
 * chart.js, fetched the first time a chart is drawn, so that a page importing the element but
 * showing no chart does not pay for it. Only what a line chart over linear axes uses is
 * registered: the rest of chart.js is left out of the bundle. A failed fetch is retried next time.
 */
export function loadChartJs(): Promise<typeof Chart> {
  loading ??= import('chart.js').then(
    ({ Chart, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip }) => {
      Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);
      return Chart;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
