import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../api';
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';
import pino from 'pino';

/** The article as published, minus page chrome: what the seeded explainer must say, word for word. */
function article() {
  const lines = readFileSync(join(__dirname, '../../api/content/what-is-isis-k.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const chrome = lines.findIndex((l) => l.startsWith('Get real time updates'));
  const body = lines.slice(1, chrome);
  const headings = ['Relationship with Taliban', 'Its role in the current scenario'];
  const sections: Array<{ heading: string | null; paragraphs: string[] }> = [{ heading: null, paragraphs: [] }];
  for (const line of body) {
    if (headings.includes(line)) sections.push({ heading: line, paragraphs: [] });
    else sections.at(-1)!.paragraphs.push(line);
  }
  sections[0].paragraphs[0] = sections[0].paragraphs[0].replace(/^New Delhi: /, '');
  return { headline: lines[0], sections };
}

const EXPLAINER = /* GraphQL */ `
  query {
    explainer(slug: "what-is-isis-k") {
      title headline dateline locale status version publishedAt
      subject { slug }
      sections {
        slug heading text position
        blocks {
          __typename
          ... on Paragraph { text marks { __typename start end ... on MentionMark { entity { slug } } ... on CitationMark { source { slug } } ... on QuoteMark { quote { text speakers { slug } } } } }
          ... on QuoteBlock { quote { kind text speakers { slug name } source { slug name publisher { slug } } } paragraphs { text marks { __typename start end ... on MentionMark { entity { slug } } } } }
        }
      }
      sources { slug name kind publisher { slug } }
      quotes { kind text speakers { slug } source { slug } }
    }
  }
`;

describe.each(databases)('the seeded ISIS-K explainer (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database);
  });
  afterAll(() => t.close());

  it('holds every section of the article, word for word, without the page chrome', async () => {
    const { body } = await t.gql(EXPLAINER);
    const x = body.data.explainer;
    const expected = article();
    expect(x.headline).toBe(expected.headline);
    expect(x.title).toBe('What is ISIS-K?');
    expect(x.dateline).toBe('New Delhi');
    expect(x.status).toBe('PUBLISHED');
    expect(x.sections.map((s: any) => s.heading)).toEqual(expected.sections.map((s) => s.heading));
    expect(x.sections.map((s: any) => s.position)).toEqual([0, 1, 2]);
    x.sections.forEach((section: any, i: number) => {
      expect(section.text).toBe(expected.sections[i].paragraphs.join('\n\n'));
      expect(section.text).not.toMatch(/subscribe now|Comments are closed/);
    });
  });

  it('marks every mention so that its words name its entity', async () => {
    const { body } = await t.gql(EXPLAINER);
    const mentions: Array<{ words: string; slug: string }> = [];
    for (const section of body.data.explainer.sections) {
      for (const block of section.blocks) {
        for (const p of block.__typename === 'Paragraph' ? [block] : block.paragraphs) {
          for (const m of p.marks.filter((m: any) => m.__typename === 'MentionMark')) mentions.push({ words: p.text.slice(m.start, m.end), slug: m.entity.slug });
        }
      }
    }
    expect(mentions.filter((m) => m.slug === 'isis-k').map((m) => m.words).sort()).toEqual(
      ['ISIS-K', 'ISIS-K', 'ISIS-K', 'ISIS-K', 'ISIS-K', 'ISIS-K', 'ISIS-K', 'ISIS-K', 'ISK', 'ISKP', 'Islamic State Khorasan Province'].sort(),
    );
    // Each mention's words are the entity's name or one of its aliases, or an explicit phrase naming it.
    const { body: aliases } = await t.gql(`{ entities(first: 100) { nodes { slug aliases { name } } } }`);
    const names = new Map<string, string[]>(aliases.data.entities.nodes.map((e: any) => [e.slug, e.aliases.map((a: any) => a.name)]));
    const phrases = new Set(['Islamic State', 'Central and South Asia', 'withdrawal process', 'U.S.', 'Taliban']);
    for (const m of mentions) {
      expect(names.get(m.slug)!.includes(m.words) || phrases.has(m.words)).toBe(true);
    }
    expect(mentions).toHaveLength(49);
  });

  it('ties each attributed passage to the source the article names', async () => {
    const { body } = await t.gql(EXPLAINER);
    const citations: Array<{ source: string; words: string }> = [];
    for (const section of body.data.explainer.sections) {
      for (const block of section.blocks.filter((b: any) => b.__typename === 'Paragraph')) {
        for (const m of block.marks.filter((m: any) => m.__typename === 'CitationMark')) {
          citations.push({ source: m.source.slug, words: block.text.slice(m.start, m.end) });
        }
      }
    }
    expect(citations.map((c) => c.source)).toEqual([
      'the-conversation-report',
      'global-terrorism-index',
      'the-conversation-report',
      'the-conversation-report',
    ]);
    expect(citations[1].words).toBe('By 2018, it had become one of the top four deadliest terrorist organisations in the world');
    expect(citations[0].words).toMatch(/^ISIS-K was officially founded in January 2015\..*Pakistan$/);
    expect(body.data.explainer.sources).toEqual([
      { slug: 'the-conversation-report', name: 'The Conversation', kind: 'REPORT', publisher: { slug: 'the-conversation' } },
      { slug: 'global-terrorism-index', name: 'Global Terrorism Index', kind: 'INDEX', publisher: { slug: 'institute-for-economics-and-peace' } },
    ]);
  });

  it('quotes Amira Jadoon and Andrew Mines through The Conversation, and ISIS-K on the Taliban', async () => {
    const { body } = await t.gql(EXPLAINER);
    const block = body.data.explainer.sections[2].blocks[1];
    expect(block.__typename).toBe('QuoteBlock');
    expect(block.quote.speakers.map((s: any) => s.name)).toEqual(['Amira Jadoon', 'Andrew Mines']);
    expect(block.quote.source).toEqual({ slug: 'the-conversation-report', name: 'The Conversation', publisher: { slug: 'the-conversation' } });
    expect(block.paragraphs).toHaveLength(3);
    expect(block.quote.text).toBe(block.paragraphs.map((p: any) => p.text).join('\n\n'));
    const inline = body.data.explainer.sections[1].blocks[0].marks.find((m: any) => m.__typename === 'QuoteMark');
    expect(inline.quote).toEqual({ text: 'filthy nationalists', speakers: [{ slug: 'isis-k' }] });
    expect(body.data.explainer.quotes).toHaveLength(2);
  });

  it.each([
    ['ISIS-K'], ['ISKP'], ['ISK'], ['Islamic State Khorasan Province'], ['isis-k'], ['iskp'], ['Isis K'], ['ÍSÍS–K'], ['islamic state, khorasan province'],
  ])('finds ISIS-K by the alias %p', async (name) => {
    const { body } = await t.gql(`query($name: String!) { entity(name: $name) { slug name } }`, { name });
    expect(body.data.entity).toEqual({ slug: 'isis-k', name: 'Islamic State Khorasan Province' });
  });

  it.each([
    ['Pakistani Taliban', 'pakistani-taliban'], ['TTP', 'pakistani-taliban'], ['Taliban', 'afghan-taliban'], ['IMU', 'islamic-movement-of-uzbekistan'],
    ['Islamic State group', 'islamic-state'], ['GTI', 'global-terrorism-index'], ['West Point', 'united-states-military-academy'],
    ['Kabul airport blasts', 'kabul-airport-attack'],
  ])('finds %p by alias as %p', async (name, slug) => {
    const { body } = await t.gql(`query($name: String!) { entity(name: $name) { slug } }`, { name });
    expect(body.data.entity).toEqual({ slug });
  });

  it('answers null for a name nothing goes by', async () => {
    const { body } = await t.gql(`{ entity(name: "Al-Shabaab") { slug } }`);
    expect(body).toEqual({ data: { entity: null } });
  });

  it('models every relation the article states, with its hedge and sources', async () => {
    const { body } = await t.gql(`{ entities(first: 100) { nodes { slug relations { predicate hedge note object { slug } sources { slug } } } } }`);
    const relations = body.data.entities.nodes.flatMap((e: any) =>
      e.relations.map((r: any) => `${e.slug} ${r.predicate} ${r.object.slug}${r.hedge ? ` (${r.hedge})` : ''}${r.sources.length ? ` [${r.sources.map((s: any) => s.slug).join(',')}]` : ''}`),
    );
    expect(relations.sort()).toEqual(
      [
        'isis-k AFFILIATE_OF islamic-state',
        'isis-k OPERATES_IN afghanistan',
        'isis-k OPERATES_IN pakistan [the-conversation-report]',
        'isis-k FOUNDED_BY_FORMER_MEMBERS_OF pakistani-taliban',
        'isis-k FOUNDED_BY_FORMER_MEMBERS_OF afghan-taliban',
        'isis-k FOUNDED_BY_FORMER_MEMBERS_OF islamic-movement-of-uzbekistan',
        'isis-k RECEIVED_SUPPORT_FROM islamic-state (is said to have received)',
        'isis-k RIVAL_OF afghan-taliban',
        'isis-k SEEKS_TO_EXPAND_INTO central-asia [the-conversation-report]',
        'isis-k SEEKS_TO_EXPAND_INTO south-asia [the-conversation-report]',
        'isis-k CLAIMED_RESPONSIBILITY_FOR kabul-airport-attack [original-article]',
        'islamic-state BASED_IN iraq',
        'islamic-state BASED_IN syria',
        'global-terrorism-index PUBLISHED_BY institute-for-economics-and-peace',
        'amira-jadoon AFFILIATED_WITH united-states-military-academy',
        'andrew-mines AFFILIATED_WITH program-on-extremism',
        'program-on-extremism PART_OF george-washington-university',
        'kabul-airport-attack LOCATED_IN kabul',
        'kabul LOCATED_IN afghanistan',
        'us-withdrawal-from-afghanistan INVOLVES united-states',
        'us-withdrawal-from-afghanistan LOCATED_IN afghanistan',
      ].sort(),
    );
  });

  it('attributes each fact about ISIS-K as the article does', async () => {
    const { body } = await t.gql(`{ entity(slug: "isis-k") { facts { kind value date sources { slug } } incomingRelations { predicate } } }`);
    const facts = body.data.entity.facts.map((f: any) => [f.kind, f.date, f.sources.map((s: any) => s.slug).join(',')]);
    expect(facts).toEqual([
      ['FOUNDED', '2015-01', 'the-conversation-report'],
      ['ATTACKS', '2015', 'the-conversation-report'],
      ['RANKING', '2018', 'global-terrorism-index'],
      ['RECRUITMENT', null, ''],
      ['STRATEGY', null, 'the-conversation-report'],
      ['AIM', null, 'the-conversation-report'],
      ['GOAL', null, 'the-conversation-report'],
    ]);
  });

  it('lists, for each source, the claims it supports', async () => {
    const { body } = await t.gql(`{ explainer(slug: "what-is-isis-k") { sources { slug citations { claim fact { kind } relation { predicate } section { slug } } } } }`);
    const [conversation, gti] = body.data.explainer.sources;
    expect(gti.citations.map((c: any) => c.claim)).toEqual(
      expect.arrayContaining(['By 2018, it had become one of the top four deadliest terrorist organisations in the world', 'Global Terrorism Index: One of the top four deadliest terrorist organisations in the world']),
    );
    expect(conversation.citations.filter((c: any) => c.section).map((c: any) => c.section.slug)).toEqual(['overview', 'overview', 'overview']);
    expect(conversation.citations.filter((c: any) => c.relation)).toHaveLength(3);
    expect(conversation.citations.filter((c: any) => c.fact)).toHaveLength(5);
  });

  it('seeds once: a second start over the same store duplicates nothing', async () => {
    const count = async () => (await t.gql(`{ entities(first: 100) { nodes { id aliases { name } facts { id } relations { id } } } explainers { nodes { id } } }`)).body.data;
    const before = await count();
    const again = await createApp({ ...t.app.config, port: 0 }, { logger: pino({ level: 'silent' }) });
    await again.close();
    expect(await count()).toEqual(before);
    expect(before.explainers.nodes).toHaveLength(1);
    expect(before.entities.nodes).toHaveLength(23);
  });
});
