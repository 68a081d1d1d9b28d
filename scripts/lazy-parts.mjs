// The parts the elements load with import() only for some content, how to find each in a build,
// and their size budgets: shared by scripts/check-bundles.mjs (which enforces them) and the
// benchmark (which reports them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dynamicImports, gzippedSize, staticGraph } from './bundle-graph.mjs';

/**
 * Each lazy part, with texts only its code contains that survive minification, and the entry that
 * loads it lazily. For chart.js: the package as an import specifier, its path in the bundler's
 * module comments, and two of its own error messages (not a bare "chart.js": file names such as
 * pp-score-chart.js.map end with it).
 */
export const LAZY_PARTS = [
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
  // The engine (a message of its answer check), fetched with the parser, in the same file.
  { name: 'the engine', markers: ['its answer is not the person'], loadedBy: 'pp-questionnaire' },
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

/**
 * Gzipped size limits (KB) of lazy parts in the standalone build: what a page loads when it needs
 * the part, beyond what the entry and the parts loaded before it (`after`) have loaded. FHIRPath
 * is mostly the fhirpath package with its R4 model (the types of every element, which expressions
 * need to read `value[x]`); every form has loaded the instrument parser before its expressions.
 * The instrument parser's file holds all that every form needs before its first paint beyond the
 * entry: the parser, the draft lookup with its storage code, and the engine.
 */
const QUESTIONNAIRE = 'standalone/pp-questionnaire.js';
export const LAZY_BUDGETS = [
  { part: 'the instrument parser', entry: QUESTIONNAIRE, kb: 14 },
  { part: 'the parser of conditions', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 6 },
  { part: 'the flags and classifications part', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 6 },
  { part: 'the parser of scale options', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 1.5 },
  { part: 'the support of the items other than choices', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 4.5 },
  { part: 'the part with the NRS, VAS, number, text and date items', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 7.5 },
  { part: 'the body map artwork', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 4.5 },
  { part: 'the formatted text (Markdown and the sanitizer)', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 28 },
  { part: 'the FHIR importer', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 27 },
  { part: 'the FHIRPath expressions', entry: QUESTIONNAIRE, after: ['the instrument parser'], kb: 235 },
  { part: 'chart.js', entry: 'standalone/pp-score-chart.js', kb: 50 },
];

const read = (file) => readFileSync(file, 'utf8');
export const markerOf = (part, text) => part.markers.find((marker) => text.includes(marker));

/**
 * The gzipped size of each part of LAZY_BUDGETS in the build at `root`: what a page loads when it
 * needs the part, beyond its entry and the parts loaded before it. `target` is the chunk its
 * import() loads, undefined when the build has none (or not the entry).
 */
export function lazyPartSizes(root) {
  return LAZY_BUDGETS.map((budget) => {
    const entry = join(root, budget.entry);
    if (!existsSync(entry)) return { budget, entry };
    const entryGraph = staticGraph(entry);
    /** The chunk an import() loads the part with: the one holding its code, else one importing it. */
    const chunkOf = (name) => {
      const part = LAZY_PARTS.find((p) => p.name === name);
      const chunks = dynamicImports(entryGraph);
      return chunks.find((file) => markerOf(part, read(file))) ?? chunks.find((file) => [...staticGraph(file)].some((f) => markerOf(part, read(f))));
    };
    const target = chunkOf(budget.part);
    if (!target) return { budget, entry };
    const loaded = new Set([...entryGraph, ...(budget.after ?? []).flatMap((name) => [...staticGraph(chunkOf(name))])]);
    return { budget, entry, target, kb: gzippedSize([...staticGraph(target)].filter((file) => !loaded.has(file))) / 1024 };
  });
}
