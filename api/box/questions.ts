/**
 * The question a box about an entity asks, as a reader would put it: "Who is Amira Jadoon?", "What is
 * the Afghan Taliban?", "What was the Kabul airport attack?". An editor's question, set on the entity,
 * wins over the rule.
 */
import type { Entity } from '../store/entity.store';

/**
 * Common nouns that make a name take "the" when one of them heads it: "the Afghan Taliban", "the
 * Islamic Movement of Uzbekistan", "the United States", but "Hamas", "Amira Jadoon".
 */
const HEAD_NOUNS = new Set(
  (
    'academy agency alliance army association authority bank brigade brotherhood bureau caliphate centre center coalition command commission ' +
    'committee company corps council court emirates federation force forces foundation front group guard index institute kingdom league ' +
    'ministry mission movement network office organisation organization party program programme province republic school service ' +
    'society state states taliban union university'
  ).split(' '),
);

/** True when the name reads with "the" before it. */
function takesArticle(name: string, kind: string): boolean {
  if (/^the\s/i.test(name) || /^[\d\W]/.test(name)) return false;
  const words = name.split(/[\s-]+/);
  if (words.length === 1 && name === name.toUpperCase()) return false; // ISKP, NATO
  if (words.some((w) => HEAD_NOUNS.has(w.toLowerCase().replace(/[^a-z]/g, '')))) return true;
  // An event named by a phrase ("Kabul airport attack", "U.S. withdrawal from Afghanistan") is "the" one.
  return kind === 'EVENT' && words.some((w) => /^[a-z]/.test(w));
}

const ASK: Record<string, string> = { PERSON: 'Who is', PLACE: 'Where is', EVENT: 'What was' };

/** The rule's question, for an entity no editor has given one. */
export function ruleQuestion({ kind, name }: Pick<Entity, 'kind' | 'name'>): string {
  const trimmed = name.trim();
  const named = kind !== 'PERSON' && takesArticle(trimmed, kind) ? `the ${trimmed}` : trimmed;
  return `${ASK[kind] ?? 'What is'} ${named}?`;
}

/** The question a box about this entity asks. */
export function questionFor(entity: Pick<Entity, 'kind' | 'name'> & { question?: string | null }): string {
  return entity.question?.trim() || ruleQuestion(entity);
}
