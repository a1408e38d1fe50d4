import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { NullableTimestamp, Timestamp } from '../../platform/tables.js';

/** numeric columns: exact decimal strings when read, numbers when written. */
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
export type TargetType = 'product' | 'supplier';

interface FoldersTable {
  id: string;
  user_id: string;
  name: string | null;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
interface FavoritesTable {
  id: string;
  user_id: string;
  folder_id: string;
  target_type: TargetType;
  product_id: string | null;
  company_id: string;
  note: ColumnType<string, string | undefined, string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  alert_price_drop: ColumnType<boolean, boolean | undefined, boolean>;
  alert_back_in_stock: ColumnType<boolean, boolean | undefined, boolean>;
  saved_title_zh: string;
  saved_title_en: string | null;
  saved_unit_price: number | null;
  saved_quantity: NullableNumeric;
  saved_unit: string | null;
  saved_stock: NullableNumeric;
  price_floor: number | null;
  last_stock: NullableNumeric;
  observed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type FavoritesTables = { favorite_folders: FoldersTable; favorites: FavoritesTable };

export type FolderRow = Selectable<FoldersTable>;
export type FavoriteRow = Selectable<FavoritesTable>;

const t = (db: Db) => db.withTables<FavoritesTables>();

/** True for a unique violation (PostgreSQL and PGlite both report SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

// ---- folders

export async function foldersOf(db: Db, userId: string): Promise<FolderRow[]> {
  return t(db).selectFrom('favorite_folders').selectAll().where('user_id', '=', userId).orderBy('is_default', 'desc').orderBy('id').execute();
}

export async function findFolder(db: Db, userId: string, id: string): Promise<FolderRow | undefined> {
  return t(db).selectFrom('favorite_folders').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
}

export async function findDefaultFolder(db: Db, userId: string): Promise<FolderRow | undefined> {
  return t(db).selectFrom('favorite_folders').selectAll().where('user_id', '=', userId).where('is_default', '=', true).executeTakeFirst();
}

/** Creates the user's default folder unless it exists (safe under concurrency: the partial unique index decides). */
export async function insertDefaultFolder(db: Db, id: string, userId: string): Promise<void> {
  await t(db).insertInto('favorite_folders').values({ id, user_id: userId, name: null, is_default: true })
    .onConflict((oc) => oc.column('user_id').where('is_default', '=', true).doNothing()).execute();
}

export async function countFolders(db: Db, userId: string): Promise<number> {
  const r = await t(db).selectFrom('favorite_folders').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertFolder(db: Db, row: { id: string; userId: string; name: string }): Promise<FolderRow> {
  return t(db).insertInto('favorite_folders').values({ id: row.id, user_id: row.userId, name: row.name }).returningAll().executeTakeFirstOrThrow();
}

export async function renameFolder(db: Db, userId: string, id: string, name: string): Promise<FolderRow | undefined> {
  return t(db).updateTable('favorite_folders').set({ name, updated_at: new Date() }).where('user_id', '=', userId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteFolder(db: Db, userId: string, id: string): Promise<void> {
  await t(db).deleteFrom('favorite_folders').where('user_id', '=', userId).where('id', '=', id).where('is_default', '=', false).execute();
}

/** Items per folder and type, for the folder list. */
export async function folderCounts(db: Db, userId: string): Promise<Array<{ folder_id: string; target_type: TargetType; n: number }>> {
  const rows = await t(db).selectFrom('favorites').select(['folder_id', 'target_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', '=', userId).groupBy(['folder_id', 'target_type']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

// ---- favorites

export interface Snapshot {
  titleZh: string;
  titleEn: string | null;
  unitPrice: number | null;
  quantity: number | null;
  unit: string | null;
  stock: number | null;
}

export interface NewFavorite {
  id: string;
  userId: string;
  folderId: string;
  targetType: TargetType;
  productId: string | null;
  companyId: string;
  note: string;
  tags: string[];
  alertPriceDrop: boolean;
  alertBackInStock: boolean;
  snapshot: Snapshot;
  observedAt: Date | null;
}

export async function findByTarget(db: Db, userId: string, target: { type: 'product'; productId: string } | { type: 'supplier'; companyId: string }): Promise<FavoriteRow | undefined> {
  let q = t(db).selectFrom('favorites').selectAll().where('user_id', '=', userId).where('target_type', '=', target.type);
  q = target.type === 'product' ? q.where('product_id', '=', target.productId) : q.where('company_id', '=', target.companyId);
  return q.executeTakeFirst();
}

export async function findFavorite(db: Db, userId: string, id: string, forUpdate = false): Promise<FavoriteRow | undefined> {
  let q = t(db).selectFrom('favorites').selectAll().where('user_id', '=', userId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function countFavorites(db: Db, userId: string): Promise<number> {
  const r = await t(db).selectFrom('favorites').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts unless the user already saved this target; returns the row only when inserted. */
export async function insertFavorite(db: Db, f: NewFavorite): Promise<FavoriteRow | undefined> {
  return t(db).insertInto('favorites')
    .values({
      id: f.id, user_id: f.userId, folder_id: f.folderId, target_type: f.targetType, product_id: f.productId, company_id: f.companyId,
      note: f.note, tags: f.tags, alert_price_drop: f.alertPriceDrop, alert_back_in_stock: f.alertBackInStock,
      saved_title_zh: f.snapshot.titleZh, saved_title_en: f.snapshot.titleEn, saved_unit_price: f.snapshot.unitPrice,
      saved_quantity: f.snapshot.quantity, saved_unit: f.snapshot.unit, saved_stock: f.snapshot.stock,
      price_floor: f.snapshot.unitPrice, last_stock: f.snapshot.stock, observed_at: f.observedAt,
    })
    .onConflict((oc) => (f.targetType === 'product'
      ? oc.columns(['user_id', 'product_id']).where('target_type', '=', 'product')
      : oc.columns(['user_id', 'company_id']).where('target_type', '=', 'supplier')).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export interface FavoritePatch {
  folderId?: string | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
  alertPriceDrop?: boolean | undefined;
  alertBackInStock?: boolean | undefined;
}

export async function updateFavorite(db: Db, userId: string, id: string, p: FavoritePatch): Promise<FavoriteRow | undefined> {
  return t(db).updateTable('favorites')
    .set({
      updated_at: new Date(),
      ...(p.folderId !== undefined ? { folder_id: p.folderId } : {}),
      ...(p.note !== undefined ? { note: p.note } : {}),
      ...(p.tags !== undefined ? { tags: p.tags } : {}),
      ...(p.alertPriceDrop !== undefined ? { alert_price_drop: p.alertPriceDrop } : {}),
      ...(p.alertBackInStock !== undefined ? { alert_back_in_stock: p.alertBackInStock } : {}),
    })
    .where('user_id', '=', userId).where('id', '=', id)
    .returningAll().executeTakeFirst();
}

export async function deleteFavorite(db: Db, userId: string, id: string): Promise<FavoriteRow | undefined> {
  return t(db).deleteFrom('favorites').where('user_id', '=', userId).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Deleting a folder: its items move to the default folder, or are deleted (returned, for their events). */
export async function moveFolderItems(db: Db, userId: string, fromFolderId: string, toFolderId: string): Promise<number> {
  const r = await t(db).updateTable('favorites').set({ folder_id: toFolderId, updated_at: new Date() })
    .where('user_id', '=', userId).where('folder_id', '=', fromFolderId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteFolderItems(db: Db, userId: string, folderId: string): Promise<FavoriteRow[]> {
  return t(db).deleteFrom('favorites').where('user_id', '=', userId).where('folder_id', '=', folderId).returningAll().execute();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ListFilter {
  userId: string;
  type?: TargetType | undefined;
  folderId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** The user's bookmarks, newest saved first; q matches every term in the saved title, the note or a tag. */
export async function listFavorites(db: Db, f: ListFilter): Promise<FavoriteRow[]> {
  let q = t(db).selectFrom('favorites').selectAll().where('user_id', '=', f.userId);
  if (f.type) q = q.where('target_type', '=', f.type);
  if (f.folderId) q = q.where('folder_id', '=', f.folderId);
  if (f.tag) q = q.where(sql<boolean>`tags @> ARRAY[${f.tag}]::text[]`);
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(term)}%`;
    q = q.where((eb) => eb.or([
      eb('saved_title_zh', 'ilike', pattern), eb('saved_title_en', 'ilike', pattern), eb('note', 'ilike', pattern),
      sql<boolean>`EXISTS (SELECT 1 FROM unnest(tags) AS tag WHERE tag ILIKE ${pattern})`,
    ]));
  }
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

/** The user's tags with how many bookmarks carry each, most used first. */
export async function tagsOf(db: Db, userId: string): Promise<Array<{ tag: string; count: number }>> {
  const r = await sql<{ tag: string; n: number }>`
    SELECT tag, count(*) AS n FROM favorites, unnest(tags) AS tag WHERE user_id = ${userId}
    GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 200`.execute(db);
  return r.rows.map((x) => ({ tag: x.tag, count: Number(x.n) }));
}

/** Which of these targets the user saved, in one query. */
export async function statusOf(db: Db, userId: string, productIds: string[], companyIds: string[]): Promise<FavoriteRow[]> {
  if (productIds.length === 0 && companyIds.length === 0) return [];
  return t(db).selectFrom('favorites').selectAll().where('user_id', '=', userId)
    .where((eb) => eb.or([
      ...(productIds.length ? [eb.and([eb('target_type', '=', 'product'), eb('product_id', 'in', productIds)])] : []),
      ...(companyIds.length ? [eb.and([eb('target_type', '=', 'supplier'), eb('company_id', 'in', companyIds)])] : []),
    ]))
    .execute();
}

// ---- alerts

/** Every bookmark of a product, locked for the alert check (one transaction per product change). */
export async function productFavoritesForUpdate(db: Db, productId: string): Promise<FavoriteRow[]> {
  return t(db).selectFrom('favorites').selectAll().where('target_type', '=', 'product').where('product_id', '=', productId).orderBy('id').forUpdate().execute();
}

export async function hasProductFavorites(db: Db, productId: string): Promise<boolean> {
  return Boolean(await t(db).selectFrom('favorites').select('id').where('target_type', '=', 'product').where('product_id', '=', productId).limit(1).executeTakeFirst());
}

export async function setAlertState(db: Db, id: string, s: { priceFloor: number | null; lastStock: number | null; observedAt: Date }): Promise<void> {
  await t(db).updateTable('favorites').set({ price_floor: s.priceFloor, last_stock: s.lastStock, observed_at: s.observedAt }).where('id', '=', id).execute();
}

// ---- supplier counts (never who)

export async function supplierCounts(db: Db, companyId: string): Promise<{ supplier: number; product: number }> {
  const rows = await t(db).selectFrom('favorites').select(['target_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId).groupBy('target_type').execute();
  const of = (type: TargetType) => Number(rows.find((r) => r.target_type === type)?.n ?? 0);
  return { supplier: of('supplier'), product: of('product') };
}

export async function topProducts(db: Db, companyId: string, limit: number): Promise<Array<{ productId: string; count: number }>> {
  const rows = await t(db).selectFrom('favorites').select(['product_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId).where('target_type', '=', 'product')
    .groupBy('product_id').orderBy(sql`count(*)`, 'desc').orderBy('product_id').limit(limit).execute();
  return rows.filter((r) => r.product_id !== null).map((r) => ({ productId: r.product_id!, count: Number(r.n) }));
}
