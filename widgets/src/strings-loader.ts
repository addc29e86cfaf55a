/**
 * Another language's words for the box, fetched from /widgets/v1/strings/<lang>.json beside backstory.js
 * (English is built in). One request per language per page, shared by every box; never rejects: a
 * failure leaves the box in English. A word missing from an older table stays English.
 */
import type { UiLang, UiStrings } from './i18n';
import { warn } from './log';
import { en } from './strings/en';

const requests = new Map<string, Promise<UiStrings | undefined>>();

export async function loadStrings(api: string, lang: UiLang): Promise<UiStrings | undefined> {
  if (lang === 'en') return undefined;
  const key = `${api} ${lang}`;
  let request = requests.get(key);
  if (!request) {
    request = fetch(`${api}/widgets/v1/strings/${lang}.json`, { credentials: 'omit' })
      .then((response) => response.json() as Promise<Partial<UiStrings>>)
      // A 404's body is JSON without our words, so it too falls back to English word by word.
      .then(
        (table) => ({ ...en, ...table, factKinds: { ...en.factKinds, ...table.factKinds } }),
        () => void warn(`no ${lang} words at ${api}`),
      );
    requests.set(key, request);
  }
  return request;
}

export function clearStringsCache(): void {
  requests.clear();
}
