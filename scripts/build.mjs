/**
 * Builds dist/: the API (tsc), the widgets and the explorer (esbuild).
 *
 *   node scripts/build.mjs               build everything
 *   node scripts/build.mjs --if-changed  build only when an input changed since the last build
 *   node scripts/build.mjs --if-missing  build only when dist/ has never been built
 *
 * Plain JavaScript, so that deciding whether to build costs no compile. An input's path, size and
 * modification time make its fingerprint; the build's is kept in dist/.build-inputs once it succeeds,
 * so a start with nothing changed goes straight to node.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'dist', '.build-inputs');
/** What the build reads: our sources, and what decides which dependencies are bundled. */
const inputs = ['api', 'widgets', 'explorer', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** What the build writes: when one is gone, the build runs whatever the fingerprint says. */
const outputs = ['dist/api/main.js', 'dist/api/cli/keys.js', 'dist/widgets/backstory.js', 'dist/explorer/explorer.js'];

function* files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  } else {
    yield [relative(root, path), stat.size, stat.mtimeMs];
  }
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const input of inputs) for (const file of files(join(root, input))) hash.update(`${file.join('\t')}\n`);
  return hash.digest('hex');
}

const built = () => outputs.every((file) => existsSync(join(root, file)));

function run(command, args) {
  // The build's own lines go to stderr: npm run keys -- --json, for one, prints JSON a script reads.
  const result = spawnSync(command, args, { cwd: root, stdio: ['inherit', 2, 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const mode = process.argv[2];
const current = fingerprint();
if (mode === '--if-missing' && built()) process.exit(0);
if (mode === '--if-changed' && built() && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) process.exit(0);

rmSync(stampFile, { force: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
run(bin('tsc'), ['-p', 'tsconfig.json']);
for (const [entry, out] of [['widgets/build.ts', 'dist/build-widgets.js'], ['explorer/build.ts', 'dist/build-explorer.js']]) {
  run(bin('esbuild'), [entry, '--bundle', '--platform=node', '--packages=external', '--log-level=warning', `--outfile=${out}`]);
  run(process.execPath, [out]);
}
writeFileSync(stampFile, current);
