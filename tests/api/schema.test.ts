import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaSdl } from '../../api/graphql/emit-schema';

describe('schema.graphql', () => {
  it('is what the code generates (run `npm run schema` after changing api/graphql)', async () => {
    const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(await schemaSdl());
  });
});
