/**
 * A Server-Sent Events reader for the tests and the bench, over fetch: the status and headers of the
 * answer, then its events and comments as they arrive, parsed as the EventSource specification says.
 */
export interface SseEvent {
  /** `message` unless the event named another type; `comment` for a comment line's block. */
  event: string;
  id?: string;
  data: string;
  retry?: number;
  comment?: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Every block received so far, comments included. */
  received: SseEvent[];
  /** Resolves with the first block (from the start) that matches, or rejects after timeoutMs. */
  next(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openStream(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const received: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let done = false;
  const parse = (block: string) => {
    const event: SseEvent = { event: 'message', data: '' };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === '') event.comment = (event.comment ? `${event.comment}\n` : '') + value;
      else if (field === 'event') event.event = value;
      else if (field === 'id') event.id = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry') event.retry = Number(value);
    }
    event.data = data.join('\n');
    if (data.length === 0 && event.comment !== undefined) event.event = 'comment';
    received.push(event);
    for (const wake of [...waiters]) wake();
  };
  const ended = (async () => {
    if (!response.body || response.status !== 200) {
      done = true;
      return;
    }
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    } finally {
      done = true;
      for (const wake of [...waiters]) wake();
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    received,
    ended,
    next(match, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (found) {
            cleanup();
            resolve(found);
          } else if (done) {
            cleanup();
            reject(new Error(`the stream ended without the event; received ${JSON.stringify(received)}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(received)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
    },
  };
}
