import { performance } from 'node:perf_hooks';
import { buildApp, WEB_DIST_DIR } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { DataDirLockedError, openConfiguredDatabase } from './platform/database-from-config.js';
import { createLogger } from './platform/logger.js';
import { MigrationChecksumError, migrate } from './platform/migrations.js';
import { seedDemoIfEmpty, type DemoSeedResult } from './seed/demo.js';
import { defineDemoCatalogJob } from './seed/demo-job.js';

async function main(): Promise<void> {
  const started = performance.now();
  // Where the start-up time goes, logged with "Tongshang is listening" (bench/README.md `start` reads these).
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  const config = loadConfig();
  const log = createLogger(config);
  const database = await openConfiguredDatabase(config);
  phase('openMs');
  const applied = await migrate(database);
  if (applied.length) log.info({ applied }, 'migrations applied');
  phase('migrateMs');

  const built = await buildApp({ config, database, logger: log, webDistDir: WEB_DIST_DIR });
  phase('buildMs');
  const { app, worker, platform } = built;
  // Defined at every start, so a demo seed interrupted by a restart carries on in the worker.
  defineDemoCatalogJob(built);
  if (config.SEED_DEMO) {
    const demo = await seedDemoIfEmpty(built, { catalogSize: config.DEMO_CATALOG_SIZE });
    if (demo) printDemoLogins(config.publicUrl, demo);
  }
  phase('seedMs');
  // Shops for suppliers that predate the storefront module (or the demo seed), without delaying the start.
  await built.modules.storefront.scheduleBackfill();
  // The search index, once, for products and suppliers that predate the search module.
  await built.modules.search.scheduleBackfill();
  // Recent sales for products of orders paid before their events named the products (migration 0034).
  await built.modules.serviceMetrics.scheduleProductBackfill();
  await platform.jobs.ensureSchedules();
  // Jobs a killed process of this machine was running go back to the queue now, not after the stale timeout.
  const orphans = await platform.jobs.recoverOrphans();
  if (orphans) platform.log.warn({ orphans }, 'jobs left running by a dead process requeued');
  phase('scheduleMs');

  await app.listen({ host: config.HOST, port: config.PORT });
  phase('listenMs');
  // Creating a database leaves initdb's WASM memory (hundreds of MB) as garbage that an idle process would
  // keep for a long time; collect it once now (the server runs with --expose-gc, see scripts/server-command.mjs).
  (globalThis as { gc?: () => void }).gc?.();
  // The worker starts once the server listens: its first pass (the demo seed job, backfills) would otherwise
  // compete with the start for the CPU and, on PGlite, for the one connection.
  if (config.WORKERS_ENABLED) worker.start();
  const ms = Math.round(performance.now() - started);
  log.info({ url: config.publicUrl, database: database.kind, startMs: ms, uptimeMs: Math.round(performance.now()), ...phases }, 'Tongshang is listening');
  console.log(`\nTongshang 通商 is up at ${config.publicUrl} (${database.kind}, started in ${ms} ms)\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new requests, finishing in-flight ones');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5000);
    force.unref();
    const closing = app.close();
    // In-flight requests get SHUTDOWN_TIMEOUT_MS; then remaining connections are cut.
    const bounded = setTimeout(() => app.server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS);
    await closing;
    clearTimeout(bounded);
    await worker.stop();
    await database.close();
    log.info('database closed; bye');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function printDemoLogins(url: string, demo: DemoSeedResult): void {
  const background = demo.suppliers + demo.buyers - demo.readyNow;
  console.log(`\nDemo marketplace: ${demo.suppliers} suppliers and ${demo.buyers} buyers. The ${demo.readyNow} companies below are ready now;`
    + ` the other ${background} suppliers${demo.catalogSize ? ` and ${demo.catalogSize} products, then bookmarks, inquiries, RFQs with quotes and chats,` : ''} are being added in the background`
    + ` (a few minutes; the log says "demo ${demo.catalogSize ? 'sourcing' : 'companies'} complete").`);
  console.log(`Sign in at ${url}/login with any of these (password: ${demo.password}):`);
  for (const l of demo.logins) console.log(`  ${l.email.padEnd(36)} ${l.who}`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof MigrationChecksumError || err instanceof DataDirLockedError) {
    console.error(`\nTongshang cannot start: ${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
