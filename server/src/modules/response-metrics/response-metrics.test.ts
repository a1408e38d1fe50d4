import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, createCompany, registerUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, publishProduct } from '../../testing/catalog-factories.js';

/* The response-rate definition (docs/response-rate.md) through the real event path: inquiry.created,
 * inquiry.replied and message.sent recorded in a transaction as the inquiries and messaging modules will, the
 * dispatcher delivers them, and the metrics are computed as of fixed moments. Then the API, and credit and search
 * picking the rate up through their real modules. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const H = 3_600_000;
/** Friday 13 June 2025, noon UTC: every edge case below is computed as of this moment (or one nearby). */
const NOW = new Date('2025-06-13T12:00:00Z');
const ago = (hours: number, from = NOW) => new Date(from.getTime() - hours * H).toISOString();

async function emit(type: string, companyId: string, subjectId: string, payload: Record<string, unknown>): Promise<void> {
  await t.database.transaction((trx) => recordEvent(trx, { type, actorUserId: null, companyId, subjectType: type.startsWith('inquiry') ? 'inquiry' : 'conversation', subjectId, payload }));
}

/** A supplier, its sales rep and one buyer (user and company): ids only, as the events carry them. */
function parties() {
  return { supplier: uuidv7(), rep: uuidv7(), buyer: uuidv7(), buyerCompany: uuidv7() };
}
type Parties = ReturnType<typeof parties>;

async function inquiry(p: Parties, at: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const inquiryId = uuidv7();
  await emit('inquiry.created', p.supplier, inquiryId, { inquiryId, supplierCompanyId: p.supplier, buyerCompanyId: p.buyerCompany, buyerUserId: p.buyer, at, ...overrides });
  return inquiryId;
}
async function reply(p: Parties, inquiryId: string, side: 'buyer' | 'supplier', at: string, authorUserId = side === 'buyer' ? p.buyer : p.rep): Promise<void> {
  await emit('inquiry.replied', p.supplier, inquiryId, { inquiryId, supplierCompanyId: p.supplier, authorUserId, side, at });
}
async function message(p: Parties, conversationId: string, side: 'buyer' | 'supplier', at: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const messageId = uuidv7();
  await emit('message.sent', p.supplier, conversationId, {
    conversationId, messageId, supplierCompanyId: p.supplier, buyerUserId: p.buyer, buyerCompanyId: p.buyerCompany,
    senderUserId: side === 'buyer' ? p.buyer : p.rep, side, at, ...overrides,
  });
  return messageId;
}

const metricsAt = (p: Parties, now: Date = NOW) => t.modules.responseMetrics.responseMetrics.compute(p.supplier, now);

describe('the response-rate definition', () => {
  it('keeps counting over the weekend: Friday evening to Monday morning is a missed answer', async () => {
    const p = parties();
    const friday = await inquiry(p, '2025-06-06T10:00:00Z'); // Friday 18:00 in China
    await reply(p, friday, 'supplier', '2025-06-09T01:00:00Z'); // Monday 09:00: 63 hours later
    const saturday = await inquiry(p, '2025-06-07T02:00:00Z');
    await reply(p, saturday, 'supplier', '2025-06-07T12:00:00Z'); // 10 hours, on a Saturday
    await t.drain();
    const m = await metricsAt(p);
    expect(m).toMatchObject({ measured: 2, answeredWithin24h: 1, pending: 0, responseRate: 0.5, medianFirstResponseSeconds: ((63 + 10) / 2) * 3600 });
    expect(m.bySource.inquiry).toMatchObject({ measured: 2, answeredWithin24h: 1 });
    expect(m.bySource.chat).toMatchObject({ measured: 0, responseRate: null });
  });

  it("does not count the supplier's own people: no clock for its own inquiry or outreach, no answer from the buyer to himself", async () => {
    const p = parties();
    // Someone acting for the supplier company itself sends it an inquiry: nobody is waiting.
    const own = await inquiry(p, ago(48), { buyerCompanyId: p.supplier });
    await reply(p, own, 'supplier', ago(47));
    // The supplier writes first in a chat and again: outreach opens nothing, and is nobody's answer.
    const outreach = uuidv7();
    await message(p, outreach, 'supplier', ago(40));
    await message(p, outreach, 'supplier', ago(39));
    // A reply marked as the supplier's but written by the inquiring buyer does not answer the buyer.
    const asked = await inquiry(p, ago(30));
    await reply(p, asked, 'supplier', ago(29), p.buyer);
    await t.drain();
    expect(await metricsAt(p)).toMatchObject({ measured: 1, answeredWithin24h: 0, pending: 0, responseRate: 0, medianFirstResponseSeconds: null });

    // The buyer answers the outreach: the buyer's first question in the conversation opens a clock.
    await message(p, outreach, 'buyer', ago(38));
    await message(p, outreach, 'supplier', ago(37));
    await t.drain();
    expect((await metricsAt(p)).bySource.chat).toMatchObject({ measured: 1, answeredWithin24h: 1, medianFirstResponseSeconds: 3600 });
  });

  it('counts a late answer as measured and missed; its time still goes into the median', async () => {
    const p = parties();
    const id = await inquiry(p, ago(40));
    await reply(p, id, 'supplier', ago(10)); // 30 hours after
    await t.drain();
    expect(await metricsAt(p)).toMatchObject({ measured: 1, answeredWithin24h: 0, pending: 0, responseRate: 0, medianFirstResponseSeconds: 30 * 3600 });
    // As of a moment after its 24 hours but before the answer was written, the same item was simply unanswered.
    expect(await metricsAt(p, new Date(NOW.getTime() - 12 * H))).toMatchObject({ measured: 1, answeredWithin24h: 0, medianFirstResponseSeconds: null });
  });

  it('leaves an unanswered item younger than 24 hours pending, out of the rate, until its 24 hours are up', async () => {
    const p = parties();
    await inquiry(p, ago(2));
    await t.drain();
    expect(await metricsAt(p)).toMatchObject({ measured: 0, pending: 1, responseRate: null, medianFirstResponseSeconds: null });
    expect(await metricsAt(p, new Date(NOW.getTime() + 21 * H))).toMatchObject({ measured: 0, pending: 1 });
    expect(await metricsAt(p, new Date(NOW.getTime() + 22 * H))).toMatchObject({ measured: 1, pending: 0, answeredWithin24h: 0, responseRate: 0 });
  });

  it('counts an answer at exactly 24 hours as in time', async () => {
    const p = parties();
    const id = await inquiry(p, ago(30));
    await reply(p, id, 'supplier', ago(6));
    await t.drain();
    expect(await metricsAt(p)).toMatchObject({ measured: 1, answeredWithin24h: 1, responseRate: 1, medianFirstResponseSeconds: 24 * 3600 });
  });

  it('drops items opened more than 30 days ago', async () => {
    const p = parties();
    const old = await inquiry(p, ago(31 * 24));
    await reply(p, old, 'supplier', ago(31 * 24 - 1));
    const recent = await inquiry(p, ago(29 * 24));
    await t.drain();
    expect(await metricsAt(p)).toMatchObject({ measured: 1, answeredWithin24h: 0, responseRate: 0 });
    // Two days earlier both were inside the window.
    expect(await metricsAt(p, new Date(NOW.getTime() - 2 * 24 * H))).toMatchObject({ measured: 2, answeredWithin24h: 1, responseRate: 0.5, medianFirstResponseSeconds: 3600 });
    expect(recent).toBeTruthy();
  });

  it('opens no second clock for a buyer follow-up before any answer, in an inquiry or a chat', async () => {
    const p = parties();
    const id = await inquiry(p, ago(50));
    await reply(p, id, 'buyer', ago(45)); // "any news?"
    await reply(p, id, 'buyer', ago(30));
    await reply(p, id, 'supplier', ago(28)); // answers the inquiry 22 hours after it was sent
    await reply(p, id, 'buyer', ago(20)); // the conversation goes on: an inquiry has one clock
    const conversation = uuidv7();
    await message(p, conversation, 'buyer', ago(40));
    await message(p, conversation, 'buyer', ago(39.5));
    await message(p, conversation, 'buyer', ago(30)); // ten quiet hours later, still unanswered: no new clock
    await message(p, conversation, 'supplier', ago(10)); // 30 hours after the question
    await t.drain();
    const m = await metricsAt(p);
    expect(m.bySource.inquiry).toMatchObject({ measured: 1, answeredWithin24h: 1, medianFirstResponseSeconds: 22 * 3600 });
    expect(m.bySource.chat).toMatchObject({ measured: 1, answeredWithin24h: 0, medianFirstResponseSeconds: 30 * 3600 });
  });

  it('opens a new chat clock only when the buyer writes after an answer and four quiet hours', async () => {
    const p = parties();
    const c = uuidv7();
    await message(p, c, 'buyer', ago(60)); // clock 1
    await message(p, c, 'supplier', ago(59)); // answered in 1 h
    await message(p, c, 'buyer', ago(58.5)); // a running exchange: no clock
    await message(p, c, 'supplier', ago(58.4));
    await message(p, c, 'buyer', ago(54.5)); // 3 h 54 min of quiet: still the same exchange
    await message(p, c, 'buyer', ago(40)); // 14.5 h of quiet, no clock open: clock 2
    await message(p, c, 'supplier', ago(37)); // answered in 3 h
    await message(p, c, 'buyer', ago(33)); // exactly 4 h of quiet: clock 3, never answered
    await t.drain();
    expect((await metricsAt(p)).bySource.chat).toMatchObject({ measured: 3, answeredWithin24h: 2, pending: 0, medianFirstResponseSeconds: 2 * 3600 });
  });

  it('closes only the clock of the thread the supplier answered in', async () => {
    const p = parties();
    const a = await inquiry(p, ago(30));
    const b = await inquiry(p, ago(30));
    const chat = uuidv7();
    await message(p, chat, 'buyer', ago(30));
    await reply(p, a, 'supplier', ago(29));
    await t.drain();
    const m = await metricsAt(p);
    expect(m.bySource.inquiry).toMatchObject({ measured: 2, answeredWithin24h: 1 });
    expect(m.bySource.chat).toMatchObject({ measured: 1, answeredWithin24h: 0 });
    expect(b).not.toBe(a);
  });

  it('gives the same clocks whatever order the events arrive in, and counts a redelivered message once', async () => {
    const p = parties();
    const inquiryId = uuidv7();
    // The reply is delivered before the inquiry it answers.
    await reply(p, inquiryId, 'supplier', ago(20));
    await t.drain();
    await emit('inquiry.created', p.supplier, inquiryId, { inquiryId, supplierCompanyId: p.supplier, buyerCompanyId: null, buyerUserId: p.buyer, at: ago(26) });
    const c = uuidv7();
    const messageId = uuidv7();
    const payload = { conversationId: c, messageId, supplierCompanyId: p.supplier, buyerUserId: p.buyer, buyerCompanyId: null, senderUserId: p.buyer, side: 'buyer', at: ago(48) };
    await emit('message.sent', p.supplier, c, payload);
    await emit('message.sent', p.supplier, c, payload);
    await message(p, c, 'supplier', ago(46));
    await t.drain();
    const m = await metricsAt(p);
    expect(m.bySource.inquiry).toMatchObject({ measured: 1, answeredWithin24h: 1, medianFirstResponseSeconds: 6 * 3600 });
    expect(m.bySource.chat).toMatchObject({ measured: 1, answeredWithin24h: 1, medianFirstResponseSeconds: 2 * 3600 });
  });

  it('skips an event whose payload does not fit the contract instead of retrying it forever', async () => {
    const p = parties();
    await emit('inquiry.created', p.supplier, uuidv7(), { inquiryId: 'not-a-uuid', supplierCompanyId: p.supplier, at: 'yesterday' });
    await t.drain();
    const stuck = await t.database.db.selectFrom('events').select('id').where('company_id', '=', p.supplier).where('dispatched_at', 'is', null).execute();
    expect(stuck).toEqual([]);
    expect(await metricsAt(p)).toMatchObject({ measured: 0, pending: 0 });
  });
});

describe('the cached summary, the API, and the modules that read the rate', () => {
  it('serves the 30-day metrics with the breakdown by source, a batch and a trend; 404 for an unknown company', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner);
    const now = new Date();
    const p = { ...parties(), supplier: company.id };
    const answered = await inquiry(p, ago(3, now));
    await reply(p, answered, 'supplier', ago(2, now));
    await inquiry(p, ago(30, now)); // missed
    await message(p, uuidv7(), 'buyer', ago(1, now)); // pending
    await t.drain();

    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/response-metrics` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      companyId: company.id, windowDays: 30, responseRate: 0.5, answeredWithin24h: 1, measured: 2, pending: 1, medianFirstResponseSeconds: 3600,
      bySource: {
        inquiry: { responseRate: 0.5, answeredWithin24h: 1, measured: 2, pending: 0, medianFirstResponseSeconds: 3600 },
        chat: { responseRate: null, answeredWithin24h: 0, measured: 0, pending: 1, medianFirstResponseSeconds: null },
      },
    });
    expect(Math.abs(new Date(String(body.computedAt)).getTime() - Date.now())).toBeLessThan(60_000);

    const changed = await t.database.db.selectFrom('events').select(['payload']).where('type', '=', 'response_metrics.changed').where('company_id', '=', company.id).orderBy('id').execute();
    expect(changed.at(-1)?.payload).toMatchObject({ supplierCompanyId: company.id, responseRate: 0.5, medianFirstResponseSeconds: 3600 });
    // The pending chat question has a refresh queued for the moment it turns 24 hours old.
    const deadline = await t.database.db.selectFrom('jobs').select(['run_at', 'payload']).where('kind', '=', 'response_metrics.refresh').where('status', '=', 'pending').execute();
    expect(deadline.some((j) => (j.payload as { companyId?: string }).companyId === company.id && Math.abs(j.run_at.getTime() - (now.getTime() + 23 * H)) < 60_000)).toBe(true);

    const other = await createCompany(t, owner);
    const many = await call(t, { method: 'GET', url: `/api/v1/response-metrics?companyIds=${company.id},${other.id}` });
    expect(many.statusCode, many.body).toBe(200);
    expect(many.json()).toEqual({ items: [
      { companyId: company.id, responseRate: 0.5, medianFirstResponseSeconds: 3600, measured: 2 },
      { companyId: other.id, responseRate: null, medianFirstResponseSeconds: null, measured: 0 },
    ] });
    const empty = await call(t, { method: 'GET', url: `/api/v1/companies/${other.id}/response-metrics` });
    expect(empty.json()).toMatchObject({ responseRate: null, measured: 0, pending: 0, medianFirstResponseSeconds: null, windowDays: 30 });
    expect((await call(t, { method: 'GET', url: '/api/v1/response-metrics?companyIds=nope' })).statusCode).toBe(400);

    const trend = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/response-metrics/trend` });
    expect(trend.statusCode, trend.body).toBe(200);
    const weeks = trend.json<{ weeks: Array<{ measured: number; answeredWithin24h: number; responseRate: number | null }> }>().weeks;
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toMatchObject({ measured: 2, answeredWithin24h: 1, responseRate: 0.5 });
    expect(weeks.slice(0, -1).every((w) => w.measured === 0 && w.responseRate === null)).toBe(true);

    const missing = await call(t, { method: 'GET', url: `/api/v1/companies/${uuidv7()}/response-metrics` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('slides the window in the nightly refresh: items that age out change the summary and announce it', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner);
    const p = { ...parties(), supplier: company.id };
    const now = new Date();
    const id = await inquiry(p, ago(5, now));
    await reply(p, id, 'supplier', ago(4, now));
    await t.drain();
    const svc = t.modules.responseMetrics.responseMetrics;
    expect((await svc.ratesOf([company.id])).get(company.id)).toEqual({ responseRate: 1, medianFirstResponseSeconds: 3600 });
    // Thirty-one days on, the item has left the window.
    const later = new Date(now.getTime() + 31 * 24 * H);
    expect(await t.database.transaction((trx) => svc.refreshIn(trx, [company.id], later))).toBe(1);
    expect((await svc.ratesOf([company.id])).get(company.id)).toEqual({ responseRate: null, medianFirstResponseSeconds: null });
    // Nothing moved since: a second run announces nothing.
    expect(await t.database.transaction((trx) => svc.refreshIn(trx, [company.id], later))).toBe(0);
    expect(await svc.refreshAll()).toMatchObject({ changed: expect.any(Number) as number });
  });

  it("feeds credit's service dimension and re-rates the supplier when its rate changes", async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner);
    await t.drain();
    const factor = async () => {
      const res = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/credit` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ factors: Array<{ key: string; points: number; value: string }> }>().factors.find((f) => f.key === 'response_rate');
    };
    expect(await factor()).toMatchObject({ value: 'n/a', points: 0 });

    const now = new Date();
    const p = { ...parties(), supplier: company.id };
    for (const [opened, answeredAfter] of [[50, 2], [40, 30], [30, 1], [28, 3]] as const) {
      const id = await inquiry(p, ago(opened, now));
      await reply(p, id, 'supplier', ago(opened - answeredAfter, now));
    }
    await t.drain();
    expect(await factor()).toMatchObject({ value: '75%', points: 5.25 });
    expect((await t.modules.credit.credit.facts(company.id)).responseRate).toBe(0.75);
  });

  it("feeds search's service factor and shows the rate on supplier and product hits", async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner, { legalName: '浙江响应测试钢管有限公司', nameEn: 'Zhejiang Responsive Pipe Co.' });
    const product = await createProduct(t, owner, await categoryIdOf(t, 'steel.plate.hot_rolled'), { titleZh: '响应测试热轧板 12mm' });
    await publishProduct(t, owner, product.id);
    await t.drain();
    const supplierHit = async () => {
      const res = await call(t, { method: 'GET', url: `/api/v1/search/suppliers?q=${encodeURIComponent('响应测试钢管')}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Array<{ id: string; responseRate: number | null }> }>().items.find((s) => s.id === company.id);
    };
    const productHit = async () => {
      const res = await call(t, { method: 'GET', url: `/api/v1/search/products?q=${encodeURIComponent('响应测试热轧板')}&explain=true` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Array<{ id: string; supplier: { responseRate: number | null }; explain: { factors: Array<{ name: string; value: unknown; factor: number }> } }> }>()
        .items.find((i) => i.id === product.id);
    };
    expect(await supplierHit()).toMatchObject({ responseRate: null });
    expect((await productHit())?.explain.factors.find((f) => f.name === 'responseRate')).toMatchObject({ value: null, factor: 1 });

    const now = new Date();
    const p = { ...parties(), supplier: company.id };
    const answered = await inquiry(p, ago(40, now));
    await reply(p, answered, 'supplier', ago(39, now));
    await inquiry(p, ago(30, now));
    await t.drain();
    expect(await supplierHit()).toMatchObject({ responseRate: 0.5 });
    const hit = await productHit();
    expect(hit?.supplier.responseRate).toBe(0.5);
    expect(hit?.explain.factors.find((f) => f.name === 'responseRate')).toMatchObject({ value: 0.5, factor: 0.925 });
  });
});
