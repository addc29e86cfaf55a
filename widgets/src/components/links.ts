/** Links come from data we do not fully control; only http(s) ones become hrefs (no javascript: URLs). */
export function httpUrl(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
