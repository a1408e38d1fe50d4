import { sql, type ColumnType, type Generated, type Selectable } from 'kysely';
import { runStatement, type Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';
import type { AttributeDefinition, AttributeValue, PriceTier, Unit } from './rules.js';

/** numeric columns: exact decimal strings when read (quantities), numbers when written. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
export type ProductStatus = 'draft' | 'published' | 'delisted';

interface CategoriesTable {
  id: string; code: string; parent_id: string | null; level: number; name_zh: string; name_en: string; sort: number;
  attributes: Json<AttributeDefinition[]>; created_at: Timestamp; updated_at: Timestamp;
}
interface ProductsTable {
  id: string; company_id: string; category_id: string; status: ProductStatus; title_zh: string; title_en: string | null;
  description_zh: string; description_en: string | null; attributes: Json<Record<string, AttributeValue>>; price_tiers: Json<PriceTier[]>;
  moq: Numeric; unit: Unit; lead_time_days: number; sample_unit_price: number | null; sample_max_quantity: NullableNumeric;
  origin: string | null; dispatch_province: string; currency: ColumnType<string, string | undefined, string>;
  takedown_reason: string | null; taken_down_at: NullableTimestamp; taken_down_by: string | null; created_by: string | null;
  created_at: Timestamp; updated_at: Timestamp; published_at: NullableTimestamp; deleted_at: NullableTimestamp;
}
interface SkusTable {
  id: string; product_id: string; company_id: string; position: number; code: string | null; attributes: Json<Record<string, string>>;
  stock: Numeric; reserved: ColumnType<string, number | string | undefined, number | string>; sold: ColumnType<string, number | string | undefined, number | string>;
  price_tiers: ColumnType<PriceTier[] | null, string | null, string | null>; created_at: Timestamp; updated_at: Timestamp;
}
interface ImagesTable { product_id: string; position: number; file_id: string; company_id: string }
interface LocksTable { company_id: string }

type CatalogTables = {
  categories: CategoriesTable;
  products: ProductsTable;
  product_skus: SkusTable;
  product_images: ImagesTable;
  catalog_company_locks: LocksTable;
};

export type CategoryRow = Selectable<CategoriesTable>;
export type ProductRow = Selectable<ProductsTable>;
export type SkuRow = Selectable<SkusTable>;
export type ImageRow = Selectable<ImagesTable>;

const t = (db: Db) => db.withTables<CatalogTables>();

// ---------------------------------------------------------------------------------------------------------
// Categories

export async function allCategories(db: Db): Promise<CategoryRow[]> {
  return t(db).selectFrom('categories').selectAll().orderBy('level').orderBy('sort').orderBy('code').execute();
}

export async function findCategory(db: Db, idOrCode: { id?: string; code?: string }, forUpdate = false): Promise<CategoryRow | undefined> {
  let q = t(db).selectFrom('categories').selectAll();
  q = idOrCode.id !== undefined ? q.where('id', '=', idOrCode.id) : q.where('code', '=', idOrCode.code ?? '');
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/**
 * The given categories with all their ancestors, in one query: an ancestor's code is a prefix of the code
 * (codes never change). Rows come as (forId, ancestor), root first.
 */
export async function pathsOf(db: Db, categoryIds: string[]): Promise<Array<CategoryRow & { for_id: string }>> {
  if (categoryIds.length === 0) return [];
  const r = await sql<CategoryRow & { for_id: string }>`
    SELECT c.id AS for_id, a.*
    FROM categories c JOIN categories a ON a.code = c.code OR starts_with(c.code, a.code || '.')
    WHERE c.id = ANY(${categoryIds}::uuid[])
    ORDER BY c.id, a.level`.execute(db);
  return r.rows;
}

/** Direct and deeper descendants, by code prefix. */
export async function descendantsOf(db: Db, code: string): Promise<CategoryRow[]> {
  return t(db).selectFrom('categories').selectAll().where(sql<boolean>`starts_with(code, ${`${code}.`})`).orderBy('level').orderBy('sort').orderBy('code').execute();
}

export async function hasChildren(db: Db, id: string): Promise<boolean> {
  return (await t(db).selectFrom('categories').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst()) !== undefined;
}

export async function insertCategory(db: Db, c: { id: string; code: string; parentId: string | null; level: number; nameZh: string; nameEn: string; sort: number; attributes: AttributeDefinition[] }): Promise<CategoryRow> {
  return t(db).insertInto('categories').values({
    id: c.id, code: c.code, parent_id: c.parentId, level: c.level, name_zh: c.nameZh, name_en: c.nameEn, sort: c.sort, attributes: JSON.stringify(c.attributes),
  }).returningAll().executeTakeFirstOrThrow();
}

export async function updateCategory(db: Db, id: string, f: { nameZh?: string | undefined; nameEn?: string | undefined; sort?: number | undefined; attributes?: AttributeDefinition[] | undefined }): Promise<CategoryRow> {
  return t(db).updateTable('categories').set({
    ...(f.nameZh !== undefined ? { name_zh: f.nameZh } : {}),
    ...(f.nameEn !== undefined ? { name_en: f.nameEn } : {}),
    ...(f.sort !== undefined ? { sort: f.sort } : {}),
    ...(f.attributes !== undefined ? { attributes: JSON.stringify(f.attributes) } : {}),
    updated_at: new Date(),
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Whether any live product sits in the category (subtree: also in its descendants). */
export async function hasProducts(db: Db, category: { id: string; code: string }, subtree: boolean): Promise<boolean> {
  let q = t(db).selectFrom('products as p').select('p.id').where('p.deleted_at', 'is', null).limit(1);
  q = subtree
    ? q.innerJoin('categories as c', 'c.id', 'p.category_id').where((eb) => eb.or([eb('c.id', '=', category.id), eb(sql<boolean>`starts_with(c.code, ${`${category.code}.`})`, '=', true)]))
    : q.where('p.category_id', '=', category.id);
  return (await q.executeTakeFirst()) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Products

export interface ProductFields {
  categoryId: string; titleZh: string; titleEn: string | null; descriptionZh: string; descriptionEn: string | null;
  attributes: Record<string, AttributeValue>; priceTiers: PriceTier[]; moq: number; unit: Unit; leadTimeDays: number;
  sample: { unitPrice: number; maxQuantity: number } | null; origin: string | null; dispatchProvince: string;
}

const productColumns = (f: ProductFields) => ({
  category_id: f.categoryId, title_zh: f.titleZh, title_en: f.titleEn, description_zh: f.descriptionZh, description_en: f.descriptionEn,
  attributes: JSON.stringify(f.attributes), price_tiers: JSON.stringify(f.priceTiers), moq: f.moq, unit: f.unit, lead_time_days: f.leadTimeDays,
  sample_unit_price: f.sample?.unitPrice ?? null, sample_max_quantity: f.sample?.maxQuantity ?? null, origin: f.origin, dispatch_province: f.dispatchProvince,
});

export async function insertProduct(db: Db, p: { id: string; companyId: string; createdBy: string | null; fields: ProductFields }): Promise<ProductRow> {
  return t(db).insertInto('products').values({ id: p.id, company_id: p.companyId, status: 'draft', created_by: p.createdBy, ...productColumns(p.fields) })
    .returningAll().executeTakeFirstOrThrow();
}

export async function updateProduct(db: Db, id: string, fields: ProductFields): Promise<ProductRow> {
  return t(db).updateTable('products').set({ ...productColumns(fields), updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findProduct(db: Db, id: string, forUpdate = false): Promise<ProductRow | undefined> {
  let q = t(db).selectFrom('products').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findProducts(db: Db, ids: string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('products').selectAll().where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}

export async function setStatus(
  db: Db,
  id: string,
  change: { status: ProductStatus; publishedNow?: boolean; takedown?: { reason: string; by: string } | null },
): Promise<ProductRow> {
  const now = new Date();
  return t(db).updateTable('products').set({
    status: change.status,
    updated_at: now,
    // publishedAt is the first publication: delisting and publishing again does not make a listing "new".
    ...(change.publishedNow ? { published_at: sql<Date>`coalesce(published_at, now())` } : {}),
    ...(change.takedown === null ? { takedown_reason: null, taken_down_at: null, taken_down_by: null } : {}),
    ...(change.takedown ? { takedown_reason: change.takedown.reason, taken_down_at: now, taken_down_by: change.takedown.by } : {}),
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function softDelete(db: Db, id: string): Promise<void> {
  await t(db).updateTable('products').set({ deleted_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
}

/** Takes the company's publishing lock for the rest of the transaction (the row is created on first use). */
export async function lockCompany(db: Db, companyId: string): Promise<void> {
  await t(db).insertInto('catalog_company_locks').values({ company_id: companyId }).onConflict((oc) => oc.column('company_id').doNothing()).execute();
  await t(db).selectFrom('catalog_company_locks').select('company_id').where('company_id', '=', companyId).forUpdate().executeTakeFirst();
}

export async function countPublished(db: Db, companyId: string): Promise<number> {
  const r = await t(db).selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId).where('status', '=', 'published').where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function skusOf(db: Db, productIds: string[]): Promise<SkuRow[]> {
  if (productIds.length === 0) return [];
  return t(db).selectFrom('product_skus').selectAll().where('product_id', 'in', productIds).orderBy('product_id').orderBy('position').execute();
}

export async function imagesOf(db: Db, productIds: string[]): Promise<ImageRow[]> {
  if (productIds.length === 0) return [];
  return t(db).selectFrom('product_images').selectAll().where('product_id', 'in', productIds).orderBy('product_id').orderBy('position').execute();
}

/** Replaces the product's SKUs (ids are kept by the caller, so references to a SKU survive an edit). */
/**
 * Writes a product's SKUs, keeping each surviving SKU's row (and with it what orders reserved and sold). A SKU whose
 * stock the editor left as it found it (`seenStock`) keeps its current stock, so an order placed while the seller
 * edited is not undone by the save.
 */
export async function replaceSkus(db: Db, productId: string, companyId: string, skus: Array<{ id: string; code: string | null; attributes: Record<string, string>; stock: number; seenStock?: number | undefined; priceTiers: PriceTier[] | null }>): Promise<void> {
  const keep = skus.map((s) => s.id);
  let del = t(db).deleteFrom('product_skus').where('product_id', '=', productId);
  if (keep.length) del = del.where('id', 'not in', keep);
  await del.execute();
  if (skus.length === 0) return;
  await t(db).insertInto('product_skus').values(skus.map((s, position) => ({
    id: s.id, product_id: productId, company_id: companyId, position, code: s.code, attributes: JSON.stringify(s.attributes), stock: s.stock,
    price_tiers: s.priceTiers ? JSON.stringify(s.priceTiers) : null,
  }))).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
    position: eb.ref('excluded.position'), code: eb.ref('excluded.code'), attributes: eb.ref('excluded.attributes'), price_tiers: eb.ref('excluded.price_tiers'),
    updated_at: new Date(),
  }))).execute();
  // Stock is set only where the editor changed it (or did not say what it saw).
  for (const s of skus) {
    if (s.seenStock !== undefined && s.seenStock === s.stock) continue;
    await t(db).updateTable('product_skus').set({ stock: s.stock }).where('id', '=', s.id).where('product_id', '=', productId).execute();
  }
}

// ---- inventory: stock → reserved → sold, every move conditional so no quantity goes below zero

export interface StockLine { skuId: string; quantity: number }

const RESERVE_STOCK = 'UPDATE product_skus SET stock = stock - $1, reserved = reserved + $1 WHERE id = $2 AND stock >= $1 RETURNING id';

/** Takes each line's quantity from stock into reserved, or returns the first SKU that has too little (nothing is moved then only if the caller rolls back). */
export async function reserveStock(db: Db, lines: StockLine[]): Promise<{ skuId: string; available: number } | null> {
  for (const l of lines) {
    // Written out (runStatement): every checkout runs it.
    const moved = await runStatement<{ id: string }>(db, RESERVE_STOCK, [String(l.quantity), l.skuId]);
    if (moved.length === 0) {
      const row = await t(db).selectFrom('product_skus').select('stock').where('id', '=', l.skuId).executeTakeFirst();
      return { skuId: l.skuId, available: row ? Number(row.stock) : 0 };
    }
  }
  return null;
}

/** Moves quantity between two of stock/reserved/sold; a SKU deleted since (or short) is left alone and reported. */
export async function moveStock(db: Db, lines: StockLine[], from: 'reserved' | 'sold', to: 'stock' | 'sold'): Promise<string[]> {
  const short: string[] = [];
  for (const l of lines) {
    const moved = await t(db).updateTable('product_skus')
      .set((eb) => ({ [from]: sql`${eb.ref(from)} - ${l.quantity}`, [to]: sql`${eb.ref(to)} + ${l.quantity}` }))
      .where('id', '=', l.skuId).where(from, '>=', String(l.quantity))
      .returning('id').executeTakeFirst();
    if (!moved) short.push(l.skuId);
  }
  return short;
}

export async function stockLevels(db: Db, skuIds: string[]): Promise<Array<{ skuId: string; productId: string; stock: number; reserved: number; sold: number }>> {
  if (skuIds.length === 0) return [];
  const rows = await t(db).selectFrom('product_skus').select(['id', 'product_id', 'stock', 'reserved', 'sold']).where('id', 'in', skuIds).execute();
  return rows.map((r) => ({ skuId: r.id, productId: r.product_id, stock: Number(r.stock), reserved: Number(r.reserved), sold: Number(r.sold) }));
}

export async function replaceImages(db: Db, productId: string, companyId: string, fileIds: string[]): Promise<void> {
  await t(db).deleteFrom('product_images').where('product_id', '=', productId).execute();
  if (fileIds.length === 0) return;
  await t(db).insertInto('product_images').values(fileIds.map((fileId, position) => ({ product_id: productId, position, file_id: fileId, company_id: companyId }))).execute();
}

export type ProductListRow = ProductRow & { cover_file_id: string | null; sku_count: number; total_stock: string };

/** A company's products, newest first, with cover and stock in the same query. */
export async function listCompanyProducts(db: Db, f: {
  companyId: string; statuses: ProductStatus[]; q?: string | undefined; categoryCode?: string | undefined; beforeId?: string | undefined; limit: number;
}): Promise<ProductListRow[]> {
  return listProducts(db, f);
}

/** Products of every company (operators' console) or of one, newest first; keyset on the UUIDv7 id. */
export async function listProducts(db: Db, f: {
  companyId?: string | undefined; statuses: ProductStatus[]; q?: string | undefined; categoryCode?: string | undefined; beforeId?: string | undefined; limit: number;
}): Promise<ProductListRow[]> {
  let q = t(db).selectFrom('products as p').selectAll('p')
    .select((eb) => [
      eb.selectFrom('product_images as i').select('i.file_id').whereRef('i.product_id', '=', 'p.id').where('i.position', '=', 0).as('cover_file_id'),
      eb.selectFrom('product_skus as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.product_id', '=', 'p.id').as('sku_count'),
      eb.selectFrom('product_skus as s').select(sql<string>`coalesce(sum(s.stock), 0)`.as('n')).whereRef('s.product_id', '=', 'p.id').as('total_stock'),
    ])
    .where('p.deleted_at', 'is', null).where('p.status', 'in', f.statuses)
    .orderBy('p.id', 'desc').limit(f.limit + 1);
  if (f.companyId) q = q.where('p.company_id', '=', f.companyId);
  if (f.beforeId) q = q.where('p.id', '<', f.beforeId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('p.title_zh', 'ilike', like), eb('p.title_en', 'ilike', like)]));
  }
  if (f.categoryCode) {
    const code = f.categoryCode;
    q = q.where('p.category_id', 'in', (eb) => eb.selectFrom('categories as c').select('c.id').where((w) => w.or([w('c.code', '=', code), w(sql<boolean>`starts_with(c.code, ${`${code}.`})`, '=', true)])));
  }
  return (await q.execute()) as ProductListRow[];
}

/** Live products per category they sit in directly (the console adds up subtrees), with how many are published. */
export async function productCountsByCategory(db: Db): Promise<Array<{ category_id: string; total: number; published: number }>> {
  const rows = await t(db).selectFrom('products').select((eb) => [
    'category_id',
    eb.fn.countAll<string>().as('total'),
    sql<string>`count(*) FILTER (WHERE status = 'published')`.as('published'),
  ]).where('deleted_at', 'is', null).groupBy('category_id').execute();
  return rows.map((r) => ({ category_id: r.category_id, total: Number(r.total), published: Number(r.published) }));
}

/** Cards: products with their cover, in one query. */
/** What checkout prices and records for each SKU among ids: the SKU, its product and the product's cover (any status; deleted products left out). */
export interface CheckoutSkuRow {
  sku_id: string; sku_attributes: Record<string, string>; sku_price_tiers: PriceTier[] | null;
  id: string; company_id: string; category_id: string; status: ProductStatus; moq: string; unit: Unit; lead_time_days: number; title_zh: string; title_en: string | null;
  price_tiers: PriceTier[]; cover_file_id: string | null;
}

// Written out (runStatement): every checkout runs it.
const CHECKOUT_SKU_ROWS = `SELECT s.id AS sku_id, s.attributes AS sku_attributes, s.price_tiers AS sku_price_tiers,
  p.id, p.company_id, p.category_id, p.status, p.moq, p.unit, p.lead_time_days, p.title_zh, p.title_en, p.price_tiers,
  (SELECT i.file_id FROM product_images i WHERE i.product_id = p.id AND i.position = 0) AS cover_file_id
FROM product_skus s JOIN products p ON p.id = s.product_id
WHERE s.id = ANY($1::uuid[]) AND p.deleted_at IS NULL`;

export async function checkoutSkuRows(db: Db, skuIds: string[]): Promise<CheckoutSkuRow[]> {
  if (skuIds.length === 0) return [];
  return runStatement<CheckoutSkuRow>(db, CHECKOUT_SKU_ROWS, [[...new Set(skuIds)]]);
}

export async function summaryRows(db: Db, ids: string[]): Promise<Array<ProductRow & { cover_file_id: string | null }>> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('products as p').selectAll('p')
    .select((eb) => eb.selectFrom('product_images as i').select('i.file_id').whereRef('i.product_id', '=', 'p.id').where('i.position', '=', 0).as('cover_file_id'))
    .where('p.id', 'in', ids).where('p.deleted_at', 'is', null).execute();
}

/** Companies with published products in a category's subtree, most such products first (RFQ matching). */
export async function suppliersInCategory(db: Db, code: string, limit: number): Promise<Array<{ companyId: string; products: number }>> {
  const rows = await t(db).selectFrom('products as p').innerJoin('categories as c', 'c.id', 'p.category_id')
    .select(['p.company_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('p.status', '=', 'published').where('p.deleted_at', 'is', null)
    .where((w) => w.or([w('c.code', '=', code), w(sql<boolean>`starts_with(c.code, ${`${code}.`})`, '=', true)]))
    .groupBy('p.company_id').orderBy('n', 'desc').orderBy('p.company_id').limit(limit).execute();
  return rows.map((r) => ({ companyId: r.company_id, products: Number(r.n) }));
}

/** The categories (leaves) a company has published products in. */
export async function publishedCategoryIds(db: Db, companyId: string): Promise<string[]> {
  const rows = await t(db).selectFrom('products').select('category_id').distinct()
    .where('company_id', '=', companyId).where('status', '=', 'published').where('deleted_at', 'is', null).execute();
  return rows.map((r) => r.category_id);
}

export async function publishedIdsAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = t(db).selectFrom('products').select('id').where('status', '=', 'published').where('deleted_at', 'is', null).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return (await q.execute()).map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------------------
// Import jobs (0014_catalog_import.sql)

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface ImportRowError { row: number; column: string; reason: string }
interface ImportJobsTable {
  id: string; company_id: string; requested_by: string; locale: 'zh-CN' | 'en-US'; category_id: string | null; format: 'csv' | 'xlsx';
  file_name: string | null; publish: boolean; status: Generated<ImportStatus>; source: Buffer | null; row_count: Generated<number>; total: Generated<number>; processed: Generated<number>;
  created: Generated<number>; failed: Generated<number>; published: Generated<number>; errors: Json<ImportRowError[]>; created_at: Timestamp; updated_at: Timestamp; finished_at: NullableTimestamp;
}
interface ImportItemsTable {
  job_id: string; position: number; company_id: string; group_key: string; first_row: number; rows: Json<Array<{ row: number; cells: Record<string, string> }>>;
  status: Generated<'pending' | 'created' | 'failed'>; product_id: string | null; publish_state: 'published' | 'refused' | null; errors: Json<ImportRowError[]>;
}
type ImportTables = { catalog_import_jobs: ImportJobsTable; catalog_import_items: ImportItemsTable };
export type ImportJobRow = Omit<Selectable<ImportJobsTable>, 'source'>;
export type ImportItemRow = Selectable<ImportItemsTable>;
const ti = (db: Db) => db.withTables<ImportTables>();
const jobColumns = ['id', 'company_id', 'requested_by', 'locale', 'category_id', 'format', 'file_name', 'publish', 'status', 'row_count', 'total', 'processed', 'created', 'failed', 'published', 'errors', 'created_at', 'updated_at', 'finished_at'] as const;

export async function insertImportJob(db: Db, j: { id: string; companyId: string; requestedBy: string; locale: 'zh-CN' | 'en-US'; categoryId: string | null; format: 'csv' | 'xlsx'; fileName: string | null; publish: boolean; source: Buffer }): Promise<ImportJobRow> {
  return ti(db).insertInto('catalog_import_jobs').values({
    id: j.id, company_id: j.companyId, requested_by: j.requestedBy, locale: j.locale, category_id: j.categoryId, format: j.format, file_name: j.fileName, publish: j.publish, source: j.source,
  }).returning(jobColumns).executeTakeFirstOrThrow();
}

export async function findImportJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  return ti(db).selectFrom('catalog_import_jobs').select(jobColumns).where('id', '=', id).executeTakeFirst();
}

export async function importSource(db: Db, id: string): Promise<Buffer | null> {
  return (await ti(db).selectFrom('catalog_import_jobs').select('source').where('id', '=', id).executeTakeFirst())?.source ?? null;
}

/** The file split into row groups, all at once: the job is either still queued (parse again) or fully itemized. */
export async function itemizeImport(db: Db, id: string, companyId: string, f: { rowCount: number; errors: ImportRowError[]; groups: Array<{ key: string; rows: Array<{ row: number; cells: Record<string, string> }> }> }): Promise<void> {
  for (let i = 0; i < f.groups.length; i += 500) {
    await ti(db).insertInto('catalog_import_items').values(f.groups.slice(i, i + 500).map((g, k) => ({
      job_id: id, position: i + k, company_id: companyId, group_key: g.key, first_row: g.rows[0]!.row, rows: JSON.stringify(g.rows),
    }))).execute();
  }
  await ti(db).updateTable('catalog_import_jobs').set({
    status: 'running', row_count: f.rowCount, total: f.groups.length, errors: JSON.stringify(f.errors), source: null, updated_at: new Date(),
  }).where('id', '=', id).where('status', '=', 'queued').execute();
}

export async function finishImport(db: Db, id: string, status: 'succeeded' | 'failed', errors?: ImportRowError[]): Promise<void> {
  await ti(db).updateTable('catalog_import_jobs').set({
    status, finished_at: new Date(), updated_at: new Date(), source: null, ...(errors ? { errors: JSON.stringify(errors) } : {}),
  }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
}

export async function nextImportItems(db: Db, jobId: string, limit: number, withUnpublished: boolean): Promise<ImportItemRow[]> {
  return ti(db).selectFrom('catalog_import_items').selectAll().where('job_id', '=', jobId)
    .where((eb) => (withUnpublished ? eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'created'), eb('publish_state', 'is', null)])]) : eb('status', '=', 'pending')))
    .orderBy('position').limit(limit).execute();
}

/**
 * Settles a pending item (the idempotency key is job + position): only a pending item moves, so a second worker
 * replaying the same group changes nothing — and, inside the product's transaction, makes it roll back.
 */
export async function settleImportItem(db: Db, jobId: string, position: number, outcome: { status: 'created'; productId: string } | { status: 'failed'; errors: ImportRowError[] }): Promise<boolean> {
  const r = await ti(db).updateTable('catalog_import_items').set(outcome.status === 'created'
    ? { status: 'created', product_id: outcome.productId }
    : { status: 'failed', errors: JSON.stringify(outcome.errors) })
    .where('job_id', '=', jobId).where('position', '=', position).where('status', '=', 'pending').executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await ti(db).updateTable('catalog_import_jobs').set((eb) => ({
    processed: eb('processed', '+', 1),
    ...(outcome.status === 'created' ? { created: eb('created', '+', 1) } : { failed: eb('failed', '+', 1) }),
    updated_at: new Date(),
  })).where('id', '=', jobId).execute();
  return true;
}

export async function settlePublish(db: Db, jobId: string, position: number, outcome: { published: true } | { published: false; errors: ImportRowError[] }): Promise<void> {
  const r = await ti(db).updateTable('catalog_import_items').set(outcome.published
    ? { publish_state: 'published' }
    : { publish_state: 'refused', errors: sql`errors || ${JSON.stringify(outcome.errors)}::jsonb` })
    .where('job_id', '=', jobId).where('position', '=', position).where('publish_state', 'is', null).executeTakeFirst();
  if (outcome.published && Number(r.numUpdatedRows) > 0) {
    await ti(db).updateTable('catalog_import_jobs').set((eb) => ({ published: eb('published', '+', 1), updated_at: new Date() })).where('id', '=', jobId).execute();
  }
}

/** Row errors of the items, in file order, at most limit. */
export async function importItemErrors(db: Db, jobId: string, limit: number): Promise<ImportRowError[]> {
  const rows = await ti(db).selectFrom('catalog_import_items').select('errors').where('job_id', '=', jobId)
    .where(sql<boolean>`jsonb_array_length(errors) > 0`).orderBy('position').limit(limit).execute();
  return rows.flatMap((r) => r.errors).slice(0, limit);
}

/** Live products of a company with their category code, oldest first, for export. */
export async function companyProductIds(db: Db, companyId: string, statuses: ProductStatus[], categoryCode: string | undefined, limit: number): Promise<string[]> {
  let q = t(db).selectFrom('products as p').select('p.id').where('p.company_id', '=', companyId).where('p.deleted_at', 'is', null).where('p.status', 'in', statuses)
    .orderBy('p.id').limit(limit);
  if (categoryCode) {
    const code = categoryCode;
    q = q.where('p.category_id', 'in', (eb) => eb.selectFrom('categories as c').select('c.id').where((w) => w.or([w('c.code', '=', code), w(sql<boolean>`starts_with(c.code, ${`${code}.`})`, '=', true)])));
  }
  return (await q.execute()).map((r) => r.id);
}
