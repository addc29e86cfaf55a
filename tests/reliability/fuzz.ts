import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { seededRandom } from '../setup/random';

/**
 * Random GraphQL documents drawn from the schema, from a fixed seed: mostly well-formed operations
 * with arguments of every kind (good, wrong, empty, huge, hostile), some with variables, fragments
 * and aliases, and some broken on purpose (cut short, bytes flipped). The server must answer every
 * one without a 5xx and without falling over.
 */
export function documentFuzzer(schema: GraphQLSchema, seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const strings = ['what-is-isis-k', 'isis-k', 'ISKP', 'Taliban', '', ' ', 'x'.repeat(300), '<script>alert(1)</script>', "'; drop table entities; --", 'ÍSÍS–K', '\u0000', '\ud800', 'en', 'ar', 'zz', 'RXhwbGFpbmVyOjE', 'Zm9vOmJhcg', '"', '\\', '%', '*', 'a:*', '!!', '--'];
  const ints = [0, 1, 2, 20, 100, 101, -1, 2147483647, -2147483648];

  const literal = (type: GraphQLInputType, depth: number): string => {
    if (chance(0.05)) return pick(['null', '1', '"x"', 'true', '[]', '{}', 'FOO']);
    const nullable = getNullableType(type) as GraphQLInputType;
    if (isListType(nullable)) return `[${Array.from({ length: Math.floor(random() * 3) }, () => literal(nullable.ofType, depth + 1)).join(', ')}]`;
    if (isEnumType(nullable)) return pick(nullable.getValues()).name;
    if (isInputObjectType(nullable)) {
      if (depth > 3) return '{}';
      const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) || chance(0.4));
      return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, depth + 1)}`).join(', ')} }`;
    }
    if (isScalarType(nullable)) {
      switch (nullable.name) {
        case 'Int':
          return String(pick(ints));
        case 'Float':
          return String(random() * 100);
        case 'Boolean':
          return pick(['true', 'false']);
        default:
          return JSON.stringify(pick(strings));
      }
    }
    return 'null';
  };

  const argumentsOf = (args: readonly GraphQLArgument[], variables: Map<string, { type: string; value: unknown }>): string => {
    const chosen = args.filter((a) => isNonNullType(a.type) || chance(0.5));
    if (chosen.length === 0) return '';
    return `(${chosen
      .map((a) => {
        if (chance(0.15) && isLeafType(getNamedType(a.type))) {
          const name = `v${variables.size}`;
          variables.set(name, { type: String(a.type), value: chance(0.8) ? JSON.parse(literalToJson(literal(a.type, 0))) : pick([null, 5, 'x', [], {}]) });
          return `${a.name}: $${name}`;
        }
        return `${a.name}: ${literal(a.type, 0)}`;
      })
      .join(', ')})`;
  };

  const selection = (type: GraphQLNamedType, depth: number, variables: Map<string, { type: string; value: unknown }>): string => {
    if (isAbstractType(type)) {
      const possible = schema.getPossibleTypes(type);
      return `{ __typename ${possible.filter(() => chance(0.5)).map((p) => `... on ${p.name} ${selection(p, depth, variables)}`).join(' ')} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values((type as GraphQLObjectType).getFields());
    const count = 1 + Math.floor(random() * 4);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const field = pick(fields) as GraphQLField<unknown, unknown>;
      const named = getNamedType(field.type);
      if (!isLeafType(named) && depth >= 4) continue;
      const alias = chance(0.1) ? `a${i}: ` : '';
      const sub = isLeafType(named) ? '' : ` ${selection(named, depth + 1, variables)}`;
      parts.push(`${alias}${field.name}${argumentsOf(field.args, variables)}${sub}`);
    }
    return `{ __typename ${parts.join(' ')} }`;
  };

  const breakIt = (text: string): string => {
    const at = Math.floor(random() * text.length);
    switch (Math.floor(random() * 4)) {
      case 0:
        return text.slice(0, at);
      case 1:
        return text.slice(0, at) + pick(['{', '}', '(', '"', '$', '@skip', '...', '#', '\\u']) + text.slice(at);
      case 2:
        return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 10));
      default:
        return text.replace(/\{/g, () => (chance(0.2) ? '{{' : '{'));
    }
  };

  return function next(): { query: string; variables?: Record<string, unknown> } {
    const variables = new Map<string, { type: string; value: unknown }>();
    const root = chance(0.9) ? schema.getQueryType()! : schema.getMutationType()!;
    const body = selection(root, 0, variables);
    const declared = variables.size > 0 ? `(${[...variables].map(([name, v]) => `$${name}: ${v.type}`).join(', ')})` : '';
    let query = `${root === schema.getQueryType() ? 'query' : 'mutation'} Fuzz${declared} ${body}`;
    if (chance(0.1)) query = breakIt(query);
    return { query, variables: Object.fromEntries([...variables].map(([name, v]) => [name, v.value])) };
  };
}

function literalToJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    // Enum names and input objects are not JSON: their variables get a string instead.
    return JSON.stringify(text);
  }
}

export interface FuzzOutcome {
  sent: number;
  byStatus: Record<number, number>;
  /** Responses that were 5xx, or not JSON: what should never happen. */
  failures: Array<{ status: number; query: string; body: string }>;
}

/** Sends count documents to url/graphql, `concurrency` at a time. */
export async function fuzz(url: string, schema: GraphQLSchema, options: { seed: number; count: number; concurrency?: number; headers?: Record<string, string>; progress?: (sent: number) => void }): Promise<FuzzOutcome> {
  const next = documentFuzzer(schema, options.seed);
  const outcome: FuzzOutcome = { sent: 0, byStatus: {}, failures: [] };
  const worker = async () => {
    while (outcome.sent < options.count) {
      outcome.sent++;
      if (outcome.sent % 5000 === 0) options.progress?.(outcome.sent);
      const document = next();
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: JSON.stringify(document) });
      const text = await response.text();
      outcome.byStatus[response.status] = (outcome.byStatus[response.status] ?? 0) + 1;
      let json = true;
      try {
        JSON.parse(text);
      } catch {
        json = false;
      }
      if (response.status >= 500 || !json || /INTERNAL_SERVER_ERROR/.test(text)) outcome.failures.push({ status: response.status, query: document.query, body: text.slice(0, 500) });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return outcome;
}
