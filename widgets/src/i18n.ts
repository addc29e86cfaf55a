/**
 * The box's own words. Content comes translated from the API; only the chrome around it lives here.
 * Templates use `{name}` placeholders and are split into parts (see `fill`) so a component can put an
 * element, such as an isolating <bdi>, where the placeholder was.
 */
import { canonicalTag, lookupChain, negotiate } from '../../api/locale/negotiate';
import type { KeyFactKind } from './types';

export type UiLang = 'en' | 'ar' | 'fr';

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
  /** {source}: the note set beside a claim the source supports */
  according: string;
  /** {speakers} {source} */
  quotedVia: string;
  /** {speakers} */
  quoted: string;
  factKinds: Record<Exclude<KeyFactKind, 'OTHER'>, string>;
}

const en: UiStrings = {
  dir: 'ltr',
  showMore: 'Show more',
  showLess: 'Show less',
  readExplainer: 'Read the explainer',
  fullExplainer: 'Read the full explainer',
  overview: 'Overview',
  keyFacts: 'Key facts',
  sources: 'Sources',
  correction: 'Correction',
  updated: 'Updated {date}',
  according: '(according to {source})',
  quotedVia: '{speakers}, via {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'Founded',
    ALSO_KNOWN_AS: 'Also known as',
    ACTIVE_IN: 'Active in',
    AFFILIATE_OF: 'Affiliate of',
  },
};

const ar: UiStrings = {
  dir: 'rtl',
  showMore: 'عرض المزيد',
  showLess: 'عرض أقل',
  readExplainer: 'اقرأ الشرح',
  fullExplainer: 'اقرأ الشرح كاملاً',
  overview: 'نظرة عامة',
  keyFacts: 'حقائق أساسية',
  sources: 'المصادر',
  correction: 'تصحيح',
  updated: 'آخر تحديث {date}',
  according: '(بحسب {source})',
  quotedVia: '{speakers}، عبر {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'تاريخ التأسيس',
    ALSO_KNOWN_AS: 'يُعرف أيضاً باسم',
    ACTIVE_IN: 'ينشط في',
    AFFILIATE_OF: 'فرع تابع لـ',
  },
};

const fr: UiStrings = {
  dir: 'ltr',
  showMore: 'Afficher plus',
  showLess: 'Afficher moins',
  readExplainer: 'Lire le décryptage',
  fullExplainer: 'Lire le décryptage complet',
  overview: 'Vue d’ensemble',
  keyFacts: 'Points clés',
  sources: 'Sources',
  correction: 'Rectificatif',
  updated: 'Mis à jour le {date}',
  according: '(selon {source})',
  quotedVia: '{speakers}, via {source}',
  quoted: '{speakers}',
  factKinds: {
    FOUNDED: 'Fondation',
    ALSO_KNOWN_AS: 'Aussi appelé',
    ACTIVE_IN: 'Actif en',
    AFFILIATE_OF: 'Affilié à',
  },
};

const tables: Record<UiLang, UiStrings> = { en, ar, fr };
export const UI_LANGS = Object.keys(tables) as UiLang[];

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

/** The table for the first wanted tag we speak, by RFC 4647 lookup (ar-EG: ar, fr-CA: fr); else English. */
export function uiLang(wanted: Wanted): UiLang {
  return (negotiate(wantedTags(wanted), UI_LANGS) as UiLang | undefined) ?? 'en';
}

/** The box's words for a reader who wants these languages, best first. */
export function ui(wanted: Wanted): Ui {
  const tags = wantedTags(wanted);
  const lang = uiLang(tags);
  // Dates and lists in the reader's own variant of the language (en-IN, fr-CA), when that is what matched.
  const tag = tags.find((t) => lookupChain(t).includes(lang)) ?? lang;
  return { lang, tag, t: tables[lang] };
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
