import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';

/** A product of the reviewed order, as it was when the review was written. */
export interface ReviewItem { productId: string; titleZh: string; titleEn: string | null }

interface ReviewsTable {
  id: string;
  order_id: string;
  buyer_company_id: string;
  supplier_company_id: string;
  product_ids: ColumnType<string[], string[] | undefined, string[]>;
  items: Json<ReviewItem[]>;
  buyer_province: string;
  buyer_type: string;
  quality: number;
  shipping: number;
  service: number;
  text: ColumnType<string, string | undefined, string>;
  reply: string | null;
  replied_by: string | null;
  replied_at: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
}

type ReviewsTables = { reviews: ReviewsTable };
export type ReviewRow = Selectable<ReviewsTable>;

const t = (db: Db) => db.withTables<ReviewsTables>();

export interface NewReview {
  id: string;
  orderId: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  items: ReviewItem[];
  buyerProvince: string;
  buyerType: string;
  quality: number;
  shipping: number;
  service: number;
  text: string;
  createdBy: string;
}

/** Inserts unless the order already has a review (the unique order_id decides, also under concurrency). */
export async function insertReview(db: Db, r: NewReview): Promise<ReviewRow | undefined> {
  return t(db).insertInto('reviews')
    .values({
      id: r.id, order_id: r.orderId, buyer_company_id: r.buyerCompanyId, supplier_company_id: r.supplierCompanyId,
      product_ids: [...new Set(r.items.map((i) => i.productId))], items: JSON.stringify(r.items),
      buyer_province: r.buyerProvince, buyer_type: r.buyerType,
      quality: r.quality, shipping: r.shipping, service: r.service, text: r.text, created_by: r.createdBy,
    })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findReview(db: Db, id: string): Promise<ReviewRow | undefined> {
  return t(db).selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByOrder(db: Db, orderId: string): Promise<ReviewRow | undefined> {
  return t(db).selectFrom('reviews').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

/** Sets the reply unless there is one (a reply is written once): the row when set, undefined when already replied. */
export async function setReply(db: Db, id: string, reply: { text: string; by: string }): Promise<ReviewRow | undefined> {
  return t(db).updateTable('reviews').set({ reply: reply.text, replied_by: reply.by, replied_at: new Date() })
    .where('id', '=', id).where('reply', 'is', null)
    .returningAll().executeTakeFirst();
}

export type ListTarget = { productId: string } | { companyId: string } | { buyerCompanyId: string };

/** A page of reviews, newest first: of a product (its orders), of a supplier, or written by a buyer company. One query. */
export async function listReviews(db: Db, f: { target: ListTarget; beforeId?: string | undefined; limit: number }): Promise<ReviewRow[]> {
  let q = t(db).selectFrom('reviews').selectAll();
  if ('productId' in f.target) q = q.where(sql<boolean>`product_ids @> ARRAY[${f.target.productId}]::uuid[]`);
  else if ('companyId' in f.target) q = q.where('supplier_company_id', '=', f.target.companyId);
  else q = q.where('buyer_company_id', '=', f.target.buyerCompanyId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

export interface SummaryRow {
  count: number;
  quality: number | null;
  shipping: number | null;
  service: number | null;
  replied: number;
  /** Reviews by their rounded overall score (the mean of the three), 1..5. */
  stars: Record<1 | 2 | 3 | 4 | 5, number>;
}

/** Count, averages and the star distribution of a supplier's or a product's reviews. One query. */
export async function summary(db: Db, target: { productId: string } | { companyId: string }): Promise<SummaryRow> {
  const where = 'productId' in target
    ? sql`product_ids @> ARRAY[${target.productId}]::uuid[]`
    : sql`supplier_company_id = ${target.companyId}`;
  const overall = sql`round((quality + shipping + service) / 3.0)`;
  const r = await sql<{ n: number; q: string | null; s: string | null; v: string | null; replied: number; s1: number; s2: number; s3: number; s4: number; s5: number }>`
    SELECT count(*)::int AS n, avg(quality) AS q, avg(shipping) AS s, avg(service) AS v,
      count(reply)::int AS replied,
      count(*) FILTER (WHERE ${overall} = 1)::int AS s1, count(*) FILTER (WHERE ${overall} = 2)::int AS s2,
      count(*) FILTER (WHERE ${overall} = 3)::int AS s3, count(*) FILTER (WHERE ${overall} = 4)::int AS s4,
      count(*) FILTER (WHERE ${overall} = 5)::int AS s5
    FROM reviews WHERE ${where}`.execute(db);
  const row = r.rows[0]!;
  const avg = (v: string | null) => (v === null ? null : Number(v));
  return {
    count: Number(row.n), quality: avg(row.q), shipping: avg(row.s), service: avg(row.v), replied: Number(row.replied),
    stars: { 1: Number(row.s1), 2: Number(row.s2), 3: Number(row.s3), 4: Number(row.s4), 5: Number(row.s5) },
  };
}
