import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_LANGS, type UiStrings, factLabel, fill, format, formatDate, joinList, ui as uiWith, uiLang } from '../../widgets/src/i18n';
import { STRINGS } from '../../widgets/src/strings';

/** The box's words with every table at hand, as our pages render it. */
const ui = (wanted: Parameters<typeof uiWith>[0]) => uiWith(wanted, STRINGS);
const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((n) => `${k}.${n}`) : [k])).sort();

describe('UI strings', () => {
  it('picks a table by RFC 4647 lookup and English for any language it lacks', () => {
    expect(['ar', 'ar-EG', 'AR', 'ar_EG'].map((t) => uiLang(t))).toEqual(['ar', 'ar', 'ar', 'ar']);
    expect(['fr', 'fr-CA', 'FR-ch'].map((t) => uiLang(t))).toEqual(['fr', 'fr', 'fr']);
    expect(['fa-IR', 'ur-PK', 'es-419', 'de-AT'].map((t) => uiLang(t))).toEqual(['fa', 'ur', 'es', 'de']);
    expect(['en', 'en-IN', 'pt-BR', 'arn', 'frr', '', '12', null, undefined].map((t) => uiLang(t))).toEqual(Array(9).fill('en'));
  });

  it('takes the first language of a preference list that it speaks', () => {
    expect(uiLang(['pt-BR', 'fr-CA', 'en'])).toBe('fr');
    expect(uiLang(['12', 'ar-EG'])).toBe('ar');
    expect(ui(['pt-PT', 'en-IN', 'ar']).tag).toBe('en-IN');
    expect(ui(['de-AT', 'en-IN']).tag).toBe('de-AT');
  });

  it('speaks en, ar, fa, ur, fr, es and de, each with every string, none left empty or in English', () => {
    expect(Object.keys(STRINGS).sort()).toEqual(['ar', 'de', 'en', 'es', 'fa', 'fr', 'ur']);
    expect([...UI_LANGS].sort()).toEqual(Object.keys(STRINGS).sort());
    const english = STRINGS.en;
    for (const lang of UI_LANGS) {
      const table = STRINGS[lang];
      expect([lang, keys(table)]).toEqual([lang, keys(english)]);
      const words = (t: UiStrings) => [t.showMore, t.showLess, t.readExplainer, t.fullExplainer, t.keyFacts, ...Object.values(t.factKinds)];
      for (const word of words(table)) expect([lang, word.trim().length > 0]).toEqual([lang, true]);
      if (lang !== 'en') expect([lang, words(table).filter((w, i) => w === words(english)[i])]).toEqual([lang, []]);
      // Every placeholder of the English template is in the translation.
      for (const key of ['updated', 'according', 'quotedVia', 'quoted'] as const) {
        expect([lang, key, table[key].match(/\{\w+\}/g)?.sort()]).toEqual([lang, key, english[key].match(/\{\w+\}/g)?.sort()]);
      }
    }
    expect(UI_LANGS.map((lang) => STRINGS[lang].dir)).toEqual(['ltr', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
  });

  it('is built as one JSON file per language but English, which the bundle carries', () => {
    // dist/widgets is written by the build (tests/widgets/bundle-size.test.ts runs it).
    const dir = join(__dirname, '../../dist/widgets/strings');
    for (const lang of UI_LANGS.filter((l) => l !== 'en')) {
      expect(JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8'))).toEqual(STRINGS[lang]);
    }
    const bundle = readFileSync(join(__dirname, '../../dist/widgets/backstory.js'), 'utf8');
    expect(bundle).toContain(STRINGS.en.showMore);
    for (const lang of UI_LANGS.filter((l) => l !== 'en')) expect([lang, bundle.includes(STRINGS[lang].showMore)]).toEqual([lang, false]);
  });

  it('speaks only the languages whose tables it was given, English always', () => {
    expect(uiWith('ar').lang).toBe('en');
    expect(uiWith('ar', { ar: STRINGS.ar }).t.showMore).toBe('عرض المزيد');
    expect(uiWith(['fa', 'ar'], { ar: STRINGS.ar }).lang).toBe('ar');
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
