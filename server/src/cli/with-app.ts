import { buildApp, type BuiltApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError, openConfiguredDatabase } from '../platform/database-from-config.js';
import { migrate } from '../platform/migrations.js';

/** Runs an operations command against the configured database (migrated, modules built) and exits with its code. */
export function runWithApp(command: (modules: BuiltApp['modules']) => Promise<number>): void {
  const run = async () => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      const { modules } = await buildApp({ config, database });
      return await command(modules);
    } finally {
      await database.close();
    }
  };
  run().then((code) => process.exit(code), (err: unknown) => {
    console.error(err instanceof DataDirLockedError ? err.message : err);
    process.exit(1);
  });
}
