/**
 * Words a reader's question is made of but no document is found by: "who founded ISIS-K" searches
 * for "founded ISIS-K". Folded (api/text/fold.ts). Kept short on purpose: "us", "it" as in IT and
 * single letters such as the K of ISIS-K are names too often to drop.
 */
const STOP_WORDS = new Set([
  'a', 'about', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'by', 'did', 'do', 'does', 'for', 'from', 'had',
  'has', 'have', 'how', 'in', 'into', 'is', 'its', 'of', 'on', 'or', 'the', 'their', 'them', 'they', 'this',
  'that', 'these', 'those', 'to', 'was', 'were', 'what', 'whats', 'when', 'where', 'which', 'who', 'whom',
  'whose', 'why', 'with',
]);

/** The words that carry the query; all of them when every word is a stop word ("the who"). */
export function withoutStopWords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return kept.length > 0 ? kept : [...words];
}
