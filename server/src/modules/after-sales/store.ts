import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';
import { OPEN_STATUSES, type AfterSaleKind, type AfterSaleStatus } from './states.js';

/** bigint columns arrive as strings from pg (numbers from PGlite); the readers convert. */
type Money = ColumnType<string | number, number, number>;
type NullableMoney = ColumnType<string | number | null, number | null | undefined, number | null>;

export interface ReturnLine { lineId: string; quantity: number }
export type StepSide = 'buyer' | 'supplier' | 'operator' | 'system';
export type DisputeDecision = 'buyer' | 'seller' | 'partial';

interface AfterSalesTable {
  id: string;
  order_id: string;
  order_number: string;
  buyer_company_id: string;
  supplier_company_id: string;
  kind: AfterSaleKind;
  status: AfterSaleStatus;
  reason: string;
  description: string;
  evidence_ids: ColumnType<string[], string[] | undefined, string[]>;
  lines: Json<ReturnLine[]>;
  before_shipment: ColumnType<boolean, boolean | undefined, boolean>;
  currency: ColumnType<string, string | undefined, string>;
  amount_requested: Money;
  amount_proposed: NullableMoney;
  amount_refunded: ColumnType<string | number, number | undefined, number>;
  seller_reason: string | null;
  return_carrier: string | null;
  return_waybill_no: string | null;
  return_shipped_at: NullableTimestamp;
  replacement_carrier: string | null;
  replacement_waybill_no: string | null;
  due_at: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: NullableTimestamp;
}

interface StepsTable {
  id: string;
  after_sale_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_name: string;
  side: StepSide;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string;
  evidence_ids: ColumnType<string[], string[] | undefined, string[]>;
  amount: NullableMoney;
}

interface DisputesTable {
  id: string;
  after_sale_id: string;
  order_id: string;
  buyer_company_id: string;
  supplier_company_id: string;
  opened_by_company: string | null;
  opened_by_side: 'buyer' | 'supplier' | 'system';
  reason: string;
  status: ColumnType<'open' | 'decided', 'open' | 'decided' | undefined, 'open' | 'decided'>;
  decision: DisputeDecision | null;
  refund_amount: NullableMoney;
  operator_note: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
}

type Tables = { after_sales: AfterSalesTable; after_sale_steps: StepsTable; disputes: DisputesTable };
const t = (db: Db) => db.withTables<Tables>();

export interface AfterSaleRow extends Omit<Selectable<AfterSalesTable>, 'amount_requested' | 'amount_proposed' | 'amount_refunded'> {
  amount_requested: number; amount_proposed: number | null; amount_refunded: number;
}
export interface StepRow extends Omit<Selectable<StepsTable>, 'amount'> { amount: number | null }
export interface DisputeRow extends Omit<Selectable<DisputesTable>, 'refund_amount'> { refund_amount: number | null }

const n = (v: string | number | null): number | null => (v === null ? null : Number(v));

function afterSale(r: Selectable<AfterSalesTable>): AfterSaleRow {
  return { ...r, amount_requested: Number(r.amount_requested), amount_proposed: n(r.amount_proposed), amount_refunded: Number(r.amount_refunded) };
}
function step(r: Selectable<StepsTable>): StepRow {
  return { ...r, amount: n(r.amount) };
}
function dispute(r: Selectable<DisputesTable>): DisputeRow {
  return { ...r, refund_amount: n(r.refund_amount) };
}

// ---- after-sales requests

export interface NewAfterSale {
  id: string; orderId: string; orderNumber: string; buyerCompanyId: string; supplierCompanyId: string; kind: AfterSaleKind;
  reason: string; description: string; evidenceIds: string[]; lines: ReturnLine[]; beforeShipment: boolean;
  amountRequested: number; dueAt: Date | null; createdBy: string; at: Date;
}

/** Serializes request creation per order (with openForOrder, the one-open-request rule; the partial unique index backs it up). */
export async function lockOrder(trx: Db, orderId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`after_sales.order:${orderId}`}, 0))`.execute(trx);
}

export async function insertAfterSale(trx: Db, a: NewAfterSale): Promise<void> {
  await t(trx).insertInto('after_sales').values({
    id: a.id, order_id: a.orderId, order_number: a.orderNumber, buyer_company_id: a.buyerCompanyId, supplier_company_id: a.supplierCompanyId,
    kind: a.kind, status: 'requested', reason: a.reason, description: a.description, evidence_ids: a.evidenceIds, lines: JSON.stringify(a.lines),
    before_shipment: a.beforeShipment, amount_requested: a.amountRequested, due_at: a.dueAt, created_by: a.createdBy, created_at: a.at, updated_at: a.at,
  }).execute();
}

/** One request; with forUpdate, row-locked until the transaction ends (transitions serialize on it). */
export async function findAfterSale(db: Db, id: string, forUpdate = false): Promise<AfterSaleRow | undefined> {
  const q = t(db).selectFrom('after_sales').selectAll().where('id', '=', id);
  const r = await (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  return r ? afterSale(r) : undefined;
}

export interface AfterSalePatch {
  status?: AfterSaleStatus; amountProposed?: number | null; amountRefunded?: number; sellerReason?: string | null;
  returnShipment?: { carrier: string; waybillNo: string; at: Date }; replacement?: { carrier: string; waybillNo: string };
  dueAt?: Date | null; resolvedAt?: Date | null; evidenceIds?: string[];
}

export async function updateAfterSale(trx: Db, id: string, p: AfterSalePatch, at: Date): Promise<void> {
  await t(trx).updateTable('after_sales').set({
    updated_at: at,
    ...(p.status !== undefined ? { status: p.status } : {}),
    ...(p.amountProposed !== undefined ? { amount_proposed: p.amountProposed } : {}),
    ...(p.amountRefunded !== undefined ? { amount_refunded: p.amountRefunded } : {}),
    ...(p.sellerReason !== undefined ? { seller_reason: p.sellerReason } : {}),
    ...(p.returnShipment ? { return_carrier: p.returnShipment.carrier, return_waybill_no: p.returnShipment.waybillNo, return_shipped_at: p.returnShipment.at } : {}),
    ...(p.replacement ? { replacement_carrier: p.replacement.carrier, replacement_waybill_no: p.replacement.waybillNo } : {}),
    ...(p.dueAt !== undefined ? { due_at: p.dueAt } : {}),
    ...(p.resolvedAt !== undefined ? { resolved_at: p.resolvedAt } : {}),
    ...(p.evidenceIds !== undefined ? { evidence_ids: p.evidenceIds } : {}),
  }).where('id', '=', id).execute();
}

export interface ListFilter {
  companyId: string; side: 'buyer' | 'seller'; status?: AfterSaleStatus | 'open' | undefined; orderId?: string | undefined;
  beforeId?: string | undefined; limit: number;
}

export async function listAfterSales(db: Db, f: ListFilter): Promise<AfterSaleRow[]> {
  let q = t(db).selectFrom('after_sales').selectAll()
    .where(f.side === 'buyer' ? 'buyer_company_id' : 'supplier_company_id', '=', f.companyId);
  if (f.status === 'open') q = q.where('status', 'in', [...OPEN_STATUSES]);
  else if (f.status) q = q.where('status', '=', f.status);
  if (f.orderId) q = q.where('order_id', '=', f.orderId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return (await q.orderBy('id', 'desc').limit(f.limit).execute()).map(afterSale);
}

/** Per-status counts of a company's requests on one side. */
export async function statusCounts(db: Db, companyId: string, side: 'buyer' | 'seller'): Promise<Map<AfterSaleStatus, number>> {
  const rows = await t(db).selectFrom('after_sales').select(['status', sql<string>`count(*)`.as('n')])
    .where(side === 'buyer' ? 'buyer_company_id' : 'supplier_company_id', '=', companyId).groupBy('status').execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function openForOrder(db: Db, orderId: string): Promise<AfterSaleRow | undefined> {
  const r = await t(db).selectFrom('after_sales').selectAll().where('order_id', '=', orderId).where('status', 'in', [...OPEN_STATUSES]).executeTakeFirst();
  return r ? afterSale(r) : undefined;
}

/** The ids of the given orders that have an open request. */
export async function ordersWithOpen(db: Db, orderIds: string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await t(db).selectFrom('after_sales').select('order_id').where('order_id', 'in', orderIds).where('status', 'in', [...OPEN_STATUSES]).execute();
  return new Set(rows.map((r) => r.order_id));
}

/** Requests whose waiting party ran out of time (oldest first). */
export async function dueIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await t(db).selectFrom('after_sales').select('id').where('due_at', '<=', now).where('status', 'in', [...OPEN_STATUSES])
    .orderBy('due_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

// ---- steps (the thread)

export interface NewStep {
  id: string; afterSaleId: string; at: Date; actorUserId: string | null; actorName: string; side: StepSide; action: string;
  fromStatus: AfterSaleStatus | null; toStatus: AfterSaleStatus; note: string; evidenceIds: string[]; amount: number | null;
}

export async function insertStep(trx: Db, s: NewStep): Promise<void> {
  await t(trx).insertInto('after_sale_steps').values({
    id: s.id, after_sale_id: s.afterSaleId, at: s.at, actor_user_id: s.actorUserId, actor_name: s.actorName, side: s.side, action: s.action,
    from_status: s.fromStatus, to_status: s.toStatus, note: s.note, evidence_ids: s.evidenceIds, amount: s.amount,
  }).execute();
}

export async function stepsOf(db: Db, afterSaleId: string): Promise<StepRow[]> {
  return (await t(db).selectFrom('after_sale_steps').selectAll().where('after_sale_id', '=', afterSaleId).orderBy('at').orderBy('id').execute()).map(step);
}

/** Whether a file is evidence of the request or one of its steps (its parties and operators may then download it). */
export async function hasEvidence(db: Db, afterSaleId: string, fileId: string): Promise<boolean> {
  const onRequest = await t(db).selectFrom('after_sales').select('id').where('id', '=', afterSaleId)
    .where(sql<boolean>`${fileId}::uuid = ANY(evidence_ids)`).executeTakeFirst();
  if (onRequest) return true;
  const onStep = await t(db).selectFrom('after_sale_steps').select('id').where('after_sale_id', '=', afterSaleId)
    .where(sql<boolean>`${fileId}::uuid = ANY(evidence_ids)`).executeTakeFirst();
  return onStep !== undefined;
}

// ---- disputes

export interface NewDispute {
  id: string; afterSaleId: string; orderId: string; buyerCompanyId: string; supplierCompanyId: string;
  openedByCompany: string | null; openedBySide: 'buyer' | 'supplier' | 'system'; reason: string; at: Date;
}

export async function insertDispute(trx: Db, d: NewDispute): Promise<void> {
  await t(trx).insertInto('disputes').values({
    id: d.id, after_sale_id: d.afterSaleId, order_id: d.orderId, buyer_company_id: d.buyerCompanyId, supplier_company_id: d.supplierCompanyId,
    opened_by_company: d.openedByCompany, opened_by_side: d.openedBySide, reason: d.reason, created_at: d.at,
  }).execute();
}

export async function findDispute(db: Db, id: string, forUpdate = false): Promise<DisputeRow | undefined> {
  const q = t(db).selectFrom('disputes').selectAll().where('id', '=', id);
  const r = await (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  return r ? dispute(r) : undefined;
}

export async function disputeOf(db: Db, afterSaleId: string): Promise<DisputeRow | undefined> {
  const r = await t(db).selectFrom('disputes').selectAll().where('after_sale_id', '=', afterSaleId).executeTakeFirst();
  return r ? dispute(r) : undefined;
}

export async function disputesOf(db: Db, afterSaleIds: string[]): Promise<Map<string, DisputeRow>> {
  if (afterSaleIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('disputes').selectAll().where('after_sale_id', 'in', afterSaleIds).execute();
  return new Map(rows.map((r) => [r.after_sale_id, dispute(r)]));
}

export async function listDisputes(db: Db, f: { status?: 'open' | 'decided' | undefined; beforeId?: string | undefined; limit: number }): Promise<DisputeRow[]> {
  let q = t(db).selectFrom('disputes').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return (await q.orderBy('id', 'desc').limit(f.limit).execute()).map(dispute);
}

export async function decideDispute(trx: Db, id: string, d: { decision: DisputeDecision; refundAmount: number; note: string; by: string; at: Date }): Promise<void> {
  await t(trx).updateTable('disputes').set({
    status: 'decided', decision: d.decision, refund_amount: d.refundAmount, operator_note: d.note, decided_by: d.by, decided_at: d.at,
  }).where('id', '=', id).execute();
}

export async function afterSalesByIds(db: Db, ids: string[]): Promise<Map<string, AfterSaleRow>> {
  if (ids.length === 0) return new Map();
  const rows = await t(db).selectFrom('after_sales').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, afterSale(r)]));
}
