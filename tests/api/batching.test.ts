import { createEntity, findEntity, publishEntity } from '../../api/store/entity.store';
import { addRelation } from '../../api/store/relation.store';
import { createExplainer, setExplainerStatus } from '../../api/store/explainer.store';
import { releasePublishedContent } from '../../api/store/release.store';
import { replaceSections } from '../../api/store/section.store';
import { findSource } from '../../api/store/source.store';
import { databases } from '../setup/databases';
import { type TestApp, startApp } from '../setup/app';

const system = { keyId: null };

const DEEP = /* GraphQL */ `
  query($first: Int!) {
    explainers(first: $first) {
      nodes {
        title
        subject { name aliases { name } facts { label sources { name } } relations { predicate object { name aliases { name } } sources { name } } }
        sections {
          heading html
          mentions { text entity { name explainers { slug } } }
          blocks {
            ... on Paragraph { marks { start ... on MentionMark { entity { name description incomingRelations { subject { name } } } } ... on CitationMark { source { name publisher { name } } } } }
            ... on QuoteBlock { quote { speakers { name } source { name } } }
          }
        }
        sources { name publisher { name } }
        quotes { speakers { name } }
        corrections { text }
        translations { locale }
      }
    }
  }
`;

describe.each(databases)('batching nested fields (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // The deep query over 12 explainers is over the public cost budget on purpose: it counts batches.
    t = await startApp(database, { anonymousCostLimit: 100_000_000 });
    const db = t.app.db;
    const isisK = (await findEntity(db, { slug: 'isis-k' }, 'public'))!;
    const conversation = (await findSource(db, { slug: 'the-conversation-report' }))!;
    for (let i = 0; i < 12; i++) {
      await db.transaction().execute(async (trx) => {
        const subject = await createEntity(trx, { slug: `group-${i}`, kind: 'ORGANIZATION', name: `Group ${i}`, description: 'd', summary: 's', status: 'draft' });
        await addRelation(trx, { subjectId: subject.id, predicate: 'RIVAL_OF', objectId: isisK.id, sourceIds: [conversation.id] });
        await publishEntity(trx, subject.id);
        const x = await createExplainer(trx, { slug: `what-is-group-${i}`, locale: 'en', title: `What is Group ${i}?`, headline: 'h', summary: 's', subjectId: subject.id }, system);
        const change = { explainerId: x.id, actor: system, action: 'test' };
        const text = `Group ${i} rivals ISIS-K.`;
        await replaceSections(trx, change, [0, 1, 2].map((s) => ({
          slug: `part-${s}`,
          heading: `Part ${s}`,
          body: { blocks: [{ type: 'paragraph' as const, text, marks: [
            { type: 'mention' as const, start: 0, end: `Group ${i}`.length, entityId: subject.id },
            { type: 'mention' as const, start: text.indexOf('ISIS-K'), end: text.indexOf('ISIS-K') + 6, entityId: isisK.id },
            { type: 'citation' as const, start: 0, end: text.length - 1, sourceId: conversation.id },
          ] }] },
        })));
        await setExplainerStatus(trx, change, 'published');
        await releasePublishedContent(trx);
      });
    }
  });
  afterAll(() => t.close());

  async function statementsFor(first: number): Promise<number> {
    t.statements.reset();
    const { body } = await t.gql(DEEP, { first });
    expect(body.errors).toBeUndefined();
    expect(body.data.explainers.nodes).toHaveLength(first);
    return t.statements.count;
  }

  it('runs no more statements for 12 explainers than for 2, give or take a batch (no N+1)', async () => {
    const few = await statementsFor(2);
    const many = await statementsFor(12);
    // DataLoader batches per tick, so one wave can split in two; an N+1 would add at least 10.
    expect(many).toBeLessThanOrEqual(few + 2);
  });

  it('answers the deep query in at most 40 statements', async () => {
    expect(await statementsFor(12)).toBeLessThanOrEqual(40);
  });
});
