import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The operations the widget build persisted (npm test builds first). */
const manifest = JSON.parse(readFileSync(join(__dirname, '../../dist/widgets/persisted-operations.json'), 'utf8')) as Record<string, string>;
export const contextBoxHash = Object.keys(manifest).find((hash) => manifest[hash].includes('query ContextBox'))!;

/** The path of the widget's GET: the operation's hash and variables, nothing else. */
export const persistedGet = (variables: Record<string, unknown>, hash = contextBoxHash) =>
  `/graphql?operationName=ContextBox&variables=${encodeURIComponent(JSON.stringify(variables))}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`;

/** The document behind the hash, to execute the same operation by POST. */
export const contextBoxDocument = manifest[contextBoxHash];
