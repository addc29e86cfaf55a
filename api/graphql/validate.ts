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

const partialDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const dateOrTime = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An ISO 8601 date: `partial` allows a year or a month (2015, 2015-01) as facts have them; otherwise a day
 * (2021-08-26) or a time with its offset.
 */
export function checkDate(argument: string, value: string, precision: 'partial' | 'day' = 'day'): string {
  const ok = precision === 'partial' ? partialDate.test(value) : dateOrTime.test(value) && !Number.isNaN(Date.parse(value));
  if (!ok) throw new UserInputError(argument, precision === 'partial' ? 'an ISO date: 2015, 2015-01 or 2015-01-26' : 'an ISO date or time: 2021-08-26 or 2021-08-26T09:30:00Z');
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
