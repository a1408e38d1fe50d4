import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError, openConfiguredDatabase } from '../platform/database-from-config.js';
import { migrate } from '../platform/migrations.js';

/** npm run keys:rotate — a new credential-signing key; the old public keys stay in the JWKS. */
async function run(): Promise<number> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const { modules } = await buildApp({ config, database });
    const { kid } = await modules.credentials.keys.rotate();
    const { keys } = await modules.credentials.keys.jwks();
    console.log(`New signing key ${kid}; the JWKS now lists ${keys.length} key(s). Credentials are re-issued with it as their facts change.`);
    return 0;
  } finally {
    await database.close();
  }
}

run().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
});
