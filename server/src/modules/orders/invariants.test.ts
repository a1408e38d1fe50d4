import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, operatorHeaders } from '../../testing/factories.js';
import { createTradeParties, getOrder, payOrder, placeOrder, TRADE_STOCK, type OrderJson, type TradeParties } from '../../testing/trade-factories.js';
import { ESCROW_ACCOUNT, holdsReservation } from './index.js';

/**
 * Property-style: random sequences of order operations (place, adjust to a deposit, pay each stage, cancel by either
 * side, ship part or all, confirm receipt, refund part or all with or without returned goods, complete, sweep unpaid)
 * must keep after every step: every ledger transaction balanced; escrow's balance equal to what orders hold in escrow;
 * per SKU stock + reserved + sold equal to the initial stock, reserved equal to the unshipped units of orders that hold
 * them, sold equal to shipped minus returned units. Operations the state machine refuses must be refused with a code.
 */
let t: TestApp;
let parties: TradeParties[];
let ops: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  parties = [await createTradeParties(t), await createTradeParties(t)];
  ops = await operatorHeaders(t);
});
afterAll(async () => {
  await t.close();
});

function prng(seed: number) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

async function checkInvariants(orderIds: string[]): Promise<void> {
  const payments = t.modules.payments.payments;
  expect(await payments.reconcile()).toEqual([]);
  const escrowBalance = await payments.accountBalance(ESCROW_ACCOUNT);
  expect(0 - escrowBalance).toBe(await t.modules.orders.orders.escrowOutstanding());

  const orders = (await Promise.all(orderIds.map((id) => t.modules.orders.orders.forParty(null, id)))).filter((o) => o !== null && o !== undefined);
  const skuIds = parties.flatMap((p) => p.product.skus.map((s) => s.id));
  const levels = new Map((await t.modules.catalog.inventory.levels(skuIds)).map((l) => [l.skuId, l]));
  for (const skuId of skuIds) {
    const l = levels.get(skuId)!;
    let reserved = 0;
    let sold = 0;
    for (const o of orders) {
      for (const line of o.lines.filter((x) => x.skuId === skuId)) {
        if (holdsReservation(o.status)) reserved += line.quantity - line.shippedQuantity;
        sold += line.shippedQuantity - line.returnedQuantity;
      }
    }
    expect(l.stock).toBeGreaterThanOrEqual(0);
    expect(l.stock + l.reserved + l.sold).toBeCloseTo(TRADE_STOCK, 6);
    expect(l.reserved).toBeCloseTo(reserved, 6);
    expect(l.sold).toBeCloseTo(sold, 6);
  }
}

describe('trade invariants', () => {
  it('random sequences of order operations keep the ledger balanced, escrow equal to held order money, and every unit of stock accounted for', async () => {
    const rnd = prng(20261127);
    const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
    // The after-sales window is shortened so completion can be swept without waiting.
    expect((await call(t, { method: 'PUT', url: '/api/v1/admin/trade-settings', headers: ops, payload: { afterSalesWindowDays: 0 } })).statusCode).toBeLessThan(300);
    const orderIds: string[] = [];
    const tally = new Map<string, number>();
    const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
    const refused = (err: unknown) => {
      // Refusals are domain errors with a code, never crashes.
      if (!(err instanceof DomainError) && !(err instanceof Error && /failed: (409|422)/.test(err.message))) throw err;
      count('refused');
    };
    const state = async (id: string) => (await t.modules.orders.orders.forParty(null, id))!;

    for (let step = 0; step < 90; step++) {
      const p = pick(parties)!;
      const known = await Promise.all(orderIds.map(state));
      const inStatus = (...s: string[]) => known.filter((o) => s.includes(o.status));
      const partyOf = (o: { supplierCompanyId: string }) => parties.find((x) => x.supplier.companyId === o.supplierCompanyId)!;
      const r = rnd();
      try {
        if (r < 0.25 || known.length < 3) {
          const o = await placeOrder(t, p, { quantity: 5 + Math.floor(rnd() * 120), skuIndex: rnd() < 0.5 ? 0 : 1 });
          orderIds.push(o.id);
          count('place');
        } else if (r < 0.32) {
          const o = pick(inStatus('awaiting_payment').filter((x) => x.escrowPaid === 0));
          if (o) {
            const res = await call(t, { method: 'POST', url: `/api/v1/orders/${o.id}/adjust`, headers: partyOf(o).supplier.owner.headers, payload: { depositBps: 3000, freight: 5_000 } });
            expect(res.statusCode, res.body).toBe(200);
            count('adjust');
          }
        } else if (r < 0.47) {
          const o = pick(inStatus('awaiting_payment', 'deposit_paid'));
          if (o) {
            await payOrder(t, partyOf(o).buyer.owner, o.id);
            count('pay');
          }
        } else if (r < 0.52) {
          const o = pick(inStatus('awaiting_payment', 'deposit_paid', 'paid'));
          if (o) {
            const seller = o.status !== 'awaiting_payment' || rnd() < 0.5;
            const who = seller ? partyOf(o).supplier.owner : partyOf(o).buyer.owner;
            const res = await call(t, { method: 'POST', url: `/api/v1/orders/${o.id}/cancel`, headers: who.headers, payload: { reason: '随机取消 random cancel' } });
            if (res.statusCode === 200) count('cancel');
            else refused(new Error(`cancel failed: ${res.statusCode}`));
          }
        } else if (r < 0.67) {
          const o = pick(inStatus('paid', 'partly_shipped'));
          if (o) {
            const items = o.lines.map((l) => {
              const left = Math.round((l.quantity - l.shippedQuantity) * 1000) / 1000;
              return { lineId: l.id, quantity: rnd() < 0.5 ? left : Math.max(0, Math.floor(left / 2)) };
            }).filter((i) => i.quantity > 0);
            if (items.length) {
              await t.database.transaction((trx) => t.modules.orders.orders.applyShipment(trx, o.id, items, null));
              count('ship');
            }
          }
        } else if (r < 0.75) {
          const o = pick(inStatus('shipped'));
          if (o) {
            const res = await call(t, { method: 'POST', url: `/api/v1/orders/${o.id}/confirm-receipt`, headers: partyOf(o).buyer.owner.headers });
            expect(res.statusCode, res.body).toBe(200);
            count('receive');
          }
        } else if (r < 0.87) {
          const o = pick(inStatus('paid', 'partly_shipped', 'shipped', 'received'));
          if (o) {
            const refundable = o.escrowPaid - o.escrowRefunded;
            const amount = rnd() < 0.3 ? refundable : Math.floor(refundable * rnd() * 0.5);
            const shipped = o.lines.find((l) => l.shippedQuantity - l.returnedQuantity >= 1);
            const restock = shipped && rnd() < 0.5 ? [{ lineId: shipped.id, quantity: 1 }] : undefined;
            await t.database.transaction((trx) => t.modules.orders.orders.refund(trx, { orderId: o.id, amount, reason: '随机退款 random refund', source: 'after_sale', sourceId: uuidv7(), restock }));
            count('refund');
          }
        } else if (r < 0.95) {
          const done = await t.modules.orders.service.sweepCompletions(new Date(Date.now() + 86_400_000));
          if (done.completed) count('complete');
        } else {
          const swept = await t.modules.orders.service.sweepUnpaid(new Date(Date.now() + 30 * 86_400_000));
          if (swept.cancelled) count('sweep_unpaid');
        }
      } catch (err) {
        refused(err);
      }
      await checkInvariants(orderIds);
    }
    // The sequence exercised the machine, not just placements.
    for (const k of ['place', 'pay', 'ship', 'receive', 'refund', 'complete']) expect(tally.get(k) ?? 0, `${k} happened`).toBeGreaterThan(0);
    const final: OrderJson[] = await Promise.all(orderIds.map((id) => getOrder(t, ops, id)));
    expect(new Set(final.map((o) => o.status)).size).toBeGreaterThanOrEqual(4);
  }, 240_000);
});
