/**
 * Builds the embeddable bundle and refuses one over budget.
 *
 *   npm run build:widgets
 *
 * Writes dist/widgets/backstory.js (the stable URL publishers paste), backstory.<sha256:8>.js (an
 * immutable copy to cache forever) and manifest.json { file, integrity, gzipBytes } for whoever serves
 * or pins it. Exits 1 when the gzipped bundle exceeds GZIP_BUDGET.
 */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every page that embeds a box pays this; Preact alone is ~5 KB of it. */
export const GZIP_BUDGET = 12 * 1024;

// This file runs from widgets/ or, bundled, from dist/: the repository is one level up from either.
const root = resolve(__dirname, '..');
const outDir = join(root, 'dist', 'widgets');

/**
 * Our components never render raw HTML, and Preact's one route to it (dangerouslySetInnerHTML, which
 * assigns el.innerHTML) is turned into a harmless expando here, so the shipped bundle cannot parse HTML
 * even if a future change tried. Fails loudly if a Preact upgrade moves that code.
 */
const noRawHtml: Plugin = {
  name: 'backstory-no-raw-html',
  setup(b) {
    b.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/\.innerHTML\b/g, '.__backstoryNoRawHtml');
      if (contents === source) throw new Error('preact no longer assigns innerHTML where expected: review the no-raw-html plugin');
      return { contents, loader: 'js' };
    });
  },
};

async function main(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const result = await build({
    entryPoints: [join(root, 'widgets', 'src', 'loader.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    define: { __BACKSTORY_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
    plugins: [noRawHtml],
  });
  const bytes = Buffer.from(result.outputFiles[0].contents);

  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  const file = `backstory.${hash}.js`;
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const gzipBytes = gzipSync(bytes, { level: 9 }).length;

  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) {
    if (/^backstory\.[0-9a-f]{8}\.js$/.test(old) && old !== file) rmSync(join(outDir, old));
  }
  writeFileSync(join(outDir, 'backstory.js'), bytes);
  writeFileSync(join(outDir, file), bytes);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ file, integrity, gzipBytes }, null, 2)}\n`);

  console.log(`[backstory] dist/widgets/${file}: ${bytes.length} bytes, ${gzipBytes} gzipped (budget ${GZIP_BUDGET})`);
  if (gzipBytes > GZIP_BUDGET) {
    console.error(`[backstory] bundle is ${gzipBytes - GZIP_BUDGET} bytes over its gzip budget`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('[backstory] widget build failed', error);
  process.exitCode = 1;
});
