// Builds the bundles for pages without a bundler (see vite.config.ts): each element on its own in
// dist/standalone/, then every element with shared chunks in dist/standalone/shared/.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { elementNames } from './elements.mjs';

rmSync(resolve(import.meta.dirname, '../dist/standalone'), { recursive: true, force: true });
for (const mode of [...elementNames.map((name) => `standalone-${name}`), 'standalone']) {
  await build({ mode, logLevel: 'warn' });
}
