import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, PlatformErrors, type FieldError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import { can, requireUser } from '../../platform/policy.js';
import { CARRIERS, carrierOf, type TrackingSource, type TrackingStatus } from './carriers.js';
import { OrderErrors } from '../orders/index.js';
import { ShipmentErrors } from './errors.js';
import { record } from './events.js';
import type { Deps, OrderForParty } from './ports.js';
import { carrierWebhookPayload, type ShipInput, type TrackingInput } from './schemas.js';
import { verifyCarrierSignature } from './signature.js';
import * as store from './store.js';

const DAY_MS = 86_400_000;
/** Reports may be stamped a little ahead of our clock (a carrier's or a phone's), not more. */
const CLOCK_SKEW_MS = 5 * 60_000;
const SHIPPABLE: ReadonlySet<string> = new Set(['paid', 'partly_shipped']);
const PHOTO_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
/** Who on the buyer side hears about parcels: those who place and follow orders. */
const BUYER_ROLES = ['owner', 'admin', 'purchaser'] as const;
const SWEEP_BATCH = 200;

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
/** Quantities to thousandths, compared as integers (no float drift: 0.1 + 0.2 ships 0.3). */
const milli = (q: number | string) => Math.round(Number(q) * 1000);
const fromMilli = (m: number) => m / 1000;

export interface PhotoView { id: string; url: string; contentType: string; byteSize: number }
export interface TrackingView { id: string; at: Date; source: TrackingSource; status: TrackingStatus; location: string; description: string }
export interface ShipmentView {
  id: string; orderId: string; supplierCompanyId: string; buyerCompanyId: string; carrier: string; carrierName: string; waybillNo: string;
  status: store.ShipmentStatus; note: string; photos: PhotoView[];
  items: Array<{ lineId: string; quantity: number; titleZh: string; titleEn: string | null; skuLabel: string; skuLabelEn: string | null; unit: string }>;
  shippedAt: Date; deliveredAt: Date | null; tracking: TrackingView[];
}
export interface OrderShipmentsView {
  items: ShipmentView[];
  remaining: Array<{ lineId: string; quantity: number; shipped: number; remaining: number }>;
  can: { ship: boolean; track: boolean };
}

/** Business time of a change: only the demo seed passes it (to lay out history); the routes never do. */
export interface At { at?: Date | undefined }

export class ShipmentsService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
    private readonly webhookSecret: string,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  carriers() {
    return { items: CARRIERS.map((c) => ({ code: c.code, zh: c.zh, en: c.en })) };
  }

  // -------------------------------------------------------------------------------------------------------
  // Who is who

  private seesOrder(actor: Actor, order: Pick<OrderForParty, 'buyerCompanyId' | 'supplierCompanyId'>): boolean {
    return can(actor, 'company.orders.view', order.buyerCompanyId) || can(actor, 'company.orders.view', order.supplierCompanyId);
  }

  /** The order as its parties see it; anyone else is told it does not exist. */
  private async visibleOrder(ctx: RequestContext, orderId: string, trx: Db | null = null): Promise<{ actor: Actor; order: OrderForParty }> {
    const actor = requireUser(ctx);
    const order = await this.deps.orders.forParty(trx, orderId);
    if (!order || !this.seesOrder(actor, order)) throw new DomainError(OrderErrors.ORDER_NOT_FOUND);
    return { actor, order };
  }

  private async visibleShipment(ctx: RequestContext, id: string, db: Db = this.db, forUpdate = false): Promise<{ actor: Actor; row: store.ShipmentRow }> {
    const actor = requireUser(ctx);
    const row = await store.findShipment(db, id, forUpdate);
    if (!row || !this.seesOrder(actor, { buyerCompanyId: row.buyer_company_id, supplierCompanyId: row.supplier_company_id })) {
      throw new DomainError(ShipmentErrors.SHIPMENT_NOT_FOUND);
    }
    return { actor, row };
  }

  // -------------------------------------------------------------------------------------------------------
  // Shipping (the order's "ship" action)

  /**
   * The seller ships some or all of what is left: one shipment with carrier, waybill, items and photos. In one
   * transaction with orders.applyShipment, which moves the order to partly_shipped or shipped and commits the stock.
   */
  async ship(ctx: RequestContext, orderId: string, input: ShipInput, opts: At = {}): Promise<ShipmentView> {
    const { actor, order: seen } = await this.visibleOrder(ctx, orderId);
    if (!can(actor, 'company.orders.fulfil', seen.supplierCompanyId)) throw new DomainError(PlatformErrors.FORBIDDEN);
    const locale = ctx.locale;
    const at = opts.at ?? new Date();

    const errors: FieldError[] = [];
    const carrier = carrierOf(input.carrier);
    const carrierName = input.carrier === 'other' ? (input.carrierName ?? '') : (carrier?.zh ?? input.carrier);
    if (input.carrier === 'other' && !carrierName) {
      errors.push({ path: 'body.carrierName', message: say(locale, '选择“其他”时请填写承运商名称', 'name the carrier when choosing "other"') });
    }
    const seenLines = new Set<string>();
    input.items.forEach((item, i) => {
      if (seenLines.has(item.lineId)) errors.push({ path: `body.items.${i}.lineId`, message: say(locale, '同一订单行只能出现一次', 'each order line at most once') });
      seenLines.add(item.lineId);
    });
    const photos = [...new Set(input.photos)];
    errors.push(...(await this.photoProblems(photos, seen.supplierCompanyId, locale)));
    if (errors.length) throw new DomainError(ShipmentErrors.SHIPMENT_INVALID, { count: errors.length }, errors);

    const id = uuidv7(at.getTime());
    const items = input.items.map((i) => ({ lineId: i.lineId, quantity: fromMilli(milli(i.quantity)) }));
    await this.platform.database.transaction(async (trx) => {
      const order = await this.deps.orders.forParty(trx, orderId);
      if (!order) throw new DomainError(OrderErrors.ORDER_NOT_FOUND);
      // The state machine is the orders module's: applyShipment refuses an order that cannot ship (ORDER_NOT_SHIPPABLE).
      if (SHIPPABLE.has(order.status)) this.checkQuantities(order, items, locale);
      const after = await this.deps.orders.applyShipment(trx, orderId, items, actor.userId);
      await store.insertShipment(trx, {
        id, orderId, supplierCompanyId: order.supplierCompanyId, buyerCompanyId: order.buyerCompanyId, carrier: input.carrier, carrierName,
        waybillNo: input.waybillNo.toUpperCase(), photos, note: input.note, shippedBy: actor.userId, shippedAt: at, items,
      });
      await store.insertTracking(trx, {
        id: uuidv7(at.getTime()), shipmentId: id, at, source: 'seller', status: 'shipped', location: '', description: input.note,
        externalId: null, createdBy: actor.userId,
      });
      const fully = after.status === 'shipped';
      if (fully) {
        await store.upsertCompletion(trx, { orderId, supplierCompanyId: order.supplierCompanyId, buyerCompanyId: order.buyerCompanyId, lastShippedAt: at });
      }
      const ref = { shipmentId: id, orderId, supplierCompanyId: order.supplierCompanyId, buyerCompanyId: order.buyerCompanyId };
      await record(trx, actor.userId, { type: 'shipment.created', payload: { ...ref, carrier: input.carrier, waybillNo: input.waybillNo.toUpperCase(), items, fully, at: at.toISOString() } });
    });
    return this.get(ctx, id);
  }

  /** Every item must be a line of the order with at most what is left to ship of it. */
  private checkQuantities(order: OrderForParty, items: Array<{ lineId: string; quantity: number }>, locale: Locale): void {
    const lines = new Map(order.lines.map((l) => [l.id, l]));
    const errors: FieldError[] = [];
    items.forEach((item, i) => {
      if (!lines.has(item.lineId)) errors.push({ path: `body.items.${i}.lineId`, message: say(locale, '不是该订单的订单行', 'not a line of this order') });
    });
    if (errors.length) throw new DomainError(ShipmentErrors.SHIPMENT_INVALID, { count: errors.length }, errors);
    for (const [i, item] of items.entries()) {
      const line = lines.get(item.lineId)!;
      const remaining = milli(line.quantity) - milli(line.shippedQuantity);
      if (milli(item.quantity) > remaining) {
        const title = say(locale, line.titleZh, line.titleEn ?? line.titleZh);
        throw new DomainError(ShipmentErrors.SHIPMENT_EXCEEDS_REMAINING, { line: title, remaining: `${fromMilli(Math.max(0, remaining))} ${line.unit}` }, [
          { path: `body.items.${i}.quantity`, message: say(locale, `最多还可发 ${fromMilli(Math.max(0, remaining))}`, `at most ${fromMilli(Math.max(0, remaining))} left to ship`) },
        ]);
      }
    }
  }

  /** Photos must be images the seller's company uploaded as attachments (POST /api/v1/files?purpose=attachment). */
  private async photoProblems(ids: string[], companyId: string, locale: Locale): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const [i, id] of ids.entries()) {
      const meta = await this.deps.files.metadata(id);
      if (!meta || meta.ownerCompanyId !== companyId || meta.purpose !== 'attachment' || !PHOTO_TYPES.has(meta.contentType)) {
        errors.push({ path: `body.photos.${i}`, message: say(locale, '照片不存在,或不是本企业上传的图片附件', 'not an image your company uploaded as an attachment') });
      }
    }
    return errors;
  }

  // -------------------------------------------------------------------------------------------------------
  // Reading

  /** An order's shipments with their timelines, what is left to ship per line, and what the caller may do. */
  async listForOrder(ctx: RequestContext, orderId: string): Promise<OrderShipmentsView> {
    const { actor, order } = await this.visibleOrder(ctx, orderId);
    const rows = await store.shipmentsOfOrder(this.db, orderId);
    const fulfils = can(actor, 'company.orders.fulfil', order.supplierCompanyId);
    return {
      items: await this.views(rows, order),
      remaining: order.lines.map((l) => ({
        lineId: l.id, quantity: Number(l.quantity), shipped: Number(l.shippedQuantity),
        remaining: fromMilli(Math.max(0, milli(l.quantity) - milli(l.shippedQuantity))),
      })),
      can: { ship: fulfils && SHIPPABLE.has(order.status), track: (fulfils || actor.isOperator) && rows.length > 0 },
    };
  }

  async get(ctx: RequestContext, id: string): Promise<ShipmentView> {
    const { row } = await this.visibleShipment(ctx, id);
    const order = await this.deps.orders.forParty(null, row.order_id);
    const [view] = await this.views([row], order ?? null);
    return view!;
  }

  /** For other modules (after-sales arbitration, the demo seed): an order's shipments, without authorization. */
  async ofOrder(orderId: string): Promise<ShipmentView[]> {
    const rows = await store.shipmentsOfOrder(this.db, orderId);
    if (rows.length === 0) return [];
    return this.views(rows, (await this.deps.orders.forParty(null, orderId)) ?? null);
  }

  private async views(rows: store.ShipmentRow[], order: OrderForParty | null): Promise<ShipmentView[]> {
    const ids = rows.map((r) => r.id);
    const [items, tracking] = await Promise.all([store.itemsOf(this.db, ids), store.trackingOf(this.db, ids)]);
    const lines = new Map((order?.lines ?? []).map((l) => [l.id, l]));
    const out: ShipmentView[] = [];
    for (const r of rows) {
      const photos: PhotoView[] = [];
      for (const fileId of r.photos) {
        const meta = await this.deps.files.metadata(fileId);
        if (meta) photos.push({ id: fileId, url: `/api/v1/shipments/${r.id}/photos/${fileId}`, contentType: meta.contentType, byteSize: meta.byteSize });
      }
      out.push({
        id: r.id, orderId: r.order_id, supplierCompanyId: r.supplier_company_id, buyerCompanyId: r.buyer_company_id,
        carrier: r.carrier, carrierName: r.carrier_name, waybillNo: r.waybill_no, status: r.status, note: r.note, photos,
        items: items.filter((i) => i.shipment_id === r.id).map((i) => {
          const line = lines.get(i.line_id);
          return { lineId: i.line_id, quantity: Number(i.quantity), titleZh: line?.titleZh ?? '', titleEn: line?.titleEn ?? null, skuLabel: line?.skuLabel ?? '', skuLabelEn: line?.skuLabelEn ?? null, unit: line?.unit ?? '' };
        }),
        shippedAt: r.shipped_at, deliveredAt: r.delivered_at,
        tracking: tracking.filter((e) => e.shipment_id === r.id).map((e) => ({
          id: e.id, at: e.at, source: e.source, status: e.status, location: e.location, description: e.description,
        })),
      });
    }
    return out;
  }

  /** The bytes of one of the shipment's photos, for the order's parties and operators. */
  async photo(ctx: RequestContext, id: string, fileId: string) {
    await this.visibleShipment(ctx, id);
    if (!(await store.hasPhoto(this.db, id, fileId))) throw new DomainError(ShipmentErrors.SHIPMENT_PHOTO_NOT_FOUND);
    const file = await this.deps.readFile(fileId);
    if (!file) throw new DomainError(ShipmentErrors.SHIPMENT_PHOTO_NOT_FOUND);
    return file;
  }

  // -------------------------------------------------------------------------------------------------------
  // Tracking

  /** A tracking event from the seller (fulfil role) or an operator; 'delivered' marks the shipment delivered. */
  async addTracking(ctx: RequestContext, id: string, input: TrackingInput): Promise<ShipmentView> {
    const { actor, row: seen } = await this.visibleShipment(ctx, id);
    const seller = can(actor, 'company.orders.fulfil', seen.supplier_company_id);
    if (!seller && !actor.isOperator) throw new DomainError(PlatformErrors.FORBIDDEN);
    const source: TrackingSource = seller ? 'seller' : 'operator';
    const now = Date.now();
    const at = input.at ? new Date(input.at) : new Date(now);
    const errors: FieldError[] = [];
    if (at.getTime() > now + CLOCK_SKEW_MS) errors.push({ path: 'body.at', message: say(ctx.locale, '时间不能晚于现在', 'may not be in the future') });
    if (at.getTime() < seen.shipped_at.getTime() - CLOCK_SKEW_MS) errors.push({ path: 'body.at', message: say(ctx.locale, '时间不能早于发货时间', 'may not be before the shipment was sent') });
    if (errors.length) throw new DomainError(ShipmentErrors.TRACKING_INVALID, { count: errors.length }, errors);

    await this.platform.database.transaction(async (trx) => {
      const row = await store.findShipment(trx, id, true);
      if (!row) throw new DomainError(ShipmentErrors.SHIPMENT_NOT_FOUND);
      await this.applyTracking(trx, row, { at, source, status: input.status, location: input.location, description: input.description, externalId: null, actorUserId: actor.userId });
    });
    return this.get(ctx, id);
  }

  /** Inserts one event (false: a carrier event already applied) and, for 'delivered', marks the shipment delivered. */
  private async applyTracking(trx: Db, row: store.ShipmentRow, e: {
    at: Date; source: TrackingSource; status: TrackingStatus; location: string; description: string; externalId: string | null; actorUserId: string | null;
  }): Promise<boolean> {
    const trackingEventId = uuidv7();
    const inserted = await store.insertTracking(trx, {
      id: trackingEventId, shipmentId: row.id, at: e.at, source: e.source, status: e.status, location: e.location, description: e.description,
      externalId: e.externalId, createdBy: e.actorUserId,
    });
    if (!inserted) return false;
    const ref = { shipmentId: row.id, orderId: row.order_id, supplierCompanyId: row.supplier_company_id, buyerCompanyId: row.buyer_company_id };
    await record(trx, e.actorUserId, { type: 'shipment.tracked', payload: { ...ref, trackingEventId, source: e.source, status: e.status, at: e.at.toISOString() } });
    if (e.status === 'delivered' && (await store.markDelivered(trx, row.id, e.at))) {
      await record(trx, e.actorUserId, { type: 'shipment.delivered', payload: { ...ref, source: e.source, at: e.at.toISOString() } });
      const order = await this.deps.orders.forParty(trx, row.order_id);
      const carrier = carrierOf(row.carrier);
      await this.deps.notifications.notify(trx, {
        kind: 'shipment.delivered', to: { companyId: row.buyer_company_id, roles: [...BUYER_ROLES] },
        params: {
          orderNumber: order?.number ?? '', waybillNo: row.waybill_no, carrierZh: row.carrier_name,
          carrierEn: row.carrier === 'other' ? row.carrier_name : (carrier?.en ?? row.carrier_name),
        },
        link: `/workbench/orders/${row.order_id}`, ...(e.actorUserId ? { excludeUserIds: [e.actorUserId] } : {}), dedupeKey: `shipment.delivered:${row.id}`,
      });
    }
    return true;
  }

  /**
   * A carrier's signed webhook: a batch of tracking events by waybill number. A bad signature, an unknown carrier
   * or a malformed body changes nothing; an event id already applied to a shipment is a replay and is skipped;
   * events for waybills we do not know are counted as unmatched. Every delivery is logged.
   */
  async handleWebhook(carrierCode: string, signature: string | undefined, rawBody: string): Promise<{ applied: number; replayed: number; unmatched: number }> {
    const log = (outcome: 'bad_signature' | 'unknown_carrier' | 'malformed', detail: string) =>
      store.logDelivery(this.db, { id: uuidv7(), carrier: carrierCode.slice(0, 30), outcome, detail });
    if (!verifyCarrierSignature(this.webhookSecret, signature, rawBody)) {
      await log('bad_signature', rawBody.slice(0, 200));
      this.platform.log.warn({ carrier: carrierCode }, 'carrier webhook with a bad signature refused');
      throw new DomainError(ShipmentErrors.CARRIER_WEBHOOK_SIGNATURE_INVALID);
    }
    const carrier = carrierOf(carrierCode);
    if (!carrier || carrier.code === 'other') {
      await log('unknown_carrier', '');
      throw new DomainError(ShipmentErrors.CARRIER_UNKNOWN, { carrier: carrierCode.slice(0, 30) });
    }
    let payload;
    try {
      payload = carrierWebhookPayload.parse(JSON.parse(rawBody));
    } catch {
      await log('malformed', rawBody.slice(0, 200));
      throw new DomainError(ShipmentErrors.CARRIER_WEBHOOK_MALFORMED);
    }
    const counts = { applied: 0, replayed: 0, unmatched: 0 };
    await this.platform.database.transaction(async (trx) => {
      const byWaybill = new Map<string, store.ShipmentRow[]>();
      for (const event of payload.events) {
        const waybill = event.waybillNo.toUpperCase();
        let rows = byWaybill.get(waybill);
        if (!rows) {
          rows = await store.shipmentsByWaybill(trx, carrier.code, waybill);
          byWaybill.set(waybill, rows);
        }
        if (rows.length === 0) {
          counts.unmatched += 1;
          continue;
        }
        for (const row of rows) {
          const applied = await this.applyTracking(trx, row, {
            at: new Date(event.at), source: 'carrier', status: event.status, location: event.location, description: event.description,
            externalId: event.id, actorUserId: null,
          });
          if (applied) counts.applied += 1;
          else counts.replayed += 1;
        }
      }
      await store.logDelivery(trx, { id: uuidv7(), carrier: carrier.code, outcome: 'processed', ...counts, detail: `${payload.events.length} event(s)` });
    });
    return counts;
  }

  /**
   * The order was received: each of its parcels not yet delivered is, at the receipt's time, with a tracking event
   * from the buyer's side. No "delivered" notice (the buyer is who confirmed). Parcels already delivered keep their
   * own time, so running twice changes nothing.
   */
  async deliverOnReceipt(trx: Db, orderId: string, at: Date, actorUserId: string | null): Promise<number> {
    let delivered = 0;
    for (const row of await store.shipmentsOfOrder(trx, orderId)) {
      if (row.status === 'delivered' || !(await store.markDelivered(trx, row.id, at))) continue;
      const trackingEventId = uuidv7();
      await store.insertTracking(trx, {
        id: trackingEventId, shipmentId: row.id, at, source: 'buyer', status: 'delivered', location: '',
        description: actorUserId ? '买家确认收货 | Receipt confirmed by the buyer' : '系统自动确认收货 | Receipt confirmed automatically', externalId: null, createdBy: actorUserId,
      });
      const ref = { shipmentId: row.id, orderId: row.order_id, supplierCompanyId: row.supplier_company_id, buyerCompanyId: row.buyer_company_id };
      await record(trx, actorUserId, { type: 'shipment.tracked', payload: { ...ref, trackingEventId, source: 'buyer', status: 'delivered', at: at.toISOString() } });
      await record(trx, actorUserId, { type: 'shipment.delivered', payload: { ...ref, source: 'buyer', at: at.toISOString() } });
      delivered += 1;
    }
    return delivered;
  }

  // -------------------------------------------------------------------------------------------------------
  // Automatic receipt

  /**
   * Confirms receipt for orders fully shipped more than autoConfirmDays (orders.settings()) ago whose buyer has not
   * confirmed: orders.confirmReceiptBySystem. An open after-sale pauses it. Each order is its own transaction, so one
   * failure never holds up the rest; a confirmation that happened elsewhere first just settles the row.
   */
  async sweep(now: Date = new Date()): Promise<{ confirmed: number; settled: number; paused: number; failed: number }> {
    const { autoConfirmDays } = await this.deps.orders.settings();
    const cutoff = new Date(now.getTime() - autoConfirmDays * DAY_MS);
    const result = { confirmed: 0, settled: 0, paused: 0, failed: 0 };
    for (const due of await store.dueCompletions(this.db, cutoff, SWEEP_BATCH)) {
      if (this.deps.hasOpenAfterSale && (await this.deps.hasOpenAfterSale(due.order_id))) {
        result.paused += 1;
        continue;
      }
      const order = await this.deps.orders.forParty(null, due.order_id);
      if (!order || order.status !== 'shipped') {
        await store.settleCompletion(this.db, due.order_id, 'already_settled', now);
        result.settled += 1;
        continue;
      }
      let confirmed: boolean;
      try {
        confirmed = await this.deps.orders.confirmReceiptBySystem(due.order_id);
      } catch (err) {
        const again = await this.deps.orders.forParty(null, due.order_id);
        if (again && again.status === 'shipped') {
          this.platform.log.error({ err, orderId: due.order_id }, 'automatic receipt confirmation failed; will retry');
          result.failed += 1;
        } else {
          // The buyer (or an after-sale) settled the order between our read and the confirmation.
          await store.settleCompletion(this.db, due.order_id, 'already_settled', now);
          result.settled += 1;
        }
        continue;
      }
      if (!confirmed) {
        await store.settleCompletion(this.db, due.order_id, 'already_settled', now);
        result.settled += 1;
        continue;
      }
      await this.platform.database.transaction(async (trx) => {
        await store.settleCompletion(trx, due.order_id, 'auto_confirmed', now);
        await record(trx, null, {
          type: 'shipment.receipt_auto_confirmed',
          payload: { orderId: due.order_id, supplierCompanyId: due.supplier_company_id, buyerCompanyId: due.buyer_company_id, lastShippedAt: due.last_shipped_at.toISOString(), autoConfirmDays },
        });
      });
      result.confirmed += 1;
    }
    return result;
  }
}
