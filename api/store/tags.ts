/**
 * Names for what a public response read, so that a publish can drop exactly the responses it changed:
 * in the in-process cache, on every replica, and at a CDN (Surrogate-Key, Cache-Tag). A tag names a
 * released thing or a lookup that found it (or found nothing yet).
 */
import { createHash } from 'node:crypto';

const short = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

export const tags = {
  explainer: (id: string) => `explainer:${id}`,
  explainerSlug: (slug: string) => `explainer-slug:${slug}`,
  /** The editions of one explainer, which a reader's locale chooses among. */
  translations: (group: string) => `translations:${group}`,
  entity: (id: string) => `entity:${id}`,
  entitySlug: (slug: string) => `entity-slug:${slug}`,
  /** A lookup by a folded name (any alias); hashed, since names have spaces. */
  entityName: (normalized: string) => `entity-name:${short(normalized)}`,
  /** Which released passages, facts and relations cite a source. */
  citationsOf: (sourceId: string) => `citations-of:${sourceId}`,
  /** Which explainers are about, or mention, an entity. */
  explainersOf: (entityId: string) => `explainers-of:${entityId}`,
  /** Lists and search: any publish may change them. */
  lists: 'lists',
} as const;
