import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery, getNullableType, isListType, isObjectType, parse } from 'graphql';
import { resolveConfig } from '../../api/config';
import { EXPLAINER_PAGE_QUERY } from '../../api/pages/explainer.query';
import { costOf } from '../../api/plugins/cost';
import { getSchema } from '../../api/graphql/schema';
import { listSizes } from '../../api/graphql/list-sizes';
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor } from '../setup/editorial';
import { dosAnnotate, dosLists } from '../reliability/hostile';

describe('the cost of a query', () => {
  it('weighs every list of the schema: by its `first`, or by a declared size', async () => {
    const schema = await getSchema();
    const unweighed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const paged = field.args.some((a) => a.name === 'first');
        if (isListType(getNullableType(field.type)) && !paged && listSizes[`${type.name}.${field.name}`] === undefined) unweighed.push(`${type.name}.${field.name}`);
        if (paged) expect([`${type.name}.${field.name}`, listSizes[`${type.name}.${field.name}`]]).toEqual([`${type.name}.${field.name}`, undefined]);
      }
    }
    expect(unweighed).toEqual([]);
  });

  it('lets the public run every document Backstory itself sends, and full introspection', async () => {
    const schema = await getSchema();
    const budget = resolveConfig().anonymousCostLimit;
    const documents: Array<[string, string, Record<string, unknown>]> = [
      ...Object.entries(JSON.parse(readFileSync(join(__dirname, '../../dist/widgets/persisted-operations.json'), 'utf8')) as Record<string, string>).map(([hash, query]): [string, string, Record<string, unknown>] => [hash, query, {}]),
      ['the explainer page', EXPLAINER_PAGE_QUERY, { slug: 'x', locale: 'en' }],
      ['introspection', getIntrospectionQuery(), {}],
    ];
    for (const [what, query, variables] of documents) expect([what, costOf(schema, parse(query), undefined, variables) <= budget]).toEqual([what, true]);
  });
});

describe.each(databases)('cost and input budgets (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  beforeAll(async () => {
    t = await startApp(database);
    keys = await keysFor(t);
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('refuses 20 aliases of nested unpaginated lists before any resolver, giving cost and limit', async () => {
    t.statements.reset();
    const response = await post(dosLists());
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 2_000_000 });
    expect(body.errors[0].extensions.cost).toBeGreaterThan(2_000_000);
    expect(body.errors[0].message).toContain(String(body.errors[0].extensions.cost));
    expect(t.statements.count).toBe(0);
  });

  it('counts an expensive input once per alias: 20 annotations of one 1 MB variable are refused before any annotator is built', async () => {
    const response = await post(dosAnnotate(), keys.editor);
    const body = await response.json();
    expect(response.status).toBe(413);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({ code: 'INPUT_BUDGET_EXCEEDED', limit: 1024 * 1024 });
    expect(body.errors[0].extensions.used).toBeGreaterThan(20 * 1000 * 1000);
    // One alias of the same text is within the budget.
    const one = await post({ query: 'query($t: String!) { annotate(text: $t) { start } }', variables: { t: 'ISIS-K '.repeat(1000) } }, keys.editor);
    expect(one.status).toBe(200);
    expect((await one.json()).data.annotate.length).toBe(1000);
  });

  it('adds search words across aliases', async () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: search(query: "${words}", first: 1) { edges { cursor } }`).join(' ')} }`;
    const response = await post({ query });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('INPUT_BUDGET_EXCEEDED');
  });

  it('adds entity searches to the same budget', async () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `e${i}: entities(search: "${words}", first: 1) { nodes { name } }`).join(' ')} }`;
    const response = await post({ query });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('INPUT_BUDGET_EXCEEDED');
  });

  it('gives a key a larger budget than the public', async () => {
    const query = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: explainers(first: 100) { nodes { sections { mentions { entity { name } } } } }`).join(' ')} }`;
    const anonymous = await post({ query });
    expect(anonymous.status).toBe(400);
    expect((await anonymous.json()).errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    const keyed = await post({ query }, keys.editor);
    expect(keyed.status).toBe(200);
    expect((await keyed.json()).errors).toBeUndefined();
  });
});
