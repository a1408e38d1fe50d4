import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier, publishProduct, type ProductJson } from '../../testing/catalog-factories.js';

let t: TestApp;
let owner: TestUser;
let plate: ProductJson;
const q235 = () => plate.skus.find((s) => s.attributes.grade === 'Q235B')!.id;
const q355 = () => plate.skus.find((s) => s.attributes.grade === 'Q355B')!.id;
const inventory = () => t.modules.catalog.inventory;
const level = async (skuId: string) => (await inventory().levels([skuId]))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner } = await createSupplier(t));
  plate = await createProduct(t, owner, await categoryIdOf(t, 'steel.plate.hot_rolled')); // Q235B 500 t, Q355B 200 t
  await publishProduct(t, owner, plate.id);
});
afterAll(async () => {
  await t.close();
});

describe('inventory', () => {
  it('moves units stock → reserved → sold and back, keeping stock + reserved + sold', async () => {
    const db = t.platform.database;
    await db.transaction((trx) => inventory().reserve(trx, [{ skuId: q235(), quantity: 20 }, { skuId: q235(), quantity: 0.5 }]));
    expect(await level(q235())).toMatchObject({ stock: 479.5, reserved: 20.5, sold: 0 });
    await db.transaction((trx) => inventory().commit(trx, [{ skuId: q235(), quantity: 10 }]));
    await db.transaction((trx) => inventory().release(trx, [{ skuId: q235(), quantity: 10.5 }]));
    await db.transaction((trx) => inventory().restock(trx, [{ skuId: q235(), quantity: 4 }]));
    expect(await level(q235())).toMatchObject({ stock: 494, reserved: 0, sold: 6 });
  });

  it('refuses a reservation above the stock and the transaction takes back the lines already reserved', async () => {
    const before = await level(q355());
    const err = await t.platform.database.transaction((trx) => inventory().reserve(trx, [{ skuId: q235(), quantity: 1 }, { skuId: q355(), quantity: 200.001 }])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('OUT_OF_STOCK');
    expect(await level(q355())).toEqual(before);
    expect((await level(q235())).reserved).toBe(0);
  });

  it('never sells more than the stock under concurrent reservations', async () => {
    const before = await level(q355());
    const attempts = Array.from({ length: 40 }, () => t.platform.database.transaction((trx) => inventory().reserve(trx, [{ skuId: q355(), quantity: 7 }])).then(() => 1, () => 0));
    const won = (await Promise.all(attempts)).reduce<number>((a, b) => a + b, 0);
    const after = await level(q355());
    expect(won).toBe(Math.floor(before.stock / 7));
    expect(after.stock).toBeGreaterThanOrEqual(0);
    expect(after.stock + after.reserved + after.sold).toBeCloseTo(before.stock + before.reserved + before.sold, 3);
  });

  it("a seller's edit that leaves a SKU's stock as it was does not undo what orders reserved meanwhile", async () => {
    const product = (await call(t, { method: 'GET', url: `/api/v1/products/${plate.id}`, headers: owner.headers })).json<ProductJson>();
    await t.platform.database.transaction((trx) => inventory().reserve(trx, [{ skuId: q235(), quantity: 3 }]));
    const afterOrder = await level(q235());
    // The edit sends the stock it read before the order: unchanged means "keep".
    const skus = product.skus.map((s) => ({ id: s.id, code: s.code, attributes: s.attributes, stock: s.stock, stockSeen: s.stock, priceTiers: s.priceTiers }));
    const res = await call(t, { method: 'PATCH', url: `/api/v1/products/${plate.id}`, headers: owner.headers, payload: { titleZh: '热轧钢板 Q235B/Q355B 改', skus } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await level(q235())).toMatchObject({ stock: afterOrder.stock, reserved: afterOrder.reserved });
    // A stock the seller did change is set as given.
    const q355Row = skus.find((s) => s.id === q355())!;
    q355Row.stock = q355Row.stockSeen + 10;
    expect((await call(t, { method: 'PATCH', url: `/api/v1/products/${plate.id}`, headers: owner.headers, payload: { skus } })).statusCode).toBe(200);
    expect((await level(q355())).stock).toBe(q355Row.stock);
  });
});
