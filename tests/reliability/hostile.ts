/**
 * Requests an attacker would send, kept as data: each is refused before it does harm. The first
 * two once took 15 s and 343 MB, and minutes and 4 GB, answering anyway.
 */

/** 20 aliases of lists nested in lists: explainer -> sections -> mentions -> entity -> explainers, twice. */
export function dosLists() {
  const one = 'explainer(slug:"what-is-isis-k"){sections{mentions{entity{explainers{sections{mentions{entity{explainers{sections{html}}}}}}}}}}';
  return { query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: ${one}`).join(' ')} }` };
}

/** An editor's 20 aliases of annotate on one variable of about 1 MB. */
export function dosAnnotate() {
  return {
    query: `query($t: String!) { ${Array.from({ length: 20 }, (_, i) => `a${i}: annotate(text: $t) { start end entity { name } }`).join(' ')} }`,
    variables: { t: 'ISIS-K and the Taliban. '.repeat(43_000) },
  };
}
