import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node';

@ObjectType({ implements: Node, description: 'An ordered part of an explainer, with structured rich text.' })
export class Section extends Node {
  @Field()
  slug!: string;

  @Field(() => String, { nullable: true, description: 'Null for an opening without a heading.' })
  heading!: string | null;

  @Field(() => Int, { description: 'Zero-based order within the explainer.' })
  position!: number;

  @Field({ description: 'The body as plain text, paragraphs separated by blank lines.' })
  text!: string;
}

@ObjectType({ description: 'Words of a section that name an entity.' })
export class Mention {
  @Field({ description: 'The words as they appear.' })
  text!: string;

  @Field(() => Int, { description: 'Index of the block in the section body.' })
  block!: number;

  @Field(() => Int, { description: 'Index of the paragraph within a quote block (0 for a paragraph block).' })
  paragraph!: number;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}
