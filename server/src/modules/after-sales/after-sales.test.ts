import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestContext } from '../../platform/context.js';
import { addMember, call, operatorHeaders, type TestUser } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createTradeParties, getOrder, payOrder, placeOrder, shipAllDirect, type OrderJson, type TradeParties } from '../../testing/trade-factories.js';
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

interface Problem { status: number; code: string; detail?: string; errors?: Array<{ path: string; message: string }> }
interface AfterSale {
  id: string; orderId: string; kind: string; status: string; beforeShipment: boolean; amountRequested: number; amountProposed: number | null;
  amountRefunded: number; refundable: number; viewerSide: string; actions: string[]; dueAt: string | null;
  dispute: { id: string; status: string; decision: string | null; refundAmount: number | null; openedBySide: string } | null;
  lines: Array<{ lineId: string; quantity: number }>; steps: Array<{ action: string; side: string; toStatus: string; amount: number | null }>;
  evidence: Array<{ id: string; url: string }>;
  returnShipment: { carrier: string; waybillNo: string } | null; replacement: { carrier: string; waybillNo: string } | null;
}
interface DisputeView {
  dispute: { id: string; status: string; decision: string | null; refundAmount: number | null; orderNumber: string };
  afterSale: AfterSale;
  order: { id: string; number: string; lines: unknown[] } | null;
  chat: Array<{ text: string | null; side: string }>;
}

const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function upload(user: TestUser): Promise<string> {
  const boundary = '----tsaftersale';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="damage.png"\r\nContent-Type: image/png\r\n\r\n`),
    TINY_PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', payload, headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return res.json<{ id: string }>().id;
}

const request = (user: TestUser, payload: Record<string, unknown>) => call(t, { method: 'POST', url: '/api/v1/after-sales', headers: user.headers, payload });
const act = (user: TestUser | Record<string, string>, id: string, action: string, payload: Record<string, unknown> = {}) =>
  call(t, { method: 'POST', url: `/api/v1/after-sales/${id}/${action}`, headers: 'headers' in user ? (user as TestUser).headers : user, payload });
const get = (user: TestUser, id: string) => call(t, { method: 'GET', url: `/api/v1/after-sales/${id}`, headers: user.headers });
const decide = (id: string, payload: Record<string, unknown>) => call(t, { method: 'POST', url: `/api/v1/disputes/${id}/decide`, headers: ops, payload });

/** What escrow holds (the liability's credit balance). */
const escrow = async () => -(await t.modules.payments.payments.accountBalance('escrow:CNY'));
async function stockOf(skuIndex = 0) {
  const [l] = await t.modules.catalog.inventory.levels([p.product.skus[skuIndex]!.id]);
  return { stock: l!.stock, reserved: l!.reserved, sold: l!.sold };
}
const eventsOf = async (subjectId: string) =>
  (await t.database.db.selectFrom('events').select(['type', 'payload']).where('subject_id', '=', subjectId).orderBy('id').execute())
    .map((e) => ({ type: e.type, payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<string, unknown> }));

/** A paid order of `quantity` t of SKU 0 (10 t at ¥4,200.00 = ¥42,000.00 by default). */
async function paidOrder(quantity = 10): Promise<OrderJson> {
  const order = await placeOrder(t, p, { quantity });
  return payOrder(t, p.buyer.owner, order.id);
}
async function shippedOrder(quantity = 10): Promise<OrderJson> {
  const order = await paidOrder(quantity);
  await shipAllDirect(t, order.id);
  return getOrder(t, p.buyer.owner, order.id);
}
async function receivedOrder(quantity = 10): Promise<OrderJson> {
  const order = await shippedOrder(quantity);
  const res = await call(t, { method: 'POST', url: `/api/v1/orders/${order.id}/confirm-receipt`, headers: p.buyer.owner.headers, payload: {} });
  expect(res.statusCode).toBe(200);
  return getOrder(t, p.buyer.owner, order.id);
}

async function ctxOf(user: TestUser): Promise<RequestContext> {
  const actor = await t.modules.accounts.auth.authenticate(user.token, 'bearer');
  return { actor, locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' };
}

describe('asking for after-sales', () => {
  it('is refused before payment, to other companies, and to members who cannot place orders', async () => {
    const unpaid = await placeOrder(t, p, { quantity: 5 });
    const early = await request(p.buyer.owner, { orderId: unpaid.id, kind: 'refund_only', reason: 'no_longer_needed' });
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>().code).toBe('AFTER_SALE_ORDER_NOT_ELIGIBLE');
    expect(early.json<Problem>().detail).toBe('After-sales requests are possible only on paid orders up to receipt; this order is awaiting payment.');
    const earlyZh = await call(t, { method: 'POST', url: '/api/v1/after-sales', headers: { ...p.buyer.owner.headers, 'accept-language': 'zh-CN' }, payload: { orderId: unpaid.id, kind: 'refund_only', reason: 'no_longer_needed' } });
    expect(earlyZh.json<Problem>().detail).toBe('仅已付款至已收货的订单可以申请售后;该订单当前状态为「待付款」。');

    const order = await paidOrder(5);
    const stranger = await request(p.supplier.owner, { orderId: order.id, kind: 'refund_only', reason: 'no_longer_needed' });
    expect(stranger.statusCode).toBe(404);
    const finance = await addMember(t, p.buyer.owner, p.buyer.companyId, 'finance');
    const noRole = await request(finance, { orderId: order.id, kind: 'refund_only', reason: 'no_longer_needed' });
    expect(noRole.statusCode).toBe(403);
  });

  it('before shipment allows only a full refund ("don\'t ship"): accepted, escrow pays it all back and the order closes', async () => {
    const order = await paidOrder(10);
    expect(order.status).toBe('paid');
    const wrongKind = await request(p.buyer.owner, { orderId: order.id, kind: 'return_refund', reason: 'no_longer_needed' });
    expect(wrongKind.json<Problem>().code).toBe('AFTER_SALE_NOT_SHIPPED_ONLY_REFUND');
    const partial = await request(p.buyer.owner, { orderId: order.id, kind: 'refund_only', reason: 'no_longer_needed', amount: 100 });
    expect(partial.statusCode).toBe(422);

    notified.length = 0;
    const res = await request(p.buyer.purchaser, { orderId: order.id, kind: 'refund_only', reason: 'no_longer_needed', description: '项目取消' });
    expect(res.statusCode).toBe(201);
    const a = res.json<AfterSale>();
    expect(a).toMatchObject({ status: 'requested', beforeShipment: true, amountRequested: order.total, viewerSide: 'buyer', actions: ['withdraw'] });
    // Both companies by legal name and English name (the factory's companies have one).
    expect(a).toMatchObject({ buyer: { id: p.buyer.companyId, nameEn: expect.any(String) }, supplier: { id: p.supplier.companyId, name: expect.stringContaining('江苏钢材'), nameEn: expect.any(String) } });
    expect(a.dueAt).not.toBeNull();
    expect(notified.map((n) => [n.kind, n.to.companyId])).toEqual([['after_sale.requested', p.supplier.companyId]]);
    expect(await t.modules.afterSales.hasOpen(order.id)).toBe(true);

    const second = await request(p.buyer.owner, { orderId: order.id, kind: 'refund_only', reason: 'other' });
    expect(second.statusCode).toBe(409);
    expect(second.json<Problem>().code).toBe('AFTER_SALE_ALREADY_OPEN');

    const seller = await get(p.supplier.owner, a.id);
    expect(seller.json<AfterSale>()).toMatchObject({ viewerSide: 'supplier', actions: ['accept', 'reject', 'propose'] });

    const before = { escrow: await escrow(), stock: await stockOf() };
    notified.length = 0;
    const accepted = await act(p.supplier.owner, a.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<AfterSale>()).toMatchObject({ status: 'refunded', amountRefunded: order.total, actions: [], dueAt: null });
    expect(await escrow()).toBe(before.escrow - order.total);
    const after = await getOrder(t, p.buyer.owner, order.id);
    expect(after).toMatchObject({ status: 'closed', escrowRefunded: order.total });
    expect(notified.some((n) => n.kind === 'after_sale.refunded' && n.to.companyId === p.buyer.companyId)).toBe(true);
    expect(await t.modules.afterSales.hasOpen(order.id)).toBe(false);
    expect((await eventsOf(a.id)).map((e) => e.type)).toEqual(['after_sale.requested', 'after_sale.accepted', 'after_sale.resolved']);
    expect((await eventsOf(a.id))[2]!.payload).toMatchObject({ outcome: 'refunded', amount: order.total, via: 'agreement', supplierCompanyId: p.supplier.companyId });
  });

  it('checks the lines and the amount against what was shipped and what is still refundable', async () => {
    const order = await shippedOrder(10);
    const line = order.lines[0]!;
    const noLines = await request(p.buyer.owner, { orderId: order.id, kind: 'return_refund', reason: 'quality' });
    expect(noLines.statusCode).toBe(422);
    expect(noLines.json<Problem>().errors?.map((e) => e.path)).toContain('body.lines');
    const tooMany = await request(p.buyer.owner, { orderId: order.id, kind: 'return_refund', reason: 'quality', lines: [{ lineId: line.id, quantity: 11 }] });
    expect(tooMany.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.lines.0.quantity']);
    const tooMuch = await request(p.buyer.owner, { orderId: order.id, kind: 'refund_only', reason: 'damaged', amount: order.total + 1 });
    expect(tooMuch.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.amount']);
    const exchangeMoney = await request(p.buyer.owner, { orderId: order.id, kind: 'exchange', reason: 'wrong_item', amount: 100, lines: [{ lineId: line.id, quantity: 1 }] });
    expect(exchangeMoney.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.amount']);
    const strangerEvidence = await upload(p.supplier.owner);
    const badEvidence = await request(p.buyer.owner, { orderId: order.id, kind: 'refund_only', reason: 'damaged', amount: 100, evidenceIds: [strangerEvidence] });
    expect(badEvidence.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.evidenceIds.0']);

    // The default amount is the value of the lines.
    const ok = await request(p.buyer.owner, { orderId: order.id, kind: 'return_refund', reason: 'quality', lines: [{ lineId: line.id, quantity: 2.5 }] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<AfterSale>().amountRequested).toBe(2.5 * line.unitPrice);
    expect(await act(p.buyer.owner, ok.json<AfterSale>().id, 'withdraw').then((r) => r.json<AfterSale>().status)).toBe('withdrawn');
  });

  it('is possible until afterSalesWindowDays after receipt, not later', async () => {
    const order = await receivedOrder(5);
    const { afterSalesWindowDays } = await t.modules.orders.orders.settings();
    const ctx = await ctxOf(p.buyer.owner);
    const input = { orderId: order.id, kind: 'refund_only' as const, reason: 'quality' as const, description: '', amount: 1000, lines: [], evidenceIds: [] };
    const late = new Date(Date.now() + (afterSalesWindowDays + 1) * 86_400_000);
    await expect(t.modules.afterSales.afterSales.create(ctx, input, { at: late })).rejects.toMatchObject({ code: 'AFTER_SALE_WINDOW_CLOSED' });
    const inTime = await t.modules.afterSales.afterSales.create(ctx, input, { at: new Date(Date.now() + (afterSalesWindowDays - 1) * 86_400_000) });
    expect(inTime.status).toBe('requested');
  });
});

describe("the seller's answers", () => {
  it('return and refund: accepted, sent back, confirmed — refunded from escrow and restocked', async () => {
    const order = await shippedOrder(10);
    const line = order.lines[0]!;
    const evidence = await upload(p.buyer.owner);
    const created = await request(p.buyer.owner, { orderId: order.id, kind: 'return_refund', reason: 'damaged', lines: [{ lineId: line.id, quantity: 2 }], evidenceIds: [evidence] });
    expect(created.statusCode).toBe(201);
    const a = created.json<AfterSale>();
    expect(a.evidence).toHaveLength(1);
    const file = await call(t, { method: 'GET', url: a.evidence[0]!.url, headers: p.supplier.owner.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const outsider = await call(t, { method: 'GET', url: a.evidence[0]!.url, headers: (await createTradeParties(t)).buyer.owner.headers });
    expect(outsider.statusCode).toBe(404);

    const accepted = await act(p.supplier.owner, a.id, 'accept');
    expect(accepted.json<AfterSale>()).toMatchObject({ status: 'awaiting_return', amountRefunded: 0 });
    const early = await act(p.supplier.owner, a.id, 'confirm-return');
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>().code).toBe('AFTER_SALE_ACTION_NOT_ALLOWED');

    notified.length = 0;
    const shipped = await act(p.buyer.owner, a.id, 'ship-return', { carrier: '顺丰', waybillNo: 'SF1234567890' });
    expect(shipped.json<AfterSale>()).toMatchObject({ status: 'return_shipped', returnShipment: { carrier: '顺丰', waybillNo: 'SF1234567890' } });
    expect(notified.map((n) => [n.kind, n.to.companyId])).toEqual([['after_sale.return_shipped', p.supplier.companyId]]);

    const before = { escrow: await escrow(), stock: await stockOf() };
    const confirmed = await act(p.supplier.owner, a.id, 'confirm-return');
    expect(confirmed.json<AfterSale>()).toMatchObject({ status: 'refunded', amountRefunded: 2 * line.unitPrice });
    expect(await escrow()).toBe(before.escrow - 2 * line.unitPrice);
    expect(await stockOf()).toEqual({ stock: before.stock.stock + 2, reserved: before.stock.reserved, sold: before.stock.sold - 2 });
    const after = await getOrder(t, p.buyer.owner, order.id);
    expect(after).toMatchObject({ status: 'shipped', escrowRefunded: 2 * line.unitPrice });
    expect(after.lines[0]!.returnedQuantity).toBe(2);
    expect(confirmed.json<AfterSale>().steps.map((s) => [s.side, s.action])).toEqual([
      ['buyer', 'request'], ['supplier', 'accept'], ['buyer', 'ship-return'], ['supplier', 'confirm-return'],
    ]);
  });

  it('partial proposal: less than asked, accepted by the buyer, refunded that much; the goods stay', async () => {
    const order = await shippedOrder(10);
    const a = (await request(p.buyer.owner, { orderId: order.id, kind: 'refund_only', reason: 'quality', amount: 500_000 })).json<AfterSale>();
    const tooMuch = await act(p.supplier.owner, a.id, 'propose', { amount: 500_000 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json<Problem>().code).toBe('AFTER_SALE_PROPOSAL_INVALID');
    const proposed = await act(p.supplier.owner, a.id, 'propose', { amount: 200_000, note: '可补偿 2000 元' });
    expect(proposed.json<AfterSale>()).toMatchObject({ status: 'partial_proposed', amountProposed: 200_000 });
    const buyerView = (await get(p.buyer.owner, a.id)).json<AfterSale>();
    expect(buyerView.actions).toEqual(['accept-proposal', 'withdraw', 'escalate']);

    const before = { escrow: await escrow(), stock: await stockOf() };
    const done = await act(p.buyer.owner, a.id, 'accept-proposal');
    expect(done.json<AfterSale>()).toMatchObject({ status: 'refunded', amountRefunded: 200_000 });
    expect(await escrow()).toBe(before.escrow - 200_000);
    expect(await stockOf()).toEqual(before.stock);
    expect(await getOrder(t, p.buyer.owner, order.id)).toMatchObject({ status: 'shipped', escrowRefunded: 200_000 });
  });

  it('lets only the right side act, only from the right status', async () => {
    const order = await shippedOrder(5);
    const a = (await request(p.buyer.owner, { orderId: order.id, kind: 'refund_only', reason: 'quality', amount: 10_000 })).json<AfterSale>();
    const buyerAccepts = await act(p.buyer.owner, a.id, 'accept');
    expect(buyerAccepts.statusCode).toBe(403);
    expect(buyerAccepts.json<Problem>().code).toBe('AFTER_SALE_WRONG_SIDE');
    const sellerWithdraws = await act(p.supplier.owner, a.id, 'withdraw');
    expect(sellerWithdraws.json<Problem>().code).toBe('AFTER_SALE_WRONG_SIDE');
    const operator = await act(ops, a.id, 'accept');
    expect(operator.statusCode).toBe(403);
    const escalateEarly = await act(p.buyer.owner, a.id, 'escalate', { reason: '不满意' });
    expect(escalateEarly.json<Problem>().code).toBe('AFTER_SALE_ACTION_NOT_ALLOWED');
    expect((await act(p.supplier.owner, a.id, 'reject', { reason: '商品无质量问题' })).json<AfterSale>().status).toBe('rejected');
    // The seller may change its mind while nobody escalated.
    expect((await act(p.supplier.owner, a.id, 'accept')).json<AfterSale>().status).toBe('refunded');
    expect((await act(p.buyer.owner, a.id, 'withdraw')).statusCode).toBe(409);
  });

  it('exchange: the replacement shipment is required when confirming, and no money moves', async () => {
    const order = await shippedOrder(5);
    const line = order.lines[0]!;
    const a = (await request(p.buyer.owner, { orderId: order.id, kind: 'exchange', reason: 'wrong_item', lines: [{ lineId: line.id, quantity: 1 }] })).json<AfterSale>();
    expect(a.amountRequested).toBe(0);
    await act(p.supplier.owner, a.id, 'accept');
    await act(p.buyer.owner, a.id, 'ship-return', { carrier: '中通', waybillNo: 'ZT001' });
    const missing = await act(p.supplier.owner, a.id, 'confirm-return');
    expect(missing.statusCode).toBe(422);
    const before = await escrow();
    const done = await act(p.supplier.owner, a.id, 'confirm-return', { replacement: { carrier: '中通', waybillNo: 'ZT002' } });
    expect(done.json<AfterSale>()).toMatchObject({ status: 'exchanged', amountRefunded: 0, replacement: { carrier: '中通', waybillNo: 'ZT002' } });
    expect(await escrow()).toBe(before);
    expect((await eventsOf(a.id)).at(-1)!.payload).toMatchObject({ outcome: 'exchanged', amount: 0 });
  });

  it('lists a company\'s requests per side and status, and counts what waits for it', async () => {
    const buyerList = await call(t, { method: 'GET', url: `/api/v1/after-sales?side=buyer&companyId=${p.buyer.companyId}`, headers: p.buyer.owner.headers });
    expect(buyerList.statusCode).toBe(200);
    expect(buyerList.json<{ items: AfterSale[] }>().items.length).toBeGreaterThan(3);
    const refunded = await call(t, { method: 'GET', url: `/api/v1/after-sales?side=seller&status=refunded&companyId=${p.supplier.companyId}`, headers: p.supplier.owner.headers });
    expect(refunded.json<{ items: AfterSale[] }>().items.every((i) => i.status === 'refunded')).toBe(true);
    const foreign = await call(t, { method: 'GET', url: `/api/v1/after-sales?side=seller&companyId=${p.supplier.companyId}`, headers: p.buyer.owner.headers });
    expect(foreign.statusCode).toBe(403);
    const counts = await call(t, { method: 'GET', url: `/api/v1/after-sales/counts?companyId=${p.supplier.companyId}`, headers: p.supplier.owner.headers });
    expect(counts.json()).toMatchObject({ seller: { open: expect.any(Number), awaitingMe: expect.any(Number) } });
  });
});

describe('disputes', () => {
  async function rejected(quantity = 5, kind: 'refund_only' | 'return_refund' = 'refund_only'): Promise<{ order: OrderJson; a: AfterSale }> {
    const order = await shippedOrder(quantity);
    const line = order.lines[0]!;
    const body = kind === 'refund_only'
      ? { orderId: order.id, kind, reason: 'quality', amount: 300_000 }
      : { orderId: order.id, kind, reason: 'quality', lines: [{ lineId: line.id, quantity: 1 }] };
    const a = (await request(p.buyer.owner, body)).json<AfterSale>();
    if (kind === 'return_refund') {
      await act(p.supplier.owner, a.id, 'accept');
      await act(p.buyer.owner, a.id, 'ship-return', { carrier: '顺丰', waybillNo: 'SF999' });
    }
    const r = await act(p.supplier.owner, a.id, 'reject', { reason: '退回的货物有使用痕迹' });
    expect(r.json<AfterSale>().status).toBe('rejected');
    return { order, a };
  }

  async function escalated(kind: 'refund_only' | 'return_refund' = 'refund_only'): Promise<{ order: OrderJson; a: AfterSale; disputeId: string }> {
    const { order, a } = await rejected(5, kind);
    notified.length = 0;
    const res = await act(p.buyer.owner, a.id, 'escalate', { reason: '货物到达时已破损,有照片为证' });
    expect(res.statusCode).toBe(200);
    const view = res.json<AfterSale>();
    expect(view).toMatchObject({ status: 'escalated', dispute: { status: 'open', openedBySide: 'buyer' }, actions: [] });
    expect(notified.map((n) => [n.kind, n.to.companyId])).toEqual([['dispute.opened', p.supplier.companyId]]);
    return { order, a, disputeId: view.dispute!.id };
  }

  it('opens on escalation; operators see the order, the thread and the two companies\' chat; the parties cannot open the file', async () => {
    const conv = await call(t, { method: 'POST', url: '/api/v1/conversations', headers: p.buyer.owner.headers, payload: { supplierCompanyId: p.supplier.companyId } });
    expect([200, 201]).toContain(conv.statusCode);
    const sent = await call(t, { method: 'POST', url: `/api/v1/conversations/${conv.json<{ id: string }>().id}/messages`, headers: p.buyer.owner.headers, payload: { kind: 'text', text: '钢板到货有划痕' } });
    expect(sent.statusCode).toBe(201);

    const { order, disputeId } = await escalated();
    expect(await t.modules.afterSales.hasOpen(order.id)).toBe(true);
    const list = await call(t, { method: 'GET', url: '/api/v1/disputes?status=open', headers: ops });
    expect(list.json<{ items: Array<{ id: string }> }>().items.map((d) => d.id)).toContain(disputeId);
    const file = await call(t, { method: 'GET', url: `/api/v1/disputes/${disputeId}`, headers: ops });
    expect(file.statusCode).toBe(200);
    const view = file.json<DisputeView>();
    expect(view.order).toMatchObject({ id: order.id, number: order.number });
    expect(view.dispute.orderNumber).toBe(order.number);
    expect(view.afterSale.steps.map((s) => s.action)).toEqual(['request', 'reject', 'escalate']);
    expect(view.chat.map((m) => [m.side, m.text])).toContainEqual(['buyer', '钢板到货有划痕']);
    expect((await call(t, { method: 'GET', url: `/api/v1/disputes/${disputeId}`, headers: p.buyer.owner.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: '/api/v1/disputes', headers: p.supplier.owner.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'POST', url: `/api/v1/disputes/${disputeId}/decide`, headers: p.buyer.owner.headers, payload: { decision: 'buyer', note: 'x' } })).statusCode).toBe(403);
    // The chat reader itself is operators only.
    await expect(t.modules.messaging.chatLog(await ctxOf(p.buyer.owner), p.buyer.companyId, p.supplier.companyId, 10)).rejects.toMatchObject({ code: 'OPERATOR_ONLY' });
  });

  it('decided for the buyer: what was asked is refunded from escrow, returned goods restocked; against the supplier', async () => {
    const { order, a, disputeId } = await escalated('return_refund');
    const before = { escrow: await escrow(), stock: await stockOf() };
    notified.length = 0;
    const res = await decide(disputeId, { decision: 'buyer', note: '照片显示到货即破损' });
    expect(res.statusCode).toBe(200);
    const view = res.json<DisputeView>();
    expect(view.dispute).toMatchObject({ status: 'decided', decision: 'buyer', refundAmount: a.amountRequested });
    expect(view.afterSale).toMatchObject({ status: 'refunded', amountRefunded: a.amountRequested });
    expect(await escrow()).toBe(before.escrow - a.amountRequested);
    expect(await stockOf()).toEqual({ stock: before.stock.stock + 1, reserved: before.stock.reserved, sold: before.stock.sold - 1 });
    expect((await getOrder(t, p.buyer.owner, order.id)).escrowRefunded).toBe(a.amountRequested);
    expect(notified.filter((n) => n.kind === 'dispute.decided').map((n) => n.to.companyId).sort()).toEqual([p.buyer.companyId, p.supplier.companyId].sort());
    const decided = (await eventsOf(disputeId)).find((e) => e.type === 'dispute.decided');
    expect(decided?.payload).toMatchObject({ decision: 'buyer', against: 'supplier', refundAmount: a.amountRequested });
    expect(await t.modules.afterSales.hasOpen(order.id)).toBe(false);

    const again = await decide(disputeId, { decision: 'seller', note: '改判' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('DISPUTE_ALREADY_DECIDED');
  });

  it('decided for the seller: nothing moves and the request closes; against the buyer', async () => {
    const { order, a, disputeId } = await escalated();
    const before = await escrow();
    const withAmount = await decide(disputeId, { decision: 'seller', refundAmount: 100, note: '不成立' });
    expect(withAmount.statusCode).toBe(422);
    const res = await decide(disputeId, { decision: 'seller', note: '证据不足' });
    expect(res.json<DisputeView>()).toMatchObject({ dispute: { decision: 'seller', refundAmount: 0 }, afterSale: { status: 'closed', amountRefunded: 0 } });
    expect(await escrow()).toBe(before);
    expect((await getOrder(t, p.buyer.owner, order.id)).escrowRefunded).toBe(0);
    expect((await eventsOf(disputeId)).find((e) => e.type === 'dispute.decided')?.payload).toMatchObject({ against: 'buyer' });
    expect((await eventsOf(a.id)).at(-1)!.payload).toMatchObject({ outcome: 'closed', via: 'dispute' });
  });

  it('decided partly: the amount is required and below what was asked; refunded from escrow; against nobody', async () => {
    const { a, disputeId } = await escalated();
    expect((await decide(disputeId, { decision: 'partial', note: '各担一半' })).statusCode).toBe(422);
    expect((await decide(disputeId, { decision: 'partial', refundAmount: a.amountRequested, note: '各担一半' })).statusCode).toBe(422);
    const before = await escrow();
    const res = await decide(disputeId, { decision: 'partial', refundAmount: 150_000, note: '各担一半' });
    expect(res.json<DisputeView>()).toMatchObject({ dispute: { decision: 'partial', refundAmount: 150_000 }, afterSale: { status: 'refunded', amountRefunded: 150_000 } });
    expect(await escrow()).toBe(before - 150_000);
    expect((await eventsOf(disputeId)).find((e) => e.type === 'dispute.decided')?.payload).toMatchObject({ against: null });
  });

  it('keeps escrow equal to the orders\' unreleased money after all of the above', async () => {
    expect(await escrow()).toBe(await t.modules.orders.orders.escrowOutstanding());
    expect(await t.modules.payments.payments.reconcile()).toEqual([]);
  });
});

describe('deadlines', () => {
  it('a silent seller sends the request to a dispute; a silent buyer lets the seller\'s answer stand', async () => {
    const order1 = await shippedOrder(5);
    const silentSeller = (await request(p.buyer.owner, { orderId: order1.id, kind: 'refund_only', reason: 'quality', amount: 10_000 })).json<AfterSale>();
    const order2 = await shippedOrder(5);
    const silentBuyer = (await request(p.buyer.owner, { orderId: order2.id, kind: 'refund_only', reason: 'quality', amount: 10_000 })).json<AfterSale>();
    await act(p.supplier.owner, silentBuyer.id, 'reject', { reason: '无质量问题' });

    expect(await t.modules.afterSales.afterSales.sweep(new Date(Date.now() + 60_000))).toEqual({ escalated: 0, lapsed: 0 });
    const result = await t.modules.afterSales.afterSales.sweep(new Date(Date.now() + 8 * 86_400_000));
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    expect(result.lapsed).toBeGreaterThanOrEqual(1);
    const s = (await get(p.buyer.owner, silentSeller.id)).json<AfterSale>();
    expect(s).toMatchObject({ status: 'escalated', dispute: { status: 'open', openedBySide: 'system' } });
    const b = (await get(p.buyer.owner, silentBuyer.id)).json<AfterSale>();
    expect(b).toMatchObject({ status: 'closed', amountRefunded: 0 });
    expect(b.steps.at(-1)).toMatchObject({ side: 'system', action: 'lapse' });
    expect(await t.modules.afterSales.hasOpen(order2.id)).toBe(false);
  });
});
