import 'reflect-metadata';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { CompiledQuery, Kysely } from 'kysely';
import pino, { type Logger } from 'pino';
import { type Config, type ConfigInput, resolveConfig } from './config';
import { seed } from './content/seed';
import { createErrorFormatter } from './errors';
import { armor, parseOptions } from './plugins/armor';
import { costPlugin } from './plugins/cost';
import { executionLimitsPlugin } from './plugins/execution-limits';
import { inputBudgetPlugin } from './plugins/input-budget';
import { previewPlugin } from './plugins/preview';
import { createRateLimits, mutationRateLimitPlugin } from './plugins/rate-limit';
import { Annotators } from './text/annotators';
import type { Context } from './graphql/context';
import { contextFactory } from './graphql/auth';
import { documentStore } from './graphql/document-store';
import { getSchema } from './graphql/schema';
import { graphqlRoutes } from './http/graphql';
import { embedRoutes } from './http/embed';
import { explorerRoutes } from './http/explorer';
import { healthRoutes } from './http/health';
import { mentionsRoutes } from './http/mentions';
import { Mentions } from './mentions/mentions';
import { liveRoutes } from './http/live';
import { LiveHub } from './live/live-hub';
import { loadPersistedOperations } from './http/persisted-operations';
import { boxWarmer } from './http/warm-boxes';
import { ReleasedBoxes } from './http/released-boxes';
import { createContext } from './graphql/context';
import { ExecutionLimits } from './graphql/execution-limits';
import { ResponseCache } from './http/response-cache';
import { cacheInvalidationPlugin } from './plugins/cache-invalidation';
import type { HttpContext, Route } from './http/route';
import { createRouter } from './http/router';
import type { Database } from './store/database';
import { announceChange, listenForChanges, newOrigin } from './store/change-feed';
import { capabilitiesOf, openDatabase } from './store/dialect';
import { migrateToLatest } from './store/migrate';
import { startReleaseEventPruner } from './store/release-event-pruner';
import { releasePublishedContent } from './store/release.store';
import { reindexStale } from './store/search.store';
import { startScheduler } from './store/scheduler';
import { createPurger } from './cdn/purge';
import { startWebhookWorker } from './webhooks/worker';

export type { Config, ConfigInput } from './config';

export interface AppOptions {
  logger?: Logger;
  /** Called for every SQL statement the store runs. */
  onQuery?: (query: CompiledQuery) => void;
}

export interface App {
  config: Config;
  db: Kysely<Database>;
  logger: Logger;
  server: Server;
  /** Starts listening; resolves with the base URL. Port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets in-flight ones finish (up to shutdownGraceMs), then closes the store. */
  close(): Promise<void>;
  /** Fires the scheduled publishes that are due now (the app also does so on its own, every schedulerIntervalMs). */
  publishDue(): Promise<number>;
}

/** Builds Backstory: opens and migrates the store, seeds it, and wires GraphQL and the HTTP routes. */
export async function createApp(input: ConfigInput = {}, options: AppOptions = {}): Promise<App> {
  const config = resolveConfig(input);
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'backstory' } });
  const db = await openDatabase({ ...config, onQuery: options.onQuery });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrated the store');
    if (config.seed) {
      const { loaded } = await seed(db);
      if (loaded > 0) logger.info({ documents: loaded }, 'seeded the store');
    }
    // A store from before releases: what was published becomes release 1, so readers keep seeing it.
    const released = await db.transaction().execute((trx) => releasePublishedContent(trx));
    if (released > 0) logger.info({ released }, 'released published content');
    // A migration that changed what search indexes where leaves it to the indexing code, which knows.
    const reindexed = await db.transaction().execute((trx) => reindexStale(trx));
    if (reindexed > 0) logger.info({ reindexed }, 'indexed search documents again');
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const development = config.nodeEnv === 'development';
  const cache = new ResponseCache(config.responseCacheBytes);
  const annotators = new Annotators(db);
  // Set once the in-process executor exists: cards are read through the public schema.
  let execute: HttpContext['execute'] | undefined;
  const mentions = new Mentions(db, annotators, (query, variables) => execute!(query, variables));
  const purger = createPurger(config.purgeUrls, logger);
  const webhooks = await startWebhookWorker({ db, config, logger });
  // Live streams hear of a release from whichever replica made it: the change feed wakes them, or the publish itself.
  const live = await LiveHub.start({
    db,
    logger,
    maxConnections: config.liveMaxConnections,
    maxPerIp: config.liveMaxConnectionsPerIp,
    heartbeatMs: config.liveHeartbeatMs,
    retryMs: config.liveRetryMs,
  });
  const pruner = startReleaseEventPruner(db, config.releaseEventRetentionMs, logger);
  // Replicas on one PostgreSQL: a publish committed by any of them drops what this one cached of it,
  // has every replica look for the webhooks it queued, and wakes its live streams.
  const listenConnection = capabilitiesOf(db).listenConnection;
  const origin = newOrigin();
  const changes = listenConnection
    ? await listenForChanges({
        connect: listenConnection,
        databaseSchema: config.databaseSchema,
        origin,
        logger,
        onChange: (tags) => {
          cache.invalidate(tags);
          annotators.invalidate();
          mentions.invalidate();
          webhooks.wake();
          live.wake();
        },
      })
    : undefined;
  // Set once boxes render: publishing puts the boxes it rendered in the cache (http/warm-boxes.ts).
  let warm: ((tags: readonly string[]) => Promise<void>) | undefined;
  // This process's writes, once committed: it ignores their announcements, having done this already.
  const onPublished = async (tags: readonly string[]) => {
    cache.invalidate(tags);
    // A scheduled publish reaches here without passing through a mutation's invalidation.
    annotators.invalidate();
    mentions.invalidate();
    live.wake();
    void purger.purge(tags);
    webhooks.wake();
    await warm?.(tags);
  };
  const rendersOnly = async () => {
    throw new Error('rendering a box writes nothing');
  };
  // Set once Apollo has started: writes render the widget's boxes of what they released through it.
  let boxes: ReleasedBoxes | undefined;
  const beforeCommit = async (trx: Kysely<Database>, changed: readonly string[]) => {
    await boxes?.render(trx, changed);
    await announceChange(trx, config.databaseSchema, origin, changed);
  };
  const protection = armor(development);
  const limits = createRateLimits(config, db);
  const context = contextFactory({ db, config, annotators, limits, beforeCommit });

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError: createErrorFormatter(logger, development),
    includeStacktraceInErrorResponses: development,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    // Only the operations the widget build listed are persisted (api/http/persisted-get.ts); Apollo's
    // automatic persisted queries would let anyone fill a server-side cache.
    persistedQueries: false,
    documentStore: documentStore(),
    csrfPrevention: true,
    logger,
    // main.ts owns SIGTERM: Apollo's own handler would stop it under requests still being answered.
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    parseOptions,
    // Our own HTTP layer sets Cache-Control; Apollo's per-field cache hints would only cost time.
    // Apollo's landing page loads its scripts from a CDN: the explorer at /explorer needs nothing from outside.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...protection.plugins,
      costPlugin({ anonymous: config.anonymousCostLimit, keyed: config.keyedCostLimit }),
      inputBudgetPlugin(),
      executionLimitsPlugin(),
      previewPlugin(),
      mutationRateLimitPlugin(limits),
      cacheInvalidationPlugin(
        {
          invalidate() {
            annotators.invalidate();
            mentions.invalidate();
          },
        },
        onPublished,
      ),
    ],
  });
  await apollo.start();
  const persisted = loadPersistedOperations(logger);
  boxes = new ReleasedBoxes({
    apollo,
    persisted,
    settings: config,
    context: (trx) => ({ ...createContext(trx, config, annotators, undefined, '', new ExecutionLimits(config.requestTimeoutMs, config.maxResponseBytes), rendersOnly), inTransaction: true }),
  });
  const kept = boxes;
  const rendered = await db.transaction().execute((trx) => kept.renderMissing(trx));
  if (rendered > 0) logger.info({ boxes: rendered }, 'rendered the boxes of released explainers');
  warm = boxWarmer({ db, cache, boxes });
  // Started once boxes render: a publish that came due while no process ran renders its boxes too.
  const scheduler = await startScheduler({ db, intervalMs: config.schedulerIntervalMs, logger, beforeCommit, onPublished });

  const http: HttpContext = {
    config,
    db,
    logger,
    async execute(query, variables) {
      const contextValue = await context();
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used in-process');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return { ...(response.body.singleResult as any), tags: [...contextValue.tags] };
    },
  };
  execute = http.execute.bind(http);
  const graphql = graphqlRoutes({ apollo, context, config, cache, persisted, boxes, db });
  const routes: Route[] = [...graphql.routes, ...healthRoutes(http), ...liveRoutes(live), ...embedRoutes(http), ...explorerRoutes(http), ...mentionsRoutes(mentions, limits)];
  const handle = createRouter(routes, logger, graphql.answerFromCache);
  // Requests being handled, whether or not their reader is still connected: the store stays open for them.
  const inFlight = new Set<Promise<void>>();
  let closing: Promise<void> | undefined;
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    // A request that reached us on an open connection during shutdown is answered, then its connection closed.
    if (closing) res.setHeader('connection', 'close');
    // One that was under way when shutdown began kept its connection alive: close it once it is idle.
    res.once('finish', () => closing && setImmediate(() => server.closeIdleConnections()));
    // A cached response is answered at once, with nothing left to wait for.
    const answering = handle(req, res);
    if (!answering) return;
    const handled = answering.finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });

  return {
    config,
    db,
    logger,
    server,
    publishDue: () => scheduler.tick(),
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shown}:${address.port}`);
        });
      });
    },
    close() {
      closing ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            server.closeAllConnections();
            resolve();
          }, config.shutdownGraceMs);
        });
        // Live streams never end on their own: ended now, their readers reconnect to another replica.
        live.close();
        pruner.stop();
        logger.debug({ inFlight: inFlight.size, live: live.size }, 'shutdown: closing the listener');
        if (server.listening) {
          const drained = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          await drained;
        }
        logger.debug({ inFlight: inFlight.size }, 'shutdown: every connection closed');
        // A reader who hung up took its connection with it, but its request may still be running.
        await Promise.race([Promise.allSettled([...inFlight]), grace]);
        clearTimeout(timer);
        logger.debug('shutdown: every request answered');
        await scheduler.stop();
        await webhooks.stop();
        await apollo.stop();
        await changes?.close();
        await live.idle();
        logger.debug('shutdown: Apollo, the scheduler, the webhook worker, the change feed and the live streams stopped');
        await db.destroy();
        logger.info('stopped: every request answered, the store closed');
      })();
      return closing;
    },
  };
}
