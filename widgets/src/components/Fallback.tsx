import { type UiTables, ui as uiFor } from '../i18n';
import type { Theme } from './ContextBox';
import { httpUrl } from './links';

export interface FallbackProps {
  /** Where the explainer lives on the Backstory site. */
  href: string;
  /** The reader's languages, best first. */
  langs?: readonly string[];
  /** The words at hand beside English. */
  strings?: UiTables;
  theme?: Theme;
}

/** What an unknown slug or a failed request leaves: a quiet link, never an error message to readers. */
export function Fallback({ href, langs = [], strings, theme = 'light' }: FallbackProps) {
  const url = httpUrl(href);
  if (!url) return null;
  return (
    <p class={`fb ${theme}`}>
      <a part="fallback" href={url} target="_blank" rel="noopener">
        {uiFor(langs, strings).t.readExplainer}
      </a>
    </p>
  );
}
