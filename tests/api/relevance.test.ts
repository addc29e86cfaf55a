/**
 * Search relevance, measured: each query names the result a reader expects first. Queries come from
 * the seeded ISIS-K explainer and from generated organisations (seeded, so each run searches the same
 * content) that name, found and rival one another, with explainers about them. Prints precision@1
 * and the mean reciprocal rank on each database; precision@1 must stay at 0.9 or above.
 */
import { type TestApp, startApp } from '../setup/app';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { seededRandom } from '../setup/random';

/** Expected first results as `explainer:<slug>` or `entity:<slug>`. */
const seedQueries: Array<[string, string]> = [
  ['ISIS-K', 'explainer:what-is-isis-k'],
  ['ISIS K', 'explainer:what-is-isis-k'],
  ['IS-K', 'explainer:what-is-isis-k'],
  ['who founded ISIS-K', 'explainer:what-is-isis-k'],
  ['what is ISKP', 'explainer:what-is-isis-k'],
  ['Taliban rival of ISIS-K', 'explainer:what-is-isis-k'],
  ['isi', 'explainer:what-is-isis-k'],
  ['ISK', 'explainer:what-is-isis-k'],
  ['Islamic State Khorasan Province', 'explainer:what-is-isis-k'],
  ['Khorasan', 'explainer:what-is-isis-k'],
  ['who claimed the Kabul airport blasts', 'explainer:what-is-isis-k'],
  ['ISIS', 'entity:islamic-state'],
  ['Afghan Taliban', 'entity:afghan-taliban'],
  ['what is the Afghan Taliban', 'entity:afghan-taliban'],
  ['who is Amira Jadoon', 'entity:amira-jadoon'],
  ['TTP', 'entity:pakistani-taliban'],
  ['Kabul airport blasts', 'entity:kabul-airport-attack'],
  ['Jadoon', 'entity:amira-jadoon'],
  ['who is Andrew Mines', 'entity:andrew-mines'],
  ['Program on Extremism', 'entity:program-on-extremism'],
  ['GTI', 'entity:global-terrorism-index'],
  ['Uzbekistan', 'entity:islamic-movement-of-uzbekistan'],
  ['US withdrawal', 'entity:us-withdrawal-from-afghanistan'],
  ['George Washington University', 'entity:george-washington-university'],
];

const rand = seededRandom(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const SYLLABLES = ['ka', 'bul', 'zo', 'ran', 'mi', 'ter', 'vo', 'lan', 'de', 'shi', 'qu', 'nor', 'tal', 'ek', 'sa', 'rhu'];
const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);
const makeWord = () => capitalised(Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join(''));

interface Organisation {
  slug: string;
  name: string;
  acronym: string;
  region: string;
}

/** Organisations with made-up names, each founded by former members of the one before it and rival to the one after. */
function generateOrganisations(count: number): Organisation[] {
  const seen = new Set<string>();
  const organisations: Organisation[] = [];
  while (organisations.length < count) {
    const words = [makeWord(), makeWord(), pick(['Front', 'Movement', 'Brigade', 'Council'])];
    const acronym = words.map((w) => w[0]).join('') + organisations.length;
    if (seen.has(words[0]) || seen.has(words[1])) continue;
    words.slice(0, 2).forEach((w) => seen.add(w));
    organisations.push({ slug: `generated-${organisations.length}`, name: words.join(' '), acronym, region: makeWord() });
  }
  return organisations;
}

const organisations = generateOrganisations(12);
const generatedQueries: Array<[string, string]> = organisations.flatMap((o, i) => {
  const founders = organisations[(i + organisations.length - 1) % organisations.length];
  return [
    [`what is ${o.acronym}`, `explainer:what-is-${o.slug}`],
    [`who founded the ${o.name}`, `explainer:what-is-${o.slug}`],
    [o.name.split(' ')[1], `explainer:what-is-${o.slug}`],
    [`${founders.name} founders`, `explainer:what-is-${founders.slug}`],
  ] as Array<[string, string]>;
});

describe.each(databases)('search relevance (%s)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp(database);
    const keys = await keysFor(t);
    for (const [i, o] of organisations.entries()) {
      const founders = organisations[(i + organisations.length - 1) % organisations.length];
      const rival = organisations[(i + 1) % organisations.length];
      const entity = (
        await ok(
          t,
          'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
          {
            input: {
              slug: o.slug,
              kind: 'ORGANIZATION',
              name: o.name,
              aliases: [o.acronym],
              description: `Armed group in ${o.region}, a rival of the ${rival.name}.`,
              summary: `The ${o.name} (${o.acronym}) was founded by former members of the ${founders.name} and fights the ${rival.name} in ${o.region}.`,
            },
          },
          keys.editor,
        )
      ).createEntity;
      await ok(t, 'mutation($id: ID!) { publishEntity(id: $id) { id } }', { id: entity.id }, keys.publisher);
      const explainer = (
        await ok(
          t,
          'mutation($input: CreateExplainerInput!) { createExplainer(input: $input) { id version } }',
          {
            input: {
              slug: `what-is-${o.slug}`,
              title: `What is the ${o.name}?`,
              headline: `The ${o.name} claims another attack in ${o.region}`,
              summary: `The ${o.name} is an armed group in ${o.region}, founded by former members of the ${founders.name}.`,
              subject: entity.id,
            },
          },
          keys.editor,
        )
      ).createExplainer;
      const sectioned = (
        await ok(
          t,
          'mutation($x: ID!, $v: Int!, $s: SectionInput!) { putSection(explainer: $x, expectedVersion: $v, section: $s) { version } }',
          {
            x: explainer.id,
            v: explainer.version,
            s: {
              slug: 'rivals',
              heading: 'Its rivals',
              blocks: [{ paragraph: { text: `It fights the ${rival.name} for recruits in ${o.region} and beyond.` } }],
            },
          },
          keys.editor,
        )
      ).putSection;
      await ok(t, 'mutation($x: ID!, $v: Int!) { publishExplainer(id: $x, expectedVersion: $v) { version } }', { x: explainer.id, v: sectioned.version }, keys.publisher);
    }
  }, 120_000);
  afterAll(() => t?.close());

  const ranked = async (query: string): Promise<string[]> => {
    const data = await ok(
      t,
      'query($q: String!) { search(query: $q, first: 10) { edges { score node { __typename ... on Explainer { slug } ... on Entity { slug } } } } }',
      { q: query },
      {},
    );
    return data.search.edges.map((e: any) => `${e.node.__typename.toLowerCase()}:${e.node.slug}`);
  };

  it(`puts the expected result first for at least 90% of ${seedQueries.length + generatedQueries.length} queries`, async () => {
    const queries = [...seedQueries, ...generatedQueries];
    const misses: string[] = [];
    let reciprocal = 0;
    let first = 0;
    for (const [query, expected] of queries) {
      const results = await ranked(query);
      const rank = results.indexOf(expected) + 1;
      if (rank === 1) first++;
      else misses.push(`${query} → ${results.slice(0, 3).join(', ')} (expected ${expected}${rank ? ` at ${rank}` : ', not in the first 10'})`);
      reciprocal += rank ? 1 / rank : 0;
    }
    const precision = first / queries.length;
    const mrr = reciprocal / queries.length;
    console.log(`search relevance on ${database}: precision@1 ${precision.toFixed(3)}, MRR ${mrr.toFixed(3)} over ${queries.length} queries${misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
