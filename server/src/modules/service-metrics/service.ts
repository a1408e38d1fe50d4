import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import type { StoredEvent } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import { DISPUTE_MEMORY_DAYS, WINDOW_DAYS, computeMetrics, emptyMetrics, sameMetrics, shipByDeadline, windowStart, type Metrics } from './definitions.js';
import { companiesOf, factOf, movesMetrics, recordChanged } from './events.js';
import * as store from './store.js';

export interface Deps {
  companies: AccountsModule['companies'];
}

/** What credit reads (facts.ts): the service facts of each company, nulls while nothing is measured. */
export interface ServiceFacts {
  onTimeShipRate: number | null;
  disputesLost: number;
  paymentPunctuality: number | null;
  completedOrders: number;
  tradeVolume: number;
}

/** What search reads (supplier-source.ts): the ranking rates of each supplier. */
export interface SupplierRates {
  onTimeRate: number | null;
  repeatBuyerRate: number | null;
  /** The share of paid orders with a dispute the supplier lost (docs/search.md "disputes lost, share of orders"). */
  disputeRate: number | null;
}

const SYNC_JOB = 'service_metrics.sync';
const SYNC_PAGE = 100;

export class ServiceMetricsService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
    /** The clock the cached summaries are computed at (tests compute as of fixed moments through compute()). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /**
   * An order, dispute, review or credit-terms event: merge its fact into the rows (idempotent: a redelivery or a
   * replay changes nothing), mark the companies it concerns for the sync job, and, for a paid order that has not
   * shipped, queue a refresh for the moment its ship-by date passes. Runs in the event handler's transaction.
   */
  async record(trx: Db, event: StoredEvent): Promise<void> {
    await this.recordMany(trx, [event]);
  }

  /**
   * Events in order, as record() takes each: the order facts of consecutive events (no refund, each order once) in
   * one statement, and the companies to mark in one more, so the outbox keeps up with a burst of checkouts.
   */
  async recordMany(trx: Db, events: StoredEvent[]): Promise<void> {
    const dirty = new Set<string>();
    let run: store.OrderFact[] = [];
    const flush = async () => {
      const merged = await store.upsertOrderFacts(trx, run);
      for (const order of merged) await this.watchShipBy(trx, order);
      run = [];
    };
    for (const event of events) {
      const fact = factOf(event);
      if ('invalid' in fact) {
        this.platform.log.warn({ eventId: event.id, type: event.type, problem: fact.invalid }, 'service metrics: event payload does not fit the contract; skipped');
        continue;
      }
      if (movesMetrics(fact)) for (const id of companiesOf(fact)) dirty.add(id);
      if (fact.kind === 'order' && !fact.refund) {
        if (run.some((f) => f.orderId === fact.orderId)) await flush();
        run.push(fact);
        continue;
      }
      await flush();
      const order = await store.apply(trx, fact);
      if (order) await this.watchShipBy(trx, order);
    }
    await flush();
    if (dirty.size > 0 && await store.markDirty(trx, [...dirty], uuidv7())) await enqueueJob(trx, { kind: SYNC_JOB });
  }

  /** A paid order that has not shipped: refresh its supplier the moment its ship-by date passes. */
  private async watchShipBy(trx: Db, order: store.MergedOrder): Promise<void> {
    if (!order.shipBy || !order.paidAt || order.fullyShippedAt) return;
    const deadline = shipByDeadline(order.shipBy);
    if (deadline <= this.clock()) return;
    await enqueueJob(trx, {
      kind: 'service_metrics.refresh', payload: { companyId: order.supplierCompanyId }, runAt: new Date(deadline.getTime() + 1000),
      uniqueKey: `service_metrics.ship_by:${order.orderId}`,
    });
  }

  /**
   * The sync job: recomputes every marked company (each in its own transaction), until none is marked. A company
   * marked again while it was being computed keeps its mark and is computed again.
   */
  async syncDirty(): Promise<number> {
    let done = 0;
    for (;;) {
      const page = await store.dirtyPage(this.db, SYNC_PAGE);
      if (page.length === 0) return done;
      for (const { companyId, mark } of page) {
        await this.platform.database.transaction(async (trx) => {
          await this.refreshIn(trx, companyId);
          await store.clearDirty(trx, companyId, mark);
        });
        done++;
      }
    }
  }

  /** Recomputes one company's cached metrics as of now; records service_metrics.changed when anything moved. */
  async refreshIn(trx: Db, companyId: string, now: Date = this.clock()): Promise<boolean> {
    const next = await this.computeIn(trx, companyId, now);
    const before = (await store.summaries(trx, [companyId])).get(companyId)?.metrics ?? emptyMetrics();
    await store.upsertSummary(trx, companyId, next, now);
    if (sameMetrics(before, next)) return false;
    await recordChanged(trx, {
      companyId, onTimeRate: next.onTimeRate, disputeRate: next.disputeRate, disputeLostRate: next.disputeLostRate, refundRate: next.refundRate,
      repeatBuyerRate: next.repeatBuyerRate, reviewAverage: next.reviews.average, disputesLost: next.disputesLost,
      paymentPunctuality: next.paymentPunctuality, completedOrders: next.completedOrders,
    });
    return true;
  }

  async refresh(companyId: string): Promise<void> {
    await this.platform.database.transaction((trx) => this.refreshIn(trx, companyId).then(() => undefined));
  }

  /** Nightly: the windows slide, so every cached summary is recomputed. */
  async refreshAll(pageSize = 200): Promise<{ companies: number; changed: number }> {
    const totals = { companies: 0, changed: 0 };
    let after: string | null = null;
    for (;;) {
      const ids = await store.summaryCompaniesAfter(this.db, after, pageSize);
      if (ids.length === 0) return totals;
      after = ids[ids.length - 1]!;
      for (const id of ids) {
        if (await this.platform.database.transaction((trx) => this.refreshIn(trx, id))) totals.changed++;
      }
      totals.companies += ids.length;
    }
  }

  private async computeIn(db: Db, companyId: string, now: Date): Promise<Metrics> {
    const rows = await store.companyRows(db, companyId, windowStart(now), windowStart(now, DISPUTE_MEMORY_DAYS));
    return computeMetrics(companyId, rows, now);
  }

  /** The metrics as of any moment, computed from the rows (not the cache): the definition's tests. */
  compute(companyId: string, now: Date): Promise<Metrics> {
    return this.computeIn(this.db, companyId, now);
  }

  private async cached(companyIds: string[]): Promise<Map<string, Metrics>> {
    const ids = [...new Set(companyIds)];
    const found = await store.summaries(this.db, ids);
    return new Map(ids.map((id) => [id, found.get(id)?.metrics ?? emptyMetrics()]));
  }

  /** Batch reader for credit: the cached service facts. */
  async factsOf(companyIds: string[]): Promise<Map<string, ServiceFacts>> {
    const m = await this.cached(companyIds);
    return new Map([...m].map(([id, x]) => [id, {
      onTimeShipRate: x.onTimeRate, disputesLost: x.disputesLost, paymentPunctuality: x.paymentPunctuality, completedOrders: x.completedOrders, tradeVolume: x.tradeVolume,
    }]));
  }

  /** Batch reader for search: the cached ranking rates. */
  async ratesOf(companyIds: string[]): Promise<Map<string, SupplierRates>> {
    const m = await this.cached(companyIds);
    return new Map([...m].map(([id, x]) => [id, { onTimeRate: x.onTimeRate, repeatBuyerRate: x.repeatBuyerRate, disputeRate: x.disputeLostRate }]));
  }

  /** Public: the company's metrics (404 for an unknown company). */
  async view(ctx: RequestContext, companyId: string) {
    await this.deps.companies.get(ctx, companyId);
    const row = (await store.summaries(this.db, [companyId])).get(companyId);
    const m = row?.metrics ?? emptyMetrics();
    return {
      companyId, windowDays: WINDOW_DAYS, computedAt: row?.computedAt ?? this.clock(),
      onTimeRate: m.onTimeRate, shipments: m.shipments,
      paidOrders: m.paidOrders, disputeRate: m.disputeRate, disputedOrders: m.disputedOrders, disputeLostRate: m.disputeLostRate, disputeLostOrders: m.disputeLostOrders,
      refundRate: m.refundRate, refundedOrders: m.refundedOrders,
      repeatBuyerRate: m.repeatBuyerRate, buyers: m.buyers, repeatBuyers: m.repeatBuyers,
      reviews: m.reviews, disputesLost: m.disputesLost, paymentPunctuality: m.paymentPunctuality, bills: m.bills,
    };
  }

  /** Public: the headline rates of up to 50 companies, for trust-mark strips on lists. */
  async many(companyIds: string[]) {
    const m = await this.cached(companyIds);
    return companyIds.map((companyId) => {
      const x = m.get(companyId) ?? emptyMetrics();
      return {
        companyId, onTimeRate: x.onTimeRate, repeatBuyerRate: x.repeatBuyerRate, disputeRate: x.disputeRate, refundRate: x.refundRate,
        reviewAverage: x.reviews.average, reviewCount: x.reviews.count, paidOrders: x.paidOrders,
      };
    });
  }
}
