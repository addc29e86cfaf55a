/**
 * Proper names in an article that no known entity covers: what the importer proposes as new entities.
 */
import { foldName } from '../../text/fold';

/** Lower-case words that may sit inside a name: "Institute for Economics and Peace", "Osama bin Laden". */
const CONNECTORS = new Set(['of', 'for', 'on', 'the', 'and', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'y']);

/** Capitalised, these are still ordinary words: they start sentences and headlines, not names. */
const STOP_WORDS = new Set(
  (
    'a an the this that these those it its it’s it\'s in on at by for from with within without into onto upon since after before during over under ' +
    'if when while where what who whom whose why how but and or nor so yet as than then there here he she they we i you his her their our my your ' +
    'him them us me also however although though because despite according quoting meanwhile moreover furthermore still even just only not no yes ' +
    'all some many more most much few one two three four five six seven eight nine ten first second third last next other another such each every ' +
    'is are was were be been being has have had do does did would shall should can could might must ' +
    'mr mrs ms dr sir lord lady gen col lt sgt capt prof president minister prime chief secretary senator governor ' +
    'monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december ' +
    'today yesterday tomorrow now'
  ).split(' '),
);
/** All in capitals, and still not names. */
const COMMON_ACRONYMS = new Set(['OK', 'TV', 'AM', 'PM', 'AD', 'BC', 'ID', 'PS', 'FAQ', 'PDF', 'URL', 'FYI', 'ASAP', 'RIP']);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /^(?:mr|mrs|ms|dr|st|jr|sr|gen|lt|col|sgt|capt|prof|rev|gov|sen|rep|no|vs|etc|(?:\p{L}\.)+\p{L})$/iu;

interface Word {
  text: string;
  start: number;
  end: number;
  /** Ends in "’s": a name stops there ("George Washington University’s Program"). */
  possessive: boolean;
  sentenceStart: boolean;
  capitalised: boolean;
  acronym: boolean;
  inTitleLine: boolean;
}

function wordsOf(text: string): Word[] {
  const titleLines = titleCaseLines(text);
  const words: Word[] = [];
  const pattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-‐‑.'’&][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
  let previousEnd = 0;
  let line = 0;
  for (const match of text.matchAll(pattern)) {
    let word = match[0];
    const start = match.index;
    let end = start + word.length;
    // "U.S." and "Dr." keep their full stop; a sentence's full stop is not the word's.
    if (text[end] === '.' && ABBREVIATIONS.test(word)) end++;
    const gap = text.slice(previousEnd, start);
    // An abbreviation took its full stop, so a full stop in the gap ends a sentence.
    const sentenceStart = words.length === 0 || /[.!?…:\n]/.test(gap);
    for (let i = gap.indexOf('\n'); i !== -1; i = gap.indexOf('\n', i + 1)) line++;
    const possessive = /['’]s$/u.test(word);
    if (possessive) {
      word = word.slice(0, -2);
      end = start + word.length;
    }
    const letters = word.replace(/[^\p{L}]/gu, '');
    const parts = word.split(/[-‐‑]/);
    words.push({
      text: text.slice(start, end),
      start,
      end,
      possessive,
      sentenceStart,
      acronym: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      capitalised: /^[\p{Lu}\p{Lt}]/u.test(word) || (parts.length > 1 && CONNECTORS.has(parts[0]) && /^\p{Lu}/u.test(parts[1])),
      inTitleLine: titleLines.has(line),
    });
    previousEnd = end;
  }
  return words;
}

/**
 * Lines in title case ("What Is ISIS-K That Claimed Responsibility For Kabul Airport Blasts?"),
 * where capitals say nothing about names: every long word capitalised, and an ordinary word
 * capitalised past the first. Lines in capitals too.
 */
function titleCaseLines(text: string): Set<number> {
  const lines = new Set<number>();
  text.split('\n').forEach((line, i) => {
    const words = line.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
    const long = words.filter((w) => w.length >= 4);
    const allCapitalised = long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
    const shouted = long.length >= 3 && long.every((w) => w === w.toUpperCase());
    const capitalStopWord = words.slice(1).some((w) => /^\p{Lu}/u.test(w) && STOP_WORDS.has(w.toLowerCase()));
    if (shouted || (allCapitalised && capitalStopWord)) lines.add(i);
  });
  return lines;
}

/**
 * Proper names in `text` that no known span covers: runs of capitalised words ("Amira Jadoon",
 * "Institute for Economics and Peace") and acronyms ("UN"), first appearance first, each name once.
 * A lone capitalised word is not proposed: it is as often the first word of a sentence.
 */
export function proposeCandidates(text: string, known: Array<{ start: number; end: number }>): Array<{ name: string; start: number; end: number }> {
  const covered = new Uint8Array(text.length + 1);
  for (const { start, end } of known) covered.fill(1, Math.max(0, start), Math.min(text.length, end));
  const words = wordsOf(text);
  const lowerCaseWords = new Set(words.filter((w) => /^\p{Ll}/u.test(w.text)).map((w) => w.text));
  const capitalisedInside = new Set(words.filter((w) => w.capitalised && !w.sentenceStart && !w.inTitleLine).map((w) => w.text));

  const isOrdinary = (word: Word): boolean => {
    const lower = word.text.toLowerCase().replace(/\.$/, '');
    if (word.acronym) return COMMON_ACRONYMS.has(word.text.replace(/\./g, ''));
    if (STOP_WORDS.has(lower)) return true;
    // First in a sentence, a capital proves nothing: an ordinary word is one the text also writes in lower case.
    if (!word.sentenceStart || capitalisedInside.has(word.text)) return false;
    return lowerCaseWords.has(lower);
  };
  const isCovered = (word: Word) => covered.subarray(word.start, word.end).some((c) => c === 1);

  const proposals: Array<{ name: string; start: number; end: number }> = [];
  const seen = new Set<string>();
  let run: Word[] = [];
  const close = () => {
    // A name neither starts nor ends with a connector: "of Uzbekistan", "Taliban and".
    while (run.length > 0 && !run[run.length - 1].capitalised) run.pop();
    const names = run.filter((w) => w.capitalised).length;
    if (names >= 2 || (run.length === 1 && run[0].acronym)) {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      const name = text.slice(start, end);
      const key = foldName(name);
      if (!seen.has(key)) {
        seen.add(key);
        proposals.push({ name, start, end });
      }
    }
    run = [];
  };

  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const joined = run.length > 0 && /^[ \t\u00a0]+$/.test(text.slice(run[run.length - 1].end, word.start)) && !run[run.length - 1].possessive;
    if (!joined) close();
    if (word.inTitleLine || isCovered(word)) {
      close();
      continue;
    }
    if (word.capitalised || word.acronym) {
      if (isOrdinary(word)) {
        close();
        continue;
      }
      run.push(word);
    } else if (run.length > 0 && CONNECTORS.has(word.text) && connectorFits(word.text, run)) {
      run.push(word);
    } else close();
    if (word.possessive) close();
  }
  close();
  return proposals;
}

/**
 * "of", "for" and "on" join a name only after a word that heads institutions, so that "Islamic
 * Movement of Uzbekistan" is one name and "Andrew Mines of West Point" two. "and" joins only
 * inside such a name ("Institute for Economics and Peace", not "Iraq and Syria"); "the" only
 * after another connector ("Bank of the West").
 */
const INSTITUTION_WORDS = new Set(
  (
    'institute institution university college school academy program programme centre center council committee commission ' +
    'movement party front army force forces brigade corps command ministry department office bureau agency authority board ' +
    'bank fund foundation society association organisation organization union league federation alliance court tribunal ' +
    'republic kingdom state states emirate province church museum library hospital company corporation group network ' +
    'secretary minister president prince princess king queen duke chief director house senate assembly parliament'
  ).split(' '),
);

function connectorFits(connector: string, run: Word[]): boolean {
  const previous = run[run.length - 1];
  if (!previous.capitalised) return connector === 'the' && ['of', 'for', 'on'].includes(previous.text);
  if (connector === 'the') return false;
  if (connector === 'and') return run.some((w) => w.text === 'of' || w.text === 'for');
  if (['of', 'for', 'on'].includes(connector)) return INSTITUTION_WORDS.has(previous.text.toLowerCase());
  return true;
}
