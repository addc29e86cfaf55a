/**
 * Every live stream this process holds (GET /live/v1/events, api/http/live.ts), and the one reader of
 * release events that feeds them. A wake (a publish here, or the change feed hearing of a commit on any
 * replica) reads the events after the last one this process fanned out, once for the whole process,
 * and writes each to the streams that follow its explainer or entity, found by slug in a Map.
 *
 * Bounded: at most maxConnections streams and maxPerIp per address; a stream whose reader stops
 * reading is dropped once a little output is queued for it; a resume replays at most REPLAY_LIMIT
 * events, and is told to start over (event `reset`) when it is further behind than that or than what
 * the store still keeps.
 */
import type { ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/database';
import { type ReleaseEvent, firstReleaseEventId, lastReleaseEventId, releaseEventsAfter } from '../store/release-events.store';

/** A stream follows explainers and entities by slug. */
export interface Topics {
  explainers: readonly string[];
  entities: readonly string[];
}

export interface LiveHubOptions {
  db: Kysely<Database>;
  logger: Logger;
  maxConnections: number;
  maxPerIp: number;
  heartbeatMs: number;
  retryMs: number;
}

/** Why a stream was not opened: the process is shutting down, holds its maximum, or this address does. */
export type Refusal = 'closing' | 'full' | 'ip';

interface Stream {
  res: ServerResponse;
  ip: string;
  keys: string[];
  /** The newest event this stream has been sent (or told to skip): it never gets one twice. */
  lastId: number;
  subscribed: boolean;
}

/** Events read per query while fanning out or replaying. */
const BATCH = 500;
/** A resume further behind than this starts over instead. */
export const REPLAY_LIMIT = 1000;
/** Output queued for a reader who does not read; past it the stream is dropped (EventSource reconnects). */
const MAX_QUEUED_BYTES = 256 * 1024;

const keyOf = (event: Pick<ReleaseEvent, 'type' | 'slug'>) => `${event.type.slice(0, event.type.indexOf('.'))}:${event.slug}`;

export function topicKeys({ explainers, entities }: Topics): string[] {
  return [...new Set([...explainers.map((slug) => `explainer:${slug}`), ...entities.map((slug) => `entity:${slug}`)])];
}

/** One event as the stream sends it; written once per event, whatever the number of streams. */
export function formatEvent(event: ReleaseEvent): string {
  const data = { type: event.type, slug: event.slug, locale: event.locale, release: event.release };
  return `id: ${event.id}\nevent: release\ndata: ${JSON.stringify(data)}\n\n`;
}

export class LiveHub {
  private readonly streams = new Set<Stream>();
  private readonly byKey = new Map<string, Set<Stream>>();
  private readonly perIp = new Map<string, number>();
  /** Fan-outs and resumes run one at a time, in order, so that none sees the other half done. */
  private queue: Promise<void> = Promise.resolve();
  private wakeQueued = false;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly heartbeatChunk: string;

  private constructor(
    private readonly options: LiveHubOptions,
    /** The newest event fanned out by this process. */
    private lastId: number,
  ) {
    this.heartbeatChunk = `: heartbeat\nretry: ${options.retryMs}\n\n`;
    // Each beat also reads the store once: a wake that never came (a notification lost with its
    // connection) delays an event by one heartbeat at most.
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) this.write(stream, this.heartbeatChunk);
      this.wake();
    }, options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts after the newest event already stored: streams hear of what happens from now on. */
  static async start(options: LiveHubOptions): Promise<LiveHub> {
    return new LiveHub(options, await lastReleaseEventId(options.db));
  }

  get size(): number {
    return this.streams.size;
  }

  /**
   * Opens a stream on res (headers already chosen by the route), or says why not. With `after`, the
   * events since that id are replayed first, or `reset` is sent when they are no longer all known.
   */
  open(res: ServerResponse, ip: string, topics: Topics, headers: Record<string, string>, after?: number): Refusal | undefined {
    if (this.closed) return 'closing';
    if (this.streams.size >= this.options.maxConnections) return 'full';
    const fromIp = this.perIp.get(ip) ?? 0;
    if (fromIp >= this.options.maxPerIp) return 'ip';

    const stream: Stream = { res, ip, keys: topicKeys(topics), lastId: this.lastId, subscribed: false };
    this.streams.add(stream);
    this.perIp.set(ip, fromIp + 1);
    res.once('close', () => this.remove(stream));
    res.writeHead(200, headers);
    // Jittered, so that the readers of a replica that goes away do not all come back in the same second.
    const retry = Math.round(this.options.retryMs * (1 + Math.random()));
    res.write(`retry: ${retry}\n: open\n\n`);
    this.enqueue(() => this.subscribe(stream, after));
    return undefined;
  }

  /** Something may have been published: read what is new, once, and fan it out. Cheap to call often. */
  wake(): void {
    if (this.wakeQueued || this.closed) return;
    this.wakeQueued = true;
    this.enqueue(async () => {
      this.wakeQueued = false;
      await this.fanOut();
    });
  }

  /** Ends every stream and takes no more: a shutdown must not wait for readers who never hang up. */
  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const stream of [...this.streams]) stream.res.end();
  }

  /** Resolves when every fan-out and resume queued so far has run (tests and the bench wait on it). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => this.options.logger.error({ err: error }, 'live streams: could not read release events'));
  }

  private async fanOut(): Promise<void> {
    for (;;) {
      const events = await releaseEventsAfter(this.options.db, this.lastId, BATCH);
      for (const event of events) {
        const started = process.hrtime.bigint();
        const chunk = formatEvent(event);
        let streams = 0;
        for (const stream of this.byKey.get(keyOf(event)) ?? []) {
          if (stream.lastId < event.id) {
            stream.lastId = event.id;
            this.write(stream, chunk);
            streams++;
          }
        }
        this.lastId = event.id;
        if (streams > 0) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          this.options.logger.info({ event: event.id, type: event.type, slug: event.slug, streams, ms: Math.round(ms * 10) / 10 }, 'live: release sent');
        }
      }
      if (events.length < BATCH) return;
    }
  }

  private async subscribe(stream: Stream, after: number | undefined): Promise<void> {
    if (!this.streams.has(stream)) return;
    if (after !== undefined) await this.replay(stream, after);
    if (!this.streams.has(stream)) return;
    stream.subscribed = true;
    for (const key of stream.keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(stream);
    }
  }

  /**
   * Sends what the stream missed after `after`, up to what this process has fanned out (the rest
   * comes with the next fan-out). Events pruned since, too many, or an id this store never gave
   * (a reader of another store) make it a `reset`: the reader refetches everything it shows.
   */
  private async replay(stream: Stream, after: number): Promise<void> {
    const { db } = this.options;
    const reset = () => {
      stream.lastId = this.lastId;
      this.write(stream, `id: ${this.lastId}\nevent: reset\ndata: {}\n\n`);
    };
    if (after > this.lastId) {
      // Another replica may have fanned out an event this one has not read yet; the store knows.
      if (after > (await lastReleaseEventId(db))) return reset();
      stream.lastId = after;
      return;
    }
    const first = await firstReleaseEventId(db);
    if (first === 0 ? after < this.lastId : first > after + 1) return reset();
    const keys = new Set(stream.keys);
    let cursor = after;
    for (let read = 0; cursor < this.lastId; ) {
      if (read >= REPLAY_LIMIT) return reset();
      const events = await releaseEventsAfter(db, cursor, BATCH);
      if (events.length === 0) break;
      for (const event of events) {
        if (event.id > this.lastId) break;
        if (keys.has(keyOf(event))) this.write(stream, formatEvent(event));
        cursor = event.id;
      }
      read += events.length;
      if (events.length < BATCH) break;
    }
    stream.lastId = this.lastId;
  }

  private write(stream: Stream, chunk: string): void {
    const { res } = stream;
    if (res.writableEnded || res.destroyed) return;
    res.write(chunk);
    if (res.writableLength > MAX_QUEUED_BYTES) res.destroy();
  }

  private remove(stream: Stream): void {
    if (!this.streams.delete(stream)) return;
    const fromIp = (this.perIp.get(stream.ip) ?? 1) - 1;
    if (fromIp > 0) this.perIp.set(stream.ip, fromIp);
    else this.perIp.delete(stream.ip);
    if (!stream.subscribed) return;
    for (const key of stream.keys) {
      const set = this.byKey.get(key);
      set?.delete(stream);
      if (set?.size === 0) this.byKey.delete(key);
    }
  }
}
