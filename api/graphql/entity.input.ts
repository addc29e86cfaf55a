import { Field, ID, InputType } from 'type-graphql';
import { EntityKind, RelationPredicate, SourceKind } from './enums';

@InputType()
export class CreateEntityInput {
  @Field()
  slug!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field()
  summary!: string;

  @Field(() => [String], { defaultValue: [], description: 'Other names, in the locale below.' })
  aliases!: string[];

  @Field({ defaultValue: 'en' })
  locale!: string;

  @Field(() => String, { nullable: true })
  wikidataId?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateEntityInput {
  @Field({ nullable: true })
  slug?: string;

  @Field(() => EntityKind, { nullable: true })
  kind?: EntityKind;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  description?: string;

  @Field({ nullable: true })
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Wikidata item id (Q123); null removes it.' })
  wikidataId?: string | null;
}

@InputType()
export class FactInput {
  @Field({ description: 'FOUNDED, RANKING, ...' })
  kind!: string;

  @Field()
  label!: string;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  hedge?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  sources!: string[];
}

@InputType()
export class RelationInput {
  @Field(() => ID)
  subject!: string;

  @Field(() => RelationPredicate)
  predicate!: RelationPredicate;

  @Field(() => ID)
  object!: string;

  @Field(() => String, { nullable: true })
  hedge?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  sources!: string[];
}

@InputType()
export class CreateSourceInput {
  @Field()
  slug!: string;

  @Field(() => SourceKind)
  kind!: SourceKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => ID, { nullable: true })
  publisher?: string | null;
}
