/**
 * /entities/:slug over HTTP: what the page shows of an organisation, a person and a place, the JSON-LD
 * it carries, the headers every page of ours carries, and its 404, 304 and 301 answers.
 */
import { databases } from '../setup/databases';
import { STRICT_CSP, attributes, jsonLd } from '../setup/html';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';

/** The text of the page's <li> elements of a list with this class, tags removed. */
const items = (html: string, list: string) => {
  const match = new RegExp(`<ul class="${list}">([^]*?)</ul>`).exec(html);
  return match ? [...match[1].matchAll(/<li[^>]*>([^]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')) : [];
};

const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishEntity(id: $id) { slug } }`;
const RELATE = `mutation($input: RelationInput!) { addRelation(input: $input) { id } }`;

describe.each(databases)('GET /entities/:slug (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers, redirect: 'manual' });
  const entityId = async (slug: string) => (await ok(t, `query($s: String!) { entity(slug: $s, preview: true) { id } }`, { s: slug }, keys.editor)).entity.id;
  const create = async (input: Record<string, unknown>) =>
    (await ok(t, CREATE, { input: { kind: 'ORGANIZATION', description: 'd', summary: 's', ...input } }, keys.editor)).createEntity.id as string;

  beforeAll(async () => {
    t = await startApp(database);
    keys = await keysFor(t);
    await create({ slug: 'a-draft-entity', name: 'Secret Front' });
  });
  afterAll(() => t.close());

  describe('an organisation with an explainer about it: isis-k', () => {
    let response: Response;
    let html: string;
    beforeAll(async () => {
      response = await get('/entities/isis-k');
      html = await response.text();
    });

    it('is an HTML page under a strict CSP that no other site may frame, in the language it says', () => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(`${STRICT_CSP}; frame-ancestors 'none'`);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=3600');
      expect(response.headers.get('content-language')).toBe('en');
      expect(attributes(html, 'html')).toEqual({ lang: 'en', dir: 'ltr' });
      expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/); // no script but the data
      expect(html).not.toMatch(/\sstyle=|<style/);
    });

    it('takes its styles from a stylesheet of ours, cached for good under a content hash', async () => {
      const href = attributes(html, 'link', { rel: 'stylesheet' }).href;
      expect(href).toMatch(/^\/assets\/entity\.[0-9a-f]{8}\.css$/);
      const css = await get(href);
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(await css.text()).toContain('.relations li');
    });

    it('shows its name, kind, question, description, summary and other names', () => {
      expect(html).toContain('<p class="kicker">What is ISIS-K?</p>');
      expect(html).toContain('<h1>Islamic State Khorasan Province</h1>');
      expect(html).toContain('<span class="kind">Organisation</span>');
      expect(html).toContain('<p class="standfirst">The Islamic State movement’s official affiliate in Afghanistan, founded in January 2015.</p>');
      expect(html).toContain('<p>The Islamic State Khorasan Province, known as ISIS-K, ISKP and ISK, is the official affiliate');
      expect(html).toContain('<p class="aka"><strong>Also known as</strong> <bdi>ISIS-K</bdi>, <bdi>ISKP</bdi>, and <bdi>ISK</bdi></p>');
    });

    it('lists its facts with their dates, to the precision given, and their sources', () => {
      // A date the value already says is not said twice.
      expect(html).toContain('<dt><bdi>Founded</bdi></dt><dd><bdi>January 2015</bdi> <span class="src">Source: <bdi><cite>The Conversation</cite></bdi></span></dd>');
      expect(html).toContain('<dt><bdi>Global Terrorism Index</bdi></dt><dd><bdi>One of the top four deadliest terrorist organisations in the world</bdi> · <time datetime="2018">2018</time>');
      expect(html).toContain('<dt><bdi>Recruitment</bdi></dt><dd><bdi>Has poached militants from various other groups and tried to recruit Afghan Taliban members</bdi></dd>');
    });

    it('states its relations in words, with their hedges, each other entity linked to its page', () => {
      const relations = items(html, 'relations');
      expect(relations).toContain('Islamic State Khorasan Province is an affiliate of Islamic State · Official affiliate, as recognised by Islamic State core leadership in Iraq and Syria');
      expect(relations).toContain('Islamic State Khorasan Province received support from Islamic State in the text’s words, is said to have received · Money, advice and training from the core organisational body in Iraq and Syria');
      expect(html).toContain('<span class="hedge">in the text’s words, <q>is said to have received</q></span>');
      expect(relations).toContain('Islamic State Khorasan Province operates in Pakistan · Attacks in major cities Source: The Conversation');
      expect(html).toContain(`<a href="${t.app.config.publicUrl}/entities/kabul-airport-attack"><bdi>Kabul airport attack</bdi></a>`);
    });

    it('links the explainer about it', () => {
      expect(html).toContain('<h2 id="about-h">Explainers about <bdi>Islamic State Khorasan Province</bdi></h2>');
      expect(attributes(html, 'a', { hreflang: 'en' }).href).toBe(`${t.app.config.publicUrl}/explainers/what-is-isis-k`);
      expect(html).not.toContain('Explainers that mention it');
    });

    it('describes itself in JSON-LD: an Organization under each of its names, with the explainer about it', () => {
      const { raw, value } = jsonLd(html);
      expect(raw).not.toContain('<');
      expect(value).toEqual({
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Islamic State Khorasan Province',
        alternateName: ['ISIS-K', 'ISKP', 'ISK'],
        description: 'The Islamic State movement’s official affiliate in Afghanistan, founded in January 2015.',
        url: `${t.app.config.publicUrl}/entities/isis-k`,
        mainEntityOfPage: `${t.app.config.publicUrl}/entities/isis-k`,
        subjectOf: [{ '@type': 'Article', name: 'What is ISIS-K?', url: `${t.app.config.publicUrl}/explainers/what-is-isis-k`, inLanguage: 'en' }],
      });
    });

    it('answers 304 to a reader who has the page already, and 200 to one whose copy is stale', async () => {
      const etag = response.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect((await get('/entities/isis-k', { 'if-none-match': etag })).status).toBe(304);
      expect((await get('/entities/isis-k', { 'if-none-match': '"stale"' })).status).toBe(200);
    });
  });

  it('shows a person: the question a person gets, the explainer that mentions them, Person in JSON-LD', async () => {
    const response = await get('/entities/amira-jadoon');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<p class="kicker">Who is Amira Jadoon?</p>');
    expect(html).toContain('<span class="kind">Person</span>');
    expect(html).not.toContain('class="aka"');
    expect(items(html, 'relations')).toEqual(['Amira Jadoon is affiliated with US Military Academy West Point · Terrorism expert']);
    expect(html).toContain('<h2 id="mentioning-h">Explainers that mention <bdi>Amira Jadoon</bdi></h2>');
    expect(html).toContain(`<a href="${t.app.config.publicUrl}/explainers/what-is-isis-k" hreflang="en">What is ISIS-K?</a>`);
    expect(jsonLd(html).value).toMatchObject({ '@type': 'Person', name: 'Amira Jadoon', url: `${t.app.config.publicUrl}/entities/amira-jadoon` });
    expect(jsonLd(html).value).not.toHaveProperty('sameAs');
  });

  it('shows a place: the relations it is the object of, and its Wikidata item as sameAs', async () => {
    const html = await (await get('/entities/afghanistan')).text();
    expect(html).toContain('<p class="kicker">Where is Afghanistan?</p>');
    expect(html).toContain('<a href="https://www.wikidata.org/wiki/Q889">On Wikidata</a>');
    expect(items(html, 'relations')).toEqual(
      expect.arrayContaining(['Islamic State Khorasan Province operates in Afghanistan', 'Kabul is located in Afghanistan']),
    );
    expect(html).toContain(`<a href="${t.app.config.publicUrl}/entities/kabul"><bdi>Kabul</bdi></a> is located in <bdi>Afghanistan</bdi>`);
    expect(jsonLd(html).value).toMatchObject({ '@type': 'Place', name: 'Afghanistan', sameAs: 'https://www.wikidata.org/wiki/Q889' });
  });

  it('shows an event as an Event', async () => {
    const html = await (await get('/entities/kabul-airport-attack')).text();
    expect(jsonLd(html).value).toMatchObject({ '@type': 'Event', alternateName: ['Kabul airport blasts', 'attack on the Kabul airport'] });
  });

  it('is where the box of an entity no explainer is about links to, and that page answers', async () => {
    const { body } = await t.gql('{ contextBox(entity: "Amira Jadoon") { url explainer { slug } } }');
    expect(body.data.contextBox).toEqual({ url: `${t.app.config.publicUrl}/entities/amira-jadoon`, explainer: null });
    const page = await get(new URL(body.data.contextBox.url).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Amira Jadoon</h1>');
  });

  it.each([
    ['an unknown slug', '/entities/no-such-entity'],
    ['a draft', '/entities/a-draft-entity'],
    ['a slug that cannot be one', '/entities/Not_A_Slug'],
  ])('answers 404, with a page, for %s', async (_, path) => {
    const missing = await get(path);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(missing.headers.get('content-security-policy')).toBe(`${STRICT_CSP}; frame-ancestors 'none'`);
    expect(missing.headers.get('cache-control')).toBe('public, max-age=30');
    const html = await missing.text();
    expect(html).toContain('<h1>Entity not found</h1>');
    expect(html).not.toContain('Secret Front');
  });

  it('names an entity the reader may not see nowhere, and links it once it is published', async () => {
    const front = await create({ slug: 'eastern-front', name: 'Eastern Front' });
    await ok(t, RELATE, { input: { subject: front, predicate: 'RIVAL_OF', object: await entityId('a-draft-entity') } }, keys.editor);
    await ok(t, RELATE, { input: { subject: front, predicate: 'OPERATES_IN', object: await entityId('kabul') } }, keys.editor);
    await ok(t, `mutation($e: ID!) { addFact(entity: $e, input: { kind: "FOUNDED", label: "Founded", value: "In Kabul", date: "2021-08", hedge: "reportedly" }) { id } }`, { e: front }, keys.editor);
    await ok(t, PUBLISH, { id: front }, keys.publisher);
    const before = await get('/entities/eastern-front');
    expect(before.status).toBe(200);
    const html = await before.text();
    expect(html).toContain('<dt><bdi>Founded</bdi></dt><dd><bdi>In Kabul</bdi> · <time datetime="2021-08">August 2021</time> <span class="hedge">in the text’s words, <q>reportedly</q></span></dd>');
    expect(items(html, 'relations')).toEqual(['Eastern Front operates in Kabul']);
    expect(html).not.toContain('Secret Front');
    expect(html).not.toContain('a-draft-entity');

    await ok(t, PUBLISH, { id: await entityId('a-draft-entity') }, keys.publisher);
    const after = await (await get('/entities/eastern-front')).text();
    expect(after).toContain(`<a href="${t.app.config.publicUrl}/entities/a-draft-entity"><bdi>Secret Front</bdi></a>`);
    expect((await get('/entities/a-draft-entity')).status).toBe(200);
  });

  it('renders an entity with nothing but its name, description and summary', async () => {
    await ok(t, PUBLISH, { id: await create({ slug: 'bare', name: 'Bare <Group> & Co', kind: 'OTHER', description: '</script>', summary: 'Only this.' }) }, keys.publisher);
    const html = await (await get('/entities/bare')).text();
    expect(html).toContain('<h1>Bare &lt;Group> &amp; Co</h1>');
    expect(html).not.toMatch(/class="(facts|relations|explainers)"/);
    const { raw, value } = jsonLd(html);
    expect(raw).not.toContain('<');
    expect(value).toMatchObject({ '@type': 'Thing', name: 'Bare <Group> & Co', description: '</script>' });
  });

  it('sends the slug of an entity merged into another to the survivor’s page for good, keeping ?locale', async () => {
    const dup = await create({ slug: 'iskp-duplicate', name: 'Wilayat Khorasan' });
    await ok(t, PUBLISH, { id: dup }, keys.publisher);
    await ok(t, `mutation($f: ID!, $i: ID!) { mergeEntities(from: $f, into: $i) { slug } }`, { f: dup, i: await entityId('isis-k') }, keys.publisher);
    const moved = await get('/entities/iskp-duplicate?locale=fr');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/entities/isis-k?locale=fr');
    expect((await get(moved.headers.get('location')!)).status).toBe(200);
  });

  it('follows ?locale= and Accept-Language for what it links, and says when the header chose', async () => {
    const byHeader = await get('/entities/isis-k', { 'accept-language': 'fr-CA, fr;q=0.9' });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get('vary')).toContain('accept-language');
    expect(byHeader.headers.get('content-language')).toBe('en');
    const byQuery = await get('/entities/isis-k?locale=fr');
    expect(byQuery.headers.get('vary')).not.toContain('accept-language');
    const missing = await get('/entities/nothing-here', { 'accept-language': 'fr' });
    expect(await missing.text()).toContain('<h1>Entité introuvable</h1>');
    // Every language the box speaks, not only the explainer's: de-AT reads German, ur reads Urdu, right to left.
    expect(await (await get('/entities/nothing-here', { 'accept-language': 'de-AT' })).text()).toContain('<h1>Eintrag nicht gefunden</h1>');
    const urdu = await (await get('/entities/nothing-here', { 'accept-language': 'ur' })).text();
    expect(urdu).toContain('<h1>اکائی نہیں ملی</h1>');
    expect(urdu).toMatch(/<html lang="ur" dir="rtl"/);
  });
});
