// Checks what `npm run build` put in dist/ (and dist/standalone/): a page showing <pp-questionnaire>
// loads no chart.js code, and <pp-score-chart> loads chart.js only through a dynamic import(), when
// it draws a chart. Usage: `node scripts/check-bundles.mjs [DIST_DIR]`; exits 1 naming the file at fault.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
// Texts only chart.js code (or an import of it) contains, which survive minification: the package as an
// import specifier, its path in the bundler's module comments, and two of its own error messages.
// (Not a bare "chart.js": file names such as pp-score-chart.js.map end with it.)
const CHART_JS_MARKERS = ['"chart.js"', "'chart.js'", 'node_modules/chart.js/', 'Canvas is already in use', 'complete date adapter'];
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
// Minified output may quote the specifier with backticks.
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

const problems = [];
const shown = (file) => relative(process.cwd(), file);
const read = (file) => readFileSync(file, 'utf8');
const markerIn = (text) => CHART_JS_MARKERS.find((marker) => text.includes(marker));

/** The file and every file it imports statically (what a page loads with it). */
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of read(file).matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), specifier));
  };
  visit(entry);
  return [...seen];
}

/** Reports each file loaded with the entry that contains chart.js code, optionally not counting `import()` calls. */
function expectNoChartJs(entry, { ignoringDynamicImports = false } = {}) {
  for (const file of staticGraph(entry)) {
    const text = ignoringDynamicImports ? read(file).replace(DYNAMIC_IMPORT, '') : read(file);
    const marker = markerIn(text);
    if (marker) problems.push(`${shown(file)} is loaded with ${shown(entry)} but contains chart.js code ("${marker}")`);
  }
}

/** Whether a dynamic import() target is chart.js: the package itself (library build), or a chunk holding its code (standalone). */
const isChartJs = (specifier, importer) =>
  specifier === 'chart.js' ||
  (specifier.startsWith('.') && staticGraph(resolve(dirname(importer), specifier)).some((file) => markerIn(read(file))));

function expectLazyChartJs(entry) {
  const lazy = staticGraph(entry).some((file) => [...read(file).matchAll(DYNAMIC_IMPORT)].some(([, specifier]) => isChartJs(specifier, file)));
  if (!lazy) problems.push(`${shown(entry)} does not load chart.js through a dynamic import()`);
}

const dists = [root, join(root, 'standalone')].filter((dist) => existsSync(join(dist, 'pp-questionnaire.js')));
if (dists.length === 0) problems.push(`${shown(join(root, 'pp-questionnaire.js'))} is missing: run \`npm run build\` first`);
for (const dist of dists) {
  expectNoChartJs(join(dist, 'pp-questionnaire.js'));
  const chart = join(dist, 'pp-score-chart.js');
  if (existsSync(chart)) {
    // Its own `import('chart.js')` is the lazy load, not chart.js code.
    expectNoChartJs(chart, { ignoringDynamicImports: true });
    expectLazyChartJs(chart);
  } else problems.push(`${shown(join(dist, 'pp-score-chart.js'))} is missing: is pp-score-chart in vite.config.ts's elements?`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-bundles: ${problem}`);
  process.exit(1);
}
for (const dist of dists) {
  console.log(`check-bundles: ${shown(dist)}: pp-questionnaire loads no chart.js code; pp-score-chart loads chart.js lazily`);
}
