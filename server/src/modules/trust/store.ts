import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';
import type { RegistryRecord } from './registry.js';

export type VerificationStatus = 'pending' | 'approved' | 'rejected' | 'revoked';

interface VerificationsTable {
  id: string;
  company_id: string;
  status: VerificationStatus;
  uscc: string;
  legal_name: string;
  legal_representative: string;
  registered_capital: string;
  established_on: string;
  registered_address: string;
  business_scope: string;
  license_file_id: string;
  registry_provider: string;
  registry_record: Json<RegistryRecord | null>;
  mismatches: string[];
  submitted_by: string;
  submitted_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
  revoked_by: string | null;
  revoked_at: NullableTimestamp;
}

interface FieldVerificationsTable {
  id: string;
  company_id: string;
  visited_on: string;
  inspector: string;
  photo_file_ids: string[];
  notes: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

type TrustTables = {
  verifications: VerificationsTable;
  field_verifications: FieldVerificationsTable;
};

export type VerificationRow = Selectable<VerificationsTable>;
export type FieldVerificationRow = Selectable<FieldVerificationsTable>;

const t = (db: Db) => db.withTables<TrustTables>();

export async function insertVerification(db: Db, v: Omit<VerificationRow, 'submitted_at' | 'decided_by' | 'decided_at' | 'reason' | 'revoked_by' | 'revoked_at' | 'registry_record'> & { registry_record: RegistryRecord | null }): Promise<VerificationRow> {
  return t(db).insertInto('verifications').values({ ...v, registry_record: JSON.stringify(v.registry_record) }).returningAll().executeTakeFirstOrThrow();
}

export async function latestVerification(db: Db, companyId: string): Promise<VerificationRow | undefined> {
  return t(db).selectFrom('verifications').selectAll().where('company_id', '=', companyId).orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function latestApproved(db: Db, companyId: string): Promise<VerificationRow | undefined> {
  return t(db).selectFrom('verifications').selectAll().where('company_id', '=', companyId).where('status', '=', 'approved').orderBy('decided_at', 'desc').limit(1).executeTakeFirst();
}

export async function approvedAmong(db: Db, companyIds: string[]): Promise<Set<string>> {
  if (companyIds.length === 0) return new Set();
  const rows = await t(db).selectFrom('verifications').select('company_id').distinct().where('company_id', 'in', companyIds).where('status', '=', 'approved').execute();
  return new Set(rows.map((r) => r.company_id));
}

/** Per company among these: when its latest approval was decided, and whether an inspector visited it (one query). */
export async function publicMarksAmong(db: Db, companyIds: string[]): Promise<Map<string, { verifiedAt: Date; fieldVisited: boolean }>> {
  if (companyIds.length === 0) return new Map();
  const rows = await sql<{ company_id: string; verified_at: Date; field_visited: boolean }>`
    SELECT v.company_id, max(v.decided_at) AS verified_at,
           EXISTS (SELECT 1 FROM field_verifications f WHERE f.company_id = v.company_id) AS field_visited
    FROM verifications v WHERE v.company_id = ANY(${companyIds}::uuid[]) AND v.status = 'approved' GROUP BY v.company_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.company_id, { verifiedAt: r.verified_at, fieldVisited: r.field_visited }]));
}

export async function findVerification(db: Db, id: string, forUpdate = false): Promise<VerificationRow | undefined> {
  let q = t(db).selectFrom('verifications').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Withdraws earlier pending submissions of the company when it submits again. */
export async function supersedePending(db: Db, companyId: string): Promise<void> {
  await t(db).deleteFrom('verifications').where('company_id', '=', companyId).where('status', '=', 'pending').execute();
}

export async function listVerifications(db: Db, filter: { status?: VerificationStatus | undefined; beforeId?: string | undefined; limit: number }): Promise<VerificationRow[]> {
  let q = t(db).selectFrom('verifications').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.execute();
}

export async function decide(db: Db, id: string, d: { status: 'approved' | 'rejected'; decidedBy: string; reason: string | null }): Promise<VerificationRow> {
  return t(db)
    .updateTable('verifications')
    .set({ status: d.status, decided_by: d.decidedBy, decided_at: new Date(), reason: d.reason })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertFieldVerification(db: Db, f: Omit<FieldVerificationRow, 'recorded_at'>): Promise<FieldVerificationRow> {
  return t(db).insertInto('field_verifications').values(f).returningAll().executeTakeFirstOrThrow();
}

export async function fieldVerifications(db: Db, companyId: string): Promise<FieldVerificationRow[]> {
  return t(db).selectFrom('field_verifications').selectAll().where('company_id', '=', companyId).orderBy('visited_on', 'desc').execute();
}

export async function revoke(db: Db, id: string, r: { revokedBy: string; reason: string }): Promise<void> {
  await t(db).updateTable('verifications').set({ status: 'revoked', revoked_by: r.revokedBy, revoked_at: new Date(), reason: r.reason }).where('id', '=', id).execute();
}

export async function countRejected(db: Db, companyId: string): Promise<number> {
  const r = await t(db).selectFrom('verifications').select((eb) => eb.fn.countAll<number>().as('n')).where('company_id', '=', companyId).where('status', '=', 'rejected').executeTakeFirstOrThrow();
  return Number(r.n);
}
