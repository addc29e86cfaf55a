/**
 * Structured rich text: what a section's body is. Stored as JSON, served as data, plain text
 * and sanitized HTML. Offsets are UTF-16 code units into a paragraph's text, end exclusive.
 */
export type Mark = MentionMark | CitationMark | QuoteMark;

export interface MentionMark {
  type: 'mention';
  start: number;
  end: number;
  entityId: string;
}

export interface CitationMark {
  type: 'citation';
  start: number;
  end: number;
  sourceId: string;
}

/** Words quoted inside a paragraph ("filthy nationalists"). */
export interface QuoteMark {
  type: 'quote';
  start: number;
  end: number;
  quoteId: string;
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
  marks: Mark[];
}

/** Paragraphs set apart as a quotation; who said it and through which source lives on the quote. */
export interface QuoteBlock {
  type: 'quote';
  quoteId: string;
  paragraphs: Paragraph[];
}

export type Block = Paragraph | QuoteBlock;

export interface RichText {
  blocks: Block[];
}

export const limits = {
  paragraphChars: 10_000,
  blocks: 200,
  marksPerParagraph: 500,
};

export interface RichTextProblem {
  /** Path inside the rich text, e.g. ["blocks", 2, "marks", 0, "end"]. */
  path: Array<string | number>;
  message: string;
}

/** Structural problems of a rich text; references to entities, sources and quotes are checked by the store. */
export function validateRichText(body: RichText): RichTextProblem[] {
  const problems: RichTextProblem[] = [];
  if (!Array.isArray(body.blocks)) return [{ path: ['blocks'], message: 'must be a list' }];
  if (body.blocks.length > limits.blocks) problems.push({ path: ['blocks'], message: `at most ${limits.blocks} blocks` });
  const paragraph = (p: Paragraph, path: Array<string | number>) => {
    if (typeof p.text !== 'string' || p.text.trim() === '') {
      problems.push({ path: [...path, 'text'], message: 'a paragraph cannot be empty' });
      return;
    }
    if (p.text.length > limits.paragraphChars) {
      problems.push({ path: [...path, 'text'], message: `at most ${limits.paragraphChars} characters` });
    }
    if (p.marks.length > limits.marksPerParagraph) {
      problems.push({ path: [...path, 'marks'], message: `at most ${limits.marksPerParagraph} marks` });
    }
    p.marks.forEach((m, i) => {
      const ok = Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end > m.start && m.end <= p.text.length;
      if (!ok) {
        problems.push({
          path: [...path, 'marks', i],
          message: `a mark must cover text inside its paragraph (0 <= start < end <= ${p.text.length})`,
        });
      }
    });
  };
  body.blocks.forEach((block, b) => {
    if (block.type === 'paragraph') paragraph(block, ['blocks', b]);
    else if (block.type === 'quote') {
      if (block.paragraphs.length === 0) problems.push({ path: ['blocks', b, 'paragraphs'], message: 'a quote needs a paragraph' });
      block.paragraphs.forEach((p, i) => paragraph(p, ['blocks', b, 'paragraphs', i]));
    } else problems.push({ path: ['blocks', b, 'type'], message: 'unknown block type' });
  });
  return problems;
}

/** Every paragraph with its place: block index, and paragraph index inside a quote (0 otherwise). */
export function* paragraphsOf(body: RichText): Generator<{ block: number; paragraph: number; value: Paragraph }> {
  for (const [b, block] of body.blocks.entries()) {
    if (block.type === 'paragraph') yield { block: b, paragraph: 0, value: block };
    else for (const [i, p] of block.paragraphs.entries()) yield { block: b, paragraph: i, value: p };
  }
}
