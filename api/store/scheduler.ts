/**
 * Fires scheduled publishes in every process: a tick claims due publishes one by one, each in its own
 * transaction, until none is due. The first tick runs at start (catching a moment missed while every
 * process was down), then one every intervalMs; they never overlap.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database';
import type { Changed } from './publishing.store';
import { fireDuePublish } from './schedule.store';

export interface SchedulerOptions {
  db: Kysely<Database>;
  intervalMs: number;
  logger: Logger;
  /** Inside each publish's transaction, with the tags it changed: renders what is kept of them again, announces the change. */
  beforeCommit(db: Kysely<Database>, changed: readonly string[]): Promise<void>;
  /** Told what each publish changed for readers, after it commits. */
  onPublished(tags: readonly string[]): void | Promise<void>;
}

export interface Scheduler {
  /** Runs one tick now (tests use it; the timer runs the same). */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Resolves once the first tick (what came due while no process ran) is done. */
export async function startScheduler({ db, intervalMs, logger, beforeCommit, onPublished }: SchedulerOptions): Promise<Scheduler> {
  let running: Promise<number> | undefined;
  let stopped = false;
  const tick = (): Promise<number> => {
    running ??= (async () => {
      let fired = 0;
      try {
        while (!stopped) {
          const changed: Changed = new Set();
          const done = await db.transaction().execute(async (trx) => {
            const published = await fireDuePublish(trx, changed);
            if (!published) return published;
            await beforeCommit(trx, [...changed]);
            return published;
          });
          if (!done) break;
          fired++;
          logger.info({ explainer: done.explainerId, at: done.at }, 'published on schedule');
          await onPublished([...changed]);
        }
      } catch (error) {
        logger.error({ err: error }, 'scheduled publishing failed; it is tried again on the next tick');
      } finally {
        running = undefined;
      }
      return fired;
    })();
    return running;
  };
  await tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
