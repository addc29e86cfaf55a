/**
 * Public pages name what they read in Surrogate-Key (space-separated) and Cache-Tag (comma-separated),
 * as persisted GETs do, so a CDN can drop exactly the pages a publish changed; a 404 names the lookup
 * that found nothing, so publishing that slug drops the cached 404.
 */
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { ok } from '../setup/editorial';

const localId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

describe.each(databases)('tags on public pages (%s)', (database) => {
  let t: TestApp;
  let explainer: string;
  let entity: string;

  beforeAll(async () => {
    t = await startApp(database);
    const ids = await ok(t, '{ explainer(slug: "what-is-isis-k") { id } entity(slug: "isis-k") { id } }', {}, {});
    explainer = `explainer:${localId(ids.explainer.id)}`;
    entity = `entity:${localId(ids.entity.id)}`;
  }, 60_000);
  afterAll(() => t?.close());

  const tagsOf = async (path: string) => {
    const response = await fetch(`${t.url}${path}`);
    await response.arrayBuffer();
    const surrogateKey = response.headers.get('surrogate-key')?.split(' ') ?? [];
    expect(response.headers.get('cache-tag')?.split(',') ?? []).toEqual(surrogateKey);
    return { status: response.status, tags: surrogateKey };
  };
  const oembedOf = (slug: string) => `/oembed?url=${encodeURIComponent(`${t.url}/explainers/${slug}`)}`;

  it.each([
    ['the explainer page', '/explainers/what-is-isis-k'],
    ['the embed page', '/embed/explainers/what-is-isis-k'],
    ['oEmbed', 'oembed'],
  ])('%s names the explainer and the slug it was found by', async (_name, path) => {
    const { status, tags } = await tagsOf(path === 'oembed' ? oembedOf('what-is-isis-k') : path);
    expect(status).toBe(200);
    expect(tags).toEqual(expect.arrayContaining([explainer, 'explainer-slug:what-is-isis-k']));
  });

  it('the entity page names the entity and the slug it was found by', async () => {
    const { status, tags } = await tagsOf('/entities/isis-k');
    expect(status).toBe(200);
    expect(tags).toEqual(expect.arrayContaining([entity, 'entity-slug:isis-k']));
  });

  it.each([
    ['the explainer page', '/explainers/not-yet', 'explainer-slug:not-yet'],
    ['the embed page', '/embed/explainers/not-yet', 'explainer-slug:not-yet'],
    ['oEmbed', 'oembed', 'explainer-slug:not-yet'],
    ['the entity page', '/entities/not-yet', 'entity-slug:not-yet'],
  ])('%s answers 404 for a slug with nothing published, naming the slug', async (_name, path, tag) => {
    const { status, tags } = await tagsOf(path === 'oembed' ? oembedOf('not-yet') : path);
    expect(status).toBe(404);
    expect(tags).toContain(tag);
  });

  it('a 304 keeps the tags, so a CDN revalidating its copy can still purge it', async () => {
    const first = await fetch(`${t.url}/explainers/what-is-isis-k`);
    await first.arrayBuffer();
    const again = await fetch(`${t.url}/explainers/what-is-isis-k`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('surrogate-key')).toBe(first.headers.get('surrogate-key'));
  });
});
