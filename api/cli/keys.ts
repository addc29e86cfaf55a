import { parseArgs } from 'node:util';
import { configFromEnv, resolveConfig } from '../config';
import { openDatabase } from '../store/dialect';
import { createKey, listKeys, revokeKey, roles, type Role } from '../store/key.store';
import { migrateToLatest } from '../store/migrate';

const usage = `usage:
  npm run keys -- create --role editor|publisher|admin --name "CMS production"
  npm run keys -- list
  npm run keys -- revoke <id or prefix>
Uses the same DATABASE_URL / SQLITE_PATH as the server.`;

/** Manages API keys from the shell: how the first admin key comes to exist. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [command, target] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) {
    console.error(usage);
    return 2;
  }
  const config = resolveConfig(configFromEnv(process.env));
  const db = await openDatabase(config);
  try {
    await migrateToLatest(db);
    if (command === 'create') {
      if (!values.role || !roles.includes(values.role as Role) || !values.name) {
        console.error(usage);
        return 2;
      }
      const { key, secret } = await createKey(db, { name: values.name, role: values.role as Role });
      if (values.json) console.log(JSON.stringify({ ...key, secret }));
      else console.log(`Created ${key.role} key "${key.name}" (id ${key.id}).\nThe key, shown this once:\n\n  ${secret}\n`);
      return 0;
    }
    if (command === 'list') {
      const keys = await listKeys(db);
      if (values.json) console.log(JSON.stringify(keys));
      else for (const k of keys) console.log(`${k.id}  bsk_${k.prefix}_…  ${k.role.padEnd(9)}  ${k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`}  ${k.name}`);
      return 0;
    }
    if (!target) {
      console.error(usage);
      return 2;
    }
    const revoked = await revokeKey(db, /^[0-9a-f]{12}$/.test(target) ? { prefix: target } : { id: target });
    if (!revoked) {
      console.error(`no live key ${target}`);
      return 1;
    }
    console.log(`Revoked ${revoked.role} key "${revoked.name}".`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error('[backstory]', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
