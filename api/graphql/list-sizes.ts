/**
 * How long each list of the schema may be, for the cost of a query (api/plugins/cost.ts). A list
 * that grows with the newsroom's content takes `first` (1 to 100) and is sized by it; every other
 * list has its size declared here: the most it holds by a rule of the API or of the newsroom's
 * content, for the seeded explainer with room to spare. A list missing from both fails a test
 * (tests/api/cost.test.ts), so a new list cannot slip in unweighed.
 */
export const listSizes: Readonly<Record<string, number>> = {
  'ContextBox.corrections': 10,
  'ContextBox.keyFacts': 8,
  'ContextBox.sections': 20,
  'ContextBox.sources': 30,
  'Entity.aliases': 20,
  'Entity.facts': 30,
  'Entity.relations': 30,
  'Explainer.corrections': 10,
  'Explainer.entities': 50,
  'Explainer.quotes': 30,
  'Explainer.sections': 20,
  'Explainer.sources': 30,
  // One per configured locale.
  'Explainer.translations': 10,
  'Fact.sources': 5,
  'KeyFact.sources': 5,
  'Relation.sources': 5,
  'Quote.speakers': 3,
  'QuoteBlock.paragraphs': 5,
  'Section.blocks': 30,
  'Section.mentions': 50,
  'Paragraph.marks': 20,
  'Revision.diff': 30,
  'Explainer.unpublishedChanges': 30,
  'ImportResult.candidates': 100,
  'ImportResult.dropped': 50,
  // Annotations of a text: its own budget is the text's bytes (api/plugins/input-budget.ts).
  'Query.annotate': 100,
  'Query.apiKeys': 100,
  // At most MAX_WEBHOOK_ENDPOINTS (api/store/webhook-endpoint.store.ts), each naming each event once at most.
  'Query.webhookEndpoints': 100,
  'WebhookEndpoint.events': 7,
  // Introspection, as GraphiQL and code generators ask for it: the schema's own sizes, with room.
  '__Schema.types': 80,
  '__Schema.directives': 8,
  '__Type.fields': 40,
  '__Type.inputFields': 15,
  '__Type.enumValues': 25,
  '__Type.interfaces': 3,
  '__Type.possibleTypes': 15,
  '__Field.args': 8,
  '__Directive.args': 3,
  '__Directive.locations': 19,
  // Inside a connection: sized by the connection's `first`.
  'EntityConnection.edges': 1,
  'EntityConnection.nodes': 1,
  'ExplainerConnection.edges': 1,
  'ExplainerConnection.nodes': 1,
  'SearchConnection.edges': 1,
  'WebhookDeliveryConnection.edges': 1,
  'WebhookDeliveryConnection.nodes': 1,
};
