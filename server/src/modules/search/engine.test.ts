import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { uuidv7 } from '../../platform/ids.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import type { AttributeDefinition, CatalogPort, ProductIndexView, ResolvedCategory, SupplierFacts } from './ports.js';
import { SearchService, type Deps, type ProductSearchInput } from './service.js';
import { recentBuyersFactor } from './ranking.js';

/*
 * The engine on its own: documents go in through the search module's own indexing calls, with a stand-in catalog
 * (templates only) and stand-in suppliers; the event-driven path through the real catalog is in search.test.ts.
 */

const cat = {
  steel: uuidv7(), plate: uuidv7(), hotRolled: uuidv7(), pipe: uuidv7(), stainless: uuidv7(), coil: uuidv7(), textiles: uuidv7(), tshirt: uuidv7(),
};
const names: Record<string, [string, string]> = {
  [cat.steel]: ['钢铁', 'Steel'], [cat.plate]: ['钢板', 'Plate'], [cat.hotRolled]: ['热轧板', 'Hot-rolled plate'], [cat.pipe]: ['钢管', 'Pipe'],
  [cat.stainless]: ['不锈钢管', 'Stainless pipe'], [cat.coil]: ['冷轧卷', 'Cold-rolled coil'], [cat.textiles]: ['纺织服装', 'Textiles'], [cat.tshirt]: ['T恤', 'T-shirts'],
};
const paths: Record<string, string[]> = {
  [cat.hotRolled]: [cat.steel, cat.plate, cat.hotRolled], [cat.stainless]: [cat.steel, cat.pipe, cat.stainless], [cat.coil]: [cat.steel, cat.coil],
  [cat.tshirt]: [cat.textiles, cat.tshirt], [cat.plate]: [cat.steel, cat.plate], [cat.steel]: [cat.steel], [cat.pipe]: [cat.steel, cat.pipe],
};
const steelAttributes: AttributeDefinition[] = [
  { key: 'steel_grade', nameZh: '牌号', nameEn: 'Grade', type: 'enum', required: true, filterable: true, definesSku: false,
    options: [{ value: 'Q235B', zh: 'Q235B', en: 'Q235B' }, { value: 'Q355B', zh: 'Q355B', en: 'Q355B' }, { value: '304', zh: '304', en: '304' }, { value: 'SPCC', zh: 'SPCC', en: 'SPCC' }] },
  { key: 'thickness', nameZh: '厚度', nameEn: 'Thickness', type: 'number', unit: 'mm', required: true, filterable: true, definesSku: false },
  { key: 'mill', nameZh: '钢厂', nameEn: 'Mill', type: 'text', required: false, filterable: false, definesSku: false },
];
const catalog: CatalogPort = {
  indexViews: () => Promise.resolve([]),
  publishedIdsAfter: () => Promise.resolve([]),
  resolved: (id) => {
    const path = paths[id];
    if (!path) return Promise.resolve(null);
    const item = (c: string) => ({ id: c, nameZh: names[c]![0], nameEn: names[c]![1] });
    const resolved: ResolvedCategory = { node: item(id), path: path.map(item), attributes: path[0] === cat.steel ? steelAttributes : [] };
    return Promise.resolve(resolved);
  },
};

const suppliers = new Map<string, SupplierFacts>();
function supplier(overrides: Partial<SupplierFacts> = {}): SupplierFacts {
  const facts: SupplierFacts = {
    companyId: uuidv7(), legalName: `江苏测试钢铁有限公司${suppliers.size}`, nameEn: 'Jiangsu Test Steel Co., Ltd.', isSupplier: true, companyType: 'manufacturer',
    province: '320000', city: '苏州', mainProducts: ['热轧钢板'], logoUrl: null, verified: true, grade: '3A', creditScore: 70,
    trustpassActive: false, trustpassYears: 0, onTimeRate: null, responseRate: null, repeatBuyerRate: null, disputeRate: null, ...overrides,
  };
  suppliers.set(facts.companyId, facts);
  return facts;
}

let published = 0;
function view(s: SupplierFacts, categoryId: string, overrides: Partial<ProductIndexView> = {}): ProductIndexView {
  const path = paths[categoryId]!;
  const at = new Date(Date.UTC(2026, 0, 1) + ++published * 60_000).toISOString();
  return {
    id: uuidv7(), companyId: s.companyId, status: 'published', categoryId, categoryPathIds: path,
    categoryNamesZh: path.map((c) => names[c]![0]), categoryNamesEn: path.map((c) => names[c]![1]),
    titleZh: '测试产品', titleEn: null, descriptionZh: '', descriptionEn: null, attributes: {}, skuAttributeValues: {}, attributeLabels: [],
    priceTiers: [{ minQuantity: 1, unitPrice: 100_00 }], moq: 1, unit: 'ton', leadTimeDays: 7, totalStock: 1000, imageCount: 3,
    coverUrl: `/api/v1/files/${uuidv7()}`, completeness: 1, dispatchProvince: s.province, publishedAt: at, updatedAt: at, ...overrides,
  };
}
const steelLabels = (grade: string, thickness: number, mill?: [string, string]): ProductIndexView['attributeLabels'] => [
  { key: 'steel_grade', zh: '牌号', en: 'Grade', valueZh: grade, valueEn: grade, filterable: true },
  { key: 'thickness', zh: '厚度', en: 'Thickness', valueZh: `${thickness} mm`, valueEn: `${thickness} mm`, filterable: true },
  ...(mill ? [{ key: 'mill', zh: '钢厂', en: 'Mill', valueZh: mill[0], valueEn: mill[1], filterable: false }] : []),
];

let t: TestApp;
let search: SearchService;
const jiangsu = supplier();
const shanghai = supplier({ legalName: '上海不锈管业有限公司', nameEn: 'Shanghai Stainless Tube Co.', province: '310000', city: '上海', mainProducts: ['不锈钢管'], grade: '4A', trustpassActive: true, trustpassYears: 3 });
const zhejiang = supplier({ legalName: '浙江纺织服饰有限公司', nameEn: 'Zhejiang Apparel Co.', province: '330000', city: '杭州', mainProducts: ['T恤'], grade: null, verified: false });
const fixture = {
  hotPlate: view(jiangsu, cat.hotRolled, {
    titleZh: 'Q235B 热轧钢板 4mm 宝钢', titleEn: 'Q235B hot-rolled steel plate 4 mm', attributes: { steel_grade: 'Q235B', thickness: 4, mill: '宝钢' },
    attributeLabels: steelLabels('Q235B', 4, ['宝钢', 'Baosteel']), priceTiers: [{ minQuantity: 1, unitPrice: 4800_00 }, { minQuantity: 10, unitPrice: 4700_00 }, { minQuantity: 50, unitPrice: 4550_00 }],
  }),
  hotPlate355: view(jiangsu, cat.hotRolled, {
    titleZh: 'Q355B 低合金热轧板 10mm', titleEn: 'Q355B low-alloy hot-rolled plate 10 mm', attributes: { steel_grade: 'Q355B', thickness: 10 },
    attributeLabels: steelLabels('Q355B', 10), priceTiers: [{ minQuantity: 5, unitPrice: 5100_00 }], moq: 5, leadTimeDays: 20,
  }),
  pipe304: view(shanghai, cat.stainless, {
    titleZh: '304不锈钢管 无缝 工业用', titleEn: '304 stainless steel seamless pipe', attributes: { steel_grade: '304', thickness: 3 },
    attributeLabels: steelLabels('304', 3), unit: 'meter', moq: 100, leadTimeDays: 15,
    priceTiers: [{ minQuantity: 100, unitPrice: 25_00 }, { minQuantity: 500, unitPrice: 23_00 }, { minQuantity: 1000, unitPrice: 21_00 }],
  }),
  pipeCheap: view(jiangsu, cat.stainless, {
    titleZh: '不锈钢焊管 装饰管', titleEn: 'Stainless welded tube for decoration', attributes: { steel_grade: '304', thickness: 1.2 },
    attributeLabels: steelLabels('304', 1.2), unit: 'meter', moq: 50, priceTiers: [{ minQuantity: 50, unitPrice: 24_00 }, { minQuantity: 1000, unitPrice: 19_00 }],
  }),
  coil: view(shanghai, cat.coil, { titleZh: 'SPCC 冷轧卷 1.0mm', titleEn: 'SPCC cold-rolled coil', attributes: { steel_grade: 'SPCC', thickness: 1 }, attributeLabels: steelLabels('SPCC', 1) }),
  tshirt: view(zhejiang, cat.tshirt, { titleZh: '纯棉圆领T恤 批发', titleEn: 'Cotton crew-neck T-shirt wholesale', unit: 'piece', moq: 100, priceTiers: [{ minQuantity: 100, unitPrice: 15_00 }], imageCount: 0 }),
};

/** Recent buyers by product id, as service metrics would report them (0 when absent). */
const recentBuyers = new Map<string, number>();
/** A second service over the same index, without supplier facts (only the ranked window's options differ). */
const readerWith = (options: Pick<Deps, 'window' | 'tiers' | 'resultCache'>) =>
  new SearchService(t.platform, { catalog, suppliers: { facts: () => Promise.resolve(null), supplierIds: () => Promise.resolve({ ids: [], nextCursor: null }) }, ...options });

beforeAll(async () => {
  t = await createTestApp();
  search = new SearchService(t.platform, {
    catalog,
    sales: (ids) => Promise.resolve(new Map(ids.map((id) => [id, { recentBuyers: recentBuyers.get(id) ?? 0 }]))),
    suppliers: { facts: (id) => Promise.resolve(suppliers.get(id) ?? null), supplierIds: () => Promise.resolve({ ids: [...suppliers.keys()], nextCursor: null }) },
  });
  await search.indexProducts(Object.values(fixture));
});
afterAll(async () => {
  await t.close();
});

const ctx = systemContext();
const find = (input: Partial<ProductSearchInput>) => search.searchProducts(ctx, { sort: 'relevance', limit: 20, ...input });
const ids = async (input: Partial<ProductSearchInput>) => (await find(input)).items.map((i) => i.id);

describe('search recall', () => {
  it('finds a word inside a Chinese compound: 钢板 → 热轧钢板, 不锈 → 不锈钢管', async () => {
    expect(await ids({ q: '钢板' })).toContain(fixture.hotPlate.id);
    expect(await ids({ q: '不锈' })).toEqual(expect.arrayContaining([fixture.pipe304.id, fixture.pipeCheap.id]));
    expect(await ids({ q: '不锈钢管' })).toContain(fixture.pipe304.id);
    expect(await ids({ q: '热轧钢板' })).toContain(fixture.hotPlate.id);
  });

  it('finds English terms, prefixes while typing and misspellings', async () => {
    expect(await ids({ q: 'stainless' })).toEqual(expect.arrayContaining([fixture.pipe304.id, fixture.pipeCheap.id]));
    // The welded tube's category is "Stainless pipe": it matches too, below the title match.
    expect(await ids({ q: 'Stainless Steel Pipe' })).toEqual([fixture.pipe304.id, fixture.pipeCheap.id]);
    expect(await ids({ q: 'stainles' })).toContain(fixture.pipe304.id);
    expect(await ids({ q: 'stainlss' })).toContain(fixture.pipe304.id);
    expect(await ids({ q: 'cottn t-shirt' })).toEqual([fixture.tshirt.id]);
  });

  it('matches category names, attribute values and supplier names, and substrings segmentation misses', async () => {
    expect(await ids({ q: '冷轧卷' })).toEqual([fixture.coil.id]);
    expect(await ids({ q: 'Q355B' })).toEqual([fixture.hotPlate355.id]);
    expect(await ids({ q: 'baosteel' })).toEqual([fixture.hotPlate.id]);
    expect(await ids({ q: '上海不锈管业' })).toEqual(expect.arrayContaining([fixture.pipe304.id, fixture.coil.id]));
    expect(await ids({ q: '锈钢管' })).toContain(fixture.pipe304.id);
    expect(await ids({ q: '铝合金门窗' })).toEqual([]);
  });

  it('ranks a title match above a match in the description or category', async () => {
    const hits = await ids({ q: '热轧' });
    expect(hits.slice(0, 2).sort()).toEqual([fixture.hotPlate.id, fixture.hotPlate355.id].sort());
  });
});

describe('filters and facets', () => {
  it('a category includes its descendants; facets count its children, regions, grades and marks', async () => {
    const res = await find({ category: cat.steel });
    expect(res.total).toBe(5);
    expect(res.items.map((i) => i.id)).not.toContain(fixture.tshirt.id);
    expect(res.facets.categories).toEqual([
      { id: cat.plate, nameZh: '钢板', nameEn: 'Plate', count: 2 },
      { id: cat.pipe, nameZh: '钢管', nameEn: 'Pipe', count: 2 },
      { id: cat.coil, nameZh: '冷轧卷', nameEn: 'Cold-rolled coil', count: 1 },
    ].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)));
    expect(res.facets.provinces).toEqual([{ code: '320000', nameZh: '江苏省', nameEn: 'Jiangsu', count: 3 }, { code: '310000', nameZh: '上海市', nameEn: 'Shanghai', count: 2 }]);
    expect(res.facets.grades).toEqual([{ grade: '4A', count: 2 }, { grade: '3A', count: 3 }]);
    expect([res.facets.trustpass, res.facets.verified]).toEqual([2, 5]);
  });

  it("offers the category template's filterable attributes: enum values with counts, number ranges", async () => {
    const res = await find({ category: cat.steel });
    expect(res.facets.attributes).toEqual([
      { key: 'steel_grade', nameZh: '牌号', nameEn: 'Grade', type: 'enum', values: [
        { value: 'Q235B', labelZh: 'Q235B', labelEn: 'Q235B', count: 1 }, { value: 'Q355B', labelZh: 'Q355B', labelEn: 'Q355B', count: 1 },
        { value: '304', labelZh: '304', labelEn: '304', count: 2 }, { value: 'SPCC', labelZh: 'SPCC', labelEn: 'SPCC', count: 1 },
      ] },
      { key: 'thickness', nameZh: '厚度', nameEn: 'Thickness', type: 'number', unit: 'mm', min: 1, max: 10, count: 5 },
    ]);
    const top = await find({});
    expect(top.facets.attributes).toEqual([]);
    expect(top.facets.categories.map((c) => [c.id, c.count])).toEqual([[cat.steel, 5], [cat.textiles, 1]]);
  });

  it('filters by attribute values and ranges, region, grade, TrustPass, verification, MOQ and lead time', async () => {
    expect((await ids({ category: cat.steel, attrs: { steel_grade: ['Q235B', 'Q355B'] } })).sort()).toEqual([fixture.hotPlate.id, fixture.hotPlate355.id].sort());
    expect(await ids({ category: cat.steel, ranges: { thickness: { min: 3.5, max: 12 } } })).toHaveLength(2);
    expect(await ids({ category: cat.steel, attrs: { steel_grade: ['304'] }, ranges: { thickness: { min: 2 } } })).toEqual([fixture.pipe304.id]);
    expect(await ids({ province: ['310000'] })).toHaveLength(2);
    expect(await ids({ minGrade: '4A' })).toHaveLength(2);
    expect(await ids({ trustpass: true })).toHaveLength(2);
    expect(await ids({ verified: true })).not.toContain(fixture.tshirt.id);
    expect(await ids({ moqMax: 1 })).toEqual(expect.arrayContaining([fixture.hotPlate.id, fixture.coil.id]));
    expect(await ids({ moqMax: 1 })).toHaveLength(2);
    expect(await ids({ shipsWithin: 10, category: cat.hotRolled })).toEqual([fixture.hotPlate.id]);
    const filtered = await find({ category: cat.steel, province: ['320000'] });
    expect([filtered.total, filtered.facets.provinces]).toEqual([3, [{ code: '320000', nameZh: '江苏省', nameEn: 'Jiangsu', count: 3 }]]);
  });

  it('prices at the asked quantity from the tiers, filters and sorts by it, and leaves out products whose MOQ is higher', async () => {
    const at = async (quantity: number | undefined, extra: Partial<ProductSearchInput> = {}) =>
      (await find({ category: cat.stainless, sort: 'price', quantity, ...extra })).items.map((i) => [i.id, i.unitPrice, i.quantity]);
    expect(await at(600)).toEqual([[fixture.pipe304.id, 23_00, 600], [fixture.pipeCheap.id, 24_00, 600]]);
    expect(await at(1000)).toEqual([[fixture.pipeCheap.id, 19_00, 1000], [fixture.pipe304.id, 21_00, 1000]]);
    expect(await at(60)).toEqual([[fixture.pipeCheap.id, 24_00, 60]]);
    expect(await at(undefined)).toEqual([[fixture.pipeCheap.id, 24_00, 50], [fixture.pipe304.id, 25_00, 100]]);
    expect(await at(600, { priceMax: 23_50 })).toEqual([[fixture.pipe304.id, 23_00, 600]]);
    expect(await at(1000, { priceMin: 20_00 })).toEqual([[fixture.pipe304.id, 21_00, 1000]]);
    const card = (await find({ q: '304不锈钢管', quantity: 500 })).items[0]!;
    expect(card).toMatchObject({
      id: fixture.pipe304.id, titleZh: '304不锈钢管 无缝 工业用', coverUrl: `${fixture.pipe304.coverUrl}?size=400`, unitPrice: 23_00, moq: 100, unit: 'meter',
      leadTimeDays: 15, priceTiers: fixture.pipe304.priceTiers, categoryId: cat.stainless,
      supplier: { id: shanghai.companyId, name: shanghai.legalName, nameEn: shanghai.nameEn, companyType: 'manufacturer', province: '310000', grade: '4A', verified: true, trustpassYears: 3 },
    });
  });
});

describe('ranking', () => {
  it('puts the better-serving supplier first for the same product, and follows a change of its facts', async () => {
    const good = supplier({ legalName: '优质供应商', grade: '5A', verified: true, trustpassActive: true, trustpassYears: 4 });
    const weak = supplier({ legalName: '一般供应商', grade: '1A', verified: true });
    await search.indexSuppliers([good, weak]);
    const same = { titleZh: '镀锌钢丝绳 6x19', titleEn: 'Galvanized wire rope 6x19', attributes: {}, attributeLabels: [] };
    const a = view(weak, cat.steel, same);
    const b = view(good, cat.steel, same);
    await search.indexProducts([a, b]);
    expect(await ids({ q: '钢丝绳' })).toEqual([b.id, a.id]);

    // The weak supplier improves (and the good one loses its grade): the order follows, with no other change.
    await search.indexSuppliers([{ ...weak, grade: '5A', trustpassActive: true, trustpassYears: 5 }, { ...good, grade: '2A' }]);
    expect(await ids({ q: '钢丝绳' })).toEqual([a.id, b.id]);
  });

  it('weighs missing service metrics as exactly neutral, and explains every factor of every hit', async () => {
    const res = await find({ q: '不锈钢管', explain: true });
    const hit = res.items.find((i) => i.id === fixture.pipe304.id)!;
    const ex = hit.explain!;
    expect(ex.factors.map((f) => f.name)).toEqual(['match', 'titleRank', 'titlePhrase', 'grade', 'verified', 'trustpassYears', 'onTimeRate', 'responseRate', 'repeatBuyerRate', 'disputeRate', 'completeness', 'images', 'recentBuyers']);
    expect(ex.factors.filter((f) => f.value === null).map((f) => [f.name, f.factor])).toEqual([['onTimeRate', 1], ['responseRate', 1], ['repeatBuyerRate', 1], ['disputeRate', 1]]);
    expect(ex.factors.find((f) => f.name === 'grade')).toEqual({ name: 'grade', value: '4A', factor: 1.125 });
    expect(ex.supplierFactor).toBeCloseTo(1.125 * 1.1 * 1.06, 4);
    expect(ex.score).toBeCloseTo(ex.relevance * ex.supplierFactor * ex.productFactor, 5);
    expect(res.items.every((i) => i.explain !== undefined)).toBe(true);
    expect((await find({ q: '不锈钢管' })).items[0]!.explain).toBeUndefined();
  });

  it('has no paid input: every factor is a fact about service, relevance or the listing', async () => {
    const res = await find({ q: '钢', explain: true });
    const factorNames = new Set(res.items.flatMap((i) => i.explain!.factors.map((f) => f.name)));
    expect([...factorNames].sort()).toEqual(['completeness', 'disputeRate', 'grade', 'images', 'match', 'onTimeRate', 'recentBuyers', 'repeatBuyerRate', 'responseRate', 'titlePhrase', 'titleRank', 'trustpassYears', 'verified']);
  });

  it('raises a product with recent buyers by 5 % per doubling up to seven, and leaves one without sales neutral', () => {
    expect([0, 1, 3, 7, 8, 500, -2].map(recentBuyersFactor)).toEqual([1, 1.05, 1.1, 1.15, 1.15, 1.15, 1]);
  });
});

describe('paging and cost', () => {
  it('pages with a keyset cursor: stable, complete and without repeats, for every sort', async () => {
    const s = supplier({ legalName: '分页测试公司' });
    const many = Array.from({ length: 23 }, (_, i) => view(s, cat.plate, {
      titleZh: `分页钢板 ${i}`, priceTiers: [{ minQuantity: 1, unitPrice: 1000_00 + (i % 5) * 100 }], imageCount: i % 4, completeness: (i % 3) / 2,
    }));
    many.forEach((v, i) => recentBuyers.set(v.id, i % 3));
    await search.indexProducts(many);
    for (const sort of ['relevance', 'price', 'newest', 'sales'] as const) {
      const all = await ids({ q: '分页钢板', sort, limit: 50 });
      expect(all).toHaveLength(23);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await find({ q: '分页钢板', sort, limit: 7, cursor });
        paged.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(all);
    }
    // Most bought first; equal counts by the relevance score.
    const bySales = (await find({ q: '分页钢板', sort: 'sales', limit: 50 })).items;
    expect(bySales.map((i) => i.recentBuyers)).toEqual([...Array(7).fill(2), ...Array(8).fill(1), ...Array(8).fill(0)]);
    const firstTwo = bySales.filter((i) => i.recentBuyers === 2).map((i) => i.id);
    expect(firstTwo).toEqual((await ids({ q: '分页钢板', limit: 50 })).filter((id) => recentBuyers.get(id) === 2));
    await expect(find({ q: '分页钢板', sort: 'price', cursor: (await find({ q: '分页钢板', limit: 2 })).nextCursor! })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('reads a bounded window when many match: the best by static rank, counted as "N+", sorted and paged within it', async () => {
    // The same index through a service whose ranked window holds 3 products (1,000 in production).
    const small = readerWith({ window: 3 });
    const findSmall = (input: Partial<ProductSearchInput>) => small.searchProducts(ctx, { sort: 'relevance', limit: 20, ...input });
    const exact = await find({ category: cat.steel, limit: 50 });
    expect(exact.totalExact).toBe(true);
    expect(exact.total).toBeGreaterThan(3);
    const capped = await findSmall({ category: cat.steel, limit: 50 });
    expect([capped.total, capped.totalExact]).toEqual([3, false]);
    // Browsing ranks by quality alone, so the window is the unbounded result's first three; the facets count them.
    const best3 = exact.items.slice(0, 3).map((i) => i.id);
    expect(capped.items.map((i) => i.id)).toEqual(best3);
    expect(capped.facets.provinces.reduce((n, p) => n + p.count, 0)).toBe(3);
    // With the static-rank bands configured (used from 50,000 products on), browsing still reads in one step: the same
    // best one and best three.
    const tiered = (window: number) => readerWith({ window, tiers: [1.4, 1.3, 1.2] });
    const one = await tiered(1).searchProducts(ctx, { sort: 'relevance', limit: 5, category: cat.steel });
    expect([one.items.map((i) => i.id), one.totalExact]).toEqual([best3.slice(0, 1), false]);
    const three = await tiered(3).searchProducts(ctx, { sort: 'relevance', limit: 5, category: cat.steel });
    expect(three.items.map((i) => i.id)).toEqual(best3);
    // With text the levels are disjoint bands, each read once, the window the best of those read: for every window
    // size (one band alone, several, all of them), the same page, total and facets as one step over every match.
    const untiered = (window: number) => readerWith({ window, tiers: [] });
    const textMatches = (await find({ q: '钢', limit: 50 })).total;
    expect(textMatches).toBeGreaterThan(4);
    for (let window = 1; window <= textMatches + 1; window++) {
      const input = { sort: 'relevance' as const, limit: 50, q: '钢' };
      const [banded, flat] = await Promise.all([tiered(window).searchProducts(ctx, input), untiered(window).searchProducts(ctx, input)]);
      expect([banded.items.map((i) => i.id), banded.total, banded.totalExact, banded.facets]).toEqual([flat.items.map((i) => i.id), flat.total, flat.totalExact, flat.facets]);
      expect(banded.items.length).toBe(Math.min(window, textMatches));
    }
    // Price and newest order the same three, and the cursor pages through them and stops.
    for (const sort of ['newest', 'price'] as const) {
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await findSmall({ category: cat.steel, sort, limit: 2, cursor });
        all.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(all).toEqual((await find({ category: cat.steel, sort, limit: 50 })).items.map((i) => i.id).filter((id) => best3.includes(id)));
    }
    // A text query ranks its window by the full score; pages stop there too.
    const text = await findSmall({ q: '钢', limit: 50 });
    expect([text.items.length, text.totalExact]).toEqual([3, false]);
    const first = await findSmall({ q: '钢', limit: 2 });
    const second = await findSmall({ q: '钢', limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(text.items.map((i) => i.id));
    expect(second.nextCursor).toBeNull();
  });

  it('runs the same number of statements whatever the number of hits', async () => {
    const count = async (input: Partial<ProductSearchInput>) => (await t.database.countQueries(() => find({ limit: 50, explain: true, ...input }))).queries;
    await find({ category: cat.steel }); // the template is cached after the first look-up
    const few = await count({ q: '冷轧卷', category: cat.steel });
    const many = await count({ q: '钢', category: cat.steel });
    const none = await count({ q: '铝合金门窗', category: cat.steel });
    expect(few).toBeLessThanOrEqual(2); // the search (and, with the result cache on PostgreSQL, the read model's version)
    expect([many, none]).toEqual([few, few]);
  });
});

describe('result cache', () => {
  it('answers an identical search from memory until the next commit, then searches again', async () => {
    // Keyed by a commit counter on PGlite and by search_version on PostgreSQL; a different input is another answer.
    const cached = readerWith({ resultCache: true });
    const input: ProductSearchInput = { q: '缓存测试钢板', sort: 'relevance', limit: 20 };
    const run = () => t.database.countQueries(() => cached.searchProducts(ctx, input));
    const first = await run();
    expect(first.result.total).toBe(0);
    const again = await run();
    // Nothing but the version read on PostgreSQL; nothing at all on PGlite.
    expect([again.queries, again.result]).toEqual([t.database.kind === 'pglite' ? 0 : 1, first.result]);
    expect(first.queries).toBeGreaterThan(again.queries); // the search itself ran the first time only
    expect((await t.database.countQueries(() => cached.searchProducts(ctx, { ...input, limit: 19 }))).queries).toBeGreaterThan(0);
    const added = view(jiangsu, cat.hotRolled, { titleZh: '缓存测试钢板 6mm' });
    await search.indexProducts([added]); // commits through platform.database.transaction
    const after = await run();
    expect(after.queries).toBeGreaterThan(0);
    expect(after.result.items.map((i) => i.id)).toEqual([added.id]);
    await search.indexProducts([], [added.id]);
    expect((await run()).result.total).toBe(0);
  });
});

describe('index maintenance', () => {
  it('removes a product that is no longer published and keeps suggestion counts in step', async () => {
    const s = supplier({ legalName: '维护测试公司' });
    const v = view(s, cat.coil, { titleZh: '镀铝锌卷 AZ150', titleEn: 'Galvalume coil AZ150' });
    await search.indexProducts([v]);
    expect(await ids({ q: 'galvalume' })).toEqual([v.id]);
    expect((await search.suggest(ctx, { q: 'galva', limit: 8 })).terms).toContainEqual({ term: 'galvalume', count: 1 });
    await search.indexProducts([{ ...v, status: 'delisted', updatedAt: new Date().toISOString() }]);
    expect(await ids({ q: 'galvalume' })).toEqual([]);
    expect((await search.suggest(ctx, { q: 'galva', limit: 8 })).terms.map((x) => x.term)).not.toContain('galvalume');
  });

  it('suggests product terms by prefix and close spelling, within a category, and supplier names', async () => {
    const all = await search.suggest(ctx, { q: '热轧', limit: 8 });
    expect(all.terms.map((x) => x.term)).toEqual(expect.arrayContaining(['热轧', '热轧钢板']));
    expect((await search.suggest(ctx, { q: 'stainles', limit: 8 })).terms.map((x) => x.term)).toContain('stainless');
    expect((await search.suggest(ctx, { q: '热轧', category: cat.textiles, limit: 8 })).terms).toEqual([]);
    expect((await search.suggest(ctx, { q: '上海不锈', limit: 8 })).suppliers).toEqual([{ id: shanghai.companyId, name: shanghai.legalName, nameEn: shanghai.nameEn }]);
    expect((await search.suggest(ctx, { q: 'stainless tube', limit: 8 })).suppliers.map((x) => x.id)).toEqual([shanghai.companyId]);
  });

  it('finds suppliers by name, main products and region, best-serving first', async () => {
    const res = await search.searchSuppliers(ctx, { q: '不锈钢管', limit: 10 });
    expect(res.items[0]).toMatchObject({ id: shanghai.companyId, name: shanghai.legalName, grade: '4A', verified: true, trustpassYears: 3, productCount: 2, mainProducts: ['不锈钢管'] });
    expect((await search.searchSuppliers(ctx, { q: '上海', limit: 10 })).items.map((i) => i.id)).toContain(shanghai.companyId);
    expect((await search.searchSuppliers(ctx, { province: ['330000'], limit: 10 })).items.map((i) => i.id)).toEqual([zhejiang.companyId]);
    expect((await search.searchSuppliers(ctx, { minGrade: '4A', province: ['310000'], limit: 10 })).items.map((i) => i.id)).toEqual([shanghai.companyId]);
  });

  it('rebuilds from the sources and drops rows the catalog no longer publishes', async () => {
    // The stand-in catalog publishes nothing: a rebuild empties the product index but keeps every supplier.
    const result = await search.rebuild();
    expect(result).toMatchObject({ products: 0, suppliers: suppliers.size });
    expect(result.removed).toBeGreaterThan(0);
    expect((await find({})).total).toBe(0);
    await search.indexProducts(Object.values(fixture));
    expect((await find({})).total).toBe(6);
  });
});
