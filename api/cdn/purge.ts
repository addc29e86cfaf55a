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

/**
 * The most an xkey-purge header carries: well inside the 8 KB a header line may have in Varnish
 * (http_req_hdr_len) and most proxies. A publish that names more tags (an entity many boxes link) is
 * sent as several purges.
 */
export const PURGE_HEADER_BYTES = 4_096;

/** The tags in groups whose space-separated header stays within PURGE_HEADER_BYTES (a longer tag goes alone). */
export function purgeGroups(tags: readonly string[]): string[] {
  const groups: string[] = [];
  let current = '';
  for (const tag of new Set(tags)) {
    if (current !== '' && current.length + 1 + tag.length > PURGE_HEADER_BYTES) {
      groups.push(current);
      current = '';
    }
    current = current === '' ? tag : `${current} ${tag}`;
  }
  if (current !== '') groups.push(current);
  return groups;
}

export function createPurger(urls: readonly string[], logger: Logger): Purger {
  return {
    async purge(tags) {
      if (urls.length === 0 || tags.length === 0) return;
      const groups = purgeGroups(tags);
      await Promise.all(
        urls.map(async (url) => {
          for (const group of groups) {
            try {
              const response = await fetch(url, { method: 'PURGE', headers: { 'xkey-purge': group }, signal: AbortSignal.timeout(TIMEOUT_MS) });
              await response.arrayBuffer().catch(() => undefined);
              if (!response.ok) logger.warn({ url, status: response.status, tags: tags.length }, 'the CDN refused a purge');
              else logger.debug({ url, tags: tags.length }, 'purged the CDN');
            } catch (error) {
              logger.warn({ url, err: error }, 'could not purge the CDN');
            }
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
