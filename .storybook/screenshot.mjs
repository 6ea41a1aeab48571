#!/usr/bin/env node
// Screenshots of stories from a static Storybook build, in Debian's Chromium.
//   node .storybook/screenshot.mjs <storybook-static dir> <out.png> <story-id> [width height] [--globals=theme:dark;dir:rtl] [--swipe]
// Used for the README's screenshot (stories/assets/convokit.png) and to look at every visual change.
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../test/tools/find-chromium.mjs';
import { serve } from '../test/tools/static-server.mjs';

const [dir, out, id, w = '420', h = '700', ...flags] = process.argv.slice(2);
const globals = flags.find((f) => f.startsWith('--globals='))?.slice(10);
const server = await serve(dir);
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, deviceScaleFactor: 2 });
  const url = `${server.origin}/iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`;
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
  await server.close();
}
