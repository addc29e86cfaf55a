/**
 * Asks the API for the mentions in a text: a text/plain POST, which needs no CORS preflight and carries
 * no cookies. Each distinct request is made once per page and its answer kept in memory by the text
 * itself (the project keeps nothing in the reader's storage; the API keeps answers by the text's hash).
 */
import { warn } from '../log';
import type { MentionsAnswer } from './types';

const answers = new Map<string, Promise<MentionsAnswer | null>>();

export function fetchMentions(api: string, text: string, explicit: string[], locale: string | undefined): Promise<MentionsAnswer | null> {
  const params = new URLSearchParams();
  if (locale) params.set('locale', locale);
  for (const slug of explicit) params.append('entity', slug);
  const url = `${api}/mentions/v1?${params}`;
  const key = `${url}\n${text}`;
  let answer = answers.get(key);
  if (!answer) {
    // A string body goes as text/plain;charset=UTF-8.
    answer = fetch(url, { method: 'POST', body: text, credentials: 'omit' })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<MentionsAnswer>;
      })
      .catch((error: unknown) => {
        warn(`could not load mentions from ${api}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
    answers.set(key, answer);
  }
  return answer;
}

export function clearMentions(): void {
  answers.clear();
}
