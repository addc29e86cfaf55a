import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime } from 'type-graphql';
import { EntityKind, PublicationStatus, RelationPredicate } from './enums';
import { Node } from './node';

@ObjectType({ description: 'Another name an entity goes by; lookups by any alias find the entity.' })
export class Alias {
  @Field()
  name!: string;

  @Field({ description: 'BCP 47 language tag of the alias.' })
  locale!: string;
}

@ObjectType({ description: 'A dated, sourced statement about an entity.' })
export class Fact {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Machine-readable kind, e.g. FOUNDED, RANKING, STRATEGY.' })
  kind!: string;

  @Field()
  label!: string;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date, possibly partial: 2015-01, 2018; where a span starts.' })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'Where a span that starts at date ends: 2018 for "2015 to 2018"; null for a single date.' })
  dateEnd!: string | null;

  @Field(() => String, { nullable: true, description: 'The words with which the text hedges the claim.' })
  hedge!: string | null;
}

@ObjectType({ description: 'subject PREDICATE object, as the sources state it.' })
export class Relation {
  @Field(() => ID)
  id!: string;

  @Field(() => RelationPredicate)
  predicate!: RelationPredicate;

  @Field(() => String, { nullable: true, description: 'The text\'s hedge, e.g. "is said to have received".' })
  hedge!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({ implements: Node, description: 'An organisation, person, place, event or publication that explainers are about or mention.' })
export class Entity extends Node {
  @Field()
  slug!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field({ description: 'One line: what a hovercard shows.' })
  description!: string;

  @Field({ description: 'A short paragraph.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, e.g. Q889.' })
  wikidataId!: string | null;

  @Field(() => PublicationStatus, { description: 'Whether readers see the entity: only published entities answer without preview.' })
  status!: PublicationStatus;

  @Field(() => Int, { description: 'Increases with every change; updateEntity names the version it expects.' })
  version!: number;

  @Field(() => GraphQLISODateTime)
  updatedAt!: string;
}
