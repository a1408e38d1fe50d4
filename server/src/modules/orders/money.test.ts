import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { addMember, call, operatorHeaders } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createTradeParties, getOrder, payOrder, placeOrder, shipAllDirect, type IntentJson, type OrderJson, type TradeParties } from '../../testing/trade-factories.js';

let t: TestApp;
let p: TradeParties;

beforeAll(async () => {
  t = await createTestApp();
  p = await createTradeParties(t);
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const orders = () => t.modules.orders.orders;
const balance = (code: string) => t.modules.payments.payments.accountBalance(code);
/** A liability: credits are negative balances. */
const sellerAvailable = async () => 0 - (await balance(`seller:${p.supplier.companyId}:available:CNY`));

async function levels(skuIndex = 0) {
  const [l] = await t.modules.catalog.inventory.levels([p.product.skus[skuIndex]!.id]);
  return { stock: l!.stock, reserved: l!.reserved, sold: l!.sold };
}

/** Every transaction balances and −balance(escrow) = Σ held over orders. */
async function expectBooksBalanced() {
  expect(await t.modules.payments.payments.reconcile()).toEqual([]);
  expect(0 - (await balance('escrow:CNY'))).toBe(await orders().escrowOutstanding());
}

const act = (user: { headers: Record<string, string> }, orderId: string, action: string, payload?: Record<string, unknown>) =>
  call(t, { method: 'POST', url: `/api/v1/orders/${orderId}/${action}`, headers: user.headers, ...(payload !== undefined ? { payload } : {}) });

async function openIntent(orderId: string, provider: 'sandbox' | 'bank_transfer' = 'sandbox'): Promise<IntentJson> {
  const res = await act(p.buyer.owner, orderId, 'pay', { provider });
  expect(res.statusCode).toBe(200);
  return res.json<{ intent: IntentJson }>().intent;
}

async function approveInSandbox(intentId: string) {
  expect((await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${intentId}/approve`, headers: p.buyer.owner.headers })).statusCode).toBe(200);
  await t.drain();
}

const eventsOf = async (orderId: string) =>
  (await t.database.db.selectFrom('events').select(['type', 'payload']).where('subject_id', '=', orderId).orderBy('id').execute()).map((e) => ({ type: e.type, payload: e.payload }));

const ship = (orderId: string, items: Array<{ lineId: string; quantity: number }>) =>
  t.database.transaction((trx) => orders().applyShipment(trx, orderId, items, p.supplier.owner.id));

describe('escrow payment', () => {
  it('returns the open intent when pay is called again, and opens a new one for another method', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    const first = await openIntent(order.id);
    expect(first).toMatchObject({ amount: order.total, status: 'requires_payment', provider: 'sandbox', payUrl: expect.stringContaining(`/sandbox/pay/${first.id}`) });
    expect((await openIntent(order.id)).id).toBe(first.id);
    const bank = await openIntent(order.id, 'bank_transfer');
    expect(bank.id).not.toBe(first.id);
    expect(bank.payUrl).toBeNull();
    const view = await getOrder(t, p.buyer.owner, order.id);
    expect(view.payments!.map((x) => [x.provider, x.status])).toEqual([['sandbox', 'canceled'], ['bank_transfer', 'pending']]);
    // The abandoned sandbox intent is paid anyway: the order takes the money and gives it straight back.
    await approveInSandbox(first.id);
    const after = await getOrder(t, p.buyer.owner, order.id);
    expect(after).toMatchObject({ status: 'awaiting_payment', escrowPaid: order.total, escrowRefunded: order.total });
    expect(after.history!.at(-1)).toMatchObject({ action: 'late_payment_refunded' });
    await expectBooksBalanced();
  });

  it("lets the buyer's finance member pay but not a sales member, nor the seller or an operator", async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    const finance = await addMember(t, p.buyer.owner, p.buyer.companyId, 'finance');
    const sales = await addMember(t, p.buyer.owner, p.buyer.companyId, 'sales');
    expect((await act(sales, order.id, 'pay', {})).statusCode).toBe(403);
    expect((await act(p.supplier.owner, order.id, 'pay', {})).statusCode).toBe(403);
    expect((await act({ headers: await operatorHeaders(t) }, order.id, 'pay', {})).statusCode).toBe(403);
    expect((await getOrder(t, finance, order.id)).actions).toEqual(['pay']);
    expect((await payOrder(t, finance, order.id)).status).toBe('paid');
  });

  it('takes a deposit, then the balance: deposit_paid → paid, both in escrow', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    expect((await act(p.supplier.owner, order.id, 'adjust', { depositBps: 3000 })).statusCode).toBe(200);
    const deposit = await openIntent(order.id);
    expect(deposit.amount).toBe(Math.round(order.total * 0.3));
    await approveInSandbox(deposit.id);
    const mid = await getOrder(t, p.buyer.owner, order.id);
    expect(mid).toMatchObject({ status: 'deposit_paid', escrowPaid: deposit.amount, nextPayment: { stage: 'balance', amount: order.total - deposit.amount } });
    expect(mid.shipBy).not.toBeNull();
    expect(mid.actions).toEqual(['pay']);
    await expect(ship(order.id, [{ lineId: order.lines[0]!.id, quantity: 1 }])).rejects.toMatchObject({ code: 'ORDER_NOT_SHIPPABLE' });
    const paid = await payOrder(t, p.buyer.owner, order.id);
    expect(paid).toMatchObject({ status: 'paid', escrowPaid: order.total, nextPayment: null, shipBy: mid.shipBy });
    expect(paid.payments!.map((x) => [x.stage, x.status])).toEqual([['deposit', 'succeeded'], ['balance', 'succeeded']]);
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual(['order.created', 'order.adjusted', 'order.deposit_paid', 'order.paid']);
    await expectBooksBalanced();
  });

  it('refunds a payment that arrives after the buyer cancelled', async () => {
    const before = await levels(0);
    const order = await placeOrder(t, p, { quantity: 10 });
    const intent = await openIntent(order.id);
    expect((await act(p.buyer.owner, order.id, 'cancel', { reason: '不要了' })).statusCode).toBe(200);
    await approveInSandbox(intent.id);
    const after = await getOrder(t, p.buyer.owner, order.id);
    expect(after).toMatchObject({ status: 'cancelled', escrowPaid: order.total, escrowRefunded: order.total });
    expect(await levels(0)).toEqual(before);
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({ type: 'order.refunded', payload: { amount: order.total, source: 'cancel' } });
    await expectBooksBalanced();
  });

  it('lets the seller cancel a paid order before shipping: everything is refunded from escrow and the stock released', async () => {
    const before = await levels(0);
    const clearing = await balance('provider:sandbox:clearing:CNY');
    const order = await placeOrder(t, p, { quantity: 10 });
    await payOrder(t, p.buyer.owner, order.id);
    expect(await balance('provider:sandbox:clearing:CNY')).toBe(clearing + order.total);
    expect((await act(p.buyer.owner, order.id, 'cancel', { reason: 'x' })).statusCode).toBe(409);
    const res = await act(p.supplier.owner, order.id, 'cancel', { reason: '缺货' });
    expect(res.json<OrderJson>()).toMatchObject({ status: 'cancelled', cancelledBy: 'seller', escrowRefunded: order.total });
    expect(await levels(0)).toEqual(before);
    expect(await balance('provider:sandbox:clearing:CNY')).toBe(clearing);
    await expectBooksBalanced();
  });
});

describe('shipping, receipt and completion', () => {
  it('ships in parts (stock reserved → sold), is received and completes after the window, releasing money minus the fee', async () => {
    const before = await levels(0);
    const available = await sellerAvailable();
    const fees = await balance('platform:fees:CNY');
    const order = await placeOrder(t, p, { quantity: 10 });
    const lineId = order.lines[0]!.id;
    await expect(ship(order.id, [{ lineId, quantity: 1 }])).rejects.toMatchObject({ code: 'ORDER_NOT_SHIPPABLE' });
    await payOrder(t, p.buyer.owner, order.id);
    await expect(ship(order.id, [{ lineId, quantity: 11 }])).rejects.toMatchObject({ code: 'ORDER_SHIPMENT_INVALID' });

    const part = await ship(order.id, [{ lineId, quantity: 6 }]);
    expect(part).toMatchObject({ status: 'partly_shipped', lines: [{ shippedQuantity: 6 }] });
    expect(await levels(0)).toEqual({ stock: before.stock - 10, reserved: before.reserved + 4, sold: before.sold + 6 });
    const rest = await ship(order.id, [{ lineId, quantity: 4 }]);
    expect(rest.status).toBe('shipped');
    expect(await levels(0)).toEqual({ stock: before.stock - 10, reserved: before.reserved, sold: before.sold + 10 });
    const shippedEvents = (await eventsOf(order.id)).filter((e) => e.type === 'order.shipped');
    expect(shippedEvents.map((e) => [e.payload.fully, e.payload.onTime])).toEqual([[false, true], [true, true]]);

    expect((await act(p.supplier.owner, order.id, 'confirm-receipt')).statusCode).toBe(403);
    const received = await act(p.buyer.purchaser, order.id, 'confirm-receipt');
    expect(received.json<OrderJson>()).toMatchObject({ status: 'received', receivedAt: expect.any(String), creditDueAt: null });

    expect(await t.modules.orders.service.sweepCompletions(new Date())).toEqual({ completed: 0 });
    const later = new Date(Date.now() + 8 * DAY);
    expect((await t.modules.orders.service.sweepCompletions(later)).completed).toBeGreaterThanOrEqual(1);
    const done = await getOrder(t, p.supplier.owner, order.id);
    const fee = Math.round(order.total * 0.02);
    expect(done).toMatchObject({ status: 'completed', escrowReleased: order.total, feeAmount: fee });
    expect(await sellerAvailable()).toBe(available + order.total - fee);
    expect(await balance('platform:fees:CNY')).toBe(fees - fee);
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({ type: 'order.completed', payload: { released: order.total - fee, fee } });
    await expectBooksBalanced();
  });

  it('lets the buyer accept a partial shipment: the unshipped rest goes back to stock and its value back to the payer', async () => {
    const before = await levels(0);
    const order = await placeOrder(t, p, { quantity: 10 });
    await payOrder(t, p.buyer.owner, order.id);
    await ship(order.id, [{ lineId: order.lines[0]!.id, quantity: 4 }]);
    const view = await getOrder(t, p.buyer.owner, order.id);
    expect(view.actions).toEqual(['confirm-receipt']);
    const received = (await act(p.buyer.owner, order.id, 'confirm-receipt')).json<OrderJson>();
    const unitPrice = order.lines[0]!.unitPrice;
    expect(received).toMatchObject({ status: 'received', escrowRefunded: 6 * unitPrice });
    expect(await levels(0)).toEqual({ stock: before.stock - 4, reserved: before.reserved, sold: before.sold + 4 });
    await expectBooksBalanced();
  });

  it('is confirmed by the system only when fully shipped', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    await payOrder(t, p.buyer.owner, order.id);
    expect(await orders().confirmReceiptBySystem(order.id)).toBe(false);
    await shipAllDirect(t, order.id);
    expect(await orders().confirmReceiptBySystem(order.id)).toBe(true);
    expect(await orders().confirmReceiptBySystem(order.id)).toBe(false);
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({ type: 'order.received', payload: { auto: true } });
  });
});

describe('refunds (after-sales and disputes)', () => {
  it('refunds part with restocked returns, refuses more than is held, and closes the order at the total', async () => {
    const order = await placeOrder(t, p, { quantity: 10 });
    await payOrder(t, p.buyer.owner, order.id);
    await shipAllDirect(t, order.id);
    await act(p.buyer.owner, order.id, 'confirm-receipt');
    const lineId = order.lines[0]!.id;
    const before = await levels(0);
    const part = await t.database.transaction((trx) => orders().refund(trx, { orderId: order.id, amount: 100_000, reason: '两吨有划痕', source: 'after_sale', sourceId: null, restock: [{ lineId, quantity: 2 }] }));
    expect(part).toEqual({ refunded: 100_000, status: 'received', closed: false });
    expect(await levels(0)).toEqual({ stock: before.stock + 2, reserved: before.reserved, sold: before.sold - 2 });
    expect((await orders().forParty(null, order.id))!.lines[0]).toMatchObject({ returnedQuantity: 2 });
    await expect(t.database.transaction((trx) => orders().refund(trx, { orderId: order.id, amount: order.total, reason: 'x', source: 'dispute', sourceId: null })))
      .rejects.toMatchObject({ code: 'ORDER_REFUND_TOO_LARGE' });
    await expect(t.database.transaction((trx) => orders().refund(trx, { orderId: order.id, amount: 1, reason: 'x', source: 'dispute', sourceId: null, restock: [{ lineId, quantity: 9 }] })))
      .rejects.toMatchObject({ code: 'ORDER_REFUND_INVALID' });
    const rest = await t.database.transaction((trx) => orders().refund(trx, { orderId: order.id, amount: order.total - 100_000, reason: '仲裁全额退款', source: 'dispute', sourceId: null }));
    expect(rest).toEqual({ refunded: order.total - 100_000, status: 'closed', closed: true });
    const types = (await eventsOf(order.id)).map((e) => e.type);
    expect(types.slice(-2).sort()).toEqual(['order.closed', 'order.refunded']);
    await expect(t.database.transaction((trx) => orders().refund(trx, { orderId: order.id, amount: 1, reason: 'x', source: 'dispute', sourceId: null }))).rejects.toBeInstanceOf(DomainError);
    await expectBooksBalanced();
  });

  it('closes a paid order refunded in full before shipping and releases its stock', async () => {
    const before = await levels(0);
    const order = await placeOrder(t, p, { quantity: 10 });
    await payOrder(t, p.buyer.owner, order.id);
    const r = await t.database.transaction((trx) => orders().refund(trx, { orderId: order.id, amount: order.total, reason: '不要发货', source: 'after_sale', sourceId: null }));
    expect(r.status).toBe('closed');
    expect(await levels(0)).toEqual(before);
    await expectBooksBalanced();
  });
});

describe('credit terms', () => {
  it('accepts on terms (drawing the credit line), bills at receipt and books the receivable at completion', async () => {
    const lines = t.modules.settlements.creditLines;
    const draw = vi.spyOn(lines, 'draw').mockResolvedValue(undefined);
    const release = vi.spyOn(lines, 'release').mockResolvedValue(undefined);
    const setDueAfter = vi.spyOn(lines, 'setDueAfter').mockImplementation((_trx, _orderId, receivedAt, days) => Promise.resolve(new Date(receivedAt.getTime() + days * DAY)));
    try {
      const order = await placeOrder(t, p, { quantity: 10, paymentTerms: 'credit_terms' });
      expect(order).toMatchObject({ paymentTerms: 'credit_terms', nextPayment: null, actions: ['pay', 'cancel'] });
      const accepted = await act(p.buyer.owner, order.id, 'pay', {});
      expect(accepted.json()).toMatchObject({ order: { status: 'paid' }, intent: null });
      expect(draw).toHaveBeenCalledWith(expect.anything(), p.buyer.companyId, order.total, order.id, 30);
      await shipAllDirect(t, order.id);
      const received = (await act(p.buyer.owner, order.id, 'confirm-receipt')).json<OrderJson>();
      const due = Date.parse(received.creditDueAt!) - Date.parse(received['receivedAt'] as string);
      expect(due).toBe(30 * DAY);
      expect(setDueAfter).toHaveBeenCalledWith(expect.anything(), order.id, new Date(received['receivedAt'] as string), 30);
      const receivable = await balance(`receivable:${p.buyer.companyId}:CNY`);
      await t.modules.orders.service.completeIfDue(order.id, new Date(Date.now() + 8 * DAY));
      expect(await balance(`receivable:${p.buyer.companyId}:CNY`)).toBe(receivable + order.total);
      expect((await getOrder(t, p.buyer.owner, order.id)).status).toBe('completed');

      // The seller cancels another accepted order: the draw is released.
      const second = await placeOrder(t, p, { quantity: 10, paymentTerms: 'credit_terms' });
      await act(p.buyer.owner, second.id, 'pay', {});
      expect((await act(p.supplier.owner, second.id, 'cancel', { reason: '无法供货' })).json()).toMatchObject({ status: 'cancelled', termsRefunded: second.total });
      expect(release).toHaveBeenCalledWith(expect.anything(), p.buyer.companyId, second.total, second.id);

      // Over the limit: the draw throws and the order stays unpaid.
      draw.mockRejectedValueOnce(new DomainError('ORDER_NOT_FOUND'));
      const third = await placeOrder(t, p, { quantity: 10, paymentTerms: 'credit_terms' });
      expect((await act(p.buyer.owner, third.id, 'pay', {})).statusCode).toBe(404);
      expect((await getOrder(t, p.buyer.owner, third.id)).status).toBe('awaiting_payment');

      // An overdue bill blocks new orders on terms at checkout.
      vi.spyOn(lines, 'hasOverdue').mockResolvedValue(true);
      const blocked = await call(t, {
        method: 'POST', url: '/api/v1/checkout', headers: p.buyer.owner.headers,
        payload: { companyId: p.buyer.companyId, address: { name: '王', phone: '13800138000', province: '310000', city: '上海', line: '1 号' }, items: [{ skuId: p.product.skus[0]!.id, quantity: 10 }], orders: [{ supplierCompanyId: p.supplier.companyId, paymentTerms: 'credit_terms' }] },
      });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json()).toMatchObject({ code: 'CREDIT_TERMS_OVERDUE' });
      await expectBooksBalanced();
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('credit terms on the line\'s own term', () => {
  it("makes an order due its credit line's term after receipt, keeping the term it was drawn with when the line changes", async () => {
    const ops = await operatorHeaders(t);
    const grant = (termDays: number | null) => call(t, {
      method: 'PUT', url: `/api/v1/admin/credit-lines/${p.buyer.companyId}`, headers: ops, payload: { limit: 500_000_000, termDays },
    });
    for (const bad of [0, 181, 1.5]) {
      const refused = await grant(bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await grant(60)).json()).toMatchObject({ termDays: 60 });
    const receiveOnTerms = async () => {
      const order = await placeOrder(t, p, { quantity: 10, paymentTerms: 'credit_terms' });
      expect((await act(p.buyer.owner, order.id, 'pay', {})).statusCode).toBe(200);
      return order;
    };
    const first = await receiveOnTerms();
    // The operator moves the line to 90 days: the order drawn before keeps its 60.
    expect((await grant(90)).json()).toMatchObject({ termDays: 90 });
    const second = await receiveOnTerms();
    // Before receipt the order shows its term; an escrow order has none.
    const termOf = async (orderId: string) => ((await getOrder(t, p.buyer.owner, orderId)) as unknown as { creditTermDays: number | null }).creditTermDays;
    expect([await termOf(first.id), await termOf(second.id)]).toEqual([60, 90]);
    expect(await termOf((await placeOrder(t, p, { quantity: 10 })).id)).toBeNull();
    const dueAfter = async (orderId: string) => {
      await shipAllDirect(t, orderId);
      const received = (await act(p.buyer.owner, orderId, 'confirm-receipt')).json<OrderJson>();
      return (Date.parse(received.creditDueAt!) - Date.parse(received['receivedAt'] as string)) / DAY;
    };
    expect(await dueAfter(first.id)).toBe(60);
    expect(await dueAfter(second.id)).toBe(90);
    // Back to the platform's default for orders drawn from now on: the bill keeps the default of its day (30).
    expect((await grant(null)).json()).toMatchObject({ termDays: null });
    const third = await receiveOnTerms();
    expect(await dueAfter(third.id)).toBe(30);
    const bills = (await call(t, { method: 'GET', url: `/api/v1/companies/${p.buyer.companyId}/credit-line`, headers: p.buyer.owner.headers }))
      .json<{ line: { termDays: number | null }; defaultTermDays: number; bills: Array<{ orderId: string; termDays: number | null; dueAt: string }> }>();
    expect(bills.line.termDays).toBeNull();
    expect(bills.defaultTermDays).toBe(30);
    expect(Object.fromEntries(bills.bills.filter((b) => [first.id, second.id, third.id].includes(b.orderId)).map((b) => [b.orderId, b.termDays])))
      .toEqual({ [first.id]: 60, [second.id]: 90, [third.id]: 30 });
    await expectBooksBalanced();
  });
});

describe('unpaid timeout', () => {
  it('cancels orders unpaid for unpaidTimeoutHours and releases their stock; paid deposits stay', async () => {
    const before = await levels(1);
    const unpaid = await placeOrder(t, p, { quantity: 10, skuIndex: 1 });
    const staged = await placeOrder(t, p, { quantity: 10, skuIndex: 1 });
    await act(p.supplier.owner, staged.id, 'adjust', { depositBps: 2000 });
    await payOrder(t, p.buyer.owner, staged.id);
    expect(await t.modules.orders.service.sweepUnpaid(new Date(Date.now() + 71 * 3_600_000))).toEqual({ cancelled: 0 });
    const swept = await t.modules.orders.service.sweepUnpaid(new Date(Date.now() + 73 * 3_600_000));
    expect(swept.cancelled).toBeGreaterThanOrEqual(1);
    expect(await getOrder(t, p.buyer.owner, unpaid.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'system' });
    expect((await getOrder(t, p.buyer.owner, staged.id)).status).toBe('deposit_paid');
    expect((await levels(1)).reserved).toBe(before.reserved + 10);
    await expectBooksBalanced();
  });
});
