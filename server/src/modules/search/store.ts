import { sql, type ColumnType, type RawBuilder, type Selectable } from 'kysely';
import { CUSTOM_PLAN, type Db } from '../../platform/db.js';
import type { ProductDoc, SupplierDoc } from './documents.js';
import type { SupplierCompanyType } from './ports.js';
import type { Factor, Grade } from './ranking.js';
import { MATCH_BASE, TEXT_WEIGHTS, TITLE_PHRASE_BONUS } from './ranking.js';

type Generated<T> = ColumnType<T, never, never>;
type Json<T> = ColumnType<T, string, string>;

interface SearchSuppliersTable extends Omit<SupplierDoc, 'factors' | 'credit_score'> {
  credit_score: ColumnType<string | null, number | null, number | null>;
  factors: Json<Factor[]>;
  product_count: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

interface SearchProductsTable extends Omit<ProductDoc, 'attr_numbers' | 'moq' | 'total_stock' | 'tier_min' | 'text_a' | 'text_b' | 'text_c' | 'suggest_terms'> {
  tier_min: ColumnType<string[], number[], number[]>;
  moq: ColumnType<string, number, number>;
  total_stock: ColumnType<string, number, number>;
  attr_numbers: Json<Record<string, [number, number]>>;
  quality: Generated<number>;
  tsv: ColumnType<string, RawBuilder<unknown>, RawBuilder<unknown>>;
  title_tsv: ColumnType<string, RawBuilder<unknown>, RawBuilder<unknown>>;
  indexed_at: ColumnType<Date, Date | undefined, Date>;
}

interface SearchCategoriesTable {
  id: string;
  parent_id: string | null;
  name_zh: string;
  name_en: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

interface SearchProductTermsTable {
  product_id: string;
  category_path: string[];
  terms: string[];
}

interface SearchTermsTable {
  category_id: string;
  term: string;
  doc_count: number;
}

export type DirtyKind = 'product' | 'company' | 'category';

interface SearchDirtyTable {
  kind: DirtyKind;
  id: string;
  mark: string;
  marked_at: ColumnType<Date, Date | undefined, Date>;
}

type SearchTables = {
  search_suppliers: SearchSuppliersTable;
  search_products: SearchProductsTable;
  search_categories: SearchCategoriesTable;
  search_product_terms: SearchProductTermsTable;
  search_terms: SearchTermsTable;
  search_dirty: SearchDirtyTable;
};

const t = (db: Db) => db.withTables<SearchTables>();

/** The category id standing for "all categories" in search_terms. */
export const ALL_CATEGORIES = '00000000-0000-0000-0000-000000000000';

export type SupplierRow = Selectable<SearchSuppliersTable>;

// ---- the dirty queue

export async function markDirty(db: Db, kind: DirtyKind, ids: string[], mark: string): Promise<void> {
  if (ids.length === 0) return;
  await t(db).insertInto('search_dirty')
    .values([...new Set(ids)].map((id) => ({ kind, id, mark })))
    .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ mark, marked_at: new Date() }))
    .execute();
}

/** Every product in the category's subtree, for re-reading after the category changed. */
export async function markCategoryProductsDirty(db: Db, categoryId: string, mark: string): Promise<number> {
  const r = await sql`
    INSERT INTO search_dirty (kind, id, mark)
    SELECT 'product', id, ${mark}::uuid FROM search_products WHERE category_path @> ARRAY[${categoryId}::uuid]
    ON CONFLICT (kind, id) DO UPDATE SET mark = excluded.mark, marked_at = now()`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function dirtyBatch(db: Db, kind: DirtyKind, limit: number): Promise<Array<{ id: string; mark: string }>> {
  return t(db).selectFrom('search_dirty').select(['id', 'mark']).where('kind', '=', kind).orderBy('marked_at').limit(limit).execute();
}

/** Clears what was read, unless it changed again meanwhile (then its mark differs and it stays queued). */
export async function clearDirty(db: Db, kind: DirtyKind, entries: Array<{ id: string; mark: string }>): Promise<void> {
  if (entries.length === 0) return;
  await sql`DELETE FROM search_dirty d USING unnest(${entries.map((e) => e.id)}::uuid[], ${entries.map((e) => e.mark)}::uuid[]) AS x(id, mark)
            WHERE d.kind = ${kind} AND d.id = x.id AND d.mark = x.mark`.execute(db);
}

/**
 * Every transaction that writes the read model ends with this (last, so the one-row lock is held briefly): a
 * process keeps recent answers keyed by the version and drops them when it moves (service.ts, ResultCache).
 */
export async function bumpVersion(db: Db): Promise<void> {
  await sql`UPDATE search_version SET n = n + 1`.execute(db);
}

export async function version(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT n FROM search_version`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** No supplier and no product indexed yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const r = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM search_suppliers) OR EXISTS (SELECT 1 FROM search_products) AS any`.execute(db);
  return !r.rows[0]?.any;
}

export async function dirtyCount(db: Db): Promise<number> {
  const r = await t(db).selectFrom('search_dirty').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- suppliers

export async function upsertSuppliers(db: Db, docs: SupplierDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = docs.map((d) => ({ ...d, factors: JSON.stringify(d.factors), updated_at: new Date() }));
  await t(db).insertInto('search_suppliers').values(rows)
    .onConflict((oc) => oc.column('company_id').doUpdateSet((eb) => {
      const cols = Object.keys(rows[0]!).filter((k) => k !== 'company_id') as Array<keyof (typeof rows)[number]>;
      return Object.fromEntries(cols.map((c) => [c, eb.ref(`excluded.${c}`)]));
    }))
    .execute();
}

export async function supplierIdsAfter(db: Db, after: string | null, limit: number): Promise<string[]> {
  let q = t(db).selectFrom('search_suppliers').select('company_id').orderBy('company_id').limit(limit);
  if (after) q = q.where('company_id', '>', after);
  return (await q.execute()).map((r) => r.company_id);
}

export async function findSuppliers(db: Db, companyIds: string[]): Promise<SupplierRow[]> {
  if (companyIds.length === 0) return [];
  return t(db).selectFrom('search_suppliers').selectAll().where('company_id', 'in', [...new Set(companyIds)]).execute();
}

/** Copies the suppliers' current facts onto their products (the ranking and the result cards read them there). */
export async function copySupplierFacts(db: Db, companyIds: string[]): Promise<void> {
  if (companyIds.length === 0) return;
  await sql`
    UPDATE search_products p SET supplier_name = s.legal_name, supplier_name_en = s.name_en, company_type = s.company_type,
      province = s.province, grade = s.grade, grade_rank = s.grade_rank, verified = s.verified, trustpass_active = s.trustpass_active,
      trustpass_years = s.trustpass_years, supplier_factor = s.supplier_factor
    FROM search_suppliers s
    WHERE s.company_id = p.company_id AND p.company_id = ANY(${companyIds}::uuid[])`.execute(db);
}

/** Every product of the companies, for re-reading (their names are in the products' text). */
export async function markCompanyProductsDirty(db: Db, companyIds: string[], mark: string): Promise<void> {
  if (companyIds.length === 0) return;
  await sql`
    INSERT INTO search_dirty (kind, id, mark)
    SELECT 'product', id, ${mark}::uuid FROM search_products WHERE company_id = ANY(${companyIds}::uuid[])
    ON CONFLICT (kind, id) DO UPDATE SET mark = excluded.mark, marked_at = now()`.execute(db);
}

export async function refreshProductCounts(db: Db, companyIds: string[]): Promise<void> {
  if (companyIds.length === 0) return;
  await sql`
    UPDATE search_suppliers s SET product_count = (SELECT count(*) FROM search_products p WHERE p.company_id = s.company_id)
    WHERE s.company_id = ANY(${companyIds}::uuid[])`.execute(db);
}

// ---- products

export async function existingProducts(db: Db, ids: string[]): Promise<Array<{ id: string; company_id: string }>> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('search_products').select(['id', 'company_id']).where('id', 'in', ids).execute();
}

export async function productTerms(db: Db, ids: string[]): Promise<Array<{ product_id: string; category_path: string[]; terms: string[] }>> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('search_product_terms').selectAll().where('product_id', 'in', ids).execute();
}

/** Inserts or replaces; an older read of a product (by its updatedAt) never overwrites a newer one. */
export async function upsertProducts(db: Db, docs: ProductDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = docs.map(({ text_a, text_b, text_c, suggest_terms: _terms, ...d }) => ({
    ...d, attr_numbers: JSON.stringify(d.attr_numbers), indexed_at: new Date(),
    tsv: sql`strip(to_tsvector('simple', ${`${text_a} ${text_b} ${text_c}`}::text))`,
    title_tsv: sql`setweight(to_tsvector('simple', ${text_a}::text), 'A')`,
  }));
  const cols = Object.keys(rows[0]!).filter((k) => k !== 'id' && k !== 'indexed_at');
  // Every column keeps its value when the stored read is newer; indexed_at moves anyway (a rebuild saw the row).
  const newer = sql`search_products.source_updated_at <= excluded.source_updated_at`;
  await t(db).insertInto('search_products').values(rows)
    .onConflict((oc) => oc.column('id').doUpdateSet(() => ({
      ...Object.fromEntries(cols.map((c) => [c, sql`CASE WHEN ${newer} THEN excluded.${sql.ref(c)} ELSE search_products.${sql.ref(c)} END`])),
      indexed_at: sql`excluded.indexed_at`,
    })))
    .execute();
  await t(db).insertInto('search_product_terms').values(docs.map((d) => ({ product_id: d.id, category_path: d.category_path, terms: d.suggest_terms })))
    .onConflict((oc) => oc.column('product_id').doUpdateSet((eb) => ({ category_path: eb.ref('excluded.category_path'), terms: eb.ref('excluded.terms') })))
    .execute();
}

export async function deleteProducts(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await t(db).deleteFrom('search_products').where('id', 'in', ids).execute();
  await t(db).deleteFrom('search_product_terms').where('product_id', 'in', ids).execute();
}

/** Rows a rebuild did not touch: products no longer published. */
export async function deleteProductsIndexedBefore(db: Db, before: Date): Promise<Array<{ id: string; company_id: string }>> {
  const rows = await t(db).deleteFrom('search_products').where('indexed_at', '<', before).returning(['id', 'company_id']).execute();
  await sql`DELETE FROM search_product_terms t WHERE NOT EXISTS (SELECT 1 FROM search_products p WHERE p.id = t.product_id)`.execute(db);
  return rows;
}

export async function upsertCategories(db: Db, rows: Array<{ id: string; parent_id: string | null; name_zh: string; name_en: string }>): Promise<void> {
  if (rows.length === 0) return;
  await t(db).insertInto('search_categories').values(rows)
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ parent_id: eb.ref('excluded.parent_id'), name_zh: eb.ref('excluded.name_zh'), name_en: eb.ref('excluded.name_en'), updated_at: new Date() })))
    .execute();
}

// ---- suggestion terms

/** Applies count changes; rows reaching zero go. Keys are sorted so concurrent batches lock in one order. */
export async function adjustTerms(db: Db, deltas: Map<string, number>): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return;
  const cats = entries.map(([k]) => k.slice(0, 36));
  const terms = entries.map(([k]) => k.slice(37));
  const counts = entries.map(([, d]) => d);
  await sql`
    INSERT INTO search_terms (category_id, term, doc_count)
    SELECT * FROM unnest(${cats}::uuid[], ${terms}::text[], ${counts}::int[])
    ON CONFLICT (category_id, term) DO UPDATE SET doc_count = search_terms.doc_count + excluded.doc_count`.execute(db);
  await sql`
    DELETE FROM search_terms s USING unnest(${cats}::uuid[], ${terms}::text[]) AS x(category_id, term)
    WHERE s.category_id = x.category_id AND s.term = x.term AND s.doc_count <= 0`.execute(db);
}

/** Recounts every term from the products (after a rebuild, or to repair drift). */
export async function recountTerms(db: Db): Promise<number> {
  await sql`DELETE FROM search_terms`.execute(db);
  const r = await sql`
    INSERT INTO search_terms (category_id, term, doc_count)
    SELECT c, t, count(*) FROM search_product_terms p, unnest(p.terms) AS t, unnest(p.category_path || ${ALL_CATEGORIES}::uuid) AS c
    GROUP BY c, t`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * After bulk changes: folds the text indexes' pending entries into the indexes (a search scans them one by one)
 * and refreshes the planner's statistics. PostgreSQL's autovacuum does this too; PGlite has none.
 */
export async function maintain(db: Db): Promise<void> {
  await sql`VACUUM (ANALYZE) search_products`.execute(db);
}

/** Close spellings of query words that are in no title, from the term dictionary. */
export async function corrections(db: Db, words: string[]): Promise<Map<string, string[]>> {
  if (words.length === 0) return new Map();
  const { rows } = await sql<{ word: string; term: string }>`${sql.raw(CUSTOM_PLAN)}
    SELECT w.word, c.term FROM unnest(${words}::text[]) AS w(word)
    CROSS JOIN LATERAL (
      SELECT term FROM search_terms
      WHERE category_id = ${ALL_CATEGORIES}::uuid AND term % w.word AND similarity(term, w.word) >= 0.4
        AND NOT EXISTS (SELECT 1 FROM search_terms k WHERE k.category_id = ${ALL_CATEGORIES}::uuid AND k.term >= w.word AND k.term < w.word || chr(1114111))
      ORDER BY similarity(term, w.word) DESC, doc_count DESC LIMIT 3) c`.execute(db);
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.word, [...(out.get(r.word) ?? []), r.term]);
  return out;
}

export async function suggestTerms(db: Db, prefix: string, categoryId: string, limit: number): Promise<Array<{ term: string; count: number }>> {
  const { rows } = await sql<{ term: string; doc_count: number; exact: boolean }>`${sql.raw(CUSTOM_PLAN)}
    (SELECT term, doc_count, true AS exact FROM search_terms
     WHERE category_id = ${categoryId}::uuid AND term >= ${prefix}::text AND term < ${prefix}::text || chr(1114111)
     ORDER BY doc_count DESC, term LIMIT ${limit})
    UNION ALL
    (SELECT term, doc_count, false FROM search_terms
     WHERE category_id = ${categoryId}::uuid AND length(${prefix}::text) >= 3 AND term % ${prefix}::text
       AND NOT (term >= ${prefix}::text AND term < ${prefix}::text || chr(1114111))
     ORDER BY similarity(term, ${prefix}::text) DESC, doc_count DESC LIMIT ${limit})`.execute(db);
  const prefixed = rows.filter((r) => r.exact);
  return [...prefixed, ...rows.filter((r) => !r.exact)].slice(0, limit).map((r) => ({ term: r.term, count: Number(r.doc_count) }));
}

// ---- queries

/** Everything a product search filters by, already validated. */
export interface ProductFilter {
  tsquery: string | null;
  /** The query as typed, lowercased (3+ characters; shorter ones cannot use the trigram index): a title containing it ranks higher. */
  phrase: string | null;
  /** Whether a title containing the phrase matches by that alone: for Chinese, where segmentation can miss a substring. */
  substring: boolean;
  categoryId: string | null;
  /** The category's level in the tree (1 = top), when known: its products are one range of a per-level rank index. */
  categoryDepth: number | null;
  quantity: number | null;
  priceMin: number | null;
  priceMax: number | null;
  moqMax: number | null;
  provinces: string[];
  minGrade: number | null;
  trustpass: boolean | null;
  verified: boolean | null;
  shipsWithin: number | null;
  /** Each group is one attribute's accepted values ('key=value'): any within a group, every group. */
  attrTerms: string[][];
  attrRanges: Array<{ key: string; min: number | null; max: number | null }>;
}

export type ProductSort = 'relevance' | 'price' | 'newest' | 'sales';

/** The expression the title trigram index is built on (0011_search.sql): both titles, lowercase. */
const TITLE_TEXT = sql`lower(p.title_zh || ' ' || coalesce(p.title_en, ''))`;

/**
 * Static-rank thresholds of a text search's bands (the same literals as the partial indexes of 0015 and 0036): the best
 * ~2 %, 10 % and 26 % of a catalogue like the benchmark's. A broad query finds its window in the top band's small index.
 */
export const RANK_TIERS: readonly number[] = [1.4, 1.3, 1.2];
/** Below this many products the top bands hold too few rows to fill a window; the one-step window plans faster. */
export const TIERED_FROM = 50_000;

/** The planner's estimate of the number of indexed products (refreshed by ANALYZE and autovacuum). */
export async function productEstimate(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'search_products'::regclass`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Levels of the category path with a rank index (0015_search_window.sql). */
const INDEXED_LEVELS = 3;

/**
 * The ranked window: a search reads at most this many matching products, the best by static rank (quality), and
 * computes relevance, facets and the total on them (exact when fewer match). docs/search.md, "Cost".
 */
export const WINDOW = 500;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function textMatch(f: ProductFilter): RawBuilder<unknown> | null {
  const parts: Array<RawBuilder<unknown>> = [];
  if (f.tsquery !== null) parts.push(sql`p.tsv @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.phrase !== null && f.substring) parts.push(sql`${TITLE_TEXT} LIKE ${`%${likeEscape(f.phrase)}%`}`);
  if (parts.length === 0) return null;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The unit price at the quantity: the tier with the largest minimum quantity not above it (tiers ascend strictly). */
function priceExpr(f: ProductFilter): RawBuilder<number> {
  return f.quantity === null ? sql<number>`p.base_price` : sql<number>`p.tier_price[width_bucket(${f.quantity}::numeric, p.tier_min)]`;
}

function conditions(f: ProductFilter): Array<RawBuilder<unknown>> {
  const where: Array<RawBuilder<unknown>> = [];
  const text = textMatch(f);
  if (text) where.push(text);
  if (f.categoryId !== null) {
    // At a known level, the form the per-level rank indexes (0015) answer in static-rank order; else any level.
    if (f.categoryDepth !== null && f.categoryDepth >= 1 && f.categoryDepth <= INDEXED_LEVELS) where.push(sql`p.category_path[${sql.lit(f.categoryDepth)}] = ${f.categoryId}::uuid`);
    else where.push(sql`p.category_path @> ARRAY[${f.categoryId}::uuid]`);
  }
  // Below its MOQ a product cannot be bought at this quantity, so it has no price there.
  if (f.quantity !== null) where.push(sql`p.moq <= ${f.quantity}::numeric`);
  if (f.priceMin !== null) where.push(sql`${priceExpr(f)} >= ${f.priceMin}`);
  if (f.priceMax !== null) where.push(sql`${priceExpr(f)} <= ${f.priceMax}`);
  if (f.moqMax !== null) where.push(sql`p.moq <= ${f.moqMax}::numeric`);
  if (f.provinces.length) where.push(sql`p.province = ANY(${f.provinces}::text[])`);
  if (f.minGrade !== null) where.push(sql`p.grade_rank >= ${f.minGrade}`);
  if (f.trustpass !== null) where.push(sql`p.trustpass_active = ${f.trustpass}`);
  if (f.verified !== null) where.push(sql`p.verified = ${f.verified}`);
  if (f.shipsWithin !== null) where.push(sql`p.lead_time_days <= ${f.shipsWithin}`);
  for (const group of f.attrTerms) where.push(sql`p.attr_terms && ${group}::text[]`);
  for (const r of f.attrRanges) {
    // A number is a range of one value; a range matches when it overlaps the asked one.
    if (r.min !== null) where.push(sql`(p.attr_numbers -> ${r.key} ->> 1)::numeric >= ${r.min}`);
    if (r.max !== null) where.push(sql`(p.attr_numbers -> ${r.key} ->> 0)::numeric <= ${r.max}`);
  }
  return where;
}

const whereClause = (parts: Array<RawBuilder<unknown>>) => (parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``);

export interface ProductHitRow {
  id: string;
  company_id: string;
  category_id: string;
  title_zh: string;
  title_en: string | null;
  cover_url: string | null;
  tier_min: Array<string | number>;
  tier_price: Array<string | number>;
  moq: string | number;
  unit: string;
  lead_time_days: number;
  supplier_name: string;
  supplier_name_en: string | null;
  company_type: SupplierCompanyType | null;
  province: string;
  grade: Grade | null;
  verified: boolean;
  trustpass_active: boolean;
  trustpass_years: number;
  supplier_factor: number;
  product_factor: number;
  completeness: number;
  image_count: number;
  recent_buyers: number;
  /** Only with explain: the supplier's factors as search_suppliers keeps them. */
  supplier_factors: Factor[] | null;
  /** The supplier's response rate as search_suppliers keeps it (read for the page's rows only). */
  response_rate: number | null;
  published_at: string;
  unit_price: string | number | null;
  text_rank: number;
  title_phrase: boolean;
  score: number;
}

export interface FacetRow {
  facet: 'category' | 'province' | 'grade' | 'trustpass' | 'verified' | 'total' | 'more' | 'attr' | 'range';
  value: string | null;
  n: number;
  lo: string | number | null;
  hi: string | number | null;
  name_zh: string | null;
  name_en: string | null;
}

export type SortKey =
  | { sort: 'relevance'; key: number; id: string } | { sort: 'price'; key: number; id: string } | { sort: 'newest'; key: string; id: string }
  | { sort: 'sales'; buyers: number; key: number; id: string };

/**
 * One page of hits and the facets, in one statement, reading a bounded number of rows whatever the number of
 * matches. The window is the `window` best matches by static rank (quality DESC, id DESC: an index order, so a
 * broad query can stop after that many rows); facets and the total count it (exact when fewer match; `more` says
 * whether more do), and every sort orders it: relevance by the full score (text relevance × quality), price at
 * the quantity, newest, most bought (recent buyers, then the score). Paging (keyset on the sort key and id) stays inside the window. Only the page's rows read
 * the card columns.
 */
export async function searchProducts(
  db: Db, f: ProductFilter, sort: ProductSort, after: SortKey | null, limit: number,
  attrKeys: { terms: string[]; ranges: string[] }, explain: boolean, window: number = WINDOW, rankTiers: readonly number[] = RANK_TIERS,
): Promise<{ hits: ProductHitRow[]; facets: FacetRow[] }> {
  const price = priceExpr(f);
  const hasText = f.tsquery !== null || f.phrase !== null;
  const phrase = f.phrase !== null ? sql<boolean>`(${TITLE_TEXT} LIKE ${`%${likeEscape(f.phrase)}%`})` : sql<boolean>`false`;
  const text = f.tsquery !== null
    ? sql<number>`ts_rank(${`{${TEXT_WEIGHTS.join(',')}}`}::float4[], p.title_tsv, to_tsquery('simple', ${f.tsquery}))::float8`
    : sql<number>`0::float8`;
  const score = hasText
    ? sql<number>`((${text} + ${MATCH_BASE}::float8 + CASE WHEN ${phrase} THEN ${TITLE_PHRASE_BONUS}::float8 ELSE 0 END) * p.quality::float8)`
    : sql<number>`p.quality::float8`;
  const where = conditions(f);
  // Every sort orders the window: a page never reads beyond it, so its cost is bounded whatever the filters.
  let order: RawBuilder<unknown>;
  let keyset: RawBuilder<unknown> | null = null;
  switch (sort) {
    case 'relevance':
      order = sql`h.score DESC, h.id DESC`;
      if (after?.sort === 'relevance') keyset = sql`(h.score < ${after.key}::float8 OR (h.score = ${after.key}::float8 AND h.id < ${after.id}::uuid))`;
      break;
    case 'price':
      order = sql`h.unit_price ASC, h.id ASC`;
      if (after?.sort === 'price') keyset = sql`(h.unit_price, h.id) > (${after.key}::bigint, ${after.id}::uuid)`;
      break;
    case 'newest':
      order = sql`h.published_at DESC, h.id DESC`;
      if (after?.sort === 'newest') keyset = sql`(h.published_at, h.id) < (${after.key}::timestamptz, ${after.id}::uuid)`;
      break;
    case 'sales':
      order = sql`h.recent_buyers DESC, h.score DESC, h.id DESC`;
      if (after?.sort === 'sales') keyset = sql`(h.recent_buyers, h.score, h.id) < (${after.buyers}::int, ${after.key}::float8, ${after.id}::uuid)`;
      break;
  }
  const child = f.categoryId !== null ? sql`p.category_path[array_position(p.category_path, ${f.categoryId}::uuid) + 1]` : sql`p.category_path[1]`;
  // The window without its WINDOW + 1st row, read straight from win (a CTE of its own would copy the rows again).
  const counted = sql`(SELECT * FROM win WHERE rn <= ${window})`;
  const page = sql`SELECT h.id, h.score, h.unit_price FROM ${counted} h ${keyset ? sql`WHERE ${keyset}` : sql``} ORDER BY ${order} LIMIT ${limit}`;
  const attrFacet = attrKeys.terms.length
    // Grouped first, then the facet's keys picked from the few distinct terms (per term, not per row and term).
    ? sql`UNION ALL SELECT 'attr', t, n, NULL::numeric, NULL::numeric
          FROM (SELECT t, count(*)::int AS n FROM (SELECT unnest(attr_terms) AS t FROM ${counted} w) u GROUP BY t) g
          WHERE split_part(t, '=', 1) = ANY(${attrKeys.terms}::text[])`
    : sql``;
  const rangeFacet = attrKeys.ranges.length
    ? sql`UNION ALL SELECT 'range', k, count(*)::int, min((counted.attr_numbers -> k ->> 0)::numeric), max((counted.attr_numbers -> k ->> 1)::numeric)
          FROM ${counted} counted, unnest(${attrKeys.ranges}::text[]) AS k WHERE counted.attr_numbers ? k GROUP BY k`
    : sql``;
  const attrColumns = attrKeys.terms.length || attrKeys.ranges.length ? sql`, p.attr_terms, p.attr_numbers` : sql``;
  // Browsing scores by static rank alone, so its window carries no text columns.
  const inner = sql`p.id, p.quality, p.published_at, p.recent_buyers, ${hasText ? sql`p.title_tsv, p.title_zh, p.title_en,` : sql``} p.base_price, p.tier_min, p.tier_price, p.category_path,
                    p.province, p.grade, p.trustpass_active, p.verified ${attrColumns}`;
  // Browsing reads the window in one step, walking the static-rank order (a category's rank index, 0015), which stops
  // after the window's rows. With text, from TIERED_FROM products on, the window comes from disjoint bands of static
  // rank (>= 1.4, [1.3, 1.4), …, below the last), each with its own partial text indexes (0036) and read only while
  // the bands above hold no more than the window: a broad query stops in the top band's small index, and no match is
  // read twice. The window is then the best of the bands read, exactly as from every match. A band's bound is written
  // as its indexes' predicate (IS TRUE, 0032): as a plain comparison the planner also answered it from the static-rank
  // btree and ANDed that large bitmap with the band's text index.
  const bands = hasText && rankTiers.length > 0;
  const last = rankTiers[rankTiers.length - 1];
  const levels: Array<RawBuilder<unknown> | null> = bands
    ? [...rankTiers.map((t, i) => (i === 0
      ? sql`(p.quality >= ${sql.lit(t)}::real) IS TRUE`
      : sql`(p.quality >= ${sql.lit(t)}::real AND p.quality < ${sql.lit(rankTiers[i - 1]!)}::real) IS TRUE`)), sql`(p.quality < ${sql.lit(last!)}::real) IS TRUE`]
    : [null];
  // With text, the same order in a form no index answers: a band's matches are then found through the text
  // indexes (a few thousand rows at most) rather than by walking the static-rank index and testing each row,
  // which the planner picks on a misestimate and which reads tens of thousands of rows when matches are rare.
  const levelOrder = hasText ? sql`p.quality::float8 DESC, p.id DESC` : sql`p.quality DESC, p.id DESC`;
  const levelName = (i: number) => sql.raw(`level${i}`);
  const count = (i: number) => sql`(SELECT count(*) FROM ${levelName(i)})`;
  // A band's condition on the ones above is evaluated once (a one-time filter), so a band not needed costs nothing.
  const levelQueries = sql.join(levels.map((level, i) => sql`${levelName(i)} AS MATERIALIZED (
      SELECT ${inner} FROM search_products p
      ${whereClause([...(i > 0 ? [sql`(${sql.join(levels.slice(0, i).map((_, j) => count(j)), sql` + `)}) <= ${window}`] : []), ...where, ...(level ? [level] : [])])}
      ORDER BY ${levelOrder} LIMIT ${window + 1})`), sql`, `);
  const picked = sql.join(levels.map((_, i) => sql`SELECT * FROM ${levelName(i)}`), sql` UNION ALL `);
  const query = sql<{ kind: 'hit' | 'facet'; data: ProductHitRow | FacetRow }>`${sql.raw(CUSTOM_PLAN)}
    WITH ${levelQueries}, win AS MATERIALIZED (
      -- The levels only find and order the window (no per-match function calls); this scores and prices its rows
      -- (named p again, so the expressions read the same) after cutting the bands read to the best. The WINDOW + 1st
      -- row only says "more match".
      SELECT p.id, p.published_at, p.recent_buyers, ${score} AS score, ${price} AS unit_price, ${child} AS child,
             p.province, p.grade, p.trustpass_active, p.verified ${attrColumns}, p.rn
      FROM (SELECT c.*, row_number() OVER (ORDER BY c.quality DESC, c.id DESC) AS rn FROM (${picked}) c) p
      WHERE p.rn <= ${window + 1}
    ), page AS (${page}), combos AS (
      -- One hash over the window by every facet at once; the per-facet sums then run over these few groups.
      SELECT child, province, grade, trustpass_active, verified, count(*)::int AS n FROM ${counted} counted GROUP BY 1, 2, 3, 4, 5
    ), facets AS (
      SELECT CASE WHEN grouping(child) = 0 THEN 'category' WHEN grouping(province) = 0 THEN 'province' WHEN grouping(grade) = 0 THEN 'grade'
                  WHEN grouping(trustpass_active) = 0 THEN 'trustpass' WHEN grouping(verified) = 0 THEN 'verified' ELSE 'total' END AS facet,
             coalesce(child::text, province, grade, trustpass_active::text, verified::text) AS value, sum(n)::int AS n,
             NULL::numeric AS lo, NULL::numeric AS hi
      FROM combos GROUP BY GROUPING SETS ((child), (province), (grade), (trustpass_active), (verified), ())
      UNION ALL SELECT 'more', NULL, count(*)::int, NULL::numeric, NULL::numeric FROM win WHERE rn > ${window}
      ${attrFacet}
      ${rangeFacet}
    )
    -- json, not jsonb: written as text once (jsonb would be built in binary, then printed).
    SELECT 'hit' AS kind, json_build_object(
      'id', p.id, 'company_id', p.company_id, 'category_id', p.category_id, 'title_zh', p.title_zh, 'title_en', p.title_en, 'cover_url', p.cover_url,
      'tier_min', p.tier_min, 'tier_price', p.tier_price, 'moq', p.moq, 'unit', p.unit, 'lead_time_days', p.lead_time_days,
      'supplier_name', p.supplier_name, 'supplier_name_en', p.supplier_name_en, 'company_type', p.company_type, 'province', p.province, 'grade', p.grade, 'verified', p.verified,
      'trustpass_active', p.trustpass_active, 'trustpass_years', p.trustpass_years, 'supplier_factor', p.supplier_factor, 'product_factor', p.product_factor,
      'completeness', p.completeness, 'image_count', p.image_count, 'recent_buyers', p.recent_buyers, 'published_at', p.published_at, 'unit_price', pg.unit_price, 'score', pg.score,
      'text_rank', ${text}, 'title_phrase', ${phrase}, 'response_rate', (SELECT s.response_rate FROM search_suppliers s WHERE s.company_id = p.company_id), 'supplier_factors', ${explain ? sql`(SELECT s.factors FROM search_suppliers s WHERE s.company_id = p.company_id)` : sql`NULL::json`}
    ) AS data
    FROM page pg JOIN search_products p ON p.id = pg.id
    UNION ALL
    SELECT 'facet', to_json(x) FROM (SELECT facets.*, c.name_zh, c.name_en FROM facets LEFT JOIN search_categories c ON facets.facet = 'category' AND c.id::text = facets.value) x`;
  // One statement, no transaction: PostgreSQL's connections start without JIT and with work_mem 32 MB (platform/db.ts).
  const { rows } = await query.execute(db);
  const hits = rows.filter((r) => r.kind === 'hit').map((r) => r.data as ProductHitRow);
  const desc = <T>(a: T, b: T) => (a < b ? 1 : a > b ? -1 : 0);
  switch (sort) {
    case 'relevance':
      hits.sort((a, b) => desc(Number(a.score), Number(b.score)) || desc(a.id, b.id));
      break;
    case 'price':
      hits.sort((a, b) => desc(Number(b.unit_price), Number(a.unit_price)) || desc(b.id, a.id));
      break;
    case 'newest':
      hits.sort((a, b) => desc(Date.parse(a.published_at), Date.parse(b.published_at)) || desc(a.id, b.id));
      break;
    case 'sales':
      hits.sort((a, b) => desc(Number(a.recent_buyers), Number(b.recent_buyers)) || desc(Number(a.score), Number(b.score)) || desc(a.id, b.id));
      break;
  }
  return { hits, facets: rows.filter((r) => r.kind === 'facet').map((r) => r.data as FacetRow) };
}

// ---- suppliers

export interface SupplierFilter {
  tsquery: string | null;
  phrase: string | null;
  provinces: string[];
  minGrade: number | null;
}

export interface SupplierHitRow extends SupplierRow {
  text_rank: number;
  score: number;
}

export async function searchSuppliersPage(db: Db, f: SupplierFilter, after: { key: number; id: string } | null, limit: number): Promise<SupplierHitRow[]> {
  const where: Array<RawBuilder<unknown>> = [sql`s.is_supplier`];
  const match: Array<RawBuilder<unknown>> = [];
  if (f.tsquery !== null) match.push(sql`s.tsv @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.phrase !== null) match.push(sql`s.name_search LIKE ${`%${likeEscape(f.phrase)}%`}`);
  if (match.length) where.push(sql`(${sql.join(match, sql` OR `)})`);
  if (f.provinces.length) where.push(sql`s.province = ANY(${f.provinces}::text[])`);
  if (f.minGrade !== null) where.push(sql`s.grade_rank >= ${f.minGrade}`);
  const text = f.tsquery !== null
    ? sql<number>`ts_rank(${`{${TEXT_WEIGHTS.join(',')}}`}::float4[], s.tsv, to_tsquery('simple', ${f.tsquery}))::float8`
    : sql<number>`0::float8`;
  const phrase = f.phrase !== null ? sql`CASE WHEN s.name_search LIKE ${`%${likeEscape(f.phrase)}%`} THEN ${TITLE_PHRASE_BONUS}::float8 ELSE 0 END` : sql`0`;
  const score = match.length ? sql`((${text} + ${phrase}) * s.supplier_factor::float8)` : sql`s.supplier_factor::float8`;
  const { rows } = await sql<SupplierHitRow>`${sql.raw(CUSTOM_PLAN)}
    SELECT * FROM (SELECT s.*, ${text} AS text_rank, ${score} AS score FROM search_suppliers s WHERE ${sql.join(where, sql` AND `)}) h
    ${after ? sql`WHERE (h.score < ${after.key}::float8 OR (h.score = ${after.key}::float8 AND h.company_id < ${after.id}::uuid))` : sql``}
    ORDER BY score DESC, company_id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function suggestSuppliers(db: Db, prefix: string, categoryId: string | null, limit: number): Promise<Array<{ company_id: string; legal_name: string; name_en: string | null }>> {
  const pattern = `%${likeEscape(prefix)}%`;
  const { rows } = await sql<{ company_id: string; legal_name: string; name_en: string | null }>`${sql.raw(CUSTOM_PLAN)}
    SELECT s.company_id, s.legal_name, s.name_en FROM search_suppliers s
    WHERE s.is_supplier AND s.name_search LIKE ${pattern}
      ${categoryId ? sql`AND EXISTS (SELECT 1 FROM search_products p WHERE p.company_id = s.company_id AND p.category_path @> ARRAY[${categoryId}::uuid])` : sql``}
    ORDER BY (s.name_search LIKE ${`${likeEscape(prefix)}%`}) DESC, s.supplier_factor DESC, s.company_id LIMIT ${limit}`.execute(db);
  return rows;
}
