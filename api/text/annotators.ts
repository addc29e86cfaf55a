import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { allAliases } from '../store/alias.store';
import type { Visibility } from '../store/ids';
import { Annotator } from './annotate';

/**
 * One Annotator per visibility, built on first use and kept until an entity or alias may have
 * changed: building one over 100,000 aliases takes about half a second, annotating is linear.
 */
export class Annotators {
  private readonly built = new Map<Visibility, Promise<Annotator>>();

  constructor(private readonly db: Kysely<Database>) {}

  get(visibility: Visibility): Promise<Annotator> {
    let annotator = this.built.get(visibility);
    if (!annotator) {
      annotator = allAliases(this.db, visibility).then((aliases) => new Annotator(aliases.map((a) => ({ alias: a.name, entityId: a.entityId }))));
      annotator.catch(() => this.built.delete(visibility));
      this.built.set(visibility, annotator);
    }
    return annotator;
  }

  invalidate(): void {
    this.built.clear();
  }
}
