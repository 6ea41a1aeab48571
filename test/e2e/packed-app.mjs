// The packed tarball, installed in a fresh Vite app (test/e2e/app), driven in Chromium at 10,000
// conversations with real pointer and keyboard input: the accessible contract, swipe, bulk
// delete, keep-history, partial failure, a second device, RTL, zh-CN, dark, and axe.
//   node test/e2e/packed-app.mjs <built app dir>
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../tools/find-chromium.mjs';
import { serve } from '../tools/static-server.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const server = await serve(process.argv[2]);
const base = `${server.origin}/`;

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const failures = [];
let passed = 0;

async function check(name, scenario, fn) {
  const page = await browser.newPage({ viewport: { width: 900, height: 760 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${base}?s=${scenario}`);
    await page.getByRole('row').first().waitFor({ timeout: 10_000 });
    await fn(page);
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`  ✖ ${name}\n    ${String(error.message ?? error).split('\n').slice(0, 6).join('\n    ')}`);
  } finally {
    await page.close();
  }
}

const expectTrue = (value, what) => {
  if (!value) throw new Error(`expected ${what}`);
};
const status = (page, scope = page) => scope.getByRole('status');
async function waitText(locator, re, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const text = (await locator.textContent()) ?? '';
    if (re.test(text)) return text;
    if (Date.now() > end) throw new Error(`expected text ${re}, got "${text}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
async function axe(page, what) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
  });
  if (result.length) throw new Error(`axe (${what}): ${result.join(', ')}`);
}
async function drag(page, row, dx) {
  const box = await row.boundingBox();
  const y = box.y + box.height / 2;
  const x = dx < 0 ? box.x + box.width * 0.8 : box.x + box.width * 0.2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(x + (dx * i) / 12, y + 1);
  await page.mouse.up();
}

console.log('packed app in Chromium, 10,000 conversations:');

await check('accessible contract: grid, rows, Enter, Delete, menu, dialog', 'default', async (page) => {
  const grid = page.getByRole('grid', { name: 'Conversations' });
  await grid.waitFor();
  const rows = grid.getByRole('row');
  expectTrue((await rows.count()) < 40, 'a virtualised DOM (< 40 rows)');
  const first = rows.first();
  const name = await first.getAttribute('aria-label');
  await first.focus();
  await page.keyboard.press('Enter');
  expectTrue((await page.evaluate(() => window.opened.length)) === 1, 'Enter to open the conversation');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  expectTrue(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement), 'focus on Cancel');
  expectTrue(/permanently/.test(await dialog.textContent()), 'the permanent-deletion warning');
  expectTrue(await dialog.getByRole('checkbox', { name: 'Keep message history' }).isVisible(), 'the keep-history checkbox');
  expectTrue(await dialog.getByRole('button', { name: /^Delete/ }).isVisible(), 'a confirm button named Delete…');
  await axe(page, 'dialog open');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expectTrue(await page.getByRole('row', { name }).first().evaluate((r) => r === document.activeElement), 'focus back on the row');
  await page.getByRole('row').nth(2).getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Delete' }).waitFor();
  await page.keyboard.press('Escape');
  await axe(page, 'list');
});

await check('bulk select and delete 3', 'default', async (page) => {
  await page.getByRole('button', { name: 'Select' }).click();
  const rows = page.getByRole('grid').getByRole('row');
  const names = [];
  for (let i = 0; i < 3; i++) {
    names.push(await rows.nth(i).getAttribute('aria-label'));
    await rows.nth(i).click();
  }
  await page.getByRole('button', { name: 'Delete 3' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: /^Delete 3 conversations/ }).click();
  await waitText(status(page), /3 conversations deleted/);
  for (const name of names) expectTrue((await page.getByRole('row', { name, exact: true }).count()) === 0, `${name} gone`);
  expectTrue(await page.evaluate(() => document.activeElement !== document.body), 'focus not on body');
});

await check('swipe with a mouse drag opens Delete; a full swipe asks first', 'default', async (page) => {
  const row = page.getByRole('grid').getByRole('row').nth(1);
  await drag(page, row, -120);
  await page.waitForFunction(() => document.querySelector('[role="row"][data-open]'));
  await drag(page, page.getByRole('grid').getByRole('row').nth(3), -380);
  await page.getByRole('alertdialog').waitFor();
  await page.keyboard.press('Escape');
});

await check('keep history: removal with Undo, no dialog', 'keep', async (page) => {
  const first = page.getByRole('grid').getByRole('row').first();
  const name = await first.getAttribute('aria-label');
  await first.focus();
  await page.keyboard.press('Delete');
  await waitText(status(page), /removed/i);
  expectTrue((await page.getByRole('alertdialog').count()) === 0, 'no dialog');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('row', { name, exact: true }).waitFor();
});

await check('partial failure names what failed and offers Retry', 'partial', async (page) => {
  await page.getByRole('button', { name: 'Select' }).click();
  const rows = page.getByRole('grid').getByRole('row');
  for (let i = 0; i < 6; i++) await rows.nth(i).click();
  await page.getByRole('button', { name: 'Delete 6' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: /^Delete 6/ }).click();
  await waitText(status(page), /Couldn.t delete 2 conversations/);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Retry' }).waitFor();
  const selected = await page.locator('[role="row"][aria-selected="true"]').count();
  expectTrue(selected === 2, `the 2 failed rows still selected (got ${selected})`);
});

await check('a deletion on one device leaves the other', 'multi', async (page) => {
  const phone = page.locator('#phone');
  const laptop = page.locator('#laptop');
  const first = phone.getByRole('row').first();
  const name = await first.getAttribute('aria-label');
  await laptop.getByRole('row', { name, exact: true }).waitFor();
  await first.focus();
  await page.keyboard.press('Delete');
  await page.getByRole('alertdialog').getByRole('button', { name: /^Delete/ }).click();
  await laptop.getByRole('row', { name, exact: true }).waitFor({ state: 'detached' });
  await waitText(laptop.getByRole('status'), /another device/i);
});

await check('RTL mirrors layout and swipe', 'rtl', async (page) => {
  expectTrue((await page.locator('.ck-ConversationList').getAttribute('dir')) === 'rtl', 'dir=rtl');
  await drag(page, page.getByRole('grid').getByRole('row').nth(1), 120);
  await page.waitForFunction(() => document.querySelector('[role="row"][data-open]'));
  await axe(page, 'rtl');
});

await check('zh-CN', 'zh', async (page) => {
  await page.getByRole('grid', { name: '会话' }).waitFor();
  await page.getByRole('button', { name: '选择' }).waitFor();
});

await check('dark theme, axe clean', 'dark', async (page) => {
  expectTrue((await page.locator('.ck-ConversationList').getAttribute('data-theme')) === 'dark', 'data-theme=dark');
  await axe(page, 'dark');
});

await browser.close();
await server.close();
console.log(`${passed} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);
