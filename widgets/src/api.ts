/**
 * The only module that knows how the widget talks to the API: a GET naming the persisted ContextBox
 * operation by its sha256, with the variables. No custom header and no body, so a browser sends it
 * without a CORS preflight, and browsers and CDNs can cache the answer.
 */
import type { ContextBoxData } from './types';

export interface ContextBoxVariables {
  explainer?: string;
  entity?: string;
  section?: string;
  locale?: string;
}

interface GraphQLResponse {
  data?: { contextBox?: ContextBoxData | null } | null;
  errors?: ReadonlyArray<{ message?: string; extensions?: { code?: string; argument?: string } }>;
}

declare const __CONTEXT_BOX_HASH__: string | undefined;

/** sha256 of the ContextBox document (widgets/src/query.ts), put in by widgets/build.ts; read late so tests can set it. */
export function contextBoxHash(): string {
  return typeof __CONTEXT_BOX_HASH__ === 'string' ? __CONTEXT_BOX_HASH__ : '';
}

/**
 * Resolves to null for an unknown slug or entity; rejects when the request or the API fails. A locale the
 * API will not read costs the reader nothing: the box is asked for again without it. With `event` (a
 * live update), the browser's copy is not used: a release event's id names a URL no cache has seen
 * before it, and 0 has the browser revalidate its copy.
 */
export async function fetchContextBox(api: string, variables: ContextBoxVariables, event?: number): Promise<ContextBoxData | null> {
  const params = new URLSearchParams({
    operationName: 'ContextBox',
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: contextBoxHash() } }),
  });
  if (event) params.set('event', `${event}`);
  // A box on a news page must not carry the reader's cookies to us: no tracking, no CSRF surface.
  const response = await fetch(`${api}/graphql?${params}`, { credentials: 'omit', cache: event === undefined ? undefined : 'no-cache' });
  const body = (await response.json().catch(() => null)) as GraphQLResponse | null;
  const box = body?.data?.contextBox;
  if (box) return box;
  if (!response.ok || body?.errors?.length || !body) {
    const error = body?.errors?.[0];
    if (error?.extensions?.code === 'BAD_USER_INPUT' && error.extensions.argument === 'locale' && variables.locale !== undefined) {
      return fetchContextBox(api, { ...variables, locale: undefined }, event);
    }
    throw new Error(error?.message ?? `HTTP ${response.status}`);
  }
  return null;
}
