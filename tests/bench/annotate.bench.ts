/**
 * Throughput of Annotator.annotate beside the obvious alternative, one regular expression
 * alternating every alias, on the same generated text in the same run. Deterministic: the
 * text and aliases come from a seeded generator, so two runs measure the same work.
 *
 * npm run bench runs it, bundled into dist/bench/.
 *
 * Writes the figures to annotate.json beside the bundle.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotator, type AliasEntry } from '../../api/text/annotate';
import { seededRandom } from '../setup/random';

const TEXT_BYTES = 1_000_000;
const ALIAS_COUNT = 100_000;
const PLANTED = 2_000;
const ANNOTATE_RUNS = 9;
/** The regular expression is given this long on the whole text before it is measured on a prefix instead. */
const REGEX_BUDGET_MS = 60_000;

const rand = seededRandom(20260827);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];

// Names and ordinary words are spelled from different syllables, so that text words are names
// only where the generator put one.
const NAME_SYLLABLES = ['ka', 'bul', 'is', 'lam', 'li', 'ban', 'ko', 'ra', 'san', 'pro', 'vin', 'ce', 'af', 'gha', 'ni', 'stan', 'qa', 'zo', 'yu', 'ha', 'wo', 'nu', 'pé', 'gö'];
const ORDINARY_SYLLABLES = ['o', 'pa', 'te', 'ru', 'mi', 'ne', 'so', 'lu', 've', 'di', 'ga', 'fo', 'me', 'tu', 're', 'the', 'ment'];
function makeWord(syllables: readonly string[]): string {
  let word = '';
  const count = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) word += pick(syllables);
  return word;
}
const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);

// Ordinary words fill most of the text; name words, alone or in runs, make up the rest, so that it
// holds many partial matches (a name word that begins some alias but is not one), the case that
// costs a matcher most.
const ordinaryWords = Array.from({ length: 5_000 }, () => makeWord(ORDINARY_SYLLABLES));
const nameWords = Array.from({ length: 60_000 }, () => capitalised(makeWord(NAME_SYLLABLES)));

const aliases: AliasEntry[] = [];
const aliasSet = new Set<string>();
while (aliases.length < ALIAS_COUNT) {
  const length = rand() < 0.1 ? 1 : 2 + Math.floor(rand() * 3);
  const words = Array.from({ length }, (_, i) => (i > 0 && i < length - 1 && rand() < 0.15 ? 'of' : pick(nameWords)));
  const alias = words.join(rand() < 0.1 ? '-' : ' ');
  if (aliasSet.has(alias)) continue;
  aliasSet.add(alias);
  aliases.push({ alias, entityId: `e${aliases.length}` });
}

const parts: string[] = [];
let size = 0;
const plantEvery = Math.floor(TEXT_BYTES / 7 / PLANTED);
let planted = 0;
const plantedAt = new Set<number>();
for (let n = 0, offset = 0; size < TEXT_BYTES; n++) {
  const plant = n % plantEvery === plantEvery - 1 && planted < PLANTED;
  if (plant) {
    planted++;
    plantedAt.add(offset);
  }
  const part = plant ? pick(aliases).alias : rand() < 0.2 ? pick(nameWords) : pick(ordinaryWords);
  const separator = rand() < 0.08 ? '. ' : rand() < 0.05 ? ', ' : ' ';
  parts.push(part, separator);
  size += Buffer.byteLength(part) + separator.length;
  offset += part.length + separator.length;
}
const text = parts.join('');
const textBytes = Buffer.byteLength(text);
const mb = (bytes: number) => bytes / 1_000_000;

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

// --- Annotator -------------------------------------------------------------------------------
const build = time(() => new Annotator(aliases));
const annotator = build.value;
annotator.annotate(text); // warm up the JIT and the code point cache
const runs: number[] = [];
let annotationCount = 0;
let plantedFound = 0;
for (let i = 0; i < ANNOTATE_RUNS; i++) {
  const run = time(() => annotator.annotate(text));
  runs.push(run.ms);
  annotationCount = run.value.length;
  // A planted alias can run on into a longer one with the word after it, so found means "an annotation starts there".
  plantedFound = run.value.filter((a) => plantedAt.has(a.start)).length;
}
runs.sort((a, b) => a - b);
const annotateMs = runs[Math.floor(runs.length / 2)];
const annotateMBps = mb(textBytes) / (annotateMs / 1000);

// --- Naive regular expression ----------------------------------------------------------------
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sorted = aliases.map((a) => a.alias).sort((a, b) => b.length - a.length);
const compile = time(() => {
  const regex = new RegExp(`\\b(?:${sorted.map(escape).join('|')})\\b`, 'giu');
  regex.test('warm'); // V8 compiles a regular expression on its first use
  return regex;
});
const regex = compile.value;
const countMatches = (input: string) => {
  regex.lastIndex = 0;
  let count = 0;
  while (regex.exec(input)) count++;
  return count;
};

// Probes on growing prefixes say how fast it goes; the whole text is measured only when it fits the budget.
const MEASURE_MS = 10_000;
let probeLength = 256;
let probe = time(() => countMatches(text.slice(0, probeLength)));
while (probe.ms < 50 && probeLength < text.length) {
  probeLength = Math.min(text.length, probeLength * 4);
  probe = time(() => countMatches(text.slice(0, probeLength)));
}
const estimatedMs = (probe.ms * text.length) / probeLength;
let measured = probe;
let measuredLength = probeLength;
if (probeLength < text.length) {
  // The cost per character of an alternation does not depend on where in the text it is.
  measuredLength = estimatedMs <= REGEX_BUDGET_MS ? text.length : Math.max(probeLength, Math.floor((text.length * MEASURE_MS) / estimatedMs));
  const prefix = text.slice(0, measuredLength);
  measured = time(() => countMatches(prefix));
}
const extrapolated = measuredLength < text.length;
const regexBytes = Buffer.byteLength(text.slice(0, measuredLength));
const regexMs = measured.ms;
const regexMatches = measured.value;
const regexMBps = mb(regexBytes) / (regexMs / 1000);

const result = {
  textBytes,
  aliases: aliases.length,
  planted,
  annotator: {
    buildMs: Math.round(build.ms),
    medianMs: Math.round(annotateMs),
    bestMs: Math.round(runs[0]),
    runsMs: runs.map(Math.round),
    mbPerSecond: Number(annotateMBps.toFixed(2)),
    annotations: annotationCount,
    plantedFound,
  },
  regex: {
    compileMs: Math.round(compile.ms),
    measuredBytes: regexBytes,
    measuredMs: Math.round(regexMs),
    extrapolatedFromPrefix: extrapolated,
    mbPerSecond: Number(regexMBps.toFixed(4)),
    matches: regexMatches,
  },
  ratio: Number((annotateMBps / regexMBps).toFixed(1)),
  node: process.version,
};

console.log(`text ${mb(textBytes).toFixed(2)} MB, ${aliases.length} aliases, ${planted} planted`);
console.log(
  `Annotator: build ${result.annotator.buildMs} ms; annotate ${result.annotator.medianMs} ms median of ${ANNOTATE_RUNS} (best ${result.annotator.bestMs} ms) = ${result.annotator.mbPerSecond} MB/s (${annotationCount} annotations; ${plantedFound} of ${planted} planted aliases found)`,
);
console.log(
  `RegExp alternation: compile ${result.regex.compileMs} ms; ${Math.round(regexMs)} ms on ${regexBytes} bytes = ${result.regex.mbPerSecond} MB/s` +
    (extrapolated ? ` (measured on a prefix only: the whole text was estimated at ${Math.round(estimatedMs / 1000)} s; the rate is extrapolated)` : '') +
    ` (${regexMatches} matches)`,
);
console.log(`Annotator / RegExp: ${result.ratio}x`);

const out = join(__dirname, 'annotate.json');
mkdirSync(__dirname, { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${out}`);
