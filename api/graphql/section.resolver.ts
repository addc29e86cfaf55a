import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { toHtml } from '../rich-text/render';
import type * as rt from '../rich-text/rich-text';
import { paragraphsOf } from '../rich-text/rich-text';
import type * as store from '../store/explainer.store';
import type * as sections from '../store/section.store';
import type { Context } from './context';
import { Entity } from './entity.type';
import { Explainer } from './explainer.type';
import { loadPresent } from './loaders';
import { toGlobalId } from './node';
import { Quote } from './quote.type';
import { Block, CitationMark, MentionMark, QuoteBlock, QuoteMark } from './rich-text.type';
import { Mention, Section } from './section.type';
import { Source } from './source.type';

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => ID)
  id(@Root() section: sections.Section): string {
    return toGlobalId('Section', section.id);
  }

  @FieldResolver(() => [Block], { description: 'The body as structured rich text.' })
  blocks(@Root() section: sections.Section): rt.Block[] {
    return section.body.blocks;
  }

  @FieldResolver(() => String, { description: 'The body as sanitized HTML: p, blockquote and span elements only, every character of text escaped.' })
  async html(@Root() section: sections.Section, @Ctx() ctx: Context): Promise<string> {
    const entityIds = new Set<string>();
    const sourceIds = new Set<string>();
    for (const { value } of paragraphsOf(section.body)) {
      for (const mark of value.marks) {
        if (mark.type === 'mention') entityIds.add(mark.entityId);
        if (mark.type === 'citation') sourceIds.add(mark.sourceId);
      }
    }
    const entities = new Map((await loadPresent(ctx.loaders.entity, [...entityIds])).map((e) => [e.id, e.slug]));
    const sources = new Map((await loadPresent(ctx.loaders.source, [...sourceIds])).map((s) => [s.id, s.name]));
    return toHtml(section.body, { entitySlug: (id) => entities.get(id), sourceName: (id) => sources.get(id) });
  }

  @FieldResolver(() => [Mention], { description: 'Every mention of an entity the reader may see, in reading order.' })
  async mentions(@Root() section: sections.Section, @Ctx() ctx: Context) {
    const mentions = await ctx.loaders.mentionsBySection.load(section.id);
    const visible = new Set((await loadPresent(ctx.loaders.entity, mentions.map((m) => m.entityId))).map((e) => e.id));
    return mentions.filter((m) => visible.has(m.entityId));
  }

  @FieldResolver(() => Explainer)
  explainer(@Root() section: sections.Section, @Ctx() ctx: Context) {
    return ctx.loaders.explainer.load(section.explainerId);
  }
}

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Entity)
  entity(@Root() mention: store.Mention, @Ctx() ctx: Context) {
    return ctx.loaders.entity.load(mention.entityId);
  }
}

@Resolver(() => MentionMark)
export class MentionMarkResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'Null when the entity is not visible to the reader.' })
  entity(@Root() mark: rt.MentionMark, @Ctx() ctx: Context) {
    return ctx.loaders.entity.load(mark.entityId);
  }
}

@Resolver(() => CitationMark)
export class CitationMarkResolver {
  @FieldResolver(() => Source, { nullable: true })
  source(@Root() mark: rt.CitationMark, @Ctx() ctx: Context) {
    return ctx.loaders.source.load(mark.sourceId);
  }
}

@Resolver(() => QuoteMark)
export class QuoteMarkResolver {
  @FieldResolver(() => Quote, { nullable: true })
  quote(@Root() mark: rt.QuoteMark, @Ctx() ctx: Context) {
    return ctx.loaders.quote.load(mark.quoteId);
  }
}

@Resolver(() => QuoteBlock)
export class QuoteBlockResolver {
  @FieldResolver(() => Quote, { nullable: true, description: 'Who is quoted, and through which source.' })
  quote(@Root() block: rt.QuoteBlock, @Ctx() ctx: Context) {
    return ctx.loaders.quote.load(block.quoteId);
  }
}
