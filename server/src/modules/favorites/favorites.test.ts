import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier, publishProduct } from '../../testing/catalog-factories.js';
import { normalizeTags, priceAtSaved } from './service.js';

let t: TestApp;
let categoryId: string;
let seller: { owner: TestUser; company: { id: string; legalName: string } };

beforeAll(async () => {
  t = await createTestApp();
  categoryId = await categoryIdOf(t, 'steel.plate.hot_rolled');
  seller = await createSupplier(t, { nameEn: 'Zhangjiagang Favorite Steel Co., Ltd.' });
});
afterAll(async () => {
  await t.close();
});

interface Folder { id: string; name: string; isDefault: boolean; counts: { product: number; supplier: number } }
interface Favorite {
  id: string; type: 'product' | 'supplier'; folderId: string; note: string; tags: string[]; alerts: { priceDrop: boolean; backInStock: boolean };
  product: null | {
    productId: string; titleZh: string; availability: string; unit: string | null;
    then: { unitPrice: number | null; quantity: number | null; stock: number | null };
    now: { unitPrice: number | null; quantity: number | null; moq: number | null; stock: number | null };
    change: { price: number | null; priceDirection: string | null; stock: number | null; backInStock: boolean };
  };
  supplier: null | { companyId: string; then: { name: string }; now: { legalName: string } | null; availability: string };
}
interface Page { items: Favorite[]; nextCursor: string | null }

/** A published one-SKU plate: ¥4,200.00/t from 5 t (the MOQ), ¥4,100.00 from 20 t. */
async function product(stock = 300, owner = seller.owner) {
  const p = await createProduct(t, owner, categoryId, {
    skus: [{ code: 'FAV-Q235B', attributes: { grade: 'Q235B' }, stock }],
    priceTiers: [{ minQuantity: 5, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }],
  });
  await publishProduct(t, owner, p.id);
  return p;
}

const save = (u: TestUser, body: Record<string, unknown>) => call(t, { method: 'POST', url: '/api/v1/favorites', headers: u.headers, payload: body });
const list = async (u: TestUser, query = '') => {
  const res = await call(t, { method: 'GET', url: `/api/v1/favorites${query}`, headers: u.headers });
  expect(res.statusCode).toBe(200);
  return res.json<Page>();
};
const folders = async (u: TestUser) => (await call(t, { method: 'GET', url: '/api/v1/favorites/folders', headers: { ...u.headers, 'accept-language': 'zh-CN' } })).json<{ items: Folder[] }>().items;
const editProduct = async (id: string, body: Record<string, unknown>) => {
  const res = await call(t, { method: 'PATCH', url: `/api/v1/products/${id}`, headers: seller.owner.headers, payload: body });
  expect(res.statusCode, res.body).toBe(200);
};
const notices = async (u: TestUser) =>
  (await call(t, { method: 'GET', url: '/api/v1/notifications?limit=100', headers: { ...u.headers, 'accept-language': 'zh-CN' } }))
    .json<{ items: Array<{ kind: string; title: string; body: string | null; link: string | null }> }>().items
    .filter((n) => n.kind.startsWith('favorite.'));

describe('favorites', () => {
  it('rules: price at the saved quantity, tags', () => {
    const tiers = [{ minQuantity: 5, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }];
    expect(priceAtSaved(tiers, null, 5)).toEqual({ unitPrice: 420_000, quantity: 5 });
    expect(priceAtSaved(tiers, 5, 5)).toEqual({ unitPrice: 420_000, quantity: 5 });
    // The MOQ rose above what was saved: the price at the new MOQ.
    expect(priceAtSaved(tiers, 5, 25)).toEqual({ unitPrice: 410_000, quantity: 25 });
    expect(priceAtSaved(tiers, 2, 2)).toEqual({ unitPrice: null, quantity: 2 });
    expect(normalizeTags([' 钢板 ', 'Steel', 'steel', '', 'hot  rolled'])).toEqual(['钢板', 'Steel', 'hot rolled']);
  });

  it('keeps a default folder, creates, renames and deletes folders (items move to the default, or go with it)', async () => {
    const buyer = await registerUser(t);
    const first = await folders(buyer);
    expect(first).toEqual([expect.objectContaining({ isDefault: true, name: '默认收藏夹', counts: { product: 0, supplier: 0 } })]);
    const en = (await call(t, { method: 'GET', url: '/api/v1/favorites/folders', headers: { ...buyer.headers, 'accept-language': 'en-US' } })).json<{ items: Folder[] }>().items;
    expect(en.map((f) => f.name)).toEqual(['Default']);
    const defaultId = first[0]!.id;

    const created = await call(t, { method: 'POST', url: '/api/v1/favorites/folders', headers: buyer.headers, payload: { name: '  钢板供应商 ' } });
    expect(created.statusCode).toBe(201);
    const plates = created.json<Folder>();
    expect(plates).toMatchObject({ name: '钢板供应商', isDefault: false });
    const dup = await call(t, { method: 'POST', url: '/api/v1/favorites/folders', headers: { ...buyer.headers, 'accept-language': 'en-US' }, payload: { name: '钢板供应商' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'FAVORITE_FOLDER_NAME_TAKEN', detail: 'You already have a folder named "钢板供应商".' });

    const renamed = await call(t, { method: 'PATCH', url: `/api/v1/favorites/folders/${plates.id}`, headers: buyer.headers, payload: { name: '热轧板' } });
    expect(renamed.json<Folder>().name).toBe('热轧板');
    expect((await call(t, { method: 'PATCH', url: `/api/v1/favorites/folders/${defaultId}`, headers: buyer.headers, payload: { name: '常用' } })).json<Folder>()).toMatchObject({ name: '常用', isDefault: true });
    const noDelete = await call(t, { method: 'DELETE', url: `/api/v1/favorites/folders/${defaultId}`, headers: buyer.headers });
    expect(noDelete.statusCode).toBe(409);
    expect(noDelete.json()).toMatchObject({ code: 'FAVORITE_DEFAULT_FOLDER' });

    // Deleting moves its items to the default folder…
    const p1 = await product();
    expect((await save(buyer, { type: 'product', productId: p1.id, folderId: plates.id })).statusCode).toBe(201);
    const moved = await call(t, { method: 'DELETE', url: `/api/v1/favorites/folders/${plates.id}`, headers: buyer.headers });
    expect(moved.json()).toEqual({ moved: 1, deleted: 0 });
    expect((await list(buyer)).items.map((f) => f.folderId)).toEqual([defaultId]);

    // …or removes them with it.
    const temp = (await call(t, { method: 'POST', url: '/api/v1/favorites/folders', headers: buyer.headers, payload: { name: '临时' } })).json<Folder>();
    await call(t, { method: 'PATCH', url: `/api/v1/favorites/${(await list(buyer)).items[0]!.id}`, headers: buyer.headers, payload: { folderId: temp.id } });
    expect((await folders(buyer)).find((f) => f.id === temp.id)?.counts).toEqual({ product: 1, supplier: 0 });
    const gone = await call(t, { method: 'DELETE', url: `/api/v1/favorites/folders/${temp.id}?items=delete`, headers: buyer.headers });
    expect(gone.json()).toEqual({ moved: 0, deleted: 1 });
    expect((await list(buyer)).items).toEqual([]);
    expect((await folders(buyer)).map((f) => f.name)).toEqual(['常用']);
  });

  it('saves a product and a supplier with a snapshot; saving again moves and updates instead of duplicating', async () => {
    const buyer = await registerUser(t);
    const p = await product(300);
    const folder = (await call(t, { method: 'POST', url: '/api/v1/favorites/folders', headers: buyer.headers, payload: { name: '比价' } })).json<Folder>();

    const first = await save(buyer, { type: 'product', productId: p.id, note: '问过价', tags: ['钢板', 'Q235B'] });
    expect(first.statusCode).toBe(201);
    const fav = first.json<Favorite>();
    expect(fav).toMatchObject({
      type: 'product', note: '问过价', tags: ['钢板', 'Q235B'], alerts: { priceDrop: false, backInStock: false }, supplier: null,
      product: {
        productId: p.id, availability: 'available', unit: 'ton',
        then: { unitPrice: 420_000, quantity: 5, stock: 300 }, now: { unitPrice: 420_000, quantity: 5, moq: 5, stock: 300 },
        change: { price: 0, priceDirection: 'same', stock: 0, backInStock: false },
      },
    });

    const again = await save(buyer, { type: 'product', productId: p.id, folderId: folder.id, alerts: { priceDrop: true } });
    expect(again.statusCode).toBe(200);
    expect(again.json<Favorite>()).toMatchObject({ id: fav.id, folderId: folder.id, note: '问过价', tags: ['钢板', 'Q235B'], alerts: { priceDrop: true, backInStock: false } });

    const supplierSaved = await save(buyer, { type: 'supplier', companyId: seller.company.id, note: '沙钢代理' });
    expect(supplierSaved.statusCode).toBe(201);
    expect(supplierSaved.json<Favorite>()).toMatchObject({ type: 'supplier', product: null, supplier: { companyId: seller.company.id, then: { name: seller.company.legalName }, availability: 'available' } });
    expect((await save(buyer, { type: 'supplier', companyId: seller.company.id })).statusCode).toBe(200);

    expect((await list(buyer)).items).toHaveLength(2);
    expect((await list(buyer, '?type=supplier')).items.map((f) => f.type)).toEqual(['supplier']);
    expect((await list(buyer, `?folder=${folder.id}`)).items.map((f) => f.id)).toEqual([fav.id]);
    const counts = (await folders(buyer)).map((f) => [f.isDefault, f.counts]);
    expect(counts).toEqual([[true, { product: 0, supplier: 1 }], [false, { product: 1, supplier: 0 }]]);

    const status = await call(t, { method: 'GET', url: `/api/v1/favorites/status?productIds=${p.id},${fav.id}&companyIds=${seller.company.id}`, headers: buyer.headers });
    expect(status.json()).toEqual({
      products: [{ productId: p.id, favoriteId: fav.id, folderId: folder.id, alerts: { priceDrop: true, backInStock: false } }],
      suppliers: [{ companyId: seller.company.id, favoriteId: supplierSaved.json<Favorite>().id, folderId: expect.any(String), alerts: { priceDrop: false, backInStock: false } }],
    });

    const removed = await call(t, { method: 'DELETE', url: `/api/v1/favorites/${fav.id}`, headers: buyer.headers });
    expect(removed.json()).toEqual({ ok: true });
    expect((await call(t, { method: 'DELETE', url: `/api/v1/favorites/${fav.id}`, headers: buyer.headers })).statusCode).toBe(404);
    const events = await t.database.db.selectFrom('events').select(['type', 'company_id', 'actor_user_id']).where('subject_id', '=', fav.id).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['favorite.saved', 'favorite.saved', 'favorite.removed']);
    // Personal: no company's activity log shows who bookmarked.
    expect(events.every((e) => e.company_id === null && e.actor_user_id === buyer.id)).toBe(true);
  });

  it('filters by tag, note and title text, and pages with a cursor', async () => {
    const buyer = await registerUser(t);
    const [a, b, c] = [await product(), await product(), await product()];
    await save(buyer, { type: 'product', productId: a.id, tags: ['急需', 'Q235B'], note: '张家港提货' });
    await save(buyer, { type: 'product', productId: b.id, tags: ['Q235B'], note: '报价偏高' });
    await save(buyer, { type: 'product', productId: c.id, note: '备选' });
    const ids = (p: Page) => p.items.map((f) => f.product!.productId);

    expect(ids(await list(buyer, `?tag=${encodeURIComponent('急需')}`))).toEqual([a.id]);
    expect(ids(await list(buyer, '?tag=Q235B'))).toEqual([b.id, a.id]);
    expect(ids(await list(buyer, `?q=${encodeURIComponent('报价')}`))).toEqual([b.id]);
    expect(ids(await list(buyer, `?q=${encodeURIComponent('热轧 沙钢')}`))).toEqual([c.id, b.id, a.id]);
    expect(ids(await list(buyer, `?q=${encodeURIComponent('急')}`))).toEqual([a.id]);
    const tags = (await call(t, { method: 'GET', url: '/api/v1/favorites/tags', headers: buyer.headers })).json<{ items: unknown[] }>().items;
    expect(tags).toEqual([{ tag: 'Q235B', count: 2 }, { tag: '急需', count: 1 }]);

    const page1 = await list(buyer, '?limit=2');
    expect(ids(page1)).toEqual([c.id, b.id]);
    expect(ids(await list(buyer, `?limit=2&cursor=${page1.nextCursor}`))).toEqual([a.id]);
  });

  it('lists a page of saved suppliers and products with the same number of queries whether it holds one or many', async () => {
    const buyer = await registerUser(t);
    const listing = () => call(t, { method: 'GET', url: '/api/v1/favorites?limit=50', headers: buyer.headers });
    await save(buyer, { type: 'supplier', companyId: seller.company.id });
    await save(buyer, { type: 'product', productId: (await product()).id });
    const few = await t.database.countQueries(listing);
    for (let i = 0; i < 4; i++) {
      await save(buyer, { type: 'supplier', companyId: (await createSupplier(t)).company.id });
      await save(buyer, { type: 'product', productId: (await product()).id });
    }
    const many = await t.database.countQueries(listing);
    expect((await listing()).json<Page>().items).toHaveLength(10);
    expect(many.queries).toBe(few.queries);
  });

  it('shows the change since saving after price and stock edits, and when the product is delisted or deleted', async () => {
    const buyer = await registerUser(t);
    const p = await product(300);
    const fav = (await save(buyer, { type: 'product', productId: p.id })).json<Favorite>();

    await editProduct(p.id, { priceTiers: [{ minQuantity: 5, unitPrice: 405_000 }, { minQuantity: 20, unitPrice: 398_000 }], skus: [{ id: p.skus[0]!.id, attributes: { grade: 'Q235B' }, stock: 120 }] });
    let view = (await call(t, { method: 'GET', url: `/api/v1/favorites/${fav.id}`, headers: buyer.headers })).json<Favorite>();
    expect(view.product).toMatchObject({
      then: { unitPrice: 420_000, stock: 300 }, now: { unitPrice: 405_000, stock: 120 },
      change: { price: -15_000, priceDirection: 'down', stock: -180, backInStock: false },
    });

    await editProduct(p.id, { priceTiers: [{ minQuantity: 5, unitPrice: 430_000 }] });
    view = (await list(buyer)).items[0]!;
    expect(view.product!.change).toMatchObject({ price: 10_000, priceDirection: 'up' });

    expect((await call(t, { method: 'POST', url: `/api/v1/products/${p.id}/delist`, headers: seller.owner.headers })).statusCode).toBe(200);
    view = (await list(buyer)).items[0]!;
    expect(view.product).toMatchObject({ availability: 'unavailable', now: { unitPrice: null, stock: null }, change: { price: null, priceDirection: null } });

    expect((await call(t, { method: 'DELETE', url: `/api/v1/products/${p.id}`, headers: seller.owner.headers })).statusCode).toBe(200);
    view = (await list(buyer)).items[0]!;
    expect(view.product).toMatchObject({ availability: 'gone', titleZh: p.titleZh as string, then: { unitPrice: 420_000 } });
  });

  it('notifies price drops and back-in-stock exactly once per change, and only those who opted in', async () => {
    const watcher = await registerUser(t);
    const quiet = await registerUser(t);
    const p = await product(0);
    await t.drain();
    await save(watcher, { type: 'product', productId: p.id, alerts: { priceDrop: true, backInStock: true } });
    await save(quiet, { type: 'product', productId: p.id });
    const sku = p.skus[0]!.id;

    // Unrelated edit: nothing.
    await editProduct(p.id, { descriptionZh: '更新了描述' });
    await t.drain();
    expect(await notices(watcher)).toEqual([]);

    // Price at the MOQ drops and stock arrives: one notice each.
    await editProduct(p.id, { priceTiers: [{ minQuantity: 5, unitPrice: 410_000 }], skus: [{ id: sku, attributes: { grade: 'Q235B' }, stock: 80 }] });
    await t.drain();
    await t.drain();
    let got = await notices(watcher);
    expect(got.map((n) => n.kind).sort()).toEqual(['favorite.back_in_stock', 'favorite.price_drop']);
    expect(got.find((n) => n.kind === 'favorite.price_drop')).toMatchObject({ link: `/products/${p.id}`, body: '起订量 5 吨 时单价由 ¥4,200.00 降至 ¥4,100.00。' });
    const inEnglish = (await call(t, { method: 'GET', url: '/api/v1/notifications?limit=100', headers: { ...watcher.headers, 'accept-language': 'en-US' } }))
      .json<{ items: Array<{ kind: string; body: string | null }> }>().items;
    expect(inEnglish.find((n) => n.kind === 'favorite.price_drop')?.body).toBe('At 5 t, the unit price fell from ¥4,200.00 to ¥4,100.00.');
    expect(inEnglish.find((n) => n.kind === 'favorite.back_in_stock')?.body).toMatch(/^\d+ t now in stock\.$/);
    expect(await notices(quiet)).toEqual([]);

    // Re-running the check (a redelivered job) sends nothing more; a rise and a fall back to the same low neither.
    await t.modules.favorites.favorites.checkProduct(p.id);
    await editProduct(p.id, { priceTiers: [{ minQuantity: 5, unitPrice: 415_000 }] });
    await editProduct(p.id, { priceTiers: [{ minQuantity: 5, unitPrice: 410_000 }] });
    await t.drain();
    expect(await notices(watcher)).toHaveLength(2);

    // A new low notifies again; stock to 0 and back notifies again.
    await editProduct(p.id, { priceTiers: [{ minQuantity: 5, unitPrice: 400_000 }], skus: [{ id: sku, attributes: { grade: 'Q235B' }, stock: 0 }] });
    await t.drain();
    await editProduct(p.id, { skus: [{ id: sku, attributes: { grade: 'Q235B' }, stock: 10 }] });
    await t.drain();
    got = await notices(watcher);
    expect(got.map((n) => n.kind)).toEqual(['favorite.back_in_stock', 'favorite.price_drop', 'favorite.back_in_stock', 'favorite.price_drop']);
    expect(await notices(quiet)).toEqual([]);

    // Opting in later does not fire for a drop that happened before.
    await call(t, { method: 'PATCH', url: `/api/v1/favorites/${(await list(quiet)).items[0]!.id}`, headers: quiet.headers, payload: { alerts: { priceDrop: true } } });
    await editProduct(p.id, { descriptionZh: '再次更新' });
    await t.drain();
    expect(await notices(quiet)).toEqual([]);
    await editProduct(p.id, { priceTiers: [{ minQuantity: 5, unitPrice: 399_000 }] });
    await t.drain();
    expect((await notices(quiet)).map((n) => n.kind)).toEqual(['favorite.price_drop']);
  });

  it('gives the supplier counts and top products without identities, to members with insights', async () => {
    const { owner, company } = await createSupplier(t);
    const [hot, cold] = [await product(100, owner), await product(100, owner)];
    const buyers = [await registerUser(t), await registerUser(t), await registerUser(t)];
    for (const b of buyers) await save(b, { type: 'product', productId: hot.id });
    await save(buyers[0]!, { type: 'product', productId: cold.id });
    await save(buyers[0]!, { type: 'supplier', companyId: company.id });
    await save(buyers[1]!, { type: 'supplier', companyId: company.id });
    await save(buyers[1]!, { type: 'supplier', companyId: company.id });

    const sales = await addMember(t, owner, company.id, 'sales');
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/favorite-stats`, headers: { ...sales.headers, 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      companyId: company.id, supplierFavorites: 2, productFavorites: 4,
      topProducts: [
        { productId: hot.id, title: hot.titleZh, titleZh: hot.titleZh, titleEn: hot.titleEn, count: 3 },
        { productId: cold.id, title: cold.titleZh, titleZh: cold.titleZh, titleEn: cold.titleEn, count: 1 },
      ],
    });
    expect(JSON.stringify(res.json())).not.toMatch(new RegExp(buyers.map((b) => b.id).join('|')));

    const purchaser = await addMember(t, owner, company.id, 'purchaser');
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/favorite-stats`, headers: purchaser.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/favorite-stats`, headers: seller.owner.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/favorite-stats` })).statusCode).toBe(401);
  });

  it('keeps favorites personal: another user, even a colleague, never sees or changes mine', async () => {
    const me = await registerUser(t);
    const company = await createCompany(t, me, { companyType: 'buyer' });
    const colleague = await addMember(t, me, company.id, 'purchaser');
    const p = await product();
    const mine = (await save(me, { type: 'product', productId: p.id, note: '私人备注' })).json<Favorite>();
    const myFolder = (await call(t, { method: 'POST', url: '/api/v1/favorites/folders', headers: me.headers, payload: { name: '我的' } })).json<Folder>();

    expect((await list(colleague)).items).toEqual([]);
    expect((await call(t, { method: 'GET', url: `/api/v1/favorites/${mine.id}`, headers: colleague.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'PATCH', url: `/api/v1/favorites/${mine.id}`, headers: colleague.headers, payload: { note: 'x' } })).statusCode).toBe(404);
    expect((await call(t, { method: 'DELETE', url: `/api/v1/favorites/${mine.id}`, headers: colleague.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'PATCH', url: `/api/v1/favorites/folders/${myFolder.id}`, headers: colleague.headers, payload: { name: 'x' } })).statusCode).toBe(404);
    expect((await call(t, { method: 'DELETE', url: `/api/v1/favorites/folders/${myFolder.id}`, headers: colleague.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'GET', url: `/api/v1/favorites?folder=${myFolder.id}`, headers: colleague.headers })).statusCode).toBe(404);
    // Saving into someone else's folder is refused.
    expect((await save(colleague, { type: 'product', productId: p.id, folderId: myFolder.id })).statusCode).toBe(404);
    const status = await call(t, { method: 'GET', url: `/api/v1/favorites/status?productIds=${p.id}`, headers: colleague.headers });
    expect(status.json()).toEqual({ products: [], suppliers: [] });
    expect((await call(t, { method: 'GET', url: '/api/v1/favorites' })).statusCode).toBe(401);
    expect((await list(me)).items.map((f) => f.note)).toEqual(['私人备注']);
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = (await call(t, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/api/v1/favorites'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/favorites/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(doc.paths['/api/v1/favorites/folders/{id}'] ?? {}).sort()).toEqual(['delete', 'patch']);
    expect(doc.paths['/api/v1/favorites/status']).toHaveProperty('get');
    expect(doc.paths['/api/v1/companies/{id}/favorite-stats']).toHaveProperty('get');
  });

  it('answers bad input with problem+json', async () => {
    const buyer = await registerUser(t);
    const en = { ...buyer.headers, 'accept-language': 'en-US' };
    const bad = await call(t, { method: 'POST', url: '/api/v1/favorites', headers: en, payload: { type: 'product', companyId: seller.company.id } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^body/) })]) });

    const unknown = await save(buyer, { type: 'product', productId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'FAVORITE_PRODUCT_NOT_FOUND' });

    const draft = await createProduct(t, seller.owner, categoryId);
    expect((await save(buyer, { type: 'product', productId: draft.id })).json()).toMatchObject({ code: 'FAVORITE_PRODUCT_NOT_FOUND' });

    const buyerCo = await createCompany(t, buyer, { companyType: 'buyer' });
    const notSupplier = await call(t, { method: 'POST', url: '/api/v1/favorites', headers: en, payload: { type: 'supplier', companyId: buyerCo.id } });
    expect(notSupplier.statusCode).toBe(422);
    expect(notSupplier.json()).toMatchObject({ code: 'FAVORITE_NOT_A_SUPPLIER' });

    const alerts = await call(t, { method: 'POST', url: '/api/v1/favorites', headers: en, payload: { type: 'supplier', companyId: seller.company.id, alerts: { priceDrop: true } } });
    expect(alerts.statusCode).toBe(422);
    expect(alerts.json()).toMatchObject({ code: 'FAVORITE_INPUT_INVALID', errors: [{ path: 'body.alerts' }] });

    const p = await product();
    const tooMany = await save(buyer, { type: 'product', productId: p.id, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'FAVORITE_INPUT_INVALID', errors: [{ path: 'body.tags' }] });

    expect((await call(t, { method: 'GET', url: '/api/v1/favorites/status?productIds=nope', headers: buyer.headers })).statusCode).toBe(400);
    expect((await call(t, { method: 'GET', url: '/api/v1/favorites?cursor=zzz', headers: buyer.headers })).json()).toMatchObject({ code: 'INVALID_CURSOR' });
    expect((await call(t, { method: 'POST', url: '/api/v1/favorites/folders', headers: buyer.headers, payload: { name: '   ' } })).statusCode).toBe(400);
    expect((await call(t, { method: 'GET', url: `/api/v1/favorites/folders`, headers: {} })).statusCode).toBe(401);
  });
});
