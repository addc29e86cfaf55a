/** Reading our own pages in tests: enough for markup Backstory renders itself, not for HTML at large. */

/** Every page's Content-Security-Policy, before its frame-ancestors. */
export const STRICT_CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** Attributes of the first <tag> whose attributes include `where`. */
export function attributes(html: string, tag: string, where: Record<string, string> = {}): Record<string, string> {
  for (const element of html.matchAll(new RegExp(`<${tag}(\\s[^>]*?)?/?>`, 'g'))) {
    const found = Object.fromEntries([...(element[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2] ?? '']));
    if (Object.entries(where).every(([name, value]) => found[name] === value)) return found;
  }
  throw new Error(`no <${tag}> with ${JSON.stringify(where)} in ${html.slice(0, 200)}`);
}

/** The page's JSON-LD block, as written and parsed. */
export function jsonLd(html: string): { raw: string; value: any } {
  const match = /<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD');
  return { raw: match[1], value: JSON.parse(match[1]) };
}
