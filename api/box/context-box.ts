/**
 * What a context box shows: which explainer (or entity) for a reader's request, the question it asks,
 * and which facts are key. Product rules, in one place: GraphQL's contextBox maps this, and the pages,
 * embeds and widgets read it through GraphQL.
 */
import { chooseEdition } from '../locale/editions';
import { negotiate } from '../locale/negotiate';
import { questionFor } from './questions';
import type { EntityAlias } from '../store/alias.store';
import type { Entity } from '../store/entity.store';
import type { EntityFact } from '../store/fact.store';
import type { EntityRelation } from '../store/relation.store';
import type { Explainer } from '../store/explainer.store';
import type { Section } from '../store/section.store';
import type { Source } from '../store/source.store';

export interface Box {
  locale: string;
  question: string;
  summary: string;
  url: string;
  explainer?: Explainer;
  subject?: Entity;
  /** Show only this section. */
  section?: string;
}

/** What building a box reads: the caller's view of the store (releases for readers), batched and tagged. */
export interface BoxReader {
  editions(slug: string): Promise<Explainer[]>;
  entityByName(name: string, locale: string): Promise<Entity | undefined>;
  entity(id: string): Promise<Entity | undefined>;
  /** Explainers about, or mentioning, the entity. */
  explainersOf(entityId: string): Promise<Explainer[]>;
  sections(explainerId: string): Promise<Section[]>;
  facts(entityId: string): Promise<EntityFact[]>;
  aliases(entityId: string): Promise<EntityAlias[]>;
  relations(entityId: string): Promise<EntityRelation[]>;
  /** Relations whose object is the entity. */
  incomingRelations(entityId: string): Promise<EntityRelation[]>;
  /** Of the entities given, those the reader may see. */
  entities(ids: readonly string[]): Promise<Entity[]>;
  factSources(factId: string): Promise<Source[]>;
  relationSources(relationIds: readonly string[]): Promise<Source[]>;
}

export interface BoxRequest {
  explainer?: string;
  entity?: string;
  section?: string;
  /** The reader's languages, best first (already read and checked). */
  wanted: readonly string[];
}

export interface BoxSettings {
  /** LOCALES: the first is the newsroom's default. */
  locales: readonly string[];
  explainerUrl(explainer: Explainer): string;
  entityUrl(entity: Entity): string;
}

export class UnknownSection extends Error {}

/**
 * The box for an explainer (by slug) or an entity (by any alias, else slug): the explainer's edition that
 * suits the reader best, or for an entity the best edition of an explainer about it, else the entity
 * itself. Undefined when there is nothing to show.
 */
export async function buildBox(reader: BoxReader, request: BoxRequest, settings: BoxSettings): Promise<Box | undefined> {
  const defaultLocale = settings.locales[0];
  let explainer: Explainer | undefined;
  let subject: Entity | undefined;
  if (request.explainer !== undefined) {
    explainer = chooseEdition(await reader.editions(request.explainer), request.wanted, defaultLocale);
    if (!explainer) return undefined;
    subject = explainer.subjectId ? await reader.entity(explainer.subjectId) : undefined;
  } else {
    const aliasLocale = negotiate(request.wanted, settings.locales) ?? defaultLocale;
    subject = await reader.entityByName(request.entity!, aliasLocale);
    if (!subject) return undefined;
    const id = subject.id;
    explainer = chooseEdition((await reader.explainersOf(id)).filter((x) => x.subjectId === id), request.wanted, defaultLocale);
  }
  if (request.section !== undefined && explainer) {
    if (!(await reader.sections(explainer.id)).some((s) => s.slug === request.section)) throw new UnknownSection(request.section);
  }
  if (explainer) {
    return {
      locale: explainer.locale,
      question: explainer.title,
      summary: explainer.summary,
      url: settings.explainerUrl(explainer),
      explainer,
      subject,
      section: request.section,
    };
  }
  return { locale: defaultLocale, question: questionFor(subject!), summary: subject!.summary, url: settings.entityUrl(subject!), subject };
}

export type KeyFactKind = 'FOUNDED' | 'ALSO_KNOWN_AS' | 'ACTIVE_IN' | 'AFFILIATE_OF' | 'CLAIMED_RESPONSIBILITY_FOR' | 'CLAIMED_BY' | 'OTHER';

export interface KeyFact {
  kind: KeyFactKind;
  label: string;
  value: string;
  /** The page of the one entity the value names, when it names one. */
  url: string | null;
  sources: Source[];
}

/** "2015", "January 2015", "2015–2018": a fact's date or span as the value's reader wants it. */
export function dateText(fact: Pick<EntityFact, 'date' | 'dateEnd'>): string | null {
  if (!fact.date) return null;
  return fact.dateEnd && fact.dateEnd !== fact.date ? `${fact.date}–${fact.dateEnd}` : fact.date;
}

/** Facts ranked by an index ("Global Terrorism Index: one of the four deadliest…"), labelled by the index. */
const RANKED = new Set(['RANKING']);

/**
 * Which facts are key, each with its sources: when it was founded, what else it is called, where it is
 * active, whose affiliate it is, what it claimed responsibility for, how an index ranks it; for an event,
 * who claimed it, linked to their page.
 */
export async function keyFactsOf(reader: BoxReader, box: Box, entityUrl: (entity: Entity) => string): Promise<KeyFact[]> {
  if (!box.subject) return [];
  const subject = box.subject;
  const [facts, aliases, relations, incoming] = await Promise.all([
    reader.facts(subject.id),
    reader.aliases(subject.id),
    reader.relations(subject.id),
    reader.incomingRelations(subject.id),
  ]);
  const out: KeyFact[] = [];
  for (const fact of facts.filter((f) => f.kind === 'FOUNDED')) {
    out.push({ kind: 'FOUNDED', label: fact.label, value: fact.value, url: null, sources: await reader.factSources(fact.id) });
  }
  const others = aliases.filter((a) => a.name !== subject.name && a.locale === box.locale).map((a) => a.name);
  if (others.length > 0) out.push({ kind: 'ALSO_KNOWN_AS', label: 'Also known as', value: others.join(', '), url: null, sources: [] });
  const related = async (chosen: EntityRelation[], end: 'objectId' | 'subjectId', kind: KeyFactKind, label: string) => {
    if (chosen.length === 0) return;
    const ends = await reader.entities(chosen.map((r) => r[end]));
    if (ends.length === 0) return;
    const sources = await reader.relationSources(chosen.map((r) => r.id));
    out.push({
      kind,
      label,
      value: ends.map((o) => o.name).join(', '),
      url: ends.length === 1 ? entityUrl(ends[0]) : null,
      sources: [...new Map(sources.map((s) => [s.id, s])).values()],
    });
  };
  const outgoing = (predicate: string) => relations.filter((r) => r.predicate === predicate);
  await related(outgoing('OPERATES_IN'), 'objectId', 'ACTIVE_IN', 'Active in');
  await related(outgoing('AFFILIATE_OF'), 'objectId', 'AFFILIATE_OF', 'Affiliate of');
  await related(outgoing('CLAIMED_RESPONSIBILITY_FOR'), 'objectId', 'CLAIMED_RESPONSIBILITY_FOR', 'Claimed responsibility for');
  await related(
    incoming.filter((r) => r.predicate === 'CLAIMED_RESPONSIBILITY_FOR'),
    'subjectId',
    'CLAIMED_BY',
    'Claimed by',
  );
  for (const fact of facts.filter((f) => RANKED.has(f.kind))) {
    const when = dateText(fact);
    out.push({ kind: 'OTHER', label: fact.label, value: when ? `${fact.value} (${when})` : fact.value, url: null, sources: await reader.factSources(fact.id) });
  }
  return out;
}
