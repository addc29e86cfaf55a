import type { Migration, MigrationProvider } from 'kysely';
import * as createContentTables from './2026_11_25_150000_create_content_tables';

/** Static list: the compiled app never scans the file system for migrations. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_150000_create_content_tables': createContentTables,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
