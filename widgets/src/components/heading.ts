export type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** Publishers embed the box under headings of their own, so the level is theirs to choose (2..6). */
export function headingLevel(level: number | string | null | undefined, fallback = 2): number {
  const n = typeof level === 'number' ? level : parseInt(level ?? '', 10);
  return Number.isFinite(n) ? Math.min(6, Math.max(2, Math.trunc(n))) : fallback;
}

export function headingTag(level: number): HeadingTag {
  return `h${headingLevel(level)}` as HeadingTag;
}
