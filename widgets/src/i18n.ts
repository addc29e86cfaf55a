/**
 * The box's own words. Content comes translated from the API; only the chrome around it lives here.
 * Templates use `{name}` placeholders and are split into parts (see `fill`) so a component can put an
 * element, such as an isolating <bdi>, where the placeholder was.
 *
 * Each language's table is in strings/<lang>.ts. Only English is built into backstory.js; the widget
 * fetches another language's table (strings-loader.ts) and hands it to the components, which speak the
 * best language among the tables they are given.
 */
import { canonicalTag, lookupChain, negotiate } from '../../api/locale/negotiate';
import { en } from './strings/en';
import type { KeyFactKind } from './types';

/** The languages the box speaks. */
export const UI_LANGS = ['en', 'ar', 'fa', 'ur', 'fr', 'es', 'de'] as const;
export type UiLang = (typeof UI_LANGS)[number];

export interface UiStrings {
  /** The direction the language is written in. */
  dir: 'ltr' | 'rtl';
  showMore: string;
  showLess: string;
  readExplainer: string;
  fullExplainer: string;
  overview: string;
  keyFacts: string;
  sources: string;
  correction: string;
  /** {date} */
  updated: string;
  /** Shown when a live update has just changed the box */
  updatedNow: string;
  /** {source}: the note set beside a claim the source supports */
  according: string;
  /** {speakers} {source} */
  quotedVia: string;
  /** {speakers} */
  quoted: string;
  factKinds: Record<Exclude<KeyFactKind, 'OTHER'>, string>;
}

/** The tables at hand, by language; English is always there. */
export type UiTables = Partial<Record<UiLang, UiStrings>>;

/** What a component needs to speak: the table, and the full tag for Intl (so en-IN gets Indian dates). */
export interface Ui {
  lang: UiLang;
  tag: string;
  t: UiStrings;
}

type Wanted = string | null | undefined | ReadonlyArray<string | null | undefined>;

/** Well-formed tags of a preference list, best first; malformed and empty ones say nothing. */
function wantedTags(wanted: Wanted): string[] {
  const list = typeof wanted === 'string' || wanted == null ? [wanted] : wanted;
  return list.map(canonicalTag).filter((tag): tag is string => tag !== undefined);
}

/**
 * The first wanted language we speak, by RFC 4647 lookup (ar-EG: ar, fr-CA: fr), among `among` (every
 * language we have words for, unless told); else English.
 */
export function uiLang(wanted: Wanted, among: readonly string[] = UI_LANGS): UiLang {
  return spokenLang(wanted, among) ?? 'en';
}

/** Same as uiLang, but undefined when no wanted language is one we speak. */
export function spokenLang(wanted: Wanted, among: readonly string[] = UI_LANGS): UiLang | undefined {
  return negotiate(wantedTags(wanted), among) as UiLang | undefined;
}

/** The box's words for a reader who wants these languages, best first, from the tables given (and English). */
export function ui(wanted: Wanted, tables: UiTables = {}): Ui {
  const all: UiTables = { ...tables, en };
  const tags = wantedTags(wanted);
  const lang = uiLang(tags, Object.keys(all));
  // Dates and lists in the reader's own variant of the language (en-IN, fr-CA), when that is what matched.
  const tag = tags.find((t) => lookupChain(t).includes(lang)) ?? lang;
  return { lang, tag, t: all[lang] ?? en };
}

/** The label for a key fact: ours for the kinds we know, the API's English fallback otherwise. */
export function factLabel(kind: string, fallback: string, { t }: Ui): string {
  return (t.factKinds as Record<string, string | undefined>)[kind] ?? fallback;
}

/** Splits a template at its placeholders: fill('(according to {source})', { source: x }) -> ['(according to ', x, ')']. */
export function fill<T>(template: string, values: Record<string, T>): Array<string | T> {
  return template
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 ? (values[part] ?? `{${part}}`) : part))
    .filter((part) => part !== '');
}

/** Same as fill, for when every value is text. */
export function format(template: string, values: Record<string, string>): string {
  return fill(template, values).join('');
}

function intlTag(ui: Ui): string {
  // An invalid tag from a page's lang attribute must not throw inside a render.
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(ui.tag).length ? ui.tag : ui.lang;
  } catch {
    return ui.lang;
  }
}

/**
 * "August 27, 2021" / "27 أغسطس 2021". The month is spelled out because numeric dates read differently
 * across locales. Formatted in UTC so the API's server render and the browser print the same day.
 */
export function formatDate(iso: string, ui: Ui): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlTag(ui), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * Joins items the way the language does ("A, B and C" / "A وB"), keeping each item as given so a
 * component can join elements, not just strings.
 */
export function joinList<T>(items: readonly T[], ui: Ui): Array<string | T> {
  if (typeof Intl.ListFormat !== 'function') return items.flatMap((item, i) => (i ? [', ', item] : [item]));
  let next = 0;
  return new Intl.ListFormat(intlTag(ui), { type: 'conjunction' })
    .formatToParts(items.map((_, i) => String(i)))
    .map((part) => (part.type === 'element' ? items[next++] : part.value));
}
