import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on the shape of a document, checked while validating, before any resolver: depth,
 * aliases and directives. Cost is api/plugins/cost.ts: Armor's weighs no list by its size. Field suggestions ("did you mean") are hidden outside
 * development, so the schema is learned from introspection, not by probing. Tokens are limited
 * by graphql's own parser (parseOptions below), which Apollo answers with 400; Armor's token
 * limit throws from a hook Apollo answers with 500.
 */
export const parseOptions = { maxTokens: 4000 };

export function armor(development: boolean) {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !development },
  }).protect();
}
