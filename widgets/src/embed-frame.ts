/**
 * backstory-frame.<hash>.js: the script of the API's embed page (/embed/explainers/:slug), which a host
 * page puts in <iframe data-backstory>.
 *
 * The page arrives with the box already rendered by the server. This script makes it interactive by
 * hydrating the same ContextBox with the same props (read from the #backstory-props data block), and
 * tells the host how tall the page is whenever that changes, with the one message iframe-resize.ts
 * accepts on the host side:
 *
 *   { type: "backstory:resize", height: number }
 *
 * and tells it again whenever its parent posts "backstory:resize" (the host's backstory.js does when it
 * starts, since it may have missed the first). The target origin is "*": the host can be any site, and a
 * height is no secret.
 */
import { h, hydrate } from 'preact';
import { ContextBox, type ContextBoxProps } from './components/ContextBox';
import { RESIZE, type ResizeMessage } from './iframe-resize';
import { guard } from './log';

const ROOT_ID = 'backstory-root';
const PROPS_ID = 'backstory-props';

function hydrateBox(): void {
  const root = document.getElementById(ROOT_ID);
  const data = document.getElementById(PROPS_ID)?.textContent;
  if (!root || !data) return;
  hydrate(h(ContextBox, JSON.parse(data) as ContextBoxProps), root);
}

function reportHeight(): void {
  if (window.parent === window || typeof ResizeObserver !== 'function') return;
  const page = document.documentElement;
  let last = -1;
  const report = (always: boolean) =>
    guard(() => {
      const height = Math.ceil(page.getBoundingClientRect().height);
      if (height === last && !always) return;
      last = height;
      const message: ResizeMessage = { type: RESIZE, height };
      window.parent.postMessage(message, '*');
    });
  new ResizeObserver(() => report(false)).observe(page);
  // The host's backstory.js, when it starts after this frame has reported, asks again (iframe-resize.ts).
  addEventListener('message', (event) => event.source === window.parent && event.data === RESIZE && report(true));
}

guard(hydrateBox);
guard(reportHeight);
