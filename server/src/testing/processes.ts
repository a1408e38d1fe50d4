import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type BuiltApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db.js';

export interface AppProcesses {
  apps: BuiltApp[];
  databases: Database[];
  close(): Promise<void>;
}

/**
 * `count` apps on one fresh copy of the PostgreSQL test template, each with its own pool and a DATABASE_URL, so they
 * talk through LISTEN/NOTIFY as separate server processes would. Only when the suite runs on PostgreSQL.
 */
export async function appsOnOnePostgres(count: number, prefix: string): Promise<AppProcesses> {
  const spec = inject('testDatabase');
  if (spec.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
  const name = `tongshang_${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: spec.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${spec.template}`);
  const url = new URL(spec.adminUrl);
  url.pathname = `/${name}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `tongshang-${prefix}-`));
  const apps: BuiltApp[] = [];
  const databases: Database[] = [];
  for (let i = 0; i < count; i++) {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', PUBLIC_URL: 'http://tongshang.test', DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    databases.push(database);
    apps.push(await buildApp({ config, database }));
  }
  return {
    apps,
    databases,
    async close() {
      for (const a of apps) await a.app.close();
      for (const d of databases) await d.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
