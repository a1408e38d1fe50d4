import type { RequestContext } from '../../platform/context.js';
import { DomainError, PlatformErrors } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { PROVINCES } from '../accounts/index.js';
import { productDoc, supplierDoc } from './documents.js';
import type { AttributeDefinition, CatalogPort, ProductIndexView, ProductSalesPort, ResolvedCategory, SupplierCompanyType, SupplierFacts, SupplierSource } from './ports.js';
import { GRADE_RANK, GRADES, MATCH_BASE, productFactors, TITLE_PHRASE_BONUS, type Factor, type Grade } from './ranking.js';
import * as store from './store.js';
import { normalize, queryWords, tsQueryText, type QueryWord } from './tokenize.js';

export interface Deps {
  catalog: CatalogPort;
  suppliers: SupplierSource;
  /** Each product's recent buyers (the product factor's sales input); without it every product counts none. */
  sales?: ProductSalesPort;
  /** The ranked window's size (store.WINDOW); smaller in tests. */
  window?: number;
  /** Static-rank thresholds of the bands a text search looks for its window in; by default store.RANK_TIERS from store.TIERED_FROM products on. */
  tiers?: readonly number[];
  /** Keep recent product-search answers (ResultCache); by default unless SEARCH_RESULT_CACHE=off. */
  resultCache?: boolean;
}

export type ProductSort = store.ProductSort;

export interface ProductSearchInput {
  q?: string | undefined;
  category?: string | undefined;
  sort: ProductSort;
  quantity?: number | undefined;
  priceMin?: number | undefined;
  priceMax?: number | undefined;
  moqMax?: number | undefined;
  province?: string[] | undefined;
  minGrade?: Grade | undefined;
  trustpass?: boolean | undefined;
  verified?: boolean | undefined;
  shipsWithin?: number | undefined;
  /** attr.<key>=v1,v2 */
  attrs?: Record<string, string[]> | undefined;
  /** attr.<key>.min / attr.<key>.max */
  ranges?: Record<string, { min?: number | undefined; max?: number | undefined }> | undefined;
  explain?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface Explain {
  score: number;
  relevance: number;
  supplierFactor: number;
  productFactor: number;
  factors: Factor[];
}

export interface ProductHit {
  id: string;
  categoryId: string;
  titleZh: string;
  titleEn: string | null;
  coverUrl: string | null;
  priceTiers: Array<{ minQuantity: number; unitPrice: number }>;
  /** At the asked quantity, or at the MOQ when none was asked. */
  unitPrice: number;
  quantity: number;
  currency: 'CNY';
  moq: number;
  unit: string;
  leadTimeDays: number;
  publishedAt: Date;
  /** Distinct buyer companies that paid for it in 90 days (service metrics). */
  recentBuyers: number;
  supplier: { id: string; name: string; nameEn: string | null; companyType: SupplierCompanyType | null; province: string; grade: Grade | null; verified: boolean; trustpassYears: number; responseRate: number | null };
  explain?: Explain;
}

export type AttributeFacet =
  | { key: string; nameZh: string; nameEn: string; type: 'enum' | 'boolean'; values: Array<{ value: string; labelZh: string; labelEn: string; count: number }> }
  | { key: string; nameZh: string; nameEn: string; type: 'number' | 'range'; unit: string | null; min: number | null; max: number | null; count: number };

export interface ProductFacets {
  categories: Array<{ id: string; nameZh: string; nameEn: string; count: number }>;
  attributes: AttributeFacet[];
  provinces: Array<{ code: string; nameZh: string; nameEn: string; count: number }>;
  grades: Array<{ grade: Grade; count: number }>;
  /** How many results remain with "TrustPass only" / "verified only". */
  trustpass: number;
  verified: number;
}

export interface ProductSearchResult {
  items: ProductHit[];
  /** Over the ranked window (store.WINDOW best matches by static rank): every match when totalExact. */
  facets: ProductFacets;
  nextCursor: string | null;
  /** Matches, counted up to the window; more match when totalExact is false ("1,000+"). */
  total: number;
  totalExact: boolean;
}

export interface SupplierSearchInput {
  q?: string | undefined;
  province?: string[] | undefined;
  minGrade?: Grade | undefined;
  cursor?: string | undefined;
  limit: number;
}

const provinceNames = new Map<string, { zh: string; en: string }>(PROVINCES.map((p) => [p.code, p]));
const TEMPLATE_TTL_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BATCH = 200;

interface CursorBody {
  s: ProductSort | 'suppliers';
  k: number | string;
  i: string;
  /** The 'sales' sort's first key: recent buyers (k is then the score). */
  b?: number;
}

function encodeCursor(body: CursorBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined, sort: CursorBody['s']): CursorBody | null {
  if (!cursor) return null;
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
    const idOk = typeof body.i === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(body.i);
    const keyOk = (sort === 'newest' ? typeof body.k === 'string' && !Number.isNaN(Date.parse(body.k)) : typeof body.k === 'number' && Number.isFinite(body.k))
      && (sort !== 'sales' || (typeof body.b === 'number' && Number.isInteger(body.b) && body.b >= 0));
    if (body.s === sort && idOk && keyOk) return body as CursorBody;
  } catch {
    // falls through to the error below
  }
  throw new DomainError(PlatformErrors.INVALID_CURSOR);
}

/** The text part of a query: tsquery words, the phrase for title substrings; null when nothing searchable was typed. */
interface TextQuery {
  words: QueryWord[];
  phrase: string | null;
}

function textQuery(q: string | undefined): TextQuery | null {
  const trimmed = normalize(q ?? '').trim().replace(/\s+/g, ' ');
  const words = queryWords(trimmed);
  if (words.length === 0) return null;
  return { words, phrase: [...trimmed].length >= 3 ? trimmed : null };
}

/** Words worth a spelling correction: non-Chinese, four letters or more (shorter ones match too much). */
const correctable = (words: QueryWord[]) => words.filter((w) => !w.han && w.text.length >= 4 && /\p{L}/u.test(w.text)).map((w) => w.text);

const num = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Recent product-search answers (docs/search.md, "Result cache"). Each answer is kept with a stamp that moves with
 * every committed change to the read model, and a newer stamp drops them all, so an answer is never older than
 * the last committed index change. On PGlite the stamp is a counter bumped by the platform's commit hook (one
 * process owns the database; no statement per search); on PostgreSQL, where another process may write, it is
 * search_version, which every writing transaction bumps (one one-row read per search). A search that read an older
 * stamp than the cache holds neither reads nor fills it. The TTL and the entry count only bound memory.
 */
class ResultCache {
  private readonly answers = new Map<string, { at: number; value: ProductSearchResult }>();
  private stamp = -1;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 500,
  ) {}

  get(key: string, stamp: number): ProductSearchResult | undefined {
    if (stamp > this.stamp) {
      this.answers.clear();
      this.stamp = stamp;
      return undefined;
    }
    const hit = stamp === this.stamp ? this.answers.get(key) : undefined;
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.answers.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: ProductSearchResult, stamp: number): void {
    if (stamp !== this.stamp) return;
    if (this.answers.size >= this.maxEntries) this.answers.clear();
    this.answers.set(key, { at: Date.now(), value });
  }
}

export class SearchService {
  private readonly templates = new Map<string, { at: number; value: ResolvedCategory | null }>();
  private size: { at: number; n: number } | null = null;
  private readonly results: ResultCache | null;
  /** PGlite: bumped on every commit in this process (the only writer); PostgreSQL reads search_version instead. */
  private commits = 0;

  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {
    this.results = (deps.resultCache ?? platform.config.SEARCH_RESULT_CACHE === 'on') ? new ResultCache() : null;
    if (this.results && platform.database.kind === 'pglite') platform.database.onCommit(() => this.commits++);
  }

  /** The read model's version as the result cache sees it (see ResultCache). */
  private async stamp(): Promise<number> {
    return this.platform.database.kind === 'pglite' ? this.commits : store.version(this.db);
  }

  /** After a write outside platform.database.transaction: cached answers go, in this process and the others. */
  private async changed(): Promise<void> {
    await store.bumpVersion(this.db);
    this.commits++;
  }

  private get db() {
    return this.platform.database.db;
  }

  // ---------------------------------------------------------------- queries

  private async tsquery(text: TextQuery | null): Promise<string | null> {
    if (!text) return null;
    const words = correctable(text.words);
    const fixes = words.length ? await store.corrections(this.db, words) : new Map<string, string[]>();
    return tsQueryText(text.words, fixes);
  }

  /** The bands worth their planning cost at this catalogue's size (the estimate is cached like templates). */
  private async rankTiers(): Promise<readonly number[]> {
    if (this.deps.tiers) return this.deps.tiers;
    if (!this.size || Date.now() - this.size.at > TEMPLATE_TTL_MS) this.size = { at: Date.now(), n: await store.productEstimate(this.db) };
    return this.size.n >= store.TIERED_FROM ? store.RANK_TIERS : [];
  }

  /** The category's resolved template, cached briefly (a category.updated event clears it). */
  private async template(categoryId: string): Promise<ResolvedCategory | null> {
    const cached = this.templates.get(categoryId);
    if (cached && Date.now() - cached.at < TEMPLATE_TTL_MS) return cached.value;
    let value: ResolvedCategory | null;
    try {
      value = await this.deps.catalog.resolved(categoryId);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      value = null; // an unknown category: no template, and the filter finds nothing
    }
    this.templates.set(categoryId, { at: Date.now(), value });
    return value;
  }

  /** The answer depends on the input alone (never on who asks), so identical searches share a cached answer. */
  async searchProducts(ctx: RequestContext, input: ProductSearchInput): Promise<ProductSearchResult> {
    if (!this.results) return this.searchProductsUncached(ctx, input);
    const key = JSON.stringify(input);
    const stamp = await this.stamp(); // before the search: a change committed meanwhile moves it for the next one
    const cached = this.results.get(key, stamp);
    if (cached) return cached;
    const value = await this.searchProductsUncached(ctx, input);
    this.results.set(key, value, stamp);
    return value;
  }

  private async searchProductsUncached(_ctx: RequestContext, input: ProductSearchInput): Promise<ProductSearchResult> {
    const after = decodeCursor(input.cursor, input.sort);
    const text = textQuery(input.q);
    const template = input.category ? await this.template(input.category) : null;
    const filterable = (template?.attributes ?? []).filter((a) => a.filterable);
    // A code names the category through its template; an unknown one matches nothing (the zero id is no category).
    const categoryId = !input.category ? null : UUID.test(input.category) ? input.category : (template?.node.id ?? store.ALL_CATEGORIES);
    const filter: store.ProductFilter = {
      tsquery: await this.tsquery(text),
      phrase: text?.phrase ?? null,
      substring: text !== null && text.words.some((w) => w.han),
      categoryId,
      categoryDepth: categoryId !== null && template?.node.id === categoryId ? template.path.length : null,
      quantity: input.quantity ?? null,
      priceMin: input.priceMin ?? null,
      priceMax: input.priceMax ?? null,
      moqMax: input.moqMax ?? null,
      provinces: input.province ?? [],
      minGrade: input.minGrade ? GRADE_RANK[input.minGrade] : null,
      trustpass: input.trustpass ? true : null,
      verified: input.verified ? true : null,
      shipsWithin: input.shipsWithin ?? null,
      attrTerms: Object.entries(input.attrs ?? {}).map(([key, values]) => values.map((v) => `${key}=${v}`)),
      attrRanges: Object.entries(input.ranges ?? {}).map(([key, r]) => ({ key, min: r.min ?? null, max: r.max ?? null })),
    };
    const attrKeys = {
      terms: filterable.filter((a) => a.type === 'enum' || a.type === 'boolean').map((a) => a.key),
      ranges: filterable.filter((a) => a.type === 'number' || a.type === 'range').map((a) => a.key),
    };
    const storeAfter: store.SortKey | null = after === null ? null
      : after.s === 'newest' ? { sort: 'newest', key: String(after.k), id: after.i }
      : after.s === 'sales' ? { sort: 'sales', buyers: after.b ?? 0, key: Number(after.k), id: after.i }
      : { sort: after.s === 'price' ? 'price' : 'relevance', key: Number(after.k), id: after.i };
    // One statement whatever the number of hits: the page, and the facets with the total over the ranked window.
    const { hits: rows, facets: facetRows } = await store.searchProducts(this.db, filter, input.sort, storeAfter, input.limit + 1, attrKeys, input.explain === true, this.deps.window ?? store.WINDOW, await this.rankTiers());
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > input.limit && last
      ? encodeCursor({
        s: input.sort, i: last.id, k: input.sort === 'newest' ? new Date(last.published_at).toISOString() : input.sort === 'price' ? Number(last.unit_price) : Number(last.score),
        ...(input.sort === 'sales' ? { b: Number(last.recent_buyers) } : {}),
      })
      : null;
    const items = page.map((r) => this.hit(r, input, text !== null));
    const more = (facetRows.find((f) => f.facet === 'more')?.n ?? 0) > 0;
    return { items, facets: this.facets(facetRows, filterable), nextCursor, total: facetRows.find((f) => f.facet === 'total')?.n ?? 0, totalExact: !more };
  }

  private hit(r: store.ProductHitRow, input: ProductSearchInput, hasText: boolean): ProductHit {
    const tierMin = r.tier_min.map(Number);
    const tierPrice = r.tier_price.map(Number);
    const moq = Number(r.moq);
    const hit: ProductHit = {
      id: r.id, categoryId: r.category_id, titleZh: r.title_zh, titleEn: r.title_en, coverUrl: r.cover_url,
      priceTiers: tierMin.map((minQuantity, i) => ({ minQuantity, unitPrice: tierPrice[i]! })),
      unitPrice: Number(r.unit_price), quantity: input.quantity ?? moq, currency: 'CNY', moq, unit: r.unit, leadTimeDays: r.lead_time_days,
      publishedAt: new Date(r.published_at), recentBuyers: Number(r.recent_buyers),
      supplier: {
        id: r.company_id, name: r.supplier_name, nameEn: r.supplier_name_en, companyType: r.company_type, province: r.province, grade: r.grade, verified: r.verified,
        trustpassYears: r.trustpass_active ? r.trustpass_years : 0, responseRate: r.response_rate === null ? null : Number(r.response_rate),
      },
    };
    if (input.explain) {
      const relevance = hasText ? MATCH_BASE + Number(r.text_rank) + (r.title_phrase ? TITLE_PHRASE_BONUS : 0) : 1;
      hit.explain = {
        score: Number(r.score), relevance, supplierFactor: Number(r.supplier_factor), productFactor: Number(r.product_factor),
        factors: [
          ...(hasText ? [
            { name: 'match', value: true, factor: MATCH_BASE },
            { name: 'titleRank', value: Number(r.text_rank), factor: Number(r.text_rank) },
            { name: 'titlePhrase', value: r.title_phrase, factor: r.title_phrase ? TITLE_PHRASE_BONUS : 0 },
          ] : []),
          ...(r.supplier_factors ?? []),
          ...productFactors({ completeness: Number(r.completeness), imageCount: Number(r.image_count), recentBuyers: Number(r.recent_buyers) }).factors,
        ],
      };
    }
    return hit;
  }

  private facets(rows: store.FacetRow[], filterable: AttributeDefinition[]): ProductFacets {
    const by = (facet: store.FacetRow['facet']) => rows.filter((r) => r.facet === facet);
    const count = (facet: store.FacetRow['facet'], value: string) => by(facet).find((r) => r.value === value)?.n ?? 0;
    const termCounts = new Map(by('attr').map((r) => [r.value ?? '', r.n]));
    const ranges = new Map(by('range').map((r) => [r.value ?? '', r]));
    const attributes: AttributeFacet[] = [];
    for (const a of filterable) {
      if (a.type === 'enum') {
        const values = (a.options ?? []).map((o) => ({ value: o.value, labelZh: o.zh, labelEn: o.en, count: termCounts.get(`${a.key}=${o.value}`) ?? 0 })).filter((v) => v.count > 0);
        if (values.length) attributes.push({ key: a.key, nameZh: a.nameZh, nameEn: a.nameEn, type: 'enum', values });
      } else if (a.type === 'boolean') {
        const values = [{ value: 'true', labelZh: '是', labelEn: 'Yes' }, { value: 'false', labelZh: '否', labelEn: 'No' }]
          .map((v) => ({ ...v, count: termCounts.get(`${a.key}=${v.value}`) ?? 0 })).filter((v) => v.count > 0);
        if (values.length) attributes.push({ key: a.key, nameZh: a.nameZh, nameEn: a.nameEn, type: 'boolean', values });
      } else if (a.type === 'number' || a.type === 'range') {
        const r = ranges.get(a.key);
        if (r) attributes.push({ key: a.key, nameZh: a.nameZh, nameEn: a.nameEn, type: a.type, unit: a.unit ?? null, min: num(r.lo), max: num(r.hi), count: r.n });
      }
    }
    return {
      categories: by('category').filter((r) => r.value !== null)
        .map((r) => ({ id: r.value!, nameZh: r.name_zh ?? '', nameEn: r.name_en ?? '', count: r.n }))
        .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
      attributes,
      provinces: by('province').filter((r) => r.value !== null)
        .map((r) => ({ code: r.value!, nameZh: provinceNames.get(r.value!)?.zh ?? r.value!, nameEn: provinceNames.get(r.value!)?.en ?? r.value!, count: r.n }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      grades: GRADES.map((grade) => ({ grade, count: count('grade', grade) })).filter((g) => g.count > 0).reverse(),
      trustpass: count('trustpass', 'true'),
      verified: count('verified', 'true'),
    };
  }

  async searchSuppliers(_ctx: RequestContext, input: SupplierSearchInput) {
    const after = decodeCursor(input.cursor, 'suppliers');
    const text = textQuery(input.q);
    const rows = await store.searchSuppliersPage(this.db, {
      tsquery: await this.tsquery(text), phrase: text?.phrase ?? null, provinces: input.province ?? [], minGrade: input.minGrade ? GRADE_RANK[input.minGrade] : null,
    }, after ? { key: Number(after.k), id: after.i } : null, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((s) => ({
        id: s.company_id, name: s.legal_name, nameEn: s.name_en, province: s.province, city: s.city, logoUrl: s.logo_url, mainProducts: s.main_products,
        grade: s.grade, verified: s.verified, trustpassYears: s.trustpass_active ? s.trustpass_years : 0, productCount: s.product_count,
        responseRate: s.response_rate === null ? null : Number(s.response_rate),
      })),
      nextCursor: rows.length > input.limit && last ? encodeCursor({ s: 'suppliers', k: Number(last.score), i: last.company_id }) : null,
    };
  }

  /** Completions while typing: product terms (prefix, then close spellings) and supplier names. */
  async suggest(_ctx: RequestContext, input: { q: string; category?: string | undefined; limit: number }) {
    const prefix = normalize(input.q).trim().replace(/\s+/g, ' ');
    if (!prefix) return { terms: [], suppliers: [] };
    const [terms, suppliers] = await Promise.all([
      store.suggestTerms(this.db, prefix, input.category ?? store.ALL_CATEGORIES, input.limit),
      store.suggestSuppliers(this.db, prefix, input.category ?? null, Math.min(5, input.limit)),
    ]);
    return { terms, suppliers: suppliers.map((s) => ({ id: s.company_id, name: s.legal_name, nameEn: s.name_en })) };
  }

  // ---------------------------------------------------------------- indexing

  /**
   * Brings the given products in line with their index views: published ones upserted (with their supplier's
   * facts), the rest removed; `ids` lists every product asked about, so one the catalog no longer has goes too.
   */
  async indexProducts(views: ProductIndexView[], ids: string[] = views.map((v) => v.id), options: { terms?: boolean } = {}): Promise<{ upserted: number; removed: number }> {
    const published = views.filter((v) => v.status === 'published' && v.priceTiers.length > 0);
    const keep = new Set(published.map((v) => v.id));
    const removed = [...new Set(ids)].filter((id) => !keep.has(id));
    const companyIds = [...new Set(published.map((v) => v.companyId))];
    let suppliers = await store.findSuppliers(this.db, companyIds);
    const missing = companyIds.filter((id) => !suppliers.some((s) => s.company_id === id));
    if (missing.length) {
      await this.refreshSuppliers(missing);
      suppliers = await store.findSuppliers(this.db, companyIds);
    }
    const byCompany = new Map(suppliers.map((s) => [s.company_id, s]));
    const sales = this.deps.sales && published.length > 0 ? await this.deps.sales(published.map((v) => v.id)) : new Map<string, { recentBuyers: number }>();
    const docs = published.flatMap((v) => {
      const s = byCompany.get(v.companyId);
      return s ? [productDoc(v, s, sales.get(v.id)?.recentBuyers ?? 0)] : [];
    });
    const categories = new Map<string, { id: string; parent_id: string | null; name_zh: string; name_en: string }>();
    for (const v of published) {
      v.categoryPathIds.forEach((id, i) => categories.set(id, { id, parent_id: i > 0 ? v.categoryPathIds[i - 1]! : null, name_zh: v.categoryNamesZh[i] ?? '', name_en: v.categoryNamesEn[i] ?? '' }));
    }
    await this.platform.database.transaction(async (trx) => {
      const before = await store.existingProducts(trx, [...keep, ...removed]);
      const oldTerms = options.terms === false ? [] : await store.productTerms(trx, [...keep, ...removed]);
      await store.upsertProducts(trx, docs);
      await store.deleteProducts(trx, removed);
      await store.upsertCategories(trx, [...categories.values()]);
      if (options.terms !== false) {
        const deltas = new Map<string, number>();
        const add = (path: string[], terms: string[], d: number) => {
          for (const c of [...path, store.ALL_CATEGORIES]) for (const term of terms) deltas.set(`${c}:${term}`, (deltas.get(`${c}:${term}`) ?? 0) + d);
        };
        for (const b of oldTerms) add(b.category_path, b.terms, -1);
        for (const d of docs) add(d.category_path, d.suggest_terms, +1);
        await store.adjustTerms(trx, deltas);
      }
      await store.refreshProductCounts(trx, [...new Set([...companyIds, ...before.map((b) => b.company_id)])]);
      await store.bumpVersion(trx);
    });
    return { upserted: docs.length, removed: removed.length };
  }

  /** Re-reads suppliers through their owning modules and copies the facts onto their products. */
  async refreshSuppliers(companyIds: string[]): Promise<number> {
    const facts: SupplierFacts[] = [];
    for (const id of new Set(companyIds)) {
      const f = await this.deps.suppliers.facts(id);
      if (f) facts.push(f);
    }
    await this.indexSuppliers(facts);
    return facts.length;
  }

  /**
   * Stores suppliers' facts and copies them onto their products; a supplier whose name changed has its products
   * re-read (the name is part of their text).
   */
  async indexSuppliers(facts: SupplierFacts[]): Promise<void> {
    if (facts.length === 0) return;
    const docs = facts.map(supplierDoc);
    const before = new Map((await store.findSuppliers(this.db, docs.map((d) => d.company_id))).map((r) => [r.company_id, r]));
    const renamed = docs.filter((d) => {
      const old = before.get(d.company_id);
      return old !== undefined && old.tokens_a !== d.tokens_a;
    }).map((d) => d.company_id);
    await this.platform.database.transaction(async (trx) => {
      await store.upsertSuppliers(trx, docs);
      await store.copySupplierFacts(trx, docs.map((d) => d.company_id));
      await store.refreshProductCounts(trx, docs.map((d) => d.company_id));
      await store.markCompanyProductsDirty(trx, renamed, uuidv7());
      await store.bumpVersion(trx);
    });
  }

  private async refreshCategories(ids: string[]): Promise<void> {
    const mark = uuidv7();
    for (const id of ids) {
      this.templates.delete(id);
      let resolved: ResolvedCategory | null = null;
      try {
        resolved = await this.deps.catalog.resolved(id);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
      }
      await this.platform.database.transaction(async (trx) => {
        if (resolved) {
          const path = resolved.path.length ? resolved.path : [resolved.node];
          await store.upsertCategories(trx, path.map((c, i) => ({ id: c.id, parent_id: i > 0 ? path[i - 1]!.id : null, name_zh: c.nameZh, name_en: c.nameEn })));
        }
        // Names and filterable attributes live in the product rows: re-read every product below it.
        await store.markCategoryProductsDirty(trx, id, mark);
        await store.bumpVersion(trx);
      });
    }
    // Children's templates inherit: drop them all rather than track the tree.
    this.templates.clear();
  }

  /** Drains the queue of changes (categories, then suppliers, then products) in batches. */
  async syncDirty(): Promise<{ categories: number; companies: number; products: number }> {
    const done = { categories: 0, companies: 0, products: 0 };
    for (let round = 0; round < 1000; round++) {
      const categories = await store.dirtyBatch(this.db, 'category', 20);
      if (categories.length) {
        await this.refreshCategories(categories.map((c) => c.id));
        await store.clearDirty(this.db, 'category', categories);
        done.categories += categories.length;
      }
      const companies = await store.dirtyBatch(this.db, 'company', 50);
      if (companies.length) {
        await this.refreshSuppliers(companies.map((c) => c.id));
        await store.clearDirty(this.db, 'company', companies);
        done.companies += companies.length;
      }
      const products = await store.dirtyBatch(this.db, 'product', BATCH);
      if (products.length) {
        const ids = products.map((p) => p.id);
        await this.indexProducts(await this.deps.catalog.indexViews(ids), ids);
        await store.clearDirty(this.db, 'product', products);
        done.products += products.length;
      }
      if (!categories.length && !companies.length && !products.length) break;
    }
    return done;
  }

  /**
   * Rebuilds the read model from the owning modules: every supplier, every published product (in id order,
   * in batches), then drops what was not seen and recounts the suggestion terms. Safe while serving.
   */
  async rebuild(progress: (stage: 'suppliers' | 'products' | 'terms', done: number) => void = () => undefined): Promise<{ suppliers: number; products: number; removed: number; terms: number }> {
    const started = new Date();
    let suppliers = 0;
    let cursor: string | null = null;
    do {
      const page: { ids: string[]; nextCursor: string | null } = await this.deps.suppliers.supplierIds(cursor, 100);
      suppliers += await this.refreshSuppliers(page.ids);
      progress('suppliers', suppliers);
      cursor = page.nextCursor;
    } while (cursor);
    let products = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.deps.catalog.publishedIdsAfter(after, BATCH * 2);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      products += (await this.indexProducts(await this.deps.catalog.indexViews(ids), ids, { terms: false })).upserted;
      progress('products', products);
    }
    const removed = await this.platform.database.transaction(async (trx) => {
      const stale = await store.deleteProductsIndexedBefore(trx, started);
      await store.refreshProductCounts(trx, [...new Set(stale.map((r) => r.company_id))]);
      await store.bumpVersion(trx);
      return stale.length;
    });
    const terms = await store.recountTerms(this.db);
    await store.maintain(this.db);
    await this.changed(); // the recount wrote outside a transaction (spelling corrections read the terms)
    progress('terms', terms);
    return { suppliers, products, removed, terms };
  }

  /** Nightly: TrustPass years and expiries move with time, not events; term counts are recounted against drift. */
  async nightly(): Promise<{ suppliers: number; terms: number }> {
    let suppliers = 0;
    let after: string | null = null;
    for (;;) {
      const rows = await store.supplierIdsAfter(this.db, after, 200);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!;
      suppliers += await this.refreshSuppliers(rows);
    }
    const terms = await store.recountTerms(this.db);
    await store.maintain(this.db);
    await this.changed(); // the recount wrote outside a transaction (spelling corrections read the terms)
    return { suppliers, terms };
  }

  /** An empty index while the sources have suppliers or published products: built before this module existed. */
  async needsBackfill(): Promise<boolean> {
    if (!(await store.isEmpty(this.db))) return false;
    if ((await this.deps.catalog.publishedIdsAfter(null, 1)).length > 0) return true;
    return (await this.deps.suppliers.supplierIds(null, 1)).ids.length > 0;
  }

  async pending(): Promise<number> {
    return store.dirtyCount(this.db);
  }
}
