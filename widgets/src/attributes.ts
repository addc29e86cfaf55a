/** Everything a publisher can say on <backstory-box>, each read with its default beside it. */
import type { Variant } from './components/ContextBox';
import { headingLevel } from './components/heading';

export type ThemeSetting = 'light' | 'dark' | 'auto';

export interface BoxOptions {
  explainer?: string;
  entity?: string;
  section?: string;
  variant: Variant;
  theme: ThemeSetting;
  /** UI language the publisher asked for; unset means "the content's". */
  lang?: string;
  /** Language of the page around the box: asked of the API, and the UI's last resort. */
  pageLang?: string;
  open: boolean;
  api: string;
  headingLevel: number;
}

export const OBSERVED_ATTRIBUTES = ['explainer', 'entity', 'section', 'variant', 'theme', 'lang', 'open', 'api', 'heading-level'];

export function readOptions(el: Element, defaultApi: string): BoxOptions {
  const attr = (name: string): string | undefined => el.getAttribute(name)?.trim() || undefined;
  const theme = attr('theme');
  return {
    explainer: attr('explainer'), // slug; wins over entity when both are given
    entity: attr('entity'), // any name or alias of the subject, e.g. "ISKP"
    section: attr('section'), // default: all sections
    variant: attr('variant') === 'full' ? 'full' : 'compact', // default compact
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto', // default auto
    lang: attr('lang'), // default: the content's locale, then the page's
    pageLang: el.closest('[lang]')?.getAttribute('lang')?.trim() || undefined,
    open: el.hasAttribute('open'), // default closed
    api: (attr('api') ?? defaultApi).replace(/\/+$/, ''), // default: where backstory.js came from
    headingLevel: headingLevel(attr('heading-level'), 2), // default 2
  };
}
