#!/usr/bin/env node
// `npm test`: everything, in the order a failure is cheapest to find.
//   1. a Chromium to test in (or fail at once, saying how to get one)
//   2. typecheck   3. unit (jsdom) + browser (Chromium) + story tests (+ React 18)
//   4. library build   5. packaging check (publint, pack, install into a fresh app)
//   6. the quick benchmark (N = 1,000, one run) so that it never rots
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, howToGetChromium } from './find-chromium.mjs';

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds} s)`);
}

let chromium = findChromium();
if (!chromium) {
  // With internet, Playwright can fetch its own Chromium; offline this fails quickly.
  console.log('No Chromium found; trying `npx playwright install chromium` …');
  spawnSync('npx', ['--no-install', 'playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
  chromium = findChromium();
}
if (!chromium) {
  console.error(howToGetChromium);
  process.exit(1);
}
const env = { CHROMIUM_PATH: chromium };
console.log(`Chromium: ${chromium}`);

const steps = process.argv.slice(2);
const want = (name) => steps.length === 0 || steps.includes(name);

if (want('typecheck')) run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (want('vitest')) run('tests (unit, browser, stories)', 'npx', ['vitest', 'run'], env);
if (want('build')) run('library build', 'npm', ['run', '--silent', 'build']);
if (want('package')) run('packaging check', 'node', ['test/tools/check-package.mjs'], env);
if (want('bench') && existsSync('test/bench/run.mjs')) run('quick benchmark', 'node', ['test/bench/run.mjs', '--quick'], env);
console.log('\nAll checks passed.');
