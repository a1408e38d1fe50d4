import type { RequestContext } from '../../platform/context.js';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { formatQuantityText } from '../../platform/money.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireUser } from '../../platform/policy.js';
import type { AccountsModule } from '../accounts/index.js';
import { lineTotal, skuLabels, tierAt, UNIT_NAMES, type AttributeDefinition, type PriceTier, type ProductView } from '../catalog/index.js';
import type { CreditModule } from '../credit/index.js';
import type { TrustModule } from '../trust/index.js';
import { PurchaseListErrors } from './errors.js';
import { record } from './events.js';
import * as store from './store.js';

/** What the purchase list reads from the catalog (wired in app.ts from catalog.products / catalog.inventory). */
export interface CatalogPort {
  /** Full views of the live products among ids (deleted ones are missing). */
  viewsOf(ids: string[]): Promise<ProductView[]>;
  /** The product each SKU belongs to (SKUs that do not exist are missing). */
  productsOfSkus(skuIds: string[]): Promise<Map<string, string>>;
  /** The SKU-defining attributes of each category's template (the lines' SKU labels); cached by the catalog. */
  skuTemplates(categoryIds: string[]): Promise<Map<string, AttributeDefinition[]>>;
}

export interface Deps {
  companies: Pick<AccountsModule['companies'], 'profilesOf'>;
  credit: Pick<CreditModule['credit'], 'currentGrades'>;
  verification: Pick<TrustModule['verification'], 'verifiedAmong'>;
  catalog: CatalogPort;
}

export const MAX_ITEMS = 200;

export type Problem = 'below_moq' | 'above_stock' | 'unavailable';

export interface ItemView {
  id: string;
  productId: string;
  skuId: string;
  title: string;
  titleZh: string;
  titleEn: string | null;
  /** The SKU's option labels in Chinese (as the order line will keep them), and in English. */
  skuLabel: string;
  skuLabelEn: string;
  skuCode: string | null;
  image: string | null;
  unit: string;
  quantity: number;
  /** The product's quantity in the list that prices this line (its selected lines; this one counted when unselected). */
  productQuantity: number;
  moq: number | null;
  stock: number | null;
  unitPrice: number | null;
  lineTotal: number | null;
  addedPrice: number | null;
  priceChanged: boolean;
  selected: boolean;
  leadTimeDays: number | null;
  problems: Problem[];
  addedAt: Date;
}

export interface SupplierCard { id: string; name: string; nameEn: string | null; grade: string | null; verified: boolean }

export interface GroupView {
  supplier: SupplierCard;
  items: ItemView[];
  /** Selected lines without problems: what checkout would order from this supplier. */
  subtotal: number;
  selectedCount: number;
  orderable: boolean;
}

export interface ListView {
  companyId: string;
  groups: GroupView[];
  total: number;
  count: number;
  selectedCount: number;
  currency: 'CNY';
  maxItems: number;
}

const num = (v: string | number): number => Number(v);
/** Sums to thousandths without binary drift (quantities carry at most three decimals). */
const addQty = (a: number, b: number): number => Math.round(a * 1000 + b * 1000) / 1000;

function skuTiers(product: ProductView, skuId: string): PriceTier[] {
  const sku = product.skus.find((s) => s.id === skuId);
  return sku?.priceTiers?.length ? sku.priceTiers : product.priceTiers;
}

/** The unit price at a quantity: the tier covering it, or the first tier below the lowest break (a below-MOQ line). */
export function unitPriceAt(tiers: PriceTier[], quantity: number): number | null {
  return tierAt(tiers, quantity)?.unitPrice ?? tiers[0]?.unitPrice ?? null;
}

/**
 * Prices a list from the catalog's views: each product's tier and MOQ apply to its total quantity across its SKUs
 * (the selected lines; an unselected line is priced as if it were added to them), the way checkout prices one order.
 * Lines whose product is gone, unpublished, or whose SKU was removed are 'unavailable' and priced at nothing.
 */
export function priceItems(rows: store.ItemRow[], views: Map<string, ProductView>, locale: 'zh-CN' | 'en-US', templates: Map<string, AttributeDefinition[]> = new Map()): ItemView[] {
  const selectedTotals = new Map<string, number>();
  for (const r of rows) if (r.selected) selectedTotals.set(r.product_id, addQty(selectedTotals.get(r.product_id) ?? 0, num(r.quantity)));
  return rows.map((r) => {
    const quantity = num(r.quantity);
    const product = views.get(r.product_id);
    const sku = product?.skus.find((s) => s.id === r.sku_id);
    const base = {
      id: r.id, productId: r.product_id, skuId: r.sku_id, titleZh: product?.titleZh ?? r.title_zh, titleEn: product ? product.titleEn : r.title_en,
      quantity, addedPrice: r.added_price, selected: r.selected, addedAt: r.created_at,
    };
    const title = locale === 'en-US' && base.titleEn ? base.titleEn : base.titleZh;
    const label = product && sku ? skuLabels(sku.attributes, templates.get(product.categoryId) ?? []) : { zh: '', en: '' };
    const labels = { skuLabel: label.zh || (sku?.code ?? ''), skuLabelEn: label.en || (sku?.code ?? '') };
    if (!product || !sku || product.status !== 'published') {
      return {
        ...base, title, ...labels, skuCode: sku?.code ?? null,
        image: product?.images[0]?.thumbnails['160'] ?? null, unit: product?.unit ?? '', productQuantity: quantity, moq: product?.moq ?? null, stock: sku?.stock ?? null,
        unitPrice: null, lineTotal: null, priceChanged: false, leadTimeDays: product?.leadTimeDays ?? null, problems: ['unavailable'],
      };
    }
    const productQuantity = r.selected ? (selectedTotals.get(r.product_id) ?? quantity) : addQty(selectedTotals.get(r.product_id) ?? 0, quantity);
    const unitPrice = unitPriceAt(skuTiers(product, r.sku_id), productQuantity);
    const problems: Problem[] = [];
    if (productQuantity < product.moq) problems.push('below_moq');
    if (quantity > sku.stock) problems.push('above_stock');
    const total = unitPrice === null ? null : lineTotal(unitPrice, quantity);
    return {
      ...base, title, ...labels, skuCode: sku.code,
      image: product.images[0]?.thumbnails['160'] ?? null, unit: product.unit, productQuantity, moq: product.moq, stock: sku.stock,
      unitPrice, lineTotal: total === null || Number.isNaN(total) ? null : total,
      priceChanged: r.added_price !== null && unitPrice !== null && unitPrice !== r.added_price,
      leadTimeDays: product.leadTimeDays, problems,
    };
  });
}

/** Groups priced lines by supplier in the order the suppliers' newest lines were added; totals count selected lines without problems. */
export function groupItems(rows: store.ItemRow[], items: ItemView[], suppliers: Map<string, SupplierCard>): { groups: GroupView[]; total: number } {
  const bySupplier = new Map<string, ItemView[]>();
  rows.forEach((r, i) => {
    const list = bySupplier.get(r.supplier_company_id);
    if (list) list.push(items[i]!);
    else bySupplier.set(r.supplier_company_id, [items[i]!]);
  });
  const groups: GroupView[] = [];
  let total = 0;
  for (const [supplierId, lines] of bySupplier) {
    const orderableLines = lines.filter((l) => l.selected && l.problems.length === 0 && l.lineTotal !== null);
    const subtotal = orderableLines.reduce((s, l) => s + l.lineTotal!, 0);
    const selectedCount = lines.filter((l) => l.selected).length;
    total += subtotal;
    groups.push({
      supplier: suppliers.get(supplierId) ?? { id: supplierId, name: '', nameEn: null, grade: null, verified: false },
      items: lines, subtotal, selectedCount,
      orderable: selectedCount > 0 && lines.every((l) => !l.selected || l.problems.length === 0),
    });
  }
  return { groups, total };
}

export class PurchaseListService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  private buyer(ctx: RequestContext, companyId: string) {
    return authorize(ctx, 'company.orders.place', companyId);
  }

  private async suppliers(ids: string[]): Promise<Map<string, SupplierCard>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, SupplierCard>();
    if (unique.length === 0) return out;
    const ctx = systemContext();
    const [profiles, grades, verified] = await Promise.all([
      this.deps.companies.profilesOf(ctx, unique), this.deps.credit.currentGrades(unique), this.deps.verification.verifiedAmong(unique),
    ]);
    for (const id of unique) {
      const p = profiles.get(id);
      if (!p) continue;
      out.set(id, { id, name: p.legalName, nameEn: p.nameEn, grade: grades.get(id) ?? null, verified: verified.has(id) });
    }
    return out;
  }

  /**
   * The user's purchase list for the buying company, grouped by supplier and priced now. A constant number of queries
   * whatever the number of items or suppliers (one for the items, the catalog's batch read of the products, and one
   * each for the suppliers' names, grades and verifications).
   */
  async list(ctx: RequestContext, companyId: string): Promise<ListView> {
    const actor = this.buyer(ctx, companyId);
    const rows = await store.itemsOf(this.db, actor.userId, companyId);
    return this.view(ctx, companyId, rows);
  }

  private async view(ctx: RequestContext, companyId: string, rows: store.ItemRow[]): Promise<ListView> {
    const productIds = [...new Set(rows.map((r) => r.product_id))];
    const views = new Map((productIds.length ? await this.deps.catalog.viewsOf(productIds) : []).map((v) => [v.id, v]));
    const templates = views.size ? await this.deps.catalog.skuTemplates([...new Set([...views.values()].map((v) => v.categoryId))]) : new Map<string, AttributeDefinition[]>();
    const items = priceItems(rows, views, ctx.locale, templates);
    const suppliers = await this.suppliers(rows.map((r) => r.supplier_company_id));
    const { groups, total } = groupItems(rows, items, suppliers);
    return { companyId, groups, total, count: rows.length, selectedCount: rows.filter((r) => r.selected).length, currency: 'CNY', maxItems: MAX_ITEMS };
  }

  /** How many lines the user's list for the company holds (the header badge). One query. */
  async count(ctx: RequestContext, companyId: string): Promise<{ count: number }> {
    const actor = this.buyer(ctx, companyId);
    return { count: await store.countItems(this.db, actor.userId, companyId) };
  }

  private aboveStock(product: ProductView, stock: number, requested: number): DomainError {
    const unit = UNIT_NAMES[product.unit];
    return new DomainError(PurchaseListErrors.PURCHASE_LIST_ABOVE_STOCK, { stock: formatQuantityText(stock), requested: formatQuantityText(requested), unitZh: unit.zh, unitEn: unit.en }, [{ path: 'body.quantity', message: `≤ ${stock}` }]);
  }

  /**
   * Adds a SKU (of a published product of another company) with a quantity; adding a SKU already on the list adds
   * to its quantity. Refused when the line would exceed the SKU's stock. A quantity below the MOQ is kept: the list
   * shows the problem (other SKUs of the product may make up the MOQ).
   */
  async add(ctx: RequestContext, input: { companyId: string; skuId: string; quantity: number }) {
    const actor = this.buyer(ctx, input.companyId);
    const productId = (await this.deps.catalog.productsOfSkus([input.skuId])).get(input.skuId);
    const product = productId ? (await this.deps.catalog.viewsOf([productId]))[0] : undefined;
    const sku = product?.skus.find((s) => s.id === input.skuId);
    if (!product || !sku || product.status !== 'published') throw new DomainError(PurchaseListErrors.PURCHASE_LIST_SKU_NOT_FOUND);
    if (product.companyId === input.companyId) throw new DomainError(PurchaseListErrors.PURCHASE_LIST_OWN_PRODUCT);
    const { row, created, count } = await this.platform.database.transaction(async (trx) => {
      const existing = await store.findBySku(trx, actor.userId, input.companyId, input.skuId, true);
      const requested = addQty(existing ? num(existing.quantity) : 0, input.quantity);
      if (requested > sku.stock) throw this.aboveStock(product, sku.stock, requested);
      if (!existing && (await store.countItems(trx, actor.userId, input.companyId)) >= MAX_ITEMS) throw new DomainError(PurchaseListErrors.PURCHASE_LIST_FULL, { max: MAX_ITEMS });
      // The price at add: the tier at the product's selected total once this line is in.
      const others = (await store.itemsOf(trx, actor.userId, input.companyId)).filter((r) => r.product_id === product.id && r.sku_id !== input.skuId && r.selected);
      const productQuantity = others.reduce((s, r) => addQty(s, num(r.quantity)), requested);
      const result = await store.upsertItem(trx, {
        id: uuidv7(), userId: actor.userId, companyId: input.companyId, productId: product.id, skuId: input.skuId, supplierCompanyId: product.companyId,
        quantity: input.quantity, addedPrice: unitPriceAt(skuTiers(product, input.skuId), productQuantity), titleZh: product.titleZh, titleEn: product.titleEn,
      });
      await record(trx, actor.userId, input.companyId, {
        type: 'purchase_list.item_added',
        payload: { itemId: result.row.id, productId: product.id, skuId: input.skuId, supplierCompanyId: product.companyId, quantity: input.quantity, created: result.created },
      });
      return { ...result, count: await store.countItems(trx, actor.userId, input.companyId) };
    });
    return {
      created,
      item: { id: row.id, productId: row.product_id, skuId: row.sku_id, quantity: num(row.quantity), selected: row.selected },
      count,
    };
  }

  private async itemOrThrow(db: Db, userId: string, id: string, forUpdate = false): Promise<store.ItemRow> {
    const row = await store.findItem(db, userId, id, forUpdate);
    if (!row) throw new DomainError(PurchaseListErrors.PURCHASE_LIST_ITEM_NOT_FOUND);
    return row;
  }

  /**
   * Changes a line's quantity or selection; returns the whole list (the product's other lines may change tier).
   * Raising a quantity above the stock, or raising one of a product no longer on sale, is refused; lowering is not.
   */
  async patch(ctx: RequestContext, id: string, input: { quantity?: number | undefined; selected?: boolean | undefined }): Promise<ListView> {
    const current = await this.itemOrThrow(this.db, requireUser(ctx).userId, id);
    const actor = this.buyer(ctx, current.company_id);
    if (input.quantity !== undefined && input.quantity > num(current.quantity)) {
      const product = (await this.deps.catalog.viewsOf([current.product_id]))[0];
      const sku = product?.skus.find((s) => s.id === current.sku_id);
      if (!product || !sku || product.status !== 'published') throw new DomainError(PurchaseListErrors.PURCHASE_LIST_UNAVAILABLE);
      if (input.quantity > sku.stock) throw this.aboveStock(product, sku.stock, input.quantity);
    }
    const updated = await store.updateItem(this.db, actor.userId, id, input);
    if (!updated) throw new DomainError(PurchaseListErrors.PURCHASE_LIST_ITEM_NOT_FOUND);
    return this.list(ctx, current.company_id);
  }

  /** Removes lines of the user's list for the company (ids not on it are ignored); returns the list. */
  async remove(ctx: RequestContext, companyId: string, ids: string[]): Promise<ListView> {
    const actor = this.buyer(ctx, companyId);
    await this.platform.database.transaction(async (trx) => {
      const rows = (await store.deleteItems(trx, actor.userId, ids)).filter((r) => r.company_id === companyId);
      for (const r of rows) {
        await record(trx, actor.userId, companyId, { type: 'purchase_list.item_removed', payload: { itemId: r.id, productId: r.product_id, skuId: r.sku_id, supplierCompanyId: r.supplier_company_id } });
      }
    });
    return this.list(ctx, companyId);
  }

  /** Removes one line (DELETE /purchase-list/items/{id}). */
  async removeOne(ctx: RequestContext, id: string): Promise<ListView> {
    const current = await this.itemOrThrow(this.db, requireUser(ctx).userId, id);
    return this.remove(ctx, current.company_id, [id]);
  }

  /** Selects or clears all lines, or one supplier's lines. */
  async select(ctx: RequestContext, input: { companyId: string; selected: boolean; supplierCompanyId?: string | undefined }): Promise<ListView> {
    const actor = this.buyer(ctx, input.companyId);
    await store.setSelected(this.db, actor.userId, input.companyId, input.selected, input.supplierCompanyId);
    return this.list(ctx, input.companyId);
  }

  // ---------------------------------------------------------------------------------------------------------
  // For checkout (the orders module, through index.ts)

  /** The user's selected lines for the company, as checkout's default items. One query. */
  async selectedItems(userId: string, companyId: string): Promise<Array<{ skuId: string; productId: string; quantity: number }>> {
    const rows = await store.selectedOf(this.db, userId, companyId);
    return rows.map((r) => ({ skuId: r.sku_id, productId: r.product_id, quantity: num(r.quantity) }));
  }

  /** Removes the SKUs just ordered from the user's list, inside checkout's transaction. */
  async removeOrdered(trx: Db, userId: string, companyId: string, skuIds: string[]): Promise<number> {
    return store.deleteSkus(trx, userId, companyId, [...new Set(skuIds)]);
  }
}
