import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, createCompany, registerUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, publishProduct } from '../../testing/catalog-factories.js';
import { createTradeParties, payOrder, placeOrder, shipAllDirect } from '../../testing/trade-factories.js';
import { shipByDeadline } from './definitions.js';

/* The service-metric definitions (docs/service-metrics.md) through the real event path: order, dispute, review and
 * credit-terms events recorded in a transaction as their modules do, the dispatcher delivers them, and the metrics
 * are computed as of fixed moments. Then the cached summary, the API, and credit and search reading it. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const H = 3_600_000;
const D = 24 * H;
/** Friday 13 June 2025, noon UTC (20:00 in Beijing). */
const NOW = new Date('2025-06-13T12:00:00Z');
const ago = (ms: number, from = NOW) => new Date(from.getTime() - ms).toISOString();
/** The Beijing calendar day of a moment, as ship-by dates are written. */
const beijingDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * H).toISOString().slice(0, 10);

type Payload = Record<string, unknown>;
async function emit(type: string, companyId: string | null, subjectType: string, subjectId: string, payload: Payload): Promise<string> {
  return t.database.transaction((trx) => recordEvent(trx, { type, actorUserId: null, companyId, subjectType, subjectId, payload }));
}

function parties() {
  return { supplier: uuidv7(), buyer: uuidv7() };
}
type Parties = ReturnType<typeof parties>;

/** One order's life as its events, each at its own business time (`at`). */
class Order {
  readonly id = uuidv7();
  constructor(readonly p: Parties, readonly total = 100_000, readonly buyer = p.buyer) {}
  private ref(extra: Payload): Payload {
    return { orderId: this.id, number: `TS-${this.id.slice(-6)}`, buyerCompanyId: this.buyer, supplierCompanyId: this.p.supplier, total: this.total, ...extra };
  }
  private emit(type: string, extra: Payload) {
    return emit(type, this.buyer, 'order', this.id, this.ref(extra));
  }
  created(at: string, shipBy: string | null = null, productIds: string[] = []) {
    return this.emit('order.created', { source: 'direct', paymentTerms: 'escrow', status: 'awaiting_payment', shipBy, productIds, at });
  }
  paid(at: string, shipBy: string | null) {
    return this.emit('order.paid', { terms: 'escrow', shipBy, at });
  }
  shipped(shippedAt: string, opts: { fully?: boolean; onTime?: boolean; shipBy?: string | null } = {}) {
    const extra: Payload = { fully: opts.fully ?? true, shipBy: opts.shipBy ?? null, shippedAt };
    if (opts.onTime !== undefined) extra.onTime = opts.onTime;
    return this.emit('order.shipped', extra);
  }
  cancelled(at: string) {
    return this.emit('order.cancelled', { by: 'seller', reason: 'out of stock', at });
  }
  refunded(at: string, amount: number) {
    return this.emit('order.refunded', { amount, source: 'after_sale', sourceId: null, at });
  }
  closed(at: string) {
    return this.emit('order.closed', { at });
  }
  completed(at: string) {
    return this.emit('order.completed', { released: this.total, fee: 0, at });
  }
  /** Placed and paid at `at`, committed to ship by `shipBy`. */
  async placedAndPaid(at: string, shipBy: string | null = null) {
    await this.created(at, shipBy);
    await this.paid(at, shipBy);
    return this;
  }
  async dispute(openedAt: string, decided?: { at: string; against: 'supplier' | 'buyer' | null }) {
    const disputeId = uuidv7();
    const base = { afterSaleId: uuidv7(), orderId: this.id, orderNumber: 'TS-1', buyerCompanyId: this.buyer, supplierCompanyId: this.p.supplier, disputeId };
    await emit('dispute.opened', this.p.supplier, 'dispute', disputeId, { ...base, openedBy: 'buyer', at: openedAt });
    if (decided) {
      const decision = decided.against === 'supplier' ? 'buyer' : decided.against === 'buyer' ? 'seller' : 'partial';
      await emit('dispute.decided', this.p.supplier, 'dispute', disputeId, { ...base, decision, against: decided.against, refundAmount: 0, at: decided.at });
    }
  }
}

async function review(p: Parties, at: string, scores: { quality: number; shipping: number; service: number }) {
  const reviewId = uuidv7();
  await emit('review.created', p.supplier, 'review', reviewId, {
    reviewId, orderId: uuidv7(), supplierCompanyId: p.supplier, buyerCompanyId: p.buyer, productIds: [], scores, hasText: true, at,
  });
}

/** A credit-terms bill of the buyer: settlements' events carry the buyer as the event's company. */
async function bill(buyer: string, events: Array<[type: string, extra: Payload]>) {
  const drawId = uuidv7();
  const orderId = uuidv7();
  for (const [type, extra] of events) await emit(type, buyer, 'credit_draw', drawId, { drawId, orderId, amount: 50_000, ...extra });
}

const metricsAt = (companyId: string, now: Date = NOW) => t.modules.serviceMetrics.serviceMetrics.compute(companyId, now);

describe('on-time shipping', () => {
  it('measures an order at its full shipment, or at its ship-by deadline when that passes first', async () => {
    const p = parties();
    const due = beijingDay(ago(5 * D));
    await (await new Order(p).placedAndPaid(ago(10 * D), due)).shipped(ago(6 * D), { onTime: true });
    await (await new Order(p).placedAndPaid(ago(10 * D), due)).shipped(ago(3 * D), { onTime: false });
    // Shipped in part before the date, the rest never: late once the date has passed.
    await (await new Order(p).placedAndPaid(ago(10 * D), due)).shipped(ago(6 * D), { fully: false });
    // Not shipped, date still to come: pending, not in the rate.
    await new Order(p).placedAndPaid(ago(2 * D), beijingDay(ago(-3 * D)));
    // No ship-by date: nothing was committed, nothing is measured.
    await (await new Order(p).placedAndPaid(ago(10 * D), null)).shipped(ago(9 * D), { onTime: true });
    await t.drain();
    expect(await metricsAt(p.supplier)).toMatchObject({ onTimeRate: 0.3333, shipments: { measured: 3, onTime: 1, pending: 1 } });
  });

  it('lets the ship-by day run to midnight in Beijing, and decides by itself when the event does not say', async () => {
    const p = parties();
    const day = '2025-06-10';
    const deadline = shipByDeadline(day);
    expect(deadline.toISOString()).toBe('2025-06-10T16:00:00.000Z');
    await (await new Order(p).placedAndPaid(ago(8 * D), day)).shipped(new Date(deadline.getTime() - 60_000).toISOString()); // 23:59 Beijing
    await (await new Order(p).placedAndPaid(ago(8 * D), day)).shipped(new Date(deadline.getTime() + 60_000).toISOString()); // 00:01 the next day
    await t.drain();
    expect(await metricsAt(p.supplier)).toMatchObject({ shipments: { measured: 2, onTime: 1, pending: 0 } });
    // As of a moment before the deadline, only the first was shipped; the second was not yet due.
    expect(await metricsAt(p.supplier, new Date(deadline.getTime() - 30_000))).toMatchObject({ shipments: { measured: 1, onTime: 1, pending: 1 } });
  });

  it('leaves out an order cancelled or refunded before it was due or paid after it, but not one cancelled after its date passed unshipped', async () => {
    const p = parties();
    const due = beijingDay(ago(5 * D));
    await (await new Order(p).placedAndPaid(ago(10 * D), due)).cancelled(ago(8 * D));
    const closed = await new Order(p).placedAndPaid(ago(10 * D), due);
    await closed.refunded(ago(8 * D), 100_000);
    await closed.closed(ago(8 * D));
    await (await new Order(p).placedAndPaid(ago(10 * D), due)).cancelled(ago(2 * D));
    // A staged order whose balance was paid after its date (ship-by is set at the deposit): the date could not be kept.
    const staged = new Order(p);
    await staged.created(ago(10 * D), due);
    await staged.paid(ago(3 * D), due);
    await staged.shipped(ago(1 * D), { onTime: false });
    await t.drain();
    expect(await metricsAt(p.supplier)).toMatchObject({ onTimeRate: 0, shipments: { measured: 1, onTime: 0, pending: 0 } });
  });

  it('counts shipments of the last 90 days only', async () => {
    const p = parties();
    await (await new Order(p).placedAndPaid(ago(100 * D), beijingDay(ago(92 * D)))).shipped(ago(91 * D), { onTime: true });
    await (await new Order(p).placedAndPaid(ago(95 * D), beijingDay(ago(85 * D)))).shipped(ago(89 * D), { onTime: true });
    await (await new Order(p).placedAndPaid(ago(95 * D), beijingDay(ago(91 * D)))).shipped(ago(80 * D), { onTime: false });
    await t.drain();
    expect(await metricsAt(p.supplier)).toMatchObject({ onTimeRate: 0.5, shipments: { measured: 2, onTime: 1 } });
    expect(await metricsAt(p.supplier, new Date(NOW.getTime() - 2 * D))).toMatchObject({ shipments: { measured: 3, onTime: 2 } });
  });
});

describe('disputes, refunds and repeat buyers over the paid orders of 90 days', () => {
  it('divides orders with a dispute, a lost dispute or a refund by the orders paid in the window', async () => {
    const p = parties();
    const lost = await new Order(p).placedAndPaid(ago(30 * D));
    await lost.dispute(ago(20 * D), { at: ago(15 * D), against: 'supplier' });
    await lost.refunded(ago(15 * D), 100_000);
    await lost.closed(ago(15 * D));
    const won = await new Order(p).placedAndPaid(ago(30 * D));
    await won.dispute(ago(20 * D), { at: ago(15 * D), against: 'buyer' });
    const open = await new Order(p).placedAndPaid(ago(30 * D));
    await open.dispute(ago(1 * D));
    const partial = await new Order(p).placedAndPaid(ago(30 * D));
    await partial.refunded(ago(10 * D), 20_000);
    await new Order(p).placedAndPaid(ago(30 * D));
    // Never paid (cancelled while awaiting payment): not an order the supplier served.
    const unpaid = new Order(p);
    await unpaid.created(ago(30 * D));
    await unpaid.cancelled(ago(27 * D));
    // Paid before the window: its late dispute does not count either.
    const old = await new Order(p).placedAndPaid(ago(100 * D));
    await old.dispute(ago(10 * D), { at: ago(5 * D), against: 'supplier' });
    await t.drain();
    expect(await metricsAt(p.supplier)).toMatchObject({
      paidOrders: 5, disputedOrders: 3, disputeRate: 0.6, disputeLostOrders: 1, disputeLostRate: 0.2, refundedOrders: 2, refundRate: 0.4,
    });
  });

  it('counts buyers with two or more orders, leaving out cancelled and fully refunded orders', async () => {
    const p = parties();
    const [a, b, c, d] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await new Order(p, 1000, a).placedAndPaid(ago(80 * D));
    await new Order(p, 1000, a).placedAndPaid(ago(10 * D));
    await new Order(p, 1000, b).placedAndPaid(ago(10 * D));
    await new Order(p, 1000, c).placedAndPaid(ago(20 * D));
    await (await new Order(p, 1000, c).placedAndPaid(ago(10 * D))).cancelled(ago(9 * D));
    await new Order(p, 1000, d).placedAndPaid(ago(20 * D));
    const refunded = await new Order(p, 1000, d).placedAndPaid(ago(10 * D));
    await refunded.refunded(ago(5 * D), 1000);
    await refunded.closed(ago(5 * D));
    // A second order outside the window does not make a repeat buyer.
    await new Order(p, 1000, b).placedAndPaid(ago(95 * D));
    // An order still awaiting payment is not an order yet.
    await new Order(p, 1000, b).created(ago(1 * D));
    await t.drain();
    expect(await metricsAt(p.supplier)).toMatchObject({ buyers: 4, repeatBuyers: 1, repeatBuyerRate: 0.25 });
    // Twenty days later the first order of A has left the window too.
    expect(await metricsAt(p.supplier, new Date(NOW.getTime() + 20 * D))).toMatchObject({ buyers: 4, repeatBuyers: 0, repeatBuyerRate: 0 });
  });

  it('remembers lost disputes for a year, against whichever side lost', async () => {
    const p = parties();
    await (await new Order(p).placedAndPaid(ago(220 * D))).dispute(ago(210 * D), { at: ago(200 * D), against: 'supplier' });
    await (await new Order(p).placedAndPaid(ago(420 * D))).dispute(ago(410 * D), { at: ago(400 * D), against: 'supplier' });
    await (await new Order(p).placedAndPaid(ago(30 * D))).dispute(ago(20 * D), { at: ago(10 * D), against: 'buyer' });
    await (await new Order(p).placedAndPaid(ago(30 * D))).dispute(ago(20 * D), { at: ago(10 * D), against: null });
    await t.drain();
    expect(await metricsAt(p.supplier)).toMatchObject({ disputesLost: 1 });
    expect(await metricsAt(p.buyer)).toMatchObject({ disputesLost: 1 });
  });
});

describe('reviews and payment punctuality', () => {
  it('averages the reviews of 90 days per dimension', async () => {
    const p = parties();
    await review(p, ago(10 * D), { quality: 5, shipping: 4, service: 5 });
    await review(p, ago(20 * D), { quality: 4, shipping: 3, service: 4 });
    await review(p, ago(40 * D), { quality: 3, shipping: 5, service: 5 });
    await review(p, ago(91 * D), { quality: 1, shipping: 1, service: 1 });
    await t.drain();
    expect((await metricsAt(p.supplier)).reviews).toEqual({ count: 3, quality: 4, shipping: 4, service: 4.67, average: 4.22 });
  });

  it('counts a bill as on time when repaid by its due date, late when repaid after it or overdue; not yet due is pending', async () => {
    const buyer = uuidv7();
    await bill(buyer, [['credit_terms.billed', { dueAt: ago(20 * D) }], ['credit_terms.repaid', { dueAt: ago(20 * D), repaidAt: ago(25 * D), onTime: true, daysLate: 0 }]]);
    await bill(buyer, [['credit_terms.billed', { dueAt: ago(30 * D) }], ['credit_terms.overdue', { dueAt: ago(30 * D), daysLate: 1, at: ago(29 * D) }],
      ['credit_terms.repaid', { dueAt: ago(30 * D), repaidAt: ago(26 * D), onTime: false, daysLate: 4 }]]);
    await bill(buyer, [['credit_terms.billed', { dueAt: ago(3 * D) }], ['credit_terms.overdue', { dueAt: ago(3 * D), daysLate: 2, at: ago(1 * D) }]]);
    await bill(buyer, [['credit_terms.billed', { dueAt: ago(-10 * D) }]]);
    // Refunded away in full before it was due: nothing was owed.
    await bill(buyer, [['credit_terms.billed', { dueAt: ago(5 * D) }], ['credit_terms.released', { outstanding: 0 }]]);
    await t.drain();
    expect(await metricsAt(buyer)).toMatchObject({ paymentPunctuality: 0.3333, bills: { measured: 3, onTime: 1, pending: 1 } });
    // Before any of them was due or repaid there was nothing to measure.
    expect(await metricsAt(buyer, new Date(NOW.getTime() - 40 * D))).toMatchObject({ paymentPunctuality: null, bills: { measured: 0 } });
  });
});

describe('keeping the rows', () => {
  it('is null while nothing is measured, and skips an event whose payload does not fit instead of retrying it', async () => {
    const p = parties();
    await emit('order.paid', p.buyer, 'order', uuidv7(), { orderId: 'nope', total: -1 });
    await t.drain();
    const stuck = await t.database.db.selectFrom('events').select('id').where('company_id', '=', p.buyer).where('dispatched_at', 'is', null).execute();
    expect(stuck).toEqual([]);
    expect(await metricsAt(p.supplier)).toMatchObject({
      onTimeRate: null, disputeRate: null, refundRate: null, repeatBuyerRate: null, paymentPunctuality: null, disputesLost: 0,
      reviews: { count: 0, average: null }, paidOrders: 0,
    });
  });

  it('gives the same metrics when events arrive out of order or are delivered again', async () => {
    const p = parties();
    const o = new Order(p, 80_000);
    // The shipment and the refund are delivered before the payment and the order they belong to.
    await o.shipped(ago(6 * D), { onTime: true });
    await o.refunded(ago(4 * D), 30_000);
    await t.drain();
    await o.paid(ago(8 * D), beijingDay(ago(5 * D)));
    await o.created(ago(9 * D), beijingDay(ago(5 * D)));
    await o.completed(ago(1 * D));
    await t.drain();
    const first = await metricsAt(p.supplier);
    expect(first).toMatchObject({ onTimeRate: 1, paidOrders: 1, refundRate: 1, buyers: 1, completedOrders: 1, tradeVolume: 50_000 });

    // Redeliver every event of the order to this module's handler (as after a lost receipt).
    const ids = (await t.database.db.selectFrom('events').select('id').where('subject_id', '=', o.id).execute()).map((r) => r.id);
    await sql`DELETE FROM event_handlings WHERE handler = 'service_metrics.track' AND event_id IN (${sql.join(ids)})`.execute(t.database.db);
    await sql`UPDATE events SET dispatched_at = NULL WHERE id IN (${sql.join(ids)})`.execute(t.database.db);
    await t.drain();
    expect(await metricsAt(p.supplier)).toEqual(first);
    expect(await metricsAt(p.buyer)).toMatchObject({ completedOrders: 1, tradeVolume: 50_000 });
  });

  it('takes a burst of events in one batch to the same rows as one event at a time, in a few statements', async () => {
    const due = beijingDay(ago(5 * D));
    // The same life for the orders of two suppliers: one supplier's events handled one at a time, the other's at once.
    const live = async (p: Parties, each: () => Promise<void>) => {
      const orders = Array.from({ length: 6 }, (_, i) => new Order(p, 10_000 * (i + 1)));
      const step = async (event: Promise<unknown>) => {
        await event;
        await each();
      };
      for (const o of orders) await step(o.created(ago(10 * D), due));
      for (const o of orders) await step(o.paid(ago(9 * D), due));
      // Two events of one order in a row: a run of distinct orders ends there, and each order's events keep their order.
      await step(orders[0]!.shipped(ago(6 * D), { onTime: true }));
      await step(orders[0]!.completed(ago(2 * D)));
      for (const o of orders.slice(1, 3)) await step(o.shipped(ago(6 * D), { onTime: true }));
      for (const o of orders.slice(3)) await step(o.cancelled(ago(8 * D)));
      await step(orders[0]!.refunded(ago(1 * D), 5_000));
      return orders;
    };
    const single = parties();
    await t.drain();
    await live(single, () => t.drain());
    const batched = parties();
    const orders = await live(batched, async () => undefined);
    const rows = await t.database.db.selectFrom('events').selectAll().where('subject_id', 'in', orders.map((o) => o.id)).orderBy('id').execute();
    const events = rows.map((r) => ({
      id: r.id, type: r.type, actorUserId: r.actor_user_id, companyId: r.company_id, subjectType: r.subject_type, subjectId: r.subject_id,
      payload: r.payload, occurredAt: r.occurred_at,
    }));
    expect(events).toHaveLength(20);
    const { queries } = await t.database.countQueries(() => t.database.transaction((trx) => t.modules.serviceMetrics.serviceMetrics.recordMany(trx, events)));
    // BEGIN, four runs of distinct orders, the refund's two, the companies' and the products' marks and their sync job, COMMIT.
    expect(queries).toBeLessThanOrEqual(11);
    await t.drain(); // the dispatcher delivers them too: merging again changes nothing
    const [a, b] = [await metricsAt(single.supplier), await metricsAt(batched.supplier)];
    expect(a).toMatchObject({ paidOrders: 6, shipments: { measured: 3, onTime: 3 }, refundRate: 0.1667, completedOrders: 1 });
    expect(b).toEqual(a);
  });

  it("queues a refresh for the moment a paid order's ship-by date passes unshipped", async () => {
    const p = parties();
    const now = new Date();
    const o = await new Order(p).placedAndPaid(now.toISOString(), beijingDay(new Date(now.getTime() + 3 * D).toISOString()));
    await t.drain();
    const job = await t.database.db.selectFrom('jobs').select(['run_at', 'payload']).where('unique_key', '=', `service_metrics.ship_by:${o.id}`).executeTakeFirst();
    expect(job?.payload).toEqual({ companyId: p.supplier });
    expect(job?.run_at.getTime()).toBe(shipByDeadline(beijingDay(new Date(now.getTime() + 3 * D).toISOString())).getTime() + 1000);
  });
});

describe('the cached summary, the API, and the modules that read the metrics', () => {
  it('serves the 90-day metrics and a batch, announces changes, and answers 404 for an unknown company', async () => {
    const owner = await registerUser(t);
    const supplier = await createCompany(t, owner);
    const buyer = await createCompany(t, owner);
    const now = new Date();
    const p = { supplier: supplier.id, buyer: buyer.id };
    const rel = (ms: number) => ago(ms, now);
    await (await new Order(p).placedAndPaid(rel(10 * D), beijingDay(rel(5 * D)))).shipped(rel(7 * D), { onTime: true });
    await (await new Order(p).placedAndPaid(rel(9 * D), beijingDay(rel(5 * D)))).shipped(rel(4 * D), { onTime: false });
    const disputed = await new Order(p).placedAndPaid(rel(8 * D));
    await disputed.dispute(rel(3 * D), { at: rel(2 * D), against: 'supplier' });
    await review(p, rel(1 * D), { quality: 5, shipping: 3, service: 4 });
    await t.drain();

    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${supplier.id}/service-metrics` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      companyId: supplier.id, windowDays: 90, onTimeRate: 0.5, shipments: { measured: 2, onTime: 1, pending: 0 }, paidOrders: 3,
      disputeRate: 0.3333, disputeLostRate: 0.3333, refundRate: 0, repeatBuyerRate: 1, buyers: 1, repeatBuyers: 1,
      reviews: { count: 1, quality: 5, shipping: 3, service: 4, average: 4 }, disputesLost: 1, paymentPunctuality: null,
    });
    const changed = await t.database.db.selectFrom('events').select('payload').where('type', '=', 'service_metrics.changed').where('company_id', '=', supplier.id).orderBy('id').execute();
    expect(changed.at(-1)?.payload).toMatchObject({ companyId: supplier.id, onTimeRate: 0.5, repeatBuyerRate: 1, reviewAverage: 4, disputesLost: 1 });

    const other = await createCompany(t, owner);
    const many = await call(t, { method: 'GET', url: `/api/v1/service-metrics?companyIds=${supplier.id},${other.id}` });
    expect(many.statusCode, many.body).toBe(200);
    expect(many.json()).toEqual({ items: [
      { companyId: supplier.id, onTimeRate: 0.5, repeatBuyerRate: 1, disputeRate: 0.3333, refundRate: 0, reviewAverage: 4, reviewCount: 1, paidOrders: 3 },
      { companyId: other.id, onTimeRate: null, repeatBuyerRate: null, disputeRate: null, refundRate: null, reviewAverage: null, reviewCount: 0, paidOrders: 0 },
    ] });
    expect((await call(t, { method: 'GET', url: '/api/v1/service-metrics?companyIds=nope' })).statusCode).toBe(400);
    const missing = await call(t, { method: 'GET', url: `/api/v1/companies/${uuidv7()}/service-metrics` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');

    // Nothing moved: the nightly refresh announces nothing new for it.
    const before = changed.length;
    await t.modules.serviceMetrics.serviceMetrics.refreshAll();
    const after = await t.database.db.selectFrom('events').select('id').where('type', '=', 'service_metrics.changed').where('company_id', '=', supplier.id).execute();
    expect(after).toHaveLength(before);
  });

  it("feeds credit: on-time shipping and lost disputes for the supplier, payment punctuality and completed orders for the buyer", async () => {
    const owner = await registerUser(t);
    const supplier = await createCompany(t, owner);
    const buyer = await createCompany(t, owner);
    await t.drain();
    const factors = async (id: string) => {
      const res = await call(t, { method: 'GET', url: `/api/v1/companies/${id}/credit` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ scorecardVersion: string; factors: Array<{ key: string; points: number; value: string }> }>();
    };
    expect((await factors(supplier.id)).factors.find((f) => f.key === 'on_time_shipping')).toMatchObject({ value: 'n/a', points: 0 });

    const now = new Date();
    const p = { supplier: supplier.id, buyer: buyer.id };
    const rel = (ms: number) => ago(ms, now);
    for (const onTime of [true, true, true, false]) {
      const o = await new Order(p, 250_000).placedAndPaid(rel(10 * D), beijingDay(rel(5 * D)));
      await o.shipped(rel(6 * D), { onTime });
      await o.completed(rel(1 * D));
    }
    await (await new Order(p).placedAndPaid(rel(10 * D))).dispute(rel(5 * D), { at: rel(3 * D), against: 'supplier' });
    await bill(buyer.id, [['credit_terms.billed', { dueAt: rel(10 * D) }], ['credit_terms.repaid', { dueAt: rel(10 * D), repaidAt: rel(8 * D), onTime: false, daysLate: 2 }]]);
    await bill(buyer.id, [['credit_terms.billed', { dueAt: rel(5 * D) }], ['credit_terms.repaid', { dueAt: rel(5 * D), repaidAt: rel(6 * D), onTime: true, daysLate: 0 }]]);
    await t.drain();

    const s = await factors(supplier.id);
    expect(s.scorecardVersion).toBe('v2');
    expect(s.factors.find((f) => f.key === 'on_time_shipping')).toMatchObject({ value: '75%', points: 6 });
    expect(s.factors.find((f) => f.key === 'clean_record')).toMatchObject({ value: '1/0', points: 6 });
    expect(s.factors.find((f) => f.key === 'completed_orders')).toMatchObject({ value: '4' });
    expect(await t.modules.credit.credit.facts(supplier.id)).toMatchObject({ onTimeShipRate: 0.75, disputesLost: 1, completedOrders: 4, tradeVolumeYuan: 10_000, paymentPunctuality: null });
    const b = await factors(buyer.id);
    expect(b.factors.find((f) => f.key === 'payment_punctuality')).toMatchObject({ value: '50%', points: -5 });
    expect(await t.modules.credit.credit.facts(buyer.id)).toMatchObject({ paymentPunctuality: 0.5, completedOrders: 4, onTimeShipRate: null });
  });

  it("feeds search's supplier service factor: on-time, repeat-buyer and lost-dispute rates", async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner, { legalName: '浙江履约测试钢管有限公司', nameEn: 'Zhejiang Reliable Pipe Co.' });
    const product = await createProduct(t, owner, await categoryIdOf(t, 'steel.plate.hot_rolled'), { titleZh: '履约测试热轧板 12mm' });
    await publishProduct(t, owner, product.id);
    await t.drain();
    const explain = async () => {
      const res = await call(t, { method: 'GET', url: `/api/v1/search/products?q=${encodeURIComponent('履约测试热轧板')}&explain=true` });
      expect(res.statusCode, res.body).toBe(200);
      const hit = res.json<{ items: Array<{ id: string; explain: { factors: Array<{ name: string; value: unknown; factor: number }> } }> }>().items.find((i) => i.id === product.id);
      return Object.fromEntries((hit?.explain.factors ?? []).map((f) => [f.name, { value: f.value, factor: f.factor }]));
    };
    expect(await explain()).toMatchObject({ onTimeRate: { value: null, factor: 1 }, repeatBuyerRate: { value: null, factor: 1 }, disputeRate: { value: null, factor: 1 } });

    const now = new Date();
    const p = { supplier: company.id, buyer: uuidv7() };
    const rel = (ms: number) => ago(ms, now);
    await (await new Order(p).placedAndPaid(rel(10 * D), beijingDay(rel(5 * D)))).shipped(rel(6 * D), { onTime: true });
    const lost = await new Order(p).placedAndPaid(rel(10 * D));
    await lost.dispute(rel(4 * D), { at: rel(2 * D), against: 'supplier' });
    await new Order(p, 1000, uuidv7()).placedAndPaid(rel(3 * D));
    await new Order(p, 1000, uuidv7()).placedAndPaid(rel(3 * D));
    await t.drain();
    expect(await explain()).toMatchObject({
      onTimeRate: { value: 1, factor: 1.1 },
      repeatBuyerRate: { value: 0.3333, factor: 1.0333 },
      disputeRate: { value: 0.25, factor: 0.6 },
    });
  });
});

describe('recent buyers of a product', () => {
  const salesOf = async (id: string) => (await t.modules.serviceMetrics.salesOf([id])).get(id);
  const searchHit = async (q: string, id: string) => {
    const res = await call(t, { method: 'GET', url: `/api/v1/search/products?q=${encodeURIComponent(q)}&explain=true` });
    expect(res.statusCode, res.body).toBe(200);
    const hit = res.json<{ items: Array<{ id: string; recentBuyers: number; explain: { productFactor: number; factors: Array<{ name: string; value: unknown; factor: number }> } }> }>()
      .items.find((i) => i.id === id);
    return { recentBuyers: hit?.recentBuyers, productFactor: hit?.explain.productFactor, factor: hit?.explain.factors.find((f) => f.name === 'recentBuyers') };
  };

  it('counts distinct buyer companies of paid orders in 90 days, not cancelled, closed, unpaid or own orders, and feeds the search product factor', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner, { legalName: '江苏销量测试五金有限公司', nameEn: 'Jiangsu Sales Test Hardware Co.' });
    const product = await createProduct(t, owner, await categoryIdOf(t, 'steel.plate.hot_rolled'), { titleZh: '销量测试热轧板 10mm' });
    await publishProduct(t, owner, product.id);
    await t.drain();
    const before = await searchHit('销量测试热轧板', product.id);
    expect(before).toMatchObject({ recentBuyers: 0, factor: { value: 0, factor: 1 } });

    const now = new Date();
    const rel = (ms: number) => ago(ms, now);
    const other = uuidv7();
    const p = { supplier: company.id, buyer: uuidv7() };
    const order = (buyer: string) => new Order(p, 100_000, buyer);
    const pid = [product.id, other];
    // Buyer A twice: one buyer, two orders.
    for (const at of [rel(10 * D), rel(4 * D)]) { const o = order(p.buyer); await o.created(at, null, pid); await o.paid(at, null); }
    // Buyer F once, its payment seen before its placement (the products arrive second).
    const f = order(uuidv7());
    await f.paid(rel(2 * D), null);
    await f.created(rel(2 * D), null, [product.id]);
    // None of these count: cancelled after payment, fully refunded (closed), paid 100 days ago, never paid, the supplier's own.
    const cancelled = order(uuidv7()); await cancelled.created(rel(6 * D), null, pid); await cancelled.paid(rel(6 * D), null); await cancelled.cancelled(rel(5 * D));
    const closed = order(uuidv7()); await closed.created(rel(6 * D), null, pid); await closed.paid(rel(6 * D), null); await closed.closed(rel(1 * D));
    const old = order(uuidv7()); await old.created(rel(100 * D), null, pid); await old.paid(rel(100 * D), null);
    await order(uuidv7()).created(rel(3 * D), null, pid);
    const own = order(company.id); await own.created(rel(3 * D), null, pid); await own.paid(rel(3 * D), null);
    await t.drain();

    expect(await salesOf(product.id)).toEqual({ recentBuyers: 2, recentOrders: 3 });
    expect(await salesOf(other)).toEqual({ recentBuyers: 1, recentOrders: 2 });
    const res = await call(t, { method: 'GET', url: `/api/v1/products/${product.id}/sales` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ productId: product.id, windowDays: 90, recentBuyers: 2, recentOrders: 3 });
    // +5 % per doubling of buyers: 1 + 0.05 × log2(3).
    const after = await searchHit('销量测试热轧板', product.id);
    expect(after).toMatchObject({ recentBuyers: 2, factor: { value: 2, factor: 1.0792 } });
    expect(after.productFactor).toBeCloseTo(before.productFactor! * 1.0792, 3);

    // F's order cancelled: down to one buyer, and search follows.
    await f.cancelled(rel(0));
    await t.drain();
    expect(await salesOf(product.id)).toEqual({ recentBuyers: 1, recentOrders: 2 });
    expect(await searchHit('销量测试热轧板', product.id)).toMatchObject({ recentBuyers: 1, factor: { value: 1, factor: 1.05 } });

    // The window slides: 85 days on, only A's order of 4 days ago is left; 95 days on, nothing (and the row says so).
    await t.database.transaction((trx) => t.modules.serviceMetrics.serviceMetrics.refreshProductSalesIn(trx, [product.id], new Date(now.getTime() + 85 * D)));
    expect(await salesOf(product.id)).toEqual({ recentBuyers: 1, recentOrders: 1 });
    await t.database.transaction((trx) => t.modules.serviceMetrics.serviceMetrics.refreshProductSalesIn(trx, [product.id], new Date(now.getTime() + 95 * D)));
    expect(await salesOf(product.id)).toEqual({ recentBuyers: 0, recentOrders: 0 });
    await t.drain();
    expect(await searchHit('销量测试热轧板', product.id)).toMatchObject({ recentBuyers: 0, factor: { value: 0, factor: 1 } });
    const changes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events WHERE type = 'product_sales.changed' AND subject_id = ${product.id}`.execute(t.database.db);
    expect(changes.rows[0]!.n).toBe(4);
  });

  it('answers the sales of up to 50 products at once for product lists, 0 for one never sold', async () => {
    const p = { supplier: uuidv7(), buyer: uuidv7() };
    const sold = uuidv7();
    const never = uuidv7();
    const o = new Order(p);
    await o.created(ago(D, new Date()), null, [sold]);
    await o.paid(ago(D, new Date()), null);
    await t.drain();
    const res = await call(t, { method: 'GET', url: `/api/v1/product-sales?productIds=${sold},${never},${sold}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [{ productId: sold, recentBuyers: 1, recentOrders: 1 }, { productId: never, recentBuyers: 0, recentOrders: 0 }] });
    const tooMany = Array.from({ length: 51 }, () => uuidv7()).join(',');
    for (const q of ['productIds=nope', `productIds=${tooMany}`, '']) {
      const bad = await call(t, { method: 'GET', url: `/api/v1/product-sales?${q}` });
      expect(bad.statusCode, q).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 404 for the sales of a product that does not exist, and 400 for a malformed id', async () => {
    expect((await call(t, { method: 'GET', url: `/api/v1/products/${uuidv7()}/sales` })).statusCode).toBe(404);
    const bad = await call(t, { method: 'GET', url: '/api/v1/products/not-a-uuid/sales' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('through the real order flow', () => {
  it('turns placed, paid, shipped, received and refunded orders into the metrics, the API and the search factor', async () => {
    const parties = await createTradeParties(t);
    const supplierId = parties.supplier.companyId;
    const first = await placeOrder(t, parties, { quantity: 10 });
    const paid = await payOrder(t, parties.buyer.owner, first.id);
    expect(paid.status).toBe('paid');
    expect(paid.shipBy).not.toBeNull();
    await shipAllDirect(t, first.id);
    const received = await call(t, { method: 'POST', url: `/api/v1/orders/${first.id}/confirm-receipt`, headers: parties.buyer.owner.headers });
    expect(received.statusCode, received.body).toBe(200);
    const second = await placeOrder(t, parties, { quantity: 6 });
    await payOrder(t, parties.buyer.owner, second.id);
    await t.database.transaction((trx) => t.modules.orders.orders.refund(trx, { orderId: second.id, amount: 10_000, reason: '包装破损', source: 'after_sale', sourceId: null }));
    // Placed but never paid: not an order the supplier served.
    await placeOrder(t, parties, { quantity: 5 });
    await t.drain();

    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${supplierId}/service-metrics` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      onTimeRate: 1, shipments: { measured: 1, onTime: 1, pending: 1 }, paidOrders: 2, refundRate: 0.5, refundedOrders: 1,
      disputeRate: 0, repeatBuyerRate: 1, buyers: 1, repeatBuyers: 1,
    });
    const rates = (await t.modules.serviceMetrics.ratesOf([supplierId])).get(supplierId);
    expect(rates).toEqual({ onTimeRate: 1, repeatBuyerRate: 1, disputeRate: 0 });
    // Two paid orders of the one product by one buyer; the unpaid third is not a sale.
    const sales = await call(t, { method: 'GET', url: `/api/v1/products/${parties.product.id}/sales` });
    expect(sales.json()).toMatchObject({ recentBuyers: 1, recentOrders: 2 });

    // Orders placed before order.created named their products: the start-up backfill asks the orders module.
    await sql`DELETE FROM service_metric_order_products WHERE order_id IN (${first.id}, ${second.id})`.execute(t.database.db);
    await t.database.transaction((trx) => t.modules.serviceMetrics.serviceMetrics.refreshProductSalesIn(trx, [parties.product.id]));
    expect(await t.modules.serviceMetrics.salesOf([parties.product.id])).toEqual(new Map([[parties.product.id, { recentBuyers: 0, recentOrders: 0 }]]));
    expect(await t.modules.serviceMetrics.serviceMetrics.backfillProducts()).toBe(2);
    expect(await t.modules.serviceMetrics.salesOf([parties.product.id])).toEqual(new Map([[parties.product.id, { recentBuyers: 1, recentOrders: 2 }]]));
    expect(await t.modules.serviceMetrics.serviceMetrics.backfillProducts()).toBe(0);

    // The supplier's shop shows it on the product's card, in the product list and the featured section.
    const shopProducts = await call(t, { method: 'GET', url: `/api/v1/shops/${supplierId}/products` });
    expect(shopProducts.statusCode, shopProducts.body).toBe(200);
    expect(shopProducts.json<{ items: Array<{ id: string; recentBuyers: number }> }>().items).toEqual([expect.objectContaining({ id: parties.product.id, recentBuyers: 1 })]);
    const shop = await call(t, { method: 'GET', url: `/api/v1/shops/${supplierId}` });
    const featured = shop.json<{ sections: Array<{ type: string; data: { products?: Array<{ id: string; recentBuyers: number }> } }> }>().sections.find((x) => x.type === 'featured_products');
    expect(featured?.data.products).toEqual([expect.objectContaining({ id: parties.product.id, recentBuyers: 1 })]);

    // The seller dashboard's best sellers: published products by buying companies, with the supplier's totals.
    const top = await call(t, { method: 'GET', url: `/api/v1/companies/${supplierId}/top-products` });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json()).toEqual({
      companyId: supplierId, windowDays: 90, buyers: 1, paidOrders: 2,
      items: [{ productId: parties.product.id, titleZh: parties.product.titleZh, titleEn: parties.product.titleEn, recentBuyers: 1, recentOrders: 2 }],
    });
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${uuidv7()}/top-products` })).statusCode).toBe(404);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${supplierId}/top-products?limit=0` })).statusCode).toBe(400);
    const delisted = await call(t, { method: 'POST', url: `/api/v1/products/${parties.product.id}/delist`, headers: parties.supplier.owner.headers });
    expect(delisted.statusCode, delisted.body).toBe(200);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${supplierId}/top-products` })).json()).toMatchObject({ buyers: 1, items: [] });
  }, 90_000);
});
