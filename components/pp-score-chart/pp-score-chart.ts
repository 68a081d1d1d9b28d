import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Chart } from 'chart.js';
import { buildScoreChart, seriesFromResults, type ChartLine, type ChartPanel, type ScoreChart, type ScoreSeries } from '../../src/charts/score-series.js';
import { PpEvents, type ErrorDetail, type QuestionnaireResult } from '../../src/events.js';
import { directionOf, resolveLocale } from '../../src/i18n/locale.js';
import { ContentError } from '../../src/model/content-error.js';
import { sourceLanguageOf, type Instrument } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { addToHistory, resultKeyOf, historyOf } from '../../src/store/history.js';
import { defineElement } from '../shared/define.js';
import { failureMessage } from '../shared/failure.js';
import { VAULT_SETTINGS, VaultController, vaultProperties } from '../shared/vault-controller.js';
import { fetchJson } from '../shared/fetch-json.js';
import { inLocale, loadUiLocale, localizedRoot, UI_LOCALES, uiLocaleFor } from '../shared/localize.js';
import { tokens } from '../shared/tokens.js';
import { chartConfig, dismissTooltip, lookOf } from './chart-config.js';
import { importantChangeText, panelSummary } from './chart-text.js';
import { loadChartJs } from './load-chart-js.js';
import { styles } from './pp-score-chart.styles.js';

export type { ScoreSeries, ScorePoint } from '../../src/charts/score-series.js';
export { eraseEverything, eraseSubject } from '../../src/store/erase.js';

type Status = 'loading' | 'ready' | 'failed';

/**
 * A person's scores over time, one chart per score range: the interpretation bands shaded and
 * labelled, changes between visits that reach the MCID marked, a summary sentence, and the same
 * data as a table.
 *
 * Results come from the `results` property, from `addResult()`, and, with `keep-history`, from the
 * person's results kept in this browser; plain scores from the `series` property.
 *
 * @summary Charts questionnaire scores over visits, with bands, MCID marks and a data table.
 * @tag pp-score-chart
 *
 * @attr src - URL of the instrument JSON file (for the scales' names, ranges, bands and MCIDs).
 * @attr scales - Space-separated ids of the scales to show, in that order; every scale with scores when absent.
 * @attr lang - Language of names, numbers and dates; otherwise the closest `[lang]` ancestor, then the browser's.
 * @attr keep-history - Keep this instrument's results in this browser (IndexedDB) and show them on
 * later visits; results submitted on the page (`pp-submit` reaching the document from a questionnaire of the same `subject`) are kept too. Off by default.
 * @attr subject - The host's opaque id of the person: kept results are theirs alone (see docs/privacy.md).
 * @attr storage - Where kept results live: `device` (default; IndexedDB), `session` (this tab's session) or `memory` (nowhere).
 *
 * @event pp-error - The instrument cannot be used, or the history cannot be stored. Detail: `ErrorDetail` with a `code`.
 *
 * @csspart panel - One chart with its title, summary and table (a figure).
 * @csspart title - A chart's title: the scale's name, or the instrument's when several scales share the chart.
 * @csspart summary - The summary sentences shown above a chart.
 * @csspart chart - The canvas.
 * @csspart data - The disclosure holding the data tables.
 * @csspart table - One scale's data table.
 * @csspart empty - The message shown when there are no scores.
 * @csspart error - The message shown when the instrument cannot be used.
 *
 * @cssprop --pp-chart-height - Height of each chart (default 20rem, at least 320px).
 * @cssprop --pp-font-family - Font of all text, the chart's included.
 * @cssprop --pp-color-text - Text and axis labels.
 * @cssprop --pp-color-muted - Band labels and band boundaries.
 * @cssprop --pp-color-surface - Fill of every other band.
 * @cssprop --pp-color-background - Background, and fill of the other bands.
 * @cssprop --pp-color-accent - The "show the table" control.
 * @cssprop --pp-color-error - The mark of a clinically important worsening.
 * @cssprop --pp-max-width - Maximum width.
 */
export class PpScoreChart extends LitElement {
  static override properties = {
    src: {},
    instrument: { attribute: false },
    results: { attribute: false },
    series: { attribute: false },
    scales: {},
    language: { attribute: 'lang' },
    keepHistory: { attribute: 'keep-history', type: Boolean, reflect: true },
    ...vaultProperties,
    status: { state: true },
    failure: { state: true },
    parsed: { state: true },
    added: { state: true },
    history: { state: true },
    chartUnavailable: { state: true },
  };

  static override styles = [tokens, styles];

  /** URL of an instrument JSON file. */
  src?: string;

  /** An instrument object (raw JSON or already parsed); takes precedence over `src`. */
  instrument?: unknown;

  /** Results as `pp-submit` emits them; those of other instruments are ignored. */
  results: readonly QuestionnaireResult[] = [];

  /** Scores from elsewhere, e.g. a record system: one series or a list of them. */
  series?: ScoreSeries | readonly ScoreSeries[];

  scales?: string;

  /** Mirrors the `lang` attribute; the native `lang` property keeps working. */
  language?: string;

  keepHistory = false;

  /** The host's opaque id of the person whose results these are; kept results of another subject are never shown here. */
  subject?: string;

  storage?: string;

  /** A non-extractable AES-GCM key: kept results are then encrypted with it. */
  encryptionKey?: CryptoKey;

  private status: Status = 'loading';
  private failure?: ErrorDetail;
  private parsed?: Instrument;
  /** Results given through `addResult()` (or submitted on the page, with keep-history). */
  private added: readonly QuestionnaireResult[] = [];
  /** Results kept in this browser from earlier visits, with keep-history. */
  private history: readonly QuestionnaireResult[] = [];
  private chartUnavailable = false;

  #model?: ScoreChart;
  #drawnModel?: ScoreChart;
  #charts: Chart[] = [];
  #drawing: Promise<void> = Promise.resolve();
  #loadGeneration = 0;
  readonly #records: VaultController = new VaultController(this, {
    unsaved: (reason) => `Results cannot be kept in this browser (${reason}); the chart shows them until the page is closed.`,
    settle: async () => undefined,
    restart: () => {
      this.added = [];
      this.history = [];
    },
  });

  /**
   * Adds a result to the chart; with `keep-history` also to the results kept in this browser.
   * Resolves once it is stored (or storing failed, which is reported as `pp-error`).
   */
  async addResult(result: QuestionnaireResult): Promise<void> {
    this.added = [...this.added, result];
    if (!this.keepHistory) return;
    try {
      await addToHistory(this.#records.vault, result);
    } catch (error) {
      this.#records.reportFailure(error);
    }
  }

  readonly #onDocumentSubmit = (event: Event): void => {
    const result = (event as CustomEvent<QuestionnaireResult>).detail;
    // Only the results of this chart's person: the questionnaire that emitted it has the same subject.
    const from = event.composedPath()[0] as { subject?: string };
    if (result.instrument.id === this.parsed?.id && (from.subject ?? '') === (this.subject ?? '')) void this.addResult(result);
  };

  /**
   * Escape hides a tooltip the pointer is showing (WCAG 1.4.13). Heard on the document, since the
   * pointer rests on the chart while focus is anywhere on the page (the canvas takes no focus), and
   * in the capture phase, so that a host stopping Escape on its way up does not keep the tooltip.
   * The key is neither cancelled nor stopped: the host's own use of Escape goes on as before.
   */
  readonly #onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') for (const chart of this.#charts) dismissTooltip(chart);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listenForSubmits();
    document.addEventListener('keydown', this.#onDocumentKeydown, { capture: true });
    // Charts are destroyed when the element leaves the page; draw them again when it comes back.
    this.#drawnModel = undefined;
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(PpEvents.submit, this.#onDocumentSubmit);
    document.removeEventListener('keydown', this.#onDocumentKeydown, { capture: true });
    this.#destroyCharts();
  }

  #listenForSubmits(): void {
    if (this.keepHistory && this.isConnected) document.addEventListener(PpEvents.submit, this.#onDocumentSubmit);
    else document.removeEventListener(PpEvents.submit, this.#onDocumentSubmit);
  }

  /** Also waits for the charts to be drawn (chart.js is fetched on first use). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.#drawing;
    return complete;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Before loading: an instrument given as a property is parsed at once, and load() then reads its history.
    if (changed.has('keepHistory') || VAULT_SETTINGS.some((key) => changed.has(key))) {
      this.#listenForSubmits();
      if (this.keepHistory) void this.#loadHistory();
      else this.history = [];
    }
    if (changed.has('src') || changed.has('instrument')) void this.#load();
    const inputs = ['parsed', 'results', 'series', 'scales', 'language', 'added', 'history'] as const;
    if (this.parsed && inputs.some((key) => changed.has(key))) {
      const scales = this.scales?.split(/\s+/).filter(Boolean);
      this.#model = buildScoreChart(this.parsed, this.#allSeries(this.parsed), { lang: this.#locale, scales: scales?.length ? scales : undefined });
    }
  }

  #allSeries(instrument: Instrument): ScoreSeries[] {
    const results = new Map([...this.history, ...this.results, ...this.added].map((result) => [resultKeyOf(result), result]));
    const given = this.series === undefined ? [] : 'points' in this.series ? [this.series] : this.series;
    return [...seriesFromResults([...results.values()], instrument.id), ...given];
  }

  /** The language of the texts: the best one the instrument has. */
  get #locale(): string {
    const wanted = [this.language || this.closest('[lang]')?.getAttribute('lang'), ...navigator.languages];
    return this.parsed ? resolveLocale(wanted, this.parsed.languages, sourceLanguageOf(this.parsed)) : resolveLocale(wanted, UI_LOCALES, 'en');
  }

  async #load(): Promise<void> {
    const generation = ++this.#loadGeneration;
    this.status = 'loading';
    try {
      if (this.instrument === undefined && !this.src) throw new Error('No instrument given: set the instrument property or the src attribute.');
      const parsed = parseInstrument(this.instrument ?? (await fetchJson(this.src!)));
      if (generation !== this.#loadGeneration) return;
      this.parsed = parsed;
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.#loadGeneration) return;
      this.#fail(
        error instanceof ContentError
          ? { code: 'content-invalid', message: error.message, problems: error.problems, cause: error }
          : { code: 'content-unreachable', message: `The instrument could not be loaded: ${error instanceof Error ? error.message : String(error)}`, cause: error },
      );
      return;
    }
    if (this.keepHistory) await this.#loadHistory();
  }

  #fail(detail: ErrorDetail): void {
    this.parsed = undefined;
    this.#model = undefined;
    this.failure = detail;
    this.status = 'failed';
    this.#emit(PpEvents.error, detail);
  }

  async #loadHistory(): Promise<void> {
    const instrumentId = this.parsed?.id;
    if (!instrumentId) return;
    try {
      const { results, locked } = await historyOf(this.#records.vault, instrumentId);
      this.#records.reportLocked(locked);
      if (instrumentId === this.parsed?.id) this.history = results;
    } catch (error) {
      this.#records.reportFailure(error);
    }
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  protected override updated(): void {
    if (this.#model === this.#drawnModel) return;
    this.#drawnModel = this.#model;
    this.#drawing = this.#drawCharts(this.#model);
  }

  #destroyCharts(): void {
    for (const chart of this.#charts) chart.destroy();
    this.#charts = [];
  }

  async #drawCharts(model: ScoreChart | undefined): Promise<void> {
    this.#destroyCharts();
    if (!model?.panels.length) return;
    let ChartJs: typeof Chart;
    try {
      ChartJs = await loadChartJs();
    } catch {
      // The summaries and tables carry the same information; only the picture is missing.
      this.chartUnavailable = true;
      return;
    }
    // A newer model arrived while chart.js was loading: its own drawing takes over.
    if (model !== this.#drawnModel || !this.isConnected) return;
    const canvases = [...this.renderRoot.querySelectorAll('canvas')];
    const look = lookOf(canvases[0]!);
    const direction = directionOf(model.lang);
    this.#charts = inLocale(uiLocaleFor(model.lang), () =>
      model.panels.map((panel, index) => new ChartJs(canvases[index]!, chartConfig(panel, look, direction, model.lang))),
    );
  }

  /** Waits for the strings of the language about to be shown, so no update flashes English. */
  protected override async scheduleUpdate(): Promise<void> {
    await loadUiLocale(uiLocaleFor(this.#locale));
    super.scheduleUpdate();
  }

  protected override render(): TemplateResult {
    const lang = this.#locale;
    return localizedRoot(lang, () => this.#renderBody());
  }

  #renderBody(): TemplateResult | TemplateResult[] {
    if (this.status === 'loading') return html`<p class="loading" role="status">${msg('Loading the chart…')}</p>`;
    if (this.status === 'failed') return failureMessage(msg('This chart cannot be shown right now.'), this.failure, { tellStaff: false });
    if (!this.#model?.panels.length) return html`<p part="empty" class="empty">${msg('No scores to show yet.')}</p>`;
    return this.#model.panels.map((panel) => this.#renderPanel(panel));
  }


  #renderPanel(panel: ChartPanel): TemplateResult {
    const summary = panelSummary(panel);
    // The canvas carries the summary as its name; the visible copy is hidden from screen readers so it is not read twice.
    return html`<figure part="panel" class="panel">
      <figcaption part="title" class="title">${panel.title}</figcaption>
      <p part="summary" class="summary" aria-hidden="true">${summary}</p>
      ${this.chartUnavailable ? nothing : html`<div class="plot"><canvas part="chart" role="img" aria-label=${summary}></canvas></div>`}
      <details part="data" class="data">
        <summary>${msg('Show the scores as a table')}</summary>
        ${panel.lines.map((line) => this.#renderTable(line))}
      </details>
    </figure>`;
  }

  #renderTable(line: ChartLine): TemplateResult {
    const hasBands = line.bands.length > 0;
    const captionId = `caption-${line.scale}`;
    // A table wider than a narrow screen scrolls in its box, which keyboard users must be able to focus to scroll.
    return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby=${captionId}>
      <table part="table">
        <caption id=${captionId}>${line.name}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Date')}</th>
            <th scope="col">${msg('Score')}</th>
            ${hasBands ? html`<th scope="col">${msg('Interpretation')}</th>` : nothing}
            <th scope="col">${msg('Change since the previous score')}</th>
          </tr>
        </thead>
        <tbody>
          ${line.points.map(
            (point) => html`<tr>
              <th scope="row">${point.dateText}</th>
              ${point.value === null
                ? html`<td class="no-score" colspan=${hasBands ? 3 : 2}>${msg('No score')}</td>`
                : html`<td class="number">${point.valueText}</td>
                    ${hasBands ? html`<td>${point.bandLabel ?? ''}</td>` : nothing}
                    <td class="number">
                      <span dir="ltr">${point.changeText ?? ''}</span>
                      ${point.importantChange ? html`<span class="important">${importantChangeText(point.importantChange)}</span>` : nothing}
                    </td>`}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

defineElement('pp-score-chart', PpScoreChart);

declare global {
  interface HTMLElementTagNameMap {
    'pp-score-chart': PpScoreChart;
  }
}
