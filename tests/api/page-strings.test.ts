import { UI_LANGS } from '../../widgets/src/i18n';
import { ENTITY_STRINGS, entityStrings } from '../../api/pages/entity-strings';
import { PAGE_STRINGS, pageStrings } from '../../api/pages/page-strings';

/** Every string of a table, by its path: 'predicates.RIVAL_OF'. */
const flat = (o: object, prefix = ''): Array<[string, string]> =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v as string]]));
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe.each([
  ['the explainer and embed pages', PAGE_STRINGS, pageStrings],
  ['the entity page', ENTITY_STRINGS, entityStrings],
] as const)('the words of %s', (_name, tables, choose) => {
  it('come in every language the box speaks, each with every string and the English template’s placeholders', () => {
    expect(Object.keys(tables).sort()).toEqual([...UI_LANGS].sort());
    const english = flat(tables.en);
    for (const lang of UI_LANGS) {
      const table = flat(tables[lang]);
      expect([lang, table.map(([k]) => k)]).toEqual([lang, english.map(([k]) => k)]);
      for (const [i, [key, text]] of table.entries()) {
        expect([lang, key, text.trim().length > 0, placeholders(text)]).toEqual([lang, key, true, placeholders(english[i][1])]);
      }
    }
  });

  it('are translated: a language that is not English shares with it only templates and names', () => {
    const english = new Map(flat(tables.en));
    for (const lang of UI_LANGS.filter((l) => l !== 'en')) {
      // Words spelt alike in both languages ('Organisation', 'Relations', 'Person') are not the whole table.
      const same = flat(tables[lang]).filter(([key, text]) => english.get(key) === text && text.replace(/\{\w+\}|\s/g, '') !== '');
      expect([lang, same.length <= 4]).toEqual([lang, true]);
    }
  });

  it('are chosen as the box’s are: by RFC 4647 lookup, English for a language Backstory does not speak', () => {
    expect(choose('de-AT')).toBe(tables.de);
    expect(choose('ur-PK')).toBe(tables.ur);
    expect(choose('es-419')).toBe(tables.es);
    expect(choose('pt-BR')).toBe(tables.en);
    expect(choose(undefined)).toBe(tables.en);
  });
});
