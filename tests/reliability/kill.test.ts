import { openDatabase } from '../../api/store/dialect';
import { createKey } from '../../api/store/key.store';
import { migrateToLatest } from '../../api/store/migrate';
import { databases } from '../setup/databases';
import { seededRandom } from '../setup/random';
import { type Child, childStore, startChild } from './child';

const trials = 5;

/** An editor key in the store, made before any server runs on it. */
async function editorKey(env: Record<string, string>): Promise<string> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, databaseSchema: env.DATABASE_SCHEMA, sqlitePath: env.SQLITE_PATH ?? ':memory:' });
  try {
    await migrateToLatest(db);
    return (await createKey(db, { name: 'kill -9', role: 'editor' })).secret;
  } finally {
    await db.destroy();
  }
}

async function gql(url: string, key: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

/** Every entity slug the store holds, drafts included. */
async function slugs(url: string, key: string): Promise<Set<string>> {
  const found = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const { body } = await gql(url, key, 'query($after: String) { entities(first: 100, after: $after, preview: true) { nodes { slug } pageInfo { hasNextPage endCursor } } }', { after });
    const page: { nodes: Array<{ slug: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = body.data.entities;
    for (const node of page.nodes) found.add(node.slug);
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

describe.each(databases)('kill -9 during acknowledged writes (%s)', (database) => {
  let child: Child | undefined;
  const store = childStore(database);
  afterAll(async () => {
    await child?.cleanup();
    await store.drop();
  });

  it(`loses none of them, over ${trials} kills`, async () => {
    const key = await editorKey(store.env);
    const env = { ...store.env, MUTATIONS_PER_MINUTE: '1000000' };
    const random = seededRandom(database === 'sqlite' ? 1 : 2);
    const acknowledged: string[] = [];
    let n = 0;
    for (let trial = 0; trial < trials; trial++) {
      child = await startChild(env);
      const c = child;
      // Whatever was acknowledged before the last kill is there after the restart.
      const present = await slugs(c.url, key);
      expect(acknowledged.filter((slug) => !present.has(slug))).toEqual([]);

      let killed = false;
      let firstAcknowledged!: () => void;
      const acknowledgedOne = new Promise<void>((resolve) => (firstAcknowledged = resolve));
      const writer = async () => {
        while (!killed) {
          const slug = `killed-${trial}-${n++}`;
          try {
            const { status, body } = await gql(c.url, key, 'mutation($input: CreateEntityInput!) { createEntity(input: $input) { slug } }', {
              input: { slug, kind: 'ORGANIZATION', name: `Killed ${slug}`, description: 'Written while the server is killed.', summary: 'Written while the server is killed.' },
            });
            if (status === 200 && body.data?.createEntity?.slug === slug) {
              acknowledged.push(slug);
              firstAcknowledged();
            }
          } catch {
            // The connection died with the process: not acknowledged.
          }
        }
      };
      const writers = [writer(), writer()];
      const acknowledgedBefore = acknowledged.length;
      // Killed at a moment drawn from a fixed seed, once this server has acknowledged a write.
      await acknowledgedOne;
      await new Promise((resolve) => setTimeout(resolve, 50 + random() * 250));
      c.process.kill('SIGKILL');
      await c.exited;
      killed = true;
      await Promise.all(writers);
      expect(acknowledged.length).toBeGreaterThan(acknowledgedBefore);
    }
    child = await startChild(env);
    const present = await slugs(child.url, key);
    expect(acknowledged.filter((slug) => !present.has(slug))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(trials);
  }, 90_000);
});
