import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { PublicationStatus } from './enums';
import { Node } from './node';

@ObjectType({ implements: Node, description: 'A structured news explainer: "What is ISIS-K?".' })
export class Explainer extends Node {
  @Field()
  slug!: string;

  @Field({ description: 'BCP 47 language tag.' })
  locale!: string;

  @Field({ description: 'The question a box asks: "What is ISIS-K?".' })
  title!: string;

  @Field({ description: 'The article\'s own headline.' })
  headline!: string;

  @Field({ description: 'The short answer a box shows first: one to three sentences.' })
  summary!: string;

  @Field(() => String, { nullable: true })
  dateline!: string | null;

  @Field(() => PublicationStatus)
  status!: PublicationStatus;

  @Field(() => Int, { description: 'Increases with every change; writes name the version they expect.' })
  version!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: string;

  @Field(() => GraphQLISODateTime)
  updatedAt!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When Backstory first published it: not the original article’s date.' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When the original article was published, when known: a date (2021-08-26) or an ISO 8601 time.' })
  originalPublishedAt!: string | null;
}

@ObjectType({ description: 'A public, dated note of what was corrected.' })
export class Correction {
  @Field()
  text!: string;

  @Field(() => GraphQLISODateTime)
  publishedAt!: string;
}
