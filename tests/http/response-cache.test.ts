import { representation } from '../../api/http/conditional-get';
import { ResponseCache } from '../../api/http/response-cache';

const response = (tags: string[]) => ({ ...representation('{}', 'application/json'), tags });

describe('the in-process response cache', () => {
  it('drops the responses that carry a published tag and keeps the others', () => {
    const cache = new ResponseCache(1 << 20);
    cache.set('a', cache.ticket(), response(['explainer:a']));
    cache.set('b', cache.ticket(), response(['explainer:b']));
    cache.invalidate(['explainer:a']);
    expect([cache.get('a'), cache.get('b')?.tags]).toEqual([undefined, ['explainer:b']]);
  });

  it('refuses a response computed while a publish of something it read was landing, and only that one', () => {
    const cache = new ResponseCache(1 << 20);
    const ticket = cache.ticket();
    cache.invalidate(['explainer:a']);
    cache.set('a', ticket, response(['explainer:a', 'entity:x']));
    cache.set('b', ticket, response(['explainer:b']));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    cache.set('a', cache.ticket(), response(['explainer:a']));
    expect(cache.get('a')).toBeDefined();
  });

  it('drops everything, and refuses every response in flight, when told no tags at all', () => {
    const cache = new ResponseCache(1 << 20);
    cache.set('a', cache.ticket(), response(['explainer:a']));
    const ticket = cache.ticket();
    cache.invalidate();
    cache.set('b', ticket, response(['explainer:b']));
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([undefined, undefined, 0]);
  });

  it('ignores a change that names no tags: an edit of a working copy', () => {
    const cache = new ResponseCache(1 << 20);
    const ticket = cache.ticket();
    cache.set('a', cache.ticket(), response(['explainer:a']));
    cache.invalidate([]);
    cache.set('b', ticket, response(['explainer:b']));
    expect(cache.size).toBe(2);
  });
});
