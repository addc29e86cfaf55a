import { Field, ObjectType } from 'type-graphql';
import { KeyFactKind } from './enums';

@ObjectType({ description: 'A short labelled fact a box shows beside the summary.' })
export class KeyFact {
  @Field(() => KeyFactKind)
  kind!: KeyFactKind;

  @Field({ description: 'English label; boxes translate known kinds themselves.' })
  label!: string;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true, description: 'The page of the one entity the value names, when it names one: an event\'s claimant, say.' })
  url!: string | null;
}

@ObjectType({ description: 'Exactly what a context box renders, in one request.' })
export class ContextBox {
  @Field()
  locale!: string;

  @Field({ description: 'The question the box answers: "What is ISIS-K?".' })
  question!: string;

  @Field()
  summary!: string;

  @Field({ description: 'The page with the whole explainer.' })
  url!: string;
}
