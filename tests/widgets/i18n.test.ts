import { factLabel, fill, format, formatDate, joinList, ui, uiLang } from '../../widgets/src/i18n';

describe('UI strings', () => {
  it('picks a table by RFC 4647 lookup and English for any language it lacks', () => {
    expect(['ar', 'ar-EG', 'AR', 'ar_EG'].map((t) => uiLang(t))).toEqual(['ar', 'ar', 'ar', 'ar']);
    expect(['fr', 'fr-CA', 'FR-ch'].map((t) => uiLang(t))).toEqual(['fr', 'fr', 'fr']);
    expect(['en', 'en-IN', 'pt-BR', 'arn', 'frr', '', '12', null, undefined].map((t) => uiLang(t))).toEqual(Array(9).fill('en'));
  });

  it('takes the first language of a preference list that it speaks', () => {
    expect(uiLang(['pt-BR', 'fr-CA', 'en'])).toBe('fr');
    expect(uiLang(['12', 'ar-EG'])).toBe('ar');
    expect(ui(['de-AT', 'en-IN', 'ar']).tag).toBe('en-IN');
  });

  it('has the same keys in every table, and a direction for each', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((n) => `${k}.${n}`) : [k]));
    for (const lang of ['ar', 'fr']) expect(keys(ui(lang).t)).toEqual(keys(ui('en').t));
    expect([ui('en').t.dir, ui('ar').t.dir, ui('fr').t.dir]).toEqual(['ltr', 'rtl', 'ltr']);
  });

  it('labels the known key fact kinds itself and falls back to the API label for the rest', () => {
    expect(factLabel('FOUNDED', 'Founded', ui('en'))).toBe('Founded');
    expect(factLabel('FOUNDED', 'Founded', ui('ar'))).toBe('تاريخ التأسيس');
    expect(factLabel('ALSO_KNOWN_AS', 'x', ui('ar'))).toBe('يُعرف أيضاً باسم');
    expect(factLabel('OTHER', 'Ranking', ui('ar'))).toBe('Ranking');
    expect(factLabel('SOMETHING_NEW', 'Leader', ui('en'))).toBe('Leader');
  });

  it('fills templates with elements or text', () => {
    const el = { name: 'bdi' };
    expect(fill('(according to {source})', { source: el })).toEqual(['(according to ', el, ')']);
    expect(format(ui('ar').t.according, { source: 'The Conversation' })).toBe('(بحسب The Conversation)');
    expect(format('{missing} stays', {})).toBe('{missing} stays');
  });

  it('formats the updated date in the UI language, in UTC', () => {
    expect(formatDate('2021-08-27T23:30:00.000Z', ui('en'))).toBe('August 27, 2021');
    expect(formatDate('2021-08-27T23:30:00.000Z', ui('en-IN'))).toBe('27 August 2021');
    expect(formatDate('2021-08-27T09:30:00.000Z', ui('ar'))).toContain('أغسطس');
    expect(formatDate('not a date', ui('en'))).toBeNull();
  });

  it('survives a malformed lang tag from the host page', () => {
    expect(formatDate('2021-08-27T09:30:00.000Z', ui('not a tag!'))).toBe('August 27, 2021');
  });

  it('joins speaker names the way the language does', () => {
    expect(joinList(['Amira Jadoon', 'Andrew Mines'], ui('en')).join('')).toBe('Amira Jadoon and Andrew Mines');
    expect(joinList(['Amira Jadoon', 'Andrew Mines'], ui('ar')).join('')).toBe('Amira Jadoon وAndrew Mines');
  });
});
