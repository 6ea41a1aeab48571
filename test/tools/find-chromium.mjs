// Finds a Chromium for the browser tests, the story tests and the benchmark.
// Order: $CHROMIUM_PATH, Debian's /usr/bin/chromium, then Playwright's own browser cache.
// A user's machine usually has internet and no Debian Chromium; CI is the opposite.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Flags that work as root, headless and offline (see README, "Testing"). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function playwrightChromium() {
  try {
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {string | undefined} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return playwrightChromium();
}

export const howToGetChromium = [
  'convokit tests run in a real Chromium and none was found.',
  'Get one of these, then run the command again:',
  '  - Debian/Ubuntu:  sudo apt-get install -y chromium      (gives /usr/bin/chromium)',
  '  - anywhere with internet:  npx playwright install chromium',
  '  - or point CHROMIUM_PATH at an existing Chrome/Chromium binary.',
].join('\n');
