import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-score-chart/pp-score-chart.js';
import { eraseSubject, type PpScoreChart, type ScoreSeries } from '../../components/pp-score-chart/pp-score-chart.js';
import { RESULT_SCHEMA_VERSION, type ErrorDetail, type QuestionnaireResult } from '../../src/events.js';
import { scoreObservations } from '../../src/fhir/score-observations.js';
import { toQuestionnaireResponse } from '../../src/fhir/questionnaire-response.js';
import type { Instrument } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { loadDraft } from '../../src/store/drafts.js';
import { historyOf } from '../../src/store/history.js';
import { DEFAULT_VAULT, deleteAllDatabases, nextEvent, PHQ9_URL, phq9AnswersFor, phq9Json } from '../helpers/fixtures.js';

const NRS_URL = '/content/instruments/nrs-11.json';
const shadow = (el: Element) => el.shadowRoot!;
const canvases = (el: PpScoreChart) => [...shadow(el).querySelectorAll('canvas')];
const rows = (el: PpScoreChart) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));
/** The results kept for an instrument's chart of no subject, as the charts here (no `subject`) keep them. */
const kept = async (instrumentId: string) => (await historyOf(DEFAULT_VAULT, instrumentId)).results;
const chartJsFetched = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/chart.js/'));

/** The element once its instrument is loaded and its charts are drawn. */
async function chart(template: ReturnType<typeof html>): Promise<PpScoreChart> {
  const el = await fixture<PpScoreChart>(template);
  await waitUntil(() => shadow(el).querySelector('figure, [part=empty], [part=error]'), 'the chart did not load its instrument');
  await el.updateComplete;
  return el;
}

let phq9: Instrument;

/** A PHQ-9 result as pp-submit emits it, finished on the given day. */
function phq9Result(total: number, day: string): QuestionnaireResult {
  const answers = phq9AnswersFor(total);
  const scores = scoreAnswers(phq9, answers);
  const finishedAt = `${day}T10:00:00.000Z`;
  const response = toQuestionnaireResponse(phq9, answers, scores, { uuid: crypto.randomUUID() });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    instrument: { id: 'phq-9', version: phq9.version, language: 'en', translationStatus: 'official' },
    answers,
    scores,
    classifications: {},
    flags: [],
    urgent: false,
    startedAt: finishedAt,
    finishedAt,
    questionnaireResponse: response,
    observations: scoreObservations(phq9, scores, response),
  };
}

const painOverVisits: ScoreSeries = {
  scale: 'pain-intensity',
  points: [
    { date: '2025-01-13', value: 7 },
    { date: '2025-06-16', value: 4 },
    { date: '2026-06-15', value: 4 },
  ],
};

/** The chart.js chart drawn on an element's first canvas, once it is drawn. */
async function drawnChart(el: PpScoreChart): Promise<Chart> {
  const { Chart } = await import('chart.js');
  await waitUntil(() => canvases(el)[0] && Chart.getChart(canvases(el)[0]!), 'the chart was not drawn');
  return Chart.getChart(canvases(el)[0]!)!;
}

/** Where a point of the chart (in its own CSS pixels) is in the viewport, for sendMouse. */
function onPage(chart: Chart, x: number, y: number): [number, number] {
  const box = chart.canvas.getBoundingClientRect();
  return [Math.round(box.left + x), Math.round(box.top + y)];
}

/** Moves the real pointer onto a visit's point of the first line. */
async function hoverVisit(chart: Chart, index: number): Promise<void> {
  const point = chart.getDatasetMeta(0).data[index]!;
  await sendMouse({ type: 'move', position: onPage(chart, point.x, point.y) });
}

/** chart.js handles pointer events in the next animation frame: wait until it has. */
const framesLater = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The visits the tooltip shows, by their index; none when it is hidden. */
const tooltipVisits = (chart: Chart) => (chart.tooltip!.opacity > 0 ? chart.tooltip!.dataPoints.map((item) => item.dataIndex) : []);

describe('<pp-score-chart>', () => {
  before(async () => {
    phq9 = parseInstrument(await phq9Json());
  });
  beforeEach(deleteAllDatabases);

  // First, while nothing on this page has fetched chart.js yet.
  it('fetches chart.js only when it draws a chart', async () => {
    expect(chartJsFetched(), 'importing the element').to.equal(false);
    const empty = await chart(html`<pp-score-chart src=${PHQ9_URL}></pp-score-chart>`);
    expect(shadow(empty).querySelector('[part=empty]')!.textContent).to.equal('No scores to show yet.');
    expect(chartJsFetched(), 'rendering without scores').to.equal(false);
    await chart(html`<pp-score-chart src=${NRS_URL} .series=${painOverVisits}></pp-score-chart>`);
    expect(chartJsFetched(), 'drawing a chart').to.equal(true);
  });

  it('draws the chart as an image named by its summary sentence', async () => {
    const el = await chart(html`<pp-score-chart src=${PHQ9_URL} .results=${[phq9Result(18, '2025-01-13'), phq9Result(9, '2025-06-16')]}></pp-score-chart>`);
    const [canvas] = canvases(el);
    const summary =
      'On Jan 13, 2025, PHQ-9 total score was 18, Moderately severe; on Jun 16, 2025, it was 9, Mild: a clinically important improvement.';
    expect(canvas!.getAttribute('role')).to.equal('img');
    expect(canvas!.getAttribute('aria-label')).to.equal(summary);
    expect(shadow(el).querySelector('[part=summary]')!.textContent).to.equal(summary);
    expect(shadow(el).querySelector('figcaption')!.textContent).to.equal('PHQ-9 total score');
    const { Chart } = await import('chart.js');
    const drawn = Chart.getChart(canvas!)!;
    expect(drawn.options.scales!['y']).to.include({ min: 0, max: 27 });
    expect(drawn.data.datasets.map((dataset) => dataset.label)).to.deep.equal(['PHQ-9 total score', 'Clinically important improvement']);
  });

  it("draws its labels in the element's font and type size, not the page's", async () => {
    document.documentElement.style.setProperty('font-size', '62.5%');
    document.body.style.setProperty('font-family', 'serif');
    try {
      const el = await chart(html`<pp-score-chart style="--pp-font-family: monospace" src=${NRS_URL} .series=${painOverVisits}></pp-score-chart>`);
      await waitUntil(() => canvases(el)[0]?.hasAttribute('height'), 'the chart was not drawn');
      const { Chart } = await import('chart.js');
      await waitUntil(() => Chart.getChart(canvases(el)[0]!), 'the chart was not drawn');
      const ticks = Chart.getChart(canvases(el)[0]!)!.options.scales!['x']!.ticks as { font: { family: string; size: number } };
      expect(ticks.font).to.deep.equal({ family: 'monospace', size: Math.round(18 * 0.8) });
      expect(canvases(el)[0]!.parentElement!.getBoundingClientRect().height, 'the plot keeps its height').to.equal(320);
    } finally {
      document.documentElement.style.removeProperty('font-size');
      document.body.style.removeProperty('font-family');
    }
  });

  it('lists every visit in a table with its date, score, band and change', async () => {
    const results = [phq9Result(18, '2025-01-13'), phq9Result(14, '2025-03-10'), phq9Result(9, '2025-06-16')];
    const el = await chart(html`<pp-score-chart src=${PHQ9_URL} .results=${results}></pp-score-chart>`);
    const table = shadow(el).querySelector('[part=data] table')!;
    expect(table.querySelector('caption')!.textContent).to.equal('PHQ-9 total score');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal([
      'Date', 'Score', 'Interpretation', 'Change since the previous score',
    ]);
    expect(rows(el)).to.deep.equal([
      ['Jan 13, 2025', '18', 'Moderately severe', ''],
      ['Mar 10, 2025', '14', 'Moderate', '-4'],
      ['Jun 16, 2025', '9', 'Mild', '-5 Clinically important improvement'],
    ]);
  });

  it('shows a visit without a score as a gap in the line and a row that says so', async () => {
    const series = { scale: 'total', points: [{ date: '2025-01-13', value: 18 }, { date: '2025-03-10', value: null }, { date: '2025-06-16', value: 9 }] };
    const el = await chart(html`<pp-score-chart src=${PHQ9_URL} .series=${series}></pp-score-chart>`);
    expect(rows(el)[1]).to.deep.equal(['Mar 10, 2025', 'No score']);
    const { Chart } = await import('chart.js');
    expect(Chart.getChart(canvases(el)[0]!)!.data.datasets[0]!.data[1]).to.deep.equal({ x: Date.UTC(2025, 2, 10), y: null });
  });

  it('labels the first and the latest visit, leaving out dates whose labels would overlap', async () => {
    const days = ['2025-01-13', '2025-01-20', '2025-01-27', '2026-06-15'];
    const series = { scale: 'total', points: days.map((date, i) => ({ date, value: 18 - i })) };
    const el = await chart(html`<pp-score-chart src=${PHQ9_URL} .series=${series}></pp-score-chart>`);
    const { Chart } = await import('chart.js');
    expect(Chart.getChart(canvases(el)[0]!)!.scales['x']!.ticks.map((tick) => tick.label)).to.deep.equal(['Jan 13, 2025', 'Jun 15, 2026']);
    expect(rows(el)).to.have.length(4);
  });

  it('shows only the scales asked for', async () => {
    const series = [{ scale: 'anxiety', points: [{ date: '2025-01-13', value: 4 }] }, { scale: 'total', points: [{ date: '2025-01-13', value: 7 }] }];
    const el = await chart(html`<pp-score-chart src="/content/instruments/phq-4.json" scales="total" .series=${series}></pp-score-chart>`);
    expect([...shadow(el).querySelectorAll('figcaption')].map((caption) => caption.textContent)).to.deep.equal(['PHQ-4 total score']);
  });

  it('runs time from right to left in Arabic, with Arabic names, bands and legend', async () => {
    const el = await chart(html`<pp-score-chart src=${NRS_URL} lang="ar" .series=${painOverVisits}></pp-score-chart>`);
    const root = shadow(el).querySelector('.root')!;
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    expect(shadow(el).querySelector('figcaption')!.textContent).to.equal('شدة الألم');
    const { Chart } = await import('chart.js');
    const { options, scales } = Chart.getChart(canvases(el)[0]!)!;
    expect(options.scales!['x']!.reverse).to.equal(true);
    expect(scales['y']!.position).to.equal('right');
    expect(options.plugins!.legend!.rtl).to.equal(true);
    expect(options.plugins!.tooltip!.rtl).to.equal(true);
    expect(options.locale).to.equal('ar');
    await expect(el).to.be.accessible();
  });

  it('reports an instrument it cannot use', async () => {
    const json = await phq9Json();
    const el = await fixture<PpScoreChart>(html`<pp-score-chart></pp-score-chart>`);
    const error = nextEvent<ErrorDetail>(el, 'pp-error');
    el.instrument = { ...json, scoring: { scales: [{ id: 'total' }] } };
    expect((await error).detail.code).to.equal('content-invalid');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=error]')).to.exist;
    await expect(el).to.be.accessible();
  });

  describe('accessibility', () => {
    it('passes axe with the table closed and open, with several scales and marks', async () => {
      const series = [
        { scale: 'anxiety', points: [{ date: '2025-01-13', value: 5 }, { date: '2025-06-16', value: 2 }] },
        { scale: 'depression', points: [{ date: '2025-01-13', value: 4 }, { date: '2025-06-16', value: 1 }] },
      ];
      const el = await chart(html`<pp-score-chart src="/content/instruments/phq-4.json" .series=${series}></pp-score-chart>`);
      await expect(el).to.be.accessible();
      shadow(el).querySelector('details')!.open = true;
      await expect(el).to.be.accessible();
    });

    it('passes axe with no scores', async () => {
      const el = await chart(html`<pp-score-chart src=${PHQ9_URL}></pp-score-chart>`);
      await expect(el).to.be.accessible();
    });
  });

  describe('pointer and keyboard', () => {
    afterEach(() => resetMouse());

    const weekly: ScoreSeries = {
      scale: 'pain-intensity',
      points: ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03'].map((date, i) => ({ date, value: 8 - i })),
    };

    it('hides the tooltip on Escape, with the pointer still over the point and focus elsewhere on the page', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <button>Elsewhere</button>
        <pp-score-chart src=${NRS_URL} .series=${painOverVisits}></pp-score-chart>
      </div>`);
      const el = page.querySelector('pp-score-chart')!;
      const drawn = await drawnChart(el);
      page.querySelector('button')!.focus();
      await hoverVisit(drawn, 1);
      await waitUntil(() => tooltipVisits(drawn).length > 0, 'the pointer did not show a tooltip');
      expect(tooltipVisits(drawn)).to.deep.equal([1]);

      const reachingThePage: KeyboardEvent[] = [];
      const listen = (event: KeyboardEvent) => reachingThePage.push(event);
      window.addEventListener('keydown', listen);
      try {
        await sendKeys({ press: 'Escape' });
      } finally {
        window.removeEventListener('keydown', listen);
      }
      expect(tooltipVisits(drawn), 'the tooltip').to.deep.equal([]);
      expect(drawn.getActiveElements(), 'the hovered point').to.deep.equal([]);
      expect(reachingThePage.map((event) => [event.key, event.defaultPrevented]), 'Escape reaches the page as it was').to.deep.equal([['Escape', false]]);
      expect(document.activeElement, 'focus stays where it was').to.equal(page.querySelector('button'));
    });

    it('keeps the tooltip while the pointer moves onto it, and follows the pointer to another visit', async () => {
      const el = await chart(html`<pp-score-chart src=${NRS_URL} .series=${weekly}></pp-score-chart>`);
      const drawn = await drawnChart(el);
      await hoverVisit(drawn, 0);
      await waitUntil(() => tooltipVisits(drawn).length > 0, 'the pointer did not show a tooltip');
      expect(tooltipVisits(drawn)).to.deep.equal([0]);

      const { tooltip } = drawn;
      const onTooltip = { x: tooltip!.x + tooltip!.width - 4, y: tooltip!.y + tooltip!.height / 2 };
      const points = drawn.getDatasetMeta(0).data;
      const distance = (index: number) => Math.abs(points[index]!.x - onTooltip.x);
      expect(distance(1), 'on its far side, the tooltip covers a point nearer another visit').to.be.below(distance(0));
      await sendMouse({ type: 'move', position: onPage(drawn, onTooltip.x, onTooltip.y) });
      await framesLater();
      expect(tooltipVisits(drawn), 'over the tooltip').to.deep.equal([0]);

      await hoverVisit(drawn, 4);
      await waitUntil(() => tooltipVisits(drawn)[0] === 4, 'the tooltip did not follow the pointer off it to another visit');
    });

    it('keeps every line drawn when a legend entry is clicked', async () => {
      const el = await chart(html`<pp-score-chart src=${PHQ9_URL} .results=${[phq9Result(18, '2025-01-13'), phq9Result(9, '2025-06-16')]}></pp-score-chart>`);
      const drawn = await drawnChart(el);
      // chart.js keeps where it drew each legend entry, but does not declare it in its types.
      const entries = (drawn.legend as unknown as { legendHitBoxes: { left: number; top: number; width: number; height: number }[] }).legendHitBoxes;
      expect(entries, 'one legend entry per dataset').to.have.length(2);
      for (const entry of entries) {
        await sendMouse({ type: 'click', position: onPage(drawn, entry.left + entry.width / 2, entry.top + entry.height / 2) });
      }
      await framesLater();
      expect(drawn.data.datasets.map((_, index) => drawn.isDatasetVisible(index))).to.deep.equal([true, true]);
      expect(drawn.legend!.legendItems!.map((item) => item.hidden)).to.deep.equal([false, false]);
    });
  });

  describe('keep-history', () => {
    it('keeps results added to it and shows them again on the next visit', async () => {
      const first = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history></pp-score-chart>`);
      await first.addResult(phq9Result(18, '2025-01-13'));
      await first.addResult(phq9Result(9, '2025-06-16'));
      first.remove();

      const later = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history></pp-score-chart>`);
      await waitUntil(() => rows(later).length === 2, 'the kept results were not shown');
      expect(rows(later).map((row) => row[1])).to.deep.equal(['18', '9']);
    });

    it('keeps results submitted on the page, of its own instrument only', async () => {
      const el = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history></pp-score-chart>`);
      const submit = (result: QuestionnaireResult) =>
        document.body.dispatchEvent(new CustomEvent('pp-submit', { detail: result, bubbles: true, composed: true }));
      submit(phq9Result(12, '2025-01-13'));
      submit({ ...phq9Result(8, '2025-01-14'), instrument: { id: 'gad-7', version: '1.0.0', language: 'en', translationStatus: 'official' } });
      await waitUntil(async () => (await kept('phq-9')).length === 1, 'the submitted result was not kept');
      expect(await kept('gad-7')).to.deep.equal([]);
      await el.updateComplete;
      expect(rows(el).map((row) => row[1])).to.deep.equal(['12']);
    });

    it('keeps and shows only its own person\'s results', async () => {
      const mine = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history subject="person-a"></pp-score-chart>`);
      const submitter = (subject: string) => Object.assign(document.createElement('span'), { subject });
      const submitFrom = (subject: string, result: QuestionnaireResult) => {
        const source = submitter(subject);
        document.body.append(source);
        source.dispatchEvent(new CustomEvent('pp-submit', { detail: result, bubbles: true, composed: true }));
        source.remove();
      };
      submitFrom('person-b', phq9Result(20, '2025-01-13'));
      submitFrom('person-a', phq9Result(6, '2025-01-14'));
      const vaultOf = (subject: string) => ({ subject, storage: 'device' as const });
      await waitUntil(async () => (await historyOf(vaultOf('person-a'), 'phq-9')).results.length === 1, 'A\'s result was not kept');
      expect((await historyOf(vaultOf('person-b'), 'phq-9')).results, 'B\'s result is not kept by A\'s chart').to.deep.equal([]);
      await mine.updateComplete;
      expect(rows(mine).map((row) => row[1])).to.deep.equal(['6']);
      const other = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history subject="person-b"></pp-score-chart>`);
      expect(shadow(other).querySelector('[part=empty]'), 'B\'s chart shows nothing of A').to.exist;
    });

    it('forgets everything on eraseSubject() of its person', async () => {
      const el = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history></pp-score-chart>`);
      await el.addResult(phq9Result(18, '2025-01-13'));
      await eraseSubject('');
      expect(await kept('phq-9')).to.deep.equal([]);
      await el.updateComplete;
      expect(shadow(el).querySelector('[part=empty]'), 'the chart on the page starts afresh').to.exist;
      const later = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history></pp-score-chart>`);
      expect(shadow(later).querySelector('[part=empty]')).to.exist;
    });

    it('shows a result once when the host passes it too', async () => {
      const result = phq9Result(18, '2025-01-13');
      const first = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history></pp-score-chart>`);
      await first.addResult(result);
      const el = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history .results=${[result]}></pp-score-chart>`);
      await waitUntil(() => rows(el).length > 0);
      expect(rows(el)).to.have.length(1);
    });

    it('keeps results in a database made by the first version, keeping the drafts in it', async () => {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('painpath', 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('drafts', { keyPath: 'draftKey' }).put({ draftKey: 'earlier', answers: { 'phq9-1': 2 }, updatedAt: new Date().toISOString() });
          db.createObjectStore('outbox', { keyPath: 'id' });
          db.createObjectStore('progress', { keyPath: 'key' });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      const el = await chart(html`<pp-score-chart src=${PHQ9_URL} keep-history></pp-score-chart>`);
      await el.addResult(phq9Result(18, '2025-01-13'));
      expect(await kept('phq-9')).to.have.length(1);
      expect((await loadDraft(DEFAULT_VAULT, 'earlier'))?.answers).to.deep.equal({ 'phq9-1': 2 });
    });

    it('is off by default: results are shown but nothing is stored', async () => {
      const el = await chart(html`<pp-score-chart src=${PHQ9_URL}></pp-score-chart>`);
      await el.addResult(phq9Result(18, '2025-01-13'));
      document.body.dispatchEvent(new CustomEvent('pp-submit', { detail: phq9Result(9, '2025-06-16'), bubbles: true, composed: true }));
      await el.updateComplete;
      expect(rows(el).map((row) => row[1])).to.deep.equal(['18']);
      expect((await indexedDB.databases()).map((db) => db.name), 'not even the database is opened').to.not.include('painpath');
      expect(await kept('phq-9')).to.deep.equal([]);
    });
  });
});
