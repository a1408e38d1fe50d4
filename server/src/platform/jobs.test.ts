import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { JobRunner, Worker, enqueueJob } from './jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const jobRow = (kind: string) => t.database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();

describe('jobs queue', () => {
  it('runs a due job once and marks it succeeded', async () => {
    const runs: number[] = [];
    t.platform.jobs.define('test.once', z.object({ n: z.number() }), async (p) => void runs.push(p.n));
    await enqueueJob(t.database.db, { kind: 'test.once', payload: { n: 7 } });
    await t.drain();
    await t.drain();
    expect(runs).toEqual([7]);
    expect((await jobRow('test.once')).status).toBe('succeeded');
  });

  it('retries a failing job with backoff until it succeeds, and gives up after max attempts', async () => {
    let attempts = 0;
    t.platform.jobs.define('test.retry', z.object({}), async () => {
      if (++attempts < 3) throw new Error(`attempt ${attempts} failed`);
    });
    await enqueueJob(t.database.db, { kind: 'test.retry' });
    for (let i = 0; i < 3; i++) {
      await t.platform.jobs.runDue();
      const row = await jobRow('test.retry');
      if (row.status === 'pending') {
        expect(row.run_at.getTime()).toBeGreaterThan(Date.now());
        await t.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1) }).where('id', '=', row.id).execute();
      }
    }
    expect(await jobRow('test.retry')).toMatchObject({ status: 'succeeded', attempts: 3 });

    t.platform.jobs.define('test.doomed', z.object({}), async () => {
      throw new Error('always');
    });
    await enqueueJob(t.database.db, { kind: 'test.doomed', maxAttempts: 2 });
    for (let i = 0; i < 2; i++) {
      await t.platform.jobs.runDue();
      await t.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1) }).where('kind', '=', 'test.doomed').where('status', '=', 'pending').execute();
    }
    expect(await jobRow('test.doomed')).toMatchObject({ status: 'failed', attempts: 2, last_error: 'always' });
  });

  it('leaves a scheduled job alone until its time, and a new runner (a restart) picks it up', async () => {
    const runs: string[] = [];
    t.platform.jobs.define('test.later', z.object({}), async () => void runs.push('first runner'));
    await enqueueJob(t.database.db, { kind: 'test.later', runAt: new Date(Date.now() + 60_000) });
    await t.platform.jobs.runDue();
    expect(runs).toEqual([]);
    await t.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1) }).where('kind', '=', 'test.later').execute();
    const restarted = new JobRunner(t.database, t.platform.log);
    restarted.define('test.later', z.object({}), async () => void runs.push('after restart'));
    await restarted.runDue();
    expect(runs).toEqual(['after restart']);
  });

  it('reclaims a job left running by a crashed worker', async () => {
    const runs: string[] = [];
    t.platform.jobs.define('test.crashed', z.object({}), async () => void runs.push('ran'));
    await enqueueJob(t.database.db, { kind: 'test.crashed' });
    await t.database.db.updateTable('jobs').set({ status: 'running', locked_at: sql<Date>`now() - interval '10 minutes'`, locked_by: 'dead:1' }).where('kind', '=', 'test.crashed').execute();
    // A runner reclaims leases older than five minutes when it next looks (at most every 30 s; a fresh one at once).
    const other = new JobRunner(t.database, t.platform.log);
    other.define('test.crashed', z.object({}), async () => void runs.push('ran'));
    await other.runDue();
    expect(runs).toEqual(['ran']);
  });

  it('requeues at once a job a dead process of this host left running, but not one a live process or another host holds', async () => {
    const os = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid; // exited by now
    t.platform.jobs.define('test.orphan', z.object({ n: z.number() }), async () => undefined);
    const holders = [`${os.hostname()}:${deadPid}`, `${os.hostname()}:${process.pid}`, `elsewhere:${deadPid}`];
    for (const [n, by] of holders.entries()) {
      await enqueueJob(t.database.db, { kind: 'test.orphan', payload: { n } });
      await t.database.db.updateTable('jobs').set({ status: 'running', locked_at: new Date(), locked_by: by }).where('kind', '=', 'test.orphan').where('status', '=', 'pending').execute();
    }
    expect(await t.platform.jobs.recoverOrphans()).toBe(1);
    const rows = await t.database.db.selectFrom('jobs').select(['status', 'locked_by']).where('kind', '=', 'test.orphan').orderBy('created_at').execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'running', 'running']);
    expect(rows.filter((r) => r.status === 'running').map((r) => r.locked_by).sort()).toEqual(holders.slice(1).sort());
  });

  it('enqueues a unique job once while it is pending, and recurring jobs re-schedule themselves', async () => {
    expect(await enqueueJob(t.database.db, { kind: 'test.unique', uniqueKey: 'u1' })).toBe(true);
    expect(await enqueueJob(t.database.db, { kind: 'test.unique', uniqueKey: 'u1' })).toBe(false);
    let ran = 0;
    t.platform.jobs.defineRecurring('test.recurring', (now) => new Date(now.getTime() + 3_600_000), async () => void ran++);
    await t.platform.jobs.ensureSchedules();
    await t.platform.jobs.ensureSchedules();
    const pending = await t.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.recurring').execute();
    expect(pending).toHaveLength(1);
    await t.database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1) }).where('kind', '=', 'test.recurring').execute();
    await t.platform.jobs.runDue();
    expect(ran).toBe(1);
    const rows = await t.database.db.selectFrom('jobs').select(['status', 'run_at']).where('kind', '=', 'test.recurring').orderBy('created_at').execute();
    expect(rows.map((r) => r.status)).toEqual(['succeeded', 'pending']);
    expect(rows[1]!.run_at.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('two runners never run the same job (FOR UPDATE SKIP LOCKED)', async () => {
    const runs: string[] = [];
    const a = new JobRunner(t.database, t.platform.log);
    const b = new JobRunner(t.database, t.platform.log);
    for (const r of [a, b]) r.define('test.contended', z.object({ i: z.number() }), async (p) => void runs.push(String(p.i)));
    for (let i = 0; i < 20; i++) await enqueueJob(t.database.db, { kind: 'test.contended', payload: { i } });
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(runs.sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).sort());
  });
});

describe('worker', () => {
  it('keeps delivering events while a slow job runs: each queue has a loop of its own', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let slowRuns = 0;
    let deliveries = 0;
    const slowJobs = async () => {
      if (slowRuns++ > 0) return 0;
      await held;
      return 1;
    };
    const outbox = async () => {
      deliveries++;
      return 0;
    };
    const worker = new Worker([slowJobs, outbox], 10_000, t.platform.log);
    worker.start();
    try {
      await expect.poll(() => deliveries, { timeout: 2_000 }).toBeGreaterThanOrEqual(1);
      worker.wake();
      await expect.poll(() => deliveries, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
      expect(slowRuns).toBe(1); // still in its first pass
    } finally {
      release();
      await worker.stop();
    }
  });
});
