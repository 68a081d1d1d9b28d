// `npm run bench`: Painpath against SurveyJS (our native instruments) and LHC-Forms (FHIR
// Questionnaires) in the same headless Chromium, on the figures of the performance targets in
// docs/benchmarks.md. Prints a Markdown table (paste it into docs/benchmarks.md).
// Expects `npm run build` to have run (the npm script does it first).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { gzippedSize, staticGraph } from '../scripts/bundle-graph.mjs';
import { lazyPartSizes } from '../scripts/lazy-parts.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const STANDALONE = join(ROOT, 'dist/standalone');
// Every element, sharing Lit and the rest in chunks: for a page with several elements.
const SHARED = join(STANDALONE, 'shared');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Each figure is the median over this many fresh pages (answers: each run answers ANSWERS questions).
const RENDER_RUNS = 5;
const ANSWER_RUNS = 3;
const HEAP_RUNS = 3;
const ANSWERS = 200;
// The expressions form has 100 questions.
const EXPRESSION_ANSWERS = 100;
// Answers on each side of the FHIR comparison: LHC-Forms takes up to a second for one, so fewer.
const FHIR_ANSWERS = 60;

// ---- Sizes: what a page transfers, each file gzipped on its own as a server sends it ----

const entry = (name, build = STANDALONE) => join(build, `${name}.js`);
const pageSize = (name, build) => gzippedSize(staticGraph(entry(name, build)));

function sizes() {
  const surveyjs = ['survey-core/survey.core.min.js', 'survey-js-ui/survey-js-ui.min.js', 'survey-core/survey-core.min.css'].map((f) =>
    gzippedSize([join(ROOT, 'node_modules', f)]),
  );
  const library = readdirSync(SHARED).filter((f) => f.endsWith('.js')).map((f) => join(SHARED, f));
  return {
    questionnaire: pageSize('pp-questionnaire'),
    questionnaireShared: pageSize('pp-questionnaire', SHARED),
    education: pageSize('pp-education'),
    pathway: pageSize('pp-pathway'),
    kiosk: pageSize('pp-kiosk'),
    library: gzippedSize(library),
    surveyjsJs: surveyjs[0] + surveyjs[1],
    surveyjsCss: surveyjs[2],
    // As bench/pages/lhc-forms.html loads it.
    lhcForms: gzippedSize(LHC_FORMS_FILES.map((f) => join(ROOT, 'node_modules/lforms/dist/lforms', f))),
  };
}

const LHC_FORMS_FILES = ['webcomponent/styles.css', 'webcomponent/assets/lib/zone.min.js', 'webcomponent/lhc-forms.js', 'fhir/R4/lformsFHIR.min.js'];

// ---- A static server for the bench pages, the standalone build, content and SurveyJS ----

const MOUNTS = {
  '/dist/': STANDALONE,
  '/content/': join(ROOT, 'content'),
  '/bench/': join(ROOT, 'bench'),
  '/node_modules/survey-core/': join(ROOT, 'node_modules/survey-core'),
  '/node_modules/survey-js-ui/': join(ROOT, 'node_modules/survey-js-ui'),
  '/node_modules/lforms/': join(ROOT, 'node_modules/lforms'),
  // LOINC's PHQ-9 Questionnaire, which both FHIR renderers render.
  '/test/fixtures/': join(ROOT, 'test/fixtures'),
};
const serve = () => serveStatic(MOUNTS);

// ---- Measuring in the browser ----

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/**
 * Runs `measure(page)` in a fresh page of a fresh browser context `runs` times: every run starts
 * with a cold page and empty storage (no draft from the run before), and its own renderer process,
 * so heaps do not mix.
 */
async function inFreshPages(browser, url, runs, measure) {
  const results = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`${url}: ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(() => window.bench !== undefined || document.title.includes('empty'));
    results.push(await measure(page));
    await context.close();
  }
  return results;
}

/** The JS heap still in use after two full garbage collections. */
const keptHeap = (page) =>
  page.evaluate(() => {
    window.gc();
    window.gc();
    return performance.memory.usedJSHeapSize;
  });

async function measureSide(browser, base, side) {
  const url = `${base}/bench/pages/${side}.html`;
  const render = (name) => inFreshPages(browser, url, RENDER_RUNS, (page) => page.evaluate((n) => window.bench.render(n), name));
  const phq9 = median(await render('phq-9'));
  const many = median(await render('many'));
  const answerRuns = await inFreshPages(browser, url, ANSWER_RUNS, async (page) => {
    await page.evaluate(() => window.bench.render('many'));
    return page.evaluate((count) => window.bench.answer(count), ANSWERS);
  });
  // p50 and p95 of each run's answers, then the median of those over the runs.
  const spread = (key) => {
    if (answerRuns[0][key].length === 0) return undefined;
    return { p50: median(answerRuns.map((r) => percentile(r[key], 50))), p95: median(answerRuns.map((r) => percentile(r[key], 95))) };
  };
  const heap = median(
    await inFreshPages(browser, url, HEAP_RUNS, async (page) => {
      await page.evaluate(() => window.bench.render('many'));
      return keptHeap(page);
    }),
  );
  return { phq9, many, toChange: spread('toChange'), toFrame: spread('toFrame'), toDurable: spread('toDurable'), heap };
}

/**
 * The FHIR form with expressions (bench/instruments.mjs): render → painted, and each answer to its
 * next painted frame, every expression that reads it computed again; Painpath only, SurveyJS
 * renders no FHIR Questionnaire.
 */
async function measureExpressions(browser, base) {
  const url = `${base}/bench/pages/painpath.html`;
  const render = median(await inFreshPages(browser, url, RENDER_RUNS, (page) => page.evaluate(() => window.bench.render('expressions'))));
  const runs = await inFreshPages(browser, url, ANSWER_RUNS, async (page) => {
    await page.evaluate(() => window.bench.render('expressions'));
    return page.evaluate((count) => window.bench.answer(count), EXPRESSION_ANSWERS);
  });
  const spread = (key) => ({ p50: median(runs.map((r) => percentile(r[key], 50))), p95: median(runs.map((r) => percentile(r[key], 95))) });
  return { render, toChange: spread('toChange'), toFrame: spread('toFrame') };
}

/** The standalone files a page showing `name` loads: the entry and the parts that it needs. */
async function pageFiles(browser, base, name) {
  const [urls] = await inFreshPages(browser, `${base}/bench/pages/painpath.html`, 1, async (page) => {
    await page.evaluate((n) => window.bench.render(n), name);
    return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  });
  return urls.filter((path) => path.startsWith('/dist/') && path.endsWith('.js')).map((path) => join(STANDALONE, path.slice('/dist/'.length)));
}

/**
 * The same FHIR Questionnaires in Painpath and LHC-Forms (bench/instruments.mjs): LOINC's PHQ-9,
 * the 500-item form and the 300-item form with expressions; render → painted, each answer to its
 * next painted frame, and the heap kept after the 500-item form.
 */
async function measureFhirSide(browser, base, side) {
  const url = `${base}/bench/pages/${side}.html`;
  const render = async (name) => {
    console.error(`bench: ${side} renders ${name}`);
    return median(await inFreshPages(browser, url, RENDER_RUNS, (page) => page.evaluate((n) => window.bench.render(n), name)));
  };
  const answers = async (name, count) => {
    console.error(`bench: ${side} answers ${name}`);
    const runs = await inFreshPages(browser, url, ANSWER_RUNS, async (page) => {
      await page.evaluate((n) => window.bench.render(n), name);
      return page.evaluate((n) => window.bench.answer(n), count);
    });
    return { p50: median(runs.map((r) => percentile(r.toFrame, 50))), p95: median(runs.map((r) => percentile(r.toFrame, 95))) };
  };
  const heap = median(
    await inFreshPages(browser, url, HEAP_RUNS, async (page) => {
      await page.evaluate(() => window.bench.render('fhir-many'));
      return keptHeap(page);
    }),
  );
  return {
    phq9: await render('loinc-phq-9'),
    many: await render('fhir-many'),
    expressions: await render('expressions'),
    manyFrame: await answers('fhir-many', FHIR_ANSWERS),
    expressionsFrame: await answers('expressions', FHIR_ANSWERS),
    heap,
  };
}

// ---- The table ----

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const ratio = (ours, theirs) => `${(theirs / ours).toFixed(1)}×`;

/** The parts the elements load with import() only for some content: their size and the budget the build holds them to. */
function lazyPartsTable() {
  const rows = lazyPartSizes(join(ROOT, 'dist')).map(({ budget, kb: size }) => [`${budget.part} (${budget.entry.replace('standalone/', '')}${budget.after ? `, after ${budget.after.join(', ')}` : ''})`, size === undefined ? 'missing' : `${size.toFixed(1)} KB`, `${budget.kb} KB`]);
  return ['| gzip: part loaded lazily | Painpath | budget |', '|---|---:|---:|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function expressionsTable(expressions) {
  const rows = [
    ['300-item form (100 calculated, 100 `enableWhenExpression`s) render → painted', ms(expressions.render)],
  ];
  for (const [label, key] of [['answer click → change event, expressions recomputed', 'toChange'], ['answer click → next painted frame', 'toFrame']]) {
    for (const p of ['p50', 'p95']) rows.push([`${label}, ${p}`, ms(expressions[key][p])]);
  }
  return ['| FHIR form with expressions | Painpath |', '|---|---:|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function fhirTable(size, ours, theirs) {
  const rows = [
    ['gzip JS + CSS a page with LOINC\'s PHQ-9 loads (the entry and the parts it needs: the FHIR importer, FHIRPath)', kb(size.loincPhq9Page), kb(size.lhcForms), ratio(size.loincPhq9Page, size.lhcForms)],
    ['LOINC\'s PHQ-9 (its calculatedExpression total) render → painted', ms(ours.phq9), ms(theirs.phq9), ratio(ours.phq9, theirs.phq9)],
    ['500-item FHIR form render → painted', ms(ours.many), ms(theirs.many), ratio(ours.many, theirs.many)],
    ['300-item form (100 calculated, 100 `enableWhenExpression`s) render → painted', ms(ours.expressions), ms(theirs.expressions), ratio(ours.expressions, theirs.expressions)],
  ];
  for (const [label, key] of [['answer click → next painted frame (500-item FHIR form)', 'manyFrame'], ['answer click → next painted frame, expressions recomputed (300-item form)', 'expressionsFrame']]) {
    for (const p of ['p50', 'p95']) rows.push([`${label}, ${p}`, ms(ours[key][p]), ms(theirs[key][p]), ratio(ours[key][p], theirs[key][p])]);
  }
  rows.push(['JS heap kept after rendering the 500-item FHIR form', mb(ours.heap), mb(theirs.heap), ratio(ours.heap, theirs.heap)]);
  return ['| FHIR Questionnaires | Painpath | LHC-Forms 40 | LHC-Forms ÷ Painpath |', '|---|---:|---:|---:|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function table(size, ours, theirs) {
  const rows = [
    ['gzip JS (+CSS) a page loads: `<pp-questionnaire>`', kb(size.questionnaire), `${kb(size.surveyjsJs)} + ${kb(size.surveyjsCss)}`, ratio(size.questionnaire, size.surveyjsJs + size.surveyjsCss)],
    ['gzip: all a PHQ-9 page loads (the entry and the parts PHQ-9 needs)', kb(size.phq9Page), '', ''],
    ['gzip: `<pp-questionnaire>` on a page with several elements (shared chunks)', kb(size.questionnaireShared), '', ''],
    ['gzip: `<pp-education>`', kb(size.education), '', ''],
    ['gzip: `<pp-pathway>`', kb(size.pathway), '', ''],
    ['gzip: `<pp-kiosk>`', kb(size.kiosk), '', ''],
    ['gzip: the whole library (all of dist/standalone/shared)', kb(size.library), '', ''],
    ['PHQ-9 render → painted', ms(ours.phq9), ms(theirs.phq9), ratio(ours.phq9, theirs.phq9)],
    ['500-item form render → painted', ms(ours.many), ms(theirs.many), ratio(ours.many, theirs.many)],
  ];
  for (const [label, key] of [['answer click → change event', 'toChange'], ['answer click → next painted frame', 'toFrame']]) {
    for (const p of ['p50', 'p95']) rows.push([`${label}, ${p} (500-item form)`, ms(ours[key][p]), ms(theirs[key][p]), ratio(ours[key][p], theirs[key][p])]);
  }
  for (const p of ['p50', 'p95']) rows.push([`answer click → draft durable in IndexedDB, ${p}`, ms(ours.toDurable[p]), 'no drafts', '']);
  rows.push(['JS heap kept after rendering the 500-item form', mb(ours.heap), mb(theirs.heap), ratio(ours.heap, theirs.heap)]);
  return [
    '| figure | Painpath | SurveyJS 2.5 | SurveyJS ÷ Painpath |',
    '|---|---:|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model;
const size = sizes();
const server = await serve();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    // performance.memory in bytes rather than coarse buckets, and window.gc() to measure what is kept.
    '--enable-precise-memory-info', '--js-flags=--expose-gc',
  ],
});
try {
  const base = `http://127.0.0.1:${server.address().port}`;
  const emptyHeap = median(await inFreshPages(browser, `${base}/bench/pages/empty.html`, HEAP_RUNS, keptHeap));
  size.phq9Page = gzippedSize(await pageFiles(browser, base, 'phq-9'));
  size.loincPhq9Page = gzippedSize(await pageFiles(browser, base, 'loinc-phq-9'));
  const painpath = await measureSide(browser, base, 'painpath');
  const surveyjs = await measureSide(browser, base, 'surveyjs');
  const expressions = await measureExpressions(browser, base);
  const fhirPainpath = await measureFhirSide(browser, base, 'painpath');
  const lhcForms = await measureFhirSide(browser, base, 'lhc-forms');
  for (const side of [painpath, surveyjs, fhirPainpath, lhcForms]) side.heap -= emptyHeap;
  console.log(`\n${cpuModel}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM; Chromium ${browser.version()} headless; ${new Date().toISOString().slice(0, 10)}`);
  console.log(`Medians of ${RENDER_RUNS} fresh pages (renders), ${ANSWER_RUNS} × ${ANSWERS} answers (FHIR forms: ${ANSWER_RUNS} × ${FHIR_ANSWERS}), ${HEAP_RUNS} heaps (empty page: ${mb(emptyHeap)}, subtracted).\n`);
  console.log(table(size, painpath, surveyjs));
  console.log(`\n${lazyPartsTable()}`);
  console.log(`\n${expressionsTable(expressions)}`);
  console.log(`\n${fhirTable(size, fhirPainpath, lhcForms)}`);
} finally {
  await browser.close();
  server.close();
}
