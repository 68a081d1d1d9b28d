// The package's elements, as its exports name them (`./pp-questionnaire.js` → pp-questionnaire):
// the list vite.config.ts and scripts/build-standalone.mjs build.
import pkg from '../package.json' with { type: 'json' };

/** @type {string[]} */
export const elementNames = Object.keys(pkg.exports).flatMap((key) => /^\.\/(pp-[a-z-]+)\.js$/.exec(key)?.[1] ?? []);
