import { Field, Int, ObjectType } from 'type-graphql';
import { Explainer } from './explainer.type';

@ObjectType({ description: 'Words of a text that name a known entity.' })
export class Annotation {
  @Field(() => Int, { description: 'UTF-16 offset, inclusive.' })
  start!: number;

  @Field(() => Int, { description: 'UTF-16 offset, exclusive.' })
  end!: number;

  @Field({ description: 'The words as they appear in the text.' })
  text!: string;

  @Field({ description: 'The alias they matched.' })
  alias!: string;
}

@ObjectType({ description: 'A proper name no known entity covers.' })
export class CandidateEntity {
  @Field()
  name!: string;

  @Field(() => Int)
  occurrences!: number;
}

@ObjectType()
export class ImportResult {
  @Field(() => Explainer, { description: 'The new draft.' })
  explainer!: Explainer;

  @Field(() => [CandidateEntity], { description: 'Names that may deserve entities of their own.' })
  candidates!: CandidateEntity[];

  @Field(() => [String], { description: 'Page chrome left out: subscription prompts, comment notices, share bars...' })
  dropped!: string[];
}
