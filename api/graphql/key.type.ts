import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RoleName {
  EDITOR = 'editor',
  PUBLISHER = 'publisher',
  ADMIN = 'admin',
}
registerEnumType(RoleName, {
  name: 'Role',
  description: 'EDITOR creates and edits drafts; PUBLISHER also publishes, unpublishes, corrects and merges; ADMIN also manages keys.',
});

@ObjectType({ description: 'An API key, without its secret.' })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => RoleName)
  role!: RoleName;

  @Field({ description: 'The public part of the key: bsk_<prefix>_...' })
  prefix!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt!: string | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  key!: ApiKey;

  @Field({ description: 'The whole key. Shown this once: only a hash is stored.' })
  secret!: string;
}
