import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db.js';
import { migrate } from '../platform/migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'pglite'; templateFile: string } | { kind: 'postgres'; adminUrl: string; template: string; runId: string };
  }
}

/** Migrates one template database per run; each test file then starts from a copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const runId = Math.random().toString(36).slice(2, 10);
    const template = `tongshang_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const database = await openDatabase({ databaseUrl: templateUrl.toString(), poolSize: 1 });
    await migrate(database);
    await database.close();
    console.log(`test database: postgres (template ${template})`);
    project.provide('testDatabase', { kind: 'postgres', adminUrl: url, template, runId });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`tongshang_%_${runId}%`]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-test-'));
  const database = await openDatabase({});
  await migrate(database);
  const dump = await database.dumpDataDir!();
  await database.close();
  const templateFile = path.join(dir, 'template.tar');
  await fs.writeFile(templateFile, Buffer.from(await dump.arrayBuffer()));
  console.log('test database: pglite (in-memory clones of a migrated template)');
  project.provide('testDatabase', { kind: 'pglite', templateFile });
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}
