#!/usr/bin/env node
// Screenshots of stories from a static Storybook build, in Debian's Chromium.
//   node .storybook/screenshot.mjs <storybook-static dir> <out.png> <story-id> [width height] [--globals=theme:dark;dir:rtl] [--swipe]
// Used for the README's screenshot (docs/screenshot.png) and to look at every visual change.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';

const [dir, out, id, w = '420', h = '700', ...flags] = process.argv.slice(2);
const globals = flags.find((f) => f.startsWith('--globals='))?.slice(10);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer(async (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const path = pathname === '/' ? '/index.html' : pathname;
  try {
    const body = await readFile(join(dir, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const { port } = server.address();
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, deviceScaleFactor: 2 });
  const url = `http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`;
  await page.goto(url);
  await page.waitForSelector('[role="row"], [role="alertdialog"], .ck-ConfirmDeleteDialog', { timeout: 15000 });
  await page.waitForTimeout(400);
  if (flags.includes('--swipe')) {
    const surface = page.locator('.ck-SwipeActions-surface').nth(1);
    const box = await surface.boundingBox();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.8 - i * 11, box.y + box.height / 2);
    await page.mouse.up();
    await page.waitForTimeout(400);
  }
  await page.screenshot({ path: out });
  console.log('wrote', out);
} finally {
  await browser.close();
  server.close();
}
