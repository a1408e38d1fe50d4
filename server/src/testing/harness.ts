import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type BuiltApp } from '../app.js';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db.js';

export interface TestApp extends BuiltApp {
  database: Database;
  config: Config;
  dataDir: string;
  /** Runs the outbox and the job queue until nothing is due. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** A database cloned from the run's migrated template, so every test file starts clean and fast. */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const spec = inject('testDatabase');
  if (spec.kind === 'pglite') {
    const bytes = await fs.readFile(spec.templateFile);
    const database = await openDatabase({ loadDataDir: new Blob([bytes]) });
    return { database, drop: () => Promise.resolve() };
  }
  const name = `tongshang_t_${spec.runId}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: spec.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${spec.template}`);
  const url = new URL(spec.adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    database,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-app-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', PUBLIC_URL: 'http://tongshang.test', ...env });
  const { database, drop } = await openTestDatabase();
  // The sandbox provider's webhooks reach the app in-process, through the same HTTP stack.
  const ref: { app?: BuiltApp['app'] } = {};
  const built = await buildApp({
    config, database,
    deliverWebhook: async (url, headers, body) => (await ref.app!.inject({ method: 'POST', url, headers, payload: body })).statusCode,
  });
  ref.app = built.app;
  return {
    ...built,
    database,
    config,
    dataDir,
    async drain() {
      await built.worker.tick();
    },
    async close() {
      await built.app.close();
      await database.close();
      await drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
