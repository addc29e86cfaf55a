import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../store/database';
import type { Visibility } from '../store/ids';
import type { Loaders } from './loaders';

/** Per request: the store, the reader's visibility and DataLoaders that batch within this request. */
export interface Context {
  db: Kysely<Database>;
  config: Config;
  visibility: Visibility;
  loaders: Loaders;
}
