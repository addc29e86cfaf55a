import type { Config } from '../config';
import { UserInputError } from '../errors';

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

export function checkLocale(argument: string, value: string, config: Config): string {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(value);
  } catch {
    // not a language tag at all
  }
  if (!canonical || !config.locales.includes(canonical)) {
    throw new UserInputError(argument, `unknown locale "${value.slice(0, 40)}"; one of ${config.locales.join(', ')}`);
  }
  return canonical;
}

export const pageSize = { default: 20, max: 100 };

export function checkFirst(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > pageSize.max) {
    throw new UserInputError(argument, `must be between 1 and ${pageSize.max}`);
  }
  return value;
}
