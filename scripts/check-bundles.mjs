// Checks what `npm run build` put in dist/, dist/standalone/ and dist/standalone/shared/: parts that
// only some pages need are loaded through a dynamic import(), when needed, and never with the
// entries that do not need them; and entries stay within their size budgets.
// Usage: `node scripts/check-bundles.mjs [DIST_DIR]`; exits 1 naming the file at fault.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DYNAMIC_IMPORT, dynamicImports, gzippedSize, staticGraph } from './bundle-graph.mjs';

/**
 * Each lazy part, with texts only its code contains that survive minification, and the entry that
 * loads it lazily. For chart.js: the package as an import specifier, its path in the bundler's
 * module comments, and two of its own error messages (not a bare "chart.js": file names such as
 * pp-score-chart.js.map end with it).
 */
const LAZY_PARTS = [
  {
    name: 'chart.js',
    markers: ['"chart.js"', "'chart.js'", 'node_modules/chart.js/', 'Canvas is already in use', 'complete date adapter'],
    package: 'chart.js',
    loadedBy: 'pp-score-chart',
  },
  // The body map's artwork (its class name is in its template and its styles).
  { name: 'the body map artwork', markers: ['body-map-figure'], loadedBy: 'pp-questionnaire' },
  // The NRS, VAS, number, text and date items (the VAS's class name is in its template and its styles).
  { name: 'the part with the NRS, VAS, number, text and date items', markers: ['vas-track'], loadedBy: 'pp-questionnaire' },
  // Flags and classifications (a message of their parser); the score chart parses every
  // instrument in full, so it has them built in.
  { name: 'the flags and classifications part', markers: ['expected a test with'], loadedBy: 'pp-questionnaire', builtInto: ['pp-score-chart'] },
  // How the items other than choices are read, checked, scored and exported (a message of its
  // body-map check).
  { name: 'the support of the items other than choices', markers: ['has no region or region group'], loadedBy: 'pp-questionnaire', builtInto: ['pp-score-chart'] },
  // The parser of scale options (a message of its proration check).
  { name: 'the parser of scale options', markers: ['prorating needs items'], loadedBy: 'pp-questionnaire', builtInto: ['pp-score-chart'] },
  // The instrument parser (a message of its answer check), fetched while the content is; the score chart parses every instrument in full.
  { name: 'the instrument parser', markers: ['a choice needs at least two answers'], loadedBy: 'pp-questionnaire', builtInto: ['pp-score-chart'] },
  // The parser of conditions (a message of its cycle check); the score chart parses every instrument in full.
  { name: 'the parser of conditions', markers: ['form a cycle'], loadedBy: 'pp-questionnaire', builtInto: ['pp-score-chart'] },
  // The FHIR Questionnaire importer (a message of its element check).
  { name: 'the FHIR importer', markers: ['is not an element of R4'], loadedBy: 'pp-questionnaire' },
  // FHIRPath: the expression part (a message of its cycle check) with the fhirpath package and its
  // R4 model, loaded only for forms with expressions.
  { name: 'the FHIRPath expressions', markers: ['read each other in a cycle'], package: 'fhirpath', loadedBy: 'pp-questionnaire' },
  // Formatted text: the Markdown parser and the sanitizer (an option name of the sanitizer), loaded only for forms with formatted texts.
  { name: 'the formatted text (Markdown and the sanitizer)', markers: ['RETURN_DOM_FRAGMENT'], loadedBy: 'pp-questionnaire' },
  // The text-pack checker (the start of each of its error messages).
  { name: 'the text-pack checker', markers: ['Text pack'], loadedBy: 'pp-questionnaire' },
  // The encryption of stored records (its AES-GCM parameter), loaded only when the host gives a key.
  { name: 'the encryption of records', markers: ['additionalData'], loadedBy: 'pp-questionnaire' },
  // The store of this tab's session (its sessionStorage key prefix), loaded only with storage="session".
  { name: 'the session store', markers: ['"painpath:"', "'painpath:'"], loadedBy: 'pp-questionnaire' },
];
/** Entries checked to load none of the lazy parts with them. */
const ENTRIES = ['pp-questionnaire', 'pp-score-chart'];
/** The folders of dist/ with a build of every element. */
const BUILDS = ['.', 'standalone', 'standalone/shared'];
/**
 * Gzipped size limits (KB of 1,024 bytes) of what a page loads with an entry before it shows
 * anything: the file and all it imports statically, Lit included. Parts that it loads with
 * import() only for some content (LAZY_PARTS) are not counted.
 */
const BUDGETS = [{ file: 'standalone/pp-questionnaire.js', kb: 23 }];
/**
 * Gzipped size limits (KB) of lazy parts in the standalone build: what a page loads when it needs
 * the part, beyond what the entry has loaded. FHIRPath is mostly the fhirpath package with its R4
 * model (the types of every element, which expressions need to read `value[x]`).
 */
const LAZY_BUDGETS = [{ part: 'the FHIRPath expressions', entry: 'standalone/pp-questionnaire.js', kb: 235 }];

const root = resolve(process.argv[2] ?? 'dist');

const problems = [];
const shown = (file) => relative(process.cwd(), file);
const read = (file) => readFileSync(file, 'utf8');
const markerOf = (part, text) => part.markers.find((marker) => text.includes(marker));

/** Reports each file loaded with the entry that contains the part's code; `import()` calls are the lazy loads, not its code. */
function expectNotLoadedWith(entry, part) {
  for (const file of staticGraph(entry)) {
    const marker = markerOf(part, read(file).replace(DYNAMIC_IMPORT, ''));
    if (marker) problems.push(`${shown(file)} is loaded with ${shown(entry)} but contains ${part.name} ("${marker}")`);
  }
}

/** Whether a dynamic import() target is the part: its package (library build), or a chunk holding its code. */
const isPart = (part, specifier, importer) =>
  specifier === part.package ||
  (specifier.startsWith('.') && [...staticGraph(resolve(dirname(importer), specifier))].some((file) => markerOf(part, read(file))));

/** Whether an import() loads the part, in the entry's files or in the lazy chunks they load (a part may load from another). */
function expectLazy(entry, part) {
  const reached = new Set(staticGraph(entry));
  for (const file of reached) {
    for (const [, specifier] of read(file).matchAll(DYNAMIC_IMPORT)) {
      if (isPart(part, specifier, file)) return;
      if (specifier.startsWith('.')) for (const next of staticGraph(resolve(dirname(file), specifier))) reached.add(next);
    }
  }
  problems.push(`${shown(entry)} does not load ${part.name} through a dynamic import()`);
}

const dists = BUILDS.map((build) => join(root, build));
for (const dist of dists) {
  for (const name of ENTRIES) {
    const entry = join(dist, `${name}.js`);
    if (!existsSync(entry)) {
      problems.push(`${shown(entry)} is missing: is ${name} in vite.config.ts's elements?`);
      continue;
    }
    for (const part of LAZY_PARTS) {
      if (!part.builtInto?.includes(name)) expectNotLoadedWith(entry, part);
      if (part.loadedBy === name) expectLazy(entry, part);
    }
  }
}

const budgetReports = [];
for (const budget of BUDGETS) {
  const entry = join(root, budget.file);
  if (!existsSync(entry)) continue;
  const kb = gzippedSize(staticGraph(entry)) / 1024;
  const report = `${shown(entry)} loads ${kb.toFixed(1)} KB gzipped (Lit included)`;
  if (kb > budget.kb) problems.push(`${report}, over its budget of ${budget.kb} KB (BUDGETS in scripts/check-bundles.mjs)`);
  else budgetReports.push(`${report}, within its budget of ${budget.kb} KB`);
}

for (const budget of LAZY_BUDGETS) {
  const entry = join(root, budget.entry);
  if (!existsSync(entry)) continue;
  const part = LAZY_PARTS.find((p) => p.name === budget.part);
  const loaded = staticGraph(entry);
  const target = dynamicImports(loaded).find((file) => [...staticGraph(file)].some((f) => markerOf(part, read(f))));
  if (!target) {
    problems.push(`${shown(entry)} has no lazy chunk with ${part.name}`);
    continue;
  }
  const kb = gzippedSize([...staticGraph(target)].filter((file) => !loaded.has(file))) / 1024;
  const report = `${part.name} (${shown(target)}) loads ${kb.toFixed(1)} KB gzipped more`;
  if (kb > budget.kb) problems.push(`${report}, over its budget of ${budget.kb} KB (LAZY_BUDGETS in scripts/check-bundles.mjs)`);
  else budgetReports.push(`${report}, within its budget of ${budget.kb} KB`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-bundles: ${problem}`);
  process.exit(1);
}
for (const dist of dists) {
  console.log(`check-bundles: ${shown(dist)}: ${LAZY_PARTS.map((part) => `${part.name} loads lazily with ${part.loadedBy}`).join('; ')}, and with nothing else`);
}
for (const report of budgetReports) console.log(`check-bundles: ${report}`);
