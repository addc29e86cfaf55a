/** Everything a publisher can say on <backstory-box>, each read with its default beside it. */
import type { Variant } from './components/ContextBox';
import { canonicalTag } from '../../api/locale/negotiate';
import { headingLevel } from './components/heading';

export type ThemeSetting = 'light' | 'dark' | 'auto';

export interface BoxOptions {
  explainer?: string;
  entity?: string;
  section?: string;
  variant: Variant;
  theme: ThemeSetting;
  /**
   * The reader's languages, best first: the element's lang, the nearest ancestor's, the page's, then the
   * browser's. Well-formed tags only (`en_US` reads as en-US; `12` is skipped). The first is asked of the
   * API; the box's own words follow the list, then the content's locale.
   */
  langs: string[];
  open: boolean;
  api: string;
  headingLevel: number;
  /** The element's own dir: the box's direction whatever language it speaks. */
  dir?: Direction;
  /** The nearest ancestor's dir: the box's direction when its words do not set one (right-to-left ones do). */
  pageDir?: Direction;
}

export type Direction = 'ltr' | 'rtl';

export const OBSERVED_ATTRIBUTES = ['explainer', 'entity', 'section', 'variant', 'theme', 'lang', 'dir', 'open', 'api', 'heading-level'];

function direction(el: Element | null | undefined): Direction | undefined {
  const dir = el?.getAttribute('dir')?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
}

function readerLangs(el: Element): string[] {
  const tags: Array<string | null | undefined> = [];
  // Every lang on the way up, nearest first: an unusable one (lang="", lang="12") gives way to the next.
  for (let node: Element | null = el; node; node = node.parentElement) tags.push(node.getAttribute('lang'));
  tags.push(...(typeof navigator === 'object' ? (navigator.languages ?? [navigator.language]) : []));
  return [...new Set(tags.map(canonicalTag).filter((tag): tag is string => tag !== undefined))];
}

export function readOptions(el: Element, defaultApi: string): BoxOptions {
  const attr = (name: string): string | undefined => el.getAttribute(name)?.trim() || undefined;
  const theme = attr('theme');
  return {
    explainer: attr('explainer'), // slug; wins over entity when both are given
    entity: attr('entity'), // any name or alias of the subject, e.g. "ISKP"
    section: attr('section'), // default: all sections
    variant: attr('variant') === 'full' ? 'full' : 'compact', // default compact
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto', // default auto
    langs: readerLangs(el), // default: the page's language, then the browser's
    open: el.hasAttribute('open'), // default closed
    api: (attr('api') ?? defaultApi).replace(/\/+$/, ''), // default: where backstory.js came from
    headingLevel: headingLevel(attr('heading-level'), 2), // default 2
    dir: direction(el), // default: the language's, then the page's
    pageDir: direction(el.parentElement?.closest('[dir=rtl i],[dir=ltr i]')), // default: none
  };
}
