// Builds the bench pages (production React, and a React-profiling build of the convokit page)
// and measures min+gzip bundles, all with Vite's JS API and no config file.
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifySync } from 'rolldown/utils';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));
export const benchDir = join(here, '..');
const appDir = join(benchDir, 'app');

async function hookPlugin() {
  const hook = await readFile(join(appDir, 'hook.js'), 'utf8');
  return {
    name: 'bench-devtools-hook',
    transformIndexHtml: (html) => html.replace('<script>/*HOOK*/</script>', () => `<script>${hook}</script>`),
  };
}

const production = { 'process.env.NODE_ENV': JSON.stringify('production') };

/** @param {{ outDir: string, subjects: string[] }} options */
export async function buildPages({ outDir, subjects }) {
  await rm(outDir, { recursive: true, force: true });
  const input = Object.fromEntries(subjects.map((s) => [s, join(appDir, `${s}.html`)]));
  const common = {
    configFile: false,
    logLevel: 'warn',
    root: appDir,
    base: './',
    mode: 'production',
    define: production,
  };
  await build({
    ...common,
    plugins: [react(), await hookPlugin()],
    build: { outDir, emptyOutDir: true, minify: true, sourcemap: false, reportCompressedSize: false, rollupOptions: { input } },
  });
  if (subjects.includes('convokit')) {
    // Same page on React's profiling build: <Profiler onRender> reports durations only there.
    await build({
      ...common,
      plugins: [react(), await hookPlugin()],
      resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
      build: {
        outDir: join(outDir, 'profiling'),
        emptyOutDir: true,
        // Unminified, so profiles and the row-render log name the components.
        minify: false,
        sourcemap: false,
        reportCompressedSize: false,
        rollupOptions: { input: { convokit: input.convokit } },
      },
    });
  }
}

const PEERS = ['react', 'react-dom', '@tanstack/react-query', '@tencentcloud/chat'];
const isPeer = (id) => PEERS.some((p) => id === p || id.startsWith(`${p}/`));

/**
 * min+gzip of an entry, peers external, as a consumer's production build would see it. Vite's
 * library build (ES format) mangles names but keeps whitespace and comments, so each chunk is
 * then minified fully with Oxc (Vite 8's own minifier for apps); the same for every subject.
 * `jsGzLibKB` keeps the size of the library output as it was (before that last step).
 */
export async function measureBundle(entry) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: benchDir,
    mode: 'production',
    define: production,
    plugins: [react()],
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: join(benchDir, 'bundle', entry), formats: ['es'], fileName: 'entry' },
      rollupOptions: { external: isPeer },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  let js = 0;
  let jsGz = 0;
  let jsGzLib = 0;
  let css = 0;
  let cssGz = 0;
  const imports = new Set();
  const parts = {};
  for (const file of outputs) {
    const source = file.type === 'chunk' ? file.code : file.source;
    const bytes = Buffer.from(source);
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (file.fileName.endsWith('.css')) {
      css += bytes.length;
      cssGz += gz;
    } else if (file.type === 'chunk') {
      const min = Buffer.from(minifySync(file.fileName, source, { compress: true, mangle: true }).code);
      js += min.length;
      jsGz += gzipSync(min, { level: 9 }).length;
      jsGzLib += gz;
      for (const i of file.imports ?? []) imports.add(i);
      // Where the bytes go (rendered code before minification, for shares): by package or src/ folder.
      for (const [id, info] of Object.entries(file.modules ?? {})) {
        const pkg = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
        const local = id.match(/\/src\/(.*\/)?[^/]+$/)?.[1];
        const key = pkg ?? (local !== undefined ? `src/${local ?? ''}` : id.replace(/^.*\/test\/bench\//, 'bench/'));
        parts[key] = (parts[key] ?? 0) + (info.renderedLength ?? 0);
      }
      for (const i of file.importedBindings ? Object.keys(file.importedBindings) : []) imports.add(i);
    }
  }
  const byPart = Object.entries(parts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([part, bytes]) => ({ part, renderedKB: Math.round((bytes / 1024) * 10) / 10 }));
  return { jsKB: js / 1024, jsGzKB: jsGz / 1024, jsGzLibKB: jsGzLib / 1024, cssKB: css / 1024, cssGzKB: cssGz / 1024, external: [...imports].filter(isPeer).sort(), byPart };
}
