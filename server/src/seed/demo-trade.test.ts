import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { ORDER_STATUSES, type OrderSummary } from '../modules/orders/index.js';
import { DEMO_COMPANIES, DEMO_OPERATOR } from './demo.js';
import { drainAll, openDemoApp, signInDemo } from '../testing/demo.js';
import { seedDemoIfEmpty } from './demo.js';
import { defineDemoCatalogJob } from './demo-job.js';
import { demoCompanyIds } from './demo-people.js';
import { DEMO_APPROVAL_THRESHOLD, DEMO_TRADE_NOTES, seedDemoTrade } from './demo-trade.js';

let t: TestApp;
beforeAll(async () => {
  t = await openDemoApp(120);
}, 300_000);
afterAll(async () => {
  await t.close();
});

const signIn = (email: string) => signInDemo(t, email);

async function allOrders(app: TestApp = t): Promise<OrderSummary[]> {
  const ops = await signInDemo(app, DEMO_OPERATOR.email);
  const out: OrderSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.modules.orders.service.adminList(ops, { limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('demo trade', () => {
  it('leaves an order in every state, through the services, with the ledger reconciled', async () => {
    const orders = await allOrders();
    const statuses = new Set(orders.map((o) => o.status));
    for (const s of ORDER_STATUSES) expect(statuses, `an order ${s}`).toContain(s);

    const reconciliation = await t.modules.settlements.reconcile();
    expect(reconciliation).toMatchObject({ ok: true, balanced: true, escrowMatchesOrders: true, receivablesMatchBills: true, inFlightMatchesPayouts: true });
    expect(reconciliation.escrowBalance).toBeGreaterThan(0);
    expect(reconciliation.platformFees).toBeGreaterThan(0);
  }, 60_000);

  it('tells the stories the demo promises: approvals, credit terms, a staged payment, after-sales, a dispute, reviews, balances', async () => {
    const ids = await demoCompanyIds(t, [0, 1, 3, 4, 5, 6, 7, 8]);
    const orders = await allOrders();
    const minhang = ids.get(6)!;
    const mine = orders.filter((o) => o.buyer.id === minhang);

    // Minhang: the purchaser's big order waits for the owner, above the threshold the owner set.
    const owner = await signIn(DEMO_COMPANIES[6]!.owner.email);
    expect((await t.modules.orders.service.approvalPolicy(owner, minhang)).threshold).toBe(DEMO_APPROVAL_THRESHOLD);
    const waiting = mine.find((o) => o.status === 'awaiting_approval')!;
    expect(waiting.total).toBeGreaterThan(DEMO_APPROVAL_THRESHOLD);
    expect(owner.actor!.userId).not.toBe(waiting.placedBy);
    // A credit-terms order went to the end: its bill is issued, due 45 days after receipt (the line's own term).
    const credit = await t.modules.settlements.settlements.creditLineOf(owner, minhang);
    expect(credit.line).toMatchObject({ termDays: 45 });
    expect(credit.line?.limit).toBeGreaterThan(0);
    const onTerms = mine.find((o) => o.paymentTerms === 'credit_terms' && o.status === 'completed');
    expect(onTerms).toBeDefined();
    expect(credit.bills.length).toBe(1);
    expect(credit.bills[0]).toMatchObject({ termDays: 45 });
    expect(Date.parse(String(credit.bills[0]!.dueAt)) - Date.parse(String(onTerms!.receivedAt))).toBe(45 * 86_400_000);
    // The staged order: the seller asked a 30 % deposit, the deposit is paid.
    const staged = mine.find((o) => o.status === 'deposit_paid')!;
    expect(staged.depositBps).toBe(3000);
    expect(staged.escrowPaid).toBe(Math.round(staged.total * 0.3));

    // Xinan ordered at the accepted rebar quote: completed, invoiced, reviewed and answered.
    const fromQuote = orders.find((o) => o.source === 'quote' && o.buyer.id === ids.get(8))!;
    expect(fromQuote.status).toBe('completed');
    const xinan = await signIn(DEMO_COMPANIES[8]!.owner.email);
    expect((await t.modules.invoices.invoices.listForOrder(xinan, fromQuote.id)).items.length).toBe(1);
    const review = (await t.modules.reviews.reviews.forOrder(xinan, fromQuote.id)).review;
    expect(review?.reply).toBeTruthy();

    // A partial shipment, an unanswered after-sales request, a dispute waiting for the operator.
    expect(orders.find((o) => o.status === 'partly_shipped')!.lines.some((l) => l.shippedQuantity > 0 && l.shippedQuantity < l.quantity)).toBe(true);
    const ops = await signIn(DEMO_OPERATOR.email);
    const disputes = await t.modules.afterSales.afterSales.listDisputes(ops, { status: 'open', limit: 20 });
    expect(disputes.items.length).toBe(1);
    const youxuan = await signIn(DEMO_COMPANIES[7]!.owner.email);
    const requests = await t.modules.afterSales.afterSales.list(youxuan, { companyId: ids.get(7)!, side: 'buyer', status: 'requested', limit: 20 });
    expect(requests.items.length).toBe(1);

    // Sellers were paid out of escrow on completion; Huadong asked for a payout the operator has not confirmed yet.
    const huadong = await signIn(DEMO_COMPANIES[0]!.owner.email);
    const balances = await t.modules.settlements.settlements.balances(huadong, ids.get(0)!);
    expect(balances.available).toBeGreaterThan(0);
    expect(balances.inFlight).toBeGreaterThan(0);
    const payouts = await t.modules.settlements.settlements.listPayouts(huadong, ids.get(0)!, { limit: 5 });
    expect(payouts.items.map((p) => p.status)).toEqual(['requested']);

    // The service metrics differ between suppliers: Chuangxin has a dispute, Lufeng refunded, Hengtong has a repeat buyer.
    await t.modules.serviceMetrics.serviceMetrics.syncDirty();
    const metrics = async (i: number) => t.modules.serviceMetrics.serviceMetrics.view(ops, ids.get(i)!);
    const [hd, cx, ht, lf] = [await metrics(0), await metrics(3), await metrics(4), await metrics(5)];
    expect(cx.disputedOrders).toBe(1);
    expect(hd.disputedOrders).toBe(0);
    expect(lf.refundRate).toBeGreaterThan(0);
    expect(hd.refundRate).toBe(0);
    expect(ht.repeatBuyers).toBe(1);
    expect(hd.reviews.average).not.toBe(null);
    expect(hd.reviews.average).not.toBe((await metrics(1)).reviews.average);
  }, 60_000);

  it('finds everything there when run again, and adds nothing', async () => {
    const before = (await allOrders()).length;
    const again = await seedDemoTrade(t);
    expect(again).toMatchObject({ orders: 0, steps: 0, skipped: 0, waiting: false });
    expect((await allOrders()).length).toBe(before);
    expect((await t.modules.settlements.reconcile()).ok).toBe(true);
  }, 60_000);

  it('carries on after a crash midway (a failed shipment, a failed after-sales answer) without doubling anything', async () => {
    const u = await createTestApp();
    try {
      defineDemoCatalogJob(u);
      // The trade job's run fails at its first shipment, and again at the first seller's after-sales answer; the job is retried.
      const ship = vi.spyOn(u.modules.shipments.shipments, 'ship').mockRejectedValueOnce(new Error('crash'));
      const act = vi.spyOn(u.modules.afterSales.afterSales, 'act').mockRejectedValueOnce(new Error('crash'));
      await seedDemoIfEmpty(u, { catalogSize: 120 });
      await drainAll(u);
      expect(ship).toHaveBeenCalled();
      expect(act).toHaveBeenCalled();
      const orders = await allOrders(u);
      const notes = orders.map((o) => o.buyerNote).filter((n) => DEMO_TRADE_NOTES.includes(n));
      expect(notes.sort()).toEqual([...DEMO_TRADE_NOTES].sort());
      expect(new Set(orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES));
      expect((await u.modules.settlements.reconcile()).ok).toBe(true);
      expect(await seedDemoTrade(u)).toMatchObject({ orders: 0, steps: 0, waiting: false });
    } finally {
      await u.close();
    }
  }, 300_000);
});
