/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';

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
        plugins: [storybookTest({ configDir: here('./.storybook') })],
        test: {
          name: 'storybook',
          browser: browser(),
        },
      },
    ],
  },
});
