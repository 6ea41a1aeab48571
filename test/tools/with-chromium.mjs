#!/usr/bin/env node
// Runs a command with CHROMIUM_PATH set, or fails at once with a hint on how to get a browser.
import { spawnSync } from 'node:child_process';
import { findChromium, howToGetChromium } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(howToGetChromium);
  process.exit(1);
}
const [cmd, ...args] = process.argv.slice(2);
const result = spawnSync(cmd, args, {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
