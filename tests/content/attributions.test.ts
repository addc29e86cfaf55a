/**
 * Every reusable text keeps the article's attributions: read through the public API as a box, a page or
 * a partner's CMS reads it, no summary, description, relation note or key fact states as fact what the
 * article attributes (tests/content/attributed-claims.ts).
 */
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import { ATTRIBUTED_CLAIMS } from './attributed-claims';

interface Text {
  where: string;
  text: string;
  /** Labels and source names that attribute it, for facts. */
  attributedBy?: string;
}

const ENTITIES = /* GraphQL */ `
  query($after: String) {
    entities(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        slug description summary question
        facts { label value hedge sources { name publisher { name } } }
        relations { predicate note hedge sources { name } }
      }
    }
  }
`;

describe.each(databases)('attributed claims in reusable texts (%s)', (database) => {
  let t: TestApp;
  let texts: Text[];
  let slugs: string[];

  beforeAll(async () => {
    t = await startApp(database);
    texts = [];
    slugs = [];
    const explainer = (await t.gql('{ explainer(slug: "what-is-isis-k") { summary } }')).body.data.explainer;
    texts.push({ where: 'explainer summary', text: explainer.summary });
    let after: string | null = null;
    do {
      const { entities }: { entities: any } = (await t.gql(ENTITIES, { after })).body.data;
      for (const e of entities.nodes) {
        slugs.push(e.slug);
        texts.push({ where: `${e.slug} description`, text: e.description }, { where: `${e.slug} summary`, text: e.summary });
        for (const f of e.facts) {
          const by = [f.label, f.hedge ?? '', ...f.sources.flatMap((s: any) => [s.name, s.publisher?.name ?? ''])].join(' | ');
          texts.push({ where: `${e.slug} fact ${f.label}`, text: f.value, attributedBy: by });
        }
        for (const r of e.relations) {
          if (r.note) texts.push({ where: `${e.slug} ${r.predicate} note`, text: r.note, attributedBy: [r.hedge ?? '', ...r.sources.map((s: any) => s.name)].join(' | ') });
        }
      }
      after = entities.pageInfo.hasNextPage ? entities.pageInfo.endCursor : null;
    } while (after);
    for (const slug of slugs) {
      const { contextBox } = (await t.gql('query($e: String!) { contextBox(entity: $e) { summary keyFacts { label value sources { name } } } }', { e: slug })).body.data;
      for (const k of contextBox?.keyFacts ?? []) {
        texts.push({ where: `${slug} box key fact ${k.label}`, text: k.value, attributedBy: [k.label, ...k.sources.map((s: any) => s.name)].join(' | ') });
      }
    }
  }, 60_000);
  afterAll(() => t?.close());

  it('reads every seeded entity', () => {
    expect(slugs).toHaveLength(23);
  });

  it.each(ATTRIBUTED_CLAIMS.map((c) => [c.claim.source, c] as const))('says whose claim %s is wherever it repeats it', (_, claim) => {
    const stated = texts.filter(({ text }) => claim.claim.test(text));
    const unattributed = stated.filter(({ text, attributedBy }) => !claim.attribution.test(text) && !claim.attribution.test(attributedBy ?? ''));
    expect(unattributed.map((x) => `${x.where}: ${x.text}`)).toEqual([]);
  });

  it('repeats the ranking and the continued-threat view where the article gives them, with their authors', () => {
    expect(texts.find((x) => x.where === 'explainer summary')!.text).toMatch(/four deadliest.*according to the Institute for Economics and Peace’s Global Terrorism Index/);
    expect(texts.find((x) => x.where === 'kabul-airport-attack summary')!.text).toMatch(/continued threat.*according to Amira Jadoon and Andrew Mines.*The Conversation/);
    expect(texts.find((x) => x.where === 'afghan-taliban summary')!.text).toContain('has tried to recruit');
  });

  it('has no reusable entity text that speaks of "this explainer", which it cannot know it is shown beside', () => {
    expect(texts.filter(({ text }) => /this explainer|this article/i.test(text)).map((x) => x.where)).toEqual([]);
  });

  it('fails a text that states an attributed claim as fact (the guard can see it)', () => {
    const claim = ATTRIBUTED_CLAIMS[0];
    const bare = 'ISIS-K is one of the world’s four deadliest terrorist organisations.';
    expect(claim.claim.test(bare) && !claim.attribution.test(bare)).toBe(true);
  });
});
