/**
 * Requests an attacker would send, kept as data: each is refused before it does harm. The first
 * two once took 15 s and 343 MB, and minutes and 4 GB, answering anyway.
 */

/** 20 aliases of lists nested in lists: explainer -> sections -> mentions -> entity -> explainers, twice. */
export function dosLists() {
  const one = 'explainer(slug:"what-is-isis-k"){sections{mentions{entity{explainers{sections{mentions{entity{explainers{sections{html}}}}}}}}}}';
  return { query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: ${one}`).join(' ')} }` };
}

/** An editor's 20 aliases of annotate on one variable of about 1 MB. */
export function dosAnnotate() {
  return {
    query: `query($t: String!) { ${Array.from({ length: 20 }, (_, i) => `a${i}: annotate(text: $t) { start end entity { name } }`).join(' ')} }`,
    variables: { t: 'ISIS-K and the Taliban. '.repeat(43_000) },
  };
}

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

let deep = 'name';
for (let i = 0; i < 25; i++) deep = `relations { object { ${deep} } }`;

/** Fragments that spread each other ten times per level: a billion fields from a few hundred bytes. */
function fragmentBomb(): string {
  const levels = 8;
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Entity { name }` : `fragment F${i} on Entity { ${Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ')} relations { object { ...F${i + 1} } } }`,
  );
  return `{ entity(slug: "isis-k") { ...F0 } } ${fragments.join(' ')}`;
}

export interface HostileRequest {
  name: string;
  /** Path and init for fetch; `keyed` requests get an editor key. */
  request(): { path: string; init: RequestInit; keyed?: boolean };
  status: number;
  code: string;
}

/** The catalogue: every entry is answered with its status and code, small and before any resolver runs. */
export const hostileCatalogue: HostileRequest[] = [
  { name: '20 aliases of nested unpaginated lists', request: () => ({ path: '/graphql', init: json(dosLists()) }), status: 400, code: 'COST_LIMIT_EXCEEDED' },
  { name: '20 aliases of annotate on one 1 MB variable, with a key', request: () => ({ path: '/graphql', init: json(dosAnnotate()), keyed: true }), status: 413, code: 'INPUT_BUDGET_EXCEEDED' },
  { name: '20 aliases of the whole context box', request: () => ({ path: '/graphql', init: json({ query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: contextBox(explainer: "what-is-isis-k") { sections { blocks { ... on Paragraph { text marks { start ... on MentionMark { entity { name facts { label sources { name } } } } } } } } }`).join(' ')} }` }) }), status: 400, code: 'COST_LIMIT_EXCEEDED' },
  { name: 'first: 1000000', request: () => ({ path: '/graphql', init: json({ query: '{ entities(first: 1000000) { nodes { name } } }' }) }), status: 400, code: 'COST_LIMIT_EXCEEDED' },
  { name: 'first: 100 on lists nested three deep', request: () => ({ path: '/graphql', init: json({ query: '{ entities(first: 100) { nodes { explainers(first: 100) { entities { explainers(first: 100) { title } } } } } }' }) }), status: 400, code: 'COST_LIMIT_EXCEEDED' },
  { name: 'a fragment bomb', request: () => ({ path: '/graphql', init: json({ query: fragmentBomb() }) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a fragment cycle', request: () => ({ path: '/graphql', init: json({ query: '{ entity(slug: "isis-k") { ...A } } fragment A on Entity { relations { object { ...B } } } fragment B on Entity { relations { object { ...A } } }' }) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a query 50 levels deep', request: () => ({ path: '/graphql', init: json({ query: `{ entity(slug: "isis-k") { ${deep} } }` }) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: '30 aliases', request: () => ({ path: '/graphql', init: json({ query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: entity(slug: "isis-k") { name }`).join(' ')} }` }) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: '50 directives on one field', request: () => ({ path: '/graphql', init: json({ query: `{ __typename ${'@include(if: true) '.repeat(50)}}` }) }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: '1,000 aliases (a 40 KB document)', request: () => ({ path: '/graphql', init: json({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: entity(slug: "isis-k") { name }`).join(' ')} }` }) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a 30 KB document of 10,000 tokens', request: () => ({ path: '/graphql', init: json({ query: `{ explainer(slug: "what-is-isis-k") { ${'title '.repeat(5_000)} } }` }) }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a body over 2 MB', request: () => ({ path: '/graphql', init: json({ query: '{ __typename }', variables: { pad: 'x'.repeat(2_100_000) } }) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a JSON-array batch', request: () => ({ path: '/graphql', init: json([{ query: '{ __typename }' }, { query: '{ __typename }' }]) }), status: 400, code: 'BAD_REQUEST' },
  { name: '20 searches of 20 words', request: () => ({ path: '/graphql', init: json({ query: `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: search(query: "${Array.from({ length: 20 }, (_, w) => `word${w}`).join(' ')}") { edges { cursor } }`).join(' ')} }` }) }), status: 413, code: 'INPUT_BUDGET_EXCEEDED' },
  { name: 'a NUL character in a literal argument', request: () => ({ path: '/graphql', init: json({ query: '{ contextBox(entity: "\\u0000") { summary } }' }) }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'a NUL character in a variable of a nested argument', request: () => ({ path: '/graphql', init: json({ query: 'query($a: String!) { explainers(first: 2) { nodes { section(slug: $a) { heading } } } }', variables: { a: 'x\u0000' } }) }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'a malformed persisted-query extension', request: () => ({ path: `/graphql?extensions=${encodeURIComponent('{"persistedQuery":{"sha256Hash":5}}')}`, init: {} }), status: 400, code: 'BAD_REQUEST' },
  { name: 'an unknown persisted-query hash', request: () => ({ path: `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } }))}`, init: {} }), status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' },
];
