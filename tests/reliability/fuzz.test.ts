import { getSchema } from '../../api/graphql/schema';
import { databases } from '../setup/databases';
import { type Child, childStore, startChild } from './child';
import { fuzz } from './fuzz';

/** FUZZ_DOCS=60000 for a long run; CI sends a few thousand. */
const count = Number(process.env.FUZZ_DOCS ?? 1500);

describe.each(databases)('random documents from the schema (%s)', (database) => {
  let child: Child | undefined;
  afterEach(() => child?.cleanup());

  it(`answers ${count} of them, seed 9, without one 5xx or internal error, and stays up`, async () => {
    const store = childStore(database);
    child = await startChild({ ...store.env }, { dropStore: store.drop });
    const before = child.rssMb();
    const started = Date.now();
    const c = child;
    const progress = process.env.FUZZ_DOCS ? (sent: number) => process.stderr.write(`[fuzz ${database}] ${sent} sent, ${((Date.now() - started) / 1000).toFixed(0)} s, RSS ${c.rssMb().toFixed(0)} MB\n`) : undefined;
    const outcome = await fuzz(child.url, await getSchema(), { seed: 9, count, progress });
    if (process.env.FUZZ_DOCS) console.log(`[fuzz ${database}] ${count} documents: ${JSON.stringify(outcome.byStatus)}; RSS ${before.toFixed(0)} MB -> ${child.rssMb().toFixed(0)} MB`);
    expect(outcome.failures).toEqual([]);
    expect(outcome.sent).toBe(count);
    expect((await fetch(`${child.url}/healthz`)).status).toBe(200);
    expect(child.process.exitCode).toBeNull();
    expect(child.lines.filter((line) => line.level >= 50)).toEqual([]);
  }, 60_000 + count * 20);
});
