/**
 * Shares one request among every box that asks for the same explainer, section and locale, and reports a
 * miss or a failure once per request rather than once per box. Never rejects.
 */
import { fetchContextBox, type ContextBoxVariables } from './api';
import { warn } from './log';
import type { ContextBoxData } from './types';

const requests = new Map<string, Promise<ContextBoxData | null>>();

/** `event`: a live update (api.ts); every box it concerns shares the one refetch. */
export function loadContextBox(api: string, variables: ContextBoxVariables, event?: number): Promise<ContextBoxData | null> {
  const { explainer, entity, section, locale } = variables;
  const key = JSON.stringify([api, explainer, entity, section, locale, event]);
  let request = requests.get(key);
  if (!request) {
    const what = explainer ? `explainer "${explainer}"` : `entity "${entity}"`;
    // A failure stays cached for the page's life: boxes added later must not hammer an API that is down.
    request = fetchContextBox(api, variables, event).then(
      (box) => {
        if (!box) warn(`no context box for ${what}${section ? ` section "${section}"` : ''} at ${api}`);
        return box;
      },
      (error: unknown) => {
        warn(`could not load ${what} from ${api}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      },
    );
    // 0 asks again each time it is asked (the page was shown again): never kept.
    if (event !== 0) requests.set(key, request);
  }
  return request;
}

export function clearContextBoxCache(): void {
  requests.clear();
}
