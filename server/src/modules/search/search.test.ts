import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, createCompany, createVerifiedCompany, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';

/* Search fed by the real catalog and supplier modules: products built through the catalog API, the index kept
 * current by events (publish → found, delist → gone), and the HTTP surface. */

let t: TestApp;
let ops: Record<string, string>;
let owner: TestUser;
let company: { id: string; legalName: string };
let hotRolled: string;
let plate: string;

interface Hit { id: string; titleZh: string; unitPrice: number; supplier: { id: string; name: string; companyType: string | null; verified: boolean; grade: string | null }; explain?: { factors: Array<{ name: string }> } }
interface SearchBody {
  items: Hit[]; total: number; totalExact: boolean; nextCursor: string | null;
  facets: { categories: Array<{ id: string; nameZh: string; count: number }>; attributes: Array<{ key: string; type: string; values?: Array<{ value: string; count: number }>; min?: number; max?: number }> };
}

beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
  owner = await registerUser(t);
  company = await createCompany(t, owner, { legalName: '江苏华东钢铁贸易有限公司', nameEn: 'Huadong Steel Trading', province: '320000' });
  const category = async (code: string) => (await call(t, { method: 'GET', url: `/api/v1/categories/${code}` })).json<{ id: string }>().id;
  hotRolled = await category('steel.plate.hot_rolled');
  plate = await category('steel.plate');
  await t.drain();
});
afterAll(async () => {
  await t.close();
});

const search = async (query: string) => {
  const res = await call(t, { method: 'GET', url: `/api/v1/search/products?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchBody>();
};
const found = async (q: string) => (await search(`q=${encodeURIComponent(q)}`)).items.map((i) => i.id);

async function createProduct(headers: Record<string, string>, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(t, {
    method: 'POST', url: '/api/v1/products', headers,
    payload: {
      categoryId: hotRolled, titleZh: 'Q235B 热轧钢板 8mm 宝钢', titleEn: 'Q235B hot-rolled steel plate 8 mm', descriptionZh: '现货供应,可开平切割。',
      attributes: { thickness: 8, width: 1500, origin_mill: '宝钢' }, skuOptions: { grade: ['Q235B', 'Q355B'] }, stock: 800,
      priceTiers: [{ minQuantity: 5, unitPrice: 4_200_00 }, { minQuantity: 50, unitPrice: 4_050_00 }], moq: 5, unit: 'ton', leadTimeDays: 3,
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const act = async (path: string, headers: Record<string, string> = owner.headers, payload?: object) => {
  const res = await call(t, { method: 'POST', url: path, headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBe(200);
};

describe('search follows the catalog', () => {
  it('finds a product once published, follows edits, and loses it on delist, takedown and delete', async () => {
    const id = await createProduct(owner.headers);
    await t.drain();
    expect(await found('热轧钢板')).not.toContain(id); // a draft is not searchable

    await act(`/api/v1/products/${id}/publish`);
    await t.drain();
    expect(await found('钢板')).toContain(id);
    const hit = (await search(`q=${encodeURIComponent('热轧钢板')}&quantity=60`)).items.find((i) => i.id === id);
    expect(hit).toMatchObject({ titleZh: 'Q235B 热轧钢板 8mm 宝钢', unitPrice: 4_050_00, supplier: { id: company.id, name: company.legalName } });

    const edited = await call(t, { method: 'PATCH', url: `/api/v1/products/${id}`, headers: owner.headers, payload: { titleZh: 'Q355B 低合金钢板 8mm', titleEn: 'Q355B low-alloy plate' } });
    expect(edited.statusCode, edited.body).toBe(200);
    await t.drain();
    expect((await search(`q=${encodeURIComponent('低合金')}`)).items.find((i) => i.id === id)?.titleZh).toBe('Q355B 低合金钢板 8mm');

    await act(`/api/v1/products/${id}/delist`);
    await t.drain();
    expect(await found('低合金')).not.toContain(id);

    await act(`/api/v1/products/${id}/publish`);
    await t.drain();
    expect(await found('低合金')).toContain(id);
    await act(`/api/v1/admin/products/${id}/takedown`, ops, { reason: '图片与实物不符' });
    await t.drain();
    expect(await found('低合金')).not.toContain(id);

    const deleted = await call(t, { method: 'DELETE', url: `/api/v1/products/${id}`, headers: owner.headers });
    expect(deleted.statusCode, deleted.body).toBeLessThan(300);
    await t.drain();
    expect(await found('低合金')).not.toContain(id);
    expect(await t.modules.search.search.pending()).toBe(0);
  });

  it('reflects a publish within seconds through the running worker, with no rebuild', async () => {
    const id = await createProduct(owner.headers, { titleZh: '即时索引测试钢板', titleEn: 'Instant index plate' });
    t.worker.start();
    try {
      const started = Date.now();
      await act(`/api/v1/products/${id}/publish`);
      while (!(await found('即时索引')).includes(id)) {
        expect(Date.now() - started).toBeLessThan(5000);
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      await t.worker.stop();
    }
  });

  it("keeps the supplier's facts on its products: a rename, and verification with its credit grade", async () => {
    const seller = await registerUser(t);
    const verified = await createVerifiedCompany(t, seller, ops, { legalName: '无锡认证不锈钢有限公司', province: '320000' });
    const id = await createProduct(seller.headers, { titleZh: '认证工厂热轧钢板' });
    await act(`/api/v1/products/${id}/publish`, seller.headers);
    await t.drain();
    const hit = (await search(`q=${encodeURIComponent('认证工厂')}`)).items[0]!;
    expect(hit.supplier).toMatchObject({ id: verified.id, verified: true, companyType: 'manufacturer' });
    expect(hit.supplier.grade).toMatch(/^[1-5]A$/);

    const renamed = await call(t, { method: 'PATCH', url: `/api/v1/companies/${verified.id}`, headers: seller.headers, payload: { legalName: '无锡新名称金属有限公司' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await t.drain();
    expect((await search(`q=${encodeURIComponent('新名称金属')}`)).items.map((i) => [i.id, i.supplier.name])).toEqual([[id, '无锡新名称金属有限公司']]);
    const suppliers = (await call(t, { method: 'GET', url: `/api/v1/search/suppliers?q=${encodeURIComponent('新名称')}` })).json<{ items: Array<{ id: string; productCount: number; verified: boolean }> }>();
    expect(suppliers.items).toEqual([expect.objectContaining({ id: verified.id, productCount: 1, verified: true })]);
  });

  it('re-reads the products of a category when it is renamed', async () => {
    const id = await createProduct(owner.headers, { titleZh: '类目改名测试板' });
    await act(`/api/v1/products/${id}/publish`);
    await t.drain();
    const patched = await call(t, { method: 'PATCH', url: `/api/v1/admin/categories/${hotRolled}`, headers: ops, payload: { nameZh: '热轧中厚板', nameEn: 'Hot-rolled medium plate' } });
    expect(patched.statusCode, patched.body).toBe(200);
    await t.drain();
    expect(await found('中厚板')).toContain(id);
    expect(await found('medium plate')).toContain(id);
    const facets = (await search(`category=${plate}`)).facets.categories;
    expect(facets.find((c) => c.id === hotRolled)?.nameZh).toBe('热轧中厚板');
  });
});

describe('the search API', () => {
  it("filters by the category template's attributes with facet counts, and explains the ranking", async () => {
    const thin = await createProduct(owner.headers, { titleZh: '模板筛选薄板', attributes: { thickness: 3, width: 1250 }, skuOptions: { grade: ['Q235B'] } });
    const thick = await createProduct(owner.headers, { titleZh: '模板筛选厚板', attributes: { thickness: 20, width: 2000 }, skuOptions: { grade: ['Q355B'] } });
    for (const id of [thin, thick]) await act(`/api/v1/products/${id}/publish`);
    await t.drain();
    const q = `q=${encodeURIComponent('模板筛选')}&category=${hotRolled}`;
    const all = await search(q);
    expect([all.total, all.totalExact]).toEqual([2, true]);
    expect(all.facets.attributes.find((a) => a.key === 'grade')?.values).toEqual([
      { value: 'Q235B', labelZh: 'Q235B', labelEn: 'Q235B', count: 1 }, { value: 'Q355B', labelZh: 'Q355B', labelEn: 'Q355B', count: 1 },
    ]);
    expect(all.facets.attributes.find((a) => a.key === 'thickness')).toMatchObject({ type: 'number', min: 3, max: 20, count: 2 });
    expect((await search(`${q}&attr.grade=Q355B`)).items.map((i) => i.id)).toEqual([thick]);
    expect((await search(`${q}&attr.thickness.max=10`)).items.map((i) => i.id)).toEqual([thin]);
    expect((await search(`${q}&attr.thickness.min=5&attr.grade=Q235B,Q355B`)).items.map((i) => i.id)).toEqual([thick]);
    const explained = await search(`${q}&explain=true`);
    expect(explained.items[0]!.explain!.factors.map((f) => f.name)).toContain('trustpassYears');
  });

  it('validates its parameters with problems', async () => {
    for (const query of ['sort=cheapest', 'limit=500', 'minGrade=6A', 'unknown=1', 'attr.Bad-Key=x', 'attr.thickness.min=thin', 'province=north', 'category=%27%3B']) {
      const res = await call(t, { method: 'GET', url: `/api/v1/search/products?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const cursor = await call(t, { method: 'GET', url: '/api/v1/search/products?cursor=not-a-cursor' });
    expect([cursor.statusCode, cursor.json<{ code: string }>().code]).toEqual([422, 'INVALID_CURSOR']);
  });

  it('suggests terms and suppliers while typing', async () => {
    const id = await createProduct(owner.headers, { titleZh: '花纹板 防滑 热轧', titleEn: 'Checkered plate anti-slip' });
    await act(`/api/v1/products/${id}/publish`);
    await t.drain();
    const res = await call(t, { method: 'GET', url: `/api/v1/search/suggest?q=${encodeURIComponent('花纹')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ terms: Array<{ term: string }> }>().terms.map((x) => x.term)).toContain('花纹板');
    const suppliers = (await call(t, { method: 'GET', url: `/api/v1/search/suggest?q=${encodeURIComponent('华东钢铁')}` })).json<{ suppliers: Array<{ id: string }> }>().suppliers;
    expect(suppliers.map((s) => s.id)).toContain(company.id);
  });

  it('rebuilds the whole index from the catalog and the supplier modules', async () => {
    const before = await search('limit=50');
    expect(before.total).toBeGreaterThan(0);
    // Damage behind the module's back; like the module's own writes it moves search_version, or cached answers would stay.
    await t.database.transaction(async (trx) => {
      await sql`DELETE FROM search_products`.execute(trx);
      await sql`DELETE FROM search_suppliers`.execute(trx);
      await sql`UPDATE search_version SET n = n + 1`.execute(trx);
    });
    expect((await search('limit=50')).total).toBe(0);
    expect(await t.modules.search.search.needsBackfill()).toBe(true); // what the start-up backfill job checks
    const stages: string[] = [];
    const result = await t.modules.search.search.rebuild((stage) => stages.push(stage));
    expect(await t.modules.search.search.needsBackfill()).toBe(false);
    expect(result.products).toBe(before.total);
    expect(new Set(stages)).toEqual(new Set(['suppliers', 'products', 'terms']));
    const after = await search('limit=50');
    expect(after.items.map((i) => i.id).sort()).toEqual(before.items.map((i) => i.id).sort());
  });
});
