import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/context.js';
import { addMember, call, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createTradeParties, payOrder, placeOrder, shipAllDirect, type OrderJson, type TradeParties } from '../../testing/trade-factories.js';
import { maskedBuyer, seedReviews } from './index.js';
import { shortProvince } from './service.js';

let t: TestApp;
let p: TradeParties;
let ops: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  p = await createTradeParties(t);
  ops = await operatorHeaders(t);
});
afterAll(async () => {
  await t.close();
});

const PROBLEM = 'application/problem+json; charset=utf-8';
const DAY = 86_400_000;

interface Review {
  id: string; orderId: string | null; supplierCompanyId: string;
  buyer: { province: string; companyType: string; label: string };
  products: Array<{ productId: string; titleZh: string; titleEn: string | null }>;
  scores: { quality: number; shipping: number; service: number }; overall: number;
  text: string; reply: { text: string; at: string } | null; createdAt: string; canReply: boolean;
}
interface Page { items: Review[]; nextCursor: string | null }
interface Summary { count: number; averages: { quality: number | null; shipping: number | null; service: number | null; overall: number | null }; replied: number; stars: Record<string, number> }
interface OrderState { orderId: string; review: Review | null; canReview: boolean; blockedBy: string | null }

/** An order placed, paid, shipped in full and received by the buyer (through the same calls the app makes). */
async function receivedOrder(parties = p, quantity = 10): Promise<OrderJson> {
  const order = await placeOrder(t, parties, { quantity });
  await payOrder(t, parties.buyer.owner, order.id);
  await shipAllDirect(t, order.id, parties.supplier.owner.id);
  const res = await call(t, { method: 'POST', url: `/api/v1/orders/${order.id}/confirm-receipt`, headers: parties.buyer.owner.headers });
  expect(res.statusCode, res.body).toBe(200);
  return order;
}

const review = (user: { headers: Record<string, string> } | null, body: Record<string, unknown>) =>
  call(t, { method: 'POST', url: '/api/v1/reviews', headers: user?.headers ?? {}, payload: body });
const reply = (user: { headers: Record<string, string> }, id: string, text: string) =>
  call(t, { method: 'POST', url: `/api/v1/reviews/${id}/reply`, headers: user.headers, payload: { text } });
const list = async (query: string, headers: Record<string, string> = {}) => {
  const res = await call(t, { method: 'GET', url: `/api/v1/reviews?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};
const orderState = (user: { headers: Record<string, string> } | Record<string, string>, orderId: string) =>
  call(t, { method: 'GET', url: `/api/v1/orders/${orderId}/review`, headers: 'headers' in user ? (user.headers as Record<string, string>) : user });
const eventsOf = async (reviewId: string) =>
  t.database.db.selectFrom('events').select(['type', 'company_id', 'actor_user_id', 'payload']).where('subject_id', '=', reviewId).orderBy('id').execute();
const noticesOf = async (u: TestUser) =>
  (await call(t, { method: 'GET', url: '/api/v1/notifications?limit=100', headers: { ...u.headers, 'accept-language': 'zh-CN' } }))
    .json<{ items: Array<{ kind: string; title: string; body: string | null; link: string | null }> }>().items.filter((n) => n.kind.startsWith('review.'));

describe('masking', () => {
  it('shows a buyer only by short province and company type, in the reader\'s language', () => {
    expect(shortProvince('浙江省')).toBe('浙江');
    expect(shortProvince('上海市')).toBe('上海');
    expect(shortProvince('广西壮族自治区')).toBe('广西');
    expect(shortProvince('新疆维吾尔自治区')).toBe('新疆');
    expect(shortProvince('内蒙古自治区')).toBe('内蒙古');
    expect(maskedBuyer('330000', 'buyer', 'zh-CN')).toBe('浙江 · 采购商');
    expect(maskedBuyer('330000', 'trading_company', 'en-US')).toBe('Zhejiang · Trading company');
    expect(maskedBuyer('999999', 'buyer', 'zh-CN')).toBe('— · 采购商');
  });
});

describe('writing a review', () => {
  it('lets a purchaser review a received order once: scores, text, the review.created event and a notice to the supplier', async () => {
    const order = await receivedOrder();
    const res = await review(p.buyer.purchaser, { orderId: order.id, quality: 5, shipping: 4, service: 3, text: '  钢板平整,材质书齐全。  ' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<Review>();
    expect(r).toMatchObject({
      orderId: order.id, supplierCompanyId: p.supplier.companyId, scores: { quality: 5, shipping: 4, service: 3 }, overall: 4,
      text: '钢板平整,材质书齐全。', reply: null, canReply: false,
      buyer: { province: '320000', companyType: 'buyer' },
      products: [{ productId: p.product.id, titleZh: expect.any(String) }],
    });
    const events = await eventsOf(r.id);
    expect(events).toEqual([expect.objectContaining({
      type: 'review.created', company_id: p.supplier.companyId, actor_user_id: p.buyer.purchaser.id,
      payload: expect.objectContaining({ reviewId: r.id, orderId: order.id, supplierCompanyId: p.supplier.companyId, buyerCompanyId: p.buyer.companyId, productIds: [p.product.id], scores: { quality: 5, shipping: 4, service: 3 }, hasText: true }),
    })]);
    const notices = await noticesOf(p.supplier.owner);
    expect(notices.find((n) => n.link === `/workbench/orders/${order.id}`)).toMatchObject({ kind: 'review.received', title: expect.stringContaining(order.number) });

    const again = await review(p.buyer.owner, { orderId: order.id, quality: 1, shipping: 1, service: 1, text: '' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toBe(PROBLEM);
    expect(again.json()).toMatchObject({ code: 'REVIEW_ALREADY_EXISTS' });
  });

  it('refuses an order not received yet with a stable code, and allows a completed one', async () => {
    const placed = await placeOrder(t, p, { quantity: 6 });
    const early = await review(p.buyer.owner, { orderId: placed.id, quality: 5, shipping: 5, service: 5, text: '' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'REVIEW_NOT_ALLOWED_YET', detail: expect.stringContaining('awaiting_payment') });
    await payOrder(t, p.buyer.owner, placed.id);
    await shipAllDirect(t, placed.id);
    expect((await review(p.buyer.owner, { orderId: placed.id, quality: 5, shipping: 5, service: 5, text: '' })).json()).toMatchObject({ code: 'REVIEW_NOT_ALLOWED_YET' });

    const done = await receivedOrder();
    expect(await t.modules.orders.service.completeIfDue(done.id, new Date(Date.now() + 60 * DAY))).toBe(true);
    const ok = await review(p.buyer.owner, { orderId: done.id, quality: 4, shipping: 4, service: 5, text: '' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Review>().text).toBe('');
    expect((await eventsOf(ok.json<Review>().id))[0]!.payload).toMatchObject({ hasText: false });
  });

  it('keeps one review per order when two arrive at once', async () => {
    const order = await receivedOrder();
    const results = await Promise.all([
      review(p.buyer.owner, { orderId: order.id, quality: 5, shipping: 5, service: 5, text: 'A' }),
      review(p.buyer.purchaser, { orderId: order.id, quality: 2, shipping: 2, service: 2, text: 'B' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await orderState(p.buyer.owner, order.id)).json<OrderState>().review).not.toBeNull();
  });

  it('only lets buyer members with orders.place review: others in the buyer company and the supplier get 403, strangers 404, anonymous 401, operators 403', async () => {
    const order = await receivedOrder();
    const body = { orderId: order.id, quality: 3, shipping: 3, service: 3, text: '' };
    const finance = await addMember(t, p.buyer.owner, p.buyer.companyId, 'finance');
    const sales = await addMember(t, p.buyer.owner, p.buyer.companyId, 'sales');
    expect((await review(finance, body)).statusCode).toBe(403);
    expect((await review(sales, body)).statusCode).toBe(403);
    expect((await review(p.supplier.owner, body)).statusCode).toBe(403);
    const stranger = await registerUser(t);
    const hidden = await review(stranger, body);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'REVIEW_ORDER_NOT_FOUND' });
    expect((await review(null, body)).statusCode).toBe(401);
    expect((await call(t, { method: 'POST', url: '/api/v1/reviews', headers: ops, payload: body })).statusCode).toBe(403);
    expect((await review(p.buyer.owner, { ...body, orderId: '01900000-0000-7000-8000-000000000000' })).json()).toMatchObject({ code: 'REVIEW_ORDER_NOT_FOUND' });
    // Nothing was written by the refused attempts.
    expect((await orderState(p.buyer.owner, order.id)).json<OrderState>()).toMatchObject({ review: null, canReview: true });
  });

  it('validates the scores (integers 1–5) and the text length (≤ 1000)', async () => {
    const order = await receivedOrder();
    for (const bad of [{ quality: 0 }, { quality: 6 }, { shipping: 4.5 }, { service: undefined }, { text: 'x'.repeat(1001) }]) {
      const res = await review(p.buyer.owner, { orderId: order.id, quality: 5, shipping: 5, service: 5, text: 'ok', ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const longest = await review(p.buyer.owner, { orderId: order.id, quality: 5, shipping: 5, service: 5, text: '好'.repeat(1000) });
    expect(longest.statusCode, longest.body).toBe(201);
  });
});

describe('replies', () => {
  it('lets the supplier (orders.fulfil) reply once; the reviewer is told; the buyer and sales of others cannot', async () => {
    const order = await receivedOrder();
    const r = (await review(p.buyer.purchaser, { orderId: order.id, quality: 2, shipping: 3, service: 2, text: '交货晚了两天' })).json<Review>();
    const supplierSales = await addMember(t, p.supplier.owner, p.supplier.companyId, 'sales');
    const supplierFinance = await addMember(t, p.supplier.owner, p.supplier.companyId, 'finance');
    expect((await call(t, { method: 'GET', url: `/api/v1/reviews/${r.id}`, headers: supplierSales.headers })).json<Review>().canReply).toBe(true);
    expect((await call(t, { method: 'GET', url: `/api/v1/reviews/${r.id}`, headers: supplierFinance.headers })).json<Review>().canReply).toBe(false);
    expect((await reply(supplierFinance, r.id, '抱歉')).statusCode).toBe(403);
    expect((await reply(p.buyer.owner, r.id, '自己回复')).statusCode).toBe(403);
    expect((await reply(supplierSales, r.id, '   ')).statusCode).toBe(400);
    expect((await reply(supplierSales, r.id, 'x'.repeat(501))).statusCode).toBe(400);

    const res = await reply(supplierSales, r.id, ' 抱歉,物流延误,已改用顺丰。 ');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Review>()).toMatchObject({ reply: { text: '抱歉,物流延误,已改用顺丰。', at: expect.any(String) }, canReply: false });
    const second = await reply(p.supplier.owner, r.id, '再补充一句');
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'REVIEW_ALREADY_REPLIED' });
    expect((await eventsOf(r.id)).map((e) => e.type)).toEqual(['review.created', 'review.replied']);
    const notices = await noticesOf(p.buyer.purchaser);
    expect(notices.find((n) => n.kind === 'review.replied')).toMatchObject({ title: expect.stringContaining(order.number), body: expect.stringContaining('物流延误'), link: `/workbench/orders/${order.id}` });
    expect((await reply(p.supplier.owner, '01900000-0000-7000-8000-000000000000', 'x')).statusCode).toBe(404);
  });
});

describe('public lists and summaries', () => {
  let q: TradeParties;
  const written: Review[] = [];

  beforeAll(async () => {
    q = await createTradeParties(t);
    const plan = [[5, 5, 5], [4, 4, 5], [3, 2, 4]] as const;
    for (const [quality, shipping, service] of plan) {
      const order = await receivedOrder(q, 6);
      const res = await review(q.buyer.owner, { orderId: order.id, quality, shipping, service, text: `评价 ${quality}` });
      expect(res.statusCode, res.body).toBe(201);
      written.push(res.json<Review>());
    }
  });

  it("never names the buyer: province and type only, no order id for the public, the order id for the order's parties", async () => {
    const buyerName = (await call(t, { method: 'GET', url: `/api/v1/companies/${q.buyer.companyId}`, headers: q.buyer.owner.headers })).json<{ legalName: string }>().legalName;
    const zh = await call(t, { method: 'GET', url: `/api/v1/reviews?companyId=${q.supplier.companyId}`, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.statusCode).toBe(200);
    expect(zh.body).not.toContain(buyerName);
    expect(zh.body).not.toContain(q.buyer.companyId);
    expect(zh.body).not.toContain(q.buyer.owner.id);
    const items = zh.json<Page>().items;
    expect(items.map((r) => r.buyer.label)).toEqual(['江苏 · 采购商', '江苏 · 采购商', '江苏 · 采购商']);
    expect(items.every((r) => r.orderId === null && r.canReply === false)).toBe(true);
    const en = (await list(`companyId=${q.supplier.companyId}`, { 'accept-language': 'en-US' })).items;
    expect(en[0]!.buyer.label).toBe('Jiangsu · Buyer');
    const stranger = await registerUser(t);
    expect((await list(`companyId=${q.supplier.companyId}`, stranger.headers)).items[0]!.orderId).toBeNull();
    const mine = (await list(`companyId=${q.supplier.companyId}`, q.supplier.owner.headers)).items;
    expect(mine.every((r) => r.orderId !== null && r.canReply)).toBe(true);
  });

  it('lists a supplier\'s and a product\'s reviews newest first by cursor, with the same number of queries for any page size', async () => {
    const first = await list(`companyId=${q.supplier.companyId}&limit=2`);
    expect(first.items.map((r) => r.id)).toEqual([written[2]!.id, written[1]!.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`companyId=${q.supplier.companyId}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((r) => r.id)).toEqual([written[0]!.id]);
    expect(second.nextCursor).toBeNull();
    const byProduct = await list(`productId=${q.product.id}&limit=10`);
    expect(byProduct.items.map((r) => r.id)).toEqual([written[2]!.id, written[1]!.id, written[0]!.id]);
    expect((await list(`productId=${p.product.id}`)).items.every((r) => r.supplierCompanyId === p.supplier.companyId)).toBe(true);

    const one = await t.database.countQueries(() => call(t, { method: 'GET', url: `/api/v1/reviews?productId=${q.product.id}&limit=1` }));
    const three = await t.database.countQueries(() => call(t, { method: 'GET', url: `/api/v1/reviews?productId=${q.product.id}&limit=3` }));
    expect(three.queries).toBe(one.queries);
    expect(three.queries).toBeLessThanOrEqual(2);
  });

  it('asks for exactly one of productId, companyId, buyerCompanyId; a buyer company\'s own list is for its members', async () => {
    const none = await call(t, { method: 'GET', url: '/api/v1/reviews' });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'REVIEW_QUERY_INVALID' });
    expect((await call(t, { method: 'GET', url: `/api/v1/reviews?productId=${q.product.id}&companyId=${q.supplier.companyId}` })).statusCode).toBe(422);
    expect((await call(t, { method: 'GET', url: '/api/v1/reviews?cursor=nonsense&companyId=' + q.supplier.companyId })).json()).toMatchObject({ code: 'INVALID_CURSOR' });
    expect((await list(`buyerCompanyId=${q.buyer.companyId}`, q.buyer.owner.headers)).items).toHaveLength(3);
    expect((await call(t, { method: 'GET', url: `/api/v1/reviews?buyerCompanyId=${q.buyer.companyId}`, headers: q.supplier.owner.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/reviews?buyerCompanyId=${q.buyer.companyId}` })).statusCode).toBe(401);
  });

  it('summarises a supplier and a product: count, averages per dimension, overall and the star distribution', async () => {
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${q.supplier.companyId}/review-summary` });
    expect(res.statusCode).toBe(200);
    const s = res.json<Summary>();
    // quality 5,4,3 → 4; shipping 5,4,2 → 3.67; service 5,5,4 → 4.67; overall (4 + 3.67 + 4.67) / 3 = 4.11
    expect(s).toEqual({ count: 3, averages: { quality: 4, shipping: 3.67, service: 4.67, overall: 4.11 }, replied: 0, stars: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 } });
    const product = (await call(t, { method: 'GET', url: `/api/v1/products/${q.product.id}/review-summary` })).json<Summary>();
    expect(product.count).toBe(3);
    const empty = (await call(t, { method: 'GET', url: '/api/v1/companies/01900000-0000-7000-8000-000000000000/review-summary' })).json<Summary>();
    expect(empty).toEqual({ count: 0, averages: { quality: null, shipping: null, service: null, overall: null }, replied: 0, stars: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
  });
});

describe("the order's review state", () => {
  it('tells the buyer when it may review, the supplier what was written, and hides the order from strangers', async () => {
    const placed = await placeOrder(t, p, { quantity: 5 });
    expect((await orderState(p.buyer.owner, placed.id)).json<OrderState>()).toEqual({ orderId: placed.id, review: null, canReview: false, blockedBy: 'REVIEW_NOT_ALLOWED_YET' });
    const order = await receivedOrder();
    expect((await orderState(p.buyer.purchaser, order.id)).json<OrderState>()).toMatchObject({ canReview: true, blockedBy: null });
    const finance = await addMember(t, p.buyer.owner, p.buyer.companyId, 'finance');
    expect((await orderState(finance, order.id)).json<OrderState>()).toMatchObject({ canReview: false, blockedBy: 'FORBIDDEN' });
    expect((await orderState(p.supplier.owner, order.id)).json<OrderState>()).toMatchObject({ review: null, canReview: false, blockedBy: null });
    expect((await orderState(await registerUser(t), order.id)).statusCode).toBe(404);
    expect((await orderState(ops, order.id)).statusCode).toBe(200);

    await review(p.buyer.purchaser, { orderId: order.id, quality: 4, shipping: 4, service: 4, text: '' });
    expect((await orderState(p.buyer.owner, order.id)).json<OrderState>()).toMatchObject({ canReview: false, blockedBy: 'REVIEW_ALREADY_EXISTS', review: { orderId: order.id } });
    expect((await orderState(p.supplier.owner, order.id)).json<OrderState>()).toMatchObject({ review: { canReply: true } });
  });
});

describe('demo seed hook', () => {
  it('writes reviews and replies through the service, once, whatever how often it runs', async () => {
    const order = await receivedOrder();
    const ctxOf = async (u: TestUser): Promise<RequestContext> => ({
      actor: (await t.modules.accounts.auth.authenticate(u.token, 'bearer'))!, locale: 'zh-CN', ip: '127.0.0.1', userAgent: 'seed', requestId: 'seed',
    });
    const plan = [{ orderId: order.id, buyer: await ctxOf(p.buyer.owner), quality: 5, shipping: 4, service: 5, text: '演示评价', reply: { supplier: await ctxOf(p.supplier.owner), text: '感谢支持' } }];
    expect(await seedReviews(t.modules.reviews, plan)).toEqual({ created: 1, replied: 1 });
    expect(await seedReviews(t.modules.reviews, plan)).toEqual({ created: 0, replied: 0 });
    const state = (await orderState(p.buyer.owner, order.id)).json<OrderState>();
    expect(state.review).toMatchObject({ text: '演示评价', reply: { text: '感谢支持' } });
    await expect(seedReviews(t.modules.reviews, [{ ...plan[0]!, orderId: (await placeOrder(t, p, { quantity: 5 })).id }])).rejects.toMatchObject({ code: 'REVIEW_NOT_ALLOWED_YET' });
  });
});
