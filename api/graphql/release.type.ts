import { GraphQLJSON } from 'graphql-scalars';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What readers were shown from a publish on: numbered from 1, never changed.' })
export class Release {
  @Field(() => Int)
  number!: number;

  @Field(() => Int, { description: 'The version of the working copy it released.' })
  version!: number;

  @Field({ description: 'publish, correct (a correction released on its own), merge.' })
  action!: string;

  @Field(() => GraphQLISODateTime, { description: 'When readers started seeing it.' })
  publishedAt!: string;

  @Field(() => GraphQLJSON, { description: 'Everything a reader of this release saw, as one document.' })
  document!: unknown;
}

@ObjectType({ description: 'A publish set for later: it fires once, at or soon after `at`.' })
export class ScheduledPublish {
  @Field(() => GraphQLISODateTime)
  at!: string;

  @Field(() => Int, { description: 'The version that was current when it was scheduled; the publish takes the working copy as it then is.' })
  version!: number;
}
