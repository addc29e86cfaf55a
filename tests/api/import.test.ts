import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { keysFor, ok } from '../setup/editorial';

const article = readFileSync(join(__dirname, '../../api/content/what-is-isis-k.txt'), 'utf8');

const SECTIONS = `sections { slug heading text mentions { text block paragraph start end entity { slug } } }`;

describe.each(databases)('import and annotation (%s)', (database) => {
  let t: TestApp;
  let keys: Awaited<ReturnType<typeof keysFor>>;
  beforeAll(async () => {
    t = await startApp(database);
    keys = await keysFor(t);
  });
  afterAll(() => t.close());

  it('imports the seed article as a draft whose sections and mentions match the seeded explainer', async () => {
    const imported = (await ok(t, `mutation($text: String!) { importArticle(text: $text, url: "https://news.example/isis-k") {
      explainer { slug status title headline dateline summary subject { slug } ${SECTIONS} } candidates { name occurrences } dropped } }`, { text: article }, keys.editor)).importArticle;
    const seeded = (await ok(t, `{ explainer(slug: "what-is-isis-k") { headline dateline ${SECTIONS} } }`, {}, {})).explainer;
    const draft = imported.explainer;
    expect(draft).toMatchObject({ status: 'DRAFT', title: 'What is ISIS-K?', headline: seeded.headline, dateline: 'New Delhi', subject: { slug: 'isis-k' } });
    expect(draft.summary).toMatch(/^The Islamic State Khorasan Province, also known as ISIS-K/);
    expect(draft.sections.map((s: any) => [s.heading, s.text])).toEqual(seeded.sections.map((s: any) => [s.heading, s.text]));
    expect(draft.sections.map((s: any) => s.slug)).toEqual(['overview', 'relationship-with-taliban', 'its-role-in-the-current-scenario']);
    // Each imported mention lies within a seeded mention of the same entity, and every seeded mention in
    // an alias's own words is found, unless it lies inside a longer seeded mention (longest match wins).
    type M = { section: number; block: number; paragraph: number; start: number; end: number; text: string; slug: string };
    const flat = (x: any): M[] => x.sections.flatMap((s: any, section: number) => s.mentions.map((m: any) => ({ section, ...m, slug: m.entity.slug })));
    const within = (a: M, b: M) => a.section === b.section && a.block === b.block && a.paragraph === b.paragraph && a.start >= b.start && a.end <= b.end;
    const [found, seededMentions] = [flat(draft), flat(seeded)];
    for (const m of found) expect(seededMentions.some((s) => s.slug === m.slug && within(m, s))).toBe(true);
    const aliases = new Set<string>((await ok(t, '{ entities(first: 100) { nodes { aliases { name } } } }', {}, {})).entities.nodes.flatMap((e: any) => e.aliases.map((a: any) => a.name)));
    const expected = seededMentions.filter((s) => aliases.has(s.text) && !seededMentions.some((o) => o !== s && within(s, o) && o.end - o.start > s.end - s.start));
    for (const s of expected) expect(found.some((m) => m.slug === s.slug && within(m, s) && within(s, m))).toBe(true);
    expect(found.length).toBeGreaterThanOrEqual(expected.length);
    expect(imported.dropped).toEqual(['Get real time updates directly on you device, subscribe now.', 'Comments are closed.']);
    // Every proper name in the article is a known entity (New Delhi is the dateline, not text).
    expect(imported.candidates).toEqual([]);
    expect((await t.gql('{ explainer(slug: "what-is-isis-k-that-claimed-responsibility-for-kabul-airport-blasts") { id } }')).body.data.explainer).toBeNull();
  });

  it('imports HTML, dropping page chrome', async () => {
    const html = `<html><body><nav>Home | World</nav><article><h1>Who are the Pakistani Taliban?</h1>
      <p>Islamabad: The Pakistani Taliban, or TTP, fought the state under Noor Wali Mehsud.</p><div class="share-bar">Share on X</div>
      <h2>Origins</h2><p>Former TTP members helped found ISIS-K &amp; its network.</p></article>
      <footer class="comments">Comments are closed.</footer><script>track()</script></body></html>`;
    const imported = (await ok(t, `mutation($html: String!) { importArticle(html: $html) { explainer { title dateline subject { slug } ${SECTIONS} } candidates { name occurrences } dropped } }`, { html }, keys.editor)).importArticle;
    expect(imported.candidates).toEqual([{ name: 'Noor Wali Mehsud', occurrences: 1 }]);
    expect(imported.dropped.join(' ')).toMatch(/Share on X/);
    expect(imported.explainer).toMatchObject({ title: 'What is TTP?', dateline: 'Islamabad', subject: { slug: 'pakistani-taliban' } });
    expect(imported.explainer.sections.map((s: any) => s.heading)).toEqual([null, 'Origins']);
    expect(imported.explainer.sections[1].text).toBe('Former TTP members helped found ISIS-K & its network.');
    expect(imported.explainer.sections[1].mentions.map((m: any) => m.entity.slug)).toEqual(['pakistani-taliban', 'isis-k']);
  });

  it('annotates a long text against thousands of aliases, longest match first, at word boundaries', async () => {
    const db = t.app.db;
    const { createEntity } = await import('../../api/store/entity.store');
    const { addAliases } = await import('../../api/store/alias.store');
    const { publishEntity } = await import('../../api/store/publishing.store');
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 30; i++) {
        const e = await createEntity(trx, { slug: `bulk-${i}`, kind: 'OTHER', name: `Bulk Entity ${i}`, description: 'd', summary: 's' });
        await addAliases(trx, e.id, Array.from({ length: 100 }, (_, j) => ({ name: `zq${i}x${j} alias`, locale: 'en' })));
        await publishEntity(trx, e.id, { keyId: null }, new Set());
      }
    });
    // Any mutation refreshes the annotator; this one is harmless.
    await t.gql('mutation { removeFact(id: "00000000-0000-4000-8000-000000000000") }', {}, keys.editor);
    const filler = 'Nothing to see here, whisk the eggs. ';
    const text = `${filler.repeat(5000)}The Islamic State Khorasan Province struck; ISKP and zq7x42 alias and zq29x99 alias. ${filler.repeat(5000)}`;
    const found = (await ok(t, 'query($text: String!) { annotate(text: $text) { start end text alias entity { slug } } }', { text }, keys.editor)).annotate;
    expect(found.map((a: any) => [a.text, a.entity.slug])).toEqual([
      ['Islamic State Khorasan Province', 'isis-k'],
      ['ISKP', 'isis-k'],
      ['zq7x42 alias', 'bulk-7'],
      ['zq29x99 alias', 'bulk-29'],
    ]);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it('refuses input over 1 MB, and answers only editors', async () => {
    const big = 'word '.repeat(220_000);
    const annotate = await t.gql('query($text: String!) { annotate(text: $text) { start } }', { text: big }, keys.editor);
    expect([annotate.status, annotate.body.errors![0].extensions]).toMatchObject([413, { code: 'INPUT_BUDGET_EXCEEDED', limit: 1024 * 1024 }]);
    const imported = await t.gql('mutation($text: String!) { importArticle(text: $text) { candidates { name } } }', { text: big }, keys.editor);
    expect([imported.status, imported.body.errors![0].extensions]).toMatchObject([413, { code: 'INPUT_BUDGET_EXCEEDED', limit: 1024 * 1024 }]);
    expect((await t.gql('{ annotate(text: "ISKP") { start } }')).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});
