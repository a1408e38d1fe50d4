import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';
import type { Specification } from './spec.js';
import type { QuoteStatus, RfqStatus } from './states.js';

/** numeric columns: exact decimal strings when read, numbers when written. */
type Numeric = ColumnType<string, number, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

interface RfqsTable {
  id: string;
  company_id: string;
  created_by: string;
  status: RfqStatus;
  title: string;
  description: Defaulted<string>;
  category_id: string;
  category_path_ids: string[];
  category_name_zh: string;
  category_name_en: string;
  specification: Json<Specification>;
  quantity: Numeric;
  unit: string;
  target_unit_price: number | null;
  currency: Defaulted<string>;
  delivery_province: string;
  delivery_date: string;
  quote_deadline: Timestamp;
  attachment_file_ids: Defaulted<string[]>;
  visibility: 'public' | 'invited';
  invited_company_ids: Defaulted<string[]>;
  supplier_provinces: Defaulted<string[]>;
  min_grade: string | null;
  buyer_province: string;
  buyer_grade: string | null;
  buyer_verified: Defaulted<boolean>;
  awarded_quote_id: string | null;
  matched_at: NullableTimestamp;
  closing_soon_sent_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  published_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}
interface RfqMatchesTable {
  rfq_id: string;
  company_id: string;
  reason: 'matched' | 'invited';
  rank: Defaulted<number>;
  created_at: Timestamp;
}
export interface QuoteTerms {
  unitPrice: number;
  priceTiers: Array<{ minQuantity: number; unitPrice: number }>;
  currency: string;
  leadTimeDays: number;
  validUntil: string;
  shippingTerms: string;
  sample: { unitPrice: number; maxQuantity: number } | null;
  notes: string;
  attachmentFileIds: string[];
}
interface QuotesTable {
  id: string;
  rfq_id: string;
  company_id: string;
  buyer_company_id: string;
  submitted_by: string;
  status: QuoteStatus;
  shortlisted: Defaulted<boolean>;
  revision: Defaulted<number>;
  unit_price: number;
  price_tiers: Json<QuoteTerms['priceTiers']>;
  currency: Defaulted<string>;
  lead_time_days: number;
  valid_until: string;
  shipping_terms: string;
  sample: ColumnType<QuoteTerms['sample'], string | null, string | null>;
  notes: Defaulted<string>;
  attachment_file_ids: Defaulted<string[]>;
  decline_reason: string | null;
  buyer_read_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}
interface QuoteRevisionsTable {
  quote_id: string;
  revision: number;
  terms: Json<QuoteTerms>;
  created_by: string;
  created_at: Timestamp;
}
interface QuoteMessagesTable {
  id: string;
  quote_id: string;
  author_user_id: string;
  side: 'buyer' | 'supplier';
  body: string;
  created_at: Timestamp;
}
interface QuoteQuotaUsageTable {
  company_id: string;
  month: string;
  used: number;
}

type RfqTables = {
  rfqs: RfqsTable; rfq_matches: RfqMatchesTable; quotes: QuotesTable; quote_revisions: QuoteRevisionsTable;
  quote_messages: QuoteMessagesTable; quote_quota_usage: QuoteQuotaUsageTable;
};

export type RfqRow = Selectable<RfqsTable>;
export type QuoteRow = Selectable<QuotesTable>;
export type QuoteRevisionRow = Selectable<QuoteRevisionsTable>;
export type QuoteMessageRow = Selectable<QuoteMessagesTable>;

const t = (db: Db) => db.withTables<RfqTables>();

const LIVE: QuoteStatus[] = ['submitted', 'accepted'];

// ---------------------------------------------------------------------------------------------------------
// RFQs

export interface RfqFields {
  title: string; description: string; categoryId: string; categoryPathIds: string[]; categoryNameZh: string; categoryNameEn: string;
  specification: Specification; quantity: number; unit: string; targetUnitPrice: number | null; deliveryProvince: string; deliveryDate: string;
  quoteDeadline: Date; attachmentFileIds: string[]; supplierProvinces: string[]; minGrade: string | null;
}

const rfqColumns = (f: RfqFields) => ({
  title: f.title, description: f.description, category_id: f.categoryId, category_path_ids: f.categoryPathIds, category_name_zh: f.categoryNameZh,
  category_name_en: f.categoryNameEn, specification: JSON.stringify(f.specification), quantity: f.quantity, unit: f.unit, target_unit_price: f.targetUnitPrice,
  delivery_province: f.deliveryProvince, delivery_date: f.deliveryDate, quote_deadline: f.quoteDeadline, attachment_file_ids: f.attachmentFileIds,
  supplier_provinces: f.supplierProvinces, min_grade: f.minGrade,
});

export async function insertRfq(db: Db, r: {
  id: string; companyId: string; createdBy: string; fields: RfqFields; visibility: 'public' | 'invited'; invitedCompanyIds: string[];
  buyerProvince: string; buyerGrade: string | null; buyerVerified: boolean;
}): Promise<RfqRow> {
  return t(db).insertInto('rfqs').values({
    id: r.id, company_id: r.companyId, created_by: r.createdBy, status: 'open', ...rfqColumns(r.fields), visibility: r.visibility,
    invited_company_ids: r.invitedCompanyIds, buyer_province: r.buyerProvince, buyer_grade: r.buyerGrade, buyer_verified: r.buyerVerified,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function updateRfq(db: Db, id: string, fields: RfqFields): Promise<RfqRow> {
  return t(db).updateTable('rfqs').set({ ...rfqColumns(fields), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findRfq(db: Db, id: string, forUpdate = false): Promise<RfqRow | undefined> {
  let q = t(db).selectFrom('rfqs').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findRfqs(db: Db, ids: string[]): Promise<RfqRow[]> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('rfqs').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function setRfqStatus(db: Db, id: string, status: RfqStatus, f: { awardedQuoteId?: string; closedAt?: Date } = {}): Promise<void> {
  await t(db).updateTable('rfqs').set({
    status, updated_at: new Date(),
    ...(f.awardedQuoteId !== undefined ? { awarded_quote_id: f.awardedQuoteId } : {}),
    ...(f.closedAt !== undefined ? { closed_at: f.closedAt } : {}),
  }).where('id', '=', id).execute();
}

export interface RfqListFilter {
  scope: 'market' | 'mine';
  companyId?: string | undefined;
  statuses?: RfqStatus[] | undefined;
  categoryId?: string | undefined;
  province?: string | undefined;
  q?: string | undefined;
  /** market: only RFQs matched to this company or in these categories. */
  matching?: { companyId: string; categoryIds: string[] } | undefined;
  deadlineBefore?: Date | undefined;
  /** market: only RFQs still taking quotes at this moment. */
  openAt?: Date | undefined;
  beforeId?: string | undefined;
  limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listRfqs(db: Db, f: RfqListFilter): Promise<RfqRow[]> {
  let q = t(db).selectFrom('rfqs').selectAll().orderBy('id', 'desc').limit(f.limit + 1);
  if (f.scope === 'market') q = q.where('visibility', '=', 'public').where('status', '=', 'open');
  if (f.companyId) q = q.where('company_id', '=', f.companyId);
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.categoryId) q = q.where(sql<boolean>`${f.categoryId}::uuid = ANY(category_path_ids)`);
  if (f.province) q = q.where('delivery_province', '=', f.province);
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(term)}%`;
    q = q.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('description', 'ilike', pattern), eb('category_name_zh', 'ilike', pattern), eb('category_name_en', 'ilike', pattern)]));
  }
  if (f.matching) {
    const { companyId, categoryIds } = f.matching;
    q = q.where((eb) => eb.or([
      eb.exists(eb.selectFrom('rfq_matches as m').select('m.rfq_id').whereRef('m.rfq_id', '=', 'rfqs.id').where('m.company_id', '=', companyId)),
      ...(categoryIds.length ? [eb('category_id', 'in', categoryIds)] : []),
    ]));
  }
  if (f.openAt) q = q.where('quote_deadline', '>', f.openAt);
  if (f.deadlineBefore) q = q.where('quote_deadline', '<=', f.deadlineBefore);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.execute();
}

export async function countRfqs(db: Db, f: { companyId: string; statuses: RfqStatus[] }): Promise<number> {
  const r = await t(db).selectFrom('rfqs').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('company_id', '=', f.companyId).where('status', 'in', f.statuses).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Open public RFQs still taking quotes that match the company (recorded match or category). */
export async function countMatching(db: Db, companyId: string, categoryIds: string[], now: Date): Promise<number> {
  const r = await t(db).selectFrom('rfqs').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'open').where('quote_deadline', '>', now).where('company_id', '!=', companyId)
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('rfq_matches as m').select('m.rfq_id').whereRef('m.rfq_id', '=', 'rfqs.id').where('m.company_id', '=', companyId)),
      ...(categoryIds.length ? [eb.and([eb('category_id', 'in', categoryIds), eb('visibility', '=', 'public')])] : []),
    ]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** RFQs the sweep must look at: open or awarded with the deadline passed. */
export async function pastDeadline(db: Db, now: Date, limit: number): Promise<RfqRow[]> {
  return t(db).selectFrom('rfqs').selectAll().where('status', 'in', ['open', 'awarded']).where('quote_deadline', '<=', now)
    .orderBy('quote_deadline').limit(limit).execute();
}

/** Open RFQs closing within the window that have not had their reminder. */
export async function closingSoon(db: Db, now: Date, until: Date, limit: number): Promise<RfqRow[]> {
  return t(db).selectFrom('rfqs').selectAll().where('status', '=', 'open').where('closing_soon_sent_at', 'is', null)
    .where('quote_deadline', '>', now).where('quote_deadline', '<=', until).orderBy('quote_deadline').limit(limit).execute();
}

export async function markClosingSoonSent(db: Db, id: string): Promise<boolean> {
  const r = await t(db).updateTable('rfqs').set({ closing_soon_sent_at: new Date() }).where('id', '=', id).where('closing_soon_sent_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Claims the RFQ's one matching run; false when it already ran. */
export async function claimMatching(db: Db, id: string): Promise<boolean> {
  const r = await t(db).updateTable('rfqs').set({ matched_at: new Date() }).where('id', '=', id).where('matched_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Matches

export async function insertMatches(db: Db, rfqId: string, rows: Array<{ companyId: string; reason: 'matched' | 'invited'; rank: number }>): Promise<void> {
  if (rows.length === 0) return;
  await t(db).insertInto('rfq_matches').values(rows.map((r) => ({ rfq_id: rfqId, company_id: r.companyId, reason: r.reason, rank: r.rank })))
    .onConflict((oc) => oc.columns(['rfq_id', 'company_id']).doNothing()).execute();
}

export async function matchesOf(db: Db, rfqId: string): Promise<Array<{ companyId: string; reason: 'matched' | 'invited'; rank: number }>> {
  const rows = await t(db).selectFrom('rfq_matches').select(['company_id', 'reason', 'rank']).where('rfq_id', '=', rfqId).orderBy('reason').orderBy('rank').execute();
  return rows.map((r) => ({ companyId: r.company_id, reason: r.reason, rank: r.rank }));
}

/** Which of these RFQs the company was matched to or invited to. */
export async function matchedRfqIds(db: Db, companyId: string, rfqIds: string[]): Promise<Set<string>> {
  if (rfqIds.length === 0) return new Set();
  const rows = await t(db).selectFrom('rfq_matches').select('rfq_id').where('company_id', '=', companyId).where('rfq_id', 'in', rfqIds).execute();
  return new Set(rows.map((r) => r.rfq_id));
}

// ---------------------------------------------------------------------------------------------------------
// Quotes

const quoteColumns = (terms: QuoteTerms) => ({
  unit_price: terms.unitPrice, price_tiers: JSON.stringify(terms.priceTiers), currency: terms.currency, lead_time_days: terms.leadTimeDays,
  valid_until: terms.validUntil, shipping_terms: terms.shippingTerms, sample: terms.sample ? JSON.stringify(terms.sample) : null, notes: terms.notes,
  attachment_file_ids: terms.attachmentFileIds,
});

export function termsOf(q: QuoteRow): QuoteTerms {
  return {
    unitPrice: Number(q.unit_price), priceTiers: q.price_tiers, currency: q.currency, leadTimeDays: q.lead_time_days, validUntil: q.valid_until,
    shippingTerms: q.shipping_terms, sample: q.sample, notes: q.notes, attachmentFileIds: q.attachment_file_ids,
  };
}

export async function insertQuote(db: Db, q: { id: string; rfqId: string; companyId: string; buyerCompanyId: string; submittedBy: string; terms: QuoteTerms }): Promise<QuoteRow> {
  const row = await t(db).insertInto('quotes').values({
    id: q.id, rfq_id: q.rfqId, company_id: q.companyId, buyer_company_id: q.buyerCompanyId, submitted_by: q.submittedBy, status: 'submitted', ...quoteColumns(q.terms),
  }).returningAll().executeTakeFirstOrThrow();
  await t(db).insertInto('quote_revisions').values({ quote_id: q.id, revision: 1, terms: JSON.stringify(q.terms), created_by: q.submittedBy }).execute();
  return row;
}

/** A new revision: the terms replaced, the old ones kept in quote_revisions, the buyer's unread mark reset. */
export async function reviseQuote(db: Db, id: string, revision: number, terms: QuoteTerms, by: string): Promise<QuoteRow> {
  const row = await t(db).updateTable('quotes').set({ ...quoteColumns(terms), revision, buyer_read_at: null, updated_at: new Date() })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await t(db).insertInto('quote_revisions').values({ quote_id: id, revision, terms: JSON.stringify(terms), created_by: by }).execute();
  return row;
}

export async function findQuote(db: Db, id: string, forUpdate = false): Promise<QuoteRow | undefined> {
  let q = t(db).selectFrom('quotes').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function liveQuoteOf(db: Db, rfqId: string, companyId: string): Promise<QuoteRow | undefined> {
  return t(db).selectFrom('quotes').selectAll().where('rfq_id', '=', rfqId).where('company_id', '=', companyId).where('status', 'in', LIVE).executeTakeFirst();
}

/** The company's quotes on these RFQs, newest first per RFQ (a supplier's own view). */
export async function quotesOfCompanyOn(db: Db, companyId: string, rfqIds: string[]): Promise<QuoteRow[]> {
  if (rfqIds.length === 0) return [];
  return t(db).selectFrom('quotes').selectAll().where('company_id', '=', companyId).where('rfq_id', 'in', rfqIds).orderBy('id', 'desc').execute();
}

/** Every quote on an RFQ except withdrawn ones (the buyer's view), oldest first. */
export async function quotesOnRfq(db: Db, rfqId: string, includeWithdrawn = false): Promise<QuoteRow[]> {
  let q = t(db).selectFrom('quotes').selectAll().where('rfq_id', '=', rfqId).orderBy('id');
  if (!includeWithdrawn) q = q.where('status', '!=', 'withdrawn');
  return q.execute();
}

export async function setQuoteStatus(db: Db, id: string, status: QuoteStatus, declineReason: string | null = null): Promise<QuoteRow> {
  return t(db).updateTable('quotes').set({ status, decline_reason: declineReason, decided_at: new Date(), updated_at: new Date() })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function setShortlisted(db: Db, id: string, shortlisted: boolean): Promise<QuoteRow> {
  return t(db).updateTable('quotes').set({ shortlisted, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Every still-submitted quote on the RFQ becomes not_selected; returns how many. */
export async function notSelectRemaining(db: Db, rfqId: string): Promise<QuoteRow[]> {
  return t(db).updateTable('quotes').set({ status: 'not_selected', decided_at: new Date(), updated_at: new Date() })
    .where('rfq_id', '=', rfqId).where('status', '=', 'submitted').returningAll().execute();
}

export async function markRead(db: Db, rfqId: string): Promise<void> {
  await t(db).updateTable('quotes').set({ buyer_read_at: new Date() }).where('rfq_id', '=', rfqId).where('buyer_read_at', 'is', null).execute();
}

/** Quotes (not withdrawn) per RFQ. */
export async function quoteCounts(db: Db, rfqIds: string[]): Promise<Map<string, { total: number; live: number; unread: number }>> {
  if (rfqIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('quotes').select([
    'rfq_id',
    (eb) => eb.fn.countAll<string | number>().as('total'),
    sql<string | number>`count(*) FILTER (WHERE status IN ('submitted', 'accepted'))`.as('live'),
    sql<string | number>`count(*) FILTER (WHERE buyer_read_at IS NULL AND status IN ('submitted', 'accepted'))`.as('unread'),
  ]).where('rfq_id', 'in', rfqIds).where('status', '!=', 'withdrawn').groupBy('rfq_id').execute();
  return new Map(rows.map((r) => [r.rfq_id, { total: Number(r.total), live: Number(r.live), unread: Number(r.unread) }]));
}

export async function countUnreadForBuyer(db: Db, buyerCompanyId: string): Promise<number> {
  const r = await t(db).selectFrom('quotes').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('buyer_company_id', '=', buyerCompanyId).where('buyer_read_at', 'is', null).where('status', 'in', LIVE).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countLiveQuotesOf(db: Db, companyId: string): Promise<number> {
  const r = await t(db).selectFrom('quotes').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('company_id', '=', companyId).where('status', '=', 'submitted').executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listCompanyQuotes(db: Db, f: { companyId: string; statuses?: QuoteStatus[] | undefined; beforeId?: string | undefined; limit: number }): Promise<QuoteRow[]> {
  let q = t(db).selectFrom('quotes').selectAll().where('company_id', '=', f.companyId).orderBy('id', 'desc').limit(f.limit + 1);
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.execute();
}

export async function revisionsOf(db: Db, quoteId: string): Promise<QuoteRevisionRow[]> {
  return t(db).selectFrom('quote_revisions').selectAll().where('quote_id', '=', quoteId).orderBy('revision', 'desc').execute();
}

// ---------------------------------------------------------------------------------------------------------
// Thread

export async function insertMessage(db: Db, m: { id: string; quoteId: string; authorUserId: string; side: 'buyer' | 'supplier'; body: string }): Promise<QuoteMessageRow> {
  return t(db).insertInto('quote_messages').values({ id: m.id, quote_id: m.quoteId, author_user_id: m.authorUserId, side: m.side, body: m.body })
    .returningAll().executeTakeFirstOrThrow();
}

export async function messagesOf(db: Db, quoteId: string, afterId: string | undefined, limit: number): Promise<QuoteMessageRow[]> {
  let q = t(db).selectFrom('quote_messages').selectAll().where('quote_id', '=', quoteId).orderBy('id').limit(limit + 1);
  if (afterId) q = q.where('id', '>', afterId);
  return q.execute();
}

export async function messageCounts(db: Db, quoteIds: string[]): Promise<Map<string, number>> {
  if (quoteIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('quote_messages').select(['quote_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('quote_id', 'in', quoteIds).groupBy('quote_id').execute();
  return new Map(rows.map((r) => [r.quote_id, Number(r.n)]));
}

// ---------------------------------------------------------------------------------------------------------
// Quota

/** Counts one quote against the month's quota in one statement; false (nothing counted) when the quota is used up. */
export async function takeQuota(db: Db, companyId: string, month: string, quota: number): Promise<boolean> {
  if (quota <= 0) return false;
  const r = await sql<{ used: number }>`
    INSERT INTO quote_quota_usage (company_id, month, used) VALUES (${companyId}, ${month}, 1)
    ON CONFLICT (company_id, month) DO UPDATE SET used = quote_quota_usage.used + 1 WHERE quote_quota_usage.used < ${quota}
    RETURNING used`.execute(db);
  return r.rows.length > 0;
}

export async function quotaUsed(db: Db, companyId: string, month: string): Promise<number> {
  const r = await t(db).selectFrom('quote_quota_usage').select('used').where('company_id', '=', companyId).where('month', '=', month).executeTakeFirst();
  return r?.used ?? 0;
}
