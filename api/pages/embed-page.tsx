/**
 * /embed/explainers/:slug: the box as a page of its own, for <iframe data-backstory> and oEmbed.
 *
 * The box is rendered here on the server, so it reads without JavaScript (a <noscript> stylesheet then
 * opens every part and hides the buttons that would do nothing). With JavaScript the frame script
 * hydrates the same component from the props in #backstory-props and reports the page's height to the
 * host (see widgets/src/embed-frame.ts).
 */
import { ContextBox, type Variant } from '../../widgets/src/components/ContextBox';
import type { ThemeSetting } from '../../widgets/src/attributes';
import { type UiTables, ui, uiLang } from '../../widgets/src/i18n';
import { STRINGS } from '../../widgets/src/strings';
import type { ContextBoxData } from '../../widgets/src/types';
import { directionOf } from '../locale/negotiate';
import { JsonScript, renderDocument } from './document';
import { pageStrings } from './page-strings';

export const EMBED_ROOT_ID = 'backstory-root';
export const EMBED_PROPS_ID = 'backstory-props';

export interface EmbedAssets {
  stylesheet: string;
  noscriptStylesheet: string;
  /** Absent when the widget build is missing: the page then stays a static render. */
  frameScript?: string;
}

export interface EmbedPageProps {
  box: ContextBoxData;
  variant: Variant;
  theme: ThemeSetting;
  assets: EmbedAssets;
  /** The reader's languages, best first, for the box's own words. */
  uiLocales?: string[];
}

/** Exactly what the frame script hands to ContextBox again; any difference would break hydration. */
export interface EmbedProps {
  box: ContextBoxData;
  variant: Variant;
  theme: 'light' | 'dark';
  idPrefix: string;
  langs: string[];
  /** The words of the language the box speaks, when not English (the frame script carries only English). */
  strings: UiTables;
}

function Head({ assets }: { assets: EmbedAssets }) {
  return (
    <>
      <meta name="robots" content="noindex" />
      <noscript>
        <link rel="stylesheet" href={assets.noscriptStylesheet} />
      </noscript>
      {assets.frameScript && <script defer src={assets.frameScript} />}
    </>
  );
}

export function renderEmbedPage({ box, variant, theme, assets, uiLocales = [] }: EmbedPageProps): string {
  // "auto" renders the light box and lets a media query in the stylesheet turn it dark: the iframe cannot
  // see the host's theme, only the reader's preference, and CSS follows that without a repaint from script.
  const spoken = ui([...uiLocales, box.locale], STRINGS).lang;
  const strings: UiTables = spoken === 'en' ? {} : { [spoken]: STRINGS[spoken] };
  const props: EmbedProps = { box, variant, theme: theme === 'dark' ? 'dark' : 'light', idPrefix: 'backstory', langs: uiLocales, strings };
  // The document is in the content's language; the box says which language its own words are in.
  return renderDocument({
    lang: box.locale,
    dir: directionOf(box.locale),
    title: box.question,
    stylesheets: [assets.stylesheet],
    bodyClass: `theme-${theme}`,
    head: <Head assets={assets} />,
    children: (
      <>
        <div id={EMBED_ROOT_ID}>
          <ContextBox {...props} />
        </div>
        <JsonScript type="application/json" id={EMBED_PROPS_ID} value={props} />
      </>
    ),
  });
}

/** What an iframe shows for an unknown or unpublished explainer: one quiet line, never an error page. */
export function renderEmbedUnavailable({ lang = 'en', theme, assets }: { lang?: string; theme: ThemeSetting; assets: EmbedAssets }): string {
  const s = pageStrings(lang);
  const tag = uiLang(lang);
  return renderDocument({
    lang: tag,
    dir: directionOf(tag),
    title: s.unavailable,
    stylesheets: [assets.stylesheet],
    bodyClass: `theme-${theme}`,
    head: <Head assets={assets} />,
    children: <p class={`fb ${theme === 'dark' ? 'dark' : 'light'}`}>{s.unavailable}</p>,
  });
}
