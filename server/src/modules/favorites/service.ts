import type { RequestContext } from '../../platform/context.js';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { formatQuantityText, formatYuan } from '../../platform/money.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireUser } from '../../platform/policy.js';
import type { AccountsModule, CompanyProfile } from '../accounts/index.js';
import { tierAt, UNIT_NAMES, type ProductIndexView, type ProductSummary, type Unit } from '../catalog/index.js';
import type { NotificationKind, NotificationsModule } from '../notifications/index.js';
import { FavoritesErrors } from './errors.js';
import { record } from './events.js';
import * as store from './store.js';

/** What favorites reads from the catalog (its public index: catalog.products). */
export interface CatalogPort {
  indexViews(ids: string[]): Promise<ProductIndexView[]>;
  summaries(ids: string[]): Promise<ProductSummary[]>;
}

export interface Deps {
  companies: Pick<AccountsModule['companies'], 'get' | 'profilesOf'>;
  catalog: CatalogPort;
  notifications: Pick<NotificationsModule['notifications'], 'notify' | 'registerKinds'>;
}

export const MAX_FOLDERS = 50;
export const MAX_FAVORITES = 2000;
export const MAX_TAGS = 10;
const TOP_PRODUCTS = 5;
const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['manufacturer', 'trading_company', 'both']);

export const FAVORITE_KINDS: NotificationKind[] = [
  {
    key: 'favorite.price_drop', group: 'favorites', mailByDefault: false,
    label: { zh: '收藏的商品降价', en: 'A saved product got cheaper' },
    title: { zh: '收藏的商品降价了:{titleZh}', en: 'Price drop on a saved product: {titleEn}' },
    body: { zh: '起订量 {quantityZh} 时单价由 {then} 降至 {now}。', en: 'At {quantityEn}, the unit price fell from {then} to {now}.' },
  },
  {
    key: 'favorite.back_in_stock', group: 'favorites', mailByDefault: false,
    label: { zh: '收藏的商品到货', en: 'A saved product is back in stock' },
    title: { zh: '收藏的商品已到货:{titleZh}', en: 'Back in stock: {titleEn}' },
    body: { zh: '现有库存 {stockZh}。', en: '{stockEn} now in stock.' },
  },
];

const yuan = formatYuan;
/** A quantity with its unit, per language: `{key}Zh` '5 吨', `{key}En` '5 t' ('1 roll', '20 rolls'). */
function qty(key: string, n: number | null, unit: string | null): Record<string, string> {
  const names = unit ? (UNIT_NAMES[unit as Unit] ?? { zh: unit, en: unit, enOne: unit }) : { zh: '', en: '', enOne: '' };
  const amount = n === null ? '' : formatQuantityText(n);
  return { [`${key}Zh`]: `${amount} ${names.zh}`.trim(), [`${key}En`]: `${amount} ${n === 1 ? names.enOne : names.en}`.trim() };
}

export type Availability = 'available' | 'unavailable' | 'gone';

export interface FolderView {
  id: string;
  name: string;
  isDefault: boolean;
  counts: { product: number; supplier: number };
  createdAt: Date;
}

export interface ProductFavoriteView {
  productId: string;
  companyId: string;
  titleZh: string;
  titleEn: string | null;
  coverUrl: string | null;
  thumbnailUrl: string | null;
  unit: string | null;
  availability: Availability;
  then: { unitPrice: number | null; quantity: number | null; stock: number | null };
  now: { unitPrice: number | null; quantity: number | null; moq: number | null; stock: number | null };
  change: { price: number | null; priceDirection: 'down' | 'up' | 'same' | null; stock: number | null; backInStock: boolean };
}

export interface SupplierFavoriteView {
  companyId: string;
  then: { name: string; nameEn: string | null };
  now: { legalName: string; nameEn: string | null; logoUrl: string | null; province: string; city: string; mainProducts: string[] } | null;
  availability: 'available' | 'gone';
}

export interface FavoriteView {
  id: string;
  type: store.TargetType;
  folderId: string;
  note: string;
  tags: string[];
  alerts: { priceDrop: boolean; backInStock: boolean };
  savedAt: Date;
  updatedAt: Date;
  product: ProductFavoriteView | null;
  supplier: SupplierFavoriteView | null;
}

export interface SaveInput {
  type: store.TargetType;
  productId?: string | undefined;
  companyId?: string | undefined;
  folderId?: string | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
  alerts?: { priceDrop?: boolean | undefined; backInStock?: boolean | undefined } | undefined;
}

export interface PatchInput {
  folderId?: string | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
  alerts?: { priceDrop?: boolean | undefined; backInStock?: boolean | undefined } | undefined;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** The unit price at the quantity saved (the MOQ then); if the MOQ has since risen above it, at the new MOQ. */
export function priceAtSaved(tiers: Array<{ minQuantity: number; unitPrice: number }>, savedQuantity: number | null, moq: number): { unitPrice: number | null; quantity: number } {
  const quantity = Math.max(savedQuantity ?? moq, moq);
  return { unitPrice: tierAt(tiers, quantity)?.unitPrice ?? null, quantity };
}

/** Trimmed, case-insensitively de-duplicated tags in the order given. */
export function normalizeTags(tags: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export class FavoritesService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  private defaultFolderName(locale: Locale): string {
    return locale === 'zh-CN' ? '默认收藏夹' : 'Default';
  }

  private async defaultFolder(db: Db, userId: string): Promise<store.FolderRow> {
    const found = await store.findDefaultFolder(db, userId);
    if (found) return found;
    await store.insertDefaultFolder(db, uuidv7(), userId);
    return (await store.findDefaultFolder(db, userId))!;
  }

  private folderView(locale: Locale, row: store.FolderRow, counts: Array<{ folder_id: string; target_type: store.TargetType; n: number }>): FolderView {
    const of = (type: store.TargetType) => counts.find((c) => c.folder_id === row.id && c.target_type === type)?.n ?? 0;
    return { id: row.id, name: row.name ?? this.defaultFolderName(locale), isDefault: row.is_default, counts: { product: of('product'), supplier: of('supplier') }, createdAt: row.created_at };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Folders

  /** The user's folders, the default first (created on first need), with item counts. */
  async folders(ctx: RequestContext): Promise<FolderView[]> {
    const actor = requireUser(ctx);
    await this.defaultFolder(this.db, actor.userId);
    const [rows, counts] = [await store.foldersOf(this.db, actor.userId), await store.folderCounts(this.db, actor.userId)];
    return rows.map((r) => this.folderView(ctx.locale, r, counts));
  }

  private async folderOrThrow(db: Db, userId: string, id: string): Promise<store.FolderRow> {
    const row = await store.findFolder(db, userId, id);
    if (!row) throw new DomainError(FavoritesErrors.FAVORITE_FOLDER_NOT_FOUND);
    return row;
  }

  private nameTaken(err: unknown, name: string): never {
    if (store.isUniqueViolation(err)) throw new DomainError(FavoritesErrors.FAVORITE_FOLDER_NAME_TAKEN, { name }, [{ path: 'body.name', message: name }]);
    throw err;
  }

  async createFolder(ctx: RequestContext, name: string): Promise<FolderView> {
    const actor = requireUser(ctx);
    await this.defaultFolder(this.db, actor.userId);
    try {
      const row = await this.platform.database.transaction(async (trx) => {
        if ((await store.countFolders(trx, actor.userId)) >= MAX_FOLDERS) throw new DomainError(FavoritesErrors.FAVORITE_FOLDER_LIMIT, { max: MAX_FOLDERS });
        return store.insertFolder(trx, { id: uuidv7(), userId: actor.userId, name });
      });
      return this.folderView(ctx.locale, row, []);
    } catch (err) {
      return this.nameTaken(err, name);
    }
  }

  async renameFolder(ctx: RequestContext, id: string, name: string): Promise<FolderView> {
    const actor = requireUser(ctx);
    await this.folderOrThrow(this.db, actor.userId, id);
    let row: store.FolderRow | undefined;
    try {
      row = await store.renameFolder(this.db, actor.userId, id, name);
    } catch (err) {
      this.nameTaken(err, name);
    }
    if (!row) throw new DomainError(FavoritesErrors.FAVORITE_FOLDER_NOT_FOUND);
    return this.folderView(ctx.locale, row, await store.folderCounts(this.db, actor.userId));
  }

  /**
   * Deletes a folder. Its bookmarks move to the default folder (items=move, the default), or are removed with it
   * (items=delete). The default folder cannot be deleted.
   */
  async deleteFolder(ctx: RequestContext, id: string, items: 'move' | 'delete'): Promise<{ moved: number; deleted: number }> {
    const actor = requireUser(ctx);
    const folder = await this.folderOrThrow(this.db, actor.userId, id);
    if (folder.is_default) throw new DomainError(FavoritesErrors.FAVORITE_DEFAULT_FOLDER);
    const target = await this.defaultFolder(this.db, actor.userId);
    return this.platform.database.transaction(async (trx) => {
      let moved = 0;
      let deleted = 0;
      switch (items) {
        case 'move':
          moved = await store.moveFolderItems(trx, actor.userId, id, target.id);
          break;
        case 'delete': {
          const rows = await store.deleteFolderItems(trx, actor.userId, id);
          for (const r of rows) await record(trx, actor.userId, { type: 'favorite.removed', payload: { favoriteId: r.id, targetType: r.target_type, productId: r.product_id, supplierCompanyId: r.company_id } });
          deleted = rows.length;
          break;
        }
      }
      await store.deleteFolder(trx, actor.userId, id);
      return { moved, deleted };
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Bookmarks

  private checkInput(ctx: RequestContext, input: { type?: store.TargetType; tags?: string[] | undefined; alerts?: SaveInput['alerts'] }): void {
    const reason = (zh: string, en: string) => (ctx.locale === 'zh-CN' ? zh : en);
    if (input.tags && normalizeTags(input.tags).length > MAX_TAGS) {
      throw new DomainError(FavoritesErrors.FAVORITE_INPUT_INVALID, { reason: reason(`最多 ${MAX_TAGS} 个标签`, `at most ${MAX_TAGS} tags`) }, [{ path: 'body.tags', message: reason(`最多 ${MAX_TAGS} 个标签`, `at most ${MAX_TAGS} tags`) }]);
    }
    if (input.type === 'supplier' && (input.alerts?.priceDrop || input.alerts?.backInStock)) {
      const msg = reason('降价和到货提醒只适用于商品', 'price-drop and back-in-stock alerts apply to products only');
      throw new DomainError(FavoritesErrors.FAVORITE_INPUT_INVALID, { reason: msg }, [{ path: 'body.alerts', message: msg }]);
    }
  }

  /**
   * Saves a product or a supplier for the signed-in user. Saving the same target again does not duplicate it: it
   * moves it to the folder given and updates the note, tags and alerts given (the snapshot stays the first save's).
   */
  async save(ctx: RequestContext, input: SaveInput): Promise<{ favorite: FavoriteView; created: boolean }> {
    const actor = requireUser(ctx);
    this.checkInput(ctx, input);
    const target = input.type === 'product' ? { type: 'product' as const, productId: input.productId! } : { type: 'supplier' as const, companyId: input.companyId! };
    const folder = input.folderId ? await this.folderOrThrow(this.db, actor.userId, input.folderId) : await this.defaultFolder(this.db, actor.userId);
    const existing = await store.findByTarget(this.db, actor.userId, target);
    if (existing) {
      const favorite = await this.patch(ctx, existing.id, { ...input, folderId: input.folderId });
      return { favorite, created: false };
    }

    let snapshot: store.Snapshot;
    let companyId: string;
    let observedAt: Date | null = null;
    if (target.type === 'product') {
      const [facts] = await this.deps.catalog.indexViews([target.productId]);
      if (!facts || facts.status !== 'published') throw new DomainError(FavoritesErrors.FAVORITE_PRODUCT_NOT_FOUND);
      const price = priceAtSaved(facts.priceTiers, null, facts.moq);
      snapshot = { titleZh: facts.titleZh, titleEn: facts.titleEn, unitPrice: price.unitPrice, quantity: price.quantity, unit: facts.unit, stock: facts.totalStock };
      companyId = facts.companyId;
      observedAt = new Date(facts.updatedAt);
    } else {
      const company = await this.company(target.companyId);
      if (!company) throw new DomainError(FavoritesErrors.FAVORITE_SUPPLIER_NOT_FOUND);
      if (!SUPPLIER_TYPES.has(company.companyType)) throw new DomainError(FavoritesErrors.FAVORITE_NOT_A_SUPPLIER);
      snapshot = { titleZh: company.legalName, titleEn: company.nameEn, unitPrice: null, quantity: null, unit: null, stock: null };
      companyId = company.id;
    }

    const inserted = await this.platform.database.transaction(async (trx) => {
      if ((await store.countFavorites(trx, actor.userId)) >= MAX_FAVORITES) throw new DomainError(FavoritesErrors.FAVORITE_LIMIT, { max: MAX_FAVORITES });
      const row = await store.insertFavorite(trx, {
        id: uuidv7(), userId: actor.userId, folderId: folder.id, targetType: target.type, productId: target.type === 'product' ? target.productId : null, companyId,
        note: input.note ?? '', tags: normalizeTags(input.tags ?? []), alertPriceDrop: input.alerts?.priceDrop ?? false, alertBackInStock: input.alerts?.backInStock ?? false,
        snapshot, observedAt,
      });
      if (row) await record(trx, actor.userId, { type: 'favorite.saved', payload: { favoriteId: row.id, targetType: row.target_type, productId: row.product_id, supplierCompanyId: row.company_id, created: true } });
      return row;
    });
    if (!inserted) {
      // A concurrent save of the same target won the insert: this one updates it, like a second save.
      const raced = await store.findByTarget(this.db, actor.userId, target);
      if (!raced) throw new DomainError(FavoritesErrors.FAVORITE_NOT_FOUND);
      return { favorite: await this.patch(ctx, raced.id, input), created: false };
    }
    return { favorite: (await this.views(ctx, [inserted]))[0]!, created: true };
  }

  /** Moves a bookmark or changes its note, tags or alerts. */
  async patch(ctx: RequestContext, id: string, input: PatchInput): Promise<FavoriteView> {
    const actor = requireUser(ctx);
    const current = await store.findFavorite(this.db, actor.userId, id);
    if (!current) throw new DomainError(FavoritesErrors.FAVORITE_NOT_FOUND);
    this.checkInput(ctx, { type: current.target_type, tags: input.tags, alerts: input.alerts });
    if (input.folderId) await this.folderOrThrow(this.db, actor.userId, input.folderId);
    const row = await this.platform.database.transaction(async (trx) => {
      const updated = await store.updateFavorite(trx, actor.userId, id, {
        folderId: input.folderId, note: input.note, tags: input.tags ? normalizeTags(input.tags) : undefined,
        alertPriceDrop: input.alerts?.priceDrop, alertBackInStock: input.alerts?.backInStock,
      });
      if (!updated) throw new DomainError(FavoritesErrors.FAVORITE_NOT_FOUND);
      await record(trx, actor.userId, { type: 'favorite.saved', payload: { favoriteId: updated.id, targetType: updated.target_type, productId: updated.product_id, supplierCompanyId: updated.company_id, created: false } });
      return updated;
    });
    return (await this.views(ctx, [row]))[0]!;
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const actor = requireUser(ctx);
    await this.platform.database.transaction(async (trx) => {
      const row = await store.deleteFavorite(trx, actor.userId, id);
      if (!row) throw new DomainError(FavoritesErrors.FAVORITE_NOT_FOUND);
      await record(trx, actor.userId, { type: 'favorite.removed', payload: { favoriteId: row.id, targetType: row.target_type, productId: row.product_id, supplierCompanyId: row.company_id } });
    });
  }

  async get(ctx: RequestContext, id: string): Promise<FavoriteView> {
    const actor = requireUser(ctx);
    const row = await store.findFavorite(this.db, actor.userId, id);
    if (!row) throw new DomainError(FavoritesErrors.FAVORITE_NOT_FOUND);
    return (await this.views(ctx, [row]))[0]!;
  }

  async list(ctx: RequestContext, f: { type?: store.TargetType | undefined; folder?: string | undefined; tag?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit: number }) {
    const actor = requireUser(ctx);
    if (f.folder) await this.folderOrThrow(this.db, actor.userId, f.folder);
    const rows = await store.listFavorites(this.db, {
      userId: actor.userId, type: f.type, folderId: f.folder, tag: f.tag?.trim() || undefined, q: f.q, beforeId: decodeCursor(f.cursor), limit: f.limit,
    });
    const { items, nextCursor } = page(rows, f.limit);
    return { items: await this.views(ctx, items), nextCursor };
  }

  async tags(ctx: RequestContext): Promise<Array<{ tag: string; count: number }>> {
    const actor = requireUser(ctx);
    return store.tagsOf(this.db, actor.userId);
  }

  /** Which of these products and suppliers the user saved (for the buttons on cards). One query. */
  async status(ctx: RequestContext, productIds: string[], companyIds: string[]) {
    const actor = requireUser(ctx);
    const rows = await store.statusOf(this.db, actor.userId, productIds, companyIds);
    const item = (r: store.FavoriteRow) => ({ favoriteId: r.id, folderId: r.folder_id, alerts: { priceDrop: r.alert_price_drop, backInStock: r.alert_back_in_stock } });
    return {
      products: rows.filter((r) => r.target_type === 'product').map((r) => ({ productId: r.product_id!, ...item(r) })),
      suppliers: rows.filter((r) => r.target_type === 'supplier').map((r) => ({ companyId: r.company_id, ...item(r) })),
    };
  }

  private async company(companyId: string): Promise<CompanyProfile | null> {
    try {
      return await this.deps.companies.get(systemContext(), companyId);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  /** Rows with the current facts beside the snapshot: a fixed number of queries whatever the page holds. */
  private async views(_ctx: RequestContext, rows: store.FavoriteRow[]): Promise<FavoriteView[]> {
    const productIds = rows.filter((r) => r.target_type === 'product').map((r) => r.product_id!);
    const companyIds = [...new Set(rows.filter((r) => r.target_type === 'supplier').map((r) => r.company_id))];
    const [facts, cards] = productIds.length ? [await this.deps.catalog.indexViews(productIds), await this.deps.catalog.summaries(productIds)] : [[], []];
    const factsBy = new Map(facts.map((p) => [p.id, p]));
    const cardsBy = new Map(cards.map((p) => [p.id, p]));
    const companies = await this.deps.companies.profilesOf(systemContext(), companyIds);

    return rows.map((r) => {
      const base = {
        id: r.id, type: r.target_type, folderId: r.folder_id, note: r.note, tags: r.tags,
        alerts: { priceDrop: r.alert_price_drop, backInStock: r.alert_back_in_stock }, savedAt: r.created_at, updatedAt: r.updated_at,
      };
      switch (r.target_type) {
        case 'product':
          return { ...base, product: this.productView(r, factsBy.get(r.product_id!), cardsBy.get(r.product_id!)), supplier: null };
        case 'supplier':
          return { ...base, product: null, supplier: this.supplierView(r, companies.get(r.company_id) ?? null) };
      }
    });
  }

  private productView(r: store.FavoriteRow, facts: ProductIndexView | undefined, card: ProductSummary | undefined): ProductFavoriteView {
    const then = { unitPrice: r.saved_unit_price, quantity: num(r.saved_quantity), stock: num(r.saved_stock) };
    const availability: Availability = !facts ? 'gone' : facts.status === 'published' ? 'available' : 'unavailable';
    const price = facts ? priceAtSaved(facts.priceTiers, then.quantity, facts.moq) : null;
    const now = facts && availability === 'available'
      ? { unitPrice: price!.unitPrice, quantity: price!.quantity, moq: facts.moq, stock: facts.totalStock }
      : { unitPrice: null, quantity: null, moq: facts?.moq ?? null, stock: null };
    const priceChange = now.unitPrice !== null && then.unitPrice !== null ? now.unitPrice - then.unitPrice : null;
    return {
      productId: r.product_id!, companyId: r.company_id,
      titleZh: facts?.titleZh ?? r.saved_title_zh, titleEn: facts ? facts.titleEn : r.saved_title_en,
      coverUrl: card?.coverUrl ?? null, thumbnailUrl: card?.thumbnails?.['160'] ?? null, unit: facts?.unit ?? r.saved_unit,
      availability, then, now,
      change: {
        price: priceChange,
        priceDirection: priceChange === null ? null : priceChange < 0 ? 'down' : priceChange > 0 ? 'up' : 'same',
        stock: now.stock !== null && then.stock !== null ? now.stock - then.stock : null,
        backInStock: then.stock === 0 && (now.stock ?? 0) > 0,
      },
    };
  }

  private supplierView(r: store.FavoriteRow, company: CompanyProfile | null): SupplierFavoriteView {
    return {
      companyId: r.company_id,
      then: { name: r.saved_title_zh, nameEn: r.saved_title_en },
      now: company ? { legalName: company.legalName, nameEn: company.nameEn, logoUrl: company.logoUrl, province: company.province, city: company.city, mainProducts: company.mainProducts } : null,
      availability: company ? 'available' : 'gone',
    };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Alerts: after a catalog change (a job per product event, outside the event's transaction)

  /**
   * Re-reads the product through the catalog and checks every bookmark of it: a price at the saved quantity below the
   * lowest seen since saving notifies (price drop), stock from 0 to more notifies (back in stock) — only those who
   * opted in, once per change (the state moves with the change in the same transaction; the dedupe key guards a rerun).
   * Facts older than what a bookmark last observed are ignored, so out-of-order jobs cannot rewind the state.
   */
  async checkProduct(productId: string): Promise<{ priceDrops: number; backInStock: number }> {
    const result = { priceDrops: 0, backInStock: 0 };
    if (!(await store.hasProductFavorites(this.db, productId))) return result;
    const [facts] = await this.deps.catalog.indexViews([productId]);
    if (!facts) return result;
    const available = facts.status === 'published';
    const observedAt = new Date(facts.updatedAt);
    await this.platform.database.transaction(async (trx) => {
      for (const fav of await store.productFavoritesForUpdate(trx, productId)) {
        if (fav.observed_at && fav.observed_at.getTime() > observedAt.getTime()) continue;
        const lastStock = num(fav.last_stock);
        // While unlisted nothing can be bought: keep the state, so relisting at a lower price or with stock still notifies.
        if (!available) {
          await store.setAlertState(trx, fav.id, { priceFloor: fav.price_floor, lastStock, observedAt });
          continue;
        }
        const { unitPrice, quantity } = priceAtSaved(facts.priceTiers, num(fav.saved_quantity), facts.moq);
        const titleZh = facts.titleZh;
        const titleEn = facts.titleEn ?? facts.titleZh;
        const link = `/products/${productId}`;
        let floor = fav.price_floor;
        if (unitPrice !== null && (floor === null || unitPrice < floor)) {
          if (floor !== null && fav.alert_price_drop) {
            await this.deps.notifications.notify(trx, {
              kind: 'favorite.price_drop', to: { userIds: [fav.user_id] }, link,
              params: { titleZh, titleEn, then: yuan(floor), now: yuan(unitPrice), ...qty('quantity', quantity, facts.unit) },
              dedupeKey: `favorite.price_drop:${fav.id}:${unitPrice}`,
            });
            result.priceDrops++;
          }
          floor = unitPrice;
        }
        if (lastStock === 0 && facts.totalStock > 0 && fav.alert_back_in_stock) {
          await this.deps.notifications.notify(trx, {
            kind: 'favorite.back_in_stock', to: { userIds: [fav.user_id] }, link,
            params: { titleZh, titleEn, ...qty('stock', facts.totalStock, facts.unit) },
            dedupeKey: `favorite.back_in_stock:${fav.id}:${observedAt.toISOString()}`,
          });
          result.backInStock++;
        }
        await store.setAlertState(trx, fav.id, { priceFloor: floor, lastStock: facts.totalStock, observedAt });
      }
    });
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------
  // For the supplier: how many bookmarked it and its products, never who

  async companyStats(ctx: RequestContext, companyId: string) {
    authorize(ctx, 'company.insights.view', companyId);
    const counts = await store.supplierCounts(this.db, companyId);
    const top = await store.topProducts(this.db, companyId, TOP_PRODUCTS * 2);
    const cards = new Map((await this.deps.catalog.summaries(top.map((p) => p.productId))).map((c) => [c.id, c]));
    return {
      companyId,
      supplierFavorites: counts.supplier,
      productFavorites: counts.product,
      topProducts: top.filter((p) => cards.has(p.productId)).slice(0, TOP_PRODUCTS).map((p) => {
        const c = cards.get(p.productId)!;
        return { productId: p.productId, title: ctx.locale === 'zh-CN' ? c.titleZh : (c.titleEn ?? c.titleZh), titleZh: c.titleZh, titleEn: c.titleEn, count: p.count };
      }),
    };
  }
}
