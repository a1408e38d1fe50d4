import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import type { StoredEvent } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import { DISPUTE_MEMORY_DAYS, WINDOW_DAYS, computeMetrics, emptyMetrics, sameMetrics, shipByDeadline, windowStart, type Metrics } from './definitions.js';
import { companiesOf, factOf, movesMetrics, movesProductSales, recordChanged, recordProductSalesChanged } from './events.js';
import * as store from './store.js';

export interface Deps {
  companies: AccountsModule['companies'];
  /** Late bound (built after this module): the products on orders' lines, for orders whose events did not name them. */
  orders?: { productIdsOf(orderIds: string[]): Promise<Map<string, string[]>> };
  /** Late bound (the catalog is built after this module): the product as its reader may see it (PRODUCT_NOT_FOUND otherwise). */
  products?: {
    get(ctx: RequestContext, productId: string): Promise<unknown>;
    /** Cards of published products (others are left out). */
    summaries(ids: string[]): Promise<Array<{ id: string; companyId: string; titleZh: string; titleEn: string | null; status: string }>>;
  };
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

/** What search reads (the product factor) and product pages show: a product's sales over the window. */
export interface ProductSalesView {
  recentBuyers: number;
  recentOrders: number;
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
    const salesMoved = new Set<string>();
    let run: store.OrderFact[] = [];
    const flush = async () => {
      const merged = await store.upsertOrderFacts(trx, run);
      await store.insertOrderProducts(trx, run.flatMap((f) => (f.productIds ?? []).map((productId) => ({ orderId: f.orderId, productId }))));
      // A placement seen after its payment: the products' sales move now (an unpaid placement moves nothing).
      const withProducts = new Set(run.filter((f) => f.productIds).map((f) => f.orderId));
      for (const order of merged) if (order.paidAt && withProducts.has(order.orderId)) salesMoved.add(order.orderId);
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
      if (movesProductSales(fact)) salesMoved.add(fact.orderId);
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
    const mark = uuidv7();
    const companiesQueued = dirty.size > 0 && await store.markDirty(trx, [...dirty], mark);
    const productsQueued = salesMoved.size > 0 && await store.markProductsOfOrdersDirty(trx, [...salesMoved], mark);
    if (companiesQueued || productsQueued) await enqueueJob(trx, { kind: SYNC_JOB });
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
    let done = await this.syncDirtyProducts();
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

  /**
   * Once per start: orders paid in the window whose products this module never learnt (placed before migration
   * 0034) get them from the orders module, and their products' sales are computed. Returns the orders completed.
   */
  async backfillProducts(pageSize = 200): Promise<number> {
    const orders = this.deps.orders;
    if (!orders) return 0;
    let done = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await store.paidOrdersWithoutProducts(this.db, windowStart(this.clock()), after, pageSize);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      const products = await orders.productIdsOf(ids);
      const rows = [...products].flatMap(([orderId, productIds]) => productIds.map((productId) => ({ orderId, productId })));
      if (rows.length === 0) continue;
      await this.platform.database.transaction(async (trx) => {
        await store.insertOrderProducts(trx, rows);
        await store.markProductsOfOrdersDirty(trx, [...products.keys()], uuidv7());
      });
      done += products.size;
    }
    if (done > 0) await this.syncDirtyProducts();
    return done;
  }

  /** The marked products' recent sales, a page per transaction; records product_sales.changed for each that moved. */
  async syncDirtyProducts(): Promise<number> {
    let done = 0;
    for (;;) {
      const page = await store.dirtyProductsPage(this.db, SYNC_PAGE);
      if (page.length === 0) return done;
      await this.platform.database.transaction(async (trx) => {
        await this.refreshProductSalesIn(trx, page.map((p) => p.productId));
        await store.clearDirtyProducts(trx, page);
      });
      done += page.length;
    }
  }

  /** Recomputes the products' cached sales as of now; returns how many changed (each recorded as an event). */
  async refreshProductSalesIn(trx: Db, productIds: string[], now: Date = this.clock()): Promise<number> {
    const [computed, before] = await Promise.all([store.computeProductSales(trx, productIds, windowStart(now), now), store.productSales(trx, productIds)]);
    const found = new Set(computed.map((c) => c.productId));
    // A product whose sales left the window keeps its row, at zero (its supplier is the one the row knew).
    const fellToNone = [...before.values()].filter((b) => !found.has(b.productId) && b.recentOrders > 0)
      .map((b) => ({ productId: b.productId, supplierCompanyId: b.supplierCompanyId, recentBuyers: 0, recentOrders: 0 }));
    const next = [...computed, ...fellToNone];
    await store.upsertProductSales(trx, next, now);
    let changed = 0;
    for (const n of next) {
      const b = before.get(n.productId);
      if (b && b.recentBuyers === n.recentBuyers && b.recentOrders === n.recentOrders) continue;
      await recordProductSalesChanged(trx, n);
      changed++;
    }
    return changed;
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

  /** Nightly: the windows slide, so every cached summary and every product's recent sales are recomputed. */
  async refreshAll(pageSize = 200): Promise<{ companies: number; changed: number; products: number }> {
    const totals = { companies: 0, changed: 0, products: 0 };
    await store.markProductsWithSalesDirty(this.db, uuidv7());
    totals.products = await this.syncDirtyProducts();
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

  /** Batch reader for search: each product's cached recent sales (zero while none). */
  async salesOf(productIds: string[]): Promise<Map<string, ProductSalesView>> {
    const ids = [...new Set(productIds)];
    const found = await store.productSales(this.db, ids);
    return new Map(ids.map((id) => [id, { recentBuyers: found.get(id)?.recentBuyers ?? 0, recentOrders: found.get(id)?.recentOrders ?? 0 }]));
  }

  /** Public: a product's recent sales (404 for a product the reader may not see). */
  async productView(ctx: RequestContext, productId: string) {
    await this.deps.products?.get(ctx, productId);
    const row = (await store.productSales(this.db, [productId])).get(productId);
    return { productId, windowDays: WINDOW_DAYS, recentBuyers: row?.recentBuyers ?? 0, recentOrders: row?.recentOrders ?? 0, computedAt: row?.computedAt ?? null };
  }

  /**
   * Public: a supplier's best-selling products over the window (most recent buyers, then orders), published ones only,
   * with its totals — the seller dashboard's card. 404 for an unknown company.
   */
  async topProducts(ctx: RequestContext, companyId: string, limit: number) {
    await this.deps.companies.get(ctx, companyId);
    // Read a few more than asked: a product delisted since it sold is left out.
    const top = await store.topProductSales(this.db, companyId, limit + 10);
    const cards = top.length && this.deps.products ? await this.deps.products.summaries(top.map((p) => p.productId)) : [];
    const shown = new Map(cards.filter((c) => c.companyId === companyId && c.status === 'published').map((c) => [c.id, c]));
    const m = (await store.summaries(this.db, [companyId])).get(companyId)?.metrics ?? emptyMetrics();
    return {
      companyId, windowDays: WINDOW_DAYS, buyers: m.buyers, paidOrders: m.paidOrders,
      items: top.flatMap((p) => {
        const c = shown.get(p.productId);
        return c ? [{ productId: p.productId, titleZh: c.titleZh, titleEn: c.titleEn, recentBuyers: p.recentBuyers, recentOrders: p.recentOrders }] : [];
      }).slice(0, limit),
    };
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
