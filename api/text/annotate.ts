/**
 * Finds mentions of known entities in running text: every alias is matched as a sequence of
 * folded words (see foldWordSpans), so "ISIS-K", "isis k" and "ISIS–K" are one alias while
 * "ISK" never matches inside "ISKP" or "whisk". An Aho–Corasick automaton over word ids makes
 * annotate() one pass over the text whatever the number of aliases.
 */

export interface AliasEntry {
  alias: string;
  entityId: string;
  /**
   * Match only the alias's own capitalisation. Aliases of at most SHORT_ALIAS_LENGTH letters
   * always do; set it for longer acronyms that are also ordinary words ("WHO", "AIM").
   */
  caseSensitive?: boolean;
}

export interface Annotation {
  start: number;
  end: number;
  text: string;
  alias: string;
  entityId: string;
}

/** A folded word and the UTF-16 span of the original text it was folded from (end exclusive). */
export interface FoldedWord {
  word: string;
  start: number;
  end: number;
}

/**
 * Folded, "US", "IS" and "UN" are the words "us", "is" and "un": aliases this short must match
 * the capitalisation they were written with, or every "us" in a text would be the United States.
 */
export const SHORT_ALIAS_LENGTH = 2;

// Marks in these scripts spell vowels rather than accents: stripping them, as foldWords does,
// would make "काम" (work) and "कम" (less) one word. Every other mark is folded away.
const VOWEL_SIGN_SCRIPTS =
  '\\p{sc=Deva}\\p{sc=Beng}\\p{sc=Guru}\\p{sc=Gujr}\\p{sc=Orya}\\p{sc=Taml}\\p{sc=Telu}\\p{sc=Knda}' +
  '\\p{sc=Mlym}\\p{sc=Sinh}\\p{sc=Thai}\\p{sc=Laoo}\\p{sc=Tibt}\\p{sc=Mymr}\\p{sc=Khmr}';
const FOLDED_MARK = new RegExp(`(?![${VOWEL_SIGN_SCRIPTS}])\\p{M}`, 'gu');
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_AT_START = /^[\p{L}\p{N}\p{M}]/u;
const WORD_AT_END = /[\p{L}\p{N}\p{M}]$/u;

/** What one non-ASCII code point folds to: runs of word characters, and whether a separator comes before/after them. */
interface CodePointFold {
  pieces: string[];
  breaksBefore: boolean;
  breaksAfter: boolean;
}

/** Code points that fold to nothing (combining marks) join the word around them. */
const JOINS: CodePointFold = { pieces: [], breaksBefore: false, breaksAfter: false };
const SEPARATES: CodePointFold = { pieces: [], breaksBefore: true, breaksAfter: true };
const codePointFolds = new Map<number, CodePointFold>();

function foldCodePoint(codePoint: number): CodePointFold {
  const cached = codePointFolds.get(codePoint);
  if (cached) return cached;
  const folded = foldChars(String.fromCodePoint(codePoint));
  let result: CodePointFold;
  if (folded === '') result = JOINS;
  else {
    const pieces = folded.match(WORD_RUN) ?? [];
    result = pieces.length === 0 ? SEPARATES : { pieces, breaksBefore: !WORD_AT_START.test(folded), breaksAfter: !WORD_AT_END.test(folded) };
  }
  codePointFolds.set(codePoint, result);
  return result;
}

/**
 * foldWords' steps (NFKD, drop marks, lowercase), applied one code point at a time so that
 * offsets survive. Final sigma is folded to σ because, one letter at a time, "Σ" can only
 * lowercase to σ while a written "ς" stays ς.
 */
function foldChars(text: string): string {
  return text.normalize('NFKD').replace(FOLDED_MARK, '').toLocaleLowerCase('und').replace(/ς/g, 'σ');
}

/** Words keep their case here: what short and case-sensitive aliases are compared on. */
function caseKey(text: string): string {
  return (text.normalize('NFKD').replace(FOLDED_MARK, '').match(WORD_RUN) ?? []).join(' ');
}

/**
 * The words foldWords would find in `text`, each with the span of the original it came from.
 * A word's span includes the combining marks folded into it. Two deliberate differences from
 * foldWords: vowel signs of Indic and South-East Asian scripts are kept, and ς folds to σ.
 */
export function foldWordSpans(text: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  scanWords(text, (word, start, end) => words.push({ word, start, end }));
  return words;
}

function scanWords(text: string, emit: (word: string, start: number, end: number) => void): void {
  let inWord = false;
  let start = 0;
  let end = 0;
  // null while the word is a plain run of ASCII letters and digits: one slice and one
  // toLowerCase at its end are then far cheaper than growing a string letter by letter.
  let word: string | null = null;
  const spelled = () => word ?? text.slice(start, end).toLowerCase();
  const flush = () => {
    emit(spelled(), start, end);
    inWord = false;
  };

  const length = text.length;
  for (let i = 0; i < length; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if ((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
        if (!inWord) {
          inWord = true;
          start = i;
          word = null;
        } else if (word !== null) word += String.fromCharCode(lower); // digits already have bit 0x20 set
        end = i + 1;
      } else if (inWord) flush();
      i++;
      continue;
    }

    const codePoint = text.codePointAt(i) as number;
    const next = i + (codePoint > 0xffff ? 2 : 1);
    const fold = foldCodePoint(codePoint);
    if (fold.pieces.length === 0) {
      if (fold.breaksBefore) {
        if (inWord) flush();
      } else if (inWord) {
        word = spelled();
        end = next;
      }
    } else {
      const { pieces } = fold;
      for (let k = 0; k < pieces.length; k++) {
        if (k === 0 && inWord && !fold.breaksBefore) {
          word = spelled() + pieces[k];
        } else {
          if (inWord) flush();
          inWord = true;
          start = i;
          word = pieces[k];
        }
        end = next;
        if (k < pieces.length - 1) flush();
      }
      if (fold.breaksAfter) flush();
    }
    i = next;
  }
  if (inWord) flush();
}

interface Entry {
  alias: string;
  entityId: string;
  /** Whether a match must have the alias's own capitalisation. */
  caseSensitive: boolean;
  /** The alias's caseKey, computed when first needed: most aliases never need it. */
  exactKey: string | null;
  /** Punctuation the alias ends with ("U.S."): taken into the match when the text has it too. */
  tail: string;
}

/**
 * The automaton's edges (node, word id) -> node in one open-addressing table: with a hundred
 * thousand aliases, a Map per node spends the pass waiting on memory.
 */
class Transitions {
  private nodes = new Int32Array(1024).fill(-1);
  private words = new Int32Array(1024);
  private targets = new Int32Array(1024);
  private size = 0;

  get(node: number, word: number): number {
    const mask = this.nodes.length - 1;
    for (let slot = slotOf(node, word) & mask; ; slot = (slot + 1) & mask) {
      const found = this.nodes[slot];
      if (found === -1) return -1;
      if (found === node && this.words[slot] === word) return this.targets[slot];
    }
  }

  set(node: number, word: number, target: number): void {
    if ((this.size + 1) * 2 > this.nodes.length) this.grow();
    const mask = this.nodes.length - 1;
    let slot = slotOf(node, word) & mask;
    while (this.nodes[slot] !== -1 && !(this.nodes[slot] === node && this.words[slot] === word)) slot = (slot + 1) & mask;
    if (this.nodes[slot] === -1) this.size++;
    this.nodes[slot] = node;
    this.words[slot] = word;
    this.targets[slot] = target;
  }

  private grow(): void {
    const { nodes, words, targets } = this;
    this.nodes = new Int32Array(nodes.length * 2).fill(-1);
    this.words = new Int32Array(nodes.length * 2);
    this.targets = new Int32Array(nodes.length * 2);
    this.size = 0;
    for (let slot = 0; slot < nodes.length; slot++) if (nodes[slot] !== -1) this.set(nodes[slot], words[slot], targets[slot]);
  }
}

function slotOf(node: number, word: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca77);
  return h ^ (h >>> 15);
}

export class Annotator {
  private readonly wordIds = new Map<string, number>();
  private readonly edges = new Transitions();
  /** Length in words of the alias each node spells. */
  private readonly depth: number[] = [0];
  private readonly fail: number[] = [0];
  /** Nearest proper suffix node where an alias ends, or -1: reports every alias ending at a word. */
  private readonly outputLink: number[] = [-1];
  private readonly entries: Array<Entry[] | undefined> = [undefined];

  constructor(entries: Iterable<AliasEntry>) {
    const parent: number[] = [-1];
    const via: number[] = [-1];
    const seen = new Set<string>();
    for (const { alias, entityId, caseSensitive } of entries) {
      const words = foldWordSpans(alias).map((w) => w.word);
      // An alias of only punctuation can name nothing in a text.
      if (words.length === 0) continue;
      const key = `${entityId}\u0000${alias}`;
      if (seen.has(key)) continue;
      seen.add(key);

      let node = 0;
      for (const word of words) {
        let id = this.wordIds.get(word);
        if (id === undefined) {
          id = this.wordIds.size;
          this.wordIds.set(word, id);
        }
        let child = this.edges.get(node, id);
        if (child === -1) {
          child = this.depth.length;
          this.depth.push(this.depth[node] + 1);
          this.fail.push(0);
          this.outputLink.push(-1);
          this.entries.push(undefined);
          parent.push(node);
          via.push(id);
          this.edges.set(node, id, child);
        }
        node = child;
      }
      const short = codePointCount(words) <= SHORT_ALIAS_LENGTH;
      const tail = /[^\p{L}\p{N}\p{M}\s]*$/u.exec(alias)?.[0] ?? '';
      (this.entries[node] ??= []).push({ alias, entityId, caseSensitive: short || caseSensitive === true, exactKey: null, tail });
    }
    this.link(parent, via);
  }

  /** Failure and output links, shallowest nodes first: a node's links lead only to shallower nodes. */
  private link(parent: number[], via: number[]): void {
    const byDepth = Array.from(this.depth.keys()).sort((a, b) => this.depth[a] - this.depth[b]);
    for (const node of byDepth) {
      if (node === 0) continue;
      const word = via[node];
      let state = this.fail[parent[node]];
      let target = parent[node] === 0 ? -1 : this.edges.get(state, word);
      while (target === -1 && state !== 0) {
        state = this.fail[state];
        target = this.edges.get(state, word);
      }
      const fail = target === -1 || target === node ? 0 : target;
      this.fail[node] = fail;
      this.outputLink[node] = this.entries[fail] ? fail : this.outputLink[fail];
    }
  }

  /** Mentions in `text`, leftmost first; where matches overlap the longest one starting leftmost wins. */
  annotate(text: string): Annotation[] {
    const starts: number[] = [];
    const ends: number[] = [];
    // Per word: the last word of the longest acceptable match starting at it (-1 for none) and its alias.
    // Matches with one start are found shortest first, so each one found replaces the last.
    const longest: number[] = [];
    const chosen: Array<Entry | null> = [];
    let state = 0;
    scanWords(text, (word, start, end) => {
      const index = starts.length;
      starts.push(start);
      ends.push(end);
      longest.push(-1);
      chosen.push(null);
      const id = this.wordIds.get(word);
      if (id === undefined) {
        // No alias contains this word, so no match can run across it.
        state = 0;
        return;
      }
      let next = this.edges.get(state, id);
      while (next === -1 && state !== 0) {
        state = this.fail[state];
        next = this.edges.get(state, id);
      }
      state = next === -1 ? 0 : next;
      for (let node = this.entries[state] ? state : this.outputLink[state]; node !== -1; node = this.outputLink[node]) {
        const first = index - this.depth[node] + 1;
        const entry = this.choose(this.entries[node] as Entry[], text, starts[first], end);
        if (!entry) continue;
        longest[first] = index;
        chosen[first] = entry;
      }
    });

    const annotations: Annotation[] = [];
    for (let first = 0; first < longest.length; first++) {
      const last = longest[first];
      if (last === -1) continue;
      const entry = chosen[first] as Entry;
      const start = starts[first];
      let end = ends[last];
      if (entry.tail && text.startsWith(entry.tail, end)) end += entry.tail.length;
      annotations.push({ start, end, text: text.slice(start, end), alias: entry.alias, entityId: entry.entityId });
      first = last;
    }
    return annotations;
  }

  /** Of the aliases folding alike, the first whose capitalisation rule the matched words satisfy; the one written exactly so if several do. */
  private choose(entries: Entry[], text: string, start: number, end: number): Entry | undefined {
    if (entries.length === 1 && !entries[0].caseSensitive) return entries[0];
    const key = caseKey(text.slice(start, end));
    let fallback: Entry | undefined;
    for (const entry of entries) {
      if ((entry.exactKey ??= caseKey(entry.alias)) === key) return entry;
      if (!entry.caseSensitive) fallback ??= entry;
    }
    return fallback;
  }
}

function codePointCount(words: string[]): number {
  let count = 0;
  for (const word of words) for (const _ of word) count++;
  return count;
}
