import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier, publishProduct, type ProductJson } from '../../testing/catalog-factories.js';

let t: TestApp;
let ops: Record<string, string>;
let hotRolled: string;
let welded: string;
let plate: string;
let pipe: string;
let textiles: string;

interface AdminItem { id: string; companyId: string; companyName: string | null; companyNameEn: string | null; categoryId: string; status: string; titleZh: string; takedown: { reason: string; at: string } | null }
interface AdminPage { items: AdminItem[]; nextCursor: string | null }
type Problem = { status: number; code: string; detail: string; errors?: Array<{ path: string; message: string }> };

const list = (query: Record<string, string>, headers: Record<string, string> = ops) =>
  call(t, { method: 'GET', url: `/api/v1/admin/products?${new URLSearchParams(query).toString()}`, headers });
const ids = async (query: Record<string, string>) => {
  const res = await list(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AdminPage>().items.map((i) => i.id);
};

// Two suppliers, each with a published plate, a draft plate and a published welded pipe (newest last).
let a: { owner: TestUser; company: { id: string; legalName: string } };
let b: { owner: TestUser; company: { id: string; legalName: string } };
let aPlate: ProductJson;
let aDraft: ProductJson;
let aPipe: ProductJson;
let bPlate: ProductJson;
let bPipe: ProductJson;

beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
  hotRolled = await categoryIdOf(t, 'steel.plate.hot_rolled');
  welded = await categoryIdOf(t, 'steel.pipe.welded');
  plate = await categoryIdOf(t, 'steel.plate');
  pipe = await categoryIdOf(t, 'steel.pipe');
  textiles = await categoryIdOf(t, 'textiles');
  const pipeInput = { attributes: { outer_diameter: 48.3, wall_thickness: 3.5, grade: 'Q235B', galvanized: true }, skus: undefined, stock: 100 };
  a = await createSupplier(t, { legalName: '无锡管理测试钢材有限公司', nameEn: 'Wuxi Admin Test Steel Co., Ltd.' });
  b = await createSupplier(t, { legalName: '天津管理测试钢管有限公司', nameEn: null });
  aPlate = await publishProduct(t, a.owner, (await createProduct(t, a.owner, hotRolled, { titleZh: '热轧钢板 Q235B 甲公司' })).id);
  aDraft = await createProduct(t, a.owner, hotRolled, { titleZh: '热轧钢板 草稿 甲公司', titleEn: 'Draft plate of A' });
  aPipe = await publishProduct(t, a.owner, (await createProduct(t, a.owner, welded, { ...pipeInput, titleZh: '焊接钢管 甲公司', titleEn: 'Welded pipe of A' })).id);
  bPlate = await publishProduct(t, b.owner, (await createProduct(t, b.owner, hotRolled, { titleZh: '热轧钢板 Q355B 乙公司', titleEn: 'Hot-rolled plate of B' })).id);
  bPipe = await publishProduct(t, b.owner, (await createProduct(t, b.owner, welded, { ...pipeInput, titleZh: '镀锌焊管 乙公司', titleEn: 'Galvanized welded pipe of B' })).id);
});
afterAll(async () => {
  await t.close();
});

describe('operators’ product list (GET /api/v1/admin/products)', () => {
  it('is for operators only: anonymous callers get 401, sellers (even about their own products) 403', async () => {
    const anonymous = await call(t, { method: 'GET', url: '/api/v1/admin/products' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const seller = await list({ companyId: a.company.id }, a.owner.headers);
    expect(seller.statusCode).toBe(403);
    expect(seller.json<Problem>().code).toBe('OPERATOR_ONLY');
    const buyer = await registerUser(t);
    expect((await list({}, buyer.headers)).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: '/api/v1/admin/categories/product-counts', headers: a.owner.headers })).statusCode).toBe(403);
  });

  it('lists every company’s products in every status, newest first, with the company’s name and English name', async () => {
    const res = await list({});
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json<AdminPage>();
    expect(items.map((i) => i.id)).toEqual([bPipe.id, bPlate.id, aPipe.id, aDraft.id, aPlate.id]);
    expect(nextCursor).toBeNull();
    expect(items.find((i) => i.id === aDraft.id)).toMatchObject({ companyId: a.company.id, companyName: '无锡管理测试钢材有限公司', companyNameEn: 'Wuxi Admin Test Steel Co., Ltd.', status: 'draft', categoryId: hotRolled, takedown: null });
    expect(items.find((i) => i.id === bPipe.id)).toMatchObject({ companyId: b.company.id, companyName: '天津管理测试钢管有限公司', companyNameEn: null, status: 'published', categoryId: welded });
  });

  it('filters by title words, status, category at any level and company, together', async () => {
    expect(await ids({ q: '乙公司' })).toEqual([bPipe.id, bPlate.id]);
    expect(await ids({ q: 'welded PIPE' })).toEqual([bPipe.id, aPipe.id]);
    expect(await ids({ q: '100%_' })).toEqual([]);
    expect(await ids({ status: 'draft' })).toEqual([aDraft.id]);
    expect(await ids({ categoryId: plate })).toEqual([bPlate.id, aDraft.id, aPlate.id]);
    expect(await ids({ categoryId: pipe })).toEqual([bPipe.id, aPipe.id]);
    expect(await ids({ categoryId: welded })).toEqual([bPipe.id, aPipe.id]);
    expect(await ids({ categoryId: textiles })).toEqual([]);
    expect(await ids({ companyId: a.company.id })).toEqual([aPipe.id, aDraft.id, aPlate.id]);
    expect(await ids({ companyId: a.company.id, status: 'published', categoryId: plate })).toEqual([aPlate.id]);
  });

  it('pages with a keyset cursor that walks the whole list once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res = await list({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(res.statusCode).toBe(200);
      const body: AdminPage = res.json<AdminPage>();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([bPipe.id, bPlate.id, aPipe.id, aDraft.id, aPlate.id]);
  });

  it('refuses bad input as problem+json naming the field', async () => {
    const badStatus = await list({ status: 'banned' });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.headers['content-type']).toContain('application/problem+json');
    expect(badStatus.json<Problem>().errors!.map((e) => e.path)).toEqual(['querystring.status']);
    const badLimit = await list({ limit: '1000', companyId: 'acme' });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['querystring.companyId', 'querystring.limit']);
    expect((await list({ sort: 'price' })).statusCode).toBe(400);
    const badCursor = await list({ cursor: 'not-a-cursor' });
    expect(badCursor.statusCode).toBe(422);
    expect(badCursor.json<Problem>().code).toBe('INVALID_CURSOR');
    const noCategory = await list({ categoryId: '0190a4a5-0000-7000-8000-000000000000' }, { ...ops, 'accept-language': 'zh-CN' });
    expect(noCategory.statusCode).toBe(404);
    expect(noCategory.json<Problem>()).toMatchObject({ code: 'CATEGORY_NOT_FOUND', errors: [{ path: 'querystring.categoryId', message: '类目不存在' }] });
  });

  it('shows a takedown: the product turns delisted with the operator’s reason and time, and the seller sees the same', async () => {
    const before = Date.now();
    const down = await call(t, { method: 'POST', url: `/api/v1/admin/products/${bPlate.id}/takedown`, headers: ops, payload: { reason: '标题含有夸大宣传用语' } });
    expect(down.statusCode, down.body).toBe(200);
    const delisted = (await list({ status: 'delisted' })).json<AdminPage>().items;
    expect(delisted.map((i) => i.id)).toEqual([bPlate.id]);
    expect(delisted[0]!.takedown!.reason).toBe('标题含有夸大宣传用语');
    expect(Date.parse(delisted[0]!.takedown!.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(await ids({ status: 'published', companyId: b.company.id })).toEqual([bPipe.id]);
    const own = await call(t, { method: 'GET', url: `/api/v1/companies/${b.company.id}/products?status=delisted`, headers: b.owner.headers });
    expect(own.json<AdminPage>().items.map((i) => [i.id, i.takedown?.reason])).toEqual([[bPlate.id, '标题含有夸大宣传用语']]);
    // Buyers no longer find it.
    expect((await call(t, { method: 'GET', url: `/api/v1/products/${bPlate.id}` })).statusCode).toBe(404);
  });

  it('counts live products per category, published apart', async () => {
    const res = await call(t, { method: 'GET', url: '/api/v1/admin/categories/product-counts', headers: ops });
    expect(res.statusCode).toBe(200);
    const counts = new Map(res.json<{ items: Array<{ categoryId: string; total: number; published: number }> }>().items.map((c) => [c.categoryId, c]));
    const publishedPlates = (await ids({ categoryId: hotRolled, status: 'published' })).length;
    expect(counts.get(hotRolled)).toEqual({ categoryId: hotRolled, total: 3, published: publishedPlates });
    expect(counts.get(welded)).toEqual({ categoryId: welded, total: 2, published: 2 });
    expect(counts.has(plate)).toBe(false);
  });
});
