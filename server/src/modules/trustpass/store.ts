import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { NullableTimestamp, Timestamp } from '../../platform/tables.js';

interface PlansTable {
  id: string; code: string; name_zh: string; name_en: string; annual_price: number; currency: string; publish_limit: number;
  rfq_quote_quota: number; badge: string; active: boolean; created_at: Timestamp; updated_at: Timestamp;
}
interface PurchasesTable {
  id: string; company_id: string; plan_id: string; years: number; amount: number; currency: string; payment_intent_id: string;
  status: 'pending' | 'paid' | 'failed'; created_by: string; created_at: Timestamp; paid_at: NullableTimestamp;
}
interface MembershipsTable { company_id: string; plan_id: string; run_started_at: Timestamp; expires_at: Timestamp; updated_at: Timestamp }
interface RemindersTable { company_id: string; expires_at: Timestamp; kind: string; sent_at: Timestamp }

type TrustpassTables = {
  trustpass_plans: PlansTable;
  trustpass_purchases: PurchasesTable;
  trustpass_memberships: MembershipsTable;
  trustpass_reminders: RemindersTable;
};

export type PlanRow = Selectable<PlansTable>;
export type PurchaseRow = Selectable<PurchasesTable>;
export type MembershipRow = Selectable<MembershipsTable>;

const t = (db: Db) => db.withTables<TrustpassTables>();

export interface PlanFields { code: string; nameZh: string; nameEn: string; annualPrice: number; currency: string; publishLimit: number; rfqQuoteQuota: number; badge: string; active: boolean }

const planColumns = (f: Partial<PlanFields>) => ({
  ...(f.code !== undefined ? { code: f.code } : {}),
  ...(f.nameZh !== undefined ? { name_zh: f.nameZh } : {}),
  ...(f.nameEn !== undefined ? { name_en: f.nameEn } : {}),
  ...(f.annualPrice !== undefined ? { annual_price: f.annualPrice } : {}),
  ...(f.currency !== undefined ? { currency: f.currency } : {}),
  ...(f.publishLimit !== undefined ? { publish_limit: f.publishLimit } : {}),
  ...(f.rfqQuoteQuota !== undefined ? { rfq_quote_quota: f.rfqQuoteQuota } : {}),
  ...(f.badge !== undefined ? { badge: f.badge } : {}),
  ...(f.active !== undefined ? { active: f.active } : {}),
});

export async function insertPlan(db: Db, id: string, f: PlanFields): Promise<PlanRow> {
  return t(db).insertInto('trustpass_plans').values({ id, ...planColumns(f) } as PlanRow).returningAll().executeTakeFirstOrThrow();
}

export async function updatePlan(db: Db, id: string, f: Partial<PlanFields>): Promise<PlanRow | undefined> {
  return t(db).updateTable('trustpass_plans').set({ ...planColumns(f), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  return t(db).selectFrom('trustpass_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanByCode(db: Db, code: string): Promise<PlanRow | undefined> {
  return t(db).selectFrom('trustpass_plans').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listPlans(db: Db, onlyActive: boolean): Promise<PlanRow[]> {
  let q = t(db).selectFrom('trustpass_plans').selectAll().orderBy('annual_price');
  if (onlyActive) q = q.where('active', '=', true);
  return q.execute();
}

export async function insertPurchase(db: Db, p: Omit<PurchaseRow, 'created_at' | 'paid_at' | 'status'>): Promise<PurchaseRow> {
  return t(db).insertInto('trustpass_purchases').values({ ...p, status: 'pending' }).returningAll().executeTakeFirstOrThrow();
}

export async function findPurchase(db: Db, id: string, forUpdate = false): Promise<PurchaseRow | undefined> {
  let q = t(db).selectFrom('trustpass_purchases').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markPurchase(db: Db, id: string, status: 'paid' | 'failed'): Promise<void> {
  await t(db).updateTable('trustpass_purchases').set({ status, paid_at: status === 'paid' ? new Date() : null }).where('id', '=', id).execute();
}

export async function purchasesOf(db: Db, companyId: string): Promise<PurchaseRow[]> {
  return t(db).selectFrom('trustpass_purchases').selectAll().where('company_id', '=', companyId).orderBy('created_at', 'desc').limit(50).execute();
}

export async function findMembership(db: Db, companyId: string, forUpdate = false): Promise<MembershipRow | undefined> {
  let q = t(db).selectFrom('trustpass_memberships').selectAll().where('company_id', '=', companyId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function membershipsOf(db: Db, companyIds: string[]): Promise<MembershipRow[]> {
  if (companyIds.length === 0) return [];
  return t(db).selectFrom('trustpass_memberships').selectAll().where('company_id', 'in', companyIds).execute();
}

export async function upsertMembership(db: Db, m: { companyId: string; planId: string; runStartedAt: Date; expiresAt: Date }): Promise<void> {
  await t(db)
    .insertInto('trustpass_memberships')
    .values({ company_id: m.companyId, plan_id: m.planId, run_started_at: m.runStartedAt, expires_at: m.expiresAt })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ plan_id: m.planId, run_started_at: m.runStartedAt, expires_at: m.expiresAt, updated_at: new Date() }))
    .execute();
}

/** Memberships whose expiry falls in [from, to). */
export async function expiringBetween(db: Db, from: Date, to: Date): Promise<MembershipRow[]> {
  return t(db).selectFrom('trustpass_memberships').selectAll().where('expires_at', '>=', from).where('expires_at', '<', to).execute();
}

/** Records a reminder; false when this one was already sent. */
export async function claimReminder(db: Db, companyId: string, expiresAt: Date, kind: string): Promise<boolean> {
  const r = await sql`INSERT INTO trustpass_reminders (company_id, expires_at, kind) VALUES (${companyId}, ${expiresAt}, ${kind}) ON CONFLICT DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}
