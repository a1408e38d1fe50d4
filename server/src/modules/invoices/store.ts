import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { NullableTimestamp, Timestamp } from '../../platform/tables.js';

export type InvoiceKind = 'ordinary' | 'vat_special';

interface ProfilesTable {
  id: string;
  company_id: string;
  kind: InvoiceKind;
  title: string;
  tax_no: string;
  bank_name: string | null;
  bank_account: string | null;
  address: string | null;
  phone: string | null;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
}
interface IssuedTable {
  id: string;
  order_id: string;
  supplier_company_id: string;
  buyer_company_id: string;
  kind: InvoiceKind;
  number: string;
  issued_on: ColumnType<string, string, string>;
  amount: ColumnType<number, number, number>;
  file_id: string | null;
  note: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: Timestamp;
}

type InvoicesTables = { invoice_profiles: ProfilesTable; issued_invoices: IssuedTable };

export type ProfileRow = Selectable<ProfilesTable>;
export type IssuedRow = Selectable<IssuedTable>;

const t = (db: Db) => db.withTables<InvoicesTables>();

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---- profiles

export async function profilesOf(db: Db, companyId: string): Promise<ProfileRow[]> {
  return t(db).selectFrom('invoice_profiles').selectAll().where('company_id', '=', companyId).where('archived_at', 'is', null)
    .orderBy('is_default', 'desc').orderBy('id', 'desc').execute();
}

/** A profile by id, archived ones too (an order keeps showing the profile it named). */
export async function findProfile(db: Db, id: string, forUpdate = false): Promise<ProfileRow | undefined> {
  let q = t(db).selectFrom('invoice_profiles').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function countProfiles(db: Db, companyId: string): Promise<number> {
  const r = await t(db).selectFrom('invoice_profiles').select((eb) => eb.fn.countAll<number>().as('n')).where('company_id', '=', companyId).where('archived_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface ProfileFields {
  kind: InvoiceKind;
  title: string;
  taxNo: string;
  bankName: string | null;
  bankAccount: string | null;
  address: string | null;
  phone: string | null;
}

const columns = (f: ProfileFields) => ({
  kind: f.kind, title: f.title, tax_no: f.taxNo, bank_name: f.bankName, bank_account: f.bankAccount, address: f.address, phone: f.phone,
});

export async function insertProfile(db: Db, p: { id: string; companyId: string; createdBy: string; isDefault: boolean; fields: ProfileFields }): Promise<ProfileRow> {
  return t(db).insertInto('invoice_profiles').values({ id: p.id, company_id: p.companyId, created_by: p.createdBy, is_default: p.isDefault, ...columns(p.fields) }).returningAll().executeTakeFirstOrThrow();
}

export async function updateProfile(db: Db, id: string, fields: ProfileFields): Promise<ProfileRow> {
  return t(db).updateTable('invoice_profiles').set({ ...columns(fields), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Makes one live profile the company's default (clearing the others first, for the partial unique index). */
export async function makeDefault(db: Db, companyId: string, id: string): Promise<void> {
  await t(db).updateTable('invoice_profiles').set({ is_default: false }).where('company_id', '=', companyId).where('is_default', '=', true).where('id', '<>', id).execute();
  await t(db).updateTable('invoice_profiles').set({ is_default: true, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function archiveProfile(db: Db, id: string): Promise<void> {
  await t(db).updateTable('invoice_profiles').set({ archived_at: new Date(), is_default: false, updated_at: new Date() }).where('id', '=', id).execute();
}

/** The newest live profile, to inherit the default when the default one is archived. */
export async function newestProfile(db: Db, companyId: string): Promise<ProfileRow | undefined> {
  return t(db).selectFrom('invoice_profiles').selectAll().where('company_id', '=', companyId).where('archived_at', 'is', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Serializes default changes of one company (two first profiles created at once must not both be default). */
export async function lockCompany(db: Db, companyId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`invoice_profiles:${companyId}`}, 0))`.execute(db);
}

// ---- issued invoices

export async function issuedFor(db: Db, orderId: string): Promise<IssuedRow[]> {
  const rows = await t(db).selectFrom('issued_invoices').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

export async function findIssued(db: Db, orderId: string, id: string): Promise<IssuedRow | undefined> {
  const r = await t(db).selectFrom('issued_invoices').selectAll().where('order_id', '=', orderId).where('id', '=', id).executeTakeFirst();
  return r ? { ...r, amount: Number(r.amount) } : undefined;
}

export async function insertIssued(db: Db, r: Omit<IssuedRow, 'created_at' | 'note'> & { note: string }): Promise<IssuedRow> {
  const row = await t(db).insertInto('issued_invoices').values(r).returningAll().executeTakeFirstOrThrow();
  return { ...row, amount: Number(row.amount) };
}

/** Serializes recording on one order, so two invoices at once cannot together exceed the order's amount. */
export async function lockOrder(db: Db, orderId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`issued_invoices:${orderId}`}, 0))`.execute(db);
}
