/**
 * The only module that knows how the widget talks to the API. Today a GraphQL POST; when the query is
 * persisted this becomes a GET of `${api}/graphql?operationName=ContextBox&variables=...&extensions=...`.
 */
import { CONTEXT_BOX_QUERY } from './query';
import type { ContextBoxData } from './types';

export interface ContextBoxVariables {
  explainer?: string;
  entity?: string;
  section?: string;
  locale?: string;
}

interface GraphQLResponse {
  data?: { contextBox?: ContextBoxData | null } | null;
  errors?: ReadonlyArray<{ message?: string }>;
}

/** Resolves to null for an unknown slug or entity; rejects when the request or the API fails. */
export async function fetchContextBox(api: string, variables: ContextBoxVariables): Promise<ContextBoxData | null> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: CONTEXT_BOX_QUERY, variables, operationName: 'ContextBox' }),
    // A box on a news page must not carry the reader's cookies to us: no tracking, no CSRF surface.
    credentials: 'omit',
  });
  const body = (await response.json().catch(() => null)) as GraphQLResponse | null;
  const box = body?.data?.contextBox;
  if (box) return box;
  if (!response.ok || body?.errors?.length || !body) {
    throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
  }
  return null;
}
