import { createHash } from 'node:crypto';
import { fetchContextBox } from '../../widgets/src/api';
import { clearContextBoxCache, loadContextBox } from '../../widgets/src/box-cache';
import { CONTEXT_BOX_QUERY } from '../../widgets/src/query';
import fixture from './fixtures/context-box.json';

const API = 'http://localhost:4000';
const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let fetchMock: jest.Mock<Promise<Response>, [string, RequestInit]>;
let warn: jest.SpyInstance;

beforeEach(() => {
  clearContextBoxCache();
  fetchMock = jest.fn(async (_url: string, _init: RequestInit) => json(fixture));
  global.fetch = fetchMock as unknown as typeof fetch;
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => warn.mockRestore());

describe('fetching a context box', () => {
  it('GETs the persisted ContextBox operation by hash, without credentials or headers that would need a preflight', async () => {
    const hash = createHash('sha256').update(CONTEXT_BOX_QUERY).digest('hex');
    (globalThis as { __CONTEXT_BOX_HASH__?: string }).__CONTEXT_BOX_HASH__ = hash;
    const box = await fetchContextBox(API, { explainer: 'what-is-isis-k', locale: 'en' });
    expect(box?.question).toBe('What is ISIS-K?');
    const [url, init] = fetchMock.mock.calls[0];
    const sent = new URL(url);
    expect(`${sent.origin}${sent.pathname}`).toBe(`${API}/graphql`);
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      operationName: 'ContextBox',
      variables: JSON.stringify({ explainer: 'what-is-isis-k', locale: 'en' }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    });
    expect(init).toEqual({ credentials: 'omit' });
  });

  it('resolves null for an unknown slug', async () => {
    fetchMock.mockResolvedValueOnce(json({ data: { contextBox: null } }));
    await expect(fetchContextBox(API, { explainer: 'nope' })).resolves.toBeNull();
  });

  it('rejects on GraphQL errors, HTTP errors and non-JSON bodies', async () => {
    fetchMock.mockResolvedValueOnce(json({ errors: [{ message: 'Variable "$section" got invalid value' }], data: null }));
    await expect(fetchContextBox(API, { explainer: 'x' })).rejects.toThrow('Variable "$section" got invalid value');
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(fetchContextBox(API, { explainer: 'x' })).rejects.toThrow('HTTP 502');
  });
});

describe('the shared request cache', () => {
  it('sends one request for every box of the same explainer, section and locale', async () => {
    const boxes = await Promise.all([
      loadContextBox(API, { explainer: 'what-is-isis-k', locale: 'en' }),
      loadContextBox(API, { explainer: 'what-is-isis-k', locale: 'en' }),
      loadContextBox(API, { explainer: 'what-is-isis-k', locale: 'en' }),
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(new Set(boxes).size).toBe(1);
    await loadContextBox(API, { explainer: 'what-is-isis-k', locale: 'ar' });
    await loadContextBox(API, { explainer: 'what-is-isis-k', locale: 'en', section: 'relationship-with-taliban' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('warns once, prefixed, when an explainer is unknown, however many boxes asked', async () => {
    fetchMock.mockResolvedValue(json({ data: { contextBox: null } }));
    const results = await Promise.all([loadContextBox(API, { explainer: 'nope' }), loadContextBox(API, { explainer: 'nope' })]);
    expect(results).toEqual([null, null]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^\[backstory\] no context box for explainer "nope"/);
  });

  it('never rejects: a failed request becomes null and one warning', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(loadContextBox(API, { entity: 'ISKP' })).resolves.toBeNull();
    await expect(loadContextBox(API, { entity: 'ISKP' })).resolves.toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe(`[backstory] could not load entity "ISKP" from ${API}: Failed to fetch`);
  });
});
