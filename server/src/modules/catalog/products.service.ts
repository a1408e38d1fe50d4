import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, type FieldError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireOperator, requireUser } from '../../platform/policy.js';
import { PROVINCES, type AccountsModule } from '../accounts/index.js';
import { imageUrls, type FilesModule } from '../files/index.js';
import type { TrustpassModule } from '../trustpass/index.js';
import type { CategoriesService } from './categories.service.js';
import { pathItem, type CategoryPathItem } from './categories.service.js';
import { CatalogErrors } from './errors.js';
import { productEvent, record } from './events.js';
import {
  completeness, expandSkuOptions, lineTotal, lowestTiers, resolveTemplate, skuLabels, tierAt, UNIT_NAMES, validateAttributes, validateSkus, validateTiers, valueLabels,
  type AttributeDefinition, type AttributeValue, type PriceTier, type SkuDraft, type Unit,
} from './rules.js';
import type { ProductInput, ProductPatch } from './schemas.js';
import * as store from './store.js';

export interface Deps {
  companies: AccountsModule['companies'];
  files: FilesModule['files'];
  trustpass: TrustpassModule['trustpass'];
}

export type ProductStatus = store.ProductStatus;
type Thumbnails = Record<'160' | '400' | '800', string>;

export interface Sku { id: string; code: string | null; attributes: Record<string, string>; stock: number; priceTiers: PriceTier[] | null }

/** A product as the API returns it (docs/catalog-contract.md, ProductView). */
export interface ProductView {
  id: string; companyId: string; categoryId: string; categoryPath: CategoryPathItem[]; status: ProductStatus;
  takedown: { reason: string; at: Date } | null;
  titleZh: string; titleEn: string | null; descriptionZh: string; descriptionEn: string | null;
  images: Array<{ fileId: string; url: string; thumbnails: Thumbnails }>;
  attributes: Record<string, AttributeValue>; skus: Sku[]; priceTiers: PriceTier[]; moq: number; unit: Unit; leadTimeDays: number;
  sample: { unitPrice: number; maxQuantity: number } | null; origin: string | null; dispatchProvince: string; currency: 'CNY';
  createdAt: Date; updatedAt: Date; publishedAt: Date | null;
}

/** What search and storefront index (docs/catalog-contract.md). */
export interface ProductIndexView {
  id: string; companyId: string; status: ProductStatus;
  categoryId: string; categoryPathIds: string[]; categoryNamesZh: string[]; categoryNamesEn: string[];
  titleZh: string; titleEn: string | null; descriptionZh: string; descriptionEn: string | null;
  attributes: Record<string, AttributeValue>;
  skuAttributeValues: Record<string, string[]>;
  attributeLabels: Array<{ key: string; zh: string; en: string; valueZh: string; valueEn: string; filterable: boolean }>;
  priceTiers: PriceTier[];
  moq: number; unit: Unit; leadTimeDays: number; totalStock: number;
  imageCount: number; coverUrl: string | null; completeness: number;
  dispatchProvince: string; publishedAt: string | null; updatedAt: string;
}

/** A product card. */
export interface ProductSummary {
  id: string; companyId: string; titleZh: string; titleEn: string | null; coverUrl: string | null; thumbnails: Thumbnails | null;
  priceTiers: PriceTier[]; moq: number; unit: Unit; status: ProductStatus;
}

/** One SKU as checkout prices and records it: the SKU's own tiers (null: the product's) and what the order line copies. */
export interface CheckoutSku {
  skuId: string; attributes: Record<string, string>; label: { zh: string; en: string }; priceTiers: PriceTier[] | null;
  product: {
    id: string; companyId: string; status: ProductStatus; moq: number; unit: Unit; leadTimeDays: number;
    titleZh: string; titleEn: string | null; priceTiers: PriceTier[]; imageUrl: string | null;
  };
}

export interface ProductListItem {
  id: string; companyId: string; categoryId: string; status: ProductStatus; takedown: { reason: string; at: Date } | null;
  titleZh: string; titleEn: string | null; coverUrl: string | null; thumbnails: Thumbnails | null;
  priceTiers: PriceTier[]; moq: number; unit: Unit; skuCount: number; totalStock: number; createdAt: Date; updatedAt: Date; publishedAt: Date | null;
}

/**
 * A row of the operators' list: the company's legal name beside the product (null if the company is gone), and its
 * English name (null if it has none) for the English console.
 */
export interface AdminProductListItem extends ProductListItem { companyName: string | null; companyNameEn: string | null }

export type BulkAction = 'publish' | 'delist' | 'delete';

/** Supplier company types; buyers cannot list products. */
const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['manufacturer', 'trading_company', 'both']);
const PROVINCE_CODES: ReadonlySet<string> = new Set(PROVINCES.map((p) => p.code));
const ALL_STATUSES: ProductStatus[] = ['draft', 'published', 'delisted'];

interface SkuRequest { skus?: ProductInput['skus']; skuOptions?: Record<string, string[]> | undefined; stock?: number | undefined }

interface Prepared {
  fields: store.ProductFields;
  imageIds: string[];
  skus: Array<SkuDraft & { id: string }>;
  errors: FieldError[];
}

const say = (ctx: RequestContext, zh: string, en: string) => (ctx.locale === 'zh-CN' ? zh : en);
const num = (v: string | number) => Number(v);

function skuView(r: store.SkuRow): Sku {
  return { id: r.id, code: r.code, attributes: r.attributes, stock: num(r.stock), priceTiers: r.price_tiers };
}

function listItem(r: store.ProductListRow): ProductListItem {
  const cover = r.cover_file_id ? imageUrls(r.cover_file_id) : null;
  return {
    id: r.id, companyId: r.company_id, categoryId: r.category_id, status: r.status,
    takedown: r.takedown_reason && r.taken_down_at ? { reason: r.takedown_reason, at: r.taken_down_at } : null,
    titleZh: r.title_zh, titleEn: r.title_en, coverUrl: cover?.url ?? null, thumbnails: cover?.thumbnails ?? null,
    priceTiers: r.price_tiers, moq: num(r.moq), unit: r.unit, skuCount: Number(r.sku_count), totalStock: num(r.total_stock),
    createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at,
  };
}

function imageView(fileId: string) {
  const { url, thumbnails } = imageUrls(fileId);
  return { fileId, url, thumbnails };
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Product views by id, so a buyer's product page and its price quotes need no query. Only on PGlite, where this
 * process is the database's one writer: every committed transaction (any module's) clears it, and a read that
 * overlapped a commit is not kept (generation check), so nothing stale is served. Writes must go through
 * `database.transaction` for this to hold. On PostgreSQL other processes write too, so there it stays off.
 */
class ViewCache {
  private readonly views = new Map<string, ProductView>();
  private gen = 0;

  constructor(
    private readonly enabled: boolean,
    private readonly maxEntries = 5_000,
  ) {}

  get(id: string): ProductView | undefined {
    return this.views.get(id);
  }

  generation(): number {
    return this.gen;
  }

  /** Keeps a view read while the generation was `gen`, unless a commit happened since. */
  set(view: ProductView, gen: number): void {
    if (!this.enabled || gen !== this.gen) return;
    if (this.views.size >= this.maxEntries) this.views.clear();
    this.views.set(view.id, view);
  }

  clear(): void {
    this.gen++;
    this.views.clear();
  }
}

export class ProductsService {
  private readonly cache: ViewCache;

  constructor(
    private readonly platform: Platform,
    private readonly categories: CategoriesService,
    private readonly deps: Deps,
  ) {
    this.cache = new ViewCache(platform.database.kind === 'pglite');
    platform.database.onCommit(() => this.cache.clear());
  }

  private get db() {
    return this.platform.database.db;
  }

  // -------------------------------------------------------------------------------------------------------
  // Reads

  /** One product; drafts and delisted products only for the company's members and operators. Four queries, whatever the SKUs (none when cached). */
  async get(ctx: RequestContext, id: string): Promise<ProductView> {
    return this.visibleView(ctx, id);
  }

  /** The view of a product the actor may see, from the cache or read and kept there. */
  private async visibleView(ctx: RequestContext, id: string): Promise<ProductView> {
    let view = this.cache.get(id);
    if (!view) {
      const gen = this.cache.generation();
      const row = await store.findProduct(this.db, id);
      if (!row) throw new DomainError(CatalogErrors.PRODUCT_NOT_FOUND);
      view = (await this.views(this.db, [row]))[0]!;
      this.cache.set(view, gen);
    }
    if (view.status !== 'published' && !can(ctx.actor, 'company.products.view', view.companyId)) throw new DomainError(CatalogErrors.PRODUCT_NOT_FOUND);
    return view;
  }

  /** Full views of rows: one query each for SKUs, images and category paths. */
  private async views(db: Db, rows: store.ProductRow[]): Promise<ProductView[]> {
    const ids = rows.map((r) => r.id);
    const [skus, images, paths] = [await store.skusOf(db, ids), await store.imagesOf(db, ids), await this.categories.paths(db, rows.map((r) => r.category_id))];
    const skusBy = groupBy(skus, (s) => s.product_id);
    const imagesBy = groupBy(images, (i) => i.product_id);
    return rows.map((r) => ({
      id: r.id, companyId: r.company_id, categoryId: r.category_id, categoryPath: (paths.get(r.category_id) ?? []).map(pathItem), status: r.status,
      takedown: r.takedown_reason && r.taken_down_at ? { reason: r.takedown_reason, at: r.taken_down_at } : null,
      titleZh: r.title_zh, titleEn: r.title_en, descriptionZh: r.description_zh, descriptionEn: r.description_en,
      images: (imagesBy.get(r.id) ?? []).map((i) => imageView(i.file_id)),
      attributes: r.attributes, skus: (skusBy.get(r.id) ?? []).map(skuView), priceTiers: r.price_tiers, moq: num(r.moq), unit: r.unit, leadTimeDays: r.lead_time_days,
      sample: r.sample_unit_price !== null && r.sample_max_quantity !== null ? { unitPrice: r.sample_unit_price, maxQuantity: num(r.sample_max_quantity) } : null,
      origin: r.origin, dispatchProvince: r.dispatch_province, currency: 'CNY',
      createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at,
    }));
  }

  private canSee(ctx: RequestContext, row: store.ProductRow): boolean {
    return row.status === 'published' || can(ctx.actor, 'company.products.view', row.company_id);
  }

  /** Outsiders get 404 for what they may not see, so ids of drafts reveal nothing. */
  private async visible(ctx: RequestContext, id: string): Promise<store.ProductRow> {
    const row = await store.findProduct(this.db, id);
    if (!row || !this.canSee(ctx, row)) throw new DomainError(CatalogErrors.PRODUCT_NOT_FOUND);
    return row;
  }

  private async manageable(ctx: RequestContext, id: string): Promise<{ row: store.ProductRow; actorId: string }> {
    const row = await this.visible(ctx, id);
    return { row, actorId: authorize(ctx, 'company.products.manage', row.company_id).userId };
  }

  /** Unit price and total at a quantity (default: the MOQ) for one SKU, from the product's view (four queries, none when cached). */
  async price(ctx: RequestContext, id: string, q: { sku?: string | undefined; quantity?: number | undefined }) {
    const row = await this.visibleView(ctx, id);
    const skus = row.skus;
    const unit = UNIT_NAMES[row.unit];
    let sku: Sku | undefined;
    if (q.sku) {
      sku = skus.find((s) => s.id === q.sku);
      if (!sku) throw new DomainError(CatalogErrors.SKU_NOT_FOUND, {}, [{ path: 'querystring.sku', message: say(ctx, '该商品没有此规格', 'not a SKU of this product') }]);
    } else if (skus.length === 1) {
      sku = skus[0];
    } else {
      throw new DomainError(CatalogErrors.SKU_REQUIRED, { count: skus.length }, [{ path: 'querystring.sku', message: say(ctx, '请选择规格', 'choose a SKU') }]);
    }
    const moq = row.moq;
    const quantity = q.quantity ?? moq;
    if (quantity < moq) throw new DomainError(CatalogErrors.BELOW_MOQ, { moq, unitZh: unit.zh, unitEn: unit.en }, [{ path: 'querystring.quantity', message: say(ctx, `不少于 ${moq}`, `at least ${moq}`) }]);
    const stock = sku!.stock;
    if (quantity > stock) throw new DomainError(CatalogErrors.ABOVE_STOCK, { stock, unitZh: unit.zh, unitEn: unit.en }, [{ path: 'querystring.quantity', message: say(ctx, `不超过 ${stock}`, `at most ${stock}`) }]);
    const tiers = sku!.priceTiers ?? row.priceTiers;
    const tier = tierAt(tiers, quantity)!;
    const total = lineTotal(tier.unitPrice, quantity);
    if (Number.isNaN(total)) throw new DomainError(CatalogErrors.QUANTITY_TOO_LARGE);
    return {
      productId: row.id, skuId: sku!.id, quantity, unit: row.unit, unitPrice: tier.unitPrice, total, currency: 'CNY' as const,
      tier: { minQuantity: tier.minQuantity, maxQuantity: tier.maxQuantity },
    };
  }

  /** A company's products, newest first: members see every status, everyone else the published ones. One query. */
  async listForCompany(ctx: RequestContext, companyId: string, f: { status?: ProductStatus | undefined; q?: string | undefined; categoryId?: string | undefined; cursor?: string | undefined; limit: number }) {
    const insider = can(ctx.actor, 'company.products.view', companyId);
    const allowed = insider ? ALL_STATUSES : ['published' as const];
    const statuses = f.status ? allowed.filter((s) => s === f.status) : allowed;
    let categoryCode: string | undefined;
    if (f.categoryId) {
      const category = await store.findCategory(this.db, { id: f.categoryId });
      if (!category) throw new DomainError(CatalogErrors.CATEGORY_NOT_FOUND);
      categoryCode = category.code;
    }
    const beforeId = decodeCursor(f.cursor);
    if (statuses.length === 0) return { items: [], nextCursor: null };
    const rows = await store.listCompanyProducts(this.db, { companyId, statuses, q: f.q || undefined, categoryCode, beforeId, limit: f.limit });
    return page(rows.map(listItem), f.limit);
  }

  /**
   * The operators' product list across companies, newest first, with each company's legal and English names: two queries
   * (products with cover and stock, then the names through accounts).
   */
  async adminList(ctx: RequestContext, f: { status?: ProductStatus | undefined; q?: string | undefined; categoryId?: string | undefined; companyId?: string | undefined; cursor?: string | undefined; limit: number }) {
    requireOperator(ctx);
    const categoryCode = f.categoryId ? await this.categoryCode(ctx, f.categoryId) : undefined;
    const beforeId = decodeCursor(f.cursor);
    const rows = await store.listProducts(this.db, { companyId: f.companyId, statuses: f.status ? [f.status] : ALL_STATUSES, q: f.q || undefined, categoryCode, beforeId, limit: f.limit });
    const names = await this.deps.companies.partiesOf(rows.map((r) => r.company_id));
    return page(rows.map((r): AdminProductListItem => {
      const n = names.get(r.company_id);
      return { ...listItem(r), companyName: n?.name ?? null, companyNameEn: n?.nameEn ?? null };
    }), f.limit);
  }

  /** How many live products sit directly in each category, and how many of them are published (operators). One query. */
  async countsByCategory(ctx: RequestContext) {
    requireOperator(ctx);
    const rows = await store.productCountsByCategory(this.db);
    return { items: rows.map((r) => ({ categoryId: r.category_id, total: r.total, published: r.published })) };
  }

  private async categoryCode(ctx: RequestContext, categoryId: string): Promise<string> {
    const category = await store.findCategory(this.db, { id: categoryId });
    if (!category) throw new DomainError(CatalogErrors.CATEGORY_NOT_FOUND, {}, [{ path: 'querystring.categoryId', message: say(ctx, '类目不存在', 'no such category') }]);
    return category.code;
  }

  // -------------------------------------------------------------------------------------------------------
  // For search and storefront (index.ts). Each is a fixed number of queries for any number of ids.

  /** Index views of the live products among ids (deleted or unknown ids are left out), in the order given. Four queries. */
  async indexViews(ids: string[]): Promise<ProductIndexView[]> {
    const rows = await store.findProducts(this.db, [...new Set(ids)]);
    if (rows.length === 0) return [];
    const productIds = rows.map((r) => r.id);
    const [skus, images, paths] = [await store.skusOf(this.db, productIds), await store.imagesOf(this.db, productIds), await this.categories.paths(this.db, rows.map((r) => r.category_id))];
    const skusBy = groupBy(skus, (s) => s.product_id);
    const imagesBy = groupBy(images, (i) => i.product_id);
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return rows.map((r) => {
      const path = paths.get(r.category_id) ?? [];
      const template = resolveTemplate(path.map((p) => p.attributes));
      const productSkus = (skusBy.get(r.id) ?? []).map(skuView);
      const productImages = imagesBy.get(r.id) ?? [];
      const skuAttributeValues: Record<string, string[]> = {};
      for (const s of productSkus) {
        for (const [k, v] of Object.entries(s.attributes)) {
          const list = (skuAttributeValues[k] ??= []);
          if (!list.includes(v)) list.push(v);
        }
      }
      const attributeLabels: ProductIndexView['attributeLabels'] = [];
      for (const def of template) {
        const value = def.definesSku ? skuAttributeValues[def.key] : r.attributes[def.key];
        if (value === undefined) continue;
        const labels = valueLabels(def, value);
        attributeLabels.push({ key: def.key, zh: def.nameZh, en: def.nameEn, valueZh: labels.zh, valueEn: labels.en, filterable: def.filterable });
      }
      return {
        id: r.id, companyId: r.company_id, status: r.status,
        categoryId: r.category_id, categoryPathIds: path.map((p) => p.id), categoryNamesZh: path.map((p) => p.name_zh), categoryNamesEn: path.map((p) => p.name_en),
        titleZh: r.title_zh, titleEn: r.title_en, descriptionZh: r.description_zh, descriptionEn: r.description_en,
        attributes: r.attributes, skuAttributeValues, attributeLabels,
        priceTiers: lowestTiers(r.price_tiers, productSkus),
        moq: num(r.moq), unit: r.unit, leadTimeDays: r.lead_time_days, totalStock: productSkus.reduce((n, s) => n + s.stock, 0),
        imageCount: productImages.length, coverUrl: productImages[0] ? imageUrls(productImages[0].file_id).url : null,
        completeness: completeness({
          template, attributes: r.attributes, skuAttributeKeys: Object.keys(skuAttributeValues), imageCount: productImages.length,
          titleEn: r.title_en, descriptionZh: r.description_zh, descriptionEn: r.description_en, origin: r.origin, hasSample: r.sample_unit_price !== null,
        }),
        dispatchProvince: r.dispatch_province, publishedAt: r.published_at?.toISOString() ?? null, updatedAt: r.updated_at.toISOString(),
      };
    });
  }

  /** Full views of the live products among ids, in id order (the exporter; callers check access). */
  async viewsOf(ids: string[]): Promise<ProductView[]> {
    const rows = await store.findProducts(this.db, ids);
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.views(this.db, rows);
  }

  /** The SKUs among ids with what checkout needs of their products (any status; deleted products left out). One query. */
  async checkoutSkus(skuIds: string[]): Promise<CheckoutSku[]> {
    const rows = await store.checkoutSkuRows(this.db, skuIds);
    const templates = rows.length ? await this.categories.skuTemplates(rows.map((r) => r.category_id)) : new Map<string, AttributeDefinition[]>();
    return rows.map((r) => {
      const cover = r.cover_file_id ? imageUrls(r.cover_file_id) : null;
      return {
        skuId: r.sku_id, attributes: r.sku_attributes, label: skuLabels(r.sku_attributes, templates.get(r.category_id) ?? []), priceTiers: r.sku_price_tiers,
        product: {
          id: r.id, companyId: r.company_id, status: r.status, moq: num(r.moq), unit: r.unit, leadTimeDays: r.lead_time_days,
          titleZh: r.title_zh, titleEn: r.title_en, priceTiers: r.price_tiers, imageUrl: cover ? cover.thumbnails['160'] : null,
        },
      };
    });
  }

  /** Product cards of the live products among ids, in the order given. Two queries. */
  async summaries(ids: string[]): Promise<ProductSummary[]> {
    const rows = await store.summaryRows(this.db, [...new Set(ids)]);
    if (rows.length === 0) return [];
    const skusBy = groupBy(await store.skusOf(this.db, rows.map((r) => r.id)), (s) => s.product_id);
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return rows.map((r) => {
      const cover = r.cover_file_id ? imageUrls(r.cover_file_id) : null;
      return {
        id: r.id, companyId: r.company_id, titleZh: r.title_zh, titleEn: r.title_en, coverUrl: cover?.url ?? null, thumbnails: cover?.thumbnails ?? null,
        priceTiers: lowestTiers(r.price_tiers, (skusBy.get(r.id) ?? []).map((s) => ({ priceTiers: s.price_tiers }))),
        moq: num(r.moq), unit: r.unit, status: r.status,
      };
    });
  }

  /** Companies with published products in the category or below it, most such products first (RFQ matching). One query. */
  async suppliersInCategory(categoryId: string, limit: number): Promise<Array<{ companyId: string; products: number }>> {
    const category = await store.findCategory(this.db, { id: categoryId });
    return category ? store.suppliersInCategory(this.db, category.code, limit) : [];
  }

  /** The categories a company has published products in (an RFQ market's "matching me"). One query. */
  async publishedCategoryIds(companyId: string): Promise<string[]> {
    return store.publishedCategoryIds(this.db, companyId);
  }

  /** Published product ids after afterId in id order (rebuilding a read model in batches). One query. */
  async publishedIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    return store.publishedIdsAfter(this.db, afterId, limit);
  }

  // -------------------------------------------------------------------------------------------------------
  // Writes

  /**
   * Creates a draft for the company (owner, admin or sales of a supplier company). Types, options, tiers, SKUs and
   * images are checked now; required attributes are checked when publishing, so a draft may be saved incomplete.
   */
  async create(ctx: RequestContext, companyId: string, input: ProductInput, within?: (trx: Db, productId: string) => Promise<void>): Promise<ProductView> {
    const actor = authorize(ctx, 'company.products.manage', companyId);
    const company = await this.supplier(ctx, companyId);
    const fields: store.ProductFields = {
      categoryId: input.categoryId, titleZh: input.titleZh, titleEn: input.titleEn ?? null, descriptionZh: input.descriptionZh, descriptionEn: input.descriptionEn ?? null,
      attributes: input.attributes, priceTiers: input.priceTiers, moq: input.moq, unit: input.unit, leadTimeDays: input.leadTimeDays,
      sample: input.sample ?? null, origin: input.origin ?? null, dispatchProvince: input.dispatchProvince ?? company.province,
    };
    const prepared = await this.prepare(ctx, companyId, fields, input.imageIds, { skus: input.skus, skuOptions: input.skuOptions, stock: input.stock }, [], false, 'body');
    this.throwIfInvalid(prepared.errors);
    return this.platform.database.transaction(async (trx) => {
      const row = await store.insertProduct(trx, { id: uuidv7(), companyId, createdBy: actor.userId, fields: prepared.fields });
      await store.replaceSkus(trx, row.id, companyId, prepared.skus.map((k) => ({ ...k, seenStock: k.stock })));
      await store.replaceImages(trx, row.id, companyId, prepared.imageIds);
      await record(trx, actor.userId, row.id, productEvent('product.created', companyId, row.id));
      // The importer settles its row group here, so the product and its idempotency key commit together.
      if (within) await within(trx, row.id);
      return (await this.views(trx, [row]))[0]!;
    });
  }

  /** Edits any fields; a published product stays published and must stay complete (required attributes). */
  async update(ctx: RequestContext, id: string, patch: ProductPatch): Promise<ProductView> {
    const { row, actorId } = await this.manageable(ctx, id);
    const [existing, images] = [await store.skusOf(this.db, [id]), await store.imagesOf(this.db, [id])];
    const fields: store.ProductFields = {
      categoryId: patch.categoryId ?? row.category_id,
      titleZh: patch.titleZh ?? row.title_zh,
      titleEn: patch.titleEn !== undefined ? patch.titleEn : row.title_en,
      descriptionZh: patch.descriptionZh ?? row.description_zh,
      descriptionEn: patch.descriptionEn !== undefined ? patch.descriptionEn : row.description_en,
      attributes: patch.attributes ?? row.attributes,
      priceTiers: patch.priceTiers ?? row.price_tiers,
      moq: patch.moq ?? num(row.moq),
      unit: patch.unit ?? row.unit,
      leadTimeDays: patch.leadTimeDays ?? row.lead_time_days,
      sample: patch.sample !== undefined ? patch.sample : row.sample_unit_price !== null && row.sample_max_quantity !== null ? { unitPrice: row.sample_unit_price, maxQuantity: num(row.sample_max_quantity) } : null,
      origin: patch.origin !== undefined ? patch.origin : row.origin,
      dispatchProvince: patch.dispatchProvince ?? row.dispatch_province,
    };
    const imageIds = patch.imageIds ?? images.map((i) => i.file_id);
    const prepared = await this.prepare(ctx, row.company_id, fields, imageIds, { skus: patch.skus, skuOptions: patch.skuOptions, stock: patch.stock }, existing, row.status === 'published', 'body');
    this.throwIfInvalid(prepared.errors);
    return this.platform.database.transaction(async (trx) => {
      const current = await store.findProduct(trx, id, true);
      if (!current) throw new DomainError(CatalogErrors.PRODUCT_NOT_FOUND);
      const updated = await store.updateProduct(trx, id, prepared.fields);
      // A SKU whose stock this edit did not change keeps whatever orders have left of it since the editor (or the read above) saw it.
      const seen = new Map(existing.map((k) => [k.id, num(k.stock)]));
      await store.replaceSkus(trx, id, row.company_id, prepared.skus.map((k) => ({ ...k, seenStock: k.stockSeen ?? seen.get(k.id) })));
      await store.replaceImages(trx, id, row.company_id, prepared.imageIds);
      await record(trx, actorId, id, productEvent('product.updated', row.company_id, id));
      return (await this.views(trx, [updated]))[0]!;
    });
  }

  /**
   * Publishes a draft or delisted product (clearing an operator's takedown). The company must be a supplier, the
   * product complete, and the company under its TrustPass publishing limit — counted under a per-company lock, so
   * concurrent publishes cannot overshoot it.
   */
  async publish(ctx: RequestContext, id: string): Promise<ProductView> {
    const { row, actorId } = await this.manageable(ctx, id);
    if (row.status === 'published') throw new DomainError(CatalogErrors.PRODUCT_ALREADY_PUBLISHED);
    await this.supplier(ctx, row.company_id);
    const [existing, images] = [await store.skusOf(this.db, [id]), await store.imagesOf(this.db, [id])];
    const current = this.fieldsOf(row);
    const prepared = await this.prepare(ctx, row.company_id, current, images.map((i) => i.file_id), {}, existing, true, 'product');
    this.throwIfInvalid(prepared.errors);
    // Read before the transaction: on PGlite the single connection belongs to the transaction once it starts.
    const { publishLimit } = await this.deps.trustpass.limits(row.company_id);
    return this.platform.database.transaction(async (trx) => {
      await store.lockCompany(trx, row.company_id);
      const fresh = await store.findProduct(trx, id, true);
      if (!fresh) throw new DomainError(CatalogErrors.PRODUCT_NOT_FOUND);
      if (fresh.status === 'published') throw new DomainError(CatalogErrors.PRODUCT_ALREADY_PUBLISHED);
      if ((await store.countPublished(trx, row.company_id)) >= publishLimit) throw new DomainError(CatalogErrors.PUBLISH_LIMIT_REACHED, { limit: publishLimit });
      const updated = await store.setStatus(trx, id, { status: 'published', publishedNow: true, takedown: null });
      await record(trx, actorId, id, productEvent('product.published', row.company_id, id));
      return (await this.views(trx, [updated]))[0]!;
    });
  }

  async delist(ctx: RequestContext, id: string): Promise<ProductView> {
    const { row, actorId } = await this.manageable(ctx, id);
    return this.platform.database.transaction(async (trx) => {
      const fresh = await store.findProduct(trx, id, true);
      if (!fresh || fresh.status !== 'published') throw new DomainError(CatalogErrors.PRODUCT_NOT_PUBLISHED);
      const updated = await store.setStatus(trx, id, { status: 'delisted' });
      await record(trx, actorId, id, productEvent('product.delisted', row.company_id, id));
      return (await this.views(trx, [updated]))[0]!;
    });
  }

  /** Operators take a published product down with a reason the seller sees until they publish again. */
  async takedown(ctx: RequestContext, id: string, reason: string): Promise<ProductView> {
    const actor = requireOperator(ctx);
    return this.platform.database.transaction(async (trx) => {
      const fresh = await store.findProduct(trx, id, true);
      if (!fresh) throw new DomainError(CatalogErrors.PRODUCT_NOT_FOUND);
      if (fresh.status !== 'published') throw new DomainError(CatalogErrors.PRODUCT_NOT_PUBLISHED);
      const updated = await store.setStatus(trx, id, { status: 'delisted', takedown: { reason, by: actor.userId } });
      await record(trx, actor.userId, id, productEvent('product.taken_down', fresh.company_id, id));
      return (await this.views(trx, [updated]))[0]!;
    });
  }

  /** Deletes a draft or delisted product (kept as a deleted row, so its events keep pointing at something). */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const { row, actorId } = await this.manageable(ctx, id);
    await this.platform.database.transaction(async (trx) => {
      const fresh = await store.findProduct(trx, id, true);
      if (!fresh) throw new DomainError(CatalogErrors.PRODUCT_NOT_FOUND);
      if (fresh.status === 'published') throw new DomainError(CatalogErrors.PRODUCT_DELETE_PUBLISHED);
      await store.softDelete(trx, id);
      await record(trx, actorId, id, productEvent('product.deleted', row.company_id, id));
    });
  }

  /** The workbench's bulk actions: each product on its own, so one refusal (e.g. the publishing limit) spares the rest. */
  async bulk(ctx: RequestContext, ids: string[], action: BulkAction) {
    requireUser(ctx);
    const results: Array<{ id: string; ok: boolean; status: ProductStatus | null; code: string | null; detail: string | null }> = [];
    for (const id of [...new Set(ids)]) {
      try {
        let status: ProductStatus | null = null;
        switch (action) {
          case 'publish':
            status = (await this.publish(ctx, id)).status;
            break;
          case 'delist':
            status = (await this.delist(ctx, id)).status;
            break;
          case 'delete':
            await this.remove(ctx, id);
            break;
          default: {
            const never: never = action;
            throw new Error(`unknown bulk action ${String(never)}`);
          }
        }
        results.push({ id, ok: true, status, code: null, detail: null });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ id, ok: false, status: null, code: err.code, detail: err.detail(ctx.locale) });
      }
    }
    return { results };
  }

  // -------------------------------------------------------------------------------------------------------
  // Validation

  private async supplier(ctx: RequestContext, companyId: string) {
    const company = await this.deps.companies.get(ctx, companyId);
    if (!SUPPLIER_TYPES.has(company.companyType)) throw new DomainError(CatalogErrors.SUPPLIER_ONLY);
    return company;
  }

  private throwIfInvalid(errors: FieldError[]): void {
    if (errors.length) throw new DomainError(CatalogErrors.PRODUCT_INVALID, { count: errors.length }, errors);
  }

  private fieldsOf(row: store.ProductRow): store.ProductFields {
    return {
      categoryId: row.category_id, titleZh: row.title_zh, titleEn: row.title_en, descriptionZh: row.description_zh, descriptionEn: row.description_en,
      attributes: row.attributes, priceTiers: row.price_tiers, moq: num(row.moq), unit: row.unit, leadTimeDays: row.lead_time_days,
      sample: row.sample_unit_price !== null && row.sample_max_quantity !== null ? { unitPrice: row.sample_unit_price, maxQuantity: num(row.sample_max_quantity) } : null,
      origin: row.origin, dispatchProvince: row.dispatch_province,
    };
  }

  /**
   * Everything a product must satisfy beyond its JSON shape, with every problem named by field path (prefix.…):
   * a leaf category, the province, attributes against the resolved template, tiers, SKUs (given, generated from
   * skuOptions, or the existing ones), and the images. Also settles SKU ids: an edit keeps the id of a SKU it names
   * or whose attributes it repeats.
   */
  private async prepare(
    ctx: RequestContext, companyId: string, fields: store.ProductFields, imageIds: string[], request: SkuRequest, existing: store.SkuRow[], strict: boolean, prefix: string,
  ): Promise<Prepared> {
    const errors: FieldError[] = [];
    const path = (await this.categories.paths(this.db, [fields.categoryId])).get(fields.categoryId);
    let template: AttributeDefinition[] | null = null;
    if (!path) {
      errors.push({ path: `${prefix}.categoryId`, message: say(ctx, '类目不存在', 'no such category') });
    } else if (!(await this.categories.isLeaf(this.db, fields.categoryId))) {
      errors.push({ path: `${prefix}.categoryId`, message: say(ctx, '商品只能发布在最末级类目下', 'products can only be listed in a bottom-level category') });
    } else {
      template = resolveTemplate(path.map((p) => p.attributes));
    }
    if (!PROVINCE_CODES.has(fields.dispatchProvince)) {
      errors.push({ path: `${prefix}.dispatchProvince`, message: say(ctx, '未知的省级行政区代码', 'unknown province code') });
    }
    if (template) errors.push(...validateAttributes(template, fields.attributes, strict, ctx.locale, `${prefix}.attributes`));
    errors.push(...validateTiers(fields.priceTiers, fields.moq, ctx.locale, `${prefix}.priceTiers`));

    let drafts: SkuDraft[] = [];
    if (request.skus && request.skuOptions) {
      errors.push({ path: `${prefix}.skuOptions`, message: say(ctx, 'skus 与 skuOptions 只能给一个', 'give either skus or skuOptions, not both') });
    } else if (request.skus) {
      drafts = request.skus.map((s) => ({ id: s.id, code: s.code ?? null, attributes: s.attributes, stock: s.stock, stockSeen: s.stockSeen, priceTiers: s.priceTiers ?? null }));
    } else if (request.skuOptions) {
      if (template) {
        const expanded = expandSkuOptions(template, request.skuOptions, request.stock ?? 0, ctx.locale, `${prefix}.skuOptions`);
        errors.push(...expanded.errors);
        drafts = expanded.skus;
      }
    } else if (existing.length) {
      drafts = existing.map((s) => ({ id: s.id, code: s.code, attributes: s.attributes, stock: num(s.stock), priceTiers: s.price_tiers }));
      if (request.stock !== undefined) {
        if (drafts.length === 1) drafts[0]!.stock = request.stock;
        else errors.push({ path: `${prefix}.stock`, message: say(ctx, '该商品有多个规格,请在 skus 中分别设置库存', 'the product has several SKUs; set each one’s stock in skus') });
      }
    } else {
      drafts = [{ code: null, attributes: {}, stock: request.stock ?? 0, priceTiers: null }];
    }
    if (template && drafts.length) errors.push(...validateSkus(template, drafts, fields.moq, strict, ctx.locale, `${prefix}.skus`));

    // Keep SKU ids across edits: named ids must be this product's; unnamed SKUs inherit the id of an identical one.
    const known = new Map(existing.map((s) => [s.id, s]));
    const combo = (a: Record<string, string>) => JSON.stringify(Object.keys(a).sort().map((k) => [k, a[k]]));
    const claimed = new Set(drafts.map((d) => d.id).filter((x): x is string => x !== undefined));
    const byCombo = new Map(existing.filter((s) => !claimed.has(s.id)).map((s) => [combo(s.attributes), s.id]));
    const named = new Set<string>();
    const skus = drafts.map((d, i) => {
      if (d.id !== undefined) {
        if (!known.has(d.id)) errors.push({ path: `${prefix}.skus.${i}.id`, message: say(ctx, '不是该商品的规格', 'not a SKU of this product') });
        else if (named.has(d.id)) errors.push({ path: `${prefix}.skus.${i}.id`, message: say(ctx, '规格 id 重复', 'the same SKU id twice') });
        named.add(d.id);
        return { ...d, id: d.id };
      }
      const same = byCombo.get(combo(d.attributes));
      if (same) byCombo.delete(combo(d.attributes));
      return { ...d, id: same ?? uuidv7() };
    });

    const seen = new Set<string>();
    for (const [i, fileId] of imageIds.entries()) {
      if (seen.has(fileId)) {
        errors.push({ path: `${prefix}.imageIds.${i}`, message: say(ctx, '图片重复', 'the same image twice') });
        continue;
      }
      seen.add(fileId);
      const meta = await this.deps.files.metadata(fileId);
      if (!meta || meta.ownerCompanyId !== companyId || meta.purpose !== 'product_image') {
        errors.push({ path: `${prefix}.imageIds.${i}`, message: say(ctx, '不是本企业上传的商品图片', 'not a product image uploaded by this company') });
      }
    }
    return { fields, imageIds, skus, errors };
  }
}
