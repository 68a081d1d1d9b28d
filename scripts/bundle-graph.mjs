// What a page loads with a built file: the file and every file it imports statically, found by
// reading the built ES modules. Shared by scripts/check-bundles.mjs and bench/run.mjs.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
// Minified output may quote the specifier with backticks.
export const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

const read = (file) => readFileSync(file, 'utf8');

/** The file and every file it imports statically (what a page loads with it). */
export function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of read(file).matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), specifier));
  };
  visit(resolve(entry));
  return seen;
}

/** The relative `import()` targets of the files, resolved. */
export function dynamicImports(files) {
  return [...files].flatMap((file) =>
    [...read(file).matchAll(DYNAMIC_IMPORT)].filter(([, specifier]) => specifier.startsWith('.')).map(([, specifier]) => resolve(dirname(file), specifier)),
  );
}

/** Bytes the files take gzipped each on its own (zlib's default level), as a server sends them. */
export const gzippedSize = (files) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
