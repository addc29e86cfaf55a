/**
 * Mentions of released entities in a partner's own text, and what the hovercard of each shows.
 *
 * An answer depends on the text, the reader's locale and the entities the markup names, and on nothing
 * else but what is released: it is kept by the sha256 of the text (with the other two) until the next
 * publish, which may have added an alias anywhere and so drops every answer, as it drops the annotator.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../store/database';
import { entitiesByIds } from '../store/entity.store';
import type { Annotators } from '../text/annotators';
import { MENTION_CARD_QUERY, type MentionCardData } from './mention-card.query';

/** The most text one request may carry, in UTF-8 bytes: a long article's first several thousand words. */
export const MAX_TEXT_BYTES = 20 * 1024;
/** Entities one answer describes (markup's first, then the text's in order of first mention). */
export const MAX_ENTITIES = 20;
/** Mentions one answer lists; with first-only (the widget's default) far fewer are used. */
export const MAX_MENTIONS = 200;
/** Facts a card shows. */
export const MAX_FACTS = 3;
/** A card's description is one line: its first, cut at a word to at most this many characters. */
export const MAX_DESCRIPTION = 160;

export interface MentionCard {
  name: string;
  description: string;
  facts: Array<{ label: string; value: string; sources: Array<{ name: string; url: string | null }> }>;
  /** The explainer about the entity, else its entity page. */
  url: string;
}

export interface MentionsAnswer {
  /** sha256 of the text as received (UTF-8), hex: the key browsers keep the answer under. */
  hash: string;
  /** UTF-16 offsets into the text (what String.prototype.slice takes), leftmost first. */
  mentions: Array<{ entity: string; start: number; end: number }>;
  /** By entity slug. */
  entities: Record<string, MentionCard>;
}

export interface MentionsRequest {
  text: string;
  locale?: string;
  /** Slugs the markup names (data-backstory-entity, <backstory-mention entity>). */
  explicit: readonly string[];
}

/** Runs an operation through the public schema, as HttpContext.execute does. */
type Execute = (query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown }>;

export function oneLine(text: string, max = MAX_DESCRIPTION): string {
  const line = text.trim().split(/\r?\n/)[0].replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export class Mentions {
  private readonly answers = new LRUCache<string, MentionsAnswer>({ maxSize: 16 * 1024 * 1024, sizeCalculation: (a) => 200 + JSON.stringify(a).length });
  private readonly cards = new LRUCache<string, Promise<MentionCard | undefined>>({ max: 5_000 });
  /** Bumped by every publish: an answer computed across one is not kept. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly annotators: Annotators,
    private readonly execute: Execute,
  ) {}

  invalidate(): void {
    this.generation++;
    this.answers.clear();
    this.cards.clear();
  }

  /** The answer and whether it came from the cache. */
  async find(request: MentionsRequest): Promise<{ answer: MentionsAnswer; cached: boolean }> {
    const hash = createHash('sha256').update(request.text).digest('hex');
    const key = JSON.stringify([hash, request.locale ?? '', request.explicit]);
    const hit = this.answers.get(key);
    if (hit) return { answer: hit, cached: true };
    const generation = this.generation;
    const answer = await this.compute(hash, request);
    if (generation === this.generation) this.answers.set(key, answer);
    return { answer, cached: false };
  }

  private async compute(hash: string, { text, locale, explicit }: MentionsRequest): Promise<MentionsAnswer> {
    const found = text ? (await this.annotators.get('public')).annotate(text) : [];
    const ids = [...new Set(found.map((a) => a.entityId))];
    const slugOf = new Map((await entitiesByIds(this.db, ids, 'public')).map((e) => [e.lookupId ?? e.id, e.slug]));
    const slugs = [...new Set([...explicit, ...ids.flatMap((id) => slugOf.get(id) ?? [])])].slice(0, MAX_ENTITIES);
    const cards = await Promise.all(slugs.map((slug) => this.card(slug, locale)));
    const entities: Record<string, MentionCard> = {};
    slugs.forEach((slug, i) => {
      const card = cards[i];
      if (card) entities[slug] = card;
    });
    const mentions: MentionsAnswer['mentions'] = [];
    for (const a of found) {
      const entity = slugOf.get(a.entityId);
      if (entity === undefined || !entities[entity]) continue;
      mentions.push({ entity, start: a.start, end: a.end });
      if (mentions.length === MAX_MENTIONS) break;
    }
    return { hash, mentions, entities };
  }

  private card(slug: string, locale: string | undefined): Promise<MentionCard | undefined> {
    const key = `${slug}\u0000${locale ?? ''}`;
    let card = this.cards.get(key);
    if (!card) {
      card = this.execute(MENTION_CARD_QUERY, { entity: slug, locale }).then(({ data }) => {
        const box = (data as MentionCardData | null | undefined)?.contextBox;
        // The box of an alias that names another entity than the slug does is not this entity's card.
        if (!box?.subject || box.subject.slug !== slug) return undefined;
        return {
          name: box.subject.name,
          description: oneLine(box.subject.description),
          facts: box.keyFacts.slice(0, MAX_FACTS).map((f) => ({ label: f.label, value: f.value, sources: f.sources.map((s) => ({ name: s.name, url: s.url })) })),
          url: box.url,
        };
      });
      card.catch(() => this.cards.delete(key));
      this.cards.set(key, card);
    }
    return card;
  }
}
