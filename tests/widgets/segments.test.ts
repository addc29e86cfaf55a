import { segment, type Piece } from '../../widgets/src/segments';
import type { CitationMark, EntityRef, MentionMark, SourceRef } from '../../widgets/src/types';

const isisK: EntityRef = { slug: 'isis-k', name: 'ISIS-K', description: 'Afghan affiliate of the Islamic State' };
const islamicState: EntityRef = { slug: 'islamic-state', name: 'Islamic State', description: null };
const conversation: SourceRef = { slug: 'the-conversation', name: 'The Conversation' };
const gti: SourceRef = { slug: 'global-terrorism-index', name: 'Global Terrorism Index' };

const mention = (start: number, end: number, entity: EntityRef): MentionMark => ({ __typename: 'MentionMark', start, end, entity });
const cite = (start: number, end: number, source: SourceRef): CitationMark => ({ __typename: 'CitationMark', start, end, source });

/** A readable picture of the pieces: text as [text|slug,slug], citations as (source). */
const show = (pieces: Piece[]): string =>
  pieces
    .map((p) => ('cite' in p ? `(${p.cite.slug})` : p.mentions.length ? `[${p.text}|${p.mentions.map((m) => m.slug).join(',')}]` : p.text))
    .join('');

describe('mark segmentation', () => {
  it('returns the text untouched when there are no marks', () => {
    expect(segment('ISIS-K was founded in 2015.', [])).toEqual([{ text: 'ISIS-K was founded in 2015.', mentions: [] }]);
    expect(segment('ISIS-K was founded in 2015.', null)).toEqual([{ text: 'ISIS-K was founded in 2015.', mentions: [] }]);
  });

  it('wraps a mention and keeps the text around it', () => {
    expect(show(segment('Then ISIS-K struck.', [mention(5, 11, isisK)]))).toBe('Then [ISIS-K|isis-k] struck.');
  });

  it('places a citation note right after the last character it covers', () => {
    const text = 'Founded in 2015. Deadly by 2018.';
    expect(show(segment(text, [cite(0, 16, conversation), cite(17, 32, gti)]))).toBe(
      'Founded in 2015.(the-conversation) Deadly by 2018.(global-terrorism-index)',
    );
  });

  it('nests mentions outermost first', () => {
    const text = 'The Islamic State Khorasan Province';
    const pieces = segment(text, [mention(4, 17, islamicState), mention(0, 35, isisK)]);
    expect(show(pieces)).toBe('[The |isis-k][Islamic State|isis-k,islamic-state][ Khorasan Province|isis-k]');
  });

  it('splits overlapping marks at every boundary and loses no text', () => {
    // mention 0..10 and citation 5..20 overlap without nesting; a second mention 8..14 crosses both.
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const pieces = segment(text, [mention(0, 10, isisK), cite(5, 20, conversation), mention(8, 14, islamicState)]);
    expect(show(pieces)).toBe('[abcdefgh|isis-k][ij|isis-k,islamic-state][klmn|islamic-state]opqrst(the-conversation)uvwxyz');
    expect(pieces.map((p) => ('text' in p ? p.text : '')).join('')).toBe(text);
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings do', () => {
    const text = '🇦🇫 ISIS-K’s goal';
    const start = text.indexOf('ISIS-K');
    expect(start).toBe(5); // the flag is two astral characters: four code units, then a space
    expect(show(segment(text, [mention(start, start + 6, isisK)]))).toBe('🇦🇫 [ISIS-K|isis-k]’s goal');
  });

  it('leaves out the note where the paragraph names the source itself, in any case, and keeps the others', () => {
    const text = 'Deadly by 2018, according to the global terrorism index. Founded in 2015.';
    expect(show(segment(text, [cite(0, 14, gti), cite(57, 73, conversation)]))).toBe(
      'Deadly by 2018, according to the global terrorism index. Founded in 2015.(the-conversation)',
    );
  });

  it('clamps offsets past the end and ignores inverted marks', () => {
    expect(show(segment('short', [mention(2, 99, isisK), mention(4, 1, islamicState)]))).toBe('sh[ort|isis-k]');
  });

  it('gives a zero-length citation a note at its point, once per source', () => {
    expect(show(segment('claim', [cite(5, 5, gti), cite(0, 5, gti)]))).toBe('claim(global-terrorism-index)');
    expect(show(segment('claim', [cite(0, 0, gti)]))).toBe('(global-terrorism-index)claim');
  });
});
