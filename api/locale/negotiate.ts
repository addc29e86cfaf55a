/**
 * Which language a reader gets: BCP 47 tags read leniently, matched by RFC 4647 lookup.
 *
 * One module for every path that chooses a language: GraphQL `locale` arguments, the pages with their
 * `Accept-Language`, oEmbed, and the widget (which bundles this file, so it imports nothing).
 */

/** A language tag as the platform spells it (`en_US`, `EN-us` -> `en-US`); undefined when it is not one. */
export function canonicalTag(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed || trimmed.length > 64) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/** At most this many tags of a preference list are read: a longer list says nothing more. */
export const MAX_PREFERENCES = 12;

export interface Preferences {
  /** Well-formed tags, canonical, most wanted first, without duplicates. */
  tags: string[];
  /** Entries that were not language tags (nor `*`). */
  malformed: string[];
}

/**
 * Reads one tag or an Accept-Language list (`fr-CA, fr;q=0.9, en;q=0.5`): ordered by quality, stable
 * among equals; `q=0` and `*` say nothing about what to serve and are left out.
 */
export function readPreferences(value: string | null | undefined): Preferences {
  const entries: Array<{ tag: string; q: number; at: number }> = [];
  const malformed: string[] = [];
  const parts = (value ?? '').split(',').slice(0, MAX_PREFERENCES * 2);
  parts.forEach((part, at) => {
    const [range, ...params] = part.split(';');
    const raw = range.trim();
    if (!raw) return;
    const qParam = params.map((p) => p.trim()).find((p) => /^q=/i.test(p));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (raw === '*' || !(q > 0)) return;
    const tag = canonicalTag(raw);
    if (tag) entries.push({ tag, q: Math.min(q, 1), at });
    else malformed.push(raw.slice(0, 40));
  });
  entries.sort((a, b) => b.q - a.q || a.at - b.at);
  return { tags: [...new Set(entries.map((e) => e.tag))].slice(0, MAX_PREFERENCES), malformed };
}

/**
 * RFC 4647 lookup's fallback for one tag, most specific first: `zh-Hant-TW` -> `zh-Hant` -> `zh`.
 * Extensions and private use are dropped first: they never name content.
 */
export function lookupChain(tag: string): string[] {
  const subtags: string[] = [];
  for (const subtag of tag.split('-')) {
    if (subtags.length > 0 && subtag.length === 1) break;
    subtags.push(subtag);
  }
  const chain: string[] = [];
  for (let n = subtags.length; n > 0; n--) chain.push(subtags.slice(0, n).join('-'));
  return chain;
}

/**
 * The best of `available` for a reader: each wanted tag's lookup chain in turn, then each fallback's.
 * Undefined when none of them is available: the caller knows what its last resort is.
 */
export function negotiate(wanted: readonly string[], available: readonly string[], fallbacks: readonly string[] = []): string | undefined {
  const byLowerCase = new Map(available.map((tag) => [tag.toLowerCase(), tag] as const));
  for (const tag of [...wanted, ...fallbacks]) {
    for (const candidate of lookupChain(tag)) {
      const found = byLowerCase.get(candidate.toLowerCase());
      if (found) return found;
    }
  }
  return undefined;
}

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);
const rtlScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);

/** The direction a language is written in; a script subtag decides (`az-Arab` is right-to-left, `ku-Latn` not). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const subtags = tag.split('-');
  const script = subtags.slice(1).find((s) => s.length === 4 && /^[a-z]+$/i.test(s));
  if (script) return rtlScripts.has(script[0].toUpperCase() + script.slice(1).toLowerCase()) ? 'rtl' : 'ltr';
  return rtlLanguages.has(subtags[0].toLowerCase()) ? 'rtl' : 'ltr';
}
