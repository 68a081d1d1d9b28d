// Runs a command several times in a row while every core is kept busy by another process, to find
// tests that pass only on an idle machine (races between a test and the code it waits for).
//   node scripts/under-load.mjs                        3 runs of `npm test`
//   node scripts/under-load.mjs --runs 5 -- npx web-test-runner test/store/drafts.test.ts
// Stops at the first failing run and exits with its code.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const args = process.argv.slice(2);
let runs = 3;
if (args[0] === '--runs') {
  runs = Number(args[1]);
  args.splice(0, 2);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number of at least 1, got "${process.argv[3]}"`);
}
if (args[0] === '--') args.shift();
const [command, ...commandArgs] = args.length ? args : ['npm', 'test'];

const busy = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopBusy = () => busy.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stopBusy);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

console.log(`--- ${busy.length} busy processes, one per core; ${runs} runs of: ${[command, ...commandArgs].join(' ')}`);
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const { status, error } = spawnSync(command, commandArgs, { stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (error || status !== 0) {
    console.log(`--- run ${run} of ${runs} failed after ${seconds} s${error ? `: ${error.message}` : ''}`);
    process.exit(status || 1);
  }
  console.log(`--- run ${run} of ${runs} passed in ${seconds} s`);
}
console.log(`--- all ${runs} runs passed under load`);
