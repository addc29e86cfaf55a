/**
 * Where a webhook may go. A URL must be https, or http to a host the operator listed in
 * WEBHOOK_ALLOWED_HOSTS (`host` or `host:port`); it may reach a private, loopback or link-local address
 * only when its host is listed. The address is checked when the request connects, on the address it
 * connects to (a name that resolved to a public address when the endpoint was made may not any more).
 */
import { BlockList, isIP } from 'node:net';
import { StoreInputError } from '../store/errors';

export class RefusedDestination extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedDestination';
  }
}

/** Not the public internet: this host, its networks, link-local, carrier NAT, multicast, reserved, documentation. */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  // The unspecified address, loopback and the IPv4-compatible ones (::127.0.0.1).
  ['::', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) internal.addSubnet(net, prefix, 'ipv6');

/** True for any address outside the public internet; an IPv4-mapped IPv6 address is judged as its IPv4. */
export function isInternalAddress(address: string): boolean {
  const mapped = mappedIpv4(address);
  if (mapped) return internal.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The IPv4 address inside ::ffff:a.b.c.d, also as URL writes it (::ffff:7f00:1). */
function mappedIpv4(address: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The host as URL gives it, without IPv6 brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** Whether the operator listed this URL's host, alone (any port) or with its port. */
export function isListed(url: URL, allowedHosts: readonly string[]): boolean {
  const host = bareHost(url);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowedHosts.some((entry) => {
    const withPort = /^\[?([^\]]*?)\]?:(\d+)$/.exec(entry);
    // An IPv6 address without a port has colons but no brackets.
    if (withPort && isIP(entry) !== 6) return withPort[1] === host && withPort[2] === port;
    return entry.replace(/^\[(.*)\]$/, '$1') === host;
  });
}

/**
 * The URL as it will be called, or the reason it may not be: checked when an endpoint is saved, and
 * again at every delivery (the list may have changed since).
 */
export function checkWebhookUrl(raw: string, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new RefusedDestination('not a URL');
  }
  if (raw.length > 2000) throw new RefusedDestination('at most 2000 characters');
  if (url.username || url.password) throw new RefusedDestination('a webhook URL may not carry credentials; verify the signature instead');
  url.hash = '';
  const listed = isListed(url, allowedHosts);
  if (url.protocol === 'http:' && !listed) throw new RefusedDestination('must be https (plain http only to a host listed in WEBHOOK_ALLOWED_HOSTS)');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RefusedDestination('must be https');
  const host = bareHost(url);
  if (!listed && isIP(host) && isInternalAddress(host)) throw new RefusedDestination(`${host} is a private, loopback or link-local address, not listed in WEBHOOK_ALLOWED_HOSTS`);
  return url;
}

/** For the store: the canonical URL, or the client's error on `input.url`. */
export function webhookUrlChecker(allowedHosts: readonly string[]): (url: string) => string {
  return (raw) => {
    try {
      return checkWebhookUrl(raw, allowedHosts).href;
    } catch (error) {
      if (error instanceof RefusedDestination) throw new StoreInputError(['input', 'url'], error.message);
      throw error;
    }
  };
}
