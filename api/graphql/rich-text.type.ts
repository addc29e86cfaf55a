import { Field, Int, InterfaceType, ObjectType, createUnionType } from 'type-graphql';
import type * as rt from '../rich-text/rich-text';

@InterfaceType({
  description: 'A span of a paragraph\'s text: UTF-16 code-unit offsets, end exclusive. Marks may nest or overlap.',
  resolveType: (mark: rt.Mark) => ({ mention: 'MentionMark', citation: 'CitationMark', quote: 'QuoteMark' })[mark.type],
})
export abstract class Mark {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType({ implements: Mark, description: 'The words name an entity.' })
export class MentionMark extends Mark {}

@ObjectType({ implements: Mark, description: 'The claim in these words is attributed to a source.' })
export class CitationMark extends Mark {}

@ObjectType({ implements: Mark, description: 'These words are quoted.' })
export class QuoteMark extends Mark {}

@ObjectType({ description: 'A paragraph of text with its marks.' })
export class Paragraph {
  @Field()
  text!: string;

  @Field(() => [Mark])
  marks!: rt.Mark[];
}

@ObjectType({ description: 'Paragraphs set apart as a quotation.' })
export class QuoteBlock {
  @Field(() => [Paragraph])
  paragraphs!: rt.Paragraph[];
}

export const Block = createUnionType({
  name: 'Block',
  description: 'A block of rich text.',
  types: () => [Paragraph, QuoteBlock] as const,
  resolveType: (block) => ((block as unknown as rt.Block).type === 'paragraph' ? 'Paragraph' : 'QuoteBlock'),
});
