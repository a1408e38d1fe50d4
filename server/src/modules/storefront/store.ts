import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';

interface StorefrontsTable {
  company_id: string;
  slug: string;
  template: ColumnType<string, string | undefined, string>;
  theme_color: ColumnType<string, string | undefined, string>;
  sections: Json<unknown>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
interface StorefrontProductsTable {
  product_id: string;
  company_id: string;
  category_id: string;
  category_path_ids: string[];
  title_zh: string;
  title_en: string | null;
  published_at: NullableTimestamp;
  updated_at: Timestamp;
}

type StorefrontTables = { storefronts: StorefrontsTable; storefront_products: StorefrontProductsTable };

export type StorefrontRow = Selectable<StorefrontsTable>;

const t = (db: Db) => db.withTables<StorefrontTables>();

export async function findByCompany(db: Db, companyId: string): Promise<StorefrontRow | undefined> {
  return t(db).selectFrom('storefronts').selectAll().where('company_id', '=', companyId).executeTakeFirst();
}

export async function findBySlug(db: Db, slug: string): Promise<StorefrontRow | undefined> {
  return t(db).selectFrom('storefronts').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Which of these companies already have a shop (one query). */
export async function companiesWithShop(db: Db, companyIds: string[]): Promise<Set<string>> {
  if (companyIds.length === 0) return new Set();
  const rows = await t(db).selectFrom('storefronts').select('company_id').where('company_id', 'in', companyIds).execute();
  return new Set(rows.map((r) => r.company_id));
}

/** Inserts unless the company already has a shop or the slug is taken; returns the row only when inserted. */
export async function insertIfAbsent(db: Db, row: { companyId: string; slug: string; template: string; sections: unknown }): Promise<StorefrontRow | undefined> {
  return t(db)
    .insertInto('storefronts')
    .values({ company_id: row.companyId, slug: row.slug, template: row.template, sections: JSON.stringify(row.sections) })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateShop(db: Db, companyId: string, fields: { slug: string; themeColor: string; sections: unknown }): Promise<StorefrontRow> {
  return t(db)
    .updateTable('storefronts')
    .set({ slug: fields.slug, theme_color: fields.themeColor, sections: JSON.stringify(fields.sections), updated_at: new Date() })
    .where('company_id', '=', companyId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setTemplate(db: Db, companyId: string, template: string, sections: unknown): Promise<StorefrontRow | undefined> {
  return t(db)
    .updateTable('storefronts')
    .set({ template, sections: JSON.stringify(sections), updated_at: new Date() })
    .where('company_id', '=', companyId)
    .returningAll()
    .executeTakeFirst();
}

/** True for a unique violation (PostgreSQL and PGlite both report SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---- read model of published products

export interface ShopProduct {
  productId: string; companyId: string; categoryId: string; categoryPathIds: string[];
  titleZh: string; titleEn: string | null; publishedAt: Date | null;
}

export async function upsertProducts(db: Db, products: ShopProduct[]): Promise<void> {
  if (products.length === 0) return;
  await t(db)
    .insertInto('storefront_products')
    .values(products.map((p) => ({
      product_id: p.productId, company_id: p.companyId, category_id: p.categoryId, category_path_ids: p.categoryPathIds,
      title_zh: p.titleZh, title_en: p.titleEn, published_at: p.publishedAt, updated_at: new Date(),
    })))
    .onConflict((oc) => oc.column('product_id').doUpdateSet((eb) => ({
      company_id: eb.ref('excluded.company_id'), category_id: eb.ref('excluded.category_id'), category_path_ids: eb.ref('excluded.category_path_ids'),
      title_zh: eb.ref('excluded.title_zh'), title_en: eb.ref('excluded.title_en'), published_at: eb.ref('excluded.published_at'), updated_at: eb.ref('excluded.updated_at'),
    })))
    .execute();
}

export async function deleteProducts(db: Db, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  await t(db).deleteFrom('storefront_products').where('product_id', 'in', productIds).execute();
}

/** After a rebuild: drops rows the rebuild did not touch (products no longer published). */
export async function deleteProductsNotTouchedSince(db: Db, since: Date): Promise<number> {
  const r = await t(db).deleteFrom('storefront_products').where('updated_at', '<', since).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function hasAnyProduct(db: Db): Promise<boolean> {
  return Boolean(await t(db).selectFrom('storefront_products').select('product_id').limit(1).executeTakeFirst());
}

/** Published products per category of one shop, at every level of the tree, plus which categories are leaves. */
export async function categoryCounts(db: Db, companyId: string): Promise<{ byCategory: Map<string, number>; leaves: Map<string, number> }> {
  const [all, leaves] = await Promise.all([
    sql<{ category_id: string; n: string | number }>`
      SELECT c AS category_id, count(*) AS n
      FROM storefront_products, unnest(category_path_ids) AS c
      WHERE company_id = ${companyId}
      GROUP BY c`.execute(db),
    t(db).selectFrom('storefront_products').select(['category_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('company_id', '=', companyId).groupBy('category_id').execute(),
  ]);
  return {
    byCategory: new Map(all.rows.map((r) => [r.category_id, Number(r.n)])),
    leaves: new Map(leaves.map((r) => [r.category_id, Number(r.n)])),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Published products of one shop, newest first, optionally within a category (any level) and matching every
 * term of q as a substring of the Chinese or English title (substrings suit Chinese: 钢板 finds 热轧钢板).
 */
export async function searchProducts(db: Db, f: { companyId: string; q?: string | undefined; categoryId?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<string[]> {
  let query = t(db).selectFrom('storefront_products').select('product_id').where('company_id', '=', f.companyId);
  if (f.categoryId) query = query.where(sql<boolean>`${f.categoryId}::uuid = ANY(category_path_ids)`);
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(term)}%`;
    query = query.where((eb) => eb.or([eb('title_zh', 'ilike', pattern), eb('title_en', 'ilike', pattern)]));
  }
  if (f.beforeId) query = query.where('product_id', '<', f.beforeId);
  const rows = await query.orderBy('product_id', 'desc').limit(f.limit).execute();
  return rows.map((r) => r.product_id);
}

export async function countProducts(db: Db, companyId: string): Promise<number> {
  const r = await t(db).selectFrom('storefront_products').select((eb) => eb.fn.countAll<string | number>().as('n')).where('company_id', '=', companyId).executeTakeFirstOrThrow();
  return Number(r.n);
}
