import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, buildUscc, call, createCompany, operatorHeaders, registerUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, publishProduct } from '../../testing/catalog-factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createTradeParties, getOrder, payOrder, placeOrder, TEST_ADDRESS, type IntentJson, type OrderJson, type TradeParties } from '../../testing/trade-factories.js';
import type { NotifyInput } from '../notifications/index.js';

let t: TestApp;
let ops: Record<string, string>;
let p: TradeParties;
let notified: NotifyInput[];

beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
  p = await createTradeParties(t);
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

const PROBLEM = 'application/problem+json; charset=utf-8';

const eventTypes = async (orderId: string) =>
  (await t.database.db.selectFrom('events').select('type').where('subject_id', '=', orderId).orderBy('id').execute()).map((e) => e.type);

async function levels(skuIndex = 0) {
  const [l] = await t.modules.catalog.inventory.levels([p.product.skus[skuIndex]!.id]);
  return { stock: l!.stock, reserved: l!.reserved, sold: l!.sold };
}

const act = (user: { headers: Record<string, string> }, orderId: string, action: string, payload?: Record<string, unknown>) =>
  call(t, { method: 'POST', url: `/api/v1/orders/${orderId}/${action}`, headers: user.headers, ...(payload !== undefined ? { payload } : {}) });

const checkout = (user: { headers: Record<string, string> }, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(t, { method: 'POST', url: '/api/v1/checkout', headers: { ...user.headers, ...headers }, payload: { companyId: p.buyer.companyId, address: TEST_ADDRESS, ...payload } });

const setThreshold = (threshold: number | null) =>
  call(t, { method: 'PUT', url: `/api/v1/companies/${p.buyer.companyId}/approval-policy`, headers: p.buyer.owner.headers, payload: { threshold } });

describe('checkout', () => {
  it('prices each SKU at the tier of the product total, checks the MOQ on the product total, and reserves the stock', async () => {
    const before = [await levels(0), await levels(1)];
    // 3 t + 3 t of two SKUs of one product: 6 t ≥ MOQ 5 t; SKU 1 has its own tiers.
    const res = await checkout(p.buyer.owner, { items: [{ skuId: p.product.skus[0]!.id, quantity: 3 }, { skuId: p.product.skus[1]!.id, quantity: 3 }] });
    expect(res.statusCode).toBe(201);
    const [order] = res.json<{ orders: OrderJson[] }>().orders;
    expect(order!.status).toBe('awaiting_payment');
    expect(order!.source).toBe('direct');
    expect(order!.number).toMatch(/^TS\d{8}-\d{6}$/);
    expect(order!.lines.map((l) => [l.quantity, l.unitPrice, l.lineTotal])).toEqual([[3, 420_000, 1_260_000], [3, 445_000, 1_335_000]]);
    expect(order!.total).toBe(2_595_000);
    expect(order!.supplier).toMatchObject({ id: p.supplier.companyId, name: expect.any(String) });
    expect(order!.actions).toEqual(['pay', 'cancel']);
    expect(order!.history).toEqual([expect.objectContaining({ action: 'place', fromStatus: null, toStatus: 'awaiting_payment' })]);
    expect(await levels(0)).toEqual({ stock: before[0]!.stock - 3, reserved: before[0]!.reserved + 3, sold: 0 });
    expect(await levels(1)).toEqual({ stock: before[1]!.stock - 3, reserved: before[1]!.reserved + 3, sold: 0 });
    expect(await eventTypes(order!.id)).toEqual(['order.created']);
  });

  it('refuses quantities below the MOQ, above the stock, unpublished products and the buyer\'s own products, reserving nothing', async () => {
    const before = await levels(0);
    const below = await checkout(p.buyer.owner, { items: [{ skuId: p.product.skus[0]!.id, quantity: 2 }] });
    expect(below.statusCode).toBe(422);
    expect(below.headers['content-type']).toBe(PROBLEM);
    expect(below.json()).toMatchObject({ code: 'CHECKOUT_INVALID', errors: [{ path: 'body.items.0.quantity' }] });
    const above = await checkout(p.buyer.owner, { items: [{ skuId: p.product.skus[0]!.id, quantity: 5000 }] });
    expect(above.statusCode).toBe(409);
    expect(above.json()).toMatchObject({ code: 'OUT_OF_STOCK', detail: expect.any(String) });
    const unknown = await checkout(p.buyer.owner, { items: [{ skuId: '01900000-0000-7000-8000-000000000000', quantity: 10 }] });
    expect(unknown.json()).toMatchObject({ code: 'CHECKOUT_INVALID', errors: [{ path: 'body.items.0.skuId' }] });
    const own = await call(t, { method: 'POST', url: '/api/v1/checkout', headers: p.supplier.owner.headers, payload: { companyId: p.supplier.companyId, address: TEST_ADDRESS, items: [{ skuId: p.product.skus[0]!.id, quantity: 10 }] } });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ code: 'CHECKOUT_OWN_PRODUCTS' });
    expect(await levels(0)).toEqual(before);
  });

  it('refuses an address whose province is not one (422 on body.address.province), reserving nothing', async () => {
    const before = await levels(0);
    const res = await call(t, {
      method: 'POST', url: '/api/v1/checkout', headers: { ...p.buyer.owner.headers, 'accept-language': 'en-US' },
      payload: { companyId: p.buyer.companyId, address: { ...TEST_ADDRESS, province: '999999' }, items: [{ skuId: p.product.skus[0]!.id, quantity: 10 }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CHECKOUT_INVALID', errors: [{ path: 'body.address.province', message: 'not a province code' }] });
    expect(await levels(0)).toEqual(before);
  });

  it('needs orders.place in the buyer company and an address', async () => {
    const sales = await addMember(t, p.buyer.owner, p.buyer.companyId, 'sales');
    expect((await checkout(sales, { items: [{ skuId: p.product.skus[0]!.id, quantity: 10 }] })).statusCode).toBe(403);
    const stranger = await registerUser(t);
    expect((await checkout(stranger, { items: [{ skuId: p.product.skus[0]!.id, quantity: 10 }] })).statusCode).toBe(403);
    const noAddress = await call(t, { method: 'POST', url: '/api/v1/checkout', headers: p.buyer.owner.headers, payload: { companyId: p.buyer.companyId, items: [{ skuId: p.product.skus[0]!.id, quantity: 10 }] } });
    expect(noAddress.statusCode).toBe(400);
  });

  it("refuses another company's or an archived invoice profile, reserving nothing, and keeps the buyer's own", async () => {
    const profile = async (user: { headers: Record<string, string> }, companyId: string) => {
      const res = await call(t, { method: 'POST', url: '/api/v1/invoice-profiles', headers: user.headers, payload: { companyId, kind: 'ordinary', title: '上海某采购有限公司', taxNo: '310115123456789' } });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const other = await createTradeParties(t);
    const foreign = await profile(other.buyer.owner, other.buyer.companyId);
    const archived = await profile(p.buyer.owner, p.buyer.companyId);
    const own = await profile(p.buyer.owner, p.buyer.companyId);
    expect((await call(t, { method: 'DELETE', url: `/api/v1/invoice-profiles/${archived}`, headers: p.buyer.owner.headers })).statusCode).toBe(200);
    const before = await levels();
    const checkout = (invoiceProfileId: string) => call(t, {
      method: 'POST', url: '/api/v1/checkout', headers: { ...p.buyer.owner.headers, 'accept-language': 'en-US' },
      payload: { companyId: p.buyer.companyId, items: [{ skuId: p.product.skus[0]!.id, quantity: 5 }], address: TEST_ADDRESS, orders: [{ supplierCompanyId: p.supplier.companyId, invoiceProfileId }] },
    });
    for (const [id, message] of [[foreign, 'no such invoice profile in your company'], [archived, 'the invoice profile is archived']] as const) {
      const res = await checkout(id);
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toBe(PROBLEM);
      expect(res.json<{ errors: Array<{ path: string; message: string }> }>().errors).toEqual([{ path: 'body.orders.0.invoiceProfileId', message }]);
    }
    expect(await levels()).toEqual(before);
    const placed = await checkout(own);
    expect(placed.statusCode).toBe(201);
    expect(placed.json<{ orders: Array<{ invoiceProfileId: string | null }> }>().orders[0]!.invoiceProfileId).toBe(own);
  });

  it("shows the invoice profile chosen at checkout with the order's invoices, and the seller's invoice defaults to its kind", async () => {
    const q = await createTradeParties(t);
    const created = await call(t, {
      method: 'POST', url: '/api/v1/invoice-profiles', headers: q.buyer.owner.headers,
      payload: {
        companyId: q.buyer.companyId, kind: 'vat_special', title: '上海采购贸易有限公司', taxNo: buildUscc(), bankName: '中国工商银行上海张江支行',
        bankAccount: '1001234567890123456', address: '上海市浦东新区张江路 100 号', phone: '021-58881234',
      },
    });
    expect(created.statusCode).toBe(201);
    const profileId = created.json<{ id: string }>().id;
    const placed = await call(t, {
      method: 'POST', url: '/api/v1/checkout', headers: q.buyer.owner.headers,
      payload: { companyId: q.buyer.companyId, items: [{ skuId: q.product.skus[0]!.id, quantity: 5 }], address: TEST_ADDRESS, orders: [{ supplierCompanyId: q.supplier.companyId, invoiceProfileId: profileId }] },
    });
    expect(placed.statusCode).toBe(201);
    const order = placed.json<{ orders: OrderJson[] }>().orders[0]!;
    await payOrder(t, q.buyer.owner, order.id);
    for (const user of [q.buyer.owner, q.supplier.owner]) {
      const list = await call(t, { method: 'GET', url: `/api/v1/orders/${order.id}/invoices`, headers: user.headers });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ profile: { id: profileId, kind: 'vat_special' } });
    }
    const recorded = await call(t, {
      method: 'POST', url: `/api/v1/orders/${order.id}/invoices`, headers: q.supplier.owner.headers,
      payload: { number: `INV-${order.number}`, issuedOn: new Date().toISOString().slice(0, 10), amount: 100_000 },
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ kind: 'vat_special' });
  });

  it("keeps each line's SKU label in both languages from the options' names, not the option codes", async () => {
    const led = await categoryIdOf(t, 'electronics.led.smd_led');
    const draft = await createProduct(t, p.supplier.owner, led, {
      titleZh: '2835 贴片灯珠', titleEn: '2835 SMD LED', attributes: {}, unit: 'piece', moq: 1000, priceTiers: [{ minQuantity: 1000, unitPrice: 3 }],
      skus: [{ code: 'LED-2835-WW', attributes: { led_package: '2835', emitting_color: 'warm_white' }, stock: 100_000 }],
    });
    const product = await publishProduct(t, p.supplier.owner, draft.id);
    const res = await checkout(p.buyer.owner, { items: [{ skuId: product.skus[0]!.id, quantity: 2000 }] });
    expect(res.statusCode).toBe(201);
    const [order] = res.json<{ orders: OrderJson[] }>().orders;
    expect(order!.lines[0]).toMatchObject({ skuLabel: '2835 / 暖白', skuLabelEn: '2835 / Warm white' });
    expect((await getOrder(t, p.supplier.owner, order!.id)).lines[0]).toMatchObject({ skuLabel: '2835 / 暖白', skuLabelEn: '2835 / Warm white' });
    expect((await t.modules.orders.orders.forParty(null, order!.id))!.lines[0]).toMatchObject({ skuLabel: '2835 / 暖白', skuLabelEn: '2835 / Warm white' });
  });

  it('places once per Idempotency-Key: a replay answers the same orders and reserves nothing more', async () => {
    const before = await levels(0);
    const body = { items: [{ skuId: p.product.skus[0]!.id, quantity: 7 }] };
    const first = await checkout(p.buyer.owner, body, { 'idempotency-key': 'checkout-once-1' });
    const again = await checkout(p.buyer.owner, body, { 'idempotency-key': 'checkout-once-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect((await levels(0)).reserved).toBe(before.reserved + 7);
    const changed = await checkout(p.buyer.owner, { items: [{ skuId: p.product.skus[0]!.id, quantity: 8 }] }, { 'idempotency-key': 'checkout-once-1' });
    expect(changed.statusCode).toBe(422);
  });

  it('answers a repeat with the first answer even when its items no longer pass (the product was delisted since)', async () => {
    const q = await createTradeParties(t);
    const body = { companyId: q.buyer.companyId, items: [{ skuId: q.product.skus[0]!.id, quantity: 5 }], address: TEST_ADDRESS };
    const send = () => call(t, { method: 'POST', url: '/api/v1/checkout', headers: { ...q.buyer.owner.headers, 'idempotency-key': 'checkout-delisted-1' }, payload: body });
    const first = await send();
    expect(first.statusCode).toBe(201);
    expect((await call(t, { method: 'POST', url: `/api/v1/products/${q.product.id}/delist`, headers: q.supplier.owner.headers })).statusCode).toBe(200);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    const fresh = await call(t, { method: 'POST', url: '/api/v1/checkout', headers: { ...q.buyer.owner.headers, 'idempotency-key': 'checkout-delisted-2' }, payload: body });
    expect(fresh.statusCode).toBe(422);
  });

  it('places once for concurrent requests with one Idempotency-Key: each gets the first answer', async () => {
    const before = await levels(0);
    const ordersOfBuyer = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM orders WHERE buyer_company_id = ${p.buyer.companyId}`.execute(t.database.db)).rows[0]!.n;
    const count = await ordersOfBuyer();
    const body = { items: [{ skuId: p.product.skus[0]!.id, quantity: 6 }] };
    const answers = await Promise.all(Array.from({ length: 6 }, () => checkout(p.buyer.owner, body, { 'idempotency-key': 'checkout-race-1' })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect((await levels(0)).reserved).toBe(before.reserved + 6);
    expect(await ordersOfBuyer()).toBe(count + 1);
  });

  it("names both companies in both languages: the legal name, and the English one once the company has it", async () => {
    const q = await createTradeParties(t);
    const order = await placeOrder(t, q);
    // The factory's companies come with an English name.
    expect(order.supplier).toMatchObject({ id: q.supplier.companyId, nameEn: 'Suzhou Test Steel Co., Ltd.' });
    expect(order.supplier.name).toContain('江苏钢材制造有限公司');
    const renamed = await call(t, { method: 'PATCH', url: `/api/v1/companies/${q.supplier.companyId}`, headers: q.supplier.owner.headers, payload: { nameEn: 'Jiangsu Steel Manufacturing Co., Ltd.' } });
    expect(renamed.statusCode).toBe(200);
    const seen = await getOrder(t, q.buyer.owner, order.id);
    expect(seen.supplier).toMatchObject({ id: q.supplier.companyId, nameEn: 'Jiangsu Steel Manufacturing Co., Ltd.' });
    expect(seen.buyer).toEqual({ id: q.buyer.companyId, name: expect.any(String), nameEn: expect.any(String) });
  });

  it('splits one checkout into one order per supplier', async () => {
    const other = await createTradeParties(t);
    const res = await checkout(p.buyer.owner, {
      items: [{ skuId: p.product.skus[0]!.id, quantity: 5 }, { skuId: other.product.skus[0]!.id, quantity: 6 }],
      orders: [{ supplierCompanyId: other.supplier.companyId, note: '请开专票' }],
    });
    expect(res.statusCode).toBe(201);
    const orders = res.json<{ orders: OrderJson[] }>().orders;
    expect(orders.map((o) => o.supplier.id).sort()).toEqual([p.supplier.companyId, other.supplier.companyId].sort());
    expect(orders.find((o) => o.supplier.id === other.supplier.companyId)!.buyerNote).toBe('请开专票');
    expect(new Set(orders.map((o) => o.number)).size).toBe(2);
  });

  it("orders the purchase list's selected items by default and removes them from the list", async () => {
    const add = (skuIndex: number, quantity: number) => call(t, { method: 'POST', url: '/api/v1/purchase-list/items', headers: p.buyer.purchaser.headers, payload: { companyId: p.buyer.companyId, skuId: p.product.skus[skuIndex]!.id, quantity } });
    expect((await add(0, 6)).statusCode).toBeLessThan(300);
    expect((await add(1, 6)).statusCode).toBeLessThan(300);
    const list = await call(t, { method: 'GET', url: `/api/v1/purchase-list?companyId=${p.buyer.companyId}`, headers: p.buyer.purchaser.headers });
    const items = list.json<{ groups: Array<{ items: Array<{ id: string; skuId: string }> }> }>().groups.flatMap((g) => g.items);
    // Only SKU 0 stays selected.
    const sku1 = items.find((i) => i.skuId === p.product.skus[1]!.id)!;
    expect((await call(t, { method: 'PATCH', url: `/api/v1/purchase-list/items/${sku1.id}`, headers: p.buyer.purchaser.headers, payload: { selected: false } })).statusCode).toBe(200);
    const res = await checkout(p.buyer.purchaser, {});
    expect(res.statusCode).toBe(201);
    const [order] = res.json<{ orders: OrderJson[] }>().orders;
    expect(order).toMatchObject({ source: 'purchase_list', lines: [{ skuId: p.product.skus[0]!.id, quantity: 6 }] });
    const after = await call(t, { method: 'GET', url: `/api/v1/purchase-list?companyId=${p.buyer.companyId}`, headers: p.buyer.purchaser.headers });
    expect(after.json<{ groups: Array<{ items: Array<{ skuId: string }> }> }>().groups.flatMap((g) => g.items).map((i) => i.skuId)).toEqual([p.product.skus[1]!.id]);
    const empty = await checkout(p.buyer.purchaser, {});
    expect(empty.json()).toMatchObject({ code: 'CHECKOUT_EMPTY' });
  });

  it('never sells more than the stock to concurrent buyers', async () => {
    const hot = await createTradeParties(t);
    const sku = hot.product.skus[0]!.id;
    const results = await Promise.all(Array.from({ length: 4 }, () => call(t, {
      method: 'POST', url: '/api/v1/checkout', headers: hot.buyer.owner.headers,
      payload: { companyId: hot.buyer.companyId, address: TEST_ADDRESS, items: [{ skuId: sku, quantity: 300 }] },
    })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'OUT_OF_STOCK' });
    const [l] = await t.modules.catalog.inventory.levels([sku]);
    expect(l).toMatchObject({ stock: 100, reserved: 900, sold: 0 });
  });
});

describe('approvals', () => {
  it("holds a purchaser's order above the threshold for an owner or admin, who approves it", async () => {
    expect((await setThreshold(1_000_000)).json()).toMatchObject({ companyId: p.buyer.companyId, threshold: 1_000_000 });
    const order = await placeOrder(t, p, { user: p.buyer.purchaser, quantity: 10 });
    expect(order.status).toBe('awaiting_approval');
    expect(order.actions).toEqual(['cancel']);
    expect(notified.some((n) => n.kind === 'order.approval_requested' && n.to.companyId === p.buyer.companyId && n.link === `/workbench/orders/${order.id}`)).toBe(true);
    // Under the threshold, or placed by an owner: no approval.
    expect((await placeOrder(t, p, { user: p.buyer.purchaser, quantity: 2.1, skuIndex: 1 }).catch(() => null))).toBeNull(); // below MOQ
    expect((await placeOrder(t, p, { quantity: 10 })).status).toBe('awaiting_payment');

    const byOwner = await getOrder(t, p.buyer.owner, order.id);
    expect(byOwner.actions).toEqual(['approve', 'reject', 'cancel']);
    const denied = await act(p.buyer.purchaser, order.id, 'approve');
    expect(denied.statusCode).toBe(403);
    const payEarly = await act(p.buyer.owner, order.id, 'pay', {});
    expect(payEarly.statusCode).toBe(409);
    expect(payEarly.json()).toMatchObject({ code: 'ORDER_ACTION_NOT_ALLOWED' });
    const approved = await act(p.buyer.owner, order.id, 'approve', { reason: '预算内' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<OrderJson>()).toMatchObject({ status: 'awaiting_payment', approval: { decision: 'approved', reason: '预算内', by: p.buyer.owner.id } });
    expect(notified.some((n) => n.kind === 'order.approved' && n.to.userIds?.includes(p.buyer.purchaser.id))).toBe(true);
    expect((await act(p.buyer.owner, order.id, 'approve')).statusCode).toBe(409);
    await setThreshold(null);
  });

  it('rejects with a reason: the order is cancelled and its stock released', async () => {
    await setThreshold(0);
    const before = await levels(0);
    const order = await placeOrder(t, p, { user: p.buyer.purchaser, quantity: 10 });
    expect((await levels(0)).reserved).toBe(before.reserved + 10);
    expect((await act(p.buyer.owner, order.id, 'reject', {})).statusCode).toBe(400);
    const rejected = await act(p.buyer.owner, order.id, 'reject', { reason: '供应商不在白名单' });
    expect(rejected.json<OrderJson>()).toMatchObject({ status: 'cancelled', cancelReason: '供应商不在白名单', cancelledBy: 'buyer', approval: { decision: 'rejected' } });
    expect(await levels(0)).toEqual(before);
    expect(notified.some((n) => n.kind === 'order.rejected' && n.params.reason === '供应商不在白名单')).toBe(true);
    expect((await eventTypes(order.id)).sort()).toEqual(['order.cancelled', 'order.created', 'order.rejected']);
    await setThreshold(null);
  });

  it('lets owners and admins read and set the threshold, not purchasers', async () => {
    expect((await call(t, { method: 'PUT', url: `/api/v1/companies/${p.buyer.companyId}/approval-policy`, headers: p.buyer.purchaser.headers, payload: { threshold: 5 } })).statusCode).toBe(403);
    const read = await call(t, { method: 'GET', url: `/api/v1/companies/${p.buyer.companyId}/approval-policy`, headers: p.buyer.purchaser.headers });
    expect(read.json()).toMatchObject({ threshold: null });
  });
});

describe('adjust and cancel before payment', () => {
  it('lets the seller change prices, freight and the deposit before payment; the buyer sees the change', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    const seller = await getOrder(t, p.supplier.owner, order.id);
    expect(seller.actions).toEqual(['cancel', 'adjust']);
    expect((await act(p.buyer.owner, order.id, 'adjust', { freight: 1 })).statusCode).toBe(403);
    const res = await act(p.supplier.owner, order.id, 'adjust', { lines: [{ lineId: order.lines[0]!.id, unitPrice: 400_000 }], freight: 50_000, depositBps: 3000, note: '老客户优惠' });
    expect(res.statusCode).toBe(200);
    const adjusted = res.json<OrderJson>();
    expect(adjusted).toMatchObject({ status: 'awaiting_payment', goodsTotal: 4_000_000, freight: 50_000, total: 4_050_000, depositBps: 3000, note: '老客户优惠', nextPayment: { stage: 'deposit', amount: 1_215_000 } });
    expect(adjusted.lines[0]).toMatchObject({ unitPrice: 400_000, lineTotal: 4_000_000 });
    expect(notified.some((n) => n.kind === 'order.adjusted' && n.params.after === '¥40,500.00')).toBe(true);
    // Only the deposit changes: the buyer hears of the terms, not of a price "changed" to the same amount.
    const before = notified.length;
    expect((await act(p.supplier.owner, order.id, 'adjust', { depositBps: 5000 })).statusCode).toBe(200);
    expect(notified.slice(before).map((n) => [n.kind, n.params.termsEn])).toEqual([['order.terms_adjusted', 'A 50% deposit first (order total ¥40,500.00), the balance before shipment.']]);
    const bad = await act(p.supplier.owner, order.id, 'adjust', { lines: [{ lineId: '01900000-0000-7000-8000-000000000000', unitPrice: 1 }] });
    expect(bad.json()).toMatchObject({ code: 'CHECKOUT_INVALID', errors: [{ path: 'body.lines.0.lineId' }] });
  });

  it('lets the buyer cancel before payment, releasing the stock exactly once', async () => {
    const before = await levels(0);
    const order = await placeOrder(t, p, { quantity: 12 });
    const cancelled = await act(p.buyer.owner, order.id, 'cancel', { reason: '重复下单' });
    expect(cancelled.json<OrderJson>()).toMatchObject({ status: 'cancelled', cancelledBy: 'buyer', cancelReason: '重复下单', actions: [] });
    expect(await levels(0)).toEqual(before);
    const again = await act(p.buyer.owner, order.id, 'cancel', { reason: '再取消' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ORDER_ACTION_NOT_ALLOWED' });
    expect(await levels(0)).toEqual(before);
    expect(notified.some((n) => n.kind === 'order.cancelled' && n.to.companyId === p.supplier.companyId)).toBe(true);
  });

  it('refuses to adjust once a payment arrived', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    await payOrder(t, p.buyer.owner, order.id);
    const res = await act(p.supplier.owner, order.id, 'adjust', { freight: 1 });
    expect(res.statusCode).toBe(409);
    expect((await act(p.buyer.owner, order.id, 'cancel', { reason: 'x' })).statusCode).toBe(409);
  });
});

describe('paying', () => {
  it('describes the payment in both languages ("zh | en") with the stage named, not its code', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    const pay = async () => (await act(p.buyer.owner, order.id, 'pay', { provider: 'sandbox' })).json<{ intent: IntentJson & { description: string } }>().intent;
    expect((await pay()).description).toBe(`订单 ${order.number} 货款 | Order ${order.number}, full payment`);
    expect((await act(p.supplier.owner, order.id, 'adjust', { depositBps: 3000 })).statusCode).toBe(200);
    expect((await pay()).description).toBe(`订单 ${order.number} 定金 | Order ${order.number}, deposit`);
  });
});

describe('ledger memos', () => {
  it('writes the refund memo in both languages ("zh | en"), as the payment memos are', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    await payOrder(t, p.buyer.owner, order.id);
    await t.database.transaction((trx) => t.modules.orders.orders.refund(trx, { orderId: order.id, amount: 100_000, reason: 'test', source: 'after_sale', sourceId: null }));
    const memos = (await sql<{ kind: string; memo: string }>`SELECT kind, memo FROM ledger_transactions WHERE reference_id = ${order.id} ORDER BY id`.execute(t.database.db)).rows;
    expect(memos).toEqual([{ kind: 'order_refund', memo: '托管退款 | Refund from escrow' }]);
  });
});

describe('reading orders', () => {
  it('shows an order to both companies and operators only, with the viewer side and actions', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    const stranger = await registerUser(t);
    await createCompany(t, stranger);
    expect((await call(t, { method: 'GET', url: `/api/v1/orders/${order.id}`, headers: stranger.headers })).statusCode).toBe(404);
    expect((await act(stranger, order.id, 'cancel', { reason: 'x' })).statusCode).toBe(404);
    const asOps = await getOrder(t, ops, order.id);
    expect(asOps).toMatchObject({ viewerSide: 'operator', actions: [] });
    expect((await getOrder(t, p.supplier.owner, order.id)).viewerSide).toBe('seller');
    expect((await getOrder(t, p.buyer.purchaser, order.id)).viewerSide).toBe('buyer');
  });

  it('lists a company\'s orders per side and status, and the operators\' list', async () => {
    const buyerSide = await call(t, { method: 'GET', url: `/api/v1/orders?companyId=${p.buyer.companyId}&side=buyer&status=awaiting_payment&limit=2`, headers: p.buyer.purchaser.headers });
    expect(buyerSide.statusCode).toBe(200);
    const page = buyerSide.json<{ items: OrderJson[]; nextCursor: string | null }>();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((o) => o.status === 'awaiting_payment' && o.buyer.id === p.buyer.companyId)).toBe(true);
    expect(page.nextCursor).not.toBeNull();
    const next = await call(t, { method: 'GET', url: `/api/v1/orders?companyId=${p.buyer.companyId}&side=buyer&status=awaiting_payment&limit=2&cursor=${page.nextCursor}`, headers: p.buyer.purchaser.headers });
    expect(next.json<{ items: OrderJson[] }>().items[0]!.id < page.items[1]!.id).toBe(true);
    const sellerSide = await call(t, { method: 'GET', url: `/api/v1/orders?companyId=${p.supplier.companyId}&side=seller&statuses=cancelled,paid`, headers: p.supplier.owner.headers });
    expect(sellerSide.json<{ items: OrderJson[] }>().items.every((o) => ['cancelled', 'paid'].includes(o.status))).toBe(true);
    expect((await call(t, { method: 'GET', url: `/api/v1/orders?companyId=${p.supplier.companyId}&side=seller`, headers: p.buyer.owner.headers })).statusCode).toBe(403);
    const counts = await call(t, { method: 'GET', url: `/api/v1/orders/counts?companyId=${p.buyer.companyId}&side=buyer`, headers: p.buyer.owner.headers });
    expect(counts.json<{ toPay: number }>().toPay).toBeGreaterThan(0);
    const admin = await call(t, { method: 'GET', url: `/api/v1/admin/orders?supplierCompanyId=${p.supplier.companyId}`, headers: ops });
    expect(admin.json<{ items: OrderJson[] }>().items.length).toBeGreaterThan(3);
    expect((await call(t, { method: 'GET', url: '/api/v1/admin/orders', headers: p.buyer.owner.headers })).statusCode).toBe(403);
  });
});

describe('trade settings', () => {
  it('are read and changed by operators only; a new fee rate applies to orders placed afterwards', async () => {
    const read = await call(t, { method: 'GET', url: '/api/v1/admin/trade-settings', headers: ops });
    expect(read.json()).toEqual({ feeBps: 200, unpaidTimeoutHours: 72, autoConfirmDays: 10, afterSalesWindowDays: 7, creditTermDays: 30 });
    expect((await call(t, { method: 'PUT', url: '/api/v1/admin/trade-settings', headers: p.buyer.owner.headers, payload: { feeBps: 1 } })).statusCode).toBe(403);
    expect((await call(t, { method: 'PUT', url: '/api/v1/admin/trade-settings', headers: ops, payload: { feeBps: 99_999 } })).statusCode).toBe(400);
    const old = await placeOrder(t, p, { quantity: 10 });
    const put = await call(t, { method: 'PUT', url: '/api/v1/admin/trade-settings', headers: ops, payload: { feeBps: 350 } });
    expect(put.json()).toMatchObject({ feeBps: 350, unpaidTimeoutHours: 72 });
    expect((await t.modules.orders.orders.settings()).feeBps).toBe(350);
    expect((await placeOrder(t, p, { quantity: 10 })).feeBps).toBe(350);
    expect((await getOrder(t, p.buyer.owner, old.id)).feeBps).toBe(200);
    await call(t, { method: 'PUT', url: '/api/v1/admin/trade-settings', headers: ops, payload: { feeBps: 200 } });
  });
});

describe('orders from accepted quotes', () => {
  it('turns an accepted quote into one order at the quoted price, with no stock, once', async () => {
    const hotRolled = (await call(t, { method: 'GET', url: '/api/v1/categories/steel.plate.hot_rolled' })).json<{ id: string }>().id;
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const rfq = await call(t, {
      method: 'POST', url: '/api/v1/rfqs', headers: p.buyer.owner.headers,
      payload: { title: '求购热轧钢板 Q235B 60 吨', categoryId: hotRolled, specification: { thickness: 10 }, quantity: 60, unit: 'ton', deliveryProvince: '310000', deliveryDate: day(30), quoteDeadline: new Date(Date.now() + 72 * 3_600_000).toISOString() },
    });
    expect(rfq.statusCode).toBe(201);
    const quote = await call(t, {
      method: 'POST', url: `/api/v1/rfqs/${rfq.json<{ id: string }>().id}/quotes`, headers: p.supplier.owner.headers,
      payload: { unitPrice: 405_000, priceTiers: [], leadTimeDays: 9, validUntil: day(20), shippingTerms: 'delivered', notes: '' },
    });
    expect(quote.statusCode).toBe(201);
    const quoteId = quote.json<{ id: string }>().id;
    const early = await call(t, { method: 'POST', url: '/api/v1/checkout/quote', headers: p.buyer.owner.headers, payload: { quoteId, address: TEST_ADDRESS } });
    expect(early.json()).toMatchObject({ code: 'QUOTE_NOT_ORDERABLE' });
    expect((await call(t, { method: 'POST', url: `/api/v1/quotes/${quoteId}/accept`, headers: p.buyer.owner.headers })).statusCode).toBe(200);
    const other = await registerUser(t);
    await createCompany(t, other, { companyType: 'buyer' });
    expect((await call(t, { method: 'POST', url: '/api/v1/checkout/quote', headers: other.headers, payload: { quoteId, address: TEST_ADDRESS } })).json()).toMatchObject({ code: 'QUOTE_NOT_ORDERABLE' });

    const nowhere = await call(t, { method: 'POST', url: '/api/v1/checkout/quote', headers: p.buyer.owner.headers, payload: { quoteId, address: { ...TEST_ADDRESS, province: '999999' } } });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json()).toMatchObject({ code: 'CHECKOUT_INVALID', errors: [{ path: 'body.address.province' }] });
    const res = await call(t, { method: 'POST', url: '/api/v1/checkout/quote', headers: p.buyer.owner.headers, payload: { quoteId, address: TEST_ADDRESS, note: '按报价' } });
    expect(res.statusCode).toBe(201);
    const order = res.json<{ orders: OrderJson[] }>().orders[0]!;
    expect(order).toMatchObject({ source: 'quote', quoteId, status: 'awaiting_payment', total: 60 * 405_000, buyerNote: '按报价' });
    expect(order.lines[0]).toMatchObject({ skuId: null, productId: null, quantity: 60, unitPrice: 405_000, unit: 'ton', leadTimeDays: 9 });
    const twice = await call(t, { method: 'POST', url: '/api/v1/checkout/quote', headers: p.buyer.owner.headers, payload: { quoteId, address: TEST_ADDRESS } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'QUOTE_ALREADY_ORDERED' });
    // Pays and ships like any order; the quote line moves no stock.
    await payOrder(t, p.buyer.owner, order.id);
    const shipped = await t.database.transaction((trx) => t.modules.orders.orders.applyShipment(trx, order.id, [{ lineId: order.lines[0]!.id, quantity: 60 }], p.supplier.owner.id));
    expect(shipped.status).toBe('shipped');
  });
});

export type { IntentJson };

describe('checkout cost', () => {
  it('runs a small, bounded number of statements (no per-line round trips but the stock decrements)', async () => {
    const one = { items: [{ skuId: p.product.skus[0]!.id, quantity: 5 }] };
    const two = { items: [{ skuId: p.product.skus[0]!.id, quantity: 5 }, { skuId: p.product.skus[1]!.id, quantity: 5 }] };
    await checkout(p.buyer.owner, one); // warm caches (session, settings, categories)
    const a = await t.database.countQueries(() => checkout(p.buyer.owner, one, { 'idempotency-key': 'cost-1' }));
    const b = await t.database.countQueries(() => checkout(p.buyer.owner, two, { 'idempotency-key': 'cost-2' }));
    expect([a.result.statusCode, b.result.statusCode]).toEqual([201, 201]);
    // countQueries counts every statement in the process (a worker pass may slip in), hence the margins.
    expect(b.queries - a.queries).toBeLessThanOrEqual(3);
    expect(a.queries).toBeLessThanOrEqual(22);
  });
});

describe('OpenAPI', () => {
  it('documents the order endpoints', async () => {
    const res = await call(t, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/checkout', '/api/v1/checkout/quote', '/api/v1/orders', '/api/v1/orders/{id}', '/api/v1/orders/{id}/pay', '/api/v1/admin/trade-settings', '/api/v1/companies/{id}/approval-policy']));
  });
});

describe('notification texts', () => {
  const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
  const noticeOf = async (user: { headers: Record<string, string> }, kind: string, orderId: string, lang: string) =>
    (await call(t, { method: 'GET', url: '/api/v1/notifications?limit=100', headers: { ...user.headers, 'accept-language': lang } }))
      .json<{ items: Array<{ kind: string; title: string; body: string | null; link: string | null }> }>().items
      .find((n) => n.kind === kind && n.link === `/workbench/orders/${orderId}`);

  it('tells the seller of a paid order in one language each: payment terms translated, money grouped', async () => {
    const order = await placeOrder(t, p, { quantity: 30 });
    expect(order.total).toBeGreaterThanOrEqual(100_000);
    const paid = await payOrder(t, p.buyer.owner, order.id);
    const yuan = `¥${(order.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(yuan).toMatch(/^¥\d{1,3}(,\d{3})+\.\d{2}$/);

    const en = await noticeOf(p.supplier.owner, 'order.paid', order.id, 'en-US');
    expect(en?.body).toBe(`Order total ${yuan} (escrow); ship by ${paid.shipBy}.`);
    expect(`${en?.title} ${en?.body}`).not.toMatch(cjk);
    const zh = await noticeOf(p.supplier.owner, 'order.paid', order.id, 'zh-CN');
    expect(zh?.body).toBe(`订单金额 ${yuan}(担保交易),请在 ${paid.shipBy} 前发货。`);
    expect(zh?.body).not.toMatch(/escrow/);
  });

  it('names the supplier by its English name in an English approval request', async () => {
    const approver = p.buyer.owner;
    await setThreshold(1);
    const order = await placeOrder(t, p, { user: p.buyer.purchaser, quantity: 30 });
    const en = await noticeOf(approver, 'order.approval_requested', order.id, 'en-US');
    expect(en?.body).toMatch(/ordered from Suzhou Test Steel Co\., Ltd\. for ¥\d{1,3}(,\d{3})+\.\d{2}, above the approval limit\.$/);
    const zh = await noticeOf(approver, 'order.approval_requested', order.id, 'zh-CN');
    expect(zh?.body).toContain('向 江苏钢材制造有限公司');
    // Back to no approvals, so the tests after this one place orders as before.
    await setThreshold(null);
  });
});
