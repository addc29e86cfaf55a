/**
 * scripts/build.mjs decides whether to build: --if-changed only when an input changed since the last
 * build or an output is gone, --if-missing only when nothing was ever built. Run on a copy of itself in
 * a scratch repository whose tsc and esbuild only write their outputs and note that they ran.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const fakeTsc = `#!/usr/bin/env node
const fs = require('fs');
fs.appendFileSync('ran.log', 'tsc\\n');
for (const f of ['dist/api/main.js', 'dist/api/cli/keys.js']) { fs.mkdirSync(require('path').dirname(f), { recursive: true }); fs.writeFileSync(f, ''); }
`;
// esbuild bundles a build script; the "bundle" it writes is what then runs, and writes that build's output.
const fakeEsbuild = `#!/usr/bin/env node
const fs = require('fs');
const entry = process.argv[2];
const out = process.argv.find((a) => a.startsWith('--outfile=')).slice('--outfile='.length);
const made = entry.startsWith('widgets') ? 'dist/widgets/backstory.js' : 'dist/explorer/explorer.js';
fs.appendFileSync('ran.log', 'esbuild ' + entry + '\\n');
fs.writeFileSync(out, "const fs = require('fs'); fs.mkdirSync(require('path').dirname('" + made + "'), { recursive: true }); fs.writeFileSync('" + made + "', '');");
`;

describe('scripts/build.mjs', () => {
  let dir: string;
  const build = (...args: string[]) => {
    rmSync(join(dir, 'ran.log'), { force: true });
    const result = spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs'), ...args], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    return existsSync(join(dir, 'ran.log')) ? readFileSync(join(dir, 'ran.log'), 'utf8').trim().split('\n') : [];
  };
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backstory-build-'));
    write('package.json', '{}');
    write('api/main.ts', 'export {};');
    write('widgets/build.ts', '');
    write('explorer/build.ts', '');
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(join(__dirname, '../../scripts/build.mjs'), join(dir, 'scripts', 'build.mjs'));
    write('node_modules/.bin/tsc', fakeTsc);
    write('node_modules/.bin/esbuild', fakeEsbuild);
    chmodSync(join(dir, 'node_modules/.bin/tsc'), 0o755);
    chmodSync(join(dir, 'node_modules/.bin/esbuild'), 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds everything when asked without a condition', () => {
    expect(build()).toEqual(['tsc', 'esbuild widgets/build.ts', 'esbuild explorer/build.ts']);
    expect(build()).toHaveLength(3);
  });

  it('--if-changed builds the first time, then not until a source changes', () => {
    expect(build('--if-changed')).toHaveLength(3);
    expect(build('--if-changed')).toEqual([]);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'api/main.ts'), later, later);
    expect(build('--if-changed')).toHaveLength(3);
    expect(build('--if-changed')).toEqual([]);
    write('api/new.ts', 'export {};');
    expect(build('--if-changed')).toHaveLength(3);
  });

  it('--if-changed builds when an output is gone, even with no source changed', () => {
    build('--if-changed');
    rmSync(join(dir, 'dist/explorer/explorer.js'));
    expect(build('--if-changed')).toHaveLength(3);
  });

  it('--if-missing builds only when nothing was built, whatever changed since', () => {
    expect(build('--if-missing')).toHaveLength(3);
    write('api/main.ts', 'export const changed = true;');
    expect(build('--if-missing')).toEqual([]);
  });
});
