import { Arg, Ctx, FieldResolver, GraphQLISODateTime, ID, Query, Resolver, Root } from 'type-graphql';
import { UserInputError } from '../errors';
import type { Entity as EntityRecord } from '../store/entity.store';
import type { Explainer as ExplainerRecord } from '../store/explainer.store';
import type { Section as SectionRecord } from '../store/section.store';
import { chooseEdition } from '../locale/editions';
import { negotiate } from '../locale/negotiate';
import type { Source as SourceRecord } from '../store/source.store';
import type { Context } from './context';
import { ContextBox, KeyFact } from './context-box.type';
import { Entity } from './entity.type';
import { KeyFactKind, TextDirection, directionOf } from './enums';
import { readEntity } from './entity.resolver';
import { explainerUrl, readEditions } from './explainer.resolver';
import { Correction, Explainer } from './explainer.type';
import { loadPresent } from './loaders';
import { toGlobalId } from './node';
import { Section } from './section.type';
import { Source } from './source.type';
import { READER_LOCALE, checkSlug, checkText, readerLocales } from './validate';

interface Box {
  locale: string;
  question: string;
  summary: string;
  url: string;
  explainer?: ExplainerRecord;
  subject?: EntityRecord;
  section?: string;
}

interface KeyFactValue {
  kind: KeyFactKind;
  label: string;
  value: string;
  sources: SourceRecord[];
}

const questions: Record<string, (name: string) => string> = {
  PERSON: (name) => `Who is ${name}?`,
  PLACE: (name) => `Where is ${name}?`,
};

@Resolver(() => ContextBox)
export class ContextBoxResolver {
  @Query(() => ContextBox, {
    nullable: true,
    description:
      'What a context box shows for an explainer (by slug) or an entity (by any alias); give exactly one. ' +
      'Serves the edition that suits the reader\'s locale best (`locale` on the box says which). Null when there is nothing to show.',
  })
  async contextBox(
    @Arg('explainer', () => String, { nullable: true }) explainerSlug: string | null,
    @Arg('entity', () => String, { nullable: true, description: 'Slug or any alias.' }) entityName: string | null,
    @Arg('section', () => String, { nullable: true, description: 'Show only this section.' }) section: string | null,
    @Arg('locale', () => String, { nullable: true, description: READER_LOCALE }) locale: string | null,
    @Arg('preview', { defaultValue: false, description: 'With an editor key: include drafts.' }) _preview: boolean,
    @Ctx() ctx: Context,
  ): Promise<Box | undefined> {
    if ((explainerSlug == null) === (entityName == null)) {
      throw new UserInputError('explainer', 'give exactly one of explainer and entity');
    }
    const wanted = readerLocales('locale', locale);
    if (section != null) checkSlug('section', section);
    let explainer: ExplainerRecord | undefined;
    let subject: EntityRecord | undefined;
    if (explainerSlug != null) {
      checkSlug('explainer', explainerSlug);
      explainer = chooseEdition(await readEditions(ctx, explainerSlug), wanted, ctx.config.locales[0]);
      if (!explainer) return undefined;
      subject = explainer.subjectId ? await ctx.loaders.entity.load(explainer.subjectId) : undefined;
    } else {
      const name = checkText('entity', entityName!);
      const aliasLocale = negotiate(wanted, ctx.config.locales) ?? ctx.config.locales[0];
      subject = await readEntity(ctx, { name, locale: aliasLocale, orSlug: true });
      if (!subject) return undefined;
      const about = (await ctx.loaders.explainersByEntity.load(subject.id)).map((x) => x.explainer).filter((x) => x.subjectId === subject!.id);
      explainer = chooseEdition(about, wanted, ctx.config.locales[0]);
    }
    if (section != null && explainer) {
      const sections = await ctx.loaders.sectionsByExplainer.load(explainer.id);
      if (!sections.some((s) => s.slug === section)) throw new UserInputError('section', `the explainer has no section "${section}"`);
    }
    if (explainer) {
      return { locale: explainer.locale, question: explainer.title, summary: explainer.summary, url: explainerUrl(ctx, explainer), explainer, subject, section: section ?? undefined };
    }
    const ask = questions[subject!.kind] ?? ((name: string) => `What is ${name}?`);
    return { locale: 'en', question: ask(subject!.name), summary: subject!.summary, url: `${ctx.config.publicUrl}/entities/${subject!.slug}`, subject };
  }

  @FieldResolver(() => ID, { description: 'Stable per explainer (or entity) and section: a cache key.' })
  id(@Root() box: Box): string {
    const base = box.explainer ? toGlobalId('Explainer', box.explainer.id) : toGlobalId('Entity', box.subject!.id);
    return box.section ? `${base}.${box.section}` : base;
  }

  @FieldResolver(() => TextDirection)
  direction(@Root() box: Box): TextDirection {
    return directionOf(box.locale);
  }

  @FieldResolver(() => GraphQLISODateTime)
  updatedAt(@Root() box: Box): string {
    return (box.explainer ?? box.subject)!.updatedAt;
  }

  @FieldResolver(() => Explainer, { nullable: true })
  explainer(@Root() box: Box) {
    return box.explainer;
  }

  @FieldResolver(() => Entity, { nullable: true })
  subject(@Root() box: Box) {
    return box.subject;
  }

  @FieldResolver(() => [KeyFact], { description: 'Founded, also known as, active in, affiliate of: those the subject has.' })
  async keyFacts(@Root() box: Box, @Ctx() ctx: Context): Promise<KeyFactValue[]> {
    if (!box.subject) return [];
    const id = box.subject.id;
    const [facts, aliases, relations] = await Promise.all([
      ctx.loaders.factsByEntity.load(id),
      ctx.loaders.aliasesByEntity.load(id),
      ctx.loaders.outgoingRelations.load(id),
    ]);
    const out: KeyFactValue[] = [];
    for (const fact of facts.filter((f) => f.kind === 'FOUNDED')) {
      out.push({ kind: KeyFactKind.FOUNDED, label: fact.label, value: fact.value, sources: await ctx.loaders.sourcesByFact.load(fact.id) });
    }
    const others = aliases.filter((a) => a.name !== box.subject!.name && a.locale === box.locale).map((a) => a.name);
    if (others.length > 0) out.push({ kind: KeyFactKind.ALSO_KNOWN_AS, label: 'Also known as', value: others.join(', '), sources: [] });
    const byPredicate = async (predicate: string, kind: KeyFactKind, label: string) => {
      const chosen = relations.filter((r) => r.predicate === predicate);
      if (chosen.length === 0) return;
      const objects = await loadPresent(ctx.loaders.entity, chosen.map((r) => r.objectId));
      if (objects.length === 0) return;
      const sources = (await ctx.loaders.sourcesByRelation.loadMany(chosen.map((r) => r.id))).flatMap((s) => (s instanceof Error ? [] : s));
      out.push({ kind, label, value: objects.map((o) => o.name).join(', '), sources: [...new Map(sources.map((s) => [s.id, s])).values()] });
    };
    await byPredicate('OPERATES_IN', KeyFactKind.ACTIVE_IN, 'Active in');
    await byPredicate('AFFILIATE_OF', KeyFactKind.AFFILIATE_OF, 'Affiliate of');
    return out;
  }

  @FieldResolver(() => [Section], { description: 'The explainer\'s sections, or only the one asked for.' })
  async sections(@Root() box: Box, @Ctx() ctx: Context): Promise<SectionRecord[]> {
    if (!box.explainer) return [];
    const sections = await ctx.loaders.sectionsByExplainer.load(box.explainer.id);
    return box.section ? sections.filter((s) => s.slug === box.section) : sections;
  }

  @FieldResolver(() => [Source])
  async sources(@Root() box: Box, @Ctx() ctx: Context) {
    return box.explainer ? ctx.loaders.sourcesByExplainer.load(box.explainer.id) : [];
  }

  @FieldResolver(() => [Correction])
  async corrections(@Root() box: Box, @Ctx() ctx: Context) {
    return box.explainer ? ctx.loaders.correctionsByExplainer.load(box.explainer.id) : [];
  }
}

// KeyFact.sources is a plain property of the computed value.
@Resolver(() => KeyFact)
export class KeyFactResolver {
  @FieldResolver(() => [Source])
  sources(@Root() fact: KeyFactValue) {
    return fact.sources;
  }
}

