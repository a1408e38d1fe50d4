import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltApp } from '../../app.js';
import type { Database } from '../../platform/db.js';
import { call, createCompany, registerUser } from '../../testing/factories.js';
import type { TestApp } from '../../testing/harness.js';
import { appsOnOnePostgres, type AppProcesses } from '../../testing/processes.js';

const pgUrl = process.env.TEST_DATABASE_URL;

/** Two app processes' worth of app on one PostgreSQL database, each with its own session cache and bus connection. */
describe.skipIf(!pgUrl)('session cache across two app processes on PostgreSQL', () => {
  let processes: AppProcesses;
  let apps: BuiltApp[] = [];
  let databases: Database[] = [];

  beforeAll(async () => {
    processes = await appsOnOnePostgres(2, 'sessions');
    ({ apps, databases } = processes);
    for (const built of apps) await built.app.ready();
  });
  afterAll(async () => {
    await processes.close();
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
