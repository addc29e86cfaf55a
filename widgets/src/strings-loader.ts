/**
 * Another language's words for the box, fetched from /widgets/v1/strings/<lang>.json beside backstory.js
 * (English is built in). One request per language per page, shared by every box; never rejects: a
 * failure leaves the box in English. A word missing from an older table stays English.
 */
import { UI_LANGS, type UiLang, type UiStrings } from './i18n';
import { warn } from './log';
import { en } from './strings/en';

const requests = new Map<string, Promise<UiStrings | undefined>>();

export function loadStrings(api: string, lang: UiLang): Promise<UiStrings | undefined> {
  if (lang === 'en' || !UI_LANGS.includes(lang)) return Promise.resolve(undefined);
  const key = `${api} ${lang}`;
  let request = requests.get(key);
  if (!request) {
    request = fetch(`${api}/widgets/v1/strings/${lang}.json`, { credentials: 'omit' })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then(
        (table: Partial<UiStrings>) => ({ ...en, ...table, factKinds: { ...en.factKinds, ...table.factKinds } }),
        (error: unknown) => {
          warn(`could not load the ${lang} words from ${api}: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      );
    requests.set(key, request);
  }
  return request;
}

export function clearStringsCache(): void {
  requests.clear();
}
