/** Which edition of an explainer a reader gets: the product rule every read path shares. */
import { negotiate } from './negotiate';

export interface Edition {
  id: string;
  locale: string;
  /** The id of the original edition; translations share it. */
  translationGroup: string;
}

/**
 * The reader's languages by RFC 4647 lookup, then the newsroom's default locale, then the original
 * edition's, then any: a reader who asks for a language we lack still gets the explainer.
 */
export function chooseEdition<T extends Edition>(editions: readonly T[], wanted: readonly string[], defaultLocale: string): T | undefined {
  if (editions.length === 0) return undefined;
  const original = editions.find((e) => e.id === e.translationGroup) ?? editions[0];
  const locale = negotiate(wanted, editions.map((e) => e.locale), [defaultLocale, original.locale]) ?? original.locale;
  return editions.find((e) => e.locale === locale) ?? original;
}

/** A locale filter for lists: the configured locale the reader's tag falls back to, or the tag itself (matching nothing). */
export function filterLocale(wanted: readonly string[], locales: readonly string[]): string | undefined {
  if (wanted.length === 0) return undefined;
  return negotiate(wanted, locales) ?? wanted[0];
}
