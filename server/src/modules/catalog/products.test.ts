import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { buildProductInput, categoryIdOf, createProduct, createSupplier, publishProduct, uploadProductImage, type ProductJson } from '../../testing/catalog-factories.js';

let t: TestApp;
let ops: Record<string, string>;
let hotRolled: string;
let tshirts: string;
let copyPaper: string;
beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
  hotRolled = await categoryIdOf(t, 'steel.plate.hot_rolled');
  tshirts = await categoryIdOf(t, 'textiles.apparel.tshirts');
  copyPaper = await categoryIdOf(t, 'office.stationery.paper');
});
afterAll(async () => {
  await t.close();
});

type Problem = { code: string; detail: string; errors?: Array<{ path: string; message: string }> };
const post = (user: TestUser | null, url: string, payload?: unknown, extra: Record<string, string> = {}) =>
  call(t, { method: 'POST', url, headers: { ...(user?.headers ?? {}), ...extra }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
const patch = (user: TestUser, id: string, payload: unknown, extra: Record<string, string> = {}) =>
  call(t, { method: 'PATCH', url: `/api/v1/products/${id}`, headers: { ...user.headers, ...extra }, payload: payload as Record<string, unknown> });
const get = (id: string, user?: TestUser) => call(t, { method: 'GET', url: `/api/v1/products/${id}`, headers: user?.headers ?? {} });
const eventTypes = async (productId: string) =>
  (await t.database.db.selectFrom('events').select('type').where('subject_id', '=', productId).where('subject_type', '=', 'product').orderBy('id').execute()).map((e) => e.type);

describe('products', () => {
  it('a supplier creates a draft with SKUs, tiers and images; the view carries the category path, cover and thumbnails', async () => {
    const { owner, company } = await createSupplier(t, { province: '440000' });
    const images = [await uploadProductImage(t, owner), await uploadProductImage(t, owner)];
    const product = await createProduct(t, owner, hotRolled, { imageIds: images, sample: { unitPrice: 50_000, maxQuantity: 1 } });
    expect(product).toMatchObject({
      companyId: company.id, categoryId: hotRolled, status: 'draft', takedown: null, moq: 5, unit: 'ton', leadTimeDays: 3, currency: 'CNY',
      dispatchProvince: '320000', origin: '江苏张家港', sample: { unitPrice: 50_000, maxQuantity: 1 }, publishedAt: null,
      attributes: { thickness: 10, width: 1500, standard: 'GB/T 3274' },
    });
    expect(product.categoryPath.map((p) => p.nameEn)).toEqual(['Steel & metals', 'Plate & coil', 'Hot-rolled plate']);
    expect(product.images.map((i) => i.fileId)).toEqual(images);
    expect(product.images[0]).toEqual({ fileId: images[0], url: `/api/v1/files/${images[0]}`, thumbnails: { 160: `/api/v1/files/${images[0]}?size=160`, 400: `/api/v1/files/${images[0]}?size=400`, 800: `/api/v1/files/${images[0]}?size=800` } });
    expect(product.skus.map((s) => [s.code, s.attributes, s.stock, s.priceTiers?.[0]?.unitPrice ?? null])).toEqual([
      ['HR-Q235B-10', { grade: 'Q235B' }, 500, null], ['HR-Q355B-10', { grade: 'Q355B' }, 200, 445_000],
    ]);
    expect((await get(product.id, owner)).json()).toEqual(product);
    expect(await eventTypes(product.id)).toEqual(['product.created']);
    const event = await t.database.db.selectFrom('events').select(['company_id', 'payload']).where('subject_id', '=', product.id).executeTakeFirstOrThrow();
    expect(event).toEqual({ company_id: company.id, payload: { productId: product.id } });

    // The dispatch province defaults to the company's.
    const defaulted = await createProduct(t, owner, hotRolled, { dispatchProvince: undefined });
    expect(defaulted.dispatchProvince).toBe('440000');
  });

  it('attribute values are checked against the template, each problem named by its field in the reader’s language', async () => {
    const { owner } = await createSupplier(t);
    const res = await post(owner, '/api/v1/products', buildProductInput(hotRolled, {
      attributes: { thickness: '10', width: [1500, 1250], surface: 'painted', origin_mill: '', supply_mode: true, grade: 'Q235B', colour: 'red' },
    }), { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(422);
    const body = res.json<Problem>();
    expect(body.code).toBe('PRODUCT_INVALID');
    expect(body.detail).toBe('商品信息有 7 处问题,请查看明细。');
    expect(body.errors!.map((e) => e.path).sort()).toEqual([
      'body.attributes.colour', 'body.attributes.grade', 'body.attributes.origin_mill', 'body.attributes.supply_mode', 'body.attributes.surface', 'body.attributes.thickness', 'body.attributes.width',
    ]);
    const message = (path: string) => body.errors!.find((e) => e.path === path)!.message;
    expect(message('body.attributes.thickness')).toBe('「厚度」必须是数字 (mm)');
    expect(message('body.attributes.surface')).toContain('「表面」必须是以下之一');
    expect(message('body.attributes.grade')).toContain('按规格(SKU)设置');
    const en = await post(owner, '/api/v1/products', buildProductInput(hotRolled, { attributes: { width: 'wide', length: [1, 2] } }));
    expect(en.json<Problem>().errors).toEqual([
      { path: 'body.attributes.width', message: 'Width must be a number (mm)' },
      { path: 'body.attributes.length', message: 'Length must be a number (mm)' },
    ]);
    const welded = await categoryIdOf(t, 'steel.pipe.welded');
    const flag = await post(owner, '/api/v1/products', buildProductInput(welded, { attributes: { outer_diameter: 48.3, wall_thickness: 3.5, galvanized: 'yes' }, skus: undefined, stock: 100 }));
    expect(flag.json<Problem>().errors).toEqual([{ path: 'body.attributes.galvanized', message: 'Galvanized must be true or false' }]);
    expect((await post(owner, '/api/v1/products', buildProductInput(welded, { attributes: { galvanized: true }, skus: undefined, stock: 100 }))).statusCode).toBe(201);
    // A range accepts [min, max] with min ≤ max.
    const coil = await categoryIdOf(t, 'steel.plate.cold_rolled');
    const ok = await post(owner, '/api/v1/products', buildProductInput(coil, { attributes: { thickness: 1, width: 1250, coil_weight: [20, 25] }, skus: [{ attributes: { grade: 'SPCC' }, stock: 80 }] }));
    expect(ok.statusCode).toBe(201);
    const bad = await post(owner, '/api/v1/products', buildProductInput(coil, { attributes: { coil_weight: [25, 20] }, skus: [{ attributes: { grade: 'SPCC' }, stock: 80 }] }));
    expect(bad.json<Problem>().errors).toEqual([{ path: 'body.attributes.coil_weight', message: 'Coil weight must be [min, max] with min ≤ max (t)' }]);
    // Shapes zod refuses outright are the same problem, with the same path style and sentences naming the field, not zod's wording.
    const shape = await post(owner, '/api/v1/products', buildProductInput(hotRolled, { unit: 'barrel', leadTimeDays: 400, moq: 0 }));
    expect(shape.statusCode).toBe(422);
    expect(shape.json<Problem>().code).toBe('PRODUCT_INVALID');
    expect(shape.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.leadTimeDays', 'body.moq', 'body.unit']);
    const byPath = (p: Problem) => Object.fromEntries(p.errors!.map((e) => [e.path, e.message]));
    expect(byPath(shape.json<Problem>())).toEqual({
      'body.unit': 'Unit must be one of: ton, kg, piece, box, meter, square_meter, set, roll, pair, bag, sheet, liter',
      'body.leadTimeDays': 'Lead time (days) must be at most 365',
      'body.moq': 'MOQ must be more than 0',
    });
    const zh = await post(owner, '/api/v1/products', { ...buildProductInput(hotRolled, { titleZh: '钢', moq: 'five' }), colour: 'red' }, { 'accept-language': 'zh-CN' });
    expect(zh.json<Problem>().detail).toBe('商品信息有 3 处问题,请查看明细。');
    expect(byPath(zh.json<Problem>())).toEqual({
      'body.titleZh': '「中文标题」至少 2 个字',
      'body.moq': '「起订量」必须是数字',
      body: '商品信息含有不认识的字段:colour',
    });
  });

  it('tiers must start at the MOQ, strictly ascend without overlap and never get dearer, for the product and each SKU override', async () => {
    const { owner } = await createSupplier(t);
    const res = await post(owner, '/api/v1/products', buildProductInput(hotRolled, {
      moq: 5,
      priceTiers: [{ minQuantity: 3, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }, { minQuantity: 20, unitPrice: 400_000 }, { minQuantity: 10, unitPrice: 415_000 }],
      skus: [{ attributes: { grade: 'Q235B' }, stock: 10 }, { attributes: { grade: 'Q355B' }, stock: 10, priceTiers: [{ minQuantity: 5, unitPrice: 400_000 }, { minQuantity: 50, unitPrice: 450_000 }] }],
    }));
    expect(res.statusCode).toBe(422);
    expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual([
      'body.priceTiers.0.minQuantity', 'body.priceTiers.2.minQuantity', 'body.priceTiers.3.minQuantity', 'body.priceTiers.3.unitPrice', 'body.skus.1.priceTiers.1.unitPrice',
    ]);
    expect(res.json<Problem>().errors![0]!.message).toBe('the first tier must start at the MOQ (5)');
    const empty = await post(owner, '/api/v1/products', buildProductInput(hotRolled, { priceTiers: [] }));
    expect(empty.statusCode).toBe(422);
    expect(empty.json<Problem>().errors).toEqual([{ path: 'body.priceTiers', message: 'Price tiers needs at least 1 item(s)' }]);
  });

  it('SKUs come from the SKU-defining attributes: generated as a grid, checked, keeping their ids and stock across edits', async () => {
    const { owner } = await createSupplier(t);
    const grid = await createProduct(t, owner, tshirts, {
      titleZh: '纯棉圆领T恤 180g 工厂批发', attributes: { fabric_weight: 180, neckline: 'crew', gender: 'unisex' },
      skus: undefined, skuOptions: { size: ['M', 'L', 'XL'], color: ['white', 'black'] }, stock: 1000, moq: 50, unit: 'piece', priceTiers: [{ minQuantity: 50, unitPrice: 1_850 }, { minQuantity: 500, unitPrice: 1_590 }],
    });
    expect(grid.skus).toHaveLength(6);
    expect(grid.skus.map((s) => `${s.attributes.size}/${s.attributes.color}:${s.stock}`)).toEqual(['M/white:1000', 'M/black:1000', 'L/white:1000', 'L/black:1000', 'XL/white:1000', 'XL/black:1000']);

    // Replacing the list: the same combination keeps its id; a new one gets a fresh id; a dropped one is gone.
    const edited = await patch(owner, grid.id, { skus: [{ attributes: { size: 'M', color: 'white' }, stock: 120 }, { id: grid.skus[1]!.id, attributes: { size: 'M', color: 'black' }, stock: 0 }, { attributes: { size: 'S', color: 'white' }, stock: 40 }] });
    expect(edited.statusCode).toBe(200);
    const skus = edited.json<ProductJson>().skus;
    expect(skus.map((s) => [s.id, s.stock])).toEqual([[grid.skus[0]!.id, 120], [grid.skus[1]!.id, 0], [expect.not.stringMatching(new RegExp(grid.skus.map((s) => s.id).join('|'))), 40]]);

    const refused = await patch(owner, grid.id, { skus: [{ attributes: { size: 'M', color: 'white' }, stock: 1 }, { attributes: { size: 'M' }, stock: 1 }, { attributes: { size: 'M', color: 'purple' }, stock: 1 }, { attributes: { size: 'M', color: 'white' }, stock: 1 }, { id: '0190c0de-0000-7000-8000-000000000000', attributes: { size: 'L', color: 'white' }, stock: 1 }] });
    expect(refused.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.skus.1.attributes', 'body.skus.2.attributes.color', 'body.skus.3.attributes', 'body.skus.4.id']);
    const negative = await patch(owner, grid.id, { skus: [{ attributes: { size: 'M', color: 'white' }, stock: -1 }] }, { 'accept-language': 'zh-CN' });
    expect(negative.statusCode).toBe(422);
    expect(negative.json<Problem>().errors).toEqual([{ path: 'body.skus.0.stock', message: '「第 1 个规格的库存」不能小于 0' }]);
    expect((await patch(owner, grid.id, { stock: 5 })).json<Problem>().errors![0]!.path).toBe('body.stock');

    // Without SKU-defining attributes in use, a product has exactly one SKU; its stock is edited directly.
    const paper = await createProduct(t, owner, copyPaper, {
      titleZh: 'A4 复印纸 70g 500张/包', attributes: { sheets_per_ream: 500 }, skus: [{ attributes: { paper_size: 'A4', paper_weight: '70g' }, stock: 800 }], moq: 10, unit: 'box', priceTiers: [{ minQuantity: 10, unitPrice: 11_500 }],
    });
    expect(paper.skus).toHaveLength(1);
    const mill = await categoryIdOf(t, 'textiles.trims.labels');
    const single = await createProduct(t, owner, mill, { titleZh: '织唛领标 定制', attributes: { label_type: 'woven' }, skus: undefined, stock: 20_000, moq: 1000, unit: 'piece', priceTiers: [{ minQuantity: 1000, unitPrice: 12 }] });
    expect(single.skus).toEqual([{ id: expect.any(String), code: null, attributes: {}, stock: 20_000, priceTiers: null }]);
    const restocked = (await patch(owner, single.id, { stock: 15_000.5 })).json<ProductJson>();
    expect(restocked.skus).toEqual([{ ...single.skus[0], stock: 15_000.5 }]);
    const two = await patch(owner, single.id, { skus: [{ attributes: {}, stock: 1 }, { attributes: {}, stock: 2 }] });
    expect(two.json<Problem>().errors![0]!.message).toContain('exactly one SKU');
  });

  it('products only go into leaf categories, with known provinces and the company’s own product images', async () => {
    const { owner } = await createSupplier(t);
    const other = await createSupplier(t);
    const foreignImage = await uploadProductImage(t, other.owner);
    const boundary = '----tsattach';
    const attachment = await call(t, {
      method: 'POST', url: '/api/v1/files?purpose=attachment', headers: { ...owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--${boundary}--\r\n`)]),
    });
    const attachmentId = attachment.json<{ id: string }>().id;
    const mine = await uploadProductImage(t, owner);
    const res = await post(owner, '/api/v1/products', buildProductInput(await categoryIdOf(t, 'steel.plate'), { dispatchProvince: '999999', imageIds: [mine, foreignImage, attachmentId, mine] }));
    expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.categoryId', 'body.dispatchProvince', 'body.imageIds.1', 'body.imageIds.2', 'body.imageIds.3']);
    const eleven = await post(owner, '/api/v1/products', buildProductInput(hotRolled, { imageIds: Array.from({ length: 11 }, () => mine) }));
    expect(eleven.statusCode).toBe(422);
    expect(eleven.json<Problem>().errors).toEqual([{ path: 'body.imageIds', message: 'Images may have at most 10 items' }]);
  });

  it('required attributes are enforced on publishing, not on a draft; a published product must stay complete', async () => {
    const { owner } = await createSupplier(t);
    const draft = await createProduct(t, owner, hotRolled, { attributes: { width: 1500 }, skus: [{ attributes: {}, stock: 10 }] });
    const refused = await post(owner, `/api/v1/products/${draft.id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().errors!.map((e) => e.path)).toEqual(['product.attributes.thickness', 'product.skus.0.attributes.grade']);
    await patch(owner, draft.id, { attributes: { width: 1500, thickness: 12 }, skus: [{ attributes: { grade: 'Q235B' }, stock: 10 }] });
    const published = await publishProduct(t, owner, draft.id);
    expect(published.status).toBe('published');
    const incomplete = await patch(owner, draft.id, { attributes: { width: 1500 } });
    expect(incomplete.json<Problem>().errors).toEqual([{ path: 'body.attributes.thickness', message: 'Thickness is required' }]);
  });

  it('lifecycle: draft → published → delisted → published; a takedown reason reaches the seller and republishing clears it', async () => {
    const { owner } = await createSupplier(t);
    const product = await createProduct(t, owner, hotRolled);
    const published = await publishProduct(t, owner, product.id);
    expect(published.publishedAt).toEqual(expect.any(String));
    expect((await post(owner, `/api/v1/products/${product.id}/publish`)).json()).toMatchObject({ code: 'PRODUCT_ALREADY_PUBLISHED' });
    expect((await call(t, { method: 'DELETE', url: `/api/v1/products/${product.id}`, headers: owner.headers })).json()).toMatchObject({ code: 'PRODUCT_DELETE_PUBLISHED' });

    const delisted = await post(owner, `/api/v1/products/${product.id}/delist`);
    expect(delisted.json()).toMatchObject({ status: 'delisted', takedown: null });
    expect((await post(owner, `/api/v1/products/${product.id}/delist`)).json()).toMatchObject({ code: 'PRODUCT_NOT_PUBLISHED' });
    expect((await get(product.id)).statusCode).toBe(404);
    await publishProduct(t, owner, product.id);

    const { owner: seller } = await createSupplier(t);
    expect((await post(seller, `/api/v1/admin/products/${product.id}/takedown`, { reason: '标题含夸大宣传用语' })).statusCode).toBe(403);
    const takenDown = await post(null, `/api/v1/admin/products/${product.id}/takedown`, { reason: '标题含夸大宣传用语' }, ops);
    expect(takenDown.json()).toMatchObject({ status: 'delisted', takedown: { reason: '标题含夸大宣传用语', at: expect.any(String) } });
    const seen = (await get(product.id, owner)).json<ProductJson>();
    expect(seen.takedown?.reason).toBe('标题含夸大宣传用语');
    const list = (await call(t, { method: 'GET', url: `/api/v1/companies/${product.companyId}/products?status=delisted`, headers: owner.headers })).json<{ items: ProductJson[] }>();
    expect(list.items[0]!.takedown?.reason).toBe('标题含夸大宣传用语');

    await patch(owner, product.id, { titleZh: '热轧钢板 Q235B 10mm 沙钢现货(已修改)' });
    const again = await publishProduct(t, owner, product.id);
    expect(again.takedown).toBeNull();
    expect(again.publishedAt).toBe(published.publishedAt);

    await post(owner, `/api/v1/products/${product.id}/delist`);
    expect((await call(t, { method: 'DELETE', url: `/api/v1/products/${product.id}`, headers: owner.headers })).json()).toEqual({ ok: true });
    expect((await get(product.id, owner)).statusCode).toBe(404);
    expect(await eventTypes(product.id)).toEqual([
      'product.created', 'product.published', 'product.delisted', 'product.published', 'product.taken_down', 'product.updated', 'product.published', 'product.delisted', 'product.deleted',
    ]);
  });

  it('only owners, admins and sales of supplier companies list products', async () => {
    const { owner, company } = await createSupplier(t);
    const sales = await addMember(t, owner, company.id, 'sales');
    const purchaser = await addMember(t, owner, company.id, 'purchaser');
    await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: sales.headers, payload: { companyId: company.id } });
    await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: purchaser.headers, payload: { companyId: company.id } });
    expect((await post(sales, '/api/v1/products', buildProductInput(hotRolled))).statusCode).toBe(201);
    expect((await post(purchaser, '/api/v1/products', buildProductInput(hotRolled))).statusCode).toBe(403);

    const buyer = await registerUser(t);
    await createCompany(t, buyer, { companyType: 'buyer' });
    expect((await post(buyer, '/api/v1/products', buildProductInput(hotRolled))).json()).toMatchObject({ code: 'SUPPLIER_ONLY' });
    expect((await post(null, '/api/v1/products', buildProductInput(hotRolled))).statusCode).toBe(401);
    const loner = await registerUser(t);
    expect((await post(loner, '/api/v1/products', buildProductInput(hotRolled))).json()).toMatchObject({ code: 'ACTIVE_COMPANY_REQUIRED' });
  });

  it('another company cannot see drafts nor change anything; it sees published products only', async () => {
    const { owner, company } = await createSupplier(t);
    const draft = await createProduct(t, owner, hotRolled);
    const live = await createProduct(t, owner, hotRolled, { titleZh: '热轧卷板 Q355B 现货' });
    await publishProduct(t, owner, live.id);
    const { owner: rival } = await createSupplier(t);

    expect((await get(draft.id, rival)).statusCode).toBe(404);
    expect((await get(draft.id)).statusCode).toBe(404);
    expect((await get(live.id)).statusCode).toBe(200);
    expect((await call(t, { method: 'GET', url: `/api/v1/products/${draft.id}`, headers: ops })).statusCode).toBe(200);
    expect((await patch(rival, live.id, { titleZh: '抢来的' })).statusCode).toBe(403);
    expect((await patch(rival, draft.id, { titleZh: '抢来的' })).statusCode).toBe(404);
    expect((await post(rival, `/api/v1/products/${live.id}/delist`)).statusCode).toBe(403);
    expect((await post(rival, `/api/v1/products/${draft.id}/publish`)).statusCode).toBe(404);
    expect((await call(t, { method: 'DELETE', url: `/api/v1/products/${live.id}`, headers: rival.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/products/${draft.id}/price`, headers: rival.headers })).statusCode).toBe(404);
    const bulk = (await post(rival, '/api/v1/products/bulk', { ids: [live.id, draft.id], action: 'delist' })).json<{ results: Array<{ ok: boolean; code: string }> }>();
    expect(bulk.results.map((r) => [r.ok, r.code])).toEqual([[false, 'FORBIDDEN'], [false, 'PRODUCT_NOT_FOUND']]);

    const theirs = (await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/products`, headers: rival.headers })).json<{ items: ProductJson[] }>();
    expect(theirs.items.map((p) => p.id)).toEqual([live.id]);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/products?status=draft` })).json()).toEqual({ items: [], nextCursor: null });
    const own = (await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/products`, headers: owner.headers })).json<{ items: ProductJson[] }>();
    expect(own.items.map((p) => p.id)).toEqual([live.id, draft.id]);
  });

  it('the publishing limit of the membership holds, also for publishes racing for the last places', async () => {
    const { owner } = await createSupplier(t);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await createProduct(t, owner, hotRolled, { titleZh: `热轧钢板 第 ${i + 1} 款` })).id);
    // The free tier allows 20 (FREE_LIMITS in trustpass).
    const bulk = (await post(owner, '/api/v1/products/bulk', { ids: ids.slice(0, 16), action: 'publish' })).json<{ results: Array<{ ok: boolean; status: string }> }>();
    expect(bulk.results.every((r) => r.ok && r.status === 'published')).toBe(true);

    // Eight publishes at once for the last four places: exactly four go through.
    const race = await Promise.all(ids.slice(16, 24).map((id) => post(owner, `/api/v1/products/${id}/publish`)));
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 409, 409, 409, 409]);
    const refused = race.find((r) => r.statusCode === 409)!.json<Problem>();
    expect(refused.code).toBe('PUBLISH_LIMIT_REACHED');
    expect(refused.detail).toContain('20');
    const zh = await post(owner, `/api/v1/products/${ids[24]}/publish`, undefined, { 'accept-language': 'zh-CN' });
    expect(zh.json<Problem>().detail).toBe('您的会员最多可上架 20 个商品,已达上限;请先下架部分商品或升级诚信通。');
    const published = await t.modules.catalog.products.publishedIdsAfter(null, 1000);
    expect(ids.filter((id) => published.includes(id))).toHaveLength(20);

    // Delisting frees a place; bulk results say which ones did not go through.
    await post(owner, `/api/v1/products/${ids[0]}/delist`);
    const waiting = ids.filter((id) => !published.includes(id)).slice(0, 2);
    const rest = (await post(owner, '/api/v1/products/bulk', { ids: waiting, action: 'publish' })).json<{ results: Array<{ ok: boolean; code: string | null }> }>();
    expect(rest.results.map((r) => [r.ok, r.code])).toEqual([[true, null], [false, 'PUBLISH_LIMIT_REACHED']]);
  });

  it('a company’s list filters by status, words of the title and category subtree, and pages with a cursor', async () => {
    const { owner, company } = await createSupplier(t);
    const plates = [];
    for (let i = 0; i < 3; i++) plates.push(await createProduct(t, owner, hotRolled, { titleZh: `热轧钢板 批次${i}` }));
    const paper = await createProduct(t, owner, copyPaper, { titleZh: 'A4复印纸 70g', titleEn: 'A4 copy paper', attributes: {}, skus: [{ attributes: { paper_size: 'A4', paper_weight: '70g' }, stock: 10 }], moq: 1, unit: 'box', priceTiers: [{ minQuantity: 1, unitPrice: 11_500 }] });
    await publishProduct(t, owner, plates[0]!.id);
    const list = async (query: string) => (await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/products?${query}`, headers: owner.headers })).json<{ items: Array<ProductJson & { skuCount: number; totalStock: number }>; nextCursor: string | null }>();
    expect((await list('status=published')).items.map((p) => p.id)).toEqual([plates[0]!.id]);
    expect((await list('q=copy')).items.map((p) => p.id)).toEqual([paper.id]);
    expect((await list('q=%E6%89%B9%E6%AC%A1')).items).toHaveLength(3); // 批次
    expect((await list(`categoryId=${await categoryIdOf(t, 'steel')}`)).items).toHaveLength(3);
    const first = await list('limit=2');
    expect(first.items.map((p) => p.id)).toEqual([paper.id, plates[2]!.id]);
    expect(first.items[1]).toMatchObject({ skuCount: 2, totalStock: 700, moq: 5, unit: 'ton', coverUrl: null });
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((p) => p.id)).toEqual([plates[1]!.id, plates[0]!.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('search and storefront read index views, summaries and published ids in a fixed number of queries', async () => {
    const { owner } = await createSupplier(t);
    const image = await uploadProductImage(t, owner);
    const product = await createProduct(t, owner, hotRolled, { imageIds: [image] });
    await publishProduct(t, owner, product.id);
    const { products } = t.modules.catalog;
    const [view] = await products.indexViews([product.id, '0190c0de-0000-7000-8000-000000000000']);
    expect(view).toMatchObject({
      id: product.id, status: 'published', categoryPathIds: product.categoryPath.map((p) => p.id), categoryNamesZh: ['钢铁冶金', '板材', '热轧板'],
      skuAttributeValues: { grade: ['Q235B', 'Q355B'] }, totalStock: 700, imageCount: 1, coverUrl: `/api/v1/files/${image}`, dispatchProvince: '320000',
      priceTiers: [{ minQuantity: 5, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }, { minQuantity: 100, unitPrice: 398_000 }],
      publishedAt: expect.any(String), updatedAt: expect.any(String),
    });
    expect(view!.attributeLabels).toEqual(expect.arrayContaining([
      { key: 'thickness', zh: '厚度', en: 'Thickness', valueZh: '10 mm', valueEn: '10 mm', filterable: true },
      { key: 'grade', zh: '牌号', en: 'Grade', valueZh: 'Q235B、Q355B', valueEn: 'Q235B, Q355B', filterable: true },
      { key: 'supply_mode', zh: '供货方式', en: 'Supply', valueZh: '现货', valueEn: 'Spot stock', filterable: true },
    ]));
    expect(view!.completeness).toBeGreaterThan(0.5);
    expect(view!.completeness).toBeLessThan(1);
    const [summary] = await products.summaries([product.id]);
    expect(summary).toEqual({
      id: product.id, companyId: product.companyId, titleZh: product.titleZh, titleEn: product.titleEn, coverUrl: `/api/v1/files/${image}`,
      thumbnails: product.images[0]!.thumbnails, priceTiers: view!.priceTiers, moq: 5, unit: 'ton', status: 'published',
    });
    const tree = await t.modules.catalog.categories.tree();
    expect(tree).toHaveLength(8);

    const more: string[] = [];
    for (let i = 0; i < 6; i++) more.push((await createProduct(t, owner, i % 2 ? hotRolled : copyPaper, i % 2 ? {} : { attributes: {}, skus: [{ attributes: { paper_size: 'A3', paper_weight: '80g' }, stock: 5 }], moq: 1, unit: 'box', priceTiers: [{ minQuantity: 1, unitPrice: 20_000 }] })).id);
    const one = await t.database.countQueries(() => products.indexViews([product.id]));
    const seven = await t.database.countQueries(() => products.indexViews([product.id, ...more]));
    expect(seven.result).toHaveLength(7);
    expect(seven.queries).toBe(one.queries);
    expect((await t.database.countQueries(() => products.summaries([product.id, ...more]))).queries).toBe((await t.database.countQueries(() => products.summaries([product.id]))).queries);
  });

  it('GET /products/{id} takes the same number of queries for one SKU as for forty-eight', async () => {
    const { owner } = await createSupplier(t);
    const base = { titleZh: '纯棉T恤', attributes: { fabric_weight: 200 }, moq: 100, unit: 'piece', priceTiers: [{ minQuantity: 100, unitPrice: 2_000 }], stock: 50 };
    const one = await createProduct(t, owner, tshirts, { ...base, skus: [{ attributes: { size: 'M', color: 'white' }, stock: 5 }] });
    const many = await createProduct(t, owner, tshirts, { ...base, skus: undefined, skuOptions: { size: ['S', 'M', 'L', 'XL', 'XXL', '3XL'], color: ['white', 'black', 'grey', 'navy', 'red', 'blue', 'green', 'beige'] } });
    expect(many.skus).toHaveLength(48);
    await publishProduct(t, owner, one.id);
    await publishProduct(t, owner, many.id);
    const small = await t.database.countQueries(() => get(one.id));
    const large = await t.database.countQueries(() => get(many.id));
    expect(small.result.statusCode).toBe(200);
    expect(large.result.json<ProductJson>().skus).toHaveLength(48);
    expect(large.queries).toBe(small.queries);
    expect(small.queries).toBeLessThanOrEqual(4);
  });
});
