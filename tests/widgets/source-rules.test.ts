import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const srcDir = join(__dirname, '../../widgets/src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const sources = files(srcDir).map((path) => ({ path: relative(srcDir, path), code: readFileSync(path, 'utf8') }));
/** Comments may talk about the document; code may not touch it. */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
const offenders = (pattern: RegExp, only: (path: string) => boolean = () => true): string[] =>
  sources.filter((s) => only(s.path) && pattern.test(code(s.code))).map((s) => s.path);

describe('widget source rules', () => {
  it('never renders raw HTML', () => {
    expect(offenders(/dangerouslySetInnerHTML|innerHTML|insertAdjacentHTML|outerHTML/)).toEqual([]);
  });

  it('sets no inline styles (blocked by a strict style-src)', () => {
    expect(offenders(/\bstyle=\{|setAttribute\(\s*['"]style/, (p) => !p.startsWith('iframe-resize'))).toEqual([]);
  });

  it('keeps no state in the reader’s browser', () => {
    expect(offenders(/document\.cookie|localStorage|sessionStorage|indexedDB/)).toEqual([]);
  });

  it('keeps components renderable on the server: no window or document in them', () => {
    expect(offenders(/\b(window|document|navigator|location)\b/, (p) => p.startsWith('components/'))).toEqual([]);
  });

  it('has no default exports and names files by convention', () => {
    expect(offenders(/export default/)).toEqual([]);
    const bad = sources
      .map((s) => s.path)
      .filter((p) => !(p.endsWith('.tsx') ? /(^|\/)[A-Z][A-Za-z]*\.tsx$/.test(p) : /(^|\/)[a-z][a-z0-9-]*\.ts$/.test(p)));
    expect(bad).toEqual([]);
  });

  it('prints only through the [backstory]-prefixed helpers', () => {
    expect(offenders(/console\./, (p) => p !== 'log.ts' && p !== 'container.ts')).toEqual([]);
    expect(sources.flatMap((s) => s.code.match(/console\.\w+\(\s*[`'"](?!\[backstory\]|\$\{PREFIX\})/g) ?? [])).toEqual([]);
  });
});
