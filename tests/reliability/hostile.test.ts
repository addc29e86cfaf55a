import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor } from '../setup/editorial';
import { dosLists, hostileCatalogue } from './hostile';

describe.each(databases)('the hostile catalogue (%s)', (database) => {
  let t: TestApp;
  let key: Record<string, string>;
  beforeAll(async () => {
    t = await startApp(database);
    key = (await keysFor(t)).editor;
  });
  afterAll(() => t.close());

  it.each(hostileCatalogue.map((entry) => [entry.name, entry] as const))('refuses %s, in under 1 MB, before any resolver runs', async (_name, entry) => {
    const { path, init, keyed } = entry.request();
    // A key costs its own lookup (as many statements as a keyed `{ __typename }`); nothing else may touch the store.
    t.statements.reset();
    if (keyed) await t.gql('{ __typename }', {}, key);
    const allowed = t.statements.count;
    t.statements.reset();
    const response = await fetch(`${t.url}${path}`, keyed ? { ...init, headers: { ...(init.headers as Record<string, string>), ...key } } : init);
    const text = await response.text();
    const body = JSON.parse(text);
    expect([response.status, body.errors?.[0]?.extensions?.code]).toEqual([entry.status, entry.code]);
    expect(body.data).toBeUndefined();
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    expect(t.statements.count).toBeLessThanOrEqual(allowed);
  });

  it('answers /healthz while four of them are being refused', async () => {
    const hostile = Array.from({ length: 4 }, () => fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(dosLists()) }));
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await Promise.all(hostile)).map((r) => r.status)).toEqual([400, 400, 400, 400]);
  });
});
