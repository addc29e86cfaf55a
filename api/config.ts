/** Typed configuration. Only api/main.ts reads process.env; everything else receives a Config. */
import { canonicalTag } from './locale/negotiate';

export interface Config {
  /** HTTP port. */
  port: number;
  /** Interface to bind. */
  host: string;
  /** PostgreSQL connection string; when unset, SQLite at sqlitePath. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to use (tests give each file its own). */
  databaseSchema: string | undefined;
  /** SQLite file (":memory:" for a throwaway store). */
  sqlitePath: string;
  /** The origin readers and partners reach Backstory at, used in links and oEmbed. */
  publicUrl: string;
  /** Locales content may be written in, as canonical BCP 47 tags; the first is the newsroom's default. */
  locales: string[];
  /** Load the seeded explainer(s) at start. */
  seed: boolean;
  /** development shows stack traces to clients; production hides field suggestions. */
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  /** Milliseconds in-flight requests get to finish on SIGTERM. */
  shutdownGraceMs: number;
  /** Whether the schema answers introspection (it is public, so on by default). */
  introspection: boolean;
  /** Milliseconds a GraphQL request may take before it is answered with 503. */
  requestTimeoutMs: number;
  /** Mutations a key (or, without one, an IP) may make per minute. */
  mutationsPerMinute: number;
  /** Failed authentications an IP may make per minute before it is told to wait. */
  failedAuthPerMinute: number;
  /** Texts an IP may send to POST /mentions/v1 per minute (answers from the server's cache count too). */
  mentionsPerMinute: number;
  /** Cache-Control of public responses to persisted GETs (what browsers and CDNs may keep). */
  cacheControl: string;
  /** Bytes of public responses kept in process; 0 turns the cache off. */
  responseCacheBytes: number;
  /** CDN endpoints told of every publish by an HTTP PURGE with the changed tags in xkey-purge. */
  purgeUrls: string[];
  /** How often each process looks for scheduled publishes that are due. */
  schedulerIntervalMs: number;
  /** Serve the GraphQL explorer at /explorer: on in development, off elsewhere unless asked for. */
  explorer: boolean;
  /** The most an operation may cost without an API key (api/plugins/cost.ts). */
  anonymousCostLimit: number;
  /** The most an operation may cost with an API key. */
  keyedCostLimit: number;
  /** A response larger than this is refused, never sent (nor finished). */
  maxResponseBytes: number;
  /** Hosts (host or host:port) webhooks may reach over plain http, and at private or loopback addresses. */
  webhookAllowedHosts: string[];
  /** Milliseconds a webhook delivery may take, from connecting to the end of the response. */
  webhookTimeoutMs: number;
  /** Waits after each failed attempt, in milliseconds, jittered; the last repeats. */
  webhookRetryScheduleMs: number[];
  /** How long a delivery is retried, from its event. */
  webhookRetryForMs: number;
  /** An endpoint failing for this long, with no success in between, is disabled. */
  webhookDisableAfterMs: number;
  /** How often each process looks for due deliveries (a publish here, or on another replica, wakes it sooner). */
  webhookPollIntervalMs: number;
  /** How long a rotated-out secret still signs, beside the new one. */
  webhookSecretGraceMs: number;
  /** Live event streams (GET /live/v1/events) one process keeps open at most; beyond it, 503. */
  liveMaxConnections: number;
  /** Live event streams one IP may keep open on one process at most; beyond it, 503. */
  liveMaxConnectionsPerIp: number;
  /** Milliseconds between the heartbeat comments that keep an idle stream (and its proxies) open. */
  liveHeartbeatMs: number;
  /** Milliseconds a disconnected EventSource waits before reconnecting (the stream's `retry:` hint). */
  liveRetryMs: number;
  /** How long release events are kept for Last-Event-ID to resume from; older ones are pruned. */
  releaseEventRetentionMs: number;
}

export type ConfigInput = Partial<Config>;

export const defaultLocales = ['en', 'ar', 'fr', 'es', 'de', 'ur', 'ps', 'fa', 'hi'];

/** LOCALES may say `en_GB` or `EN-gb`; content is stored and matched under `en-GB`. A non-tag stops the start. */
function canonicalLocales(locales: string[]): string[] {
  const out = locales.map((locale) => {
    const tag = canonicalTag(locale);
    if (!tag) throw new Error(`LOCALES: "${locale}" is not a BCP 47 language tag`);
    return tag;
  });
  if (out.length === 0) throw new Error('LOCALES: name at least one locale');
  return [...new Set(out)];
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNITS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY };

/** "250ms", "5s", "30m", "2h", "3d", or a bare number of milliseconds; anything else stops the start. */
export function parseDuration(name: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new Error(`${name}: "${value}" is not a duration (e.g. 500ms, 5s, 30m, 2h, 3d)`);
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms']);
}

export function resolveConfig(input: ConfigInput = {}): Config {
  const port = input.port ?? 4000;
  const nodeEnv = input.nodeEnv ?? 'production';
  return {
    port,
    host: input.host ?? '0.0.0.0',
    databaseUrl: input.databaseUrl || undefined,
    databaseSchema: input.databaseSchema || undefined,
    sqlitePath: input.sqlitePath ?? 'data/backstory.db',
    publicUrl: (input.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    locales: canonicalLocales(input.locales ?? defaultLocales),
    seed: input.seed ?? true,
    nodeEnv,
    logLevel: input.logLevel ?? 'info',
    shutdownGraceMs: input.shutdownGraceMs ?? 10_000,
    introspection: input.introspection ?? true,
    requestTimeoutMs: input.requestTimeoutMs ?? 10_000,
    mutationsPerMinute: input.mutationsPerMinute ?? 120,
    failedAuthPerMinute: input.failedAuthPerMinute ?? 10,
    mentionsPerMinute: input.mentionsPerMinute ?? 60,
    cacheControl: input.cacheControl ?? 'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
    responseCacheBytes: input.responseCacheBytes ?? 32 * 1024 * 1024,
    purgeUrls: input.purgeUrls ?? [],
    schedulerIntervalMs: input.schedulerIntervalMs ?? 5_000,
    explorer: input.explorer ?? nodeEnv === 'development',
    anonymousCostLimit: input.anonymousCostLimit ?? 2_000_000,
    keyedCostLimit: input.keyedCostLimit ?? 10_000_000,
    maxResponseBytes: input.maxResponseBytes ?? 2 * 1024 * 1024,
    webhookAllowedHosts: (input.webhookAllowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean),
    webhookTimeoutMs: input.webhookTimeoutMs ?? 5_000,
    webhookRetryScheduleMs: input.webhookRetryScheduleMs?.length ? input.webhookRetryScheduleMs : [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR],
    webhookRetryForMs: input.webhookRetryForMs ?? 3 * DAY,
    webhookDisableAfterMs: input.webhookDisableAfterMs ?? 5 * DAY,
    webhookPollIntervalMs: input.webhookPollIntervalMs ?? 5_000,
    webhookSecretGraceMs: input.webhookSecretGraceMs ?? DAY,
    liveMaxConnections: input.liveMaxConnections ?? 10_000,
    liveMaxConnectionsPerIp: input.liveMaxConnectionsPerIp ?? 100,
    liveHeartbeatMs: input.liveHeartbeatMs ?? 25_000,
    liveRetryMs: input.liveRetryMs ?? 10_000,
    releaseEventRetentionMs: input.releaseEventRetentionMs ?? 7 * 24 * 3_600_000,
  };
}

/** Maps environment variables (documented in the README) onto Config. */
export function configFromEnv(env: NodeJS.ProcessEnv): ConfigInput {
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const duration = (name: string, v: string | undefined) => (v === undefined || v === '' ? undefined : parseDuration(name, v));
  const nodeEnv = env.NODE_ENV === 'development' || env.NODE_ENV === 'test' ? env.NODE_ENV : env.NODE_ENV ? 'production' : undefined;
  return {
    port: num(env.PORT),
    host: env.HOST || undefined,
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA,
    sqlitePath: env.SQLITE_PATH || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    locales: env.LOCALES ? env.LOCALES.split(',').map((l) => l.trim()).filter(Boolean) : undefined,
    seed: env.SEED === undefined ? undefined : env.SEED !== 'false' && env.SEED !== '0',
    nodeEnv,
    logLevel: env.LOG_LEVEL || undefined,
    shutdownGraceMs: num(env.SHUTDOWN_GRACE_MS),
    introspection: env.INTROSPECTION === undefined ? undefined : env.INTROSPECTION !== 'false',
    requestTimeoutMs: num(env.REQUEST_TIMEOUT_MS),
    mutationsPerMinute: num(env.MUTATIONS_PER_MINUTE),
    failedAuthPerMinute: num(env.FAILED_AUTH_PER_MINUTE),
    mentionsPerMinute: num(env.MENTIONS_PER_MINUTE),
    cacheControl: env.CACHE_CONTROL || undefined,
    responseCacheBytes: num(env.RESPONSE_CACHE_BYTES),
    purgeUrls: env.PURGE_URLS ? env.PURGE_URLS.split(',').map((u) => u.trim()).filter(Boolean) : undefined,
    schedulerIntervalMs: num(env.SCHEDULER_INTERVAL_MS),
    explorer: env.EXPLORER === undefined || env.EXPLORER === '' ? undefined : env.EXPLORER !== 'false' && env.EXPLORER !== '0',
    anonymousCostLimit: num(env.ANONYMOUS_COST_LIMIT),
    keyedCostLimit: num(env.KEYED_COST_LIMIT),
    maxResponseBytes: num(env.MAX_RESPONSE_BYTES),
    webhookAllowedHosts: list(env.WEBHOOK_ALLOWED_HOSTS),
    webhookTimeoutMs: num(env.WEBHOOK_TIMEOUT_MS),
    webhookRetryScheduleMs: list(env.WEBHOOK_RETRY_SCHEDULE)?.map((d) => parseDuration('WEBHOOK_RETRY_SCHEDULE', d)),
    webhookRetryForMs: duration('WEBHOOK_RETRY_FOR', env.WEBHOOK_RETRY_FOR),
    webhookDisableAfterMs: duration('WEBHOOK_DISABLE_AFTER', env.WEBHOOK_DISABLE_AFTER),
    webhookPollIntervalMs: num(env.WEBHOOK_POLL_INTERVAL_MS),
    webhookSecretGraceMs: duration('WEBHOOK_SECRET_GRACE', env.WEBHOOK_SECRET_GRACE),
    liveMaxConnections: num(env.LIVE_MAX_CONNECTIONS),
    liveMaxConnectionsPerIp: num(env.LIVE_MAX_CONNECTIONS_PER_IP),
    liveHeartbeatMs: num(env.LIVE_HEARTBEAT_MS),
    liveRetryMs: num(env.LIVE_RETRY_MS),
    releaseEventRetentionMs: num(env.RELEASE_EVENT_RETENTION_MS),
  };
}
