/** The languages a page request asks for: `?locale=` when it names one, else the browser's Accept-Language. */
import type { IncomingMessage } from 'node:http';
import { readPreferences } from '../locale/negotiate';

export interface ReaderLocale {
  /** For the GraphQL `locale` argument: well-formed tags only, best first; undefined asks for nothing. */
  locale: string | undefined;
  /** The answer depends on Accept-Language, so caches must key on it (`Vary`). */
  fromHeader: boolean;
}

export function readerLocale(url: URL, req: IncomingMessage): ReaderLocale {
  // A page is read by people: a mistyped ?locale= falls back to what their browser asks for, not to an error.
  const fromQuery = readPreferences(url.searchParams.get('locale')).tags;
  if (fromQuery.length > 0) return { locale: fromQuery.join(', '), fromHeader: false };
  const header = req.headers['accept-language'];
  const fromHeader = readPreferences(typeof header === 'string' ? header.slice(0, 500) : undefined).tags;
  return { locale: fromHeader.length > 0 ? fromHeader.join(', ') : undefined, fromHeader: true };
}
