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
 * API will not read costs the reader nothing: the box is asked for again without it.
 */
export async function fetchContextBox(api: string, variables: ContextBoxVariables): Promise<ContextBoxData | null> {
  try {
    return await fetchOnce(api, variables);
  } catch (error) {
    if (!(error instanceof LocaleRefused) || variables.locale === undefined) throw error;
    return fetchOnce(api, { ...variables, locale: undefined });
  }
}

class LocaleRefused extends Error {}

async function fetchOnce(api: string, variables: ContextBoxVariables): Promise<ContextBoxData | null> {
  const params = new URLSearchParams({
    operationName: 'ContextBox',
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: contextBoxHash() } }),
  });
  // A box on a news page must not carry the reader's cookies to us: no tracking, no CSRF surface.
  const response = await fetch(`${api}/graphql?${params}`, { credentials: 'omit' });
  const body = (await response.json().catch(() => null)) as GraphQLResponse | null;
  const box = body?.data?.contextBox;
  if (box) return box;
  if (!response.ok || body?.errors?.length || !body) {
    const error = body?.errors?.[0];
    if (error?.extensions?.code === 'BAD_USER_INPUT' && error.extensions.argument === 'locale') throw new LocaleRefused(error.message);
    throw new Error(error?.message ?? `HTTP ${response.status}`);
  }
  return null;
}
