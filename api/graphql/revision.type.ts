import { GraphQLJSON } from 'graphql-scalars';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One field that a change changed.' })
export class Change {
  @Field({ description: 'title, summary, sections.<slug>, sections.order, quotes, corrections, ...' })
  path!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

@ObjectType({ description: 'A version of an explainer or an entity: who changed what, and the whole of it as it then was.' })
export class Revision {
  @Field(() => Int)
  version!: number;

  @Field({ description: 'create, update, put section, publish, restore version N, ...' })
  action!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: string;

  @Field(() => [Change])
  diff!: Change[];

  @Field(() => GraphQLJSON)
  snapshot!: unknown;
}
