import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, buildUserInput } from './testing/factories.js';
import { freePort, startServerProcess } from './testing/server-process.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

describe('the server process', () => {
  it('refuses a second process on its data dir, shuts down cleanly on SIGTERM, and a second start on the same data dir finds all committed data', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-main-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), SEED_DEMO: 'false' };
    const first = await startServerProcess(env);
    const base = first.baseUrl;
    const input = buildUserInput();
    const reg = await fetch(`${base}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    expect(reg.status).toBe(201);
    // A second process on the same embedded database would corrupt it: it must refuse.
    await expect(startServerProcess({ ...env, PORT: String(await freePort()) }, 20_000)).rejects.toThrow(/is in use by process \d+/);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('started in');

    const second = await startServerProcess(env);
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: input.email, password: TEST_PASSWORD }) });
    expect(login.status).toBe(200);
    expect(await second.stop('SIGINT')).toBe(0);
  }, 90_000);
});
