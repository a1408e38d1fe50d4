import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createCompany, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createTradeParties, getOrder, payOrder, placeOrder, type OrderJson, type TradeParties } from '../../testing/trade-factories.js';
import { signCarrierWebhook } from './index.js';

let t: TestApp;
let ops: Record<string, string>;
let outsider: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
  outsider = await registerUser(t);
  await createCompany(t, outsider, { companyType: 'buyer' });
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;

interface ShipmentJson {
  id: string; orderId: string; carrier: string; carrierName: string; waybillNo: string; status: 'in_transit' | 'delivered'; note: string;
  photos: Array<{ id: string; url: string }>; items: Array<{ lineId: string; quantity: number; titleZh: string }>;
  shippedAt: string; deliveredAt: string | null;
  tracking: Array<{ id: string; at: string; source: string; status: string; location: string; description: string }>;
}
interface ListJson { items: ShipmentJson[]; remaining: Array<{ lineId: string; quantity: number; shipped: number; remaining: number }>; can: { ship: boolean; track: boolean } }

/** Parties with an order of `quantity` t paid into escrow. */
async function paidOrder(quantity = 10, parties?: TradeParties): Promise<{ p: TradeParties; order: OrderJson }> {
  const p = parties ?? (await createTradeParties(t));
  const placed = await placeOrder(t, p, { quantity });
  const order = await payOrder(t, p.buyer.owner, placed.id);
  expect(order.status).toBe('paid');
  return { p, order };
}

let waybillSeq = 0;
const waybill = () => `SF${Date.now().toString().slice(-8)}${String(++waybillSeq).padStart(3, '0')}`;

function ship(user: TestUser | Record<string, string>, orderId: string, body: Record<string, unknown>) {
  const headers = 'headers' in user ? (user as TestUser).headers : user;
  return call(t, { method: 'POST', url: `/api/v1/orders/${orderId}/ship`, headers, payload: { carrier: 'SF', waybillNo: waybill(), ...body } });
}

async function list(user: TestUser, orderId: string): Promise<ListJson> {
  const res = await call(t, { method: 'GET', url: `/api/v1/orders/${orderId}/shipments`, headers: user.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListJson>();
}

async function uploadPhoto(user: TestUser, companyId: string): Promise<string> {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();
  const boundary = '----tsship';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="parcel.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await call(t, { method: 'POST', url: `/api/v1/files?purpose=attachment&companyId=${companyId}`, payload, headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function levels(skuId: string) {
  const [l] = await t.modules.catalog.inventory.levels([skuId]);
  return { stock: Number(l!.stock), reserved: Number(l!.reserved), sold: Number(l!.sold) };
}

function webhook(carrier: string, body: string, signature = signCarrierWebhook(t.config.CARRIER_WEBHOOK_SECRET, body)) {
  return call(t, { method: 'POST', url: `/api/v1/webhooks/carriers/${carrier}`, headers: { 'content-type': 'application/json', 'tongshang-signature': signature }, payload: body });
}

describe('carriers', () => {
  it('lists the common carriers and "other"', async () => {
    const res = await call(t, { method: 'GET', url: '/api/v1/carriers' });
    expect(res.statusCode).toBe(200);
    const codes = res.json<{ items: Array<{ code: string }> }>().items.map((c) => c.code);
    expect(codes).toEqual(['SF', 'ZTO', 'YTO', 'STO', 'YD', 'JD', 'DBL', 'other']);
  });
});

describe('shipping an order', () => {
  it('ships part of an order and then the rest: partly shipped, then shipped, stock committed, both parcels on the timeline', async () => {
    const { p, order } = await paidOrder(10);
    const line = order.lines[0]!;
    const sku = line.skuId!;
    expect(await levels(sku)).toMatchObject({ reserved: 10, sold: 0 });
    const photo = await uploadPhoto(p.supplier.owner, p.supplier.companyId);

    const first = await ship(p.supplier.owner, order.id, { items: [{ lineId: line.id, quantity: 4.5 }], photos: [photo], note: '首批 4.5 吨', waybillNo: 'sf1234567890' });
    expect(first.statusCode, first.body).toBe(201);
    const parcel1 = first.json<ShipmentJson>();
    expect(parcel1).toMatchObject({ carrier: 'SF', carrierName: '顺丰速运', waybillNo: 'SF1234567890', status: 'in_transit', note: '首批 4.5 吨', items: [{ lineId: line.id, quantity: 4.5 }] });
    expect(parcel1.photos).toHaveLength(1);
    expect(parcel1.tracking).toMatchObject([{ status: 'shipped', source: 'seller' }]);
    let now = await getOrder(t, p.buyer.owner, order.id);
    expect(now.status).toBe('partly_shipped');
    expect(now.lines[0]!.shippedQuantity).toBe(4.5);
    expect(await levels(sku)).toMatchObject({ reserved: 5.5, sold: 4.5 });

    const sellerView = await list(p.supplier.owner, order.id);
    expect(sellerView.can).toEqual({ ship: true, track: true });
    expect(sellerView.remaining).toEqual([{ lineId: line.id, quantity: 10, shipped: 4.5, remaining: 5.5 }]);

    const second = await ship(p.supplier.owner, order.id, { carrier: 'other', carrierName: '安能物流', items: [{ lineId: line.id, quantity: 5.5 }] });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<ShipmentJson>()).toMatchObject({ carrier: 'other', carrierName: '安能物流' });
    now = await getOrder(t, p.buyer.owner, order.id);
    expect(now.status).toBe('shipped');
    expect(await levels(sku)).toMatchObject({ reserved: 0, sold: 10 });

    // The buyer sees both parcels, oldest first, each with its timeline; nothing is left and the buyer cannot ship.
    const buyerView = await list(p.buyer.purchaser, order.id);
    expect(buyerView.items.map((s) => s.id)).toEqual([parcel1.id, second.json<ShipmentJson>().id]);
    expect(buyerView.remaining[0]!.remaining).toBe(0);
    expect(buyerView.can).toEqual({ ship: false, track: false });
    expect((await list(p.supplier.owner, order.id)).can.ship).toBe(false);

    // The photo is shown to the order's parties only.
    const photoUrl = buyerView.items[0]!.photos[0]!.url;
    expect((await call(t, { method: 'GET', url: photoUrl, headers: p.buyer.owner.headers })).headers['content-type']).toBe('image/png');
    expect((await call(t, { method: 'GET', url: photoUrl, headers: outsider.headers })).statusCode).toBe(404);

    const events = await sql<{ type: string; payload: { fully: boolean } }>`SELECT type, payload FROM events WHERE type = 'shipment.created' AND payload->>'orderId' = ${order.id} ORDER BY id`.execute(t.database.db);
    expect(events.rows.map((e) => e.payload.fully)).toEqual([false, true]);
  });

  it('lets a sales member ship and refuses to ship more than is left, lines of another order, or an unpaid order', async () => {
    const { p, order } = await paidOrder(10);
    const sales = await addMember(t, p.supplier.owner, p.supplier.companyId, 'sales');
    const line = order.lines[0]!;

    const tooMuch = await ship(sales, order.id, { items: [{ lineId: line.id, quantity: 10.001 }] });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json()).toMatchObject({ code: 'SHIPMENT_EXCEEDS_REMAINING', errors: [{ path: 'body.items.0.quantity' }] });

    expect((await ship(sales, order.id, { items: [{ lineId: line.id, quantity: 8 }] })).statusCode).toBe(201);
    const over = await ship(sales, order.id, { items: [{ lineId: line.id, quantity: 3 }] });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'SHIPMENT_EXCEEDS_REMAINING' });

    const { order: other } = await paidOrder(10, p);
    const foreign = await ship(sales, order.id, { items: [{ lineId: other.lines[0]!.id, quantity: 1 }] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ code: 'SHIPMENT_INVALID', errors: [{ path: 'body.items.0.lineId' }] });

    const twice = await ship(sales, order.id, { items: [{ lineId: line.id, quantity: 1 }, { lineId: line.id, quantity: 1 }] });
    expect(twice.json()).toMatchObject({ code: 'SHIPMENT_INVALID' });
    const noName = await ship(sales, order.id, { carrier: 'other', items: [{ lineId: line.id, quantity: 1 }] });
    expect(noName.json()).toMatchObject({ code: 'SHIPMENT_INVALID', errors: [{ path: 'body.carrierName' }] });
    const badWaybill = await ship(sales, order.id, { waybillNo: '运单 1', items: [{ lineId: line.id, quantity: 1 }] });
    expect(badWaybill.statusCode).toBe(400);

    // Photos must be the seller's own uploads.
    const buyersFile = await uploadPhoto(p.buyer.owner, p.buyer.companyId);
    const stolen = await ship(sales, order.id, { items: [{ lineId: line.id, quantity: 1 }], photos: [buyersFile] });
    expect(stolen.json()).toMatchObject({ code: 'SHIPMENT_INVALID', errors: [{ path: 'body.photos.0' }] });

    const unpaid = await placeOrder(t, p, { quantity: 6 });
    const early = await ship(sales, unpaid.id, { items: [{ lineId: unpaid.lines[0]!.id, quantity: 6 }] });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'ORDER_NOT_SHIPPABLE' });

    // Nothing of the refused attempts was kept.
    const after = await list(p.supplier.owner, order.id);
    expect(after.items).toHaveLength(1);
    expect(after.remaining[0]!.remaining).toBe(2);
    expect((await list(p.supplier.owner, unpaid.id)).items).toHaveLength(0);
    expect((await getOrder(t, p.buyer.owner, unpaid.id)).status).toBe('awaiting_payment');
  });

  it('lets only the seller ship: the buyer is forbidden, other companies and the seller\'s finance are refused too', async () => {
    const { p, order } = await paidOrder(10);
    const line = order.lines[0]!;
    const body = { items: [{ lineId: line.id, quantity: 1 }] };

    const byBuyer = await ship(p.buyer.owner, order.id, body);
    expect(byBuyer.statusCode).toBe(403);
    expect(byBuyer.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ship(p.buyer.purchaser, order.id, body)).statusCode).toBe(403);

    const byStranger = await ship(outsider, order.id, body);
    expect(byStranger.statusCode).toBe(404);
    expect(byStranger.json()).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect((await call(t, { method: 'GET', url: `/api/v1/orders/${order.id}/shipments`, headers: outsider.headers })).statusCode).toBe(404);

    const finance = await addMember(t, p.supplier.owner, p.supplier.companyId, 'finance');
    expect((await ship(finance, order.id, body)).statusCode).toBe(403);
    expect((await ship(ops, order.id, body)).statusCode).toBe(403);
    expect((await call(t, { method: 'POST', url: `/api/v1/orders/${order.id}/ship`, payload: { carrier: 'SF', waybillNo: waybill(), ...body } })).statusCode).toBe(401);

    expect((await getOrder(t, p.buyer.owner, order.id)).status).toBe('paid');
    expect((await list(finance, order.id)).items).toHaveLength(0);
  });
});

describe('tracking', () => {
  it('takes events from the seller and operators; delivered marks the parcel delivered and tells the buyer', async () => {
    const { p, order } = await paidOrder(5);
    const parcel = (await ship(p.supplier.owner, order.id, { items: [{ lineId: order.lines[0]!.id, quantity: 5 }] })).json<ShipmentJson>();
    const track = (headers: Record<string, string>, body: Record<string, unknown>) => call(t, { method: 'POST', url: `/api/v1/shipments/${parcel.id}/tracking`, headers, payload: body });

    const picked = await track(p.supplier.owner.headers, { status: 'picked_up', location: '苏州', description: '快递员已揽收' });
    expect(picked.statusCode, picked.body).toBe(201);
    const byOps = await track(ops, { status: 'exception', location: '上海', description: '地址不详,联系收件人中' });
    expect(byOps.statusCode).toBe(201);
    expect(byOps.json<ShipmentJson>().tracking.map((e) => [e.status, e.source])).toEqual([['shipped', 'seller'], ['picked_up', 'seller'], ['exception', 'operator']]);

    expect((await track(p.buyer.owner.headers, { status: 'delivered' })).statusCode).toBe(403);
    expect((await track(outsider.headers, { status: 'delivered' })).statusCode).toBe(404);
    const future = await track(p.supplier.owner.headers, { status: 'in_transit', at: new Date(Date.now() + DAY).toISOString() });
    expect(future.json()).toMatchObject({ code: 'TRACKING_INVALID', errors: [{ path: 'body.at' }] });
    expect((await track(p.supplier.owner.headers, { status: 'shipped' })).statusCode).toBe(400);

    const delivered = await track(p.supplier.owner.headers, { status: 'delivered', location: '上海浦东' });
    expect(delivered.json<ShipmentJson>()).toMatchObject({ status: 'delivered' });
    expect(delivered.json<ShipmentJson>().deliveredAt).not.toBeNull();
    const notices = await sql<{ kind: string; user_id: string }>`SELECT kind, user_id FROM notifications WHERE kind = 'shipment.delivered' AND link = ${`/workbench/orders/${order.id}`}`.execute(t.database.db);
    expect(notices.rows.map((n) => n.user_id).sort()).toEqual([p.buyer.owner.id, p.buyer.purchaser.id].sort());

    const seen = await call(t, { method: 'GET', url: `/api/v1/shipments/${parcel.id}`, headers: p.buyer.purchaser.headers });
    expect(seen.json<ShipmentJson>().tracking.at(-1)).toMatchObject({ status: 'delivered', location: '上海浦东', source: 'seller' });
  });
});

describe('carrier webhooks', () => {
  it('refuses bad signatures and unknown carriers, applies each carrier event once, and marks delivery', async () => {
    const { p, order } = await paidOrder(5);
    const waybillNo = waybill();
    const parcel = (await ship(p.supplier.owner, order.id, { carrier: 'ZTO', waybillNo, items: [{ lineId: order.lines[0]!.id, quantity: 5 }] })).json<ShipmentJson>();
    // The carrier's scans follow the shipment by some seconds.
    const base = Date.now() + 1000;
    const at = (seconds: number) => new Date(base + seconds * 1000).toISOString();
    const body = JSON.stringify({
      events: [
        { id: `zto-${waybillNo}-1`, waybillNo, status: 'picked_up', at: at(1), location: '苏州', description: '已揽收' },
        { id: `zto-${waybillNo}-2`, waybillNo, status: 'in_transit', at: at(2), location: '上海转运中心', description: '运输中' },
        { id: 'zto-unknown-1', waybillNo: 'ZTO000000000', status: 'in_transit', at: at(2) },
      ],
    });

    const forged = await webhook('ZTO', body, signCarrierWebhook('not-the-carrier-secret', body));
    expect(forged.statusCode).toBe(422);
    expect(forged.json()).toMatchObject({ code: 'CARRIER_WEBHOOK_SIGNATURE_INVALID' });
    const stale = await webhook('ZTO', body, signCarrierWebhook(t.config.CARRIER_WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000) - 3600));
    expect(stale.json()).toMatchObject({ code: 'CARRIER_WEBHOOK_SIGNATURE_INVALID' });
    const tampered = await webhook('ZTO', body.replace('苏州', '杭州'), signCarrierWebhook(t.config.CARRIER_WEBHOOK_SECRET, body));
    expect(tampered.json()).toMatchObject({ code: 'CARRIER_WEBHOOK_SIGNATURE_INVALID' });
    expect((await call(t, { method: 'POST', url: '/api/v1/webhooks/carriers/ZTO', headers: { 'content-type': 'application/json' }, payload: body })).statusCode).toBe(422);
    expect((await call(t, { method: 'GET', url: `/api/v1/shipments/${parcel.id}`, headers: p.buyer.owner.headers })).json<ShipmentJson>().tracking).toHaveLength(1);

    // The same waybill at another carrier matches nothing; an unknown carrier is refused.
    expect((await webhook('SF', body)).json()).toMatchObject({ applied: 0, unmatched: 3 });
    expect((await webhook('ACME', body)).statusCode).toBe(404);
    expect((await webhook('ZTO', '{"events":[]}')).json()).toMatchObject({ code: 'CARRIER_WEBHOOK_MALFORMED' });

    const good = await webhook('ZTO', body);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ received: true, applied: 2, replayed: 0, unmatched: 1 });
    // Delivered again (the carrier retries): nothing applied twice.
    expect((await webhook('ZTO', body)).json()).toEqual({ received: true, applied: 0, replayed: 2, unmatched: 1 });

    const deliveredBody = JSON.stringify({ events: [{ id: `zto-${waybillNo}-3`, waybillNo: waybillNo.toLowerCase(), status: 'delivered', at: at(30), location: '上海浦东', description: '本人签收' }] });
    expect((await webhook('ZTO', deliveredBody)).json()).toMatchObject({ applied: 1 });
    expect((await webhook('ZTO', deliveredBody)).json()).toMatchObject({ applied: 0, replayed: 1 });

    const seen = (await call(t, { method: 'GET', url: `/api/v1/shipments/${parcel.id}`, headers: p.buyer.owner.headers })).json<ShipmentJson>();
    expect(seen.status).toBe('delivered');
    expect(seen.deliveredAt).toBe(at(30));
    expect(seen.tracking.map((e) => [e.status, e.source])).toEqual([['shipped', 'seller'], ['picked_up', 'carrier'], ['in_transit', 'carrier'], ['delivered', 'carrier']]);
    const delivered = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events WHERE type = 'shipment.delivered' AND subject_id = ${parcel.id}`.execute(t.database.db);
    expect(delivered.rows[0]!.n).toBe(1);

    const log = await sql<{ outcome: string }>`SELECT outcome FROM carrier_webhook_deliveries`.execute(t.database.db);
    expect(new Set(log.rows.map((r) => r.outcome))).toEqual(new Set(['bad_signature', 'unknown_carrier', 'malformed', 'processed']));
  });
});

describe('receipt delivers the parcels', () => {
  it("marks the order's parcels still in transit delivered when the buyer confirms receipt, once, keeping an earlier delivery as it was", async () => {
    const { p, order } = await paidOrder(10);
    const line = order.lines[0]!;
    expect((await ship(p.supplier.owner, order.id, { items: [{ lineId: line.id, quantity: 4 }] })).statusCode).toBe(201);
    expect((await ship(p.supplier.owner, order.id, { items: [{ lineId: line.id, quantity: 6 }] })).statusCode).toBe(201);
    const [first, second] = (await list(p.buyer.owner, order.id)).items;
    const reported = await call(t, { method: 'POST', url: `/api/v1/shipments/${first!.id}/tracking`, headers: p.supplier.owner.headers, payload: { status: 'delivered', location: '上海', description: '已签收' } });
    expect(reported.statusCode, reported.body).toBeLessThan(300);
    const deliveredAt = (await list(p.buyer.owner, order.id)).items.find((s) => s.id === first!.id)!.deliveredAt;

    expect((await call(t, { method: 'POST', url: `/api/v1/orders/${order.id}/confirm-receipt`, headers: p.buyer.owner.headers })).statusCode).toBe(200);
    await t.drain();
    await t.drain();
    const after = await list(p.buyer.owner, order.id);
    expect(after.items.map((s) => s.status)).toEqual(['delivered', 'delivered']);
    expect(after.items.find((s) => s.id === first!.id)!.deliveredAt).toBe(deliveredAt);
    const parcel = after.items.find((s) => s.id === second!.id)!;
    expect(parcel.deliveredAt).not.toBeNull();
    expect(parcel.tracking.filter((e) => e.source === 'buyer')).toEqual([expect.objectContaining({ status: 'delivered', description: '买家确认收货 | Receipt confirmed by the buyer' })]);
    expect(after.items.find((s) => s.id === first!.id)!.tracking.some((e) => e.source === 'buyer')).toBe(false);
    // Handled again (a redelivered event): nothing changes.
    await t.database.transaction((trx) => t.modules.shipments.shipments.deliverOnReceipt(trx, order.id, new Date(), null));
    expect((await list(p.buyer.owner, order.id)).items.flatMap((s) => s.tracking).filter((e) => e.source === 'buyer')).toHaveLength(1);
  });
});

describe('automatic receipt', () => {
  it('confirms receipt autoConfirmDays after the last shipment of a fully shipped order, and only then', async () => {
    const { autoConfirmDays } = await t.modules.orders.orders.settings();
    const sweep = (daysAhead: number) => t.modules.shipments.shipments.sweep(new Date(Date.now() + daysAhead * DAY));

    const { p, order: full } = await paidOrder(10);
    const line = full.lines[0]!;
    expect((await ship(p.supplier.owner, full.id, { items: [{ lineId: line.id, quantity: 3 }] })).statusCode).toBe(201);
    const { order: partial } = await paidOrder(10, p);
    expect((await ship(p.supplier.owner, partial.id, { items: [{ lineId: partial.lines[0]!.id, quantity: 3 }] })).statusCode).toBe(201);
    const { order: confirmedByBuyer } = await paidOrder(5, p);
    expect((await ship(p.supplier.owner, confirmedByBuyer.id, { items: [{ lineId: confirmedByBuyer.lines[0]!.id, quantity: 5 }] })).statusCode).toBe(201);
    expect((await call(t, { method: 'POST', url: `/api/v1/orders/${confirmedByBuyer.id}/confirm-receipt`, headers: p.buyer.owner.headers })).statusCode).toBe(200);

    // The clock of the full order starts at its last shipment (backdated to yesterday through the store's row).
    expect((await ship(p.supplier.owner, full.id, { items: [{ lineId: line.id, quantity: 7 }] })).statusCode).toBe(201);
    await sql`UPDATE shipment_completions SET last_shipped_at = last_shipped_at - interval '1 day' WHERE order_id = ${full.id}`.execute(t.database.db);
    expect((await getOrder(t, p.buyer.owner, full.id)).status).toBe('shipped');

    expect(await sweep(autoConfirmDays - 1.5)).toMatchObject({ confirmed: 0 });
    expect((await getOrder(t, p.buyer.owner, full.id)).status).toBe('shipped');

    // (Orders of the other tests in this file were shipped just now: not due yet either.)
    expect(await sweep(autoConfirmDays - 0.5)).toMatchObject({ confirmed: 1, settled: 0 });
    const after = await getOrder(t, p.buyer.owner, full.id);
    expect(after.status).toBe('received');
    expect(after.history?.some((h) => h.toStatus === 'received' && h.action === 'auto_confirm')).toBe(true);
    // The partly shipped order waits for the rest (or the buyer); the buyer-confirmed one stays as the buyer left it.
    expect((await getOrder(t, p.buyer.owner, partial.id)).status).toBe('partly_shipped');
    expect((await getOrder(t, p.buyer.owner, confirmedByBuyer.id)).status).toBe('received');

    // Later the buyer-confirmed order's row is settled without touching it; nothing is done twice.
    await sweep(autoConfirmDays + 30);
    expect(await sweep(autoConfirmDays + 30)).toMatchObject({ confirmed: 0, settled: 0 });
    expect((await getOrder(t, p.buyer.owner, confirmedByBuyer.id)).status).toBe('received');
    const rows = await sql<{ order_id: string; outcome: string | null }>`SELECT order_id, outcome FROM shipment_completions WHERE order_id IN (${full.id}, ${partial.id}, ${confirmedByBuyer.id})`.execute(t.database.db);
    expect(Object.fromEntries(rows.rows.map((r) => [r.order_id, r.outcome]))).toEqual({ [full.id]: 'auto_confirmed', [confirmedByBuyer.id]: 'already_settled' });
    const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events WHERE type = 'shipment.receipt_auto_confirmed' AND subject_id = ${full.id}`.execute(t.database.db);
    expect(events.rows[0]!.n).toBe(1);
  });

  it('waits while an after-sales request of the order is open', async () => {
    const { autoConfirmDays } = await t.modules.orders.orders.settings();
    const { p, order } = await paidOrder(5);
    expect((await ship(p.supplier.owner, order.id, { items: [{ lineId: order.lines[0]!.id, quantity: 5 }] })).statusCode).toBe(201);
    const asked = await call(t, { method: 'POST', url: '/api/v1/after-sales', headers: p.buyer.owner.headers, payload: { orderId: order.id, kind: 'refund_only', reason: 'damaged', amount: 10_000, description: '外包装破损' } });
    expect(asked.statusCode, asked.body).toBe(201);

    const later = new Date(Date.now() + (autoConfirmDays + 1) * DAY);
    expect((await t.modules.shipments.shipments.sweep(later)).paused).toBeGreaterThanOrEqual(1);
    expect((await getOrder(t, p.buyer.owner, order.id)).status).toBe('shipped');

    const withdrawn = await call(t, { method: 'POST', url: `/api/v1/after-sales/${asked.json<{ id: string }>().id}/withdraw`, headers: p.buyer.owner.headers, payload: {} });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    await t.modules.shipments.shipments.sweep(later);
    expect((await getOrder(t, p.buyer.owner, order.id)).status).toBe('received');
  });

  it('runs as a recurring job', async () => {
    await t.platform.jobs.ensureSchedules();
    const job = await sql<{ kind: string }>`SELECT kind FROM jobs WHERE kind = 'shipments.auto_confirm' AND status = 'pending'`.execute(t.database.db);
    expect(job.rows).toHaveLength(1);
  });
});
