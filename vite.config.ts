/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, findChromium } from './test/tools/find-chromium.mjs';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Inlines `@import './x.css';` lines so that dist/styles.css is one self-contained file. */
function inlineCss(file: string): string {
  const css = readFileSync(file, 'utf8');
  return css.replace(/^@import\s+['"](.+?)['"];\s*$/gm, (_, rel: string) =>
    inlineCss(fileURLToPath(new URL(rel, pathToFileURL(file)))),
  );
}

/** The library's one stylesheet, emitted as dist/styles.css (only in library builds). */
function emitStyles(): Plugin {
  return {
    name: 'convokit:emit-styles',
    apply: (config) => Boolean(config.build?.lib),
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'styles.css',
        source: inlineCss(here('./src/styles.css')),
      });
    },
  };
}

/** A fresh browser config per project: vitest mutates `instances`. */
function browser() {
  const executablePath = process.env.CHROMIUM_PATH || findChromium();
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
    instances: [{ browser: 'chromium' as const }],
    screenshotFailures: false,
  };
}

/** React 18.3 from the nested test/react18 package (a root npm alias loads React 19 at run time). */
const react18 = here('./test/react18/node_modules/');
const react18Alias = [
  { find: /^react$/, replacement: `${react18}react/index.js` },
  { find: /^react\/(.*)$/, replacement: `${react18}react/$1` },
  { find: /^react-dom$/, replacement: `${react18}react-dom/index.js` },
  { find: /^react-dom\/(.*)$/, replacement: `${react18}react-dom/$1` },
  {
    find: /^@testing-library\/react$/,
    replacement: here('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
  },
];
/** The same suites again on React 18.3. */
const onReact18 = { resolve: { alias: react18Alias } };

const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^zustand($|\/)/,
  /^@tanstack\//,
  /^@tencentcloud\//,
  /^vitest($|\/)/,
];

export default defineConfig({
  plugins: [react(), emitStyles()],
  build: {
    lib: {
      entry: { index: here('./src/index.ts'), testing: here('./src/testing.ts') },
      formats: ['es'],
    },
    outDir: 'dist',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external,
      output: {
        // Next.js App Router: the components are client components. Bundlers drop module-level
        // directives, so the entry gets it back as a banner.
        banner: (chunk) => (chunk.name === 'index' ? "'use client';" : ''),
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/bench/**'],
          setupFiles: ['test/setup/unit.ts'],
          globals: true,
        },
      },
      {
        extends: true,
        // Pre-bundled up front, so the optimiser never reloads mid-run (two copies of React).
        optimizeDeps: { include: ['react-dom/client', 'react-dom/server'] },
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          globals: true,
          browser: browser(),
        },
      },
      {
        extends: true,
        ...onReact18,
        test: {
          name: 'unit-react18',
          env: { CK_REACT: '18' },
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/bench/**', 'test/sdk/**', 'test/store/invariants*'],
          setupFiles: ['test/setup/unit.ts'],
          globals: true,
          // zustand, React Query and the virtualiser must see the same React as the tests.
          server: { deps: { inline: true } },
        },
      },
      {
        extends: true,
        ...onReact18,
        // Browser mode serves CommonJS only through the optimiser; React 18 ships CommonJS.
        cacheDir: 'node_modules/.vite-react18',
        optimizeDeps: {
          include: [
            'react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client',
            'react-dom/server', 'react-dom/test-utils', '@testing-library/react',
          ],
        },
        test: {
          name: 'browser-react18',
          env: { CK_REACT: '18' },
          include: ['test/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          globals: true,
          browser: browser(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: here('./.storybook') })],
        test: {
          name: 'storybook',
          browser: browser(),
        },
      },
    ],
  },
});
