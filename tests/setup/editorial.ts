import { createKey, type Role } from '../../api/store/key.store';
import type { TestApp } from './app';

/** Bearer headers for a fresh key of each role. */
export async function keysFor(t: TestApp): Promise<Record<Role, Record<string, string>>> {
  const header = async (role: Role) => ({ authorization: `Bearer ${(await createKey(t.app.db, { name: `test ${role}`, role })).secret}` });
  return { editor: await header('editor'), publisher: await header('publisher'), admin: await header('admin') };
}

/** Runs an operation and fails the test with the errors when there are any. */
export async function ok<T = any>(t: TestApp, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const { body } = await t.gql(query, variables, headers);
  if (body.errors) throw new Error(`unexpected errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}
