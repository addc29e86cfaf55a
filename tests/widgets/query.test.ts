import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  print,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { CONTEXT_BOX_QUERY } from '../../widgets/src/query';
import type { ContextBoxData, Paragraph } from '../../widgets/src/types';
import fixture from './fixtures/context-box.json';

const examples = parse(readFileSync(join(__dirname, '../../examples/queries.graphql'), 'utf8'));
const widget = parse(CONTEXT_BOX_QUERY);

const fragments = (doc: DocumentNode): Map<string, FragmentDefinitionNode> =>
  new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
const operation = (doc: DocumentNode, name: string): OperationDefinitionNode | undefined =>
  doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);

/** The fields a selection asks of an object, fragments expanded for its __typename when it has one. */
function fieldsOf(set: SelectionSetNode, typename: string | undefined, frags: Map<string, FragmentDefinitionNode>): Map<string, SelectionSetNode | undefined> {
  const out = new Map<string, SelectionSetNode | undefined>();
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      out.set(sel.alias?.value ?? sel.name.value, sel.selectionSet);
      continue;
    }
    const frag = sel.kind === Kind.FRAGMENT_SPREAD ? frags.get(sel.name.value)! : sel;
    const on = frag.typeCondition?.name.value;
    if (!on || !typename || on === typename) for (const [k, v] of fieldsOf(frag.selectionSet, typename, frags)) out.set(k, v);
  }
  return out;
}

/** Lists every path where the value has a field the selection lacks, or lacks one it asks for. */
function mismatches(value: unknown, set: SelectionSetNode, frags: Map<string, FragmentDefinitionNode>, path: string): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => mismatches(item, set, frags, `${path}[${i}]`));
  const object = value as Record<string, unknown>;
  const fields = fieldsOf(set, typeof object.__typename === 'string' ? object.__typename : undefined, frags);
  const problems = [
    ...Object.keys(object).filter((k) => !fields.has(k)).map((k) => `${path}.${k} is not selected`),
    ...[...fields.keys()].filter((k) => !(k in object)).map((k) => `${path}.${k} is missing`),
  ];
  for (const [k, sub] of fields) if (sub && k in object) problems.push(...mismatches(object[k], sub, frags, `${path}.${k}`));
  return problems;
}

describe('the ContextBox operation the widget sends', () => {
  it('is the ContextBox operation of examples/queries.graphql, with its fragment', () => {
    const expected = [operation(examples, 'ContextBox')!, fragments(examples).get('ParagraphContent')!].map((d) => print(d));
    expect(widget.definitions.map((d) => print(d))).toEqual(expected);
  });

  it('matches the hand-written fixture field for field', () => {
    const op = operation(widget, 'ContextBox')!;
    expect(mismatches(fixture.data, op.selectionSet, fragments(widget), 'data')).toEqual([]);
  });
});

describe('the fixture', () => {
  it('has marks whose offsets land on the words they name', () => {
    const box = fixture.data.contextBox as ContextBoxData;
    const paragraphs = (box.sections ?? []).flatMap((s) => s.blocks.flatMap((b): Paragraph[] => (b.__typename === 'QuoteBlock' ? [...b.paragraphs] : [b])));
    const aliases: Record<string, string[]> = { 'isis-k': ['ISIS-K'] };
    const named = paragraphs.flatMap((p) =>
      (p.marks ?? []).flatMap((m) => (m.__typename === 'MentionMark' ? [[p.text.slice(m.start, m.end), m.entity]] as const : [])),
    );
    for (const [text, entity] of named) expect([entity!.name, `The ${entity!.name}`, ...(aliases[entity!.slug] ?? [])]).toContain(text);
    expect(named.length).toBeGreaterThan(15);
  });
});
