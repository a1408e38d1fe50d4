import type { RequestContext } from '../../platform/context.js';
import { systemContext } from '../../platform/context.js';
import { DomainError, type FieldError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize } from '../../platform/policy.js';
import type { AccountsModule, CompanyProfile } from '../accounts/index.js';
import { imageUrls, type FilesModule } from '../files/index.js';
import { StorefrontErrors } from './errors.js';
import { record } from './events.js';
import type { CatalogPort, CategoryTreeNode, ProductIndexFacts, ProductSalesPort, ShopProductCard } from './ports.js';
import { fileIdsOf, parseStoredSections, type Section, type SectionData, type SectionInput } from './sections.js';
import { slugCandidates, slugProblem, type SlugProblem } from './slug.js';
import * as store from './store.js';
import { checkTemplate, DEFAULT_TEMPLATE, defaultData, templateOf, templateRules, TEMPLATES, type StorefrontTemplate, type TemplateRegistry, type TemplateViolation } from './templates.js';

export interface Deps {
  companies: AccountsModule['companies'];
  files: FilesModule['files'];
  catalog: CatalogPort;
  /** Recent buyers per product (service metrics), shown on the shop's product cards; without it every card says none. */
  productSales?: ProductSalesPort;
}

const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['manufacturer', 'trading_company', 'both']);
/** Shop images are uploaded like product images: public, and thumbnailed at upload. */
const SHOP_IMAGE_PURPOSE = 'product_image';
const AUTO_FEATURED = 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SLUG_REASONS: Record<Exclude<SlugProblem, 'reserved'>, { zh: string; en: string }> = {
  length: { zh: '长度须为 3–40 个字符', en: 'it must be 3 to 40 characters long' },
  charset: { zh: '只能使用小写字母 a–z、数字 0–9 和连字符 -', en: 'use only lowercase letters a–z, digits 0–9 and hyphens' },
  hyphens: { zh: '连字符不能出现在开头、结尾,也不能连续出现', en: 'a hyphen may not start or end it, nor follow another hyphen' },
};

type FieldProblem = 'not_own_published_product' | 'file_not_usable' | 'category_unknown' | 'listed_twice';
const FIELD_MESSAGES: Record<FieldProblem | TemplateViolation['code'], { zh: string; en: string }> = {
  TOO_MANY_SECTIONS: { zh: '最多 {max} 个版块', en: 'at most {max} sections' },
  SECTION_TYPE_NOT_ALLOWED: { zh: '该模板不提供「{type}」版块', en: 'this template has no "{type}" section' },
  TOO_MANY_OF_TYPE: { zh: '「{type}」版块最多 {max} 个', en: 'at most {max} "{type}" sections' },
  SECTION_LIMIT_EXCEEDED: { zh: '最多 {max} 项', en: 'at most {max} entries' },
  not_own_published_product: { zh: '不是本企业已发布的产品', en: 'not a published product of your company' },
  file_not_usable: { zh: '图片不存在,或不是本企业上传的图片(purpose=product_image)', en: 'not an image uploaded by your company (purpose=product_image)' },
  category_unknown: { zh: '类目不存在', en: 'no such category' },
  listed_twice: { zh: '重复选择', en: 'listed twice' },
};

function fieldMessage(locale: Locale, code: keyof typeof FIELD_MESSAGES, params: Record<string, string | number> = {}): string {
  const spec = FIELD_MESSAGES[code];
  return (locale === 'zh-CN' ? spec.zh : spec.en).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export interface ShopCategory {
  categoryId: string;
  nameZh: string;
  nameEn: string;
  count: number;
}

/** A section as visitors get it: references resolved to what the page shows. */
export type PublicSection =
  | { id: string; type: 'banner'; data: { imageUrl: string | null; headlineZh: string; headlineEn: string } }
  | { id: string; type: 'featured_products'; data: { products: ShopProductCard[]; auto: boolean } }
  | { id: string; type: 'shop_categories'; data: { categories: ShopCategory[] } }
  | { id: string; type: 'company_profile'; data: { textZh: string; textEn: string; photos: Array<{ fileId: string; url: string; thumbnails: Record<'160' | '400' | '800', string> }> } }
  | { id: string; type: 'certificates'; data: { items: Array<{ name: string; issuer: string; validUntil: string | null; imageUrl: string | null; thumbnailUrl: string | null; expired: boolean }> } }
  | { id: string; type: 'contact_card'; data: SectionData['contact_card'] };


/** Trims a layout to what a template allows (after a template change, or a template's limits tightened in config). */
export function fitToTemplate(sections: Section[], template: StorefrontTemplate): Section[] {
  const counts = new Map<string, number>();
  const out: Section[] = [];
  for (const s of sections) {
    const rule = template.sections[s.type];
    if (!rule) continue;
    const n = (counts.get(s.type) ?? 0) + 1;
    counts.set(s.type, n);
    if (n > rule.maxInstances || out.length >= template.maxSections) continue;
    out.push(trimmed(s, template));
  }
  return out;
}

function trimmed(s: Section, template: StorefrontTemplate): Section {
  const t = template.sections;
  switch (s.type) {
    case 'featured_products':
      return { ...s, data: { productIds: s.data.productIds.slice(0, t.featured_products?.limits.maxProducts ?? 0) } };
    case 'shop_categories':
      return { ...s, data: { categoryIds: s.data.categoryIds.slice(0, t.shop_categories?.limits.maxCategories ?? 0) } };
    case 'company_profile':
      return { ...s, data: { ...s.data, photoFileIds: s.data.photoFileIds.slice(0, t.company_profile?.limits.maxPhotos ?? 0) } };
    case 'certificates':
      return { ...s, data: { items: s.data.items.slice(0, t.certificates?.limits.maxItems ?? 0) } };
    case 'banner':
    case 'contact_card':
      return s;
  }
}

function initialLayout(template: StorefrontTemplate): Section[] {
  return template.layout.map(({ type, visible }) => ({ id: uuidv7(), type, visible, data: defaultData(type) }) as Section);
}

function flattenTree(nodes: CategoryTreeNode[], into = new Map<string, CategoryTreeNode>()): Map<string, CategoryTreeNode> {
  for (const n of nodes) {
    into.set(n.id, n);
    if (n.children?.length) flattenTree(n.children, into);
  }
  return into;
}

export class StorefrontService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
    private readonly templates: TemplateRegistry = TEMPLATES,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  private async company(companyId: string): Promise<CompanyProfile | null> {
    try {
      return await this.deps.companies.get(systemContext(), companyId);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  /**
   * The company's shop, created on first need for supplier companies (null for buyers and unknown companies).
   * Idempotent and safe under concurrency: the insert does nothing when the shop or the slug exists.
   */
  async ensureShop(companyId: string, known?: CompanyProfile): Promise<store.StorefrontRow | null> {
    const existing = await store.findByCompany(this.db, companyId);
    if (existing) return existing;
    const company = known ?? (await this.company(companyId));
    if (!company || !SUPPLIER_TYPES.has(company.companyType)) return null;
    const template = templateOf(this.templates, DEFAULT_TEMPLATE);
    for (const slug of slugCandidates(companyId, company.nameEn)) {
      const created = await this.platform.database.transaction(async (trx) => {
        const row = await store.insertIfAbsent(trx, { companyId, slug, template: template.code, sections: initialLayout(template) });
        if (row) await record(trx, null, { type: 'storefront.created', companyId, subjectType: 'storefront', payload: { slug, template: template.code } });
        return row;
      });
      if (created) return created;
      const raced = await store.findByCompany(this.db, companyId);
      if (raced) return raced;
    }
    throw new Error(`no free slug for company ${companyId}`);
  }

  /** Shops for every supplier company that has none yet (companies created before this module, demo data). */
  async backfillShops(): Promise<number> {
    let created = 0;
    let cursor: string | undefined;
    do {
      const batch = await this.deps.companies.list(systemContext(), { role: 'supplier', cursor, limit: 100 });
      const have = await store.companiesWithShop(this.db, batch.items.map((c) => c.id));
      for (const c of batch.items) {
        if (have.has(c.id)) continue;
        if (await this.ensureShop(c.id, c)) created++;
      }
      cursor = batch.nextCursor ?? undefined;
    } while (cursor);
    return created;
  }

  private editorView(row: store.StorefrontRow) {
    const template = templateOf(this.templates, row.template);
    return {
      companyId: row.company_id,
      slug: row.slug,
      url: `/shop/${row.slug}`,
      template: template.code,
      themeColor: row.theme_color,
      rules: templateRules(template),
      sections: fitToTemplate(parseStoredSections(row.sections), template),
      updatedAt: row.updated_at,
    };
  }

  private async mustManage(ctx: RequestContext, companyId: string) {
    const company = await this.deps.companies.get(ctx, companyId);
    const actor = authorize(ctx, 'company.storefront.manage', companyId);
    const row = await this.ensureShop(companyId, company);
    if (!row) throw new DomainError(StorefrontErrors.SHOP_SUPPLIERS_ONLY);
    return { actor, company, row };
  }

  /** The shop as its owner or admin edits it: every section, shown or hidden, and the template's rules. */
  async forEditor(ctx: RequestContext, companyId: string) {
    const { row } = await this.mustManage(ctx, companyId);
    return this.editorView(row);
  }

  /** Replaces the slug, colour and the whole ordered list of sections, after checking them against the template. */
  async update(ctx: RequestContext, companyId: string, input: { slug: string; themeColor: string; sections: SectionInput[] }) {
    const { actor, row } = await this.mustManage(ctx, companyId);
    const template = templateOf(this.templates, row.template);
    this.assertSlug(ctx.locale, input.slug);

    const violations = checkTemplate(template, input.sections);
    if (violations.length) {
      throw new DomainError(StorefrontErrors.SECTIONS_INVALID, { template: ctx.locale === 'zh-CN' ? template.nameZh : template.nameEn },
        violations.map((v) => ({ path: v.path, message: fieldMessage(ctx.locale, v.code, v.params) })));
    }
    const seen = new Set<string>();
    const sections: Section[] = input.sections.map((s) => {
      const id = s.id && !seen.has(s.id) ? s.id : uuidv7();
      seen.add(id);
      return { ...s, id };
    });
    const problems = await this.contentProblems(companyId, sections, ctx.locale);
    if (problems.length) throw new DomainError(StorefrontErrors.SECTION_CONTENT_INVALID, {}, problems);

    try {
      const updated = await this.platform.database.transaction(async (trx) => {
        if (input.slug !== row.slug) {
          const other = await store.findBySlug(trx, input.slug);
          if (other && other.company_id !== companyId) throw this.slugTaken(input.slug);
        }
        const next = await store.updateShop(trx, companyId, { slug: input.slug, themeColor: input.themeColor, sections });
        await record(trx, actor.userId, {
          type: 'storefront.updated', companyId, subjectType: 'storefront',
          payload: { slug: next.slug, previousSlug: row.slug !== next.slug ? row.slug : null, template: template.code, sections: sections.map((s) => ({ type: s.type, visible: s.visible })) },
        });
        return next;
      });
      return this.editorView(updated);
    } catch (err) {
      // Two shops claiming the same free slug at once: the unique index decides, the loser hears it plainly.
      if (store.isUniqueViolation(err)) throw this.slugTaken(input.slug);
      throw err;
    }
  }

  /**
   * Moves a shop to another template from configuration (the power-merchant program will call this); the layout is
   * trimmed to what the new template allows.
   */
  async setTemplate(companyId: string, code: string, actorUserId: string | null = null) {
    const template = this.templates[code];
    if (!template) throw new DomainError(StorefrontErrors.TEMPLATE_UNKNOWN, { template: code });
    const row = await this.ensureShop(companyId);
    if (!row) throw new DomainError(StorefrontErrors.SHOP_SUPPLIERS_ONLY);
    const sections = fitToTemplate(parseStoredSections(row.sections), template);
    const updated = await this.platform.database.transaction(async (trx) => {
      const next = await store.setTemplate(trx, companyId, template.code, sections);
      await record(trx, actorUserId, {
        type: 'storefront.updated', companyId, subjectType: 'storefront',
        payload: { slug: row.slug, previousSlug: null, template: template.code, sections: sections.map((s) => ({ type: s.type, visible: s.visible })) },
      });
      return next;
    });
    return updated ? this.editorView(updated) : null;
  }

  private slugTaken(slug: string): DomainError {
    return new DomainError(StorefrontErrors.SLUG_TAKEN, { slug }, [{ path: 'body.slug', message: 'taken' }]);
  }

  private assertSlug(locale: Locale, slug: string): void {
    const problem = slugProblem(slug);
    if (!problem) return;
    if (problem === 'reserved') throw new DomainError(StorefrontErrors.SLUG_RESERVED, { slug }, [{ path: 'body.slug', message: 'reserved' }]);
    const reason = SLUG_REASONS[problem][locale === 'zh-CN' ? 'zh' : 'en'];
    throw new DomainError(StorefrontErrors.SLUG_INVALID, { reason }, [{ path: 'body.slug', message: reason }]);
  }

  /** Everything a section points at must be the company's own: published products, its public images, real categories. */
  private async contentProblems(companyId: string, sections: Section[], locale: Locale): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const productIds = [...new Set(sections.flatMap((s) => (s.type === 'featured_products' ? s.data.productIds : [])))];
    const summaries = productIds.length ? await this.deps.catalog.summaries(productIds) : [];
    const okProducts = new Set(summaries.filter((p) => p.companyId === companyId && p.status === 'published').map((p) => p.id));
    const fileIds = [...new Set(sections.flatMap(fileIdsOf))];
    const okFiles = new Set<string>();
    for (const id of fileIds) {
      const meta = await this.deps.files.metadata(id);
      if (meta && meta.ownerCompanyId === companyId && meta.purpose === SHOP_IMAGE_PURPOSE) okFiles.add(id);
    }
    const needsTree = sections.some((s) => s.type === 'shop_categories' && s.data.categoryIds.length > 0);
    const categories = needsTree ? flattenTree(await this.deps.catalog.tree()) : new Map<string, CategoryTreeNode>();

    const checkFile = (id: string | null, path: string) => {
      if (id && !okFiles.has(id)) problems.push({ path, message: fieldMessage(locale, 'file_not_usable') });
    };
    const checkList = (ids: string[], path: string, ok: (id: string) => boolean, problem: FieldProblem) => {
      const dup = new Set<string>();
      ids.forEach((id, j) => {
        if (dup.has(id)) problems.push({ path: `${path}.${j}`, message: fieldMessage(locale, 'listed_twice') });
        else if (!ok(id)) problems.push({ path: `${path}.${j}`, message: fieldMessage(locale, problem) });
        dup.add(id);
      });
    };
    sections.forEach((s, i) => {
      const at = `body.sections.${i}.data`;
      switch (s.type) {
        case 'featured_products':
          checkList(s.data.productIds, `${at}.productIds`, (id) => okProducts.has(id), 'not_own_published_product');
          break;
        case 'shop_categories':
          checkList(s.data.categoryIds, `${at}.categoryIds`, (id) => categories.has(id), 'category_unknown');
          break;
        case 'banner':
          checkFile(s.data.imageFileId, `${at}.imageFileId`);
          break;
        case 'company_profile':
          checkList(s.data.photoFileIds, `${at}.photoFileIds`, (id) => okFiles.has(id), 'file_not_usable');
          break;
        case 'certificates':
          s.data.items.forEach((item, j) => checkFile(item.imageFileId, `${at}.items.${j}.imageFileId`));
          break;
        case 'contact_card':
          break;
      }
    });
    return problems;
  }

  // ---- what visitors see

  private async shopRow(slugOrCompanyId: string): Promise<{ row: store.StorefrontRow; company: CompanyProfile }> {
    let row: store.StorefrontRow | null | undefined;
    let company: CompanyProfile | null = null;
    if (UUID.test(slugOrCompanyId)) {
      // Links from company cards and profiles address the shop by company id; the response names the canonical slug.
      company = await this.company(slugOrCompanyId.toLowerCase());
      row = company ? await this.ensureShop(company.id, company) : null;
    } else {
      row = await store.findBySlug(this.db, slugOrCompanyId);
      company = row ? await this.company(row.company_id) : null;
    }
    // A company that stopped being a supplier keeps its layout, but the shop is closed.
    if (!row || !company || !SUPPLIER_TYPES.has(company.companyType)) throw new DomainError(StorefrontErrors.SHOP_NOT_FOUND);
    return { row, company };
  }

  private async shopCategories(companyId: string): Promise<{ all: ShopCategory[]; byCategory: Map<string, number>; names: Map<string, CategoryTreeNode> }> {
    const counts = await store.categoryCounts(this.db, companyId);
    const names = counts.leaves.size ? flattenTree(await this.deps.catalog.tree()) : new Map<string, CategoryTreeNode>();
    const all = [...counts.leaves]
      .flatMap(([categoryId, count]) => {
        const node = names.get(categoryId);
        return node ? [{ categoryId, nameZh: node.nameZh, nameEn: node.nameEn, count }] : [];
      })
      .sort((a, b) => b.count - a.count || a.nameZh.localeCompare(b.nameZh, 'zh-CN'));
    return { all, byCategory: counts.byCategory, names };
  }

  /** The public shop: company header facts, the visible sections in the seller's order resolved for display, categories. */
  async publicShop(slugOrCompanyId: string) {
    const { row, company } = await this.shopRow(slugOrCompanyId);
    const template = templateOf(this.templates, row.template);
    const visible = fitToTemplate(parseStoredSections(row.sections), template).filter((s) => s.visible);
    const categories = await this.shopCategories(company.id);

    // One summaries call for every product the page shows, whatever the number of sections.
    const wantsAuto = visible.some((s) => s.type === 'featured_products' && s.data.productIds.length === 0);
    const newest = wantsAuto ? await store.searchProducts(this.db, { companyId: company.id, limit: AUTO_FEATURED }) : [];
    const chosen = visible.flatMap((s) => (s.type === 'featured_products' ? s.data.productIds : []));
    const ids = [...new Set([...chosen, ...newest])];
    const found = await this.cards(ids);
    const products = new Map(found.filter((p) => p.companyId === company.id && p.status === 'published').map((p) => [p.id, p]));
    const pick = (list: string[]) => list.flatMap((id) => (products.has(id) ? [products.get(id)!] : []));
    const today = new Date().toISOString().slice(0, 10);

    const sections: PublicSection[] = [];
    for (const s of visible) {
      switch (s.type) {
        case 'banner':
          if (s.data.imageFileId || s.data.headlineZh || s.data.headlineEn) {
            sections.push({ id: s.id, type: 'banner', data: { imageUrl: s.data.imageFileId ? imageUrls(s.data.imageFileId).url : null, headlineZh: s.data.headlineZh, headlineEn: s.data.headlineEn } });
          }
          break;
        case 'featured_products': {
          const auto = s.data.productIds.length === 0;
          const list = pick(auto ? newest : s.data.productIds);
          if (list.length) sections.push({ id: s.id, type: 'featured_products', data: { products: list, auto } });
          break;
        }
        case 'shop_categories': {
          const list = s.data.categoryIds.length
            ? s.data.categoryIds.flatMap((id) => {
                const node = categories.names.get(id);
                const count = categories.byCategory.get(id) ?? 0;
                return node && count > 0 ? [{ categoryId: id, nameZh: node.nameZh, nameEn: node.nameEn, count }] : [];
              })
            : categories.all;
          if (list.length) sections.push({ id: s.id, type: 'shop_categories', data: { categories: list } });
          break;
        }
        case 'company_profile': {
          const textZh = s.data.textZh || company.description;
          const textEn = s.data.textEn;
          const photos = s.data.photoFileIds.map((fileId) => ({ fileId, ...imageUrls(fileId) }));
          if (textZh || textEn || photos.length) sections.push({ id: s.id, type: 'company_profile', data: { textZh, textEn, photos } });
          break;
        }
        case 'certificates':
          if (s.data.items.length) {
            sections.push({
              id: s.id, type: 'certificates',
              data: { items: s.data.items.map((c) => ({ name: c.name, issuer: c.issuer, validUntil: c.validUntil, imageUrl: c.imageFileId ? imageUrls(c.imageFileId).url : null, thumbnailUrl: c.imageFileId ? imageUrls(c.imageFileId).thumbnails[400] : null, expired: c.validUntil !== null && c.validUntil < today })) },
            });
          }
          break;
        case 'contact_card':
          if (s.data.contactName || s.data.phone || s.data.email || s.data.address) sections.push({ id: s.id, type: 'contact_card', data: s.data });
          break;
      }
    }
    return {
      slug: row.slug,
      template: template.code,
      themeColor: row.theme_color,
      company: {
        id: company.id, legalName: company.legalName, nameEn: company.nameEn, companyType: company.companyType, logoUrl: company.logoUrl,
        province: company.province, city: company.city, mainProducts: company.mainProducts, description: company.description,
      },
      sections,
      shopCategories: categories.all,
      productCount: await store.countProducts(this.db, company.id),
    };
  }

  /** The products' cards: catalog summaries with their recent buyers, one batch each. */
  private async cards(ids: string[]): Promise<ShopProductCard[]> {
    if (ids.length === 0) return [];
    const [found, sales] = await Promise.all([
      this.deps.catalog.summaries(ids),
      this.deps.productSales ? this.deps.productSales(ids) : Promise.resolve(new Map<string, { recentBuyers: number }>()),
    ]);
    return found.map((p) => ({ ...p, recentBuyers: sales.get(p.id)?.recentBuyers ?? 0 }));
  }

  /** Search within one shop: its published products, newest first, by words of the title and by category. */
  async shopProducts(slugOrCompanyId: string, f: { q?: string | undefined; categoryId?: string | undefined; cursor?: string | undefined; limit: number }) {
    const { company } = await this.shopRow(slugOrCompanyId);
    const ids = await store.searchProducts(this.db, { companyId: company.id, q: f.q?.trim(), categoryId: f.categoryId, beforeId: decodeCursor(f.cursor), limit: f.limit + 1 });
    const found = await this.cards(ids);
    const byId = new Map(found.filter((p) => p.companyId === company.id && p.status === 'published').map((p) => [p.id, p]));
    // Keep the page's order and its cursor even when the read model is a moment behind the catalog.
    const rows = ids.map((id) => ({ id, product: byId.get(id) }));
    const paged = page(rows, f.limit);
    return { items: paged.items.flatMap((r) => (r.product ? [r.product] : [])), nextCursor: paged.nextCursor };
  }

  // ---- read model of published products

  private static readModelRow(v: ProductIndexFacts): store.ShopProduct {
    const path = v.categoryPathIds.includes(v.categoryId) ? v.categoryPathIds : [...v.categoryPathIds, v.categoryId];
    return {
      productId: v.id, companyId: v.companyId, categoryId: v.categoryId, categoryPathIds: path,
      titleZh: v.titleZh, titleEn: v.titleEn, publishedAt: v.publishedAt ? new Date(v.publishedAt) : null,
    };
  }

  /** Brings the read model in line with the catalog for these products (after their events). */
  async syncProducts(productIds: string[]): Promise<void> {
    const views = await this.deps.catalog.indexViews(productIds);
    const published = views.filter((v) => v.status === 'published');
    const keep = new Set(published.map((v) => v.id));
    await this.platform.database.transaction(async (trx) => {
      await store.upsertProducts(trx, published.map((v) => StorefrontService.readModelRow(v)));
      await store.deleteProducts(trx, productIds.filter((id) => !keep.has(id)));
    });
  }

  /** Rebuilds the read model from the catalog (recovery, or a database that had products before this module). */
  async rebuildProducts(batch = 500): Promise<number> {
    const started = new Date();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const ids = await this.deps.catalog.publishedIdsAfter(after, batch);
      if (ids.length === 0) break;
      await this.syncProducts(ids);
      total += ids.length;
      after = ids[ids.length - 1]!;
    }
    await store.deleteProductsNotTouchedSince(this.db, started);
    return total;
  }

  /** At start: shops for suppliers that have none, and the product read model when it has never been built. */
  async backfill(): Promise<{ shopsCreated: number; productsIndexed: number | null }> {
    const shopsCreated = await this.backfillShops();
    const productsIndexed = (await store.hasAnyProduct(this.db)) ? null : await this.rebuildProducts();
    return { shopsCreated, productsIndexed };
  }
}
