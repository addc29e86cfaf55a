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

  @Field(() => String, { nullable: true, description: 'The question its box asks, when the rule’s ("Who is …?", "What is …?") will not do; null goes back to the rule.' })
  question?: string | null;
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

  @Field(() => String, { nullable: true, description: 'The question its box asks, when the rule’s ("Who is …?", "What is …?") will not do; null goes back to the rule.' })
  question?: string | null;
}

@InputType()
export class FactInput {
  @Field({ description: 'FOUNDED, RANKING, ...' })
  kind!: string;

  @Field()
  label!: string;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date, possibly partial: 2015, 2015-01; where a span starts.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Where a span that starts at date ends: 2018 for "2015 to 2018". Needs date.' })
  dateEnd?: string | null;

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
