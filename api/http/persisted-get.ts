import { ApiErrorCode } from '../errors';
import type { PersistedOperations } from './persisted-operations';

/**
 * What a GET naming a persisted operation by hash (what widgets send) becomes: the listed
 * document in place of the hash, or a refusal. Other requests are handed to Apollo as they are.
 */
export type PersistedGet =
  | { kind: 'other' }
  | { kind: 'refused'; code: ApiErrorCode.BAD_REQUEST | ApiErrorCode.PERSISTED_QUERY_NOT_FOUND; message: string }
  | { kind: 'found'; hash: string; operationName: string; variables: string; /** The query string Apollo is given: the document in place of the hash (built when asked). */ search(): string };

const sha256Hex = /^[0-9a-f]{64}$/;

export function readPersistedGet(method: string | undefined, url: URL, persisted: PersistedOperations): PersistedGet {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'other' };
  const extensions = url.searchParams.get('extensions');
  if (extensions === null) return { kind: 'other' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(extensions);
  } catch {
    return { kind: 'refused', code: ApiErrorCode.BAD_REQUEST, message: 'extensions is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'refused', code: ApiErrorCode.BAD_REQUEST, message: 'extensions must be a JSON object' };
  if (!('persistedQuery' in parsed)) return { kind: 'other' };
  const hash = (parsed.persistedQuery as { sha256Hash?: unknown } | null)?.sha256Hash;
  if (typeof hash !== 'string' || !sha256Hex.test(hash)) {
    return { kind: 'refused', code: ApiErrorCode.BAD_REQUEST, message: 'extensions.persistedQuery.sha256Hash must be 64 lowercase hexadecimal digits' };
  }
  const document = persisted.get(hash);
  if (!document) return { kind: 'refused', code: ApiErrorCode.PERSISTED_QUERY_NOT_FOUND, message: 'no persisted operation has this hash' };
  const search = () => {
    const params = new URLSearchParams(url.searchParams);
    params.delete('extensions');
    params.set('query', document);
    return `?${params}`;
  };
  return { kind: 'found', hash, operationName: url.searchParams.get('operationName') ?? '', variables: url.searchParams.get('variables') ?? '', search };
}
