import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { send } from './route';

/** A file held in memory with its validator and, when worth it, pre-compressed copies. */
export interface StaticFile {
  body: Buffer;
  type: string;
  /** Strong validator of the identity bytes; compressed copies add -br / -gz. */
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

/** Hex digest prefix used in file names and validators. */
export function contentHash(bytes: Buffer | string, length = 16): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
}

export function staticFile(body: Buffer | string, type: string): StaticFile {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const file: StaticFile = { body: bytes, type, etag: `"${contentHash(bytes)}"` };
  // Compressed once at start: every reader of every partner page gets the small copy for free.
  if (bytes.length > 512 && /^(text\/|application\/(json|javascript))/.test(type)) {
    file.br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    file.gzip = gzipSync(bytes, { level: 9 });
  }
  return file;
}

/** True when the request's If-None-Match names this validator (weak comparison, as RFC 9110 asks). */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
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

/** Answers with the file (brotli, gzip or identity as the client accepts), or 304 when the client has it. */
export function sendStatic(req: IncomingMessage, res: ServerResponse, file: StaticFile, headers: Record<string, string> = {}): void {
  let body = file.body;
  let etag = file.etag;
  const out: Record<string, string> = { 'content-type': file.type, 'x-content-type-options': 'nosniff', ...headers };
  if (file.br || file.gzip) {
    out.vary = 'accept-encoding';
    if (file.br && acceptsEncoding(req, 'br')) {
      body = file.br;
      etag = `${file.etag.slice(0, -1)}-br"`;
      out['content-encoding'] = 'br';
    } else if (file.gzip && acceptsEncoding(req, 'gzip')) {
      body = file.gzip;
      etag = `${file.etag.slice(0, -1)}-gz"`;
      out['content-encoding'] = 'gzip';
    }
  }
  out.etag = etag;
  if (notModified(req, etag)) {
    delete out['content-type'];
    delete out['content-encoding'];
    res.writeHead(304, out);
    res.end();
    return;
  }
  send(res, 200, body, out);
}
