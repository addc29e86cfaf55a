import { Field, ObjectType } from 'type-graphql';
import { QuoteKind } from './enums';
import { Node } from './node';

@ObjectType({ implements: Node, description: 'Words an explainer quotes, with who said them and the source they came through.' })
export class Quote extends Node {
  @Field(() => QuoteKind)
  kind!: QuoteKind;

  @Field()
  text!: string;
}
