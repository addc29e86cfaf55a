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

type Coding = 'br' | 'gzip' | undefined;

/** Which copy the client gets: brotli, gzip or identity, as it accepts. */
function codingFor(req: IncomingMessage, rep: Representation): Coding {
  if (rep.br && acceptsEncoding(req, 'br')) return 'br';
  if (rep.gzip && acceptsEncoding(req, 'gzip')) return 'gzip';
  return undefined;
}

/** The headers of one copy of a representation, with those given. */
function headersFor(rep: Representation, headers: Record<string, string>, coding: Coding): Record<string, string> {
  const out: Record<string, string> = { 'content-type': rep.type, 'x-content-type-options': 'nosniff', ...headers, etag: rep.etag };
  if (rep.br || rep.gzip) {
    if (!/accept-encoding/i.test(out.vary ?? '')) out.vary = out.vary ? `${out.vary}, accept-encoding` : 'accept-encoding';
  }
  if (coding === 'br') {
    out.etag = `${rep.etag.slice(0, -1)}-br"`;
    out['content-encoding'] = 'br';
  } else if (coding === 'gzip') {
    out.etag = `${rep.etag.slice(0, -1)}-gz"`;
    out['content-encoding'] = 'gzip';
  }
  return out;
}

const bytesOf = (rep: Representation, coding: Coding): Buffer => (coding === 'br' ? rep.br! : coding === 'gzip' ? rep.gzip! : rep.body);

/**
 * Answers with the representation, brotli, gzip or identity as the client accepts, or with 304
 * when its If-None-Match names the validator. Headers given here are sent on both.
 */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation, headers: Record<string, string> = {}, status = 200): void {
  const coding = codingFor(req, rep);
  const out = headersFor(rep, headers, coding);
  const body = bytesOf(rep, coding);
  if (status === 200 && notModified(req, out.etag)) return sendNotModified(res, out);
  res.writeHead(status, { ...out, 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// Only If-None-Match is given to fresh: fetch() adds Cache-Control: no-cache to every conditional
// request, which fresh reads as a reload, yet an origin may still answer such a request with 304.
function notModified(req: IncomingMessage, etag: string): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  return ifNoneMatch !== undefined && (req.method === 'GET' || req.method === 'HEAD') && fresh({ 'if-none-match': ifNoneMatch }, { etag });
}

function sendNotModified(res: ServerResponse, headers: Record<string, string>): void {
  const out = { ...headers };
  delete out['content-type'];
  delete out['content-encoding'];
  res.writeHead(304, out);
  res.end();
}

/**
 * A representation answered many times with the same headers (a cached response): each copy's
 * headers are put together once, so that answering it is choosing a copy and writing it.
 */
export interface PreparedRepresentation {
  rep: Representation;
  copies: Map<Coding, { headers: Record<string, string>; body: Buffer }>;
}

export function prepare(rep: Representation, headers: Record<string, string>): PreparedRepresentation {
  const copies = new Map<Coding, { headers: Record<string, string>; body: Buffer }>();
  for (const coding of [undefined, ...(rep.gzip ? ['gzip' as const] : []), ...(rep.br ? ['br' as const] : [])]) {
    const body = bytesOf(rep, coding);
    copies.set(coding, { headers: { ...headersFor(rep, headers, coding), 'content-length': String(body.length) }, body });
  }
  return { rep, copies };
}

/** sendRepresentation(req, res, prepared.rep, headers) with the headers prepare() was given, for GET and HEAD. */
export function sendPrepared(req: IncomingMessage, res: ServerResponse, prepared: PreparedRepresentation): void {
  const copy = prepared.copies.get(req.headers['accept-encoding'] === undefined ? undefined : codingFor(req, prepared.rep))!;
  if (notModified(req, copy.headers.etag)) {
    const { 'content-length': _length, ...headers } = copy.headers;
    return sendNotModified(res, headers);
  }
  res.writeHead(200, copy.headers);
  res.end(req.method === 'HEAD' ? undefined : copy.body);
}
