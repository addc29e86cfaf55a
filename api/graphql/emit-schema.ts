import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

/** The SDL that schema.graphql must hold; a test fails when the file drifts from the code. */
export async function schemaSdl(): Promise<string> {
  return `# Generated from api/graphql by \`npm run schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

if (require.main === module) {
  void schemaSdl().then((sdl) => {
    writeFileSync(join(__dirname, '../../../schema.graphql'), sdl);
    console.log('[backstory] wrote schema.graphql');
  });
}
