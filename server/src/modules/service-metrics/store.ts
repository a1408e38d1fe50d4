import { sql, type ColumnType } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, Timestamp } from '../../platform/tables.js';
import type { BillFacts, CompanyRows, DisputeFacts, Metrics, OrderFacts, ReviewFacts } from './definitions.js';
import type { Fact } from './events.js';

type Maybe<T> = ColumnType<T | null, T | null | undefined, T | null>;
type MaybeDate = Maybe<Date>;

interface OrdersTable {
  order_id: string;
  supplier_company_id: string;
  buyer_company_id: string;
  total: ColumnType<string, number, number>;
  payment_terms: Maybe<string>;
  ship_by: ColumnType<string | null, string | null | undefined, string | null>;
  placed_at: MaybeDate;
  paid_at: MaybeDate;
  fully_shipped_at: MaybeDate;
  shipped_on_time: Maybe<boolean>;
  received_at: MaybeDate;
  completed_at: MaybeDate;
  cancelled_at: MaybeDate;
  closed_at: MaybeDate;
  first_refunded_at: MaybeDate;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
interface RefundsTable { event_id: string; order_id: string; amount: ColumnType<string, number, number>; source: string | null; at: Timestamp }
interface DisputesTable {
  dispute_id: string; order_id: string; supplier_company_id: string; buyer_company_id: string;
  opened_at: MaybeDate; decided_at: MaybeDate; decision: Maybe<string>; against: Maybe<'supplier' | 'buyer'>;
}
interface ReviewsTable {
  review_id: string; order_id: string | null; supplier_company_id: string; buyer_company_id: string | null;
  quality: number; shipping: number; service: number; created_at: Timestamp;
}
interface BillsTable {
  bill_id: string; order_id: string | null; buyer_company_id: string;
  due_at: MaybeDate; repaid_at: MaybeDate; repaid_on_time: Maybe<boolean>; overdue_at: MaybeDate;
  released_in_full: ColumnType<boolean, boolean | undefined, boolean>;
}
interface SummariesTable { company_id: string; metrics: Json<Metrics>; computed_at: Timestamp }
interface DirtyTable { company_id: string; mark: string; marked_at: ColumnType<Date, Date | undefined, Date> }
interface OrderProductsTable { order_id: string; product_id: string }
interface ProductSalesTable { product_id: string; supplier_company_id: string; recent_buyers: number; recent_orders: number; computed_at: Timestamp }
interface DirtyProductsTable { product_id: string; mark: string; marked_at: ColumnType<Date, Date | undefined, Date> }

type Tables = {
  service_metric_orders: OrdersTable; service_metric_refunds: RefundsTable; service_metric_disputes: DisputesTable;
  service_metric_reviews: ReviewsTable; service_metric_bills: BillsTable; service_metric_summaries: SummariesTable; service_metric_dirty: DirtyTable;
  service_metric_order_products: OrderProductsTable; service_metric_product_sales: ProductSalesTable; service_metric_dirty_products: DirtyProductsTable;
};
const t = (db: Db) => db.withTables<Tables>();

/** `LEAST` keeps the first moment seen (NULLs ignored): a redelivered or late event never moves it. */
const least = (table: string, col: string) => sql<never>`LEAST(${sql.ref(`${table}.${col}`)}, ${sql.ref(`excluded.${col}`)})`;
const firstSeen = (table: string, col: string) => sql<never>`COALESCE(${sql.ref(`${table}.${col}`)}, ${sql.ref(`excluded.${col}`)})`;
const latestKnown = (table: string, col: string) => sql<never>`COALESCE(${sql.ref(`excluded.${col}`)}, ${sql.ref(`${table}.${col}`)})`;

export type OrderFact = Extract<Fact, { kind: 'order' }>;
export interface MergedOrder { supplierCompanyId: string; orderId: string; shipBy: string | null; paidAt: Date | null; fullyShippedAt: Date | null }

/**
 * Merges order facts into their rows in one statement (the facts' orders must differ: one statement cannot update a
 * row twice). Returns the rows after the merge. A refund's own row is apply()'s business.
 */
export async function upsertOrderFacts(db: Db, facts: OrderFact[]): Promise<MergedOrder[]> {
  if (facts.length === 0) return [];
  const T = 'service_metric_orders';
  const rows = await t(db).insertInto(T).values(facts.map((f) => ({
    order_id: f.orderId, supplier_company_id: f.supplierCompanyId, buyer_company_id: f.buyerCompanyId, total: f.total,
    payment_terms: f.paymentTerms ?? null, ship_by: f.shipBy ?? null, placed_at: f.placedAt ?? null, paid_at: f.paidAt ?? null,
    fully_shipped_at: f.fullyShippedAt ?? null, shipped_on_time: f.shippedOnTime ?? null, received_at: f.receivedAt ?? null,
    completed_at: f.completedAt ?? null, cancelled_at: f.cancelledAt ?? null, closed_at: f.closedAt ?? null, first_refunded_at: f.refund?.at ?? null,
  }))).onConflict((oc) => oc.column('order_id').doUpdateSet({
    // Totals change only before payment (adjust): the latest event's total stands, except that nothing delivered
    // late overrides the total the order completed with.
    total: sql<never>`CASE WHEN ${sql.ref(`${T}.completed_at`)} IS NOT NULL AND excluded.completed_at IS NULL THEN ${sql.ref(`${T}.total`)} ELSE excluded.total END`,
    payment_terms: latestKnown(T, 'payment_terms'), ship_by: latestKnown(T, 'ship_by'),
    placed_at: least(T, 'placed_at'), paid_at: least(T, 'paid_at'),
    // The event that completed the shipment decides on-time, once.
    shipped_on_time: sql<never>`CASE WHEN ${sql.ref(`${T}.fully_shipped_at`)} IS NULL THEN excluded.shipped_on_time ELSE ${sql.ref(`${T}.shipped_on_time`)} END`,
    fully_shipped_at: firstSeen(T, 'fully_shipped_at'),
    received_at: least(T, 'received_at'), completed_at: least(T, 'completed_at'), cancelled_at: least(T, 'cancelled_at'), closed_at: least(T, 'closed_at'),
    first_refunded_at: least(T, 'first_refunded_at'), updated_at: sql<never>`now()`,
  })).returning(['supplier_company_id', 'order_id', 'ship_by', 'paid_at', 'fully_shipped_at']).execute();
  return rows.map((row) => ({
    supplierCompanyId: row.supplier_company_id, orderId: row.order_id, shipBy: row.ship_by === null ? null : dayOf(row.ship_by), paidAt: row.paid_at, fullyShippedAt: row.fully_shipped_at,
  }));
}

/**
 * Applies one fact. Returns what it touched (for the ship-by deadline job): the order row after the merge, when
 * the fact was about an order.
 */
export async function apply(db: Db, f: Fact): Promise<MergedOrder | null> {
  switch (f.kind) {
    case 'order': {
      const row = (await upsertOrderFacts(db, [f]))[0]!;
      if (f.refund) {
        await t(db).insertInto('service_metric_refunds').values({ event_id: f.refund.eventId, order_id: f.orderId, amount: f.refund.amount, source: f.refund.source, at: f.refund.at })
          .onConflict((oc) => oc.column('event_id').doNothing()).execute();
      }
      return row;
    }
    case 'dispute': {
      const T = 'service_metric_disputes';
      await t(db).insertInto(T).values({
        dispute_id: f.disputeId, order_id: f.orderId, supplier_company_id: f.supplierCompanyId, buyer_company_id: f.buyerCompanyId,
        opened_at: f.openedAt ?? null, decided_at: f.decided?.at ?? null, decision: f.decided?.decision ?? null, against: f.decided?.against ?? null,
      }).onConflict((oc) => oc.column('dispute_id').doUpdateSet({
        opened_at: least(T, 'opened_at'),
        decision: sql<never>`CASE WHEN ${sql.ref(`${T}.decided_at`)} IS NULL THEN excluded.decision ELSE ${sql.ref(`${T}.decision`)} END`,
        against: sql<never>`CASE WHEN ${sql.ref(`${T}.decided_at`)} IS NULL THEN excluded.against ELSE ${sql.ref(`${T}.against`)} END`,
        decided_at: firstSeen(T, 'decided_at'),
      })).execute();
      return null;
    }
    case 'review':
      await t(db).insertInto('service_metric_reviews').values({
        review_id: f.reviewId, order_id: f.orderId, supplier_company_id: f.supplierCompanyId, buyer_company_id: f.buyerCompanyId,
        quality: f.quality, shipping: f.shipping, service: f.service, created_at: f.createdAt,
      }).onConflict((oc) => oc.column('review_id').doNothing()).execute();
      return null;
    case 'bill': {
      const T = 'service_metric_bills';
      await t(db).insertInto(T).values({
        bill_id: f.billId, order_id: f.orderId, buyer_company_id: f.buyerCompanyId, due_at: f.dueAt ?? null, repaid_at: f.repaidAt ?? null,
        repaid_on_time: f.repaidOnTime ?? null, overdue_at: f.overdueAt ?? null, released_in_full: f.releasedInFull ?? false,
      }).onConflict((oc) => oc.column('bill_id').doUpdateSet({
        order_id: latestKnown(T, 'order_id'), due_at: latestKnown(T, 'due_at'),
        repaid_on_time: sql<never>`CASE WHEN ${sql.ref(`${T}.repaid_at`)} IS NULL THEN excluded.repaid_on_time ELSE ${sql.ref(`${T}.repaid_on_time`)} END`,
        repaid_at: firstSeen(T, 'repaid_at'), overdue_at: least(T, 'overdue_at'),
        released_in_full: sql<never>`${sql.ref(`${T}.released_in_full`)} OR excluded.released_in_full`,
      })).execute();
      return null;
    }
    default: {
      const never: never = f;
      return never;
    }
  }
}

/** A `date` column comes back as a Date (PGlite) or a string (pg): always 'YYYY-MM-DD'. */
function dayOf(v: unknown): string {
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`;
  return String(v).slice(0, 10);
}

/**
 * Everything that concerns one company's metrics in the window starting at `since` (rows that can no longer
 * enter it are left out); completed orders count all time and are read as sums.
 */
export async function companyRows(db: Db, companyId: string, since: Date, disputesSince: Date): Promise<CompanyRows> {
  const [orders, disputes, reviews, bills, completed] = await Promise.all([
    t(db).selectFrom('service_metric_orders as o')
      .select(['o.order_id', 'o.supplier_company_id', 'o.buyer_company_id', 'o.total', 'o.ship_by', 'o.paid_at', 'o.fully_shipped_at', 'o.shipped_on_time',
        'o.cancelled_at', 'o.closed_at', 'o.first_refunded_at'])
      .where('o.supplier_company_id', '=', companyId)
      // In a window: paid in it, shipped in it, or still open to ship (its deadline may fall in it).
      .where((eb) => eb.or([
        eb('o.paid_at', '>', since), eb('o.fully_shipped_at', '>', since),
        eb.and([eb('o.fully_shipped_at', 'is', null), eb('o.paid_at', 'is not', null), eb('o.ship_by', '>=', dayOf(new Date(since.getTime() - 86_400_000)))]),
      ]))
      .execute(),
    t(db).selectFrom('service_metric_disputes').selectAll()
      .where((eb) => eb.or([eb('supplier_company_id', '=', companyId), eb('buyer_company_id', '=', companyId)]))
      .where((eb) => eb.or([eb('decided_at', '>', disputesSince), eb('opened_at', '>', disputesSince), eb('decided_at', 'is', null)]))
      .execute(),
    t(db).selectFrom('service_metric_reviews').select(['supplier_company_id', 'quality', 'shipping', 'service', 'created_at'])
      .where('supplier_company_id', '=', companyId).where('created_at', '>', since).execute(),
    t(db).selectFrom('service_metric_bills').selectAll().where('buyer_company_id', '=', companyId).execute(),
    completedTotals(db, companyId),
  ]);
  return {
    orders: orders.map((o): OrderFacts => ({
      orderId: o.order_id, supplierCompanyId: o.supplier_company_id, buyerCompanyId: o.buyer_company_id, total: Number(o.total),
      shipBy: o.ship_by === null ? null : dayOf(o.ship_by), paidAt: o.paid_at, fullyShippedAt: o.fully_shipped_at, shippedOnTime: o.shipped_on_time,
      cancelledAt: o.cancelled_at, closedAt: o.closed_at, firstRefundedAt: o.first_refunded_at,
    })),
    disputes: disputes.map((d): DisputeFacts => ({
      disputeId: d.dispute_id, orderId: d.order_id, supplierCompanyId: d.supplier_company_id, buyerCompanyId: d.buyer_company_id,
      openedAt: d.opened_at, decidedAt: d.decided_at, against: d.against,
    })),
    reviews: reviews.map((r): ReviewFacts => ({ supplierCompanyId: r.supplier_company_id, quality: r.quality, shipping: r.shipping, service: r.service, createdAt: r.created_at })),
    bills: bills.map((b): BillFacts => ({
      billId: b.bill_id, buyerCompanyId: b.buyer_company_id, dueAt: b.due_at, repaidAt: b.repaid_at, repaidOnTime: b.repaid_on_time,
      overdueAt: b.overdue_at, releasedInFull: b.released_in_full,
    })),
    completed,
  };
}

/** All time, as either party: completed orders and their value net of refunds (分). */
async function completedTotals(db: Db, companyId: string): Promise<CompanyRows['completed']> {
  const row = await sql<{ n: string; volume: string | null }>`
    SELECT count(*) AS n, sum(GREATEST(0, o.total - COALESCE(r.refunded, 0))) AS volume
    FROM service_metric_orders o
    LEFT JOIN (SELECT order_id, sum(amount) AS refunded FROM service_metric_refunds GROUP BY order_id) r ON r.order_id = o.order_id
    WHERE o.completed_at IS NOT NULL AND o.completed_at <= now() AND (o.supplier_company_id = ${companyId} OR o.buyer_company_id = ${companyId})`.execute(db);
  const r = row.rows[0];
  return { count: Number(r?.n ?? 0), volume: Number(r?.volume ?? 0) };
}

export async function summaries(db: Db, companyIds: string[]): Promise<Map<string, { metrics: Metrics; computedAt: Date }>> {
  if (companyIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('service_metric_summaries').selectAll().where('company_id', 'in', companyIds).execute();
  return new Map(rows.map((r) => [r.company_id, { metrics: r.metrics, computedAt: r.computed_at }]));
}

export async function upsertSummary(db: Db, companyId: string, metrics: Metrics, computedAt: Date): Promise<void> {
  await t(db).insertInto('service_metric_summaries').values({ company_id: companyId, metrics: JSON.stringify(metrics), computed_at: computedAt })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ metrics: sql<never>`excluded.metrics`, computed_at: sql<never>`excluded.computed_at` }))
    .execute();
}

/** Marks companies for the sync job. Returns whether any of them was not already waiting (then a sync must be queued). */
export async function markDirty(db: Db, companyIds: string[], mark: string): Promise<boolean> {
  if (companyIds.length === 0) return false;
  const values = sql.join(companyIds.map((id) => sql`(${id}::uuid, ${mark}::uuid)`));
  const r = await sql<{ inserted: boolean }>`
    INSERT INTO service_metric_dirty (company_id, mark) VALUES ${values}
    ON CONFLICT (company_id) DO UPDATE SET mark = excluded.mark, marked_at = now()
    RETURNING (xmax = 0) AS inserted`.execute(db);
  return r.rows.some((x) => x.inserted);
}

export async function dirtyPage(db: Db, limit: number): Promise<Array<{ companyId: string; mark: string }>> {
  const rows = await t(db).selectFrom('service_metric_dirty').select(['company_id', 'mark']).orderBy('marked_at').limit(limit).execute();
  return rows.map((r) => ({ companyId: r.company_id, mark: r.mark }));
}

/** Clears the mark unless the company was marked again meanwhile (then it stays for the next round). */
export async function clearDirty(db: Db, companyId: string, mark: string): Promise<void> {
  await t(db).deleteFrom('service_metric_dirty').where('company_id', '=', companyId).where('mark', '=', mark).execute();
}

/** Companies with a summary, in id order after the given one (the nightly refresh's pages). */
export async function summaryCompaniesAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = t(db).selectFrom('service_metric_summaries').select('company_id').orderBy('company_id').limit(limit);
  if (afterId) q = q.where('company_id', '>', afterId);
  return (await q.execute()).map((r) => r.company_id);
}

// ---- recent sales per product

/** Records which products an order holds (idempotent). */
export async function insertOrderProducts(db: Db, rows: Array<{ orderId: string; productId: string }>): Promise<void> {
  if (rows.length === 0) return;
  await t(db).insertInto('service_metric_order_products').values(rows.map((r) => ({ order_id: r.orderId, product_id: r.productId })))
    .onConflict((oc) => oc.columns(['order_id', 'product_id']).doNothing()).execute();
}

/**
 * Marks the products of the given orders for the sync job, in one statement. Returns whether any of them was not
 * already waiting (then a sync must be queued).
 */
export async function markProductsOfOrdersDirty(db: Db, orderIds: string[], mark: string): Promise<boolean> {
  if (orderIds.length === 0) return false;
  const r = await sql<{ inserted: boolean }>`
    INSERT INTO service_metric_dirty_products (product_id, mark)
    SELECT DISTINCT product_id, ${mark}::uuid FROM service_metric_order_products WHERE order_id = ANY(${orderIds}::uuid[])
    ON CONFLICT (product_id) DO UPDATE SET mark = excluded.mark, marked_at = now()
    RETURNING (xmax = 0) AS inserted`.execute(db);
  return r.rows.some((x) => x.inserted);
}

/**
 * Orders paid after `since` whose products are not known (placed before order.created named them, or a quote's
 * order, which has none), in id order after the given one: the backfill's pages.
 */
export async function paidOrdersWithoutProducts(db: Db, since: Date, afterId: string | null, limit: number): Promise<string[]> {
  let q = t(db).selectFrom('service_metric_orders as o').select('o.order_id').where('o.paid_at', '>', since)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('service_metric_order_products as op').select('op.order_id').whereRef('op.order_id', '=', 'o.order_id'))))
    .orderBy('o.order_id').limit(limit);
  if (afterId) q = q.where('o.order_id', '>', afterId);
  return (await q.execute()).map((r) => r.order_id);
}

/** Marks every product with recent sales (the nightly refresh: the window slides). Returns how many. */
export async function markProductsWithSalesDirty(db: Db, mark: string): Promise<number> {
  const r = await sql`
    INSERT INTO service_metric_dirty_products (product_id, mark)
    SELECT product_id, ${mark}::uuid FROM service_metric_product_sales WHERE recent_orders > 0
    ON CONFLICT (product_id) DO UPDATE SET mark = excluded.mark, marked_at = now()`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function dirtyProductsPage(db: Db, limit: number): Promise<Array<{ productId: string; mark: string }>> {
  const rows = await t(db).selectFrom('service_metric_dirty_products').select(['product_id', 'mark']).orderBy('marked_at').limit(limit).execute();
  return rows.map((r) => ({ productId: r.product_id, mark: r.mark }));
}

/** Clears the marks that did not move meanwhile (a product marked again stays for the next round). */
export async function clearDirtyProducts(db: Db, marks: Array<{ productId: string; mark: string }>): Promise<void> {
  if (marks.length === 0) return;
  const values = sql.join(marks.map((m) => sql`(${m.productId}::uuid, ${m.mark}::uuid)`));
  await sql`DELETE FROM service_metric_dirty_products d USING (VALUES ${values}) AS v(product_id, mark)
    WHERE d.product_id = v.product_id AND d.mark = v.mark`.execute(db);
}

export interface ProductSales { productId: string; supplierCompanyId: string; recentBuyers: number; recentOrders: number }

/**
 * Each product's sales in the window (paid after `since`, not after `now`), counting orders neither cancelled nor
 * closed and not between a company and itself. Products with none are absent.
 */
export async function computeProductSales(db: Db, productIds: string[], since: Date, now: Date): Promise<ProductSales[]> {
  if (productIds.length === 0) return [];
  const r = await sql<{ product_id: string; supplier_company_id: string; buyers: string; orders: string }>`
    SELECT op.product_id, min(o.supplier_company_id::text) AS supplier_company_id,
           count(DISTINCT o.buyer_company_id) AS buyers, count(*) AS orders
    FROM service_metric_order_products op JOIN service_metric_orders o ON o.order_id = op.order_id
    WHERE op.product_id = ANY(${productIds}::uuid[]) AND o.paid_at > ${since} AND o.paid_at <= ${now}
      AND o.cancelled_at IS NULL AND o.closed_at IS NULL AND o.buyer_company_id <> o.supplier_company_id
    GROUP BY op.product_id`.execute(db);
  return r.rows.map((x) => ({ productId: x.product_id, supplierCompanyId: x.supplier_company_id, recentBuyers: Number(x.buyers), recentOrders: Number(x.orders) }));
}

export async function productSales(db: Db, productIds: string[]): Promise<Map<string, ProductSales & { computedAt: Date }>> {
  if (productIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('service_metric_product_sales').selectAll().where('product_id', 'in', productIds).execute();
  return new Map(rows.map((r) => [r.product_id, {
    productId: r.product_id, supplierCompanyId: r.supplier_company_id, recentBuyers: r.recent_buyers, recentOrders: r.recent_orders, computedAt: r.computed_at,
  }]));
}

/** A supplier's products with the most recent buyers (then orders), those with any sales only. */
export async function topProductSales(db: Db, supplierCompanyId: string, limit: number): Promise<ProductSales[]> {
  const rows = await t(db).selectFrom('service_metric_product_sales').selectAll()
    .where('supplier_company_id', '=', supplierCompanyId).where('recent_orders', '>', 0)
    .orderBy('recent_buyers', 'desc').orderBy('recent_orders', 'desc').orderBy('product_id').limit(limit).execute();
  return rows.map((r) => ({ productId: r.product_id, supplierCompanyId: r.supplier_company_id, recentBuyers: r.recent_buyers, recentOrders: r.recent_orders }));
}

export async function upsertProductSales(db: Db, rows: ProductSales[], computedAt: Date): Promise<void> {
  if (rows.length === 0) return;
  await t(db).insertInto('service_metric_product_sales').values(rows.map((r) => ({
    product_id: r.productId, supplier_company_id: r.supplierCompanyId, recent_buyers: r.recentBuyers, recent_orders: r.recentOrders, computed_at: computedAt,
  }))).onConflict((oc) => oc.column('product_id').doUpdateSet({
    supplier_company_id: sql<never>`excluded.supplier_company_id`, recent_buyers: sql<never>`excluded.recent_buyers`,
    recent_orders: sql<never>`excluded.recent_orders`, computed_at: sql<never>`excluded.computed_at`,
  })).execute();
}
