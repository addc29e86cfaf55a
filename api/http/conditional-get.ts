import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import etag from 'etag';
import fresh from 'fresh';

/**
 * Conditional GET and compression for every route that answers a body it can validate: widget
 * files, pages and cached GraphQL responses. A body is turned into a representation once (its
 * strong validator from `etag`, its compressed copies), and `fresh` decides whether the client
 * already has it.
 */
export interface Representation {
  body: Buffer;
  type: string;
  /** Strong validator of the identity bytes; a compressed copy's adds -br or -gz. */
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * `best` is for bytes compressed once and served for a long time (brotli 11 and gzip 9); `fast`
 * for bytes compressed per response or per cache entry (gzip 6).
 */
export type Compression = 'best' | 'fast' | 'none';

const compressible = /^(text\/|application\/(json|javascript|graphql-response\+json))/;

export function representation(body: Buffer | string, type: string, compression: Compression = 'none'): Representation {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const rep: Representation = { body: bytes, type, etag: etag(bytes) };
  if (compression === 'none' || bytes.length <= 512 || !compressible.test(type)) return rep;
  if (compression === 'best') rep.br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  rep.gzip = gzipSync(bytes, { level: compression === 'best' ? 9 : 6 });
  return rep;
}

export function acceptsEncoding(req: IncomingMessage, coding: string): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return name === coding && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Answers with the representation, brotli, gzip or identity as the client accepts, or with 304
 * when its If-None-Match names the validator. Headers given here are sent on both.
 */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation, headers: Record<string, string> = {}, status = 200): void {
  let body = rep.body;
  const out: Record<string, string> = { 'content-type': rep.type, 'x-content-type-options': 'nosniff', ...headers, etag: rep.etag };
  if (rep.br || rep.gzip) {
    if (!/accept-encoding/i.test(out.vary ?? '')) out.vary = out.vary ? `${out.vary}, accept-encoding` : 'accept-encoding';
    if (rep.br && acceptsEncoding(req, 'br')) {
      body = rep.br;
      out.etag = `${rep.etag.slice(0, -1)}-br"`;
      out['content-encoding'] = 'br';
    } else if (rep.gzip && acceptsEncoding(req, 'gzip')) {
      body = rep.gzip;
      out.etag = `${rep.etag.slice(0, -1)}-gz"`;
      out['content-encoding'] = 'gzip';
    }
  }
  // Only If-None-Match is given to fresh: fetch() adds Cache-Control: no-cache to every conditional
  // request, which fresh reads as a reload, yet an origin may still answer such a request with 304.
  if (status === 200 && (req.method === 'GET' || req.method === 'HEAD') && fresh({ 'if-none-match': req.headers['if-none-match'] }, { etag: out.etag })) {
    delete out['content-type'];
    delete out['content-encoding'];
    res.writeHead(304, out);
    res.end();
    return;
  }
  res.writeHead(status, { ...out, 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
