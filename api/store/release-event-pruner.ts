/**
 * Keeps the release event log to its retention window: what a live stream can resume from (and a
 * webhook retry can redeliver) is what is younger than retentionMs. Every process prunes; deleting
 * what another already deleted costs nothing.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database';
import { pruneReleaseEvents } from './release-events.store';

export interface ReleaseEventPruner {
  /** Prunes now; resolves with how many events went. */
  prune(): Promise<number>;
  stop(): void;
}

/** Prunes once an hour, or ten times per window when the window is shorter. */
export function startReleaseEventPruner(db: Kysely<Database>, retentionMs: number, logger: Logger): ReleaseEventPruner {
  const prune = async (): Promise<number> => {
    try {
      const pruned = await pruneReleaseEvents(db, new Date(Date.now() - retentionMs).toISOString());
      if (pruned > 0) logger.info({ pruned }, 'pruned release events past their retention');
      return pruned;
    } catch (error) {
      logger.warn({ err: error }, 'could not prune release events; trying again later');
      return 0;
    }
  };
  const timer = setInterval(() => void prune(), Math.max(1_000, Math.min(3_600_000, retentionMs / 10)));
  timer.unref();
  return { prune, stop: () => clearInterval(timer) };
}
