/**
 * Locale negotiation through every public seam: GraphQL `locale` arguments, the pages with
 * Accept-Language, oEmbed; and the editorial side storing canonical tags only.
 */
import { addArabicEdition } from '../e2e/fixtures/arabic-explainer';
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';

const BOX = `query($locale: String) { contextBox(explainer: "what-is-isis-k", locale: $locale) { locale direction question } }`;

describe.each(databases)('locale negotiation (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;

  beforeAll(async () => {
    t = await startApp(database, { locales: ['en', 'en_gb', 'AR', 'fr', 'zh-hant'] });
    await addArabicEdition(t);
    keys = await keysFor(t);
    // An en-GB edition of the seed explainer, published.
    const { explainer } = await ok(t, '{ explainer(slug: "what-is-isis-k", locale: "en") { id subject { id } } }', {}, {});
    const { createExplainer } = await ok(
      t,
      `mutation($of: ID!, $subject: ID!) { createExplainer(input: { slug: "what-is-isis-k", locale: "en_gb", translationOf: $of,
        subject: $subject, title: "What is ISIS-K? (UK)", headline: "What is ISIS-K?", summary: "The British edition." }) { id locale version } }`,
      { of: explainer.id, subject: explainer.subject.id },
      keys.editor,
    );
    expect(createExplainer.locale).toBe('en-GB');
    await ok(t, 'mutation($id: ID!) { publishExplainer(id: $id, expectedVersion: 1) { status } }', { id: createExplainer.id }, keys.publisher);
  }, 60_000);
  afterAll(() => t?.close());

  const box = async (locale: string | null) => {
    const { body } = await t.gql(BOX, { locale });
    return body;
  };

  describe('a public read', () => {
    it.each([
      ['en', 'en', 'What is ISIS-K?'],
      ['en-US', 'en', 'What is ISIS-K?'],
      ['en_US', 'en', 'What is ISIS-K?'],
      ['EN-us', 'en', 'What is ISIS-K?'],
      ['en-IN', 'en', 'What is ISIS-K?'],
      ['en-GB', 'en-GB', 'What is ISIS-K? (UK)'],
      ['ar-EG', 'ar', 'ما هو تنظيم داعش خراسان؟'],
      ['fr-CA', 'en', 'What is ISIS-K?'],
      ['pt-BR', 'en', 'What is ISIS-K?'],
      ['zh-Hant-TW', 'en', 'What is ISIS-K?'],
      ['pt-BR, ar;q=0.5', 'ar', 'ما هو تنظيم داعش خراسان؟'],
      [null, 'en', 'What is ISIS-K?'],
    ])('serves %j the best edition it has (%s) and says which', async (asked, served, question) => {
      const body = await box(asked);
      expect(body.errors).toBeUndefined();
      expect(body.data.contextBox).toMatchObject({ locale: served, question });
    });

    it('gives right-to-left content its direction', async () => {
      expect((await box('ar-EG')).data.contextBox.direction).toBe('RTL');
    });

    it.each(['12', 'en_US_x_123456789', '<script>', 'en, 12'])('answers the malformed tag %j with BAD_USER_INPUT naming the argument', async (asked) => {
      const body = await box(asked);
      expect(body.data.contextBox).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'locale' });
      expect(body.errors![0].path).toEqual(['contextBox']);
    });

    it('negotiates explainer(slug:) and entity(name:) the same way', async () => {
      const { body } = await t.gql(`{
        us: explainer(slug: "what-is-isis-k", locale: "en-US") { locale title }
        gb: explainer(slug: "what-is-isis-k", locale: "en-GB") { locale title }
        eg: explainer(slug: "what-is-isis-k", locale: "ar-EG") { locale }
        tw: explainer(slug: "what-is-isis-k", locale: "zh-Hant-TW") { locale }
        entity(name: "ISKP", locale: "en-US") { slug }
      }`);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        us: { locale: 'en', title: 'What is ISIS-K?' },
        gb: { locale: 'en-GB', title: 'What is ISIS-K? (UK)' },
        eg: { locale: 'ar' },
        tw: { locale: 'en' },
        entity: { slug: 'isis-k' },
      });
    });

    it('finds the box for an entity in the reader’s edition', async () => {
      const { body } = await t.gql('{ contextBox(entity: "ISKP", locale: "ar-EG") { locale } gb: contextBox(entity: "ISKP", locale: "en-GB") { locale } }');
      expect(body.data).toEqual({ contextBox: { locale: 'ar' }, gb: { locale: 'en-GB' } });
    });

    it('filters lists by the locale a regional tag falls back to', async () => {
      const { body } = await t.gql(`{
        us: explainers(locale: "en-US") { edges { node { locale } } }
        eg: search(query: "Khorasan", locale: "ar-EG") { edges { node { ... on Explainer { locale } } } }
        pt: explainers(locale: "pt-BR") { edges { node { locale } } }
      }`);
      expect(body.errors).toBeUndefined();
      expect(body.data.us.edges.map((e: any) => e.node.locale)).toEqual(['en']);
      expect(body.data.eg.edges.every((e: any) => e.node.locale === undefined || e.node.locale === 'ar')).toBe(true);
      expect(body.data.pt.edges).toEqual([]);
    });
  });

  describe('the editorial side', () => {
    it('stores canonical tags only', async () => {
      const { createExplainer } = await ok(
        t,
        'mutation { createExplainer(input: { slug: "canonical-tags", locale: "ZH_hant", title: "T?", headline: "H", summary: "S" }) { locale } }',
        {},
        keys.editor,
      );
      expect(createExplainer.locale).toBe('zh-Hant');
      const imported = await ok(t, 'mutation { importArticle(text: "A title\\n\\nOne paragraph of text.", locale: "EN") { explainer { locale } } }', {}, keys.editor);
      expect(imported.importArticle.explainer.locale).toBe('en');
    });

    it('refuses a locale the newsroom does not publish in, naming LOCALES', async () => {
      const { body } = await t.gql(
        'mutation { createExplainer(input: { slug: "in-german", locale: "de", title: "T?", headline: "H", summary: "S" }) { locale } }',
        {},
        keys.editor,
      );
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input' });
      expect(body.errors![0].message).toContain('one of en, en-GB, ar, fr, zh-Hant');
    });
  });

  describe('pages', () => {
    const get = (path: string, acceptLanguage?: string) =>
      fetch(`${t.url}${path}`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

    it.each([
      ['en-US,en;q=0.9', 'en', 'ltr'],
      ['en-GB,en;q=0.9', 'en-GB', 'ltr'],
      ['ar-EG,ar;q=0.9', 'ar', 'rtl'],
      ['pt-BR,pt;q=0.9', 'en', 'ltr'],
    ])('serves the explainer page to Accept-Language %s in %s', async (header, served, dir) => {
      const response = await get('/explainers/what-is-isis-k', header);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-language')).toBe(served);
      expect(response.headers.get('vary')).toMatch(/accept-language/i);
      const html = await response.text();
      expect(html).toMatch(new RegExp(`<html lang="${served}" dir="${dir}">`));
    });

    it('lets ?locale= win over Accept-Language, and then does not vary on it', async () => {
      const response = await get('/explainers/what-is-isis-k?locale=en-US', 'ar-EG');
      expect(response.headers.get('content-language')).toBe('en');
      expect(response.headers.get('vary')).not.toMatch(/accept-language/i);
    });

    it('reads a malformed ?locale= as no locale, not as an error', async () => {
      const response = await get('/explainers/what-is-isis-k?locale=12', 'en-US,en;q=0.9');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-language')).toBe('en');
    });

    it.each([
      ['en-US,en;q=0.9', 'en', 'Show more'],
      ['ar-EG,ar;q=0.9', 'ar', 'عرض المزيد'],
      ['fr-CA,fr;q=0.9', 'en', 'Afficher plus'],
    ])('serves the embed page to Accept-Language %s in %s, in the reader’s words', async (header, served, showMore) => {
      const response = await get('/embed/explainers/what-is-isis-k', header);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-language')).toBe(served);
      expect(response.headers.get('vary')).toMatch(/accept-language/i);
      expect(await response.text()).toContain(`>${showMore}</button>`);
    });

    it('answers oEmbed in the consumer’s language when the page URL names none', async () => {
      const page = encodeURIComponent(`${t.url}/explainers/what-is-isis-k`);
      const response = await get(`/oembed?url=${page}&format=json`, 'en-US,en;q=0.9');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.title).toBe('What is ISIS-K?');
      expect(body.html).toContain(`src="${t.url}/embed/explainers/what-is-isis-k"`);
      const arabic = await (await get(`/oembed?url=${page}&format=json`, 'ar-EG')).json();
      expect(arabic.title).toBe('ما هو تنظيم داعش خراسان؟');
    });

    it('answers oEmbed for a page URL in a locale it lacks with the best it has', async () => {
      const page = encodeURIComponent(`${t.url}/explainers/what-is-isis-k?locale=pt-BR`);
      const body = await (await get(`/oembed?url=${page}&format=json`, 'ar')).json();
      expect(body.title).toBe('What is ISIS-K?');
    });
  });
});
