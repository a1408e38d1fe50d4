import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { recordEvent, type StoredEvent } from './events.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const newEvent = (type: string) => ({ type, actorUserId: null, companyId: null, subjectType: 'test', subjectId: 'x', payload: { n: 1 } });

describe('event outbox', () => {
  it('delivers each committed event once per handler, retries a failing handler with backoff without holding up the others, and never re-applies a handler that succeeded', async () => {
    const seen: Record<string, string[]> = { steady: [], flaky: [], late: [] };
    let flakyFailures = 0;
    t.platform.events.register({ name: 'test.steady', types: ['outbox.test'], handle: async (e: StoredEvent) => void seen.steady!.push(e.id) });
    t.platform.events.register({
      name: 'test.flaky',
      types: ['outbox.test'],
      handle: async (e: StoredEvent) => {
        if (flakyFailures++ === 0) throw new Error('first try fails');
        seen.flaky!.push(e.id);
      },
    });
    t.platform.events.register({ name: 'test.late', types: ['outbox.test'], handle: async (e: StoredEvent) => void seen.late!.push(e.id) });
    const id = await t.database.transaction((trx) => recordEvent(trx, newEvent('outbox.test')));
    await t.platform.events.dispatchDue();
    expect(seen.steady).toEqual([id]);
    expect(seen.flaky).toEqual([]);
    expect(seen.late).toEqual([id]);
    const failed = await t.database.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(failed.dispatched_at).toBeNull();
    expect(failed.dispatch_attempts).toBe(1);
    expect(failed.last_error).toBe('test.flaky: first try fails');
    expect(failed.next_dispatch_at.getTime()).toBeGreaterThan(Date.now());

    // Make it due again: the steady handler has its receipt, so only the flaky one runs.
    await t.database.db.updateTable('events').set({ next_dispatch_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    await t.platform.events.dispatchDue();
    expect(seen.steady).toEqual([id]);
    expect(seen.flaky).toEqual([id]);
    const done = await t.database.db.selectFrom('events').select(['dispatched_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(done.dispatched_at).not.toBeNull();
    // A duplicate delivery (e.g. a crashed process's lease running out) applies nothing twice.
    await t.database.db.updateTable('events').set({ dispatched_at: null, next_dispatch_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    await t.platform.events.dispatchDue();
    expect(seen).toEqual({ steady: [id], flaky: [id], late: [id] });
  });

  it('never dispatches an event whose transaction rolled back', async () => {
    const seen: string[] = [];
    t.platform.events.register({ name: 'test.rollback', types: ['outbox.rollback'], handle: async (e) => void seen.push(e.id) });
    await t.database
      .transaction(async (trx) => {
        await recordEvent(trx, newEvent('outbox.rollback'));
        throw new Error('abort');
      })
      .catch(() => undefined);
    await t.drain();
    expect(seen).toEqual([]);
  });

  it("rolls back a handler's own writes when it fails, together with its receipt", async () => {
    let calls = 0;
    t.platform.events.register({
      name: 'test.partial',
      types: ['outbox.partial'],
      handle: async (_e, trx) => {
        calls++;
        await recordEvent(trx, newEvent('outbox.side_effect'));
        if (calls === 1) throw new Error('fail after writing');
      },
    });
    const id = await t.database.transaction((trx) => recordEvent(trx, newEvent('outbox.partial')));
    await t.platform.events.dispatchDue();
    await t.database.db.updateTable('events').set({ next_dispatch_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    await t.platform.events.dispatchDue();
    const sideEffects = await t.database.db.selectFrom('events').select('id').where('type', '=', 'outbox.side_effect').execute();
    expect(calls).toBe(2);
    expect(sideEffects).toHaveLength(1);
  });

  it('takes a batch in one transaction per handler, and one poisoned event in it holds up only itself', async () => {
    const seen: string[] = [];
    t.platform.events.register({
      name: 'test.batch',
      types: ['outbox.batch'],
      handle: async (e, trx) => {
        if ((e.payload as { poison?: boolean }).poison) throw new Error('poisoned');
        await recordEvent(trx, newEvent('outbox.batch_effect'));
        seen.push(e.id);
      },
    });
    await t.drain();
    const ids = await t.database.transaction(async (trx) => {
      const out: string[] = [];
      for (let i = 0; i < 20; i++) out.push(await recordEvent(trx, { ...newEvent('outbox.batch'), payload: { poison: i === 7 } }));
      return out;
    });
    const { queries } = await t.database.countQueries(() => t.platform.events.dispatchDue());
    const good = ids.filter((_, i) => i !== 7);
    // The batch ran up to the poisoned event and rolled back; the retry one at a time took every other event once.
    expect([...new Set(seen)].sort()).toEqual(good.sort());
    const rows = await t.database.db.selectFrom('events').select(['id', 'dispatched_at', 'last_error']).where('id', 'in', ids).execute();
    expect(rows.filter((r) => r.dispatched_at !== null).map((r) => r.id).sort()).toEqual(good.sort());
    expect(rows.find((r) => r.id === ids[7])!.last_error).toBe('test.batch: poisoned');
    expect(await t.database.db.selectFrom('events').select('id').where('type', '=', 'outbox.batch_effect').execute()).toHaveLength(19);
    // The failed batch and the one-by-one retry cost more; a clean batch of 20 is a handful of statements, not 5 × 20.
    await t.drain();
    await t.database.transaction(async (trx) => {
      for (let i = 0; i < 20; i++) await recordEvent(trx, newEvent('outbox.batch'));
    });
    const clean = await t.database.countQueries(() => t.platform.events.dispatchDue());
    expect(clean.result).toBe(20);
    expect(clean.queries).toBeLessThanOrEqual(6 + 20);
    expect(queries).toBeGreaterThan(clean.queries);
  });
});
