/**
 * The box's styles (widgets/src/styles.ts, written for a shadow root) as a stylesheet for the embed page,
 * where the box is the whole document: :host rules go, the document itself is reset and transparent.
 */
import { STYLES } from '../../widgets/src/styles';

export function embedStylesheet(styles: string = STYLES): string {
  const withoutHost = styles.replace(/:host(\([^)]*\))?\{[^}]*\}\n?/g, '');
  const dark = /\.dark\{([^}]*)\}/.exec(styles)?.[1];
  if (withoutHost === styles || withoutHost.includes(':host') || !dark) {
    throw new Error('widgets/src/styles.ts changed shape: review api/pages/embed-styles.ts');
  }
  return [
    // Transparent, and no color-scheme of our own: a differing color-scheme would make Chromium paint the
    // frame's canvas opaque, and the box's rounded corners would show it.
    'html,body{margin:0;padding:0;background:transparent}',
    withoutHost,
    // theme=auto: the light box, turned dark by the reader's preference.
    `@media (prefers-color-scheme:dark){.theme-auto .light{${dark}}}`,
  ].join('\n');
}

/**
 * Without JavaScript the disclosures cannot open, so everything they hide is shown and the buttons that
 * would do nothing are hidden or made inert-looking. Loaded from <noscript>, so it costs scripted readers nothing.
 */
export const EMBED_NOSCRIPT_CSS = [
  '.more[hidden],.sec-b[hidden]{display:block}',
  '.clamp{block-size:auto;overflow:visible}',
  '.lc{display:block;-webkit-line-clamp:none}',
  '.tg{display:none}',
  '.disc{cursor:default}',
  '.disc::after{content:none}',
].join('\n');
