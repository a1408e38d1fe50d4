import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase, type Database } from '../../platform/db.js';
import { call, createCompany, registerUser } from '../../testing/factories.js';
import type { TestApp } from '../../testing/harness.js';

const pgUrl = process.env.TEST_DATABASE_URL;

/** Two app processes' worth of app on one PostgreSQL database, each with its own session cache and bus connection. */
describe.skipIf(!pgUrl)('session cache across two app processes on PostgreSQL', () => {
  const apps: BuiltApp[] = [];
  const databases: Database[] = [];
  let dataDir = '';
  let dropDb: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const spec = inject('testDatabase');
    if (spec.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
    const name = `tongshang_sessions_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: spec.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${spec.template}`);
    const url = new URL(spec.adminUrl);
    url.pathname = `/${name}`;
    dropDb = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-sessions-'));
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', PUBLIC_URL: 'http://tongshang.test', DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
      const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
      databases.push(database);
      const built = await buildApp({ config, database });
      await built.app.ready();
      apps.push(built);
    }
  });
  afterAll(async () => {
    for (const a of apps) await a.app.close();
    for (const d of databases) await d.close();
    await dropDb();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const eventually = async (check: () => Promise<boolean>, ms = 3000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return check();
  };

  it('serves a repeat request without reading the session, and sees another process\'s membership change and logout at once', async () => {
    const a = { app: apps[0]!.app } as unknown as TestApp;
    const b = { app: apps[1]!.app } as unknown as TestApp;
    const user = await registerUser(a);
    const me = async () => call(b, { method: 'GET', url: '/api/v1/me', headers: user.headers });
    expect((await me()).json<{ companies: unknown[] }>().companies).toEqual([]);
    // Once A's notice of the registration has come and gone, a repeat request on B reads nothing for the session.
    const warm = async () => (await databases[1]!.countQueries(() => apps[1]!.modules.accounts.auth.authenticate(user.token, 'bearer'))).queries === 0;
    expect(await eventually(warm)).toBe(true);

    const company = await createCompany(a, user);
    expect(await eventually(async () => (await me()).json<{ companies: Array<{ id: string }> }>().companies.some((c) => c.id === company.id))).toBe(true);

    const out = await call(a, { method: 'POST', url: '/api/v1/auth/logout', headers: user.headers });
    expect(out.statusCode).toBe(200);
    expect(await eventually(async () => (await me()).statusCode === 401)).toBe(true);
  });
});
