import { sql, type ColumnType, type Selectable } from 'kysely';
import { runStatement, statementText, valuesPlaceholders, type Db } from '../../platform/db.js';
import { EVENT_COLUMNS, eventValues, type NewDomainEvent } from '../../platform/events.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';
import type { OrderStatus } from './states.js';

/** numeric columns: exact decimal strings when read, numbers when written. */
type Numeric = ColumnType<string, number | string, number | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface Address { name: string; phone: string; province: string; city: string; line: string }
export interface Approval { by: string; at: string; reason: string | null; decision: 'approved' | 'rejected' }
export type PaymentTerms = 'escrow' | 'credit_terms';
export type OrderSource = 'purchase_list' | 'quote' | 'direct';
export type CancelledBy = 'buyer' | 'seller' | 'system';
export type PaymentStage = 'full' | 'deposit' | 'balance';
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';

interface OrdersTable {
  id: string;
  number: string;
  buyer_company_id: string;
  supplier_company_id: string;
  placed_by: string;
  status: OrderStatus;
  source: OrderSource;
  quote_id: string | null;
  payment_terms: PaymentTerms;
  deposit_bps: number;
  currency: Defaulted<string>;
  goods_total: number;
  freight: number;
  total: number;
  escrow_paid: Defaulted<number>;
  escrow_refunded: Defaulted<number>;
  escrow_released: Defaulted<number>;
  terms_refunded: Defaulted<number>;
  fee_bps: number;
  fee_amount: Defaulted<number>;
  lead_time_days: number;
  ship_by: string | null;
  credit_due_at: NullableTimestamp;
  address: Json<Address>;
  invoice_profile_id: string | null;
  note: Defaulted<string>;
  buyer_note: Defaulted<string>;
  approval: ColumnType<Approval | null, string | null | undefined, string | null>;
  cancel_reason: string | null;
  cancelled_by: CancelledBy | null;
  paid_at: NullableTimestamp;
  shipped_at: NullableTimestamp;
  received_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  payable_since: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Defaulted<number>;
}
interface OrderLinesTable {
  id: string;
  order_id: string;
  position: number;
  product_id: string | null;
  sku_id: string | null;
  title_zh: string;
  title_en: string | null;
  sku_label: string;
  sku_label_en: Defaulted<string | null>;
  unit: string;
  quantity: Numeric;
  unit_price: number;
  line_total: number;
  shipped_quantity: Defaulted<string>;
  returned_quantity: Defaulted<string>;
  lead_time_days: number;
  image_url: string | null;
}
interface OrderHistoryTable {
  id: string;
  order_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  action: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  detail: Json<Record<string, unknown>>;
}
interface OrderPaymentsTable {
  id: string;
  order_id: string;
  stage: PaymentStage;
  amount: number;
  provider: string;
  intent_id: string;
  status: PaymentStatus;
  refunded: Defaulted<number>;
  created_at: Timestamp;
  settled_at: NullableTimestamp;
}
interface BuyerApprovalPoliciesTable { company_id: string; threshold: number | null; updated_by: string; updated_at: Timestamp }
interface TradeSettingsTable { key: string; value: Json<unknown> }

type OrderTables = {
  orders: OrdersTable; order_lines: OrderLinesTable; order_history: OrderHistoryTable; order_payments: OrderPaymentsTable;
  buyer_approval_policies: BuyerApprovalPoliciesTable; trade_settings: TradeSettingsTable;
};

export type OrderRow = Selectable<OrdersTable>;
export type LineRow = Selectable<OrderLinesTable>;
export type HistoryRow = Selectable<OrderHistoryTable>;
export type PaymentRow = Selectable<OrderPaymentsTable>;

const t = (db: Db) => db.withTables<OrderTables>();

// ---------------------------------------------------------------------------------------------------------
// Orders

/** n order numbers' sequence values in one statement. */
export async function nextNumbers(db: Db, n: number): Promise<number[]> {
  const r = await sql<{ v: string | number }>`SELECT nextval('order_number_seq') AS v FROM generate_series(1, ${n}::int)`.execute(db);
  return r.rows.map((x) => Number(x.v));
}

export interface NewOrder {
  id: string; number: string; buyerCompanyId: string; supplierCompanyId: string; placedBy: string; status: OrderStatus; source: OrderSource;
  quoteId: string | null; paymentTerms: PaymentTerms; depositBps: number; goodsTotal: number; freight: number; total: number; feeBps: number;
  leadTimeDays: number; address: Address; invoiceProfileId: string | null; buyerNote: string; now: Date;
}
export interface NewLine {
  id: string; orderId: string; position: number; productId: string | null; skuId: string | null; titleZh: string; titleEn: string | null;
  skuLabel: string; skuLabelEn: string | null; unit: string; quantity: number; unitPrice: number; lineTotal: number; leadTimeDays: number; imageUrl: string | null;
}
export interface NewHistory { id: string; orderId: string; actorUserId: string | null; action: string; fromStatus: OrderStatus | null; toStatus: OrderStatus; detail: Record<string, unknown>; at?: Date }

export async function insertOrders(db: Db, orders: NewOrder[]): Promise<OrderRow[]> {
  if (orders.length === 0) return [];
  return t(db).insertInto('orders').values(orders.map(orderValues)).returningAll().execute();
}

function orderValues(o: NewOrder) {
  return {
    id: o.id, number: o.number, buyer_company_id: o.buyerCompanyId, supplier_company_id: o.supplierCompanyId, placed_by: o.placedBy, status: o.status,
    source: o.source, quote_id: o.quoteId, payment_terms: o.paymentTerms, deposit_bps: o.depositBps, goods_total: o.goodsTotal, freight: o.freight,
    total: o.total, fee_bps: o.feeBps, lead_time_days: o.leadTimeDays, ship_by: null, credit_due_at: null, address: JSON.stringify(o.address),
    invoice_profile_id: o.invoiceProfileId, buyer_note: o.buyerNote, cancel_reason: null, cancelled_by: null,
    paid_at: null, shipped_at: null, received_at: null, completed_at: null, cancelled_at: null, closed_at: null,
    payable_since: o.now, created_at: o.now, updated_at: o.now,
  };
}

const PLACED_ORDER_COLUMNS = ['id', 'number', 'buyer_company_id', 'supplier_company_id', 'placed_by', 'status', 'source', 'quote_id', 'payment_terms',
  'deposit_bps', 'goods_total', 'freight', 'total', 'fee_bps', 'lead_time_days', 'address', 'invoice_profile_id', 'buyer_note', 'payable_since',
  'created_at', 'updated_at'] as const;
const PLACED_LINE_COLUMNS = ['id', 'order_id', 'position', 'product_id', 'sku_id', 'title_zh', 'title_en', 'sku_label', 'sku_label_en', 'unit', 'quantity',
  'unit_price', 'line_total', 'lead_time_days', 'image_url'] as const;
const PLACED_HISTORY_COLUMNS = ['id', 'order_id', 'at', 'actor_user_id', 'action', 'from_status', 'to_status', 'detail'] as const;

/**
 * Orders with their lines, first history entries and events in one statement (data-modifying CTEs: one round trip
 * instead of four on the checkout path). Returns the order rows as stored, and the lines and history as the rows they
 * became. Written out (runStatement), its text built once per count of orders, lines, entries and events: every
 * checkout runs it.
 */
export async function insertPlacedOrders(db: Db, orders: NewOrder[], lines: NewLine[], history: Array<NewHistory & { at: Date }>, events: Array<NewDomainEvent<string, object>>): Promise<{ orders: OrderRow[]; lines: LineRow[]; history: HistoryRow[] }> {
  if (orders.length === 0) return { orders: [], lines: [], history: [] };
  const lineRows: LineRow[] = lines.map((l) => ({
    id: l.id, order_id: l.orderId, position: l.position, product_id: l.productId, sku_id: l.skuId, title_zh: l.titleZh, title_en: l.titleEn,
    sku_label: l.skuLabel, sku_label_en: l.skuLabelEn, unit: l.unit, quantity: String(l.quantity), unit_price: l.unitPrice, line_total: l.lineTotal,
    shipped_quantity: '0', returned_quantity: '0', lead_time_days: l.leadTimeDays, image_url: l.imageUrl,
  }));
  const historyRows: HistoryRow[] = history.map((h) => ({
    id: h.id, order_id: h.orderId, at: h.at, actor_user_id: h.actorUserId, action: h.action, from_status: h.fromStatus, to_status: h.toStatus, detail: h.detail,
  }));
  const values: unknown[] = [];
  for (const l of lineRows) {
    values.push(l.id, l.order_id, l.position, l.product_id, l.sku_id, l.title_zh, l.title_en, l.sku_label, l.sku_label_en, l.unit, l.quantity, l.unit_price, l.line_total,
      l.lead_time_days, l.image_url);
  }
  for (const h of historyRows) values.push(h.id, h.order_id, h.at, h.actor_user_id, h.action, h.from_status, h.to_status, JSON.stringify(h.detail));
  for (const e of events) values.push(...eventValues(e));
  for (const o of orders) {
    values.push(o.id, o.number, o.buyerCompanyId, o.supplierCompanyId, o.placedBy, o.status, o.source, o.quoteId, o.paymentTerms, o.depositBps,
      o.goodsTotal, o.freight, o.total, o.feeBps, o.leadTimeDays, JSON.stringify(o.address), o.invoiceProfileId, o.buyerNote, o.now, o.now, o.now);
  }
  // Every order has lines and a first history entry; the foreign keys are checked at the end of the statement.
  const text = statementText(`orders.place.${orders.length}.${lines.length}.${history.length}.${events.length}`, () => {
    const historyFrom = 1 + lines.length * PLACED_LINE_COLUMNS.length;
    const eventsFrom = historyFrom + history.length * PLACED_HISTORY_COLUMNS.length;
    const ordersFrom = eventsFrom + events.length * EVENT_COLUMNS.length;
    const placedEvents = events.length === 0 ? ''
      : `,\nplaced_events AS (INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${valuesPlaceholders(events.length, EVENT_COLUMNS.length, eventsFrom)})`;
    return `WITH placed_lines AS (INSERT INTO order_lines (${PLACED_LINE_COLUMNS.join(', ')}) VALUES ${valuesPlaceholders(lines.length, PLACED_LINE_COLUMNS.length)}),
placed_history AS (INSERT INTO order_history (${PLACED_HISTORY_COLUMNS.join(', ')}) VALUES ${valuesPlaceholders(history.length, PLACED_HISTORY_COLUMNS.length, historyFrom)})${placedEvents}
INSERT INTO orders (${PLACED_ORDER_COLUMNS.join(', ')}) VALUES ${valuesPlaceholders(orders.length, PLACED_ORDER_COLUMNS.length, ordersFrom)} RETURNING *`;
  });
  const rows = await runStatement<OrderRow>(db, text, values);
  return { orders: rows, lines: lineRows, history: historyRows };
}

export async function insertLines(db: Db, lines: NewLine[]): Promise<LineRow[]> {
  if (lines.length === 0) return [];
  return t(db).insertInto('order_lines').values(lines.map((l) => ({
    id: l.id, order_id: l.orderId, position: l.position, product_id: l.productId, sku_id: l.skuId, title_zh: l.titleZh, title_en: l.titleEn,
    sku_label: l.skuLabel, sku_label_en: l.skuLabelEn, unit: l.unit, quantity: l.quantity, unit_price: l.unitPrice, line_total: l.lineTotal, lead_time_days: l.leadTimeDays, image_url: l.imageUrl,
  }))).returningAll().execute();
}

export async function insertHistory(db: Db, entries: NewHistory[]): Promise<HistoryRow[]> {
  if (entries.length === 0) return [];
  return t(db).insertInto('order_history').values(entries.map((h) => ({
    id: h.id, order_id: h.orderId, actor_user_id: h.actorUserId, action: h.action, from_status: h.fromStatus, to_status: h.toStatus,
    detail: JSON.stringify(h.detail), ...(h.at ? { at: h.at } : {}),
  }))).returningAll().execute();
}

export async function findOrder(db: Db, id: string, forUpdate = false): Promise<OrderRow | undefined> {
  let q = t(db).selectFrom('orders').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findOrders(db: Db, ids: string[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('orders').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function orderOfQuote(db: Db, quoteId: string): Promise<OrderRow | undefined> {
  return t(db).selectFrom('orders').selectAll().where('quote_id', '=', quoteId).where('status', '!=', 'cancelled').executeTakeFirst();
}

export type OrderPatch = Partial<{
  status: OrderStatus; goods_total: number; freight: number; total: number; deposit_bps: number; escrow_paid: number; escrow_refunded: number;
  escrow_released: number; terms_refunded: number; fee_amount: number; ship_by: string | null; credit_due_at: Date | null; note: string;
  approval: Approval | null; cancel_reason: string | null; cancelled_by: CancelledBy | null; paid_at: Date; shipped_at: Date; received_at: Date;
  completed_at: Date; cancelled_at: Date; closed_at: Date; payable_since: Date;
}>;

export async function updateOrder(db: Db, id: string, patch: OrderPatch): Promise<OrderRow> {
  const { approval, ...rest } = patch;
  return t(db).updateTable('orders')
    .set((eb) => ({
      ...rest,
      ...(approval !== undefined ? { approval: approval === null ? null : JSON.stringify(approval) } : {}),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function linesOf(db: Db, orderIds: string[]): Promise<LineRow[]> {
  if (orderIds.length === 0) return [];
  return t(db).selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('order_id').orderBy('position').execute();
}

export async function setLinePrice(db: Db, lineId: string, unitPrice: number, lineTotal: number): Promise<void> {
  await t(db).updateTable('order_lines').set({ unit_price: unitPrice, line_total: lineTotal }).where('id', '=', lineId).execute();
}

export async function addShipped(db: Db, lineId: string, quantity: number): Promise<void> {
  await t(db).updateTable('order_lines').set((eb) => ({ shipped_quantity: sql<string>`${eb.ref('shipped_quantity')} + ${quantity}` })).where('id', '=', lineId).execute();
}

export async function addReturned(db: Db, lineId: string, quantity: number): Promise<void> {
  await t(db).updateTable('order_lines').set((eb) => ({ returned_quantity: sql<string>`${eb.ref('returned_quantity')} + ${quantity}` })).where('id', '=', lineId).execute();
}

export async function historyOf(db: Db, orderId: string): Promise<HistoryRow[]> {
  return t(db).selectFrom('order_history').selectAll().where('order_id', '=', orderId).orderBy('at').orderBy('id').execute();
}

export interface OrderListFilter {
  buyerCompanyId?: string | undefined;
  supplierCompanyId?: string | undefined;
  statuses?: OrderStatus[] | undefined;
  number?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

export async function listOrders(db: Db, f: OrderListFilter): Promise<OrderRow[]> {
  let q = t(db).selectFrom('orders').selectAll().orderBy('id', 'desc').limit(f.limit + 1);
  if (f.buyerCompanyId) q = q.where('buyer_company_id', '=', f.buyerCompanyId);
  if (f.supplierCompanyId) q = q.where('supplier_company_id', '=', f.supplierCompanyId);
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.number) q = q.where('number', 'like', `%${f.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.execute();
}

/** Orders per status for one side of a company (dashboard to-do counts). */
export async function countByStatus(db: Db, side: 'buyer' | 'seller', companyId: string): Promise<Map<OrderStatus, number>> {
  const rows = await t(db).selectFrom('orders').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where(side === 'buyer' ? 'buyer_company_id' : 'supplier_company_id', '=', companyId).groupBy('status').execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

// ---- sweeps

/** Orders still unpaid (or unapproved) since before the cutoff. */
export async function unpaidSince(db: Db, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await t(db).selectFrom('orders').select('id').where('status', 'in', ['awaiting_approval', 'awaiting_payment'])
    .where('payable_since', '<=', cutoff).orderBy('payable_since').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function receivedBefore(db: Db, cutoff: Date, limit: number, afterId: string | null): Promise<string[]> {
  let q = t(db).selectFrom('orders').select('id').where('status', '=', 'received').where('received_at', '<=', cutoff).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return (await q.execute()).map((r) => r.id);
}

// ---- money read models

export async function escrowOutstanding(db: Db): Promise<number> {
  const r = await t(db).selectFrom('orders').select(sql<string>`coalesce(sum(escrow_paid - escrow_refunded - escrow_released), 0)::bigint`.as('v')).executeTakeFirstOrThrow();
  return Number(r.v);
}

export async function escrowHeldForSeller(db: Db, companyId: string): Promise<number> {
  const r = await t(db).selectFrom('orders').select(sql<string>`coalesce(sum(escrow_paid - escrow_refunded - escrow_released), 0)::bigint`.as('v'))
    .where('supplier_company_id', '=', companyId).executeTakeFirstOrThrow();
  return Number(r.v);
}

/** The catalog products on each order's lines (orders without any are absent). */
export async function productIdsOf(db: Db, orderIds: string[]): Promise<Map<string, string[]>> {
  if (orderIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('order_lines').select(['order_id', 'product_id']).distinct()
    .where('order_id', 'in', [...new Set(orderIds)]).where('product_id', 'is not', null).execute();
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.order_id, [...(by.get(r.order_id) ?? []), r.product_id!]);
  return by;
}

export async function numbersOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await t(db).selectFrom('orders').select(['id', 'number']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}

// ---------------------------------------------------------------------------------------------------------
// Payments of orders

export async function insertPayment(db: Db, p: { id: string; orderId: string; stage: PaymentStage; amount: number; provider: string; intentId: string }): Promise<PaymentRow> {
  return t(db).insertInto('order_payments').values({ id: p.id, order_id: p.orderId, stage: p.stage, amount: p.amount, provider: p.provider, intent_id: p.intentId, status: 'pending', settled_at: null })
    .returningAll().executeTakeFirstOrThrow();
}

export async function paymentsOf(db: Db, orderId: string): Promise<PaymentRow[]> {
  return t(db).selectFrom('order_payments').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

export async function paymentByIntent(db: Db, intentId: string): Promise<PaymentRow | undefined> {
  return t(db).selectFrom('order_payments').selectAll().where('intent_id', '=', intentId).executeTakeFirst();
}

export async function setPaymentStatus(db: Db, id: string, status: PaymentStatus, settledAt: Date | null): Promise<void> {
  await t(db).updateTable('order_payments').set({ status, settled_at: settledAt }).where('id', '=', id).execute();
}

/** Cancels the order's pending payments (their intents, if paid later, are refunded at once). */
export async function cancelPendingPayments(db: Db, orderId: string): Promise<number> {
  const r = await t(db).updateTable('order_payments').set({ status: 'canceled', settled_at: new Date() }).where('order_id', '=', orderId).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function addPaymentRefunded(db: Db, id: string, amount: number): Promise<void> {
  await t(db).updateTable('order_payments').set((eb) => ({ refunded: eb('refunded', '+', amount) })).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Approval policies and settings

export async function approvalThreshold(db: Db, companyId: string): Promise<{ threshold: number | null; updatedBy: string | null; updatedAt: Date | null }> {
  const r = await t(db).selectFrom('buyer_approval_policies').selectAll().where('company_id', '=', companyId).executeTakeFirst();
  return { threshold: r?.threshold ?? null, updatedBy: r?.updated_by ?? null, updatedAt: r?.updated_at ?? null };
}

export async function setApprovalThreshold(db: Db, companyId: string, threshold: number | null, userId: string): Promise<void> {
  await t(db).insertInto('buyer_approval_policies').values({ company_id: companyId, threshold, updated_by: userId, updated_at: new Date() })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ threshold, updated_by: userId, updated_at: new Date() })).execute();
}

export async function readSettings(db: Db): Promise<Record<string, unknown>> {
  const rows = await t(db).selectFrom('trade_settings').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function writeSettings(db: Db, values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await t(db).insertInto('trade_settings').values({ key, value: JSON.stringify(value) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })).execute();
  }
}
