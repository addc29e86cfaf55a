/**
 * Folding for lookups: "ISIS-K", "isis k" and "ÏSIS‑K" are one key. Case, diacritics,
 * punctuation and spacing are dropped; letters and digits of every script are kept.
 */
export function foldName(name: string): string {
  return foldWords(name).join('');
}

/** The folded words of a text, in order: what search indexes and queries are made of. */
export function foldWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLocaleLowerCase('und')
      // Apostrophes join a word ("ISIS-K's" is one word plus s, as the indexers see it).
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Folded text for the search index: words separated by single spaces. */
export function foldText(text: string): string {
  return foldWords(text).join(' ');
}
