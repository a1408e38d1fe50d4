import { addMember, call, createCompany, registerUser, type TestUser } from './factories.js';
import { categoryIdOf, createProduct, publishProduct, type ProductJson } from './catalog-factories.js';
import type { TestApp } from './harness.js';

/** Tiers of the factory product: 5+ at ¥4,200.00, 20+ at ¥4,100.00, 100+ at ¥3,980.00 per ton (SKU 0); SKU 1 has its own. */
export const TRADE_PRODUCT_TIERS = [{ minQuantity: 5, unitPrice: 420_000 }, { minQuantity: 20, unitPrice: 410_000 }, { minQuantity: 100, unitPrice: 398_000 }];
export const TRADE_SKU1_TIERS = [{ minQuantity: 5, unitPrice: 445_000 }, { minQuantity: 50, unitPrice: 430_000 }];
export const TRADE_STOCK = 1000;

export const TEST_ADDRESS = { name: '王采购', phone: '13800138000', province: '310000', city: '上海', line: '浦东新区张江路 100 号 3 号仓库' };

export interface TradeParties {
  buyer: { owner: TestUser; purchaser: TestUser; companyId: string };
  supplier: { owner: TestUser; companyId: string };
  product: ProductJson;
}

export interface OrderJson {
  id: string; number: string; status: string; source: string; paymentTerms: 'escrow' | 'credit_terms'; depositBps: number;
  goodsTotal: number; freight: number; total: number; escrowPaid: number; escrowRefunded: number; escrowReleased: number; termsRefunded: number;
  feeBps: number; feeAmount: number; nextPayment: { stage: 'full' | 'deposit' | 'balance'; amount: number } | null;
  shipBy: string | null; creditDueAt: string | null; placedBy: string;
  buyer: { id: string; name: string | null; nameEn: string | null }; supplier: { id: string; name: string | null; nameEn: string | null };
  lines: Array<{ id: string; productId: string | null; skuId: string | null; quantity: number; unitPrice: number; lineTotal: number; shippedQuantity: number; returnedQuantity: number; titleZh: string; unit: string }>;
  actions: string[];
  history?: Array<{ action: string; fromStatus: string | null; toStatus: string; detail: Record<string, unknown> }>;
  payments?: Array<{ id: string; stage: string; amount: number; provider: string; intentId: string; status: string; refunded: number }>;
  [key: string]: unknown;
}

export interface IntentJson { id: string; amount: number; status: string; provider: string; payUrl: string | null }

let seq = 0;

/**
 * A buyer company (owner + purchaser) and a supplier (manufacturer) with one published product: hot-rolled plate,
 * two SKUs with 1,000 t in stock each, MOQ 5 t, tiered prices (TRADE_PRODUCT_TIERS; SKU 1 TRADE_SKU1_TIERS).
 */
export async function createTradeParties(t: TestApp): Promise<TradeParties> {
  const n = ++seq;
  const buyerOwner = await registerUser(t);
  const buyer = await createCompany(t, buyerOwner, { companyType: 'buyer', legalName: `上海采购贸易有限公司 ${Date.now().toString(36)}${n}` });
  const purchaser = await addMember(t, buyerOwner, buyer.id, 'purchaser');
  const supplierOwner = await registerUser(t);
  const supplier = await createCompany(t, supplierOwner, { legalName: `江苏钢材制造有限公司 ${Date.now().toString(36)}${n}` });
  const category = await categoryIdOf(t, 'steel.plate.hot_rolled');
  const draft = await createProduct(t, supplierOwner, category, {
    skus: [
      { code: `HR-Q235B-${n}`, attributes: { grade: 'Q235B' }, stock: TRADE_STOCK },
      { code: `HR-Q355B-${n}`, attributes: { grade: 'Q355B' }, stock: TRADE_STOCK, priceTiers: TRADE_SKU1_TIERS },
    ],
    priceTiers: TRADE_PRODUCT_TIERS,
  });
  const product = await publishProduct(t, supplierOwner, draft.id);
  return { buyer: { owner: buyerOwner, purchaser, companyId: buyer.id }, supplier: { owner: supplierOwner, companyId: supplier.id }, product };
}

/** Places one order through POST /checkout ("buy now" on SKU 0 by default); throws unless 201. */
export async function placeOrder(t: TestApp, parties: TradeParties, options: { quantity?: number; paymentTerms?: 'escrow' | 'credit_terms'; user?: TestUser; skuIndex?: number; idempotencyKey?: string } = {}): Promise<OrderJson> {
  const sku = parties.product.skus[options.skuIndex ?? 0]!;
  const res = await call(t, {
    method: 'POST', url: '/api/v1/checkout', headers: { ...(options.user ?? parties.buyer.owner).headers, ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}) },
    payload: {
      companyId: parties.buyer.companyId, items: [{ skuId: sku.id, quantity: options.quantity ?? 10 }], address: TEST_ADDRESS,
      ...(options.paymentTerms ? { orders: [{ supplierCompanyId: parties.supplier.companyId, paymentTerms: options.paymentTerms }] } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`checkout failed: ${res.statusCode} ${res.body}`);
  return res.json<{ orders: OrderJson[] }>().orders[0]!;
}

/** Pays the order's next stage in the sandbox (pay → approve on the pay page → the signed webhook → drain); returns the order after. */
export async function payOrder(t: TestApp, user: TestUser, orderId: string): Promise<OrderJson> {
  const pay = await call(t, { method: 'POST', url: `/api/v1/orders/${orderId}/pay`, headers: user.headers, payload: { provider: 'sandbox' } });
  if (pay.statusCode !== 200) throw new Error(`pay failed: ${pay.statusCode} ${pay.body}`);
  const { intent } = pay.json<{ order: OrderJson; intent: IntentJson | null }>();
  if (intent) {
    const approved = await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${intent.id}/approve`, headers: user.headers });
    if (approved.statusCode !== 200) throw new Error(`sandbox approve failed: ${approved.statusCode} ${approved.body}`);
    await t.drain();
  }
  return getOrder(t, user, orderId);
}

export async function getOrder(t: TestApp, user: TestUser | Record<string, string>, orderId: string): Promise<OrderJson> {
  const headers: Record<string, string> = 'headers' in user ? (user as TestUser).headers : user;
  const res = await call(t, { method: 'GET', url: `/api/v1/orders/${orderId}`, headers });
  if (res.statusCode !== 200) throw new Error(`get order failed: ${res.statusCode} ${res.body}`);
  return res.json<OrderJson>();
}

/** Ships every remaining unit of the order through orders.applyShipment (the shipments module's path), in one transaction. */
export async function shipAllDirect(t: TestApp, orderId: string, actorUserId: string | null = null): Promise<void> {
  const order = await t.modules.orders.orders.forParty(null, orderId);
  if (!order) throw new Error('no such order');
  const items = order.lines.map((l) => ({ lineId: l.id, quantity: Math.round((l.quantity - l.shippedQuantity) * 1000) / 1000 })).filter((i) => i.quantity > 0);
  await t.database.transaction((trx) => t.modules.orders.orders.applyShipment(trx, orderId, items, actorUserId));
}
