// Checks what `npm run build` put in dist/, dist/standalone/ and dist/standalone/shared/: parts that
// only some pages need are loaded through a dynamic import(), when needed, and never with the
// entries that do not need them; and entries stay within their size budgets.
// Usage: `node scripts/check-bundles.mjs [DIST_DIR]`; exits 1 naming the file at fault.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DYNAMIC_IMPORT, gzippedSize, staticGraph } from './bundle-graph.mjs';
import { LAZY_PARTS, lazyPartSizes, markerOf } from './lazy-parts.mjs';

/** Entries checked to load none of the lazy parts with them. */
const ENTRIES = ['pp-questionnaire', 'pp-score-chart'];
/** The folders of dist/ with a build of every element. */
const BUILDS = ['.', 'standalone', 'standalone/shared'];
/**
 * Gzipped size limits (KB of 1,024 bytes) of what a page loads with an entry before it shows
 * anything: the file and all it imports statically, Lit included. Parts that it loads with
 * import() only for some content (LAZY_PARTS) are not counted.
 */
const BUDGETS = [{ file: 'standalone/pp-questionnaire.js', kb: 20 }];

const root = resolve(process.argv[2] ?? 'dist');

const problems = [];
const shown = (file) => relative(process.cwd(), file);
const read = (file) => readFileSync(file, 'utf8');

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

// Storybook's code editor (CodeMirror, its base theme's class as the marker) is for content
// editors only: no built file of the package may hold it.
for (const file of readdirSync(root, { recursive: true }).filter((name) => name.endsWith('.js'))) {
  if (read(join(root, file)).includes('.cm-editor')) problems.push(`${shown(join(root, file))} contains CodeMirror, Storybook's editor`);
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

for (const { budget, entry, target, kb } of lazyPartSizes(root)) {
  if (!existsSync(entry)) continue;
  if (!target) {
    problems.push(`${shown(entry)} has no lazy chunk with ${budget.part}`);
    continue;
  }
  const report = `${budget.part} (${shown(target)}) loads ${kb.toFixed(1)} KB gzipped more`;
  if (kb > budget.kb) problems.push(`${report}, over its budget of ${budget.kb} KB (LAZY_BUDGETS in scripts/lazy-parts.mjs)`);
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
