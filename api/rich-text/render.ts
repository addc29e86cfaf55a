import type { Mark, Paragraph, RichText } from './rich-text';

/** Plain text: paragraphs (a quote's included) separated by blank lines. */
export function toPlainText(body: RichText): string {
  return body.blocks
    .flatMap((block) => (block.type === 'paragraph' ? [block.text] : block.paragraphs.map((p) => p.text)))
    .join('\n\n');
}

export interface Segment {
  text: string;
  marks: Mark[];
}

/** Splits a paragraph at every mark boundary, so overlapping marks render as nested runs. */
export function segments(paragraph: Paragraph): Segment[] {
  const cuts = new Set<number>([0, paragraph.text.length]);
  for (const m of paragraph.marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ text: paragraph.text.slice(start, end), marks: paragraph.marks.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]);
}

export interface HtmlLinks {
  entitySlug(id: string): string | undefined;
  sourceName(id: string): string | undefined;
}

/**
 * Sanitized HTML built from the structure: every character of content is escaped and the only
 * elements are p, blockquote and span, so no content can inject markup.
 */
export function toHtml(body: RichText, links: HtmlLinks): string {
  const paragraph = (p: Paragraph) =>
    '<p>' +
    segments(p)
      .map((s) => {
        let html = escapeHtml(s.text);
        for (const m of s.marks) {
          if (m.type === 'mention') {
            const slug = links.entitySlug(m.entityId);
            html = `<span class="mention"${slug ? ` data-entity="${escapeHtml(slug)}"` : ''}>${html}</span>`;
          } else if (m.type === 'citation') {
            const name = links.sourceName(m.sourceId);
            html = `<span class="citation"${name ? ` data-source="${escapeHtml(name)}"` : ''}>${html}</span>`;
          } else html = `<span class="quote">${html}</span>`;
        }
        return html;
      })
      .join('') +
    '</p>';
  return body.blocks
    .map((block) => (block.type === 'paragraph' ? paragraph(block) : `<blockquote>${block.paragraphs.map(paragraph).join('')}</blockquote>`))
    .join('');
}
