import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Timestamp } from '../../platform/tables.js';

/** numeric columns: exact decimal strings when read, numbers when written. */
type Numeric = ColumnType<string, number | string, number | string>;

interface ItemsTable {
  id: string;
  user_id: string;
  company_id: string;
  product_id: string;
  sku_id: string;
  supplier_company_id: string;
  quantity: Numeric;
  selected: ColumnType<boolean, boolean | undefined, boolean>;
  added_price: number | null;
  title_zh: string;
  title_en: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type PurchaseListTables = { purchase_list_items: ItemsTable };

export type ItemRow = Selectable<ItemsTable>;

const t = (db: Db) => db.withTables<PurchaseListTables>();

/** bigint columns come back as strings from pg; numbers from PGlite. */
const int = (v: string | number | null): number | null => (v === null ? null : Number(v));

function normalize(r: ItemRow): ItemRow {
  return { ...r, added_price: int(r.added_price) };
}

/** The user's list for one buying company, newest first. One query. */
export async function itemsOf(db: Db, userId: string, companyId: string): Promise<ItemRow[]> {
  const rows = await t(db).selectFrom('purchase_list_items').selectAll().where('user_id', '=', userId).where('company_id', '=', companyId).orderBy('id', 'desc').execute();
  return rows.map(normalize);
}

export async function findItem(db: Db, userId: string, id: string, forUpdate = false): Promise<ItemRow | undefined> {
  let q = t(db).selectFrom('purchase_list_items').selectAll().where('user_id', '=', userId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? normalize(row) : undefined;
}

export async function findBySku(db: Db, userId: string, companyId: string, skuId: string, forUpdate = false): Promise<ItemRow | undefined> {
  let q = t(db).selectFrom('purchase_list_items').selectAll().where('user_id', '=', userId).where('company_id', '=', companyId).where('sku_id', '=', skuId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? normalize(row) : undefined;
}

export async function countItems(db: Db, userId: string, companyId: string): Promise<number> {
  const r = await t(db).selectFrom('purchase_list_items').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('company_id', '=', companyId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface NewItem {
  id: string;
  userId: string;
  companyId: string;
  productId: string;
  skuId: string;
  supplierCompanyId: string;
  quantity: number;
  addedPrice: number | null;
  titleZh: string;
  titleEn: string | null;
}

/** Adds the SKU, or adds the quantity to the line already holding it (which is selected again). Returns the row. */
export async function upsertItem(db: Db, n: NewItem): Promise<{ row: ItemRow; created: boolean }> {
  const row = await t(db).insertInto('purchase_list_items')
    .values({
      id: n.id, user_id: n.userId, company_id: n.companyId, product_id: n.productId, sku_id: n.skuId, supplier_company_id: n.supplierCompanyId,
      quantity: n.quantity, selected: true, added_price: n.addedPrice, title_zh: n.titleZh, title_en: n.titleEn,
    })
    .onConflict((oc) => oc.columns(['user_id', 'company_id', 'sku_id']).doUpdateSet((eb) => ({
      quantity: sql`${eb.ref('purchase_list_items.quantity')} + ${eb.ref('excluded.quantity')}`,
      selected: true, title_zh: eb.ref('excluded.title_zh'), title_en: eb.ref('excluded.title_en'), updated_at: new Date(),
    })))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row: normalize(row), created: row.id === n.id };
}

export async function updateItem(db: Db, userId: string, id: string, p: { quantity?: number | undefined; selected?: boolean | undefined }): Promise<ItemRow | undefined> {
  const row = await t(db).updateTable('purchase_list_items')
    .set({
      updated_at: new Date(),
      ...(p.quantity !== undefined ? { quantity: p.quantity } : {}),
      ...(p.selected !== undefined ? { selected: p.selected } : {}),
    })
    .where('user_id', '=', userId).where('id', '=', id)
    .returningAll().executeTakeFirst();
  return row ? normalize(row) : undefined;
}

/** Selects or clears every item of the list, or of one supplier's group. */
export async function setSelected(db: Db, userId: string, companyId: string, selected: boolean, supplierCompanyId?: string): Promise<number> {
  let q = t(db).updateTable('purchase_list_items').set({ selected, updated_at: new Date() }).where('user_id', '=', userId).where('company_id', '=', companyId);
  if (supplierCompanyId) q = q.where('supplier_company_id', '=', supplierCompanyId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteItems(db: Db, userId: string, ids: string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await t(db).deleteFrom('purchase_list_items').where('user_id', '=', userId).where('id', 'in', ids).returningAll().execute();
  return rows.map(normalize);
}

/** Checkout: removes the SKUs just ordered from the user's list for that company. */
export async function deleteSkus(db: Db, userId: string, companyId: string, skuIds: string[]): Promise<number> {
  if (skuIds.length === 0) return 0;
  const r = await t(db).deleteFrom('purchase_list_items').where('user_id', '=', userId).where('company_id', '=', companyId).where('sku_id', 'in', skuIds).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function selectedOf(db: Db, userId: string, companyId: string): Promise<ItemRow[]> {
  const rows = await t(db).selectFrom('purchase_list_items').selectAll().where('user_id', '=', userId).where('company_id', '=', companyId).where('selected', '=', true).orderBy('id').execute();
  return rows.map(normalize);
}
