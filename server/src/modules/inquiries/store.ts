import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';
import type { InquirySide } from './events.js';
import type { QuoteInput } from './schemas.js';

export type InquiryStatus = 'new' | 'replied' | 'quoted' | 'closed';

/** numeric and bigint columns arrive as strings from pg (numbers from PGlite for some); the service converts. */
type Numeric = ColumnType<string | number, number | string, number | string>;

interface InquiriesTable {
  id: string;
  supplier_company_id: string;
  buyer_company_id: string;
  buyer_user_id: string;
  buyer_user_name: string;
  quantity: ColumnType<string | number | null, number | null | undefined, number | null>;
  unit: string | null;
  target_unit_price: ColumnType<string | number | null, number | null | undefined, number | null>;
  currency: ColumnType<string, string | undefined, string>;
  delivery_province: string | null;
  desired_date: ColumnType<string | null, string | null | undefined, string | null>;
  message: string;
  attachment_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<InquiryStatus, InquiryStatus | undefined, InquiryStatus>;
  assignee_user_id: string | null;
  assignee_name: string | null;
  last_side: ColumnType<InquirySide, InquirySide | undefined, InquirySide>;
  reply_count: ColumnType<number, number | undefined, number>;
  quote_count: ColumnType<number, number | undefined, number>;
  first_response_at: NullableTimestamp;
  last_activity_at: Timestamp;
  closed_at: NullableTimestamp;
  closed_by_side: InquirySide | null;
  close_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface InquiryLinesTable {
  inquiry_id: string;
  position: number;
  product_id: string;
  sku_id: string | null;
  quantity: ColumnType<string | number | null, number | null | undefined, number | null>;
  unit: string;
  title_zh: string;
  title_en: string | null;
  sku_code: string | null;
  sku_attributes: Json<Record<string, string>>;
  cover_url: string | null;
}

interface InquiryRepliesTable {
  id: string;
  inquiry_id: string;
  supplier_company_id: string;
  author_user_id: string;
  author_name: string;
  side: InquirySide;
  kind: 'reply' | 'quote';
  body: string;
  attachment_ids: ColumnType<string[], string[] | undefined, string[]>;
  quote: ColumnType<QuoteInput | null, string | null, string | null>;
  created_at: Timestamp;
}

type InquiryTables = { inquiries: InquiriesTable; inquiry_lines: InquiryLinesTable; inquiry_replies: InquiryRepliesTable };

export type InquiryRow = Selectable<InquiriesTable>;
export type LineRow = Selectable<InquiryLinesTable>;
export type ReplyRow = Selectable<InquiryRepliesTable>;
export type { Numeric };

const t = (db: Db) => db.withTables<InquiryTables>();

/** Every column, with the date as 'YYYY-MM-DD' text (drivers would turn a date into a local-midnight Date). */
function selectInquiry(db: Db) {
  return t(db).selectFrom('inquiries').select([
    'id', 'supplier_company_id', 'buyer_company_id', 'buyer_user_id', 'buyer_user_name', 'quantity', 'unit', 'target_unit_price', 'currency',
    'delivery_province', 'message', 'attachment_ids', 'status', 'assignee_user_id', 'assignee_name', 'last_side', 'reply_count', 'quote_count',
    'first_response_at', 'last_activity_at', 'closed_at', 'closed_by_side', 'close_reason', 'created_at', 'updated_at',
    sql<string | null>`to_char(desired_date, 'YYYY-MM-DD')`.as('desired_date'),
  ]);
}

export interface NewInquiry {
  id: string; supplierCompanyId: string; buyerCompanyId: string; buyerUserId: string; buyerUserName: string;
  quantity: number | null; unit: string | null; targetUnitPrice: number | null; deliveryProvince: string | null; desiredDate: string | null;
  message: string; attachmentIds: string[]; at: Date;
}

export interface NewLine {
  productId: string; skuId: string | null; quantity: number | null; unit: string; titleZh: string; titleEn: string | null;
  skuCode: string | null; skuAttributes: Record<string, string>; coverUrl: string | null;
}

export async function insertInquiry(trx: Db, i: NewInquiry, lines: NewLine[]): Promise<void> {
  await t(trx).insertInto('inquiries').values({
    id: i.id, supplier_company_id: i.supplierCompanyId, buyer_company_id: i.buyerCompanyId, buyer_user_id: i.buyerUserId, buyer_user_name: i.buyerUserName,
    quantity: i.quantity, unit: i.unit, target_unit_price: i.targetUnitPrice, delivery_province: i.deliveryProvince, desired_date: i.desiredDate,
    message: i.message, attachment_ids: i.attachmentIds, last_activity_at: i.at, created_at: i.at, updated_at: i.at,
  }).execute();
  if (lines.length === 0) return;
  await t(trx).insertInto('inquiry_lines').values(lines.map((l, position) => ({
    inquiry_id: i.id, position, product_id: l.productId, sku_id: l.skuId, quantity: l.quantity, unit: l.unit,
    title_zh: l.titleZh, title_en: l.titleEn, sku_code: l.skuCode, sku_attributes: JSON.stringify(l.skuAttributes), cover_url: l.coverUrl,
  }))).execute();
}

/** One inquiry; with forUpdate, row-locked until the transaction ends (status transitions serialize on it). */
export async function findInquiry(db: Db, id: string, forUpdate = false): Promise<InquiryRow | undefined> {
  const q = selectInquiry(db).where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function linesOf(db: Db, inquiryIds: string[]): Promise<LineRow[]> {
  if (inquiryIds.length === 0) return [];
  return t(db).selectFrom('inquiry_lines').selectAll().where('inquiry_id', 'in', inquiryIds).orderBy('inquiry_id').orderBy('position').execute();
}

export async function repliesOf(db: Db, inquiryId: string): Promise<ReplyRow[]> {
  return t(db).selectFrom('inquiry_replies').selectAll().where('inquiry_id', '=', inquiryId).orderBy('id').execute();
}

export async function insertReply(trx: Db, r: {
  id: string; inquiryId: string; supplierCompanyId: string; authorUserId: string; authorName: string; side: InquirySide; kind: 'reply' | 'quote';
  body: string; attachmentIds: string[]; quote: QuoteInput | null; at: Date;
}): Promise<ReplyRow> {
  return t(trx).insertInto('inquiry_replies').values({
    id: r.id, inquiry_id: r.inquiryId, supplier_company_id: r.supplierCompanyId, author_user_id: r.authorUserId, author_name: r.authorName,
    side: r.side, kind: r.kind, body: r.body, attachment_ids: r.attachmentIds, quote: r.quote ? JSON.stringify(r.quote) : null, created_at: r.at,
  }).returningAll().executeTakeFirstOrThrow();
}

export interface InquiryPatch {
  status?: InquiryStatus;
  assignee?: { userId: string; name: string } | null;
  lastSide?: InquirySide;
  replyCountDelta?: number;
  quoteCountDelta?: number;
  firstResponseAt?: Date;
  lastActivityAt?: Date;
  closed?: { at: Date; side: InquirySide; reason: string | null } | null;
}

export async function updateInquiry(trx: Db, id: string, p: InquiryPatch): Promise<void> {
  await t(trx).updateTable('inquiries').set((eb) => ({
    updated_at: new Date(),
    ...(p.status ? { status: p.status } : {}),
    ...(p.assignee !== undefined ? { assignee_user_id: p.assignee?.userId ?? null, assignee_name: p.assignee?.name ?? null } : {}),
    ...(p.lastSide ? { last_side: p.lastSide } : {}),
    ...(p.replyCountDelta ? { reply_count: eb('reply_count', '+', p.replyCountDelta) } : {}),
    ...(p.quoteCountDelta ? { quote_count: eb('quote_count', '+', p.quoteCountDelta) } : {}),
    // Only the first supplier answer sets it (the response time the metrics read).
    ...(p.firstResponseAt ? { first_response_at: eb.fn.coalesce('first_response_at', eb.val(p.firstResponseAt)) } : {}),
    ...(p.lastActivityAt ? { last_activity_at: p.lastActivityAt } : {}),
    ...(p.closed !== undefined
      ? { closed_at: p.closed?.at ?? null, closed_by_side: p.closed?.side ?? null, close_reason: p.closed?.reason ?? null }
      : {}),
  })).where('id', '=', id).execute();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ListFilter {
  box: 'sent' | 'received';
  companyId: string;
  status?: InquiryStatus | undefined;
  assignee: 'me' | 'unassigned' | 'any';
  userId: string;
  q?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** A box, newest first; limit + 1 rows so the caller knows whether a next page exists. */
export async function list(db: Db, f: ListFilter): Promise<InquiryRow[]> {
  let q = selectInquiry(db).where(f.box === 'sent' ? 'buyer_company_id' : 'supplier_company_id', '=', f.companyId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.assignee === 'me') q = q.where('assignee_user_id', '=', f.userId);
  if (f.assignee === 'unassigned') q = q.where('assignee_user_id', 'is', null);
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 6)) {
    const pattern = `%${escapeLike(term)}%`;
    q = q.where((eb) => eb.or([
      eb('message', 'ilike', pattern),
      eb('buyer_user_name', 'ilike', pattern),
      eb.exists(eb.selectFrom('inquiry_lines as l').select('l.position')
        .whereRef('l.inquiry_id', '=', 'inquiries.id')
        .where((e) => e.or([e('l.title_zh', 'ilike', pattern), e('l.title_en', 'ilike', pattern), e('l.sku_code', 'ilike', pattern)]))),
    ]));
  }
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

export interface StatusCounts { all: number; new: number; replied: number; quoted: number; closed: number }

async function statusCounts(db: Db, column: 'buyer_company_id' | 'supplier_company_id', companyId: string): Promise<StatusCounts> {
  const rows = await t(db).selectFrom('inquiries').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where(column, '=', companyId).groupBy('status').execute();
  const out: StatusCounts = { all: 0, new: 0, replied: 0, quoted: 0, closed: 0 };
  for (const r of rows) {
    out[r.status] = Number(r.n);
    out.all += Number(r.n);
  }
  return out;
}

export async function countsFor(db: Db, f: { supplierCompanyId: string | null; buyerCompanyId: string | null; userId: string }) {
  const empty: StatusCounts = { all: 0, new: 0, replied: 0, quoted: 0, closed: 0 };
  const received = f.supplierCompanyId ? await statusCounts(db, 'supplier_company_id', f.supplierCompanyId) : empty;
  const sent = f.buyerCompanyId ? await statusCounts(db, 'buyer_company_id', f.buyerCompanyId) : empty;
  let unassigned = 0;
  let mine = 0;
  if (f.supplierCompanyId) {
    const r = await t(db).selectFrom('inquiries')
      .select([
        sql<string | number>`count(*) FILTER (WHERE assignee_user_id IS NULL)`.as('unassigned'),
        sql<string | number>`count(*) FILTER (WHERE assignee_user_id = ${f.userId})`.as('mine'),
      ])
      .where('supplier_company_id', '=', f.supplierCompanyId).where('status', '<>', 'closed').executeTakeFirstOrThrow();
    unassigned = Number(r.unassigned);
    mine = Number(r.mine);
  }
  let awaiting = 0;
  if (f.buyerCompanyId) {
    const r = await t(db).selectFrom('inquiries').select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('buyer_company_id', '=', f.buyerCompanyId).where('status', '<>', 'closed').where('last_side', '=', 'buyer').executeTakeFirstOrThrow();
    awaiting = Number(r.n);
  }
  return { received, sent, unassigned, mine, awaiting };
}

/**
 * Serializes one buyer's sends (transaction-scoped advisory lock), so the hourly limit holds under concurrent requests.
 * Works on PostgreSQL and PGlite alike.
 */
export async function lockSender(trx: Db, userId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`inquiries.send:${userId}`}, 0))`.execute(trx);
}

/** How many inquiries the user sent since `since`, and the oldest of them (when the window frees a slot). */
export async function sentSince(trx: Db, userId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const r = await t(trx).selectFrom('inquiries')
    .select([(eb) => eb.fn.countAll<string | number>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('buyer_user_id', '=', userId).where('created_at', '>', since).executeTakeFirstOrThrow();
  return { count: Number(r.n), oldest: r.oldest ? new Date(r.oldest) : null };
}

/** Whether a file is attached to the inquiry or one of its replies (downloads are allowed for exactly those). */
export async function hasAttachment(db: Db, inquiryId: string, fileId: string): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM inquiries WHERE id = ${inquiryId} AND ${fileId}::uuid = ANY(attachment_ids))
        OR EXISTS (SELECT 1 FROM inquiry_replies WHERE inquiry_id = ${inquiryId} AND ${fileId}::uuid = ANY(attachment_ids)) AS found`.execute(db);
  return Boolean(r.rows[0]?.found);
}

/** Ids of inquiries a seed created for a buyer user and supplier with this exact message (idempotent demo data). */
export async function findByMessage(db: Db, f: { buyerUserId: string; supplierCompanyId: string; message: string }): Promise<string | null> {
  const r = await t(db).selectFrom('inquiries').select('id')
    .where('buyer_user_id', '=', f.buyerUserId).where('supplier_company_id', '=', f.supplierCompanyId).where('message', '=', f.message)
    .executeTakeFirst();
  return r?.id ?? null;
}
