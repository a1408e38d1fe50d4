import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listEvents } from '../../platform/events.js';
import { addMember, call, createCompany, createVerifiedCompany, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, publishProduct } from '../../testing/catalog-factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import type { NotifyInput } from '../notifications/index.js';

let t: TestApp;
let ops: Record<string, string>;
let hotRolled: string;
let coldRolled: string;
let notified: NotifyInput[];

beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
  hotRolled = await categoryIdOf(t, 'steel.plate.hot_rolled');
  coldRolled = await categoryIdOf(t, 'steel.plate.cold_rolled');
  const service = t.modules.notifications.notifications;
  const original = service.notify.bind(service);
  notified = [];
  vi.spyOn(service, 'notify').mockImplementation(async (trx, input) => {
    notified.push(input);
    await original(trx, input);
  });
});
afterAll(async () => {
  await t.close();
});

const H = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * H).toISOString();
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 + 8 * H).toISOString().slice(0, 10);
const PROBLEM = 'application/problem+json; charset=utf-8';

interface Party { owner: TestUser; id: string }
interface RfqJson {
  id: string; status: string; title: string; quoteCount: number; unreadQuotes: number | null; matchedCount: number | null; awardedQuoteId: string | null;
  buyer: { province: string; grade: string | null; verified: boolean; companyId: string | null; name: string | null; nameEn: string | null };
  specLines: Array<{ key: string; valueZh: string; valueEn: string }>; matchesMe: boolean | null;
  myQuote: { id: string; status: string } | null; viewer: { isBuyer: boolean; canQuote: boolean; quoteBlockedBy: string | null };
}
interface QuoteJson {
  id: string; status: string; revision: number; unitPrice: number; shortlisted: boolean; declineReason: string | null;
  atQuantity: { unitPrice: number; total: number }; supplier: { id: string; name: string; grade: string | null; verified: boolean; trustpassActive: boolean };
  revisions?: Array<{ revision: number; unitPrice: number }>; unread: boolean;
}

async function buyer(overrides: Record<string, unknown> = {}): Promise<Party> {
  const owner = await registerUser(t);
  const company = await createCompany(t, owner, { companyType: 'buyer', legalName: `上海采购测试有限公司 ${Math.random().toString(36).slice(2, 8)}`, ...overrides });
  return { owner, id: company.id };
}

/** A manufacturer with one published product in the category (hot-rolled plate by default). */
async function supplier(overrides: Record<string, unknown> = {}, category = hotRolled, verified = false): Promise<Party> {
  const owner = await registerUser(t);
  const company = verified ? await createVerifiedCompany(t, owner, ops, overrides) : await createCompany(t, owner, overrides);
  const product = await createProduct(t, owner, category, category === hotRolled ? {} : {
    titleZh: '冷轧卷 SPCC 1.0mm', titleEn: 'Cold-rolled coil SPCC 1.0 mm', attributes: { thickness: 1, width: 1250 },
    skus: [{ code: 'CR-SPCC', attributes: { grade: 'SPCC' }, stock: 100 }],
  });
  await publishProduct(t, owner, product.id);
  return { owner, id: company.id };
}

function rfqBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '求购热轧钢板 Q235B 10mm 200 吨',
    description: '用于钢结构厂房,需提供材质书。',
    categoryId: hotRolled,
    specification: { thickness: 10, grade: 'Q235B' },
    quantity: 200,
    unit: 'ton',
    targetUnitPrice: 400_000,
    deliveryProvince: '310000',
    deliveryDate: day(30),
    quoteDeadline: inHours(72),
    ...overrides,
  };
}

function quoteBody(overrides: Record<string, unknown> = {}) {
  return { unitPrice: 410_000, priceTiers: [{ minQuantity: 50, unitPrice: 405_000 }, { minQuantity: 150, unitPrice: 398_000 }], leadTimeDays: 5, validUntil: day(20), shippingTerms: 'delivered', notes: '含税含运', ...overrides };
}

async function postRfq(b: Party, overrides: Record<string, unknown> = {}): Promise<RfqJson> {
  const res = await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: b.owner.headers, payload: rfqBody(overrides) });
  if (res.statusCode !== 201) throw new Error(`post rfq failed: ${res.statusCode} ${res.body}`);
  return res.json<RfqJson>();
}

async function quote(s: Party, rfqId: string, overrides: Record<string, unknown> = {}) {
  return call(t, { method: 'POST', url: `/api/v1/rfqs/${rfqId}/quotes`, headers: s.owner.headers, payload: quoteBody(overrides) });
}

async function quoteOk(s: Party, rfqId: string, overrides: Record<string, unknown> = {}): Promise<QuoteJson> {
  const res = await quote(s, rfqId, overrides);
  if (res.statusCode !== 201) throw new Error(`quote failed: ${res.statusCode} ${res.body}`);
  return res.json<QuoteJson>();
}

const post = (user: TestUser, url: string, payload?: Record<string, unknown>) => call(t, { method: 'POST', url, headers: user.headers, ...(payload ? { payload } : {}) });
const get = (user: TestUser | null, url: string) => call(t, { method: 'GET', url, ...(user ? { headers: user.headers } : {}) });
const pastDeadline = async (rfqId: string) => {
  await sql`UPDATE rfqs SET quote_deadline = now() - interval '1 minute' WHERE id = ${rfqId}`.execute(t.database.db);
};
const notices = (kind: string, companyId?: string, about?: string) =>
  notified.filter((n) => n.kind === kind && (companyId === undefined || n.to.companyId === companyId) && (about === undefined || Boolean(n.link?.includes(about))));

describe('posting an RFQ', () => {
  it('validates the specification against the category template, the deadline and the quantity, as problem+json', async () => {
    const b = await buyer();
    const bad = await call(t, {
      method: 'POST', url: '/api/v1/rfqs', headers: { ...b.owner.headers, 'accept-language': 'en-US' },
      payload: rfqBody({ specification: { thickness: 'thick', grade: 'Q999', colour: 'red' }, quoteDeadline: inHours(-1) }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toBe(PROBLEM);
    const problem = bad.json<{ code: string; errors: Array<{ path: string; message: string }> }>();
    expect(problem.code).toBe('RFQ_INVALID');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['body.quoteDeadline', 'body.specification.colour', 'body.specification.grade', 'body.specification.thickness']);
    expect(problem.errors.find((e) => e.path === 'body.specification.grade')?.message).toContain('Q235B');

    const zero = await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: b.owner.headers, payload: rfqBody({ quantity: 0 }) });
    expect(zero.statusCode).toBe(400);
    expect(zero.json<{ errors: Array<{ path: string }> }>().errors[0]?.path).toBe('body.quantity');
    const notLeaf = await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: b.owner.headers, payload: rfqBody({ categoryId: await categoryIdOf(t, 'steel.plate'), specification: {} }) });
    expect(notLeaf.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['body.categoryId']);
    const early = await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: b.owner.headers, payload: rfqBody({ deliveryDate: day(0), quoteDeadline: inHours(24 * 5) }) });
    expect(early.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['body.deliveryDate']);
    const invitedNobody = await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: b.owner.headers, payload: rfqBody({ visibility: 'invited' }) });
    expect(invitedNobody.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['body.invitedCompanyIds']);

    const ok = await postRfq(b, { specification: { thickness: 10, grade: ['Q235B', 'Q355B'], supply_mode: 'spot' } });
    expect(ok).toMatchObject({ status: 'open', quoteCount: 0, buyer: { province: '320000', companyId: b.id }, viewer: { isBuyer: true, canQuote: false, quoteBlockedBy: 'QUOTE_OWN_RFQ' } });
    expect(ok.specLines.find((l) => l.key === 'grade')?.valueEn).toBe('Q235B / Q355B');
    const events = await listEvents(t.database.db, { type: 'rfq.published', companyId: b.id, limit: 5 });
    expect(events.map((e) => e.subject_id)).toEqual([ok.id]);
  });

  it('needs company.rfqs.manage on the active company; a sales member may not post, a purchaser may', async () => {
    const b = await buyer();
    const sales = await addMember(t, b.owner, b.id, 'sales');
    const purchaser = await addMember(t, b.owner, b.id, 'purchaser');
    expect((await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: sales.headers, payload: rfqBody() })).statusCode).toBe(403);
    expect((await call(t, { method: 'POST', url: '/api/v1/rfqs', payload: rfqBody() })).statusCode).toBe(401);
    const lonely = await registerUser(t);
    expect((await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: lonely.headers, payload: rfqBody() })).json()).toMatchObject({ code: 'RFQ_ACTIVE_COMPANY_REQUIRED' });
    expect((await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: purchaser.headers, payload: rfqBody() })).statusCode).toBe(201);
  });

  it('edits while open and unquoted, not after a quote', async () => {
    const b = await buyer();
    const s = await supplier();
    const rfq = await postRfq(b);
    const edited = await call(t, { method: 'PATCH', url: `/api/v1/rfqs/${rfq.id}`, headers: b.owner.headers, payload: { quantity: 250, title: '求购热轧钢板 250 吨' } });
    expect(edited.json()).toMatchObject({ quantity: 250, title: '求购热轧钢板 250 吨' });
    expect((await call(t, { method: 'PATCH', url: `/api/v1/rfqs/${rfq.id}`, headers: s.owner.headers, payload: { quantity: 1 } })).statusCode).toBe(403);
    await quoteOk(s, rfq.id);
    const late = await call(t, { method: 'PATCH', url: `/api/v1/rfqs/${rfq.id}`, headers: b.owner.headers, payload: { quantity: 300 } });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'RFQ_HAS_QUOTES' });
  });
});

describe('matching and invitations', () => {
  it('notifies suppliers with products in the category (preferred provinces first), records them, and lets them filter the market', async () => {
    const near = await supplier({ province: '330000' });
    const far = await supplier({ province: '440000' });
    const other = await supplier({}, coldRolled);
    const b = await buyer();
    const rfq = await postRfq(b, { supplierProvinces: ['330000'] });
    await t.drain();
    const matches = (await get(b.owner, `/api/v1/rfqs/${rfq.id}/matches`)).json<{ items: Array<{ companyId: string; reason: string; rank: number }> }>().items;
    const ids = matches.map((m) => m.companyId);
    expect(ids).toEqual(expect.arrayContaining([near.id, far.id]));
    expect(ids).not.toContain(other.id);
    expect(ids).not.toContain(b.id);
    expect(matches[0]).toMatchObject({ companyId: near.id, reason: 'matched', rank: 0 });
    expect(notices('rfq.matched', near.id, rfq.id)).toHaveLength(1);
    expect(notices('rfq.matched', other.id, rfq.id)).toHaveLength(0);
    expect((await get(b.owner, `/api/v1/rfqs/${rfq.id}`)).json<RfqJson>().matchedCount).toBe(matches.length);
    // Matching runs once, however often the job is asked.
    await t.modules.rfqs.rfqs.match(rfq.id);
    expect(notices('rfq.matched', near.id, rfq.id)).toHaveLength(1);
    expect((await get(other.owner, `/api/v1/rfqs/${rfq.id}/matches`)).statusCode).toBe(403);

    const mine = (await get(far.owner, '/api/v1/rfqs?scope=market&matching=true&limit=100')).json<{ items: RfqJson[] }>().items;
    expect(mine.find((r) => r.id === rfq.id)).toMatchObject({ matchesMe: true, buyer: { name: null, companyId: null } });
    const theirs = (await get(other.owner, '/api/v1/rfqs?scope=market&matching=true&limit=100')).json<{ items: RfqJson[] }>().items;
    expect(theirs.find((r) => r.id === rfq.id)).toBeUndefined();
    const anonymous = (await get(null, `/api/v1/rfqs?scope=market&categoryId=${hotRolled}&province=310000&limit=100`)).json<{ items: RfqJson[] }>().items;
    expect(anonymous.find((r) => r.id === rfq.id)).toMatchObject({ buyer: { province: '320000', name: null }, matchesMe: null });
    expect((await get(null, '/api/v1/rfqs?scope=market&matching=true')).statusCode).toBe(401);
    expect((await get(null, '/api/v1/rfqs?scope=mine')).statusCode).toBe(401);
  });

  it('matches and accepts quotes only from suppliers at the minimum grade', async () => {
    const unrated = await supplier();
    const rated = await supplier({}, hotRolled, true);
    await t.drain();
    const b = await buyer();
    const rfq = await postRfq(b, { minGrade: '1A' });
    await t.drain();
    const ids = (await get(b.owner, `/api/v1/rfqs/${rfq.id}/matches`)).json<{ items: Array<{ companyId: string }> }>().items.map((m) => m.companyId);
    expect(ids).toContain(rated.id);
    expect(ids).not.toContain(unrated.id);
    const refused = await quote(unrated, rfq.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'QUOTE_GRADE_TOO_LOW' });
    expect((await get(unrated.owner, `/api/v1/rfqs/${rfq.id}`)).json<RfqJson>().viewer).toMatchObject({ canQuote: false, quoteBlockedBy: 'QUOTE_GRADE_TOO_LOW' });
    const accepted = await quoteOk(rated, rfq.id);
    expect(accepted.supplier).toMatchObject({ id: rated.id, grade: '1A', verified: true });
  });

  it('keeps an invitation-only RFQ to the buyer and the invitees, who are mailed', async () => {
    const invitee = await supplier();
    const outsider = await supplier();
    const b = await buyer();
    const rfq = await postRfq(b, { visibility: 'invited', invitedCompanyIds: [invitee.id] });
    await t.drain();
    expect(notices('rfq.invited', invitee.id, rfq.id)).toHaveLength(1);
    expect(notices('rfq.matched', outsider.id, rfq.id)).toHaveLength(0);
    expect((await get(outsider.owner, `/api/v1/rfqs/${rfq.id}`)).statusCode).toBe(404);
    expect((await get(null, `/api/v1/rfqs/${rfq.id}`)).statusCode).toBe(404);
    expect((await quote(outsider, rfq.id)).statusCode).toBe(404);
    const market = (await get(outsider.owner, '/api/v1/rfqs?scope=market&limit=100')).json<{ items: RfqJson[] }>().items;
    expect(market.find((r) => r.id === rfq.id)).toBeUndefined();
    // In the public market the buyer's own members see their RFQ named as theirs; nobody else sees who posted it.
    const open = await postRfq(b);
    const asBuyer = (await get(b.owner, '/api/v1/rfqs?scope=market&limit=100')).json<{ items: RfqJson[] }>().items.find((r) => r.id === open.id)!;
    expect(asBuyer.buyer).toMatchObject({ companyId: b.id, name: expect.stringContaining('上海采购测试有限公司') as unknown, nameEn: 'Suzhou Test Steel Co., Ltd.' });
    for (const reader of [outsider.owner, null]) {
      const seen = (await get(reader, '/api/v1/rfqs?scope=market&limit=100')).json<{ items: RfqJson[] }>().items.find((r) => r.id === open.id)!;
      expect(seen.buyer).toMatchObject({ companyId: null, name: null, nameEn: null });
    }
    expect((await get(invitee.owner, `/api/v1/rfqs/${rfq.id}`)).json<RfqJson>().viewer.canQuote).toBe(true);
    await quoteOk(invitee, rfq.id);
  });
});

describe('quotes', () => {
  it('never shows a supplier another supplier’s quote; the buyer sees all of its own RFQ’s and nothing of others', async () => {
    const b = await buyer();
    const otherBuyer = await buyer();
    const s1 = await supplier();
    const s2 = await supplier();
    const rfq = await postRfq(b);
    const q1 = await quoteOk(s1, rfq.id, { unitPrice: 420_000, priceTiers: [], leadTimeDays: 3 });
    const q2 = await quoteOk(s2, rfq.id);
    expect(notices('quote.received', b.id)).toHaveLength(2);

    const own1 = (await get(s1.owner, `/api/v1/rfqs/${rfq.id}/quotes`)).json<{ items: QuoteJson[]; viewer: string }>();
    expect(own1).toMatchObject({ viewer: 'supplier' });
    expect(own1.items.map((q) => q.id)).toEqual([q1.id]);
    expect((await get(s2.owner, `/api/v1/rfqs/${rfq.id}/quotes`)).json<{ items: QuoteJson[] }>().items.map((q) => q.id)).toEqual([q2.id]);
    expect((await get(s1.owner, `/api/v1/quotes/${q2.id}`)).statusCode).toBe(404);
    expect((await get(s1.owner, `/api/v1/quotes/${q2.id}/messages`)).statusCode).toBe(404);
    expect((await get(otherBuyer.owner, `/api/v1/rfqs/${rfq.id}/quotes`)).json<{ items: QuoteJson[] }>().items).toEqual([]);
    expect((await get(otherBuyer.owner, `/api/v1/quotes/${q1.id}`)).statusCode).toBe(404);
    expect((await post(otherBuyer.owner, `/api/v1/quotes/${q1.id}/accept`)).statusCode).toBe(404);
    expect((await post(s1.owner, `/api/v1/quotes/${q1.id}/accept`)).statusCode).toBe(404);
    expect((await get(null, `/api/v1/rfqs/${rfq.id}/quotes`)).statusCode).toBe(401);
    // The public view counts quotes but names no buyer.
    expect((await get(s1.owner, `/api/v1/rfqs/${rfq.id}`)).json<RfqJson>()).toMatchObject({ quoteCount: 2, buyer: { name: null }, myQuote: { id: q1.id, status: 'submitted' } });

    const counts = (await get(b.owner, '/api/v1/rfqs/counts')).json<{ myOpenRfqs: number; quotesUnread: number }>();
    expect(counts).toMatchObject({ myOpenRfqs: 1, quotesUnread: 2 });
    const compare = (await get(b.owner, `/api/v1/rfqs/${rfq.id}/quotes`)).json<{ items: QuoteJson[]; best: { priceQuoteId: string; leadTimeQuoteId: string }; viewer: string }>();
    expect(compare.viewer).toBe('buyer');
    expect(compare.items.map((q) => q.id)).toEqual([q1.id, q2.id]);
    // 200 t: q2's tier from 150 t applies (¥3,980.00 × 200), q1 has one price (¥4,200.00 × 200).
    expect(compare.items.find((q) => q.id === q2.id)?.atQuantity).toEqual({ quantity: 200, unit: 'ton', unitPrice: 398_000, total: 79_600_000 });
    expect(compare.best).toEqual({ priceQuoteId: q2.id, leadTimeQuoteId: q1.id });
    expect(compare.items.every((q) => q.unread)).toBe(true);
    expect((await get(b.owner, '/api/v1/rfqs/counts')).json()).toMatchObject({ quotesUnread: 0 });
    // One live quote per supplier.
    expect((await quote(s1, rfq.id)).json()).toMatchObject({ code: 'QUOTE_ALREADY_SUBMITTED' });
  });

  it("compares quotes from many suppliers in the same number of queries as from one, each with the supplier's card", async () => {
    const b = await buyer();
    const first = await postRfq(b);
    const s1 = await supplier({}, hotRolled, true);
    await quoteOk(s1, first.id);
    const second = await postRfq(b);
    const quoting = [s1, await supplier(), await supplier({}, hotRolled, true), await supplier()];
    for (const s of quoting) await quoteOk(s, second.id);
    const compare = (rfqId: string) => get(b.owner, `/api/v1/rfqs/${rfqId}/quotes`);
    await compare(first.id);
    await compare(second.id); // the suppliers never rated are rated once
    const one = await t.database.countQueries(() => compare(first.id));
    const many = await t.database.countQueries(() => compare(second.id));
    expect(many.queries).toBe(one.queries);
    const items = many.result.json<{ items: QuoteJson[] }>().items;
    expect(items).toHaveLength(4);
    expect(items.filter((q) => q.supplier.verified).map((q) => q.supplier.id).sort()).toEqual([quoting[0]!.id, quoting[2]!.id].sort());
  });

  it('revises before the deadline keeping the history, not after; withdraws; may quote again after withdrawing', async () => {
    const b = await buyer();
    const s = await supplier();
    const rfq = await postRfq(b);
    const q = await quoteOk(s, rfq.id);
    const revised = await call(t, { method: 'PATCH', url: `/api/v1/quotes/${q.id}`, headers: s.owner.headers, payload: { unitPrice: 399_000, priceTiers: [] } });
    expect(revised.json<QuoteJson>()).toMatchObject({ revision: 2, unitPrice: 399_000, atQuantity: { unitPrice: 399_000 } });
    expect(revised.json<QuoteJson>().revisions?.map((r) => [r.revision, r.unitPrice])).toEqual([[2, 399_000], [1, 410_000]]);
    expect((await call(t, { method: 'PATCH', url: `/api/v1/quotes/${q.id}`, headers: b.owner.headers, payload: { unitPrice: 1 } })).statusCode).toBe(404);
    const badTiers = await call(t, { method: 'PATCH', url: `/api/v1/quotes/${q.id}`, headers: s.owner.headers, payload: { priceTiers: [{ minQuantity: 50, unitPrice: 300_000 }, { minQuantity: 20, unitPrice: 310_000 }] } });
    expect(badTiers.json<{ code: string; errors: Array<{ path: string }> }>()).toMatchObject({ code: 'QUOTE_INVALID' });
    // The chat card shows the latest revision.
    expect(await t.modules.rfqs.quotes.cardFor(q.id, { buyerCompanyId: b.id, supplierCompanyId: s.id })).toMatchObject({ revision: 2, status: 'submitted', unitPrice: 399_000, total: 79_800_000 });

    const withdrawn = await post(s.owner, `/api/v1/quotes/${q.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect(await t.modules.rfqs.quotes.cardFor(q.id, { buyerCompanyId: b.id, supplierCompanyId: s.id })).toBeNull();
    expect((await get(b.owner, `/api/v1/rfqs/${rfq.id}/quotes`)).json<{ items: QuoteJson[] }>().items).toEqual([]);
    expect((await post(s.owner, `/api/v1/quotes/${q.id}/withdraw`)).json()).toMatchObject({ code: 'QUOTE_NOT_PENDING' });
    const again = await quoteOk(s, rfq.id);
    await pastDeadline(rfq.id);
    const late = await call(t, { method: 'PATCH', url: `/api/v1/quotes/${again.id}`, headers: s.owner.headers, payload: { unitPrice: 380_000 } });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'RFQ_DEADLINE_PASSED' });
    const s2 = await supplier();
    expect((await quote(s2, rfq.id)).json()).toMatchObject({ code: 'RFQ_DEADLINE_PASSED' });
  });

  it('enforces the monthly quote quota: 3 on the free tier, the plan’s with TrustPass', async () => {
    const free = await supplier();
    const b = await buyer();
    const rfqs = await Promise.all([1, 2, 3, 4].map(() => postRfq(b)));
    for (const r of rfqs.slice(0, 3)) await quoteOk(free, r.id);
    const counts = (await get(free.owner, '/api/v1/rfqs/counts')).json<{ quota: { limit: number; used: number; left: number; resetsOn: string } }>();
    expect(counts.quota).toMatchObject({ limit: 3, used: 3, left: 0 });
    const over = await call(t, { method: 'POST', url: `/api/v1/rfqs/${rfqs[3]!.id}/quotes`, headers: { ...free.owner.headers, 'accept-language': 'en-US' }, payload: quoteBody() });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'QUOTE_QUOTA_EXCEEDED' });
    expect(over.json<{ detail: string }>().detail).toContain('allows 3 new quotes per month');
    expect(over.json<{ detail: string }>().detail).toContain(counts.quota.resetsOn);
    expect(counts.quota.resetsOn).toMatch(/^\d{4}-\d{2}-01$/);

    const member = await supplier({}, hotRolled, true);
    const plan = await call(t, { method: 'POST', url: '/api/v1/admin/trustpass/plans', headers: ops, payload: { code: 'rfq-std', nameZh: '标准版', nameEn: 'Standard', annualPrice: 688_000, publishLimit: 200, rfqQuoteQuota: 30, badge: '诚信通' } });
    const bought = await call(t, { method: 'POST', url: `/api/v1/companies/${member.id}/trustpass/purchases`, headers: member.owner.headers, payload: { planId: plan.json<{ id: string }>().id } });
    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${bought.json<{ paymentIntent: { id: string } }>().paymentIntent.id}/approve`, headers: member.owner.headers });
    await t.drain();
    for (const r of rfqs) await quoteOk(member, r.id);
    expect((await get(member.owner, '/api/v1/rfqs/counts')).json()).toMatchObject({ quota: { limit: 30, used: 4, left: 26 } });
    const compare = (await get(b.owner, `/api/v1/rfqs/${rfqs[3]!.id}/quotes`)).json<{ items: QuoteJson[] }>();
    expect(compare.items.find((q) => q.supplier.id === member.id)?.supplier).toMatchObject({ trustpassActive: true, verified: true });
  });

  it('checks roles: a supplier purchaser may not quote; a buyer finance member sees quotes but may not accept', async () => {
    const b = await buyer();
    const finance = await addMember(t, b.owner, b.id, 'finance');
    const s = await supplier();
    const purchaser = await addMember(t, s.owner, s.id, 'purchaser');
    const rfq = await postRfq(b);
    expect((await call(t, { method: 'POST', url: `/api/v1/rfqs/${rfq.id}/quotes`, headers: purchaser.headers, payload: quoteBody() })).statusCode).toBe(403);
    const q = await quoteOk(s, rfq.id);
    expect((await get(finance, `/api/v1/rfqs/${rfq.id}/quotes`)).json<{ items: QuoteJson[] }>().items).toHaveLength(1);
    expect((await post(finance, `/api/v1/quotes/${q.id}/accept`)).statusCode).toBe(403);
    const lonelyBuyer = await buyer();
    expect((await quote(lonelyBuyer, rfq.id)).json()).toMatchObject({ code: 'QUOTE_SUPPLIERS_ONLY' });
  });
});

describe('decisions and the state machine', () => {
  it('accepts one (awarded), declines others with a reason, closes (rest not selected); refuses illegal moves with stable codes', async () => {
    const b = await buyer();
    const [s1, s2, s3] = [await supplier(), await supplier(), await supplier()];
    const rfq = await postRfq(b);
    const q1 = await quoteOk(s1, rfq.id);
    const q2 = await quoteOk(s2, rfq.id);
    const q3 = await quoteOk(s3, rfq.id);

    expect((await post(b.owner, `/api/v1/quotes/${q1.id}/shortlist`, { shortlisted: true })).json()).toMatchObject({ shortlisted: true });
    const accepted = await post(b.owner, `/api/v1/quotes/${q1.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(notices('quote.accepted', s1.id)).toHaveLength(1);
    expect((await get(b.owner, `/api/v1/rfqs/${rfq.id}`)).json<RfqJson>()).toMatchObject({ status: 'awarded', awardedQuoteId: q1.id });
    // The awarded supplier now sees who the buyer is; the others do not.
    expect((await get(s1.owner, `/api/v1/rfqs/${rfq.id}`)).json<RfqJson>().buyer.companyId).toBe(b.id);
    expect((await get(s2.owner, `/api/v1/rfqs/${rfq.id}`)).json<RfqJson>().buyer.companyId).toBeNull();
    const terms = await t.modules.rfqs.quotes.acceptedTerms(q1.id);
    expect(terms).toMatchObject({ quoteId: q1.id, rfqId: rfq.id, buyerCompanyId: b.id, supplierCompanyId: s1.id, quantity: 200, unit: 'ton', unitPrice: 398_000, total: 79_600_000, shippingTerms: 'delivered' });
    expect(await t.modules.rfqs.quotes.acceptedTerms(q2.id)).toBeNull();
    const acceptedEvent = (await listEvents(t.database.db, { type: 'quote.accepted', companyId: s1.id, limit: 5 }))[0];
    expect(acceptedEvent?.payload).toMatchObject({ quoteId: q1.id, rfqId: rfq.id, buyerCompanyId: b.id, supplierCompanyId: s1.id, total: 79_600_000 });

    const second = await post(b.owner, `/api/v1/quotes/${q2.id}/accept`);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'RFQ_ALREADY_AWARDED' });
    expect((await post(s1.owner, `/api/v1/quotes/${q1.id}/withdraw`)).json()).toMatchObject({ code: 'QUOTE_NOT_PENDING' });
    const declined = await post(b.owner, `/api/v1/quotes/${q2.id}/decline`, { reason: '价格偏高' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '价格偏高' });
    expect(notices('quote.declined', s2.id)).toHaveLength(1);
    expect((await post(b.owner, `/api/v1/quotes/${q2.id}/decline`, {})).json()).toMatchObject({ code: 'QUOTE_NOT_PENDING' });
    // Chat cards: the quote's terms at the RFQ quantity, between that supplier and this buyer only, whatever the decision.
    expect(await t.modules.rfqs.quotes.cardFor(q2.id, { buyerCompanyId: b.id, supplierCompanyId: s2.id })).toMatchObject({ quoteId: q2.id, rfqId: rfq.id, status: 'declined', unitPrice: 398_000, quantity: 200, unit: 'ton', total: 79_600_000 });
    expect(await t.modules.rfqs.quotes.cardFor(q1.id, { buyerCompanyId: b.id, supplierCompanyId: s1.id })).toMatchObject({ status: 'accepted' });
    expect(await t.modules.rfqs.quotes.cardFor(q2.id, { buyerCompanyId: b.id, supplierCompanyId: s1.id })).toBeNull();
    expect(await t.modules.rfqs.quotes.cardFor(q2.id, { buyerCompanyId: s1.id, supplierCompanyId: s2.id })).toBeNull();
    expect(await t.modules.rfqs.quotes.cardFor(q2.id, { buyerCompanyId: null, supplierCompanyId: s2.id })).toBeNull();
    expect((await post(b.owner, `/api/v1/rfqs/${rfq.id}/cancel`)).json()).toMatchObject({ code: 'RFQ_ALREADY_AWARDED' });

    const closed = await post(b.owner, `/api/v1/rfqs/${rfq.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await get(s3.owner, `/api/v1/quotes/${q3.id}`)).json()).toMatchObject({ status: 'not_selected' });
    expect((await get(s1.owner, `/api/v1/quotes/${q1.id}`)).json()).toMatchObject({ status: 'accepted' });
    const again = await post(b.owner, `/api/v1/rfqs/${rfq.id}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'RFQ_ALREADY_ENDED' });
    const s4 = await supplier();
    expect((await quote(s4, rfq.id)).json()).toMatchObject({ code: 'RFQ_NOT_OPEN' });
    expect((await post(b.owner, `/api/v1/quotes/${q3.id}/shortlist`, { shortlisted: true })).json()).toMatchObject({ code: 'RFQ_ALREADY_ENDED' });
    const closedEvent = (await listEvents(t.database.db, { type: 'rfq.closed', companyId: b.id, limit: 5 }))[0];
    expect(closedEvent?.payload).toMatchObject({ rfqId: rfq.id, status: 'closed', awardedQuoteId: q1.id, notSelected: 1 });
    expect((await post(s2.owner, `/api/v1/rfqs/${rfq.id}/close`)).statusCode).toBe(403);
    expect((await get(b.owner, '/api/v1/rfqs?scope=mine&status=closed')).json<{ items: RfqJson[] }>().items.map((r) => r.id)).toEqual([rfq.id]);
  });

  it('keeps a per-quote thread between the buyer and that supplier', async () => {
    const b = await buyer();
    const s = await supplier();
    const other = await supplier();
    const rfq = await postRfq(b);
    const q = await quoteOk(s, rfq.id);
    expect((await post(b.owner, `/api/v1/quotes/${q.id}/messages`, { body: '能否提供沙钢的材质书?' })).statusCode).toBe(201);
    expect(notices('quote.message', s.id)).toHaveLength(1);
    await post(s.owner, `/api/v1/quotes/${q.id}/messages`, { body: '可以,随货提供。' });
    const thread = (await get(b.owner, `/api/v1/quotes/${q.id}/messages`)).json<{ items: Array<{ side: string; mine: boolean; body: string }> }>();
    expect(thread.items.map((m) => [m.side, m.mine])).toEqual([['buyer', true], ['supplier', false]]);
    expect((await post(other.owner, `/api/v1/quotes/${q.id}/messages`, { body: 'hi' })).statusCode).toBe(404);
    expect((await post(b.owner, `/api/v1/quotes/${q.id}/messages`, { body: '' })).statusCode).toBe(400);
  });

  it('expires past-deadline RFQs and reminds buyers once a day before the deadline (the sweep job)', async () => {
    const b = await buyer();
    const s = await supplier();
    const soon = await postRfq(b, { quoteDeadline: inHours(2) });
    const withQuote = await postRfq(b, { quoteDeadline: inHours(3) });
    const awarded = await postRfq(b, { quoteDeadline: inHours(3) });
    const later = await postRfq(b, { quoteDeadline: inHours(60) });
    const qOpen = await quoteOk(s, withQuote.id);
    const qWon = await quoteOk(s, awarded.id);
    await post(b.owner, `/api/v1/quotes/${qWon.id}/accept`);
    const svc = t.modules.rfqs.rfqs;

    const first = await svc.sweep(new Date());
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const reminded = notices('rfq.closing_soon', b.id).map((n) => n.link);
    expect(reminded).toEqual(expect.arrayContaining([`/workbench/rfqs/${soon.id}`, `/workbench/rfqs/${withQuote.id}`]));
    expect(reminded).not.toContain(`/workbench/rfqs/${later.id}`);
    await svc.sweep(new Date());
    expect(notices('rfq.closing_soon', b.id).filter((n) => n.link === `/workbench/rfqs/${soon.id}`)).toHaveLength(1);

    await svc.sweep(new Date(Date.now() + 4 * H));
    const status = async (id: string) => (await get(b.owner, `/api/v1/rfqs/${id}`)).json<RfqJson>().status;
    expect(await status(soon.id)).toBe('expired');
    expect(await status(withQuote.id)).toBe('open'); // the buyer's decision window
    expect(await status(awarded.id)).toBe('awarded');
    expect(await status(later.id)).toBe('open');

    await svc.sweep(new Date(Date.now() + 15 * 24 * H));
    expect(await status(withQuote.id)).toBe('expired');
    expect(await status(awarded.id)).toBe('closed');
    expect((await get(s.owner, `/api/v1/quotes/${qOpen.id}`)).json()).toMatchObject({ status: 'not_selected' });
    expect((await get(s.owner, `/api/v1/quotes/${qWon.id}`)).json()).toMatchObject({ status: 'accepted' });
    expect((await get(s.owner, '/api/v1/quotes?limit=10')).json<{ items: QuoteJson[] }>().items.map((q) => q.id)).toEqual([qWon.id, qOpen.id]);
  });

  it('serves RFQ attachments to those who may see the RFQ, though the file stays private to the buyer', async () => {
    const b = await buyer();
    const s = await supplier();
    const boundary = '----tsrfq';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="spec.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const upload = await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', payload, headers: { ...b.owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json<{ id: string }>().id;
    const strangerFile = await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', payload, headers: { ...s.owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const refused = await call(t, { method: 'POST', url: '/api/v1/rfqs', headers: b.owner.headers, payload: rfqBody({ attachmentFileIds: [strangerFile.json<{ id: string }>().id] }) });
    expect(refused.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['body.attachmentFileIds.0']);
    const rfq = await postRfq(b, { attachmentFileIds: [fileId] });
    expect((await get(s.owner, `/api/v1/files/${fileId}`)).statusCode).toBe(404);
    const viaRfq = await get(s.owner, `/api/v1/rfqs/${rfq.id}/attachments/${fileId}`);
    expect(viaRfq.statusCode).toBe(200);
    expect(viaRfq.rawPayload.equals(pdf)).toBe(true);
    expect((await get(s.owner, `/api/v1/rfqs/${rfq.id}/attachments/${strangerFile.json<{ id: string }>().id}`)).statusCode).toBe(404);
  });
});
