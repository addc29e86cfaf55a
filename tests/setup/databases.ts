export type TestDatabase = 'sqlite' | 'postgres';

export const testDatabaseUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every store-backed suite runs once per database: describe.each(databases). */
export const databases: TestDatabase[] = process.env.BACKSTORY_TEST_POSTGRES === 'off' ? ['sqlite'] : ['sqlite', 'postgres'];
