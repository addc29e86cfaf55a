import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ContextBoxResolver, KeyFactResolver } from './context-box.resolver';
import { EntityResolver, FactResolver, RelationResolver } from './entity.resolver';
import { ExplainerResolver } from './explainer.resolver';
import { EntityEditingResolver } from './entity-editing.resolver';
import { ExplainerEditingResolver } from './explainer-editing.resolver';
import { AnnotationResolver, ImportResolver } from './import.resolver';
import { KeyResolver } from './key.resolver';
import { WebhookResolver } from './webhook.resolver';
import { NodeResolver } from './node.resolver';
import { EntityHistoryResolver, ExplainerHistoryResolver, RevisionResolver } from './revision.resolver';
import { QuoteResolver } from './quote.resolver';
import { EntityReleaseResolver, ExplainerReleaseResolver, ReleaseResolver } from './release.resolver';
import { ScheduleResolver } from './schedule.resolver';
import { SearchResolver } from './search.resolver';
import {
  CitationMarkResolver,
  MentionMarkResolver,
  MentionResolver,
  QuoteBlockResolver,
  QuoteMarkResolver,
  SectionResolver,
} from './section.resolver';
import { CitationResolver, SourceResolver } from './source.resolver';
import { applyExecutionLimits } from './execution-limits';

export const resolvers = [
  ExplainerReleaseResolver,
  EntityReleaseResolver,
  ReleaseResolver,
  ScheduleResolver,
  ContextBoxResolver,
  KeyFactResolver,
  ExplainerResolver,
  SectionResolver,
  MentionResolver,
  MentionMarkResolver,
  CitationMarkResolver,
  QuoteMarkResolver,
  QuoteBlockResolver,
  QuoteResolver,
  EntityResolver,
  FactResolver,
  RelationResolver,
  SourceResolver,
  CitationResolver,
  SearchResolver,
  NodeResolver,
  ExplainerEditingResolver,
  EntityEditingResolver,
  ExplainerHistoryResolver,
  EntityHistoryResolver,
  RevisionResolver,
  KeyResolver,
  WebhookResolver,
  ImportResolver,
  AnnotationResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every app in a process; type-graphql builds it once. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: false }).then(applyExecutionLimits);
  return built;
}
