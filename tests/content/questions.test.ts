/**
 * The question a box asks reads as a person would put it, for every kind and name: checked on all 23
 * entities of the seed through GraphQL, as boxes and pages read it; and an editor's own question goes
 * through the entity's working copy, reaching readers when the entity is published.
 */
import { ruleQuestion } from '../../api/box/questions';
import { databases } from '../setup/databases';
import { keysFor, ok } from '../setup/editorial';
import { type TestApp, startApp } from '../setup/app';

/** Every seeded entity's question, as a reader would ask it. ISIS-K's was set by its editor. */
const EXPECTED: Record<string, string> = {
  'isis-k': 'What is ISIS-K?',
  'islamic-state': 'What is the Islamic State?',
  'pakistani-taliban': 'What is the Pakistani Taliban?',
  'afghan-taliban': 'What is the Afghan Taliban?',
  'islamic-movement-of-uzbekistan': 'What is the Islamic Movement of Uzbekistan?',
  'the-conversation': 'What is The Conversation?',
  'global-terrorism-index': 'What is the Global Terrorism Index?',
  'institute-for-economics-and-peace': 'What is the Institute for Economics and Peace?',
  'amira-jadoon': 'Who is Amira Jadoon?',
  'andrew-mines': 'Who is Andrew Mines?',
  'united-states-military-academy': 'What is the US Military Academy West Point?',
  'george-washington-university': 'What is the George Washington University?',
  'program-on-extremism': 'What is the Program on Extremism?',
  afghanistan: 'Where is Afghanistan?',
  pakistan: 'Where is Pakistan?',
  iraq: 'Where is Iraq?',
  syria: 'Where is Syria?',
  'central-asia': 'Where is Central Asia?',
  'south-asia': 'Where is South Asia?',
  kabul: 'Where is Kabul?',
  'united-states': 'Where is the United States?',
  'kabul-airport-attack': 'What was the Kabul airport attack?',
  'us-withdrawal-from-afghanistan': 'What was the U.S. withdrawal from Afghanistan?',
};

describe('the question rule', () => {
  it.each([
    ['ORGANIZATION', 'Hamas', 'What is Hamas?'],
    ['ORGANIZATION', 'NATO', 'What is NATO?'],
    ['ORGANIZATION', 'Boko Haram', 'What is Boko Haram?'],
    ['ORGANIZATION', 'The Islamic State', 'What is The Islamic State?'],
    ['PERSON', 'The Weeknd', 'Who is The Weeknd?'],
    ['PERSON', 'Abu Bakr al-Baghdadi', 'Who is Abu Bakr al-Baghdadi?'],
    ['EVENT', 'World War II', 'What was World War II?'],
    ['EVENT', '9/11', 'What was 9/11?'],
    ['PLACE', 'United Arab Emirates', 'Where is the United Arab Emirates?'],
    ['OTHER', 'Sharia', 'What is Sharia?'],
  ])('%s %s: %s', (kind, name, question) => {
    expect(ruleQuestion({ kind, name })).toBe(question);
  });
});

describe.each(databases)('entity questions (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(database);
  });
  afterAll(() => t?.close());

  it('asks a natural question of each of the seed’s 23 entities, the same in Entity.question and in its box', async () => {
    const { entities } = (await t.gql('{ entities(first: 100) { nodes { slug question } } }')).body.data;
    expect(Object.fromEntries(entities.nodes.map((e: { slug: string; question: string }) => [e.slug, e.question]))).toEqual(EXPECTED);
    for (const slug of Object.keys(EXPECTED).filter((s) => s !== 'isis-k')) {
      // ISIS-K's box is its explainer's, whose title is the question; the others are the entity's own.
      const { contextBox } = (await t.gql('query($e: String!) { contextBox(entity: $e) { question } }', { e: slug })).body.data;
      expect([slug, contextBox.question]).toEqual([slug, EXPECTED[slug]]);
    }
  });

  it('takes an editor’s question through the working copy: readers see it once the entity is published, and null goes back to the rule', async () => {
    const keys = await keysFor(t);
    const read = async () => (await t.gql('{ entity(slug: "kabul") { question } contextBox(entity: "kabul") { question } }')).body.data;
    const entity = (await ok(t, '{ entity(slug: "kabul") { id version } }', {}, keys.editor)).entity;
    await ok(t, 'mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { question: "What is Kabul, and why does its airport matter?" }) { version } }', { e: entity.id, v: entity.version }, keys.editor);
    expect(await read()).toEqual({ entity: { question: 'Where is Kabul?' }, contextBox: { question: 'Where is Kabul?' } });
    const preview = (await ok(t, '{ entity(slug: "kabul", preview: true) { question } }', {}, keys.editor)).entity;
    expect(preview.question).toBe('What is Kabul, and why does its airport matter?');
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
    expect(await read()).toEqual({ entity: { question: 'What is Kabul, and why does its airport matter?' }, contextBox: { question: 'What is Kabul, and why does its airport matter?' } });

    const again = (await ok(t, '{ entity(slug: "kabul", preview: true) { version } }', {}, keys.editor)).entity;
    await ok(t, 'mutation($e: ID!, $v: Int!) { updateEntity(id: $e, expectedVersion: $v, input: { question: null }) { version } }', { e: entity.id, v: again.version }, keys.editor);
    await ok(t, 'mutation($e: ID!) { publishEntity(id: $e) { id } }', { e: entity.id }, keys.publisher);
    expect(await read()).toEqual({ entity: { question: 'Where is Kabul?' }, contextBox: { question: 'Where is Kabul?' } });
  });

  it('refuses an empty or overlong question with BAD_USER_INPUT naming the field input.question', async () => {
    const keys = await keysFor(t);
    const entity = (await ok(t, '{ entity(slug: "kabul") { id version } }', {}, keys.editor)).entity;
    for (const question of ['  ', 'x'.repeat(201)]) {
      const { body } = await t.gql('mutation($e: ID!, $v: Int!, $q: String) { updateEntity(id: $e, expectedVersion: $v, input: { question: $q }) { version } }', { e: entity.id, v: entity.version, q: question }, keys.editor);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input', field: ['input', 'question'] });
    }
  });
});
