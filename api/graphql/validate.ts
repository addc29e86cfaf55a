import type { Config } from '../config';
import { UserInputError } from '../errors';
import { canonicalTag, readPreferences } from '../locale/negotiate';
import { foldWords } from '../text/fold';

// Argument checks shared by resolvers: each failure names the argument it is about.

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkSlug(argument: string, value: string): string {
  if (value.length === 0) throw new UserInputError(argument, 'must not be empty');
  if (value.length > 200) throw new UserInputError(argument, 'must be at most 200 characters');
  if (!slugPattern.test(value)) throw new UserInputError(argument, 'a slug is lowercase letters, digits and single hyphens');
  return value;
}

export function checkText(argument: string, value: string, max = 200): string {
  if (value.trim().length === 0) throw new UserInputError(argument, 'must not be empty');
  if (value.length > max) throw new UserInputError(argument, `must be at most ${max} characters`);
  return value;
}

/** The folded words of a search: at least one letter or digit, at most 20 words. */
export function checkSearchWords(argument: string, value: string): string[] {
  const words = foldWords(checkText(argument, value));
  if (words.length === 0) throw new UserInputError(argument, 'needs at least one letter or digit');
  if (words.length > 20) throw new UserInputError(argument, 'at most 20 words');
  return words;
}

/** A locale content is written in: canonical (`en_gb` -> `en-GB`) and one of LOCALES. What it returns is what to store. */
export function checkLocale(argument: string, value: string, config: Config): string {
  const canonical = canonicalTag(value);
  if (!canonical || !config.locales.includes(canonical)) {
    throw new UserInputError(argument, `unknown locale "${value.slice(0, 40)}"; one of ${config.locales.join(', ')}`);
  }
  return canonical;
}

export const READER_LOCALE =
  'The reader\'s language: a BCP 47 tag (en-US) or an Accept-Language list (fr-CA, fr;q=0.9). Any well-formed tag is served ' +
  'the best available edition, by RFC 4647 lookup, then the newsroom\'s default locale, then the original; the result\'s `locale` says which.';

/**
 * The languages a reader asks for: one tag or an Accept-Language list. Any well-formed tag is fine
 * (the best available is served); only a malformed one is the caller's mistake. Null asks for nothing.
 */
export function readerLocales(argument: string, value: string | null | undefined): string[] {
  if (value == null) return [];
  if (value.length > 200) throw new UserInputError(argument, 'must be at most 200 characters');
  const { tags, malformed } = readPreferences(value);
  if (malformed.length > 0) throw new UserInputError(argument, `"${malformed[0]}" is not a BCP 47 language tag (such as en, en-US or zh-Hant-TW)`);
  return tags;
}

export const pageSize = { default: 20, max: 100 };

export function checkFirst(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > pageSize.max) {
    throw new UserInputError(argument, `must be between 1 and ${pageSize.max}`);
  }
  return value;
}
