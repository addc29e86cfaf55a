/**
 * POST /mentions/v1, the mentions behind hovercards: which entities it finds and describes (released
 * ones only), how it keeps answers, and how it refuses what it will not take.
 */
import { createHash } from 'node:crypto';
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';

const TEXT =
  'Within hours, the group widely known as ISIS-K said it carried out the attack. ISIS-K and the Taliban are bitter enemies; ISKP has attacked Taliban fighters.';

interface Answer {
  hash: string;
  mentions: Array<{ entity: string; start: number; end: number }>;
  entities: Record<string, { name: string; description: string; facts: Array<{ label: string; value: string; sources: Array<{ name: string; url: string | null }> }>; url: string }>;
}

describe.each(databases)('POST /mentions/v1 (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database, { mentionsPerMinute: 1000 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const post = (text: string, query = '', headers: Record<string, string> = {}) =>
    fetch(`${t.url}/mentions/v1${query}`, { method: 'POST', body: text, headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers } });
  const answer = async (text: string, query = ''): Promise<Answer> => {
    const response = await post(text, query);
    expect(response.status).toBe(200);
    return (await response.json()) as Answer;
  };

  it('answers every mention of a released entity with its UTF-16 offsets in the text sent', async () => {
    const { mentions } = await answer(TEXT);
    expect(mentions.map((m) => [m.entity, TEXT.slice(m.start, m.end)])).toEqual([
      ['isis-k', 'ISIS-K'],
      ['isis-k', 'ISIS-K'],
      ['afghan-taliban', 'Taliban'],
      ['isis-k', 'ISKP'],
      ['afghan-taliban', 'Taliban'],
    ]);
  });

  it('describes each entity with its name, a one-line description, at most three key facts with their sources, and the explainer’s URL', async () => {
    const { entities } = await answer(TEXT);
    const card = entities['isis-k'];
    expect(card.name).toBe('Islamic State Khorasan Province');
    expect(card.description).toMatch(/^The Islamic State movement’s official affiliate/);
    expect(card.description).not.toContain('\n');
    expect(card.description.length).toBeLessThanOrEqual(160);
    expect(card.url).toBe(`${t.app.config.publicUrl}/explainers/what-is-isis-k`);
    expect(card.facts.length).toBeGreaterThanOrEqual(2);
    expect(card.facts.length).toBeLessThanOrEqual(3);
    expect(card.facts[0]).toMatchObject({ label: 'Founded' });
    expect(card.facts.some((f) => f.sources.length > 0 && f.sources.every((s) => typeof s.name === 'string'))).toBe(true);
    // An entity no explainer is about links to its own page.
    expect(entities['afghan-taliban'].url).toBe(`${t.app.config.publicUrl}/entities/afghan-taliban`);
  });

  it('describes the entities the markup names, found in the text or not, and ignores unknown ones', async () => {
    const { entities, mentions } = await answer('', '?entity=kabul&entity=no-such-entity');
    expect(Object.keys(entities)).toEqual(['kabul']);
    expect(mentions).toEqual([]);
  });

  it('finds an entity only once it is released, and not after it is unpublished; a publish drops kept answers', async () => {
    const keys = await keysFor(t);
    const text = 'Officials blamed the Zorbian Front for the blast.';
    const created = await ok(
      t,
      'mutation { createEntity(input: { slug: "zorbian-front", kind: ORGANIZATION, name: "Zorbian Front", aliases: [], description: "A fictional militia.", summary: "s" }) { id } }',
      {},
      keys.editor,
    );
    const id = created.createEntity.id as string;
    expect((await answer(text)).mentions).toEqual([]);
    expect((await post(text)).headers.get('x-cache')).toBe('hit');

    await ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { status } }', { id }, keys.publisher);
    const response = await post(text);
    expect(response.headers.get('x-cache')).toBe('miss');
    const published = (await response.json()) as Answer;
    expect(published.mentions).toEqual([{ entity: 'zorbian-front', start: 21, end: 34 }]);
    expect(published.entities['zorbian-front'].description).toBe('A fictional militia.');

    await ok(t, 'mutation($id: ID!) { unpublishEntity(id: $id) { status } }', { id }, keys.publisher);
    expect((await answer(text)).mentions).toEqual([]);
  });

  it('keeps each answer by the sha256 of the text: the second request for a text is a cache hit', async () => {
    const text = `${TEXT} ${Date.now()}`;
    const first = await post(text);
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await post(text);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(((await second.json()) as Answer).hash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect((await post(text, '?locale=fr')).headers.get('x-cache')).toBe('miss');
  });

  it('takes 20 KB of text and refuses more with 413 PAYLOAD_TOO_LARGE', async () => {
    const fill = (bytes: number) => `ISIS-K ${'a'.repeat(bytes - 7)}`;
    expect((await post(fill(20 * 1024))).status).toBe(200);
    const refused = await post(fill(20 * 1024 + 1));
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['JSON instead of text: 415', { 'content-type': 'application/json' }, '', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no text and no entity: 400', {}, '', 400, 'BAD_REQUEST'],
    ['an entity that is not a slug: 400', {}, '?entity=Not%20A%20Slug', 400, 'BAD_REQUEST'],
    ['a locale that is not a language tag: 400', {}, '?locale=12', 400, 'BAD_REQUEST'],
  ] as const)('refuses %s', async (_what, headers, query, status, code) => {
    const response = await post(query === '' && status === 400 ? '   ' : TEXT, query, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(code);
  });

  it('refuses twenty-one named entities', async () => {
    const query = `?${Array.from({ length: 21 }, (_, i) => `entity=e${i}`).join('&')}`;
    expect((await post(TEXT, query)).status).toBe(400);
  });

  it('answers GET with 405 and OPTIONS with CORS for any origin', async () => {
    const get = await fetch(`${t.url}/mentions/v1`);
    expect(get.status).toBe(405);
    const options = await fetch(`${t.url}/mentions/v1`, { method: 'OPTIONS', headers: { origin: 'https://news.example', 'access-control-request-method': 'POST' } });
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe('*');
    expect(options.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('counts every text an IP sends, kept answers too, and answers 429 with Retry-After past MENTIONS_PER_MINUTE', async () => {
    const limited = await startApp(database, { mentionsPerMinute: 2 });
    try {
      const send = () => fetch(`${limited.url}/mentions/v1`, { method: 'POST', body: TEXT, headers: { 'content-type': 'text/plain' } });
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      const refused = await send();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  }, 60_000);
});
