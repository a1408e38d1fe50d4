import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, createVerifiedCompany, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier, publishProduct, type ProductJson } from '../../testing/catalog-factories.js';
import { unitPriceAt } from './service.js';

let t: TestApp;
let categoryId: string;
let seller: { owner: TestUser; company: { id: string; legalName: string } };

beforeAll(async () => {
  t = await createTestApp();
  categoryId = await categoryIdOf(t, 'steel.plate.hot_rolled');
  seller = await createSupplier(t, { nameEn: 'Zhangjiagang List Steel Co., Ltd.' });
});
afterAll(async () => {
  await t.close();
});

interface Item {
  id: string; productId: string; skuId: string; title: string; skuLabel: string; skuLabelEn: string; unit: string; quantity: number; productQuantity: number;
  moq: number | null; stock: number | null; unitPrice: number | null; lineTotal: number | null; addedPrice: number | null; priceChanged: boolean;
  selected: boolean; problems: string[];
}
interface Group { supplier: { id: string; name: string; grade: string | null; verified: boolean }; items: Item[]; subtotal: number; selectedCount: number; orderable: boolean }
interface List { companyId: string; groups: Group[]; total: number; count: number; selectedCount: number }

/**
 * A published plate with two SKUs: Q235B (stock 500) on the product's tiers ¥4,200 from 5 t, ¥4,100 from 20 t,
 * ¥3,980 from 100 t; Q355B (stock 200) on its own tiers ¥4,450 from 5 t, ¥4,300 from 50 t. MOQ 5 t.
 */
async function product(owner = seller.owner, overrides: Record<string, unknown> = {}): Promise<ProductJson> {
  const p = await createProduct(t, owner, categoryId, overrides);
  return publishProduct(t, owner, p.id);
}

async function buyerCompany(): Promise<{ owner: TestUser; companyId: string }> {
  const owner = await registerUser(t);
  const company = await createCompany(t, owner, { companyType: 'buyer', legalName: `上海采购贸易有限公司 ${Math.random().toString(36).slice(2, 8)}` });
  return { owner, companyId: company.id };
}

const add = (u: TestUser, companyId: string, skuId: string, quantity: number, locale = 'zh-CN') =>
  call(t, { method: 'POST', url: '/api/v1/purchase-list/items', headers: { ...u.headers, 'accept-language': locale }, payload: { companyId, skuId, quantity } });
const list = async (u: TestUser, companyId: string): Promise<List> => {
  const res = await call(t, { method: 'GET', url: `/api/v1/purchase-list?companyId=${companyId}`, headers: u.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<List>();
};
const patch = (u: TestUser, id: string, body: Record<string, unknown>) => call(t, { method: 'PATCH', url: `/api/v1/purchase-list/items/${id}`, headers: { ...u.headers, 'accept-language': 'en-US' }, payload: body });
const items = (l: List) => l.groups.flatMap((g) => g.items);
const skuOf = (p: ProductJson, code: string) => p.skus.find((s) => s.code === code)!.id;

describe('purchase list', () => {
  it('rule: a quantity below the first tier is priced at the first tier', () => {
    const tiers = [{ minQuantity: 5, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }];
    expect(unitPriceAt(tiers, 2)).toBe(420_000);
    expect(unitPriceAt(tiers, 20)).toBe(410_000);
    expect(unitPriceAt([], 3)).toBeNull();
  });

  it("prices each product at the tier of its total quantity across SKUs, a SKU's own tiers first, grouped by supplier", async () => {
    const buyer = await buyerCompany();
    const p = await product();
    const other = await createSupplier(t);
    const q = await product(other.owner, { skus: [{ code: 'OTHER-1', attributes: { grade: 'Q235B' }, stock: 80 }] });

    const first = await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 12);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ created: true, count: 1, item: { quantity: 12, selected: true } });
    expect((await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q355B-10'), 10)).statusCode).toBe(201);
    expect((await add(buyer.owner, buyer.companyId, skuOf(q, 'OTHER-1'), 6)).statusCode).toBe(201);

    const l = await list(buyer.owner, buyer.companyId);
    expect(l.count).toBe(3);
    // The newest supplier's group first.
    expect(l.groups.map((g) => g.supplier.id)).toEqual([other.company.id, seller.company.id]);
    expect(l.groups[1]!.supplier).toMatchObject({ name: seller.company.legalName, verified: false });
    const [q355, q235] = l.groups[1]!.items;
    // 12 + 10 = 22 t of the product: Q235B on the product tiers at 22 t (¥4,100), Q355B on its own (¥4,450 below 50 t).
    expect(q235).toMatchObject({ quantity: 12, productQuantity: 22, unitPrice: 410_000, lineTotal: 4_920_000, moq: 5, stock: 500, problems: [], unit: 'ton' });
    expect(q355).toMatchObject({ quantity: 10, productQuantity: 22, unitPrice: 445_000, lineTotal: 4_450_000, problems: [] });
    // Q235B was added at 12 t (¥4,200): the tier fell when Q355B joined.
    expect(q235).toMatchObject({ addedPrice: 420_000, priceChanged: true });
    expect(q355).toMatchObject({ addedPrice: 445_000, priceChanged: false });
    expect(l.groups[1]!.subtotal).toBe(4_920_000 + 4_450_000);
    expect(l.groups[0]!.subtotal).toBe(6 * 420_000);
    expect(l.total).toBe(4_920_000 + 4_450_000 + 6 * 420_000);
    expect(l.groups.every((g) => g.orderable)).toBe(true);
  });

  it('adds to the line already holding a SKU, and refuses to hold more than the stock with a clear problem', async () => {
    const buyer = await buyerCompany();
    const p = await product();
    const sku = skuOf(p, 'HR-Q355B-10');
    expect((await add(buyer.owner, buyer.companyId, sku, 150)).statusCode).toBe(201);
    const again = await add(buyer.owner, buyer.companyId, sku, 30);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, count: 1, item: { quantity: 180 } });

    const over = await add(buyer.owner, buyer.companyId, sku, 30, 'en-US');
    expect(over.statusCode).toBe(409);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json()).toMatchObject({ code: 'PURCHASE_LIST_ABOVE_STOCK', detail: 'Only 200 t in stock for this variant; your purchase list would hold 210 t.' });
    const zh = await add(buyer.owner, buyer.companyId, sku, 30);
    expect(zh.json<{ detail: string }>().detail).toBe('该规格库存仅 200 吨,进货单中将达到 210 吨。');

    const [line] = items(await list(buyer.owner, buyer.companyId));
    expect(line!.quantity).toBe(180);
    const raised = await patch(buyer.owner, line!.id, { quantity: 201 });
    expect(raised.statusCode).toBe(409);
    expect(raised.json()).toMatchObject({ code: 'PURCHASE_LIST_ABOVE_STOCK' });
    const ok = await patch(buyer.owner, line!.id, { quantity: 200 });
    expect(ok.statusCode).toBe(200);
    expect(items(ok.json<List>())[0]).toMatchObject({ quantity: 200, problems: [] });

    // Decimals to thousandths; not more, not zero.
    expect((await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 5.125)).statusCode).toBe(201);
    expect((await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 1.0005)).statusCode).toBe(400);
    expect((await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 0)).statusCode).toBe(400);
  });

  it('keeps lines below the MOQ, above a cut stock, or of delisted and deleted products, and shows their problems', async () => {
    const buyer = await buyerCompany();
    const p = await product();
    const gone = await product();
    const a = (await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 3)).json<{ item: { id: string } }>().item.id;
    await add(buyer.owner, buyer.companyId, skuOf(gone, 'HR-Q235B-10'), 10);

    let l = await list(buyer.owner, buyer.companyId);
    let line = items(l).find((i) => i.id === a)!;
    expect(line).toMatchObject({ quantity: 3, problems: ['below_moq'], unitPrice: 420_000, lineTotal: 1_260_000 });
    expect(l.groups[0]!.orderable).toBe(false);
    // Another SKU of the same product makes up the MOQ.
    await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q355B-10'), 2);
    line = items(await list(buyer.owner, buyer.companyId)).find((i) => i.id === a)!;
    expect(line).toMatchObject({ productQuantity: 5, problems: [] });

    // The seller cuts the stock below the line.
    const edit = await call(t, {
      method: 'PATCH', url: `/api/v1/products/${p.id}`, headers: seller.owner.headers,
      payload: { skus: p.skus.map((s) => ({ id: s.id, code: s.code, attributes: s.attributes, stock: s.code === 'HR-Q235B-10' ? 2 : s.stock, ...(s.priceTiers ? { priceTiers: s.priceTiers } : {}) })) },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    line = items(await list(buyer.owner, buyer.companyId)).find((i) => i.id === a)!;
    expect(line).toMatchObject({ stock: 2, problems: ['above_stock'] });
    // Lowering is allowed even when the stock is short.
    expect((await patch(buyer.owner, a, { quantity: 2 })).statusCode).toBe(200);

    // Delisted, then deleted: kept, unavailable, priced at nothing, out of the totals.
    expect((await call(t, { method: 'POST', url: `/api/v1/products/${gone.id}/delist`, headers: seller.owner.headers })).statusCode).toBe(200);
    l = await list(buyer.owner, buyer.companyId);
    const delisted = items(l).find((i) => i.productId === gone.id)!;
    expect(delisted).toMatchObject({ problems: ['unavailable'], unitPrice: null, lineTotal: null });
    const raise = await patch(buyer.owner, delisted.id, { quantity: 20 });
    expect(raise.json()).toMatchObject({ code: 'PURCHASE_LIST_UNAVAILABLE' });
    expect((await call(t, { method: 'DELETE', url: `/api/v1/products/${gone.id}`, headers: seller.owner.headers })).statusCode).toBeLessThan(300);
    l = await list(buyer.owner, buyer.companyId);
    expect(items(l).find((i) => i.productId === gone.id)).toMatchObject({ titleZh: gone.titleZh as string, problems: ['unavailable'] });
    expect(l.total).toBe(l.groups.reduce((s, g) => s + g.items.filter((i) => i.problems.length === 0).reduce((x, i) => x + i.lineTotal!, 0), 0));

    // Removing the unavailable lines at once.
    const removed = await call(t, { method: 'POST', url: '/api/v1/purchase-list/remove', headers: buyer.owner.headers, payload: { companyId: buyer.companyId, itemIds: [delisted.id] } });
    expect(removed.statusCode).toBe(200);
    expect(items(removed.json<List>()).some((i) => i.productId === gone.id)).toBe(false);
  });

  it('prices an unselected line as if it were added, leaves it out of the totals, and selects by supplier or all', async () => {
    const buyer = await buyerCompany();
    const p = await product();
    const a = (await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 15)).json<{ item: { id: string } }>().item.id;
    const b = (await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q355B-10'), 5)).json<{ item: { id: string } }>().item.id;
    let l = (await patch(buyer.owner, b, { selected: false })).json<List>();
    const la = items(l).find((i) => i.id === a)!;
    const lb = items(l).find((i) => i.id === b)!;
    // Selected: Q235B alone is 15 t (¥4,200); Q355B unselected is priced at 15 + 5 = 20 t on its own tiers.
    expect(la).toMatchObject({ productQuantity: 15, unitPrice: 420_000, selected: true });
    expect(lb).toMatchObject({ productQuantity: 20, unitPrice: 445_000, selected: false });
    expect(l.total).toBe(15 * 420_000);
    expect(l.selectedCount).toBe(1);

    l = (await call(t, { method: 'POST', url: '/api/v1/purchase-list/selection', headers: buyer.owner.headers, payload: { companyId: buyer.companyId, selected: true } })).json<List>();
    expect(l.selectedCount).toBe(2);
    expect(items(l).find((i) => i.id === a)).toMatchObject({ productQuantity: 20, unitPrice: 410_000 });
    l = (await call(t, { method: 'POST', url: '/api/v1/purchase-list/selection', headers: buyer.owner.headers, payload: { companyId: buyer.companyId, selected: false, supplierCompanyId: seller.company.id } })).json<List>();
    expect(l).toMatchObject({ selectedCount: 0, total: 0 });
    expect(l.groups[0]!.orderable).toBe(false);
  });

  it('keeps each user their own list per buying company, for owners, admins and purchasers only', async () => {
    const buyer = await buyerCompany();
    const p = await product();
    const purchaser = await addMember(t, buyer.owner, buyer.companyId, 'purchaser');
    const sales = await addMember(t, buyer.owner, buyer.companyId, 'sales');
    const outsider = await buyerCompany();

    const mine = (await add(purchaser, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 10)).json<{ item: { id: string } }>().item.id;
    expect((await list(purchaser, buyer.companyId)).count).toBe(1);
    // A colleague's list is their own.
    expect((await list(buyer.owner, buyer.companyId)).count).toBe(0);
    expect((await call(t, { method: 'GET', url: `/api/v1/purchase-list/count?companyId=${buyer.companyId}`, headers: purchaser.headers })).json()).toEqual({ count: 1 });

    expect((await add(sales, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 10)).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/purchase-list?companyId=${buyer.companyId}`, headers: outsider.owner.headers })).statusCode).toBe(403);
    expect((await add(outsider.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 10)).statusCode).toBe(403);
    expect((await patch(buyer.owner, mine, { quantity: 20 })).statusCode).toBe(404);
    expect((await call(t, { method: 'DELETE', url: `/api/v1/purchase-list/items/${mine}`, headers: outsider.owner.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'GET', url: `/api/v1/purchase-list?companyId=${buyer.companyId}` })).statusCode).toBe(401);

    const removed = await call(t, { method: 'DELETE', url: `/api/v1/purchase-list/items/${mine}`, headers: purchaser.headers });
    expect(removed.statusCode).toBe(200);
    expect(removed.json<List>().count).toBe(0);
  });

  it("refuses the buyer's own products, unknown SKUs and drafts", async () => {
    const buyer = await buyerCompany();
    const own = await product(seller.owner);
    const res = await add(seller.owner, seller.company.id, skuOf(own, 'HR-Q235B-10'), 10);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'PURCHASE_LIST_OWN_PRODUCT' });
    expect((await add(buyer.owner, buyer.companyId, '0190a0a0-0000-7000-8000-000000000000', 10)).json()).toMatchObject({ code: 'PURCHASE_LIST_SKU_NOT_FOUND' });
    const draft = await createProduct(t, seller.owner, categoryId);
    expect((await add(buyer.owner, buyer.companyId, skuOf(draft, 'HR-Q235B-10'), 10)).statusCode).toBe(404);
  });

  it('reads the list with the same number of queries whether it holds one line or many, from one supplier or several', async () => {
    const buyer = await buyerCompany();
    const listing = () => call(t, { method: 'GET', url: `/api/v1/purchase-list?companyId=${buyer.companyId}`, headers: buyer.owner.headers });
    const first = await product();
    await add(buyer.owner, buyer.companyId, skuOf(first, 'HR-Q235B-10'), 10);
    await listing();
    const few = await t.database.countQueries(listing);
    await add(buyer.owner, buyer.companyId, skuOf(first, 'HR-Q355B-10'), 10);
    for (let i = 0; i < 4; i++) {
      const p = await product();
      await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 10);
      await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q355B-10'), 10);
    }
    const many = await t.database.countQueries(listing);
    expect((await listing()).json<List>().count).toBe(10);
    expect(many.queries).toBe(few.queries);
    // Three more suppliers, one of them verified: their cards cost no query of their own.
    for (let i = 0; i < 3; i++) {
      const owner = i === 0 ? await registerUser(t) : (await createSupplier(t)).owner;
      if (i === 0) await createVerifiedCompany(t, owner, await operatorHeaders(t));
      const p = await product(owner);
      await add(buyer.owner, buyer.companyId, skuOf(p, 'HR-Q235B-10'), 10);
    }
    const suppliers = await t.database.countQueries(listing);
    const groups = suppliers.result.json<List>().groups;
    expect(groups).toHaveLength(4);
    expect(groups.filter((g) => g.supplier.verified)).toHaveLength(1);
    expect(suppliers.queries).toBe(few.queries);
  });

  it('writes the quantities of a stock problem with grouping (11,700), in both languages', async () => {
    const buyer = await buyerCompany();
    const p = await product(seller.owner, { skus: [{ code: `BIG-${Date.now()}`, attributes: { grade: 'Q235B' }, stock: 11_700 }] });
    const zh = await add(buyer.owner, buyer.companyId, p.skus[0]!.id, 999_999);
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toMatchObject({ code: 'PURCHASE_LIST_ABOVE_STOCK', detail: '该规格库存仅 11,700 吨,进货单中将达到 999,999 吨。' });
    const en = await add(buyer.owner, buyer.companyId, p.skus[0]!.id, 12_000.5, 'en-US');
    expect(en.json()).toMatchObject({ detail: 'Only 11,700 t in stock for this variant; your purchase list would hold 12,000.5 t.' });
  });

  it("labels SKUs by their options' names in both languages, not by the option codes", async () => {
    const buyer = await buyerCompany();
    const led = await categoryIdOf(t, 'electronics.led.smd_led');
    const p = await product(seller.owner, {
      categoryId: led, titleZh: '2835 贴片灯珠 暖白', titleEn: '2835 SMD LED, warm white', attributes: {}, unit: 'piece', moq: 1000,
      priceTiers: [{ minQuantity: 1000, unitPrice: 3 }],
      skus: [{ code: 'LED-2835-WW', attributes: { led_package: '2835', emitting_color: 'warm_white' }, stock: 100_000 }],
    });
    expect((await add(buyer.owner, buyer.companyId, p.skus[0]!.id, 2000)).statusCode).toBeLessThan(300);
    const [item] = items(await list(buyer.owner, buyer.companyId));
    expect(item).toMatchObject({ skuLabel: '2835 / 暖白', skuLabelEn: '2835 / Warm white' });
  });

  it('gives checkout the selected lines and removes what was ordered in its transaction', async () => {
    const buyer = await buyerCompany();
    const p = await product();
    const a = skuOf(p, 'HR-Q235B-10');
    const b = skuOf(p, 'HR-Q355B-10');
    await add(buyer.owner, buyer.companyId, a, 10);
    const bId = (await add(buyer.owner, buyer.companyId, b, 7.5)).json<{ item: { id: string } }>().item.id;
    const port = t.modules.purchaseList;
    expect(await port.selectedItems(buyer.owner.id, buyer.companyId)).toEqual(expect.arrayContaining([{ skuId: a, productId: p.id, quantity: 10 }, { skuId: b, productId: p.id, quantity: 7.5 }]));
    await patch(buyer.owner, bId, { selected: false });
    expect(await port.selectedItems(buyer.owner.id, buyer.companyId)).toEqual([{ skuId: a, productId: p.id, quantity: 10 }]);

    // A rolled-back checkout leaves the list as it was.
    await expect(t.database.transaction(async (trx) => {
      expect(await port.removeOrdered(trx, buyer.owner.id, buyer.companyId, [a])).toBe(1);
      throw new Error('checkout failed');
    })).rejects.toThrow('checkout failed');
    expect((await list(buyer.owner, buyer.companyId)).count).toBe(2);
    await t.database.transaction((trx) => port.removeOrdered(trx, buyer.owner.id, buyer.companyId, [a, a]));
    expect(items(await list(buyer.owner, buyer.companyId)).map((i) => i.skuId)).toEqual([b]);
  });
});
