import { once } from 'node:events';
import { request } from 'node:http';
import { Pool } from 'pg';
import pino from 'pino';
import { databases, testDatabaseUrl } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';

describe.each(databases)('the HTTP server (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database);
  });
  afterAll(() => t.close());

  it('answers /healthz and, while the database answers, /readyz', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.status).toBe(200);
      expect((await response.json()).status).toBe('ok');
    }
  });

  it('answers an unknown path with 404 and a wrong method with 405 and Allow', async () => {
    expect((await fetch(`${t.url}/nope`)).status).toBe(404);
    const response = await fetch(`${t.url}/healthz`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('lets any origin preflight and read /graphql without credentials', async () => {
    const preflight = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://news.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ explainer(slug: "what-is-isis-k") { title } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    // What a request may send is the preflight's to say, once a day, not every response's.
    expect(response.headers.get('access-control-max-age')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a body over 2 MB with 413', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a GET query without a preflight-forcing header (CSRF prevention)', async () => {
    const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const t = await startApp('sqlite');
    const port = new URL(t.url).port;
    // A request whose body is still arriving is in flight when close() begins.
    let finish!: () => void;
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write('{"query": "{ explainer(slug: \\"what-is-isis-k\\") ');
      finish = () => req.end('{ title } }"}');
    });
    await once(t.app.server, 'request');
    const closed = t.close();
    expect(t.app.server.listening).toBe(false);
    finish();
    const { status, body } = await inFlight;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ data: { explainer: { title: 'What is ISIS-K?' } } });
    await closed;
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });
});

describe.each(databases)('shutdown while a reader hangs up (%s)', (database) => {
  // Three waves of statements: the explainer, its sections, then their mentions and entities.
  const query = '{ explainer(slug: "what-is-isis-k") { title sections { heading mentions { entity { name } } } } }';

  it('keeps the store open until the abandoned request has finished', async () => {
    const logged: Array<{ level: number; msg: string; err?: { message: string } }> = [];
    let onFirstStatement: (() => void) | undefined;
    const t = await startApp(
      database,
      { responseCacheBytes: 0 },
      {
        logger: pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
        onQuery: () => {
          const trigger = onFirstStatement;
          onFirstStatement = undefined;
          trigger?.();
        },
      },
    );
    const admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      // How many statements the query takes when its reader stays.
      t.statements.reset();
      await t.gql(query);
      const whole = t.statements.count;
      expect(whole).toBeGreaterThan(1);

      // On PostgreSQL, hold the request at its second wave with a lock on the sections readers see, so that shutdown has
      // every chance to close the store under it. (SQLite runs statements synchronously: no such window.)
      const locker = database === 'postgres' ? await admin.connect() : undefined;
      await locker?.query('begin');
      await locker?.query(`lock table "${t.app.config.databaseSchema}".released_sections in access exclusive mode`);

      // The same query, but the reader's connection is reset (as a load balancer or a closed tab does) and
      // shutdown begins as soon as the query's first statement has run.
      t.statements.reset();
      let closed: Promise<void> | undefined;
      await new Promise<void>((resolve) => {
        const req = request(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } });
        req.on('error', () => resolve());
        onFirstStatement = () => {
          req.socket!.resetAndDestroy();
          closed = t.app.close();
        };
        req.end(JSON.stringify({ query }));
      });
      expect(closed).toBeDefined();
      if (locker) {
        // The reset connection has gone: without waiting for its request, shutdown would close the store now.
        await once(t.app.server, 'close');
        await new Promise((resolve) => setImmediate(resolve));
        await locker.query('commit');
        locker.release();
      }
      await closed;
      expect(t.statements.count).toBe(whole);
      expect(logged.filter((line) => line.level >= 50).map((line) => line.err?.message ?? line.msg)).toEqual([]);
    } finally {
      await admin.end();
      await t.close();
    }
  });
});
