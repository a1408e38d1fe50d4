import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { requireOperator } from '../../platform/policy.js';
import { CatalogErrors } from './errors.js';
import { record } from './events.js';
import { breakingChanges, checkOwnAttributes, resolveTemplate, type AttributeDefinition } from './rules.js';
import type { CategoryNode, CreateCategoryInput, UpdateCategoryInput } from './schemas.js';
import * as store from './store.js';

export interface CategoryPathItem { id: string; nameZh: string; nameEn: string }

/** A category with its subtree, breadcrumb (root first, itself last) and resolved attribute template. */
export interface ResolvedCategory {
  node: CategoryNode;
  path: CategoryPathItem[];
  attributes: AttributeDefinition[];
  ownAttributes: AttributeDefinition[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stored form of a definition: the contract's fields in a fixed order, options and unit only where they belong. */
function normalize(a: { key: string; nameZh: string; nameEn: string; type: AttributeDefinition['type']; options?: AttributeDefinition['options']; unit?: string | undefined; required: boolean; filterable: boolean; definesSku: boolean }): AttributeDefinition {
  return {
    key: a.key, nameZh: a.nameZh, nameEn: a.nameEn, type: a.type,
    ...(a.options !== undefined ? { options: a.options.map((o) => ({ value: o.value, zh: o.zh, en: o.en })) } : {}),
    ...(a.unit ? { unit: a.unit } : {}),
    required: a.required, filterable: a.filterable, definesSku: a.definesSku,
  };
}

export const pathItem = (r: store.CategoryRow): CategoryPathItem => ({ id: r.id, nameZh: r.name_zh, nameEn: r.name_en });

/** Builds the forest from rows ordered by level, then sort. */
function buildTree(rows: store.CategoryRow[]): { roots: CategoryNode[]; byId: Map<string, CategoryNode> } {
  const byId = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const r of rows) {
    const node: CategoryNode = { id: r.id, code: r.code, parentId: r.parent_id, level: r.level, nameZh: r.name_zh, nameEn: r.name_en, sort: r.sort, children: [] };
    byId.set(r.id, node);
    const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, byId };
}

/** How long a process trusts its copy of a category's SKU attributes; an edit in this process clears it at once. */
const SKU_TEMPLATE_TTL_MS = 60_000;

export class CategoriesService {
  // Checkout labels every line from its category's template; reading the path each time cost a statement per checkout.
  private readonly skuTemplateCache = new Map<string, { defs: AttributeDefinition[]; until: number }>();

  constructor(private readonly platform: Platform) {}

  private get db() {
    return this.platform.database.db;
  }

  /** The whole tree, ordered by sort within each level. One query. */
  async tree(): Promise<CategoryNode[]> {
    return buildTree(await store.allCategories(this.db)).roots;
  }

  /** One category by id or dotted code, with its subtree, path and resolved template. One query. */
  async resolved(idOrCode: string): Promise<ResolvedCategory> {
    const rows = await store.allCategories(this.db);
    const row = rows.find((r) => (UUID.test(idOrCode) ? r.id === idOrCode.toLowerCase() : r.code === idOrCode));
    if (!row) throw new DomainError(CatalogErrors.CATEGORY_NOT_FOUND);
    const { byId } = buildTree(rows);
    const rowsById = new Map(rows.map((r) => [r.id, r]));
    const path: store.CategoryRow[] = [];
    for (let at: store.CategoryRow | undefined = row; at; at = at.parent_id ? rowsById.get(at.parent_id) : undefined) path.unshift(at);
    return { node: byId.get(row.id)!, path: path.map(pathItem), attributes: resolveTemplate(path.map((p) => p.attributes)), ownAttributes: row.attributes };
  }

  /** The flat shape of GET /categories/{id}. */
  async detail(idOrCode: string) {
    const r = await this.resolved(idOrCode);
    return { ...r.node, path: r.path, attributes: r.attributes, ownAttributes: r.ownAttributes };
  }

  /**
   * Paths (root first) of several categories in one query, for products: the caller resolves templates from
   * them. Categories that do not exist are absent from the map.
   */
  async paths(db: Db, categoryIds: string[]): Promise<Map<string, store.CategoryRow[]>> {
    const rows = await store.pathsOf(db, [...new Set(categoryIds)]);
    const out = new Map<string, store.CategoryRow[]>();
    for (const r of rows) {
      const list = out.get(r.for_id) ?? [];
      list.push(r);
      out.set(r.for_id, list);
    }
    return out;
  }

  /** The SKU-defining attributes of each category's resolved template (ancestors' then its own); unknown ids left out. */
  async skuTemplates(categoryIds: string[]): Promise<Map<string, AttributeDefinition[]>> {
    const now = Date.now();
    const out = new Map<string, AttributeDefinition[]>();
    const missing: string[] = [];
    for (const id of new Set(categoryIds)) {
      const hit = this.skuTemplateCache.get(id);
      if (hit && hit.until > now) out.set(id, hit.defs);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    for (const [id, path] of await this.paths(this.db, missing)) {
      const defs = resolveTemplate(path.map((p) => p.attributes)).filter((d) => d.definesSku);
      this.skuTemplateCache.set(id, { defs, until: now + SKU_TEMPLATE_TTL_MS });
      out.set(id, defs);
    }
    return out;
  }

  async create(ctx: RequestContext, input: CreateCategoryInput) {
    const actor = requireOperator(ctx);
    const own = input.attributes.map(normalize);
    const id = await this.platform.database.transaction(async (trx) => {
      const parent = input.parentId ? await store.findCategory(trx, { id: input.parentId }, true) : undefined;
      if (input.parentId && !parent) throw new DomainError(CatalogErrors.CATEGORY_NOT_FOUND, {}, [{ path: 'body.parentId', message: ctx.locale === 'zh-CN' ? '上级类目不存在' : 'no such parent category' }]);
      const code = parent ? `${parent.code}.${input.key}` : input.key;
      if (await store.findCategory(trx, { code })) throw new DomainError(CatalogErrors.CATEGORY_CODE_TAKEN, { code }, [{ path: 'body.key', message: code }]);
      // A category holding products is a leaf by necessity: products may only sit in leaves.
      if (parent && (await store.hasProducts(trx, parent, false))) throw new DomainError(CatalogErrors.CATEGORY_HAS_PRODUCTS);
      const inherited = parent ? resolveTemplate((await store.pathsOf(trx, [parent.id])).map((r) => r.attributes)) : [];
      const errors = checkOwnAttributes(inherited, own, new Map(), ctx.locale);
      if (errors.length) throw new DomainError(CatalogErrors.CATEGORY_INVALID, { count: errors.length }, errors);
      const row = await store.insertCategory(trx, {
        id: uuidv7(), code, parentId: parent?.id ?? null, level: parent ? parent.level + 1 : 1, nameZh: input.nameZh, nameEn: input.nameEn, sort: input.sort, attributes: own,
      });
      await record(trx, actor.userId, row.id, { type: 'category.updated', companyId: null, subjectType: 'category', payload: { categoryId: row.id } });
      return row.id;
    });
    return this.detail(id);
  }

  /** Renames, reorders, or replaces the category's own attributes (the inherited ones are edited on the ancestor). */
  async update(ctx: RequestContext, id: string, input: UpdateCategoryInput) {
    const actor = requireOperator(ctx);
    await this.platform.database.transaction(async (trx) => {
      const row = await store.findCategory(trx, { id }, true);
      if (!row) throw new DomainError(CatalogErrors.CATEGORY_NOT_FOUND);
      let own: AttributeDefinition[] | undefined;
      if (input.attributes) {
        own = input.attributes.map(normalize);
        const path = await store.pathsOf(trx, [id]);
        const inherited = resolveTemplate(path.filter((r) => r.id !== id).map((r) => r.attributes));
        const descendantKeys = new Map<string, string>();
        for (const d of await store.descendantsOf(trx, row.code)) for (const a of d.attributes) descendantKeys.set(a.key, d.code);
        const errors = checkOwnAttributes(inherited, own, descendantKeys, ctx.locale);
        if (errors.length) throw new DomainError(CatalogErrors.CATEGORY_INVALID, { count: errors.length }, errors);
        if (await store.hasProducts(trx, row, true)) {
          const breaking = breakingChanges(row.attributes, own, ctx.locale);
          if (breaking.length) throw new DomainError(CatalogErrors.CATEGORY_IN_USE, {}, breaking);
        }
      }
      await store.updateCategory(trx, id, { nameZh: input.nameZh, nameEn: input.nameEn, sort: input.sort, attributes: own });
      await record(trx, actor.userId, id, { type: 'category.updated', companyId: null, subjectType: 'category', payload: { categoryId: id } });
    });
    this.skuTemplateCache.clear();
    return this.detail(id);
  }

  async isLeaf(db: Db, id: string): Promise<boolean> {
    return !(await store.hasChildren(db, id));
  }
}
