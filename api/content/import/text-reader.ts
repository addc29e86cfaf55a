/** Articles pasted as text, as a page copied from a browser gives them. */
import { type Reading, type Unit, collapse, isChrome } from './reading';

/** One paragraph a line, as a page copied from a browser gives it; blank lines mean nothing. */
export function readText(text: string): Reading {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map(collapse)
    .filter((line) => line !== '');
  const dropped: string[] = [];
  const kept = lines.filter((line) => {
    if (!isChrome(line)) return true;
    dropped.push(line);
    return false;
  });
  const [headline = null, ...body] = kept;
  const shaped = body.map(hasHeadingShape);
  const units: Unit[] = body.map((line, i) =>
    shaped[i] && i + 1 < body.length && !shaped[i + 1] ? { kind: 'heading', text: line } : { kind: 'paragraph', text: line },
  );
  return { headline, units, dropped };
}

/** Short, not lower case, and ending without a sentence's punctuation (or as a short question). */
function hasHeadingShape(line: string): boolean {
  const words = line.split(' ').length;
  if (line.length > 100 || words > 14 || /^[\p{Ll}\p{P}]/u.test(line)) return false;
  if (/\?["'”’)]*$/u.test(line)) return words <= 12;
  return !/[.,;:!…"'”’)\]]$/u.test(line);
}
