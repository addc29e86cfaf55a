/**
 * One attempt at one delivery: a POST of the signed body, within a deadline, reading at most
 * MAX_RESPONSE_BYTES of the answer. Redirects are not followed (a 3xx is a failure), so the address
 * checked is the one the request goes to: the name is resolved by a lookup that refuses internal
 * addresses for hosts not listed, and the socket connects to the address that lookup returned.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AttemptOutcome } from '../store/webhook-delivery.store';
import { RefusedDestination, checkWebhookUrl, isInternalAddress, isListed } from './destination';

export const MAX_RESPONSE_BYTES = 64 * 1024;
/** Of the response, what is kept to show why an attempt failed. */
const KEPT_BYTES = 300;

export interface SendOptions {
  allowedHosts: readonly string[];
  timeoutMs: number;
}

/** dns.lookup, refusing a name any of whose addresses is internal. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const internal = addresses.find((a) => isInternalAddress(a.address));
    if (internal) return callback(new RefusedDestination(`${hostname} resolves to ${internal.address}, a private, loopback or link-local address not listed in WEBHOOK_ALLOWED_HOSTS`), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

export function sendWebhook(rawUrl: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<AttemptOutcome> {
  let url: URL;
  try {
    url = checkWebhookUrl(rawUrl, options.allowedHosts);
  } catch (error) {
    return Promise.resolve({ kind: 'failed', status: null, error: `refused: ${(error as Error).message}` });
  }
  const listed = isListed(url, options.allowedHosts);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      resolve(outcome);
    };
    const requestOptions: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      // One connection per attempt: nothing pooled outlives the check of its address.
      agent: false,
      ...(listed || isIP(url.hostname) ? {} : { lookup: publicOnlyLookup }),
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, requestOptions, (res) => {
      const status = res.statusCode ?? 0;
      const kept: Buffer[] = [];
      let read = 0;
      const done = () => {
        const text = Buffer.concat(kept).toString('utf8').slice(0, KEPT_BYTES);
        if (status >= 200 && status < 300) finish({ kind: 'delivered', status });
        else if (status === 410) finish({ kind: 'gone', status });
        else finish({ kind: 'failed', status, error: `HTTP ${status}${text ? `: ${text}` : ''}` });
      };
      res.on('data', (chunk: Buffer) => {
        if (read < KEPT_BYTES) kept.push(chunk.subarray(0, KEPT_BYTES - read));
        read += chunk.length;
        // Enough: the status says how it went, and a receiver may not make us read without end.
        if (read >= MAX_RESPONSE_BYTES) done();
      });
      res.on('end', done);
      res.on('error', (error) => finish({ kind: 'failed', status, error: error.message }));
    });
    const deadline = setTimeout(() => finish({ kind: 'failed', status: null, error: `no answer within ${options.timeoutMs} ms` }), options.timeoutMs);
    req.on('error', (error) => finish({ kind: 'failed', status: null, error: error instanceof RefusedDestination ? `refused: ${error.message}` : error.message }));
    req.end(body);
  });
}
