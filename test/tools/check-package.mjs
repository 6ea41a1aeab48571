#!/usr/bin/env node
// The packaging check: publint, then `npm pack`, then a fresh temporary app that installs the
// tarball and imports `convokit` and `convokit/styles.css` with types (tsc), in Node (SSR-safe
// import) and through a Vite production build, which test/e2e/packed-app.mjs then drives in
// Chromium. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const sh = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });
const out = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, encoding: 'utf8' });

if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');

console.log('· publint --strict');
sh('npx', ['publint', '--strict']);

const work = mkdtempSync(join(tmpdir(), 'convokit-pack-'));
const keep = process.env.KEEP_PACK_APP === '1';
try {
  console.log('· npm pack');
  const [{ filename }] = JSON.parse(out('npm', ['pack', '--json', '--pack-destination', work]));
  const tarball = join(work, filename);

  const app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  // Same versions as this repo's lockfile, so the install is served from npm's cache.
  const v = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'convokit-consumer',
        private: true,
        type: 'module',
        dependencies: {
          convokit: `file:${tarball}`,
          react: v('react'),
          'react-dom': v('react-dom'),
          '@tanstack/react-query': v('@tanstack/react-query'),
        },
        devDependencies: { '@types/react': v('@types/react'), '@types/react-dom': v('@types/react-dom') },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx',
        strict: true, noEmit: true, skipLibCheck: false, types: [],
      },
      include: ['src'],
    }),
  );
  // Only api.md's public names: the app a new user would write (test/e2e/app).
  copyFileSync(join(root, 'test/e2e/app/main.tsx'), join(app, 'src/main.tsx'));
  writeFileSync(join(app, 'src/css.d.ts'), "declare module '*.css';\n");
  writeFileSync(join(app, 'index.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>convokit consumer</title><div id="root"></div><script type="module" src="/src/main.tsx"></script>\n');
  writeFileSync(
    join(app, 'ssr.mjs'),
    `import * as kit from 'convokit';
for (const name of ['ConversationList', 'ConfirmDeleteDialog', 'createMemoryAdapter', 'createMemoryChatServer', 'generateConversations', 'createTencentChatAdapter', 'createConversationStore']) {
  if (!['function', 'object'].includes(typeof kit[name]) || kit[name] === null) throw new Error('convokit does not export ' + name);
}
console.log('  node import ok:', Object.keys(kit).length, 'exports');
`,
  );

  console.log('· install the tarball into a fresh app');
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], app);

  const installed = join(app, 'node_modules/convokit');
  for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/styles.css']) {
    if (!existsSync(join(installed, f))) throw new Error(`the tarball lacks ${f}`);
  }
  const head = readFileSync(join(installed, 'dist/index.js'), 'utf8').slice(0, 40);
  if (!/^['"]use client['"]/.test(head)) throw new Error("dist/index.js must start with 'use client'");
  const leaked = readdirSync(join(installed, 'dist'), { recursive: true }).filter((f) => /\.(test|stories)\.|(^|\/)(test|stories)\//.test(String(f)));
  if (leaked.length) throw new Error('tests or stories leaked into the tarball: ' + leaked.join(', '));

  console.log('· typecheck the app against the published types');
  sh(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], app);
  console.log('· import convokit in Node (no window at import time)');
  sh('node', ['ssr.mjs'], app);
  console.log('· vite build of the app (JS + convokit/styles.css)');
  sh(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error', '--outDir', 'dist'], app);
  const css = readdirSync(join(app, 'dist/assets')).find((f) => f.endsWith('.css'));
  if (!css || !readFileSync(join(app, 'dist/assets', css), 'utf8').includes('.ck-ConversationList')) {
    throw new Error("convokit/styles.css did not reach the app's build");
  }
  console.log('· the built app in Chromium');
  sh('node', [join(root, 'test/e2e/packed-app.mjs'), join(app, 'dist')]);
  console.log(`packaging check passed (${pkg.name}@${pkg.version})`);
} finally {
  if (keep) console.log('kept', work);
  else rmSync(work, { recursive: true, force: true });
}
