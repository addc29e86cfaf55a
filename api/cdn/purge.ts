/**
 * Tells the CDNs in front of Backstory what a publish changed: an HTTP PURGE to each PURGE_URLS entry
 * carrying the tags in `xkey-purge` (space-separated), which Varnish's xkey module reads as it is (see
 * examples/varnish/backstory.vcl). Only the process that took the write sends it: replicas share the CDN.
 */
import type { Logger } from 'pino';

export interface Purger {
  purge(tags: readonly string[]): Promise<void>;
}

/** Purges are small and idempotent; one that times out is logged, and the CDN's max-age bounds the staleness. */
const TIMEOUT_MS = 5_000;

export function createPurger(urls: readonly string[], logger: Logger): Purger {
  return {
    async purge(tags) {
      if (urls.length === 0 || tags.length === 0) return;
      await Promise.all(
        urls.map(async (url) => {
          try {
            const response = await fetch(url, { method: 'PURGE', headers: { 'xkey-purge': tags.join(' ') }, signal: AbortSignal.timeout(TIMEOUT_MS) });
            await response.arrayBuffer().catch(() => undefined);
            if (!response.ok) logger.warn({ url, status: response.status, tags: tags.length }, 'the CDN refused a purge');
            else logger.debug({ url, tags: tags.length }, 'purged the CDN');
          } catch (error) {
            logger.warn({ url, err: error }, 'could not purge the CDN');
          }
        }),
      );
    },
  };
}

/** Surrogate-Key (Fastly, Varnish: space-separated) and Cache-Tag (Cloudflare: comma-separated). */
export function tagHeaders(tags: Iterable<string>): Record<string, string> {
  const list = [...new Set(tags)].sort();
  if (list.length === 0) return {};
  return { 'surrogate-key': list.join(' '), 'cache-tag': list.join(',') };
}
