import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldWords } from '../../api/text/fold';
import { Annotator, foldWordSpans, type AliasEntry, type Annotation } from '../../api/text/annotate';
import seed from '../../api/content/what-is-isis-k.json';
import { seededRandom } from '../setup/random';

const seedText = readFileSync(join(__dirname, '../../api/content/what-is-isis-k.txt'), 'utf8');
const seedAliases: AliasEntry[] = seed.entities.flatMap((e) => [e.name, ...e.aliases].map((alias) => ({ alias, entityId: e.slug })));

const spans = (annotations: Annotation[]) => annotations.map((a) => [a.text, a.entityId]);
const annotate = (aliases: Array<[string, string]>, text: string) =>
  new Annotator(aliases.map(([alias, entityId]) => ({ alias, entityId }))).annotate(text);

/** Offsets of every occurrence of `needle` in `text`. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

describe('Annotator', () => {
  describe('folding', () => {
    it('matches an alias whatever its case, diacritics, dashes and spacing', () => {
      const text = 'isis k, ISIS–K, Isis-K, ÏSIS‑K and ISIS  -  K all name it.';
      expect(spans(annotate([['ISIS-K', 'isis-k']], text))).toEqual([
        ['isis k', 'isis-k'],
        ['ISIS–K', 'isis-k'],
        ['Isis-K', 'isis-k'],
        ['ÏSIS‑K', 'isis-k'],
        ['ISIS  -  K', 'isis-k'],
      ]);
    });

    it('matches a long name written in lower case', () => {
      const [found] = annotate([['Islamic State Khorasan Province', 'isis-k']], 'the islamic state khorasan province said');
      expect(found).toEqual({ start: 4, end: 35, text: 'islamic state khorasan province', alias: 'Islamic State Khorasan Province', entityId: 'isis-k' });
    });

    it('reports the alias that matched and the original text it matched', () => {
      const [found] = annotate([['ISIS-K', 'isis-k']], 'Its name: isis–k.');
      expect(found).toEqual({ start: 10, end: 16, text: 'isis–k', alias: 'ISIS-K', entityId: 'isis-k' });
    });

    it('stops a match before a possessive', () => {
      expect(spans(annotate([['ISIS-K', 'isis-k']], 'ISIS-K’s goal and ISIS-K\'s aim'))).toEqual([
        ['ISIS-K', 'isis-k'],
        ['ISIS-K', 'isis-k'],
      ]);
    });

    it('keeps the punctuation an alias ends with when the text has it', () => {
      const found = annotate([['U.S.', 'united-states']], 'the U.S. withdrawal; U.S forces');
      expect(found.map((a) => [a.start, a.text])).toEqual([
        [4, 'U.S.'],
        [21, 'U.S'],
      ]);
    });

    it('gives UTF-16 offsets into the original text, across astral characters and combining marks', () => {
      const text = '😀 𝒜 cafe\u0301 said Ka\u0304bul and ISIS-K\u0301 did';
      const found = annotate(
        [
          ['Café', 'cafe'],
          ['Kabul', 'kabul'],
          ['ISIS-K', 'isis-k'],
        ],
        text,
      );
      expect(found.map((a) => a.text)).toEqual(['cafe\u0301', 'Ka\u0304bul', 'ISIS-K\u0301']);
      for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
      expect(found[0].start).toBe(text.indexOf('cafe'));
    });

    it('folds compatibility characters as NFKD does', () => {
      expect(spans(annotate([['ISIS', 'isis'], ['fighters', 'f']], 'ＩＳＩＳ ﬁghters'))).toEqual([
        ['ＩＳＩＳ', 'isis'],
        ['ﬁghters', 'f'],
      ]);
    });
  });

  describe('word boundaries', () => {
    it('does not match an alias inside a longer word', () => {
      expect(annotate([['ISK', 'isis-k']], 'ISKP, whisk, ISKs, risky, kiosk')).toEqual([]);
    });

    it('matches an alias between punctuation, at the start and at the end of the text', () => {
      const found = annotate([['ISK', 'isis-k']], 'ISK (ISK), “ISK”—ISK');
      expect(found.map((a) => a.start)).toEqual([0, 5, 12, 17]);
    });

    it('does not join words: "ISISK" is not "ISIS-K", and "is K" is not "ISK"', () => {
      expect(annotate([['ISIS-K', 'isis-k'], ['ISK', 'isis-k']], 'ISISK, or plan B is K-shaped')).toEqual([]);
    });
  });

  describe('overlaps', () => {
    it('prefers the longest alias starting at the same word', () => {
      const found = annotate(
        [
          ['Islamic State', 'islamic-state'],
          ['Islamic State Khorasan Province', 'isis-k'],
        ],
        'The Islamic State Khorasan Province is not the Islamic State.',
      );
      expect(spans(found)).toEqual([
        ['Islamic State Khorasan Province', 'isis-k'],
        ['Islamic State', 'islamic-state'],
      ]);
    });

    it('prefers the leftmost match to a longer one starting inside it, and never overlaps', () => {
      const found = annotate(
        [
          ['Afghan Taliban', 'afghan-taliban'],
          ['Taliban positions throughout the country', 'positions'],
          ['country', 'country'],
        ],
        'the Afghan Taliban positions throughout the country',
      );
      expect(spans(found)).toEqual([
        ['Afghan Taliban', 'afghan-taliban'],
        ['country', 'country'],
      ]);
    });

    it('finds a shorter alias inside a longer one that did not complete', () => {
      const found = annotate(
        [
          ['Islamic State Khorasan Province', 'isis-k'],
          ['State Khorasan', 'sk'],
          ['Khorasan Region', 'kr'],
        ],
        'Islamic State Khorasan branch; Islamic State Khorasan Region',
      );
      expect(spans(found)).toEqual([
        ['State Khorasan', 'sk'],
        ['State Khorasan', 'sk'],
      ]);
    });

    it('treats the same alias given twice for one entity as one', () => {
      expect(annotate([['ISKP', 'isis-k'], ['ISKP', 'isis-k']], 'ISKP')).toHaveLength(1);
    });
  });

  describe('short aliases', () => {
    // Folded, "US", "IS" and "UN" are the ordinary words "us", "is" and "un".
    it('matches an alias of two letters or fewer only with its own capitalisation', () => {
      const found = annotate(
        [
          ['US', 'united-states'],
          ['IS', 'islamic-state'],
          ['UN', 'united-nations'],
        ],
        'Tell us: is the US for IS, Is the UN un peu late? Us?',
      );
      expect(spans(found)).toEqual([
        ['US', 'united-states'],
        ['IS', 'islamic-state'],
        ['UN', 'united-nations'],
      ]);
    });

    it('counts letters after folding, so "U.S." is short too', () => {
      expect(spans(annotate([['U.S.', 'united-states']], 'u.s. or U.S.'))).toEqual([['U.S.', 'united-states']]);
    });

    it('still ignores diacritics in a short alias', () => {
      expect(spans(annotate([['UN', 'un']], 'the ÚN said'))).toEqual([['ÚN', 'un']]);
    });

    it('matches a longer acronym that is also a word in any case unless it is marked caseSensitive', () => {
      const text = 'WHO said who knows';
      expect(annotate([['WHO', 'who']], text)).toHaveLength(2);
      const strict = new Annotator([{ alias: 'WHO', entityId: 'who', caseSensitive: true }]).annotate(text);
      expect(spans(strict)).toEqual([['WHO', 'who']]);
    });

    it('picks, among aliases that fold alike, the one written as in the text', () => {
      const annotator = new Annotator([
        { alias: 'ISIS', entityId: 'islamic-state' },
        { alias: 'Isis', entityId: 'goddess' },
      ]);
      expect(spans(annotator.annotate('Isis, ISIS, isis'))).toEqual([
        ['Isis', 'goddess'],
        ['ISIS', 'islamic-state'],
        ['isis', 'islamic-state'],
      ]);
    });

    it('falls back to a shorter match when a short alias is written in another case', () => {
      const found = annotate(
        [
          ['US', 'united-states'],
          ['Us Weekly', 'magazine'],
        ],
        'us weekly',
      );
      expect(spans(found)).toEqual([['us weekly', 'magazine']]);
      expect(annotate([['US', 'united-states'], ['army', 'army']], 'us army')).toEqual([expect.objectContaining({ text: 'army' })]);
    });
  });

  describe('scripts other than Latin', () => {
    const arabic: Array<[string, string]> = [['الدولة الإسلامية', 'islamic-state']];

    it('matches Arabic with or without harakat, on either side', () => {
      const voweled = 'أعلن تنظيم الدَّوْلَةِ الإِسْلَامِيَّةِ مسؤوليته';
      const plain = 'أعلن تنظيم الدولة الاسلامية مسؤوليته';
      expect(spans(annotate(arabic, voweled))).toEqual([['الدَّوْلَةِ الإِسْلَامِيَّةِ', 'islamic-state']]);
      expect(spans(annotate(arabic, plain))).toEqual([['الدولة الاسلامية', 'islamic-state']]);
      expect(spans(annotate([['الدَّوْلَةُ الإِسْلَامِيَّةُ', 'islamic-state']], plain))).toHaveLength(1);
      const [found] = annotate(arabic, voweled);
      expect(voweled.slice(found.start, found.end)).toBe(found.text);
    });

    it('does not match an Arabic alias inside a longer word', () => {
      expect(annotate([['الدولة', 'state']], 'الدولتين')).toEqual([]);
    });

    it('matches Cyrillic in any case, ё as е, and only whole words', () => {
      const found = annotate([['Исламское государство', 'islamic-state'], ['Всё', 'all']], 'ИСЛАМСКОЕ ГОСУДАРСТВО и исламское государство, но не государственный. ВСЕ');
      expect(spans(found)).toEqual([
        ['ИСЛАМСКОЕ ГОСУДАРСТВО', 'islamic-state'],
        ['исламское государство', 'islamic-state'],
        ['ВСЕ', 'all'],
      ]);
    });

    it('matches Devanagari, taking in the vowel signs that end a word', () => {
      const text = 'इस्लामिक स्टेट ने भारतीय जनता पार्टी। स्टेटस';
      const found = annotate(
        [
          ['इस्लामिक स्टेट', 'islamic-state'],
          ['पार्टी', 'party'],
          ['स्टेट', 'state'],
        ],
        text,
      );
      expect(spans(found)).toEqual([
        ['इस्लामिक स्टेट', 'islamic-state'],
        ['पार्टी', 'party'],
      ]);
      for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
    });

    it('keeps Devanagari vowel signs, which spell different words: काम (work) is not कम (less)', () => {
      expect(annotate([['काम', 'work']], 'कम काम')).toEqual([expect.objectContaining({ text: 'काम', start: 3 })]);
    });

    it('matches Greek in capitals, where a final sigma has no capital of its own', () => {
      expect(spans(annotate([['Οδός', 'street']], 'ΟΔΟΣ οδός'))).toEqual([
        ['ΟΔΟΣ', 'street'],
        ['οδός', 'street'],
      ]);
    });
  });

  describe('foldWordSpans', () => {
    it('finds the words foldWords finds, with their spans in the original', () => {
      const text = 'New Delhi: ISIS-K’s “leader”, Ï½ ﬁ ＡＢ — الدَّوْلَة — Государство, café\u0301.';
      const words = foldWordSpans(text);
      expect(words.map((w) => w.word)).toEqual(foldWords(text));
      for (const w of words) expect(foldWords(text.slice(w.start, w.end))).toContain(w.word);
    });
  });

  it('ignores aliases with no letters or digits, and annotates an empty text', () => {
    const annotator = new Annotator([{ alias: ' -- ', entityId: 'none' }, { alias: '', entityId: 'none' }]);
    expect(annotator.annotate('-- -- --')).toEqual([]);
    expect(new Annotator(seedAliases).annotate('')).toEqual([]);
  });

  describe('the seeded ISIS-K article', () => {
    const annotations = new Annotator(seedAliases).annotate(seedText);
    const forIsisK = annotations.filter((a) => a.entityId === 'isis-k');

    it('finds every ISIS-K mention at its offsets', () => {
      const expected = [
        ...occurrences(seedText, 'ISIS-K').map((start) => ({ start, text: 'ISIS-K' })),
        { start: seedText.indexOf('Islamic State Khorasan Province'), text: 'Islamic State Khorasan Province' },
        { start: seedText.indexOf('ISKP'), text: 'ISKP' },
        { start: seedText.indexOf(' ISK,') + 1, text: 'ISK' },
      ].sort((a, b) => a.start - b.start);
      expect(expected).toHaveLength(12);
      expect(forIsisK.map((a) => ({ start: a.start, text: a.text }))).toEqual(expected);
      for (const a of forIsisK) {
        expect(a.end).toBe(a.start + a.text.length);
        expect(seedText.slice(a.start, a.end)).toBe(a.text);
      }
    });

    it('finds the other entities the article mentions by name', () => {
      const found = new Set(annotations.map((a) => `${a.entityId}: ${a.text}`));
      for (const mention of [
        'islamic-state: Islamic State movement',
        'islamic-state: Islamic State group',
        'islamic-state: Islamic State',
        'pakistani-taliban: Pakistani Taliban',
        'afghan-taliban: Afghan Taliban',
        'islamic-movement-of-uzbekistan: Islamic Movement of Uzbekistan',
        'institute-for-economics-and-peace: Institute for Economics and Peace',
        'global-terrorism-index: Global Terrorism Index',
        'amira-jadoon: Amira Jadoon',
        'andrew-mines: Andrew Mines',
        'united-states-military-academy: US Military Academy West Point',
        'george-washington-university: George Washington University',
        'program-on-extremism: Program on Extremism',
        'us-withdrawal-from-afghanistan: U.S. withdrawal from Afghanistan',
        'kabul-airport-attack: Kabul Airport Blasts',
        'kabul-airport-attack: attack on the Kabul airport',
        'the-conversation: The Conversation',
        'south-asia: South Asia',
      ]) {
        expect(found).toContain(mention);
      }
    });

    it('never overlaps two annotations', () => {
      for (let i = 1; i < annotations.length; i++) expect(annotations[i].start).toBeGreaterThanOrEqual(annotations[i - 1].end);
    });
  });

  describe('a long text with many aliases', () => {
    const rand = seededRandom(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
    const syllables = ['ka', 'bul', 'is', 'lam', 'ta', 'li', 'ban', 'ko', 'ra', 'san', 'de', 'ri'];
    const word = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join('');
    const vocabulary = Array.from({ length: 3_000 }, word);

    const aliases: AliasEntry[] = [];
    const aliasKeys = new Set<string>();
    while (aliases.length < 5_000) {
      const words = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(vocabulary));
      if (aliasKeys.has(words.join(' '))) continue;
      aliasKeys.add(words.join(' '));
      aliases.push({ alias: words.map((w) => w[0].toUpperCase() + w.slice(1)).join(rand() < 0.3 ? '-' : ' '), entityId: `e${aliases.length}` });
    }

    // Filler words from the same syllables make the text full of partial matches.
    const parts: string[] = [];
    const planted: Array<{ start: number; alias: AliasEntry }> = [];
    let length = 0;
    while (length < 200_000) {
      const plant = rand() < 0.02;
      const alias = pick(aliases);
      const part = plant ? alias.alias : word();
      if (plant) planted.push({ start: length, alias });
      const separator = pick([' ', ' ', ' ', ', ', '. ', ' (', ') ']);
      parts.push(part, separator);
      length += part.length + separator.length;
    }
    const text = parts.join('');
    const annotations = new Annotator(aliases).annotate(text);

    /** An independent reading of the rules: at each word, try the longest alias first. */
    function reference(): Array<{ start: number; end: number; entityId: string }> {
      const byKey = new Map<string, string>();
      for (const a of aliases) if (!byKey.has(foldWords(a.alias).join(' '))) byKey.set(foldWords(a.alias).join(' '), a.entityId);
      const words = [...text.matchAll(/[A-Za-z0-9]+/g)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
      const found: Array<{ start: number; end: number; entityId: string }> = [];
      for (let i = 0; i < words.length; i++) {
        for (let n = 3; n >= 1; n--) {
          const entityId = byKey.get(
            words
              .slice(i, i + n)
              .map((w) => w.word)
              .join(' '),
          );
          if (entityId === undefined || i + n > words.length) continue;
          found.push({ start: words[i].start, end: words[i + n - 1].end, entityId });
          i += n - 1;
          break;
        }
      }
      return found;
    }

    it('is 200 KB long with 5,000 aliases and hundreds of planted mentions', () => {
      expect(text.length).toBeGreaterThanOrEqual(200_000);
      expect(planted.length).toBeGreaterThan(400);
    });

    it('finds what the longest-first reference finds, offset for offset', () => {
      expect(annotations.map(({ start, end, entityId }) => ({ start, end, entityId }))).toEqual(reference());
    });

    it('finds every planted alias at its offset, or a longer match that starts at or before it', () => {
      const byStart = new Map(annotations.map((a) => [a.start, a]));
      let exact = 0;
      for (const { start, alias } of planted) {
        const found = byStart.get(start);
        if (found && found.end === start + alias.alias.length) {
          expect(found.text).toBe(alias.alias);
          exact++;
        } else {
          // A neighbouring filler word can join the planted alias into a longer one.
          expect(annotations.some((a) => a.start <= start && a.end >= start + 1)).toBe(true);
        }
      }
      expect(exact / planted.length).toBeGreaterThan(0.8);
    });
  });
});
