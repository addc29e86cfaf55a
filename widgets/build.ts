/**
 * Builds the embeddable bundle and refuses one over budget.
 *
 *   npm run build:widgets
 *
 * Writes dist/widgets/backstory.js (the stable URL publishers paste), backstory.<sha256:8>.js (an
 * immutable copy to cache forever), backstory-frame.<sha256:8>.js (the script of the API's embed page,
 * only ever loaded by its hashed name), backstory-mentions.<sha256:8>.js (the hovercards, which
 * backstory.js loads by that name and integrity only on a page with <backstory-mentions>),
 * backstory.css and backstory.<sha256:8>.css (the host page's rules that reserve the box's space before
 * the script runs), manifest.json { file, integrity, gzipBytes, frame, mentions, css } for whoever serves
 * or pins them, strings/<lang>.json (the box's words in each language but English, which the bundle
 * carries), and persisted-operations.json { sha256: document }, the operations the
 * API runs by hash for widgets. Exits 1 when a gzipped file exceeds its budget.
 */
import { build, transform, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTEXT_BOX_QUERY } from './src/query';
import { STRINGS } from './src/strings';
import { PAGE_CSS } from './src/page-styles';
import * as styles from './src/styles';

/** Every page that embeds a box pays this; Preact alone is ~5 KB of it. */
export const GZIP_BUDGET = 12 * 1024;
/** The embed page's script: Preact and the box's components, to hydrate what the server rendered. */
export const FRAME_GZIP_BUDGET = 10 * 1024;
/** The hovercards on a partner's own text: no Preact, plain DOM, loaded only where they are used. */
export const MENTIONS_GZIP_BUDGET = 4 * 1024;

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

/** styles.ts keeps a rule a line for its readers; the bundles get its CSS through esbuild's minifier. */
const minifiedStyles: Plugin = {
  name: 'backstory-minified-styles',
  setup(b) {
    b.onLoad({ filter: /[\\/]widgets[\\/]src[\\/]styles\.ts$/ }, async () => {
      const css = (await transform(styles.STYLES, { loader: 'css', minify: true })).code.trim();
      const contents = Object.entries({ ...styles, STYLES: css })
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join('\n');
      return { contents, loader: 'js' };
    });
  },
};

interface Built {
  file: string;
  bytes: Buffer;
  integrity: string;
  gzipBytes: number;
}

/**
 * `integrity` is sha384 but for the hovercards' chunk, whose sha256 backstory.js carries: 21 bytes fewer
 * in a bundle every partner page pays for, and as strong a pin.
 */
async function bundle(entry: string, name: string, define: Record<string, string>, algorithm: 'sha256' | 'sha384' = 'sha384'): Promise<Built> {
  const result = await build({
    entryPoints: [join(root, 'widgets', 'src', entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    // Class fields stay as written (Chrome 74, Firefox 75, Safari 14.1 and later): lowered, they cost 130 bytes gzipped.
    target: 'es2022',
    platform: 'browser',
    // Classic h() calls (jsx-factory.ts): about 170 bytes gzipped fewer than the automatic runtime's.
    tsconfigRaw: { compilerOptions: { jsx: 'react', jsxFactory: 'h', jsxFragmentFactory: 'Fragment', useDefineForClassFields: true } },
    // The hovercards' chunk has no JSX, and injecting Preact's h() would bundle Preact into it.
    inject: entry.startsWith('mentions/') ? [] : [join(root, 'widgets', 'src', 'jsx-factory.ts')],
    legalComments: 'none',
    // Shortened: our classes' internals, named _like this, and Preact's own __x fields; nothing outside a bundle reads either.
    mangleProps: /^_[a-z]|^__[a-zA-Z]{0,2}$/,
    define,
    logLevel: 'warning',
    plugins: [noRawHtml, minifiedStyles],
  });
  return hashed(Buffer.from(result.outputFiles[0].contents), name, 'js', algorithm);
}

function hashed(bytes: Buffer, name: string, ext: string, algorithm: 'sha256' | 'sha384' = 'sha384'): Built {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return {
    file: `${name}.${hash}.${ext}`,
    bytes,
    integrity: `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
  };
}

async function main(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  // The widget sends only this hash; the server runs the document the manifest names by it.
  const operationHash = createHash('sha256').update(CONTEXT_BOX_QUERY).digest('hex');
  const define = { __BACKSTORY_VERSION__: JSON.stringify(version), __CONTEXT_BOX_HASH__: JSON.stringify(operationHash) };
  const mentions = await bundle('mentions/index.ts', 'backstory-mentions', define, 'sha256');
  // backstory.js names the chunk it loads, and pins it by integrity.
  const widget = await bundle('loader.ts', 'backstory', {
    ...define,
    __MENTIONS_FILE__: JSON.stringify(mentions.file),
    __MENTIONS_INTEGRITY__: JSON.stringify(mentions.integrity),
  });
  const frame = await bundle('embed-frame.ts', 'backstory-frame', define);
  const { file, bytes, integrity, gzipBytes } = widget;
  const css = hashed(Buffer.from(PAGE_CSS), 'backstory', 'css');

  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) {
    if (/^backstory(-frame|-mentions)?\.[0-9a-f]{8}\.(js|css)$/.test(old) && ![file, frame.file, mentions.file, css.file].includes(old)) rmSync(join(outDir, old));
  }
  writeFileSync(join(outDir, 'backstory.js'), bytes);
  writeFileSync(join(outDir, file), bytes);
  writeFileSync(join(outDir, frame.file), frame.bytes);
  writeFileSync(join(outDir, mentions.file), mentions.bytes);
  writeFileSync(join(outDir, 'backstory.css'), css.bytes);
  writeFileSync(join(outDir, css.file), css.bytes);
  rmSync(join(outDir, 'strings'), { recursive: true, force: true });
  mkdirSync(join(outDir, 'strings'));
  for (const [lang, table] of Object.entries(STRINGS)) {
    if (lang !== 'en') writeFileSync(join(outDir, 'strings', `${lang}.json`), JSON.stringify(table));
  }
  const manifest = {
    file,
    integrity,
    gzipBytes,
    frame: { file: frame.file, integrity: frame.integrity, gzipBytes: frame.gzipBytes },
    mentions: { file: mentions.file, integrity: mentions.integrity, gzipBytes: mentions.gzipBytes },
    css: { file: css.file, integrity: css.integrity },
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, 'persisted-operations.json'), `${JSON.stringify({ [operationHash]: CONTEXT_BOX_QUERY }, null, 2)}\n`);

  console.log(`[backstory] dist/widgets/${file}: ${bytes.length} bytes, ${gzipBytes} gzipped (budget ${GZIP_BUDGET})`);
  console.log(`[backstory] dist/widgets/${frame.file}: ${frame.bytes.length} bytes, ${frame.gzipBytes} gzipped (budget ${FRAME_GZIP_BUDGET})`);
  console.log(`[backstory] dist/widgets/${mentions.file}: ${mentions.bytes.length} bytes, ${mentions.gzipBytes} gzipped (budget ${MENTIONS_GZIP_BUDGET})`);
  if (gzipBytes > GZIP_BUDGET) {
    console.error(`[backstory] bundle is ${gzipBytes - GZIP_BUDGET} bytes over its gzip budget`);
    process.exitCode = 1;
  }
  if (mentions.gzipBytes > MENTIONS_GZIP_BUDGET) {
    console.error(`[backstory] mentions chunk is ${mentions.gzipBytes - MENTIONS_GZIP_BUDGET} bytes over its gzip budget`);
    process.exitCode = 1;
  }
  if (frame.gzipBytes > FRAME_GZIP_BUDGET) {
    console.error(`[backstory] frame script is ${frame.gzipBytes - FRAME_GZIP_BUDGET} bytes over its gzip budget`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('[backstory] widget build failed', error);
  process.exitCode = 1;
});
