/**
 * backstory.js: what a news site pastes in.
 *
 *   <script async src="https://backstory.example/widgets/v1/backstory.js"></script>
 *   <backstory-box explainer="what-is-isis-k"></backstory-box>
 *
 * Defines <backstory-box> (container.ts), sizes <iframe data-backstory> embeds (iframe-resize.ts) and
 * exposes one global, window.Backstory = { version, destroy() }. Loading the script twice is harmless:
 * the second copy sees the first and does nothing.
 */
import { BackstoryBox, destroyAll } from './container';
import { watchIframes } from './iframe-resize';
import { guard } from './log';

declare const __BACKSTORY_VERSION__: string | undefined;

export interface BackstoryGlobal {
  version: string;
  /** Removes every box's rendering, styles, listeners and observers, and this global. */
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

function scriptOrigin(): string {
  try {
    if (script?.src) return new URL(script.src).origin;
  } catch {
    // fall through to the page's origin, the right answer for a self-hosted copy
  }
  return location.origin;
}

guard(() => {
  if (window.Backstory) return;
  BackstoryBox.defaultApi = scriptOrigin();
  if (!customElements.get(TAG)) customElements.define(TAG, BackstoryBox);
  const stopIframes = watchIframes(window);
  window.Backstory = {
    version: VERSION,
    destroy() {
      guard(() => {
        stopIframes();
        destroyAll();
        delete window.Backstory;
      });
    },
  };
});
