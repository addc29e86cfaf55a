import { chooseEdition, filterLocale } from '../../api/locale/editions';
import { canonicalTag, directionOf, lookupChain, negotiate, readPreferences } from '../../api/locale/negotiate';

describe('canonicalTag', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en_US', 'en-US'],
    ['EN-us', 'en-US'],
    [' en-gb ', 'en-GB'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['ar-eg', 'ar-EG'],
    ['iw', 'he'],
  ])('reads %j as %j', (tag, canonical) => {
    expect(canonicalTag(tag)).toBe(canonical);
  });

  it.each(['', '   ', '12', 'en_US_x_123456789', '<script>', 'en--us', '-', 'a'.repeat(80)])('finds no tag in %j', (tag) => {
    expect(canonicalTag(tag)).toBeUndefined();
  });

  it('finds none in null or undefined', () => {
    expect(canonicalTag(null)).toBeUndefined();
    expect(canonicalTag(undefined)).toBeUndefined();
  });
});

describe('readPreferences (one tag, or Accept-Language)', () => {
  it('orders by quality, keeps the order of equals, and drops q=0 and *', () => {
    expect(readPreferences('da, en-GB;q=0.8, en;q=0.7').tags).toEqual(['da', 'en-GB', 'en']);
    expect(readPreferences('en;q=0.5, fr-CA, *;q=0.1, de;q=0').tags).toEqual(['fr-CA', 'en']);
    expect(readPreferences('en-US,en;q=0.9').tags).toEqual(['en-US', 'en']);
  });

  it('canonicalises and removes duplicates', () => {
    expect(readPreferences('EN_us, en-US;q=0.5, en').tags).toEqual(['en-US', 'en']);
  });

  it('reports what is not a tag', () => {
    expect(readPreferences('en, 12, fr')).toEqual({ tags: ['en', 'fr'], malformed: ['12'] });
  });

  it('reads nothing from nothing', () => {
    expect(readPreferences(undefined)).toEqual({ tags: [], malformed: [] });
    expect(readPreferences('')).toEqual({ tags: [], malformed: [] });
  });

  it('reads a bounded number of entries', () => {
    const many = Array.from({ length: 500 }, (_, i) => `x-${i}`).join(',');
    expect(readPreferences(`en,${many}`).tags.length).toBeLessThanOrEqual(12);
  });
});

describe('lookupChain (RFC 4647 lookup)', () => {
  it.each([
    ['en-US', ['en-US', 'en']],
    ['zh-Hant-TW', ['zh-Hant-TW', 'zh-Hant', 'zh']],
    ['ar-EG', ['ar-EG', 'ar']],
    ['en', ['en']],
    ['de-CH-1996', ['de-CH-1996', 'de-CH', 'de']],
    ['en-US-u-ca-gregory', ['en-US', 'en']],
    ['fr-x-private', ['fr']],
  ])('falls back from %s through %j', (tag, chain) => {
    expect(lookupChain(tag)).toEqual(chain);
  });
});

describe('negotiate', () => {
  const content = ['en', 'en-GB', 'ar', 'zh-Hant'];
  it.each([
    [['en-US'], 'en'],
    [['en-GB'], 'en-GB'],
    [['en-IN'], 'en'],
    [['ar-EG'], 'ar'],
    [['zh-Hant-TW'], 'zh-Hant'],
    [['zh-Hans-CN'], undefined],
    [['pt-BR'], undefined],
    [['pt-BR', 'ar'], 'ar'],
    [[], undefined],
  ])('gives %j the %s edition', (wanted, expected) => {
    expect(negotiate(wanted, content)).toBe(expected);
  });

  it('tries the fallbacks after every wanted tag', () => {
    expect(negotiate(['pt-BR'], content, ['fr', 'ar'])).toBe('ar');
    expect(negotiate(['en-AU'], content, ['ar'])).toBe('en');
  });

  it('answers in the spelling of what is available', () => {
    expect(negotiate(['EN-gb'], ['en-GB'])).toBe('en-GB');
  });
});

describe('chooseEdition', () => {
  const editions = [
    { id: 'a', locale: 'ar', translationGroup: 'a' },
    { id: 'b', locale: 'en', translationGroup: 'a' },
    { id: 'c', locale: 'en-GB', translationGroup: 'a' },
  ];
  const pick = (wanted: string[], defaultLocale = 'en') => chooseEdition(editions, wanted, defaultLocale)?.id;

  it('gives en-GB readers the en-GB edition first, and en-US readers en', () => {
    expect(pick(['en-GB'])).toBe('c');
    expect(pick(['en-US'])).toBe('b');
  });

  it('falls back to the newsroom default, then to the original', () => {
    expect(pick(['pt-BR'])).toBe('b');
    expect(pick(['pt-BR'], 'fr')).toBe('a');
    expect(pick([])).toBe('b');
  });

  it('has nothing to choose from nothing', () => {
    expect(chooseEdition([], ['en'], 'en')).toBeUndefined();
  });

  it('filters lists by the configured locale a tag falls back to', () => {
    expect(filterLocale(['en-US'], ['en', 'ar'])).toBe('en');
    expect(filterLocale(['pt-BR'], ['en', 'ar'])).toBe('pt-BR');
    expect(filterLocale([], ['en'])).toBeUndefined();
  });
});

describe('directionOf', () => {
  it.each([
    ['ar-EG', 'rtl'],
    ['fa', 'rtl'],
    ['ur-PK', 'rtl'],
    ['he', 'rtl'],
    ['en-US', 'ltr'],
    ['fr-CA', 'ltr'],
    ['az-Arab', 'rtl'],
    ['ku-Latn', 'ltr'],
  ])('writes %s %s', (tag, dir) => {
    expect(directionOf(tag)).toBe(dir);
  });
});
