import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { paragraphsOf } from '../rich-text/rich-text';
import type * as store from '../store/source.store';
import type { Context } from './context';
import { Entity, Fact, Relation } from './entity.type';
import { Section } from './section.type';
import { toGlobalId } from './node';
import { Citation, Source } from './source.type';
import { checkFirst, pageSize } from './validate';

/** A citation with its target loaded and checked against what the reader may see. */
interface ResolvedCitation {
  claim: string;
  fact?: unknown;
  relation?: unknown;
  section?: unknown;
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => ID)
  id(@Root() source: store.Source): string {
    return toGlobalId('Source', source.id);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'Who publishes it.' })
  publisher(@Root() source: store.Source, @Ctx() ctx: Context) {
    return source.publisherId ? ctx.loaders.entity.load(source.publisherId) : undefined;
  }

  @FieldResolver(() => [Citation], { description: 'The claims this source supports: the first `first` (1 to 100).' })
  async citations(@Root() source: store.Source, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: pageSize.max }) first: number): Promise<ResolvedCitation[]> {
    checkFirst('first', first);
    const citations = (await ctx.loaders.citationsBySource.load(source.id)).slice(0, first);
    const resolved = await Promise.all(citations.map((c) => resolveCitation(c, ctx)));
    return resolved.filter((c): c is ResolvedCitation => c !== undefined);
  }
}

async function resolveCitation(c: store.Citation, ctx: Context): Promise<ResolvedCitation | undefined> {
  if (c.factId) {
    const fact = await ctx.loaders.fact.load(c.factId);
    if (!fact || !(await ctx.loaders.entity.load(fact.entityId))) return undefined;
    return { claim: `${fact.label}: ${fact.value}`, fact };
  }
  if (c.relationId) {
    const relation = await ctx.loaders.relation.load(c.relationId);
    if (!relation) return undefined;
    const [subject, object] = await Promise.all([ctx.loaders.entity.load(relation.subjectId), ctx.loaders.entity.load(relation.objectId)]);
    if (!subject || !object) return undefined;
    return { claim: `${subject.name} ${relation.predicate.toLowerCase().replace(/_/g, ' ')} ${object.name}`, relation };
  }
  const section = c.sectionId ? await ctx.loaders.section.load(c.sectionId) : undefined;
  if (!section || !(await ctx.loaders.explainer.load(section.explainerId))) return undefined;
  const paragraph = [...paragraphsOf(section.body)].find((p) => p.block === c.block && p.paragraph === c.paragraph);
  return { claim: paragraph?.value.text.slice(c.start ?? 0, c.end ?? undefined) ?? '', section };
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Fact, { nullable: true })
  fact(@Root() c: ResolvedCitation) {
    return c.fact;
  }

  @FieldResolver(() => Relation, { nullable: true })
  relation(@Root() c: ResolvedCitation) {
    return c.relation;
  }

  @FieldResolver(() => Section, { nullable: true, description: 'The section whose passage (the claim) cites the source.' })
  section(@Root() c: ResolvedCitation) {
    return c.section;
  }
}
