/**
 * Sends webhooks in every process: claims due deliveries (store/webhook-delivery.store.ts), posts
 * each with the Standard Webhooks headers, and records how it went. It looks at start (what came due
 * while no process ran), when woken (a publish here; on PostgreSQL, any replica's commit), at the
 * next retry's time, and every pollIntervalMs (which is how a schedule's event leaves a SQLite store). At most MAX_IN_FLIGHT deliveries are sent at once.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../store/database';
import { type ClaimedDelivery, type RetryPolicy, claimDueDeliveries, nextDueAt, recordAttempt } from '../store/webhook-delivery.store';
import { webhookPayload } from './payload';
import { sendWebhook } from './send';
import { signatureHeader } from './signature';

const MAX_IN_FLIGHT = 16;

export interface WebhookWorkerOptions {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
}

export interface WebhookWorker {
  /** Looks for due deliveries now. */
  wake(): void;
  /** Stops claiming, and waits for the attempts under way to be recorded. */
  stop(): Promise<void>;
}

/** A delivery is held this long past its deadline before another attempt may take it over. */
export const leaseMs = (timeoutMs: number) => timeoutMs + 5_000;

/** Resolves once the first look (for what came due while no process ran) has claimed what it found. */
export async function startWebhookWorker({ db, config, logger }: WebhookWorkerOptions): Promise<WebhookWorker> {
  const policy: RetryPolicy = { scheduleMs: config.webhookRetryScheduleMs, retryForMs: config.webhookRetryForMs, disableAfterMs: config.webhookDisableAfterMs };
  const inFlight = new Set<Promise<void>>();
  let claiming: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const deliver = async (delivery: ClaimedDelivery): Promise<void> => {
    const body = JSON.stringify(webhookPayload(delivery.event, config));
    const timestamp = Math.floor(Date.now() / 1000);
    const outcome = await sendWebhook(
      delivery.endpoint.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Backstory-Webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(delivery.endpoint.secrets, delivery.messageId, timestamp, body),
      },
      body,
      { allowedHosts: config.webhookAllowedHosts, timeoutMs: config.webhookTimeoutMs },
    );
    const status = await db.transaction().execute((trx) => recordAttempt(trx, delivery, outcome, policy));
    const fields = { delivery: delivery.id, endpoint: delivery.endpoint.id, webhookId: delivery.messageId, attempt: delivery.attempt, status };
    if (outcome.kind === 'delivered') logger.info({ ...fields, response: outcome.status }, 'webhook delivered');
    else logger.warn({ ...fields, response: outcome.status, error: outcome.kind === 'failed' ? outcome.error : 'gone' }, 'webhook attempt failed');
  };

  const arm = async (): Promise<void> => {
    if (stopped) return;
    let wait = config.webhookPollIntervalMs;
    try {
      const due = await nextDueAt(db);
      if (due) wait = Math.min(wait, Math.max(0, Date.parse(due) - Date.now()));
    } catch (error) {
      logger.error({ err: error }, 'could not look for the next webhook delivery');
    }
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(wake, wait);
    timer.unref();
  };

  const claim = async (): Promise<void> => {
    do {
      again = false;
      while (!stopped && inFlight.size < MAX_IN_FLIGHT) {
        const batch = await claimDueDeliveries(db, leaseMs(config.webhookTimeoutMs), MAX_IN_FLIGHT - inFlight.size);
        if (batch.length === 0) break;
        for (const delivery of batch) {
          const sending: Promise<void> = deliver(delivery)
            .catch((error: unknown) => logger.error({ err: error, delivery: delivery.id }, 'webhook delivery failed; it is tried again when its lease ends'))
            .finally(() => {
              inFlight.delete(sending);
              wake();
            });
          inFlight.add(sending);
        }
      }
    } while (again && !stopped);
  };

  function wake(): void {
    if (stopped) return;
    if (claiming) {
      again = true;
      return;
    }
    claiming = claim()
      .catch((error: unknown) => logger.error({ err: error }, 'could not claim webhook deliveries; trying again later'))
      .then(arm)
      .finally(() => {
        claiming = undefined;
        if (again) wake();
      });
  }

  wake();
  await claiming;
  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await claiming;
      await Promise.allSettled([...inFlight]);
    },
  };
}
