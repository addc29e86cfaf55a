import { Field, ID, InputType, Int } from 'type-graphql';
import { UserInputError } from '../errors';
import type * as rt from '../rich-text/rich-text';
import { idOf } from './node';

@InputType({ description: 'A mark: give exactly one of entity, source and quote.' })
export class MarkInput {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => ID, { nullable: true, description: 'A mention of this entity.' })
  entity?: string;

  @Field(() => ID, { nullable: true, description: 'A citation of this source.' })
  source?: string;

  @Field(() => ID, { nullable: true, description: 'An inline quotation: this quote.' })
  quote?: string;
}

@InputType()
export class ParagraphInput {
  @Field()
  text!: string;

  @Field(() => [MarkInput], { defaultValue: [] })
  marks!: MarkInput[];
}

@InputType()
export class QuoteBlockInput {
  @Field(() => ID, { description: 'The quote (createQuote) these paragraphs are.' })
  quote!: string;

  @Field(() => [ParagraphInput])
  paragraphs!: ParagraphInput[];
}

@InputType({ description: 'A block: give exactly one of paragraph and quote.' })
export class BlockInput {
  @Field(() => ParagraphInput, { nullable: true })
  paragraph?: ParagraphInput;

  @Field(() => QuoteBlockInput, { nullable: true })
  quote?: QuoteBlockInput;
}

@InputType({ description: 'A section with the same structure the API serves.' })
export class SectionInput {
  @Field()
  slug!: string;

  @Field(() => String, { nullable: true })
  heading?: string | null;

  @Field(() => [BlockInput])
  blocks!: BlockInput[];
}

type Path = Array<string | number>;

/** The stored rich text for a section input; ids are decoded and the one-of rules enforced, with paths. */
export function toRichText(input: SectionInput, at: Path): rt.RichText {
  const paragraph = (p: ParagraphInput, path: Path): rt.Paragraph => ({
    type: 'paragraph',
    text: p.text,
    marks: p.marks.map((m, i): rt.Mark => {
      const markPath = [...path, 'marks', i];
      const given = [m.entity, m.source, m.quote].filter((x) => x != null).length;
      if (given !== 1) throw new UserInputError(markPath, 'give exactly one of entity, source and quote');
      if (m.entity != null) return { type: 'mention', start: m.start, end: m.end, entityId: idOf('Entity', m.entity, [...markPath, 'entity']) };
      if (m.source != null) return { type: 'citation', start: m.start, end: m.end, sourceId: idOf('Source', m.source, [...markPath, 'source']) };
      return { type: 'quote', start: m.start, end: m.end, quoteId: idOf('Quote', m.quote!, [...markPath, 'quote']) };
    }),
  });
  return {
    blocks: input.blocks.map((b, i): rt.Block => {
      const path = [...at, 'blocks', i];
      if ((b.paragraph == null) === (b.quote == null)) throw new UserInputError(path, 'give exactly one of paragraph and quote');
      if (b.paragraph) return paragraph(b.paragraph, [...path, 'paragraph']);
      const q = b.quote!;
      return {
        type: 'quote',
        quoteId: idOf('Quote', q.quote, [...path, 'quote', 'quote']),
        paragraphs: q.paragraphs.map((p, j) => paragraph(p, [...path, 'quote', 'paragraphs', j])),
      };
    }),
  };
}

/**
 * Rewrites a store path inside a section (["body", "blocks", 2, "marks", 0, "entityId"]) as the path
 * of the same field in the SectionInput the client sent (["section", "blocks", 2, "paragraph", "marks", 0, "entity"]).
 */
export function inputPath(storePath: Path, body: rt.RichText, argument: string): Path {
  const out: Path = [argument];
  const names: Record<string, string> = { entityId: 'entity', sourceId: 'source', quoteId: 'quote' };
  for (let i = storePath[0] === 'body' ? 1 : 0; i < storePath.length; i++) {
    const part = storePath[i];
    out.push(typeof part === 'string' ? (names[part] ?? part) : part);
    if (storePath[i - 1] === 'blocks' && typeof part === 'number') {
      const block = body.blocks[part];
      if (block) out.push(block.type === 'quote' ? 'quote' : 'paragraph');
    }
  }
  return out;
}
