/**
 * backstory.js: what a news site pastes in.
 *
 *   <script async src="https://backstory.example/widgets/v1/backstory.js"></script>
 *   <backstory-box explainer="what-is-isis-k"></backstory-box>
 *
 * Defines <backstory-box> (container.ts), sizes <iframe data-backstory> embeds (iframe-resize.ts),
 * loads the hovercards' chunk (mentions/index.ts) when the page has a <backstory-mentions> or calls
 * Backstory.mentions(el), and exposes one global, window.Backstory = { version, mentions(el), destroy() }.
 * Loading the script twice is harmless: the second copy sees the first and does nothing.
 */
import { BackstoryBox, destroyAll } from './container';
import { watchIframes } from './iframe-resize';
import { guard } from './log';

declare const __BACKSTORY_VERSION__: string | undefined;
/** The chunk's file name and its Subresource Integrity, put in by widgets/build.ts. */
declare const __MENTIONS_FILE__: string;
declare const __MENTIONS_INTEGRITY__: string;

export interface BackstoryGlobal {
  version: string;
  /**
   * Gives the element's text hovercards, as wrapping it in <backstory-mentions> does. Until the chunk
   * has loaded, elements wait in `queue`; the chunk then replaces this function, and wraps destroy().
   */
  mentions(el: Element): void;
  queue: Element[];
  /** Removes every box's rendering, styles, listeners and observers, every hovercard, and this global. */
  destroy(): void;
}

declare global {
  interface Window {
    Backstory?: BackstoryGlobal;
  }
}

const TAG = 'backstory-box';
const VERSION = typeof __BACKSTORY_VERSION__ === 'string' ? __BACKSTORY_VERSION__ : 'dev';

// Read now: currentScript is null once this script has finished its first run.
const script = document.currentScript as HTMLScriptElement | null;

/** A script the browser ran from a src has an absolute URL there; without one, the page's origin is the right answer. */
function scriptOrigin(): string {
  return script?.src ? new URL(script.src).origin : location.origin;
}

guard(() => {
  if (window.Backstory) return;
  BackstoryBox._defaultApi = scriptOrigin();
  if (!customElements.get(TAG)) customElements.define(TAG, BackstoryBox);
  const stopIframes = watchIframes(window);
  const queue: Element[] = [];
  // Every byte here is paid by every page with a box: the hovercards' own code is all in the chunk.
  let chunk: unknown;
  const load = (_?: unknown) =>
    (chunk ??= document.head.appendChild(
      Object.assign(document.createElement('script'), { src: `${BackstoryBox._defaultApi}/widgets/${__MENTIONS_FILE__}`, integrity: __MENTIONS_INTEGRITY__, crossOrigin: '' }),
    ));
  const look = () => document.querySelector('backstory-mentions') && load();
  look();
  addEventListener('DOMContentLoaded', look);
  window.Backstory = {
    version: VERSION,
    queue,
    mentions: (el) => load(queue.push(el)),
    destroy() {
      guard(() => {
        stopIframes();
        destroyAll();
        delete window.Backstory;
      });
    },
  };
});
