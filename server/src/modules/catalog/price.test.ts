import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier, publishProduct, type ProductJson } from '../../testing/catalog-factories.js';

let t: TestApp;
let owner: TestUser;
let plate: ProductJson;
let labels: ProductJson;
beforeAll(async () => {
  t = await createTestApp();
  ({ owner } = await createSupplier(t));
  // Two grades: Q235B on the product's tiers (5 t, 20 t, 100 t), Q355B with its own (5 t, 50 t); 500 t and 200 t in stock.
  plate = await createProduct(t, owner, await categoryIdOf(t, 'steel.plate.hot_rolled'));
  await publishProduct(t, owner, plate.id);
  labels = await createProduct(t, owner, await categoryIdOf(t, 'textiles.trims.labels'), {
    titleZh: '织唛领标 定制', attributes: { label_type: 'woven' }, skus: undefined, stock: 12_000.5, moq: 0.5, unit: 'kg', priceTiers: [{ minQuantity: 0.5, unitPrice: 4_333 }],
  });
  await publishProduct(t, owner, labels.id);
});
afterAll(async () => {
  await t.close();
});

type Price = { productId: string; skuId: string; quantity: number; unit: string; unitPrice: number; total: number; currency: string; tier: { minQuantity: number; maxQuantity: number | null } };
type Problem = { status: number; code: string; detail: string; errors?: Array<{ path: string }> };
const price = (productId: string, query: string, headers: Record<string, string> = {}) => call(t, { method: 'GET', url: `/api/v1/products/${productId}/price?${query}`, headers });
const q235 = () => plate.skus.find((s) => s.attributes.grade === 'Q235B')!.id;
const q355 = () => plate.skus.find((s) => s.attributes.grade === 'Q355B')!.id;

describe('price at quantity', () => {
  it('each quantity gets the tier it falls in, [minQuantity, next minQuantity), with the total in fen', async () => {
    const at = async (quantity: number) => (await price(plate.id, `sku=${q235()}&quantity=${quantity}`)).json<Price>();
    expect(await at(5)).toEqual({ productId: plate.id, skuId: q235(), quantity: 5, unit: 'ton', unitPrice: 420_000, total: 2_100_000, currency: 'CNY', tier: { minQuantity: 5, maxQuantity: 20 } });
    expect(await at(19.999)).toMatchObject({ unitPrice: 420_000, total: 8_399_580, tier: { minQuantity: 5, maxQuantity: 20 } });
    expect(await at(20)).toMatchObject({ unitPrice: 410_000, total: 8_200_000, tier: { minQuantity: 20, maxQuantity: 100 } });
    expect(await at(100)).toMatchObject({ unitPrice: 398_000, total: 39_800_000, tier: { minQuantity: 100, maxQuantity: null } });
    // Without a quantity: the MOQ.
    expect((await price(plate.id, `sku=${q235()}`)).json<Price>()).toMatchObject({ quantity: 5, total: 2_100_000 });
  });

  it('decimal quantities are priced exactly, rounding the total to the fen', async () => {
    const res = await price(labels.id, 'quantity=2.5');
    expect(res.json<Price>()).toMatchObject({ quantity: 2.5, unit: 'kg', unitPrice: 4_333, total: 10_833, tier: { minQuantity: 0.5, maxQuantity: null } }); // 10832.5 → 10833
    expect((await price(labels.id, 'quantity=0.125')).statusCode).toBe(422);
    expect((await price(labels.id, 'quantity=1.2345')).statusCode).toBe(400);
  });

  it('a SKU with its own tiers is priced on them', async () => {
    expect((await price(plate.id, `sku=${q355()}&quantity=49`)).json<Price>()).toMatchObject({ unitPrice: 445_000, total: 21_805_000, tier: { minQuantity: 5, maxQuantity: 50 } });
    expect((await price(plate.id, `sku=${q355()}&quantity=50`)).json<Price>()).toMatchObject({ unitPrice: 430_000, tier: { minQuantity: 50, maxQuantity: null } });
  });

  it('below the MOQ, above the stock, or without a SKU when there are several: a problem that says why, in both languages', async () => {
    const below = await price(plate.id, `sku=${q235()}&quantity=4.5`, { 'accept-language': 'zh-CN' });
    expect(below.statusCode).toBe(422);
    expect(below.json<Problem>()).toMatchObject({ code: 'BELOW_MOQ', detail: '最小起订量为 5 吨。', errors: [{ path: 'querystring.quantity' }] });
    expect((await price(plate.id, `sku=${q235()}&quantity=4.5`)).json<Problem>().detail).toBe('The minimum order is 5 t.');

    const above = await price(plate.id, `sku=${q355()}&quantity=200.001`);
    expect(above.json<Problem>()).toMatchObject({ status: 422, code: 'ABOVE_STOCK', detail: 'Only 200 t are in stock.' });
    expect((await price(plate.id, `sku=${q355()}&quantity=200`)).statusCode).toBe(200);
    expect((await price(plate.id, `sku=${q355()}&quantity=201`, { 'accept-language': 'zh-CN' })).json<Problem>().detail).toBe('库存仅剩 200 吨。');

    const noSku = await price(plate.id, 'quantity=10');
    expect(noSku.json<Problem>()).toMatchObject({ code: 'SKU_REQUIRED', detail: 'This product comes in 2 variants; choose one (sku).' });
    expect((await price(plate.id, 'quantity=10', { 'accept-language': 'zh-CN' })).json<Problem>().detail).toBe('该商品有 2 个规格,请选择一个规格(sku)。');
    expect((await price(plate.id, `sku=${labels.skus[0]!.id}&quantity=10`)).json<Problem>()).toMatchObject({ code: 'SKU_NOT_FOUND', errors: [{ path: 'querystring.sku' }] });
    expect((await price(plate.id, 'quantity=-1')).statusCode).toBe(400);
  });
});
