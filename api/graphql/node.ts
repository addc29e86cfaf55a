import { Field, ID, InterfaceType } from 'type-graphql';
import { UserInputError } from '../errors';

export type NodeTypeName = 'Explainer' | 'Entity' | 'Source' | 'Section' | 'Quote';
const nodeTypes: readonly NodeTypeName[] = ['Explainer', 'Entity', 'Source', 'Section', 'Quote'];

/** Global ids are opaque: base64url of "Type:localId". */
export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function fromGlobalId(globalId: string, argument: string | Array<string | number> = 'id'): { type: NodeTypeName; id: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon) as NodeTypeName;
  const id = decoded.slice(colon + 1);
  if (colon < 0 || !nodeTypes.includes(type) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new UserInputError(argument, 'not an id this API issued');
  }
  return { type, id };
}

/** The GraphQL type name travels with objects that can be several types (node, search). */
export type Typed<T> = T & { __typename: NodeTypeName };
export const typed = <T extends object>(__typename: NodeTypeName, value: T): Typed<T> => ({ ...value, __typename });

@InterfaceType({
  description: 'An object with a global id, refetchable with `node(id:)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;
}

/** The local id behind a global id that must be of one type. */
export function idOf(type: NodeTypeName, globalId: string, at: string | Array<string | number>): string {
  const decoded = fromGlobalId(globalId, at);
  if (decoded.type !== type) throw new UserInputError(at, `expected the id of a ${type}, got one of a ${decoded.type}`);
  return decoded.id;
}
