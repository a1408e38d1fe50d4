import { parseArgs } from 'node:util';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError, openConfiguredDatabase } from '../platform/database-from-config.js';
import { DomainError } from '../platform/errors.js';
import { migrate } from '../platform/migrations.js';

/** npm run operator:create -- --email <email> --password <password> [--name <name>] — idempotent. */
async function run(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.password) {
    console.error('usage: npm run operator:create -- --email <email> --password <password> [--name <name>]');
    return 2;
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const { modules } = await buildApp({ config, database });
    const { user, created } = await modules.accounts.auth.ensureOperator({ email: values.email, password: values.password, ...(values.name ? { name: values.name } : {}) });
    console.log(`${created ? 'Created' : 'Updated'} operator ${user.email} (${user.id}).`);
    return 0;
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(`Cannot create the operator: ${err.detail('en-US')}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

run().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof DataDirLockedError ? `Cannot create the operator: ${err.message}` : err);
  process.exit(1);
});
