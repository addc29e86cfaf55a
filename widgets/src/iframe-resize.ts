/**
 * Sizes <iframe data-backstory> embeds (the API's embed pages) to their content.
 *
 * The one message, sent by the embed page to its parent with postMessage:
 *
 *   { type: "backstory:resize", height: number }   height of the embed's document, CSS pixels
 *
 * and the one question, sent by this script to each embed already on the page when it starts, which the
 * embed answers with that message: "backstory:resize" (a frame may have told its height before anyone listened).
 *
 * It is honoured only when it comes from that iframe's own window (event.source === iframe.contentWindow)
 * and from the origin of its src, so neither another frame nor a navigated-away iframe can resize it.
 * Heights are clamped to [0, MAX_HEIGHT] so a broken embed cannot push the article off the page, and never
 * go below the iframe's height attribute, which the snippet set to reserve the box's place (no layout shift).
 */
import { guard } from './log';

export const RESIZE = 'backstory:resize';
export const MAX_HEIGHT = 4000;

export interface ResizeMessage {
  type: typeof RESIZE;
  height: number;
}

export function isResizeMessage(data: unknown): data is ResizeMessage {
  // Number.isFinite is false for anything but a number: a string or a missing height is no message.
  return (data as Partial<ResizeMessage> | null)?.type === RESIZE && Number.isFinite((data as ResizeMessage).height);
}

export function clampHeight(height: number): number {
  return Math.min(MAX_HEIGHT, Math.max(0, Math.round(height)));
}

function originOf(src: string): string | undefined {
  try {
    return new URL(src).origin;
  } catch {
    return undefined;
  }
}

export function watchIframes(win: Window): () => void {
  const onMessage = (event: MessageEvent): void => {
    guard(() => {
      for (const frame of win.document.querySelectorAll<HTMLIFrameElement>('iframe[data-backstory]')) {
        if (event.source && event.source === frame.contentWindow && event.origin === originOf(frame.src) && isResizeMessage(event.data)) {
          // CSSOM, not a style attribute: allowed under a strict style-src. Never below the height the
          // snippet reserved, so that a fallback shorter than the box does not pull the article up.
          frame.style.height = `${Math.max(clampHeight(event.data.height), +frame.getAttribute('height')! | 0)}px`;
        }
      }
    });
  };
  win.addEventListener('message', onMessage);
  // A frame that told its height before this script ran is asked to tell it again (embed-frame.ts).
  for (const frame of win.document.querySelectorAll<HTMLIFrameElement>('iframe[data-backstory]')) frame.contentWindow?.postMessage(RESIZE, '*');
  return () => win.removeEventListener('message', onMessage);
}
