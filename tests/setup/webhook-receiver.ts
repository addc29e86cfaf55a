import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** How to answer one request; the default answers 204. */
export type Responder = (req: IncomingMessage, res: ServerResponse, received: ReceivedWebhook) => void;

/** A real HTTP server on 127.0.0.1 that keeps every webhook it is sent. */
export interface WebhookReceiver {
  url: string;
  host: string;
  received: ReceivedWebhook[];
  respond: Responder;
  /** Resolves once `count` webhooks (matching, when given) have arrived; rejects after timeoutMs. */
  waitFor(count: number, match?: (w: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** port 0 picks a free one. */
export async function startReceiver(respond: Responder = (_req, res) => res.writeHead(204).end(), port = 0): Promise<WebhookReceiver> {
  const waiters = new Set<() => void>();
  const receiver = {} as WebhookReceiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      const received = { headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      receiver.received.push(received);
      receiver.respond(req, res, received);
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  Object.assign(receiver, {
    url: `http://127.0.0.1:${listening}/hooks/backstory`,
    host: `127.0.0.1:${listening}`,
    received: [],
    respond,
    waitFor(count: number, match: (w: ReceivedWebhook) => boolean = () => true, timeoutMs = 20_000) {
      return new Promise<ReceivedWebhook[]>((resolve, reject) => {
        const check = () => {
          const found = receiver.received.filter(match);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} webhooks within ${timeoutMs} ms, got ${receiver.received.filter(match).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return receiver;
}
