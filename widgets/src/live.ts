/**
 * Live boxes: one EventSource per API for every box on the page (api/http/live.ts), opened when the
 * first box has loaded (boxes load as they near the viewport) and closed once the page has been hidden
 * for a while. A listener hears the id of each release of its explainer, and 0 when it should check
 * anyway: after a `reset`, or, where the API refused the stream, each time the page is shown again.
 */
import { guard } from './log';

type Listener = (event: number) => void;

interface Feed {
  follow(slug: string, listener: Listener): () => void;
  stop(): void;
}

/** How long the page may stay hidden before its stream is closed. */
const HIDDEN_MS = 60_000;

const feeds = new Map<string, Feed>();

function feed(api: string): Feed {
  const slugs = new Map<string, Set<Listener>>();
  let source: EventSource | undefined;
  /** The last event id heard, sent again when the stream is reopened. */
  let last = '';
  let refused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const all = (event: number) => slugs.forEach((set) => set.forEach((listener) => listener(event)));
  const close = () => {
    source?.close();
    source = undefined;
  };
  const open = () => {
    close();
    const params = new URLSearchParams([...slugs.keys()].map((slug) => ['explainer', slug]));
    if (last) params.set('lastEventId', last);
    const s = (source = new EventSource(`${api}/live/v1/events?${params}`));
    const heard = (e: Event) =>
      guard(() => {
        const data = JSON.parse((e as MessageEvent).data);
        last = (e as MessageEvent).lastEventId;
        // A reset asks every box again; a schedule or an unpublish made no release a box could show.
        if (e.type === 'reset') all(0);
        else if (data.release) slugs.get(data.slug)?.forEach((listener) => listener(+last));
      });
    s.addEventListener('release', heard);
    s.addEventListener('reset', heard);
    // CLOSED after an error: the API answered other than 200 (503: too many streams) and the browser gives up.
    s.onerror = () => {
      if (s.readyState === 2) {
        refused = true;
        source = undefined;
      }
    };
  };
  const onVisibility = () => {
    clearTimeout(timer);
    if (document.hidden) timer = setTimeout(close, HIDDEN_MS);
    else if (refused) all(0);
    else if (!source) open();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return {
    follow(slug, listener) {
      let set = slugs.get(slug);
      if (!set) {
        slugs.set(slug, (set = new Set()));
        // A new slug needs a new stream; the boxes that load together share one.
        clearTimeout(timer);
        if (!refused) timer = setTimeout(() => document.hidden || open());
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    stop() {
      clearTimeout(timer);
      close();
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

/** Calls listener on each release of the explainer at this API; returns the way to stop. */
export function follow(api: string, slug: string, listener: Listener): () => void {
  if (!feeds.has(api)) feeds.set(api, feed(api));
  return feeds.get(api)!.follow(slug, listener);
}

/** Closes every stream and forgets every box. */
export function stopFollowing(): void {
  feeds.forEach((f) => f.stop());
  feeds.clear();
}
