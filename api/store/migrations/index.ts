import type { Migration, MigrationProvider } from 'kysely';
import * as createContentTables from './2026_11_25_150000_create_content_tables';
import * as createEditorialTables from './2026_11_25_160000_create_editorial_tables';
import * as addEntityVersions from './2026_11_25_170000_add_entity_versions';
import * as createRateLimits from './2026_11_25_180000_create_rate_limits';
import * as createReleases from './2026_12_01_140000_create_releases';
import * as splitSearchColumns from './2026_12_01_150000_split_search_columns';
import * as createReleaseEvents from './2026_12_01_170000_create_release_events';
import * as addDateRangesAndQuestions from './2026_12_01_180000_add_date_ranges_and_questions';
import * as createReleasedBoxes from './2026_12_01_190000_create_released_boxes';
import * as createWebhooks from './2026_12_01_200000_create_webhooks';

/** Static list: the compiled app never scans the file system for migrations. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_150000_create_content_tables': createContentTables,
  '2026_11_25_160000_create_editorial_tables': createEditorialTables,
  '2026_11_25_170000_add_entity_versions': addEntityVersions,
  '2026_11_25_180000_create_rate_limits': createRateLimits,
  '2026_12_01_140000_create_releases': createReleases,
  '2026_12_01_150000_split_search_columns': splitSearchColumns,
  '2026_12_01_170000_create_release_events': createReleaseEvents,
  '2026_12_01_180000_add_date_ranges_and_questions': addDateRangesAndQuestions,
  '2026_12_01_190000_create_released_boxes': createReleasedBoxes,
  '2026_12_01_200000_create_webhooks': createWebhooks,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
