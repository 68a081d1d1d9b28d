// Builds the bundles for pages without a bundler (see vite.config.ts): each element on its own in
// dist/standalone/, then every element with shared chunks in dist/standalone/shared/. Beside each,
// THIRD-PARTY-LICENSES.txt holds the licence of every package bundled there.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { elementNames } from './elements.mjs';

const root = resolve(import.meta.dirname, '..');
const standalone = join(root, 'dist/standalone');

/** The packages whose code the source maps under `dir` point into. */
function bundledPackages(dir) {
  const packages = new Set();
  for (const file of readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.js.map'))) {
    for (const source of JSON.parse(readFileSync(join(dir, file), 'utf8')).sources) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (name) packages.add(name);
    }
  }
  return [...packages].sort();
}

function writeLicences(dir) {
  const sections = bundledPackages(dir).map((name) => {
    const folder = join(root, 'node_modules', name);
    const { version, license } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const texts = readdirSync(folder)
      .filter((file) => /^licen[cs]e/i.test(file))
      .map((file) => readFileSync(join(folder, file), 'utf8').trim());
    if (texts.length === 0) throw new Error(`${name} has no licence file to copy into ${dir}`);
    return [`${name} ${version} (${license})`, ...texts].join('\n\n');
  });
  writeFileSync(join(dir, 'THIRD-PARTY-LICENSES.txt'), `${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`);
}

rmSync(standalone, { recursive: true, force: true });
for (const name of elementNames) await build({ mode: `standalone-${name}`, logLevel: 'warn' });
await build({ mode: 'standalone', logLevel: 'warn' });
writeLicences(join(standalone, 'shared'));
// After the shared build, so that its folder's maps are not counted twice here: the single-element
// files sit directly in dist/standalone/ and in the elements' folders.
writeLicences(standalone);
