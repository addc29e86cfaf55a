/**
 * Turns a paragraph's text and its (possibly nested or overlapping) marks into a flat run of pieces a
 * component can render without ever parsing HTML: text pieces carry every mention covering them, and a
 * citation becomes a note placed right after the last character it covers, unless the paragraph already
 * names the source itself ("…, according to the Global Terrorism Index."): a note would only repeat it.
 */
import type { EntityRef, Mark, SourceRef } from './types';

export type Piece =
  | { text: string; mentions: EntityRef[] }
  | { cite: SourceRef };

interface Span {
  start: number;
  end: number;
  mark: Mark;
}

/** Offsets outside the text are clamped, not trusted: a stale mark must not drop or duplicate text. */
function spans(text: string, marks: readonly Mark[]): Span[] {
  const out: Span[] = [];
  for (const mark of marks) {
    const start = Math.max(0, Math.min(text.length, Math.trunc(mark.start)));
    const end = Math.max(0, Math.min(text.length, Math.trunc(mark.end)));
    if (Number.isFinite(start) && Number.isFinite(end) && start <= end) out.push({ start, end, mark });
  }
  return out;
}

function sameEntities(a: EntityRef[], b: EntityRef[]): boolean {
  return a.length === b.length && a.every((entity, i) => entity === b[i]);
}

export function segment(text: string, marks: readonly Mark[] | null | undefined): Piece[] {
  const all = spans(text, marks ?? []);
  const folded = text.toLowerCase();
  const namedInText = (source: SourceRef): boolean => source.name !== '' && folded.includes(source.name.toLowerCase());
  const cuts = [...new Set([0, text.length, ...all.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];

  const citeAt = (offset: number): void => {
    const seen = new Set<string>();
    for (const { end, mark } of all) {
      if (mark.__typename !== 'CitationMark' || end !== offset || seen.has(mark.source.slug) || namedInText(mark.source)) continue;
      seen.add(mark.source.slug);
      pieces.push({ cite: mark.source });
    }
  };

  citeAt(0);
  for (let i = 1; i < cuts.length; i++) {
    const from = cuts[i - 1];
    const to = cuts[i];
    // Outermost first, so nested spans wrap the way the marks nest.
    const mentions = all
      .filter((s) => s.mark.__typename === 'MentionMark' && s.start <= from && to <= s.end && s.start < s.end)
      .sort((a, b) => b.end - b.start - (a.end - a.start))
      .map((s) => (s.mark as Extract<Mark, { __typename: 'MentionMark' }>).entity)
      .filter((entity): entity is EntityRef => entity !== null);
    const last = pieces[pieces.length - 1];
    if (last && 'text' in last && sameEntities(last.mentions, mentions)) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), mentions });
    citeAt(to);
  }
  return pieces;
}
