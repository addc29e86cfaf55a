/**
 * Builds the GraphQL explorer into dist/explorer: explorer.js and explorer.css (GraphiQL, React and
 * Monaco), Monaco's three workers, and the fonts the CSS names. A development tool, so there is no
 * size budget; the sizes are printed so that growth is seen.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Runs from explorer/ or, bundled, from dist/: the repository is one level up from either.
const root = resolve(__dirname, '..');
const outDir = join(root, 'dist', 'explorer');

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    format: 'iife' as const,
    target: 'es2022',
    platform: 'browser' as const,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await build({
    ...common,
    entryPoints: { explorer: join(root, 'explorer', 'src', 'explorer.ts') },
    outdir: outDir,
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    assetNames: '[name]-[hash]',
  });
  await build({
    ...common,
    entryPoints: {
      'editor.worker': join(root, 'node_modules', 'monaco-editor', 'esm', 'vs', 'editor', 'editor.worker.js'),
      'json.worker': join(root, 'node_modules', 'monaco-editor', 'esm', 'vs', 'language', 'json', 'json.worker.js'),
      'graphql.worker': join(root, 'node_modules', 'monaco-graphql', 'esm', 'graphql.worker.js'),
    },
    outdir: outDir,
  });
  for (const name of readdirSync(outDir)) {
    console.log(`[backstory] dist/explorer/${name}: ${statSync(join(outDir, name)).size} bytes`);
  }
}

main().catch((error: unknown) => {
  console.error('[backstory] explorer build failed', error);
  process.exitCode = 1;
});
