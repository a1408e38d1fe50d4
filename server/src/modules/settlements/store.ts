import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type PayoutStatus = 'requested' | 'paid' | 'failed';
export type CreditLineStatus = 'active' | 'frozen';
export interface BankAccount { name: string; accountNo: string; accountName: string }

interface PayoutsTable {
  id: string;
  company_id: string;
  amount: number;
  currency: Defaulted<string>;
  bank: Json<BankAccount>;
  status: PayoutStatus;
  provider: string;
  bank_reference: string | null;
  failure_reason: string | null;
  requested_by: string | null;
  settled_by: string | null;
  created_at: Timestamp;
  settled_at: NullableTimestamp;
}
interface CreditLinesTable {
  company_id: string;
  credit_limit: number;
  used: Defaulted<number>;
  currency: Defaulted<string>;
  status: CreditLineStatus;
  suggested_from_grade: string | null;
  suggested_limit: number | null;
  note: Defaulted<string>;
  /** Days from receipt to due; null: the platform's default term. */
  term_days: number | null;
  granted_by: string | null;
  granted_at: Timestamp;
  updated_at: Timestamp;
}
interface CreditDrawsTable {
  id: string;
  company_id: string;
  order_id: string;
  amount: number;
  released: Defaulted<number>;
  currency: Defaulted<string>;
  due_at: NullableTimestamp;
  billed_at: NullableTimestamp;
  repaid_at: NullableTimestamp;
  repaid_amount: Defaulted<number>;
  repayment_intent_id: string | null;
  overdue_at: NullableTimestamp;
  /** The line's term when drawn; null: the platform's default term. */
  term_days: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
interface CreditRemindersTable {
  draw_id: string;
  kind: 'due_soon' | 'overdue';
  on_date: string;
  sent_at: Timestamp;
}

type SettlementsTables = {
  payouts: PayoutsTable;
  credit_lines: CreditLinesTable;
  credit_draws: CreditDrawsTable;
  credit_reminders: CreditRemindersTable;
};

export type PayoutRow = Selectable<PayoutsTable>;
export type CreditLineRow = Selectable<CreditLinesTable>;
export type CreditDrawRow = Selectable<CreditDrawsTable>;

const t = (db: Db) => db.withTables<SettlementsTables>();

// ---- locks

/**
 * Serializes the debits of one seller's available balance (payout requests) across connections: a transaction-scoped
 * advisory lock keyed by the company, released at COMMIT/ROLLBACK. Credits (releases) need no lock: they only add.
 */
export async function lockSellerBalance(db: Db, companyId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`settlements:available:${companyId}`}, 0))`.execute(db);
}

// ---- payouts

export async function insertPayout(db: Db, p: { id: string; companyId: string; amount: number; currency: string; bank: BankAccount; provider: string; requestedBy: string }): Promise<PayoutRow> {
  return t(db).insertInto('payouts').values({
    id: p.id, company_id: p.companyId, amount: p.amount, currency: p.currency, bank: JSON.stringify(p.bank), status: 'requested', provider: p.provider,
    bank_reference: null, failure_reason: null, requested_by: p.requestedBy, settled_by: null,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function findPayout(db: Db, id: string, forUpdate = false): Promise<PayoutRow | undefined> {
  let q = t(db).selectFrom('payouts').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function settlePayout(db: Db, id: string, s: { status: 'paid' | 'failed'; bankReference?: string | null; failureReason?: string | null; settledBy: string | null }): Promise<PayoutRow> {
  return t(db).updateTable('payouts')
    .set({ status: s.status, bank_reference: s.bankReference ?? null, failure_reason: s.failureReason ?? null, settled_by: s.settledBy, settled_at: new Date() })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listPayouts(db: Db, filter: { companyId?: string | undefined; status?: PayoutStatus | undefined; beforeId?: string | undefined; limit: number }): Promise<PayoutRow[]> {
  let q = t(db).selectFrom('payouts').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.companyId) q = q.where('company_id', '=', filter.companyId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.execute();
}

/** Sum of requested (not yet settled) payouts: of one company, or of all. */
export async function inFlightTotal(db: Db, companyId?: string): Promise<number> {
  let q = t(db).selectFrom('payouts').select(sql<string>`coalesce(sum(amount), 0)::bigint`.as('total')).where('status', '=', 'requested');
  if (companyId) q = q.where('company_id', '=', companyId);
  return Number((await q.executeTakeFirst())?.total ?? 0);
}

// ---- credit lines

export async function findCreditLine(db: Db, companyId: string, forUpdate = false): Promise<CreditLineRow | undefined> {
  let q = t(db).selectFrom('credit_lines').selectAll().where('company_id', '=', companyId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function upsertCreditLine(db: Db, l: { companyId: string; limit: number; status: CreditLineStatus; termDays: number | null; suggestedFromGrade: string | null; suggestedLimit: number | null; note: string; grantedBy: string }): Promise<CreditLineRow> {
  const now = new Date();
  return t(db).insertInto('credit_lines').values({
    company_id: l.companyId, credit_limit: l.limit, status: l.status, term_days: l.termDays, suggested_from_grade: l.suggestedFromGrade, suggested_limit: l.suggestedLimit,
    note: l.note, granted_by: l.grantedBy, granted_at: now, updated_at: now,
  }).onConflict((oc) => oc.column('company_id').doUpdateSet({
    credit_limit: l.limit, status: l.status, term_days: l.termDays, suggested_from_grade: l.suggestedFromGrade, suggested_limit: l.suggestedLimit, note: l.note,
    granted_by: l.grantedBy, updated_at: now,
  })).returningAll().executeTakeFirstOrThrow();
}

export async function addUsed(db: Db, companyId: string, delta: number): Promise<void> {
  await t(db).updateTable('credit_lines').set({ used: sql<number>`greatest(used + ${delta}, 0)`, updated_at: new Date() }).where('company_id', '=', companyId).execute();
}

/** Companies whose active line takes the platform's default term (no term of its own). */
export async function companiesOnDefaultTerm(db: Db): Promise<string[]> {
  const rows = await t(db).selectFrom('credit_lines').select('company_id').where('term_days', 'is', null).where('status', '=', 'active').orderBy('company_id').execute();
  return rows.map((r) => r.company_id);
}

export async function listCreditLines(db: Db, filter: { status?: CreditLineStatus | undefined; afterCompanyId?: string | undefined; limit: number }): Promise<CreditLineRow[]> {
  let q = t(db).selectFrom('credit_lines').selectAll().orderBy('company_id').limit(filter.limit + 1);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.afterCompanyId) q = q.where('company_id', '>', filter.afterCompanyId);
  return q.execute();
}

// ---- draws (bills)

export async function findDraw(db: Db, id: string, forUpdate = false): Promise<CreditDrawRow | undefined> {
  let q = t(db).selectFrom('credit_draws').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findDrawByOrder(db: Db, orderId: string, forUpdate = false): Promise<CreditDrawRow | undefined> {
  let q = t(db).selectFrom('credit_draws').selectAll().where('order_id', '=', orderId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertDraw(db: Db, d: { id: string; companyId: string; orderId: string; amount: number; currency: string; termDays: number | null }): Promise<CreditDrawRow> {
  return t(db).insertInto('credit_draws').values({ id: d.id, company_id: d.companyId, order_id: d.orderId, amount: d.amount, currency: d.currency, term_days: d.termDays, repayment_intent_id: null })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updateDraw(db: Db, id: string, patch: Partial<{ released: number; due_at: Date; billed_at: Date; repaid_at: Date; repaid_amount: number; repayment_intent_id: string | null; overdue_at: Date }>): Promise<CreditDrawRow> {
  return t(db).updateTable('credit_draws').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function drawsOf(db: Db, companyId: string, limit = 200): Promise<CreditDrawRow[]> {
  return t(db).selectFrom('credit_draws').selectAll().where('company_id', '=', companyId).orderBy('id', 'desc').limit(limit).execute();
}

/** Billed, unpaid bills with something outstanding whose due date passed: the ones that block new draws. */
export async function overdueOf(db: Db, companyId: string, now: Date): Promise<{ count: number; amount: number }> {
  const r = await t(db).selectFrom('credit_draws')
    .select([sql<string>`count(*)::bigint`.as('n'), sql<string>`coalesce(sum(amount - released), 0)::bigint`.as('amount')])
    .where('company_id', '=', companyId).where('repaid_at', 'is', null).where('billed_at', 'is not', null)
    .where('due_at', '<', now).where(sql<boolean>`amount > released`)
    .executeTakeFirst();
  return { count: Number(r?.n ?? 0), amount: Number(r?.amount ?? 0) };
}

export async function overdueByCompany(db: Db, companyIds: string[], now: Date): Promise<Map<string, { count: number; amount: number }>> {
  if (companyIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('credit_draws')
    .select(['company_id', sql<string>`count(*)::bigint`.as('n'), sql<string>`coalesce(sum(amount - released), 0)::bigint`.as('amount')])
    .where('company_id', 'in', companyIds).where('repaid_at', 'is', null).where('billed_at', 'is not', null)
    .where('due_at', '<', now).where(sql<boolean>`amount > released`)
    .groupBy('company_id').execute();
  return new Map(rows.map((r) => [r.company_id, { count: Number(r.n), amount: Number(r.amount) }]));
}

/** Billed, unpaid bills due before `until` (for the reminder sweep), oldest due first. */
export async function billsDueBefore(db: Db, until: Date, afterId: string | null, limit: number): Promise<CreditDrawRow[]> {
  let q = t(db).selectFrom('credit_draws').selectAll()
    .where('repaid_at', 'is', null).where('billed_at', 'is not', null).where('due_at', '<', until).where(sql<boolean>`amount > released`)
    .orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

/** Σ outstanding of billed, unpaid bills: what the receivable accounts should sum to. */
export async function billedOutstanding(db: Db): Promise<number> {
  const r = await t(db).selectFrom('credit_draws').select(sql<string>`coalesce(sum(amount - released), 0)::bigint`.as('total'))
    .where('repaid_at', 'is', null).where('billed_at', 'is not', null).executeTakeFirst();
  return Number(r?.total ?? 0);
}

/** Records a reminder; false when that one was already sent (so the caller sends nothing). */
export async function claimReminder(db: Db, drawId: string, kind: 'due_soon' | 'overdue', onDate: string): Promise<boolean> {
  const r = await t(db).insertInto('credit_reminders').values({ draw_id: drawId, kind, on_date: onDate }).onConflict((oc) => oc.columns(['draw_id', 'kind', 'on_date']).doNothing()).returning('draw_id').executeTakeFirst();
  return r !== undefined;
}

export async function hasReminder(db: Db, drawId: string, kind: 'due_soon' | 'overdue'): Promise<boolean> {
  return (await t(db).selectFrom('credit_reminders').select('draw_id').where('draw_id', '=', drawId).where('kind', '=', kind).executeTakeFirst()) !== undefined;
}
