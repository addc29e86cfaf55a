import { Field, ObjectType } from 'type-graphql';
import { SourceKind } from './enums';
import { Node } from './node';

@ObjectType({ implements: Node, description: 'A publication, report or index that the text attributes claims to.' })
export class Source extends Node {
  @Field()
  slug!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field({ description: 'How the text names it: "according to <name>".' })
  name!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@ObjectType({ description: 'One claim a source supports: a fact, a relation, or a passage of an explainer.' })
export class Citation {
  @Field({ description: 'The claim in words: the fact, the relation, or the cited passage.' })
  claim!: string;
}
