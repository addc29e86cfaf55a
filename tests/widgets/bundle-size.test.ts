import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(__dirname, '../..');
const outDir = join(root, 'dist', 'widgets');

describe('the built widget bundle', () => {
  let log: string;
  let manifest: { file: string; integrity: string; gzipBytes: number; mentions: { file: string; integrity: string; gzipBytes: number } };
  let hashed: Buffer;

  beforeAll(() => {
    // Throws, failing every test below, when the build fails or exceeds its budget.
    log = execFileSync('npm', ['run', '-s', 'build:widgets'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    hashed = readFileSync(join(outDir, manifest.file));
  }, 120_000);

  it('stays within 12 KB gzipped, and the manifest and build log say so truthfully', () => {
    const gzipBytes = gzipSync(hashed, { level: 9 }).length;
    expect(gzipBytes).toBeLessThanOrEqual(12 * 1024);
    expect(manifest.gzipBytes).toBe(gzipBytes);
    expect(log).toContain(`${gzipBytes} gzipped`);
  });

  it('names the hashed file by the first 8 hex digits of its SHA-256', () => {
    expect(manifest.file).toBe(`backstory.${createHash('sha256').update(hashed).digest('hex').slice(0, 8)}.js`);
    expect(readFileSync(join(outDir, 'backstory.js')).equals(hashed)).toBe(true);
  });

  it('gives a subresource integrity hash that matches the hashed file', () => {
    expect(manifest.integrity).toBe(`sha384-${createHash('sha384').update(hashed).digest('base64')}`);
  });

  it.each(['innerHTML', 'document.cookie', 'localStorage', 'sessionStorage', 'eval(', 'new Function'])('contains no %s', (needle) => {
    expect(hashed.toString('utf8')).not.toContain(needle);
  });

  it('is one IIFE that touches the page only through window.Backstory and <backstory-box>', () => {
    const code = hashed.toString('utf8');
    expect(code.startsWith('"use strict";(()=>{') || code.startsWith('(()=>{')).toBe(true);
    expect(code).toContain('backstory-box');
  });

  describe('the hovercards’ chunk', () => {
    let chunk: Buffer;
    beforeAll(() => {
      chunk = readFileSync(join(outDir, manifest.mentions.file));
    });

    it('stays within 4 KB gzipped, and the manifest says so truthfully', () => {
      const gzipBytes = gzipSync(chunk, { level: 9 }).length;
      expect(gzipBytes).toBeLessThanOrEqual(4 * 1024);
      expect(manifest.mentions.gzipBytes).toBe(gzipBytes);
      expect(log).toContain(`${manifest.mentions.file}: ${chunk.length} bytes, ${gzipBytes} gzipped (budget 4096)`);
    });

    it('is named by its SHA-256, and backstory.js loads it by that name pinned by its integrity', () => {
      expect(manifest.mentions.file).toBe(`backstory-mentions.${createHash('sha256').update(chunk).digest('hex').slice(0, 8)}.js`);
      expect(manifest.mentions.integrity).toBe(`sha256-${createHash('sha256').update(chunk).digest('base64')}`);
      const code = hashed.toString('utf8');
      expect(code).toContain(manifest.mentions.file);
      expect(code).toContain(manifest.mentions.integrity);
    });

    it.each(['innerHTML', 'document.cookie', 'localStorage', 'sessionStorage', 'eval(', 'new Function', 'preact'])('contains no %s', (needle) => {
      expect(chunk.toString('utf8')).not.toContain(needle);
    });
  });
});
