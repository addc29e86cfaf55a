import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateExplainerInput {
  @Field()
  slug!: string;

  @Field({ defaultValue: 'en' })
  locale!: string;

  @Field({ description: 'The question a box asks.' })
  title!: string;

  @Field()
  headline!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true })
  dateline?: string | null;

  @Field(() => String, { nullable: true, description: 'When the original article was published, when known: 2021-08-26, or a full ISO 8601 time.' })
  originalPublishedAt?: string | null;

  @Field(() => ID, { nullable: true, description: 'The entity it is about.' })
  subject?: string | null;

  @Field(() => ID, { nullable: true, description: 'An explainer this one translates: they share a translation group.' })
  translationOf?: string | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateExplainerInput {
  @Field({ nullable: true })
  slug?: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  headline?: string;

  @Field({ nullable: true })
  summary?: string;

  @Field(() => String, { nullable: true })
  dateline?: string | null;

  @Field(() => String, { nullable: true, description: 'When the original article was published, when known: 2021-08-26, or a full ISO 8601 time.' })
  originalPublishedAt?: string | null;
}

@InputType()
export class CreateQuoteInput {
  @Field(() => [ID], { description: 'Who said it, in order.' })
  speakers!: string[];

  @Field(() => ID, { nullable: true, description: 'The source it came through.' })
  source?: string | null;

  @Field({ defaultValue: false, description: 'Words quoted inside a paragraph rather than a block.' })
  inline!: boolean;
}
