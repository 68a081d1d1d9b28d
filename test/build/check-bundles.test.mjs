// The size budget is part of `npm run build`: an entry over it fails the build, naming the budget.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const checkBundles = (dist) => spawnSync(process.execPath, ['scripts/check-bundles.mjs', dist], { encoding: 'utf8' });

test('a questionnaire entry over its budget fails the check, which names the budget', (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'painpath-dist-'));
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  mkdirSync(join(dist, 'standalone'));
  // Random bytes do not compress: 30 KB of them stay over the budget gzipped.
  writeFileSync(join(dist, 'standalone/pp-questionnaire.js'), `export const noise = "${randomBytes(30 * 1024).toString('base64')}";`);
  const { status, stderr } = checkBundles(dist);
  assert.equal(status, 1);
  assert.match(stderr, /pp-questionnaire\.js loads 3\d\.\d KB gzipped \(Lit included\), over its budget of 20 KB/);
});

test('an entry within the budget raises no budget problem', (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'painpath-dist-'));
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  mkdirSync(join(dist, 'standalone'));
  writeFileSync(join(dist, 'standalone/pp-questionnaire.js'), 'export const small = 1;');
  const { stderr } = checkBundles(dist);
  assert.doesNotMatch(stderr, /budget/);
});
