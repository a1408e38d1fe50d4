import { sql, type ColumnType, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/tables.js';
import type { TrackingSource, TrackingStatus } from './carriers.js';

/** numeric columns: strings from pg, numbers from PGlite; numbers when written. The service converts with Number(). */
type Numeric = ColumnType<string | number, number, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type ShipmentStatus = 'in_transit' | 'delivered';

interface ShipmentsTable {
  id: string;
  order_id: string;
  supplier_company_id: string;
  buyer_company_id: string;
  carrier: string;
  carrier_name: string;
  waybill_no: string;
  status: Defaulted<ShipmentStatus>;
  photos: Json<string[]>;
  note: Defaulted<string>;
  shipped_by: string;
  shipped_at: Timestamp;
  delivered_at: NullableTimestamp;
  updated_at: Timestamp;
}
interface ShipmentItemsTable {
  shipment_id: string;
  line_id: string;
  quantity: Numeric;
}
interface TrackingEventsTable {
  id: string;
  shipment_id: string;
  at: Timestamp;
  source: TrackingSource;
  status: TrackingStatus;
  location: Defaulted<string>;
  description: Defaulted<string>;
  external_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}
interface ShipmentCompletionsTable {
  order_id: string;
  supplier_company_id: string;
  buyer_company_id: string;
  last_shipped_at: Timestamp;
  settled_at: NullableTimestamp;
  outcome: 'auto_confirmed' | 'already_settled' | null;
}
interface CarrierWebhookDeliveriesTable {
  id: string;
  carrier: string;
  outcome: 'bad_signature' | 'unknown_carrier' | 'malformed' | 'processed';
  applied: Defaulted<number>;
  replayed: Defaulted<number>;
  unmatched: Defaulted<number>;
  detail: Defaulted<string>;
  received_at: Timestamp;
}

type ShipmentTables = {
  shipments: ShipmentsTable; shipment_items: ShipmentItemsTable; tracking_events: TrackingEventsTable;
  shipment_completions: ShipmentCompletionsTable; carrier_webhook_deliveries: CarrierWebhookDeliveriesTable;
};

export type ShipmentRow = Selectable<ShipmentsTable>;
export type ShipmentItemRow = Selectable<ShipmentItemsTable>;
export type TrackingRow = Selectable<TrackingEventsTable>;
export type CompletionRow = Selectable<ShipmentCompletionsTable>;

const t = (db: Db) => db.withTables<ShipmentTables>();

export interface NewShipment {
  id: string; orderId: string; supplierCompanyId: string; buyerCompanyId: string; carrier: string; carrierName: string; waybillNo: string;
  photos: string[]; note: string; shippedBy: string; shippedAt: Date; items: Array<{ lineId: string; quantity: number }>;
}

export async function insertShipment(trx: Db, s: NewShipment): Promise<void> {
  await t(trx).insertInto('shipments').values({
    id: s.id, order_id: s.orderId, supplier_company_id: s.supplierCompanyId, buyer_company_id: s.buyerCompanyId, carrier: s.carrier,
    carrier_name: s.carrierName, waybill_no: s.waybillNo, photos: JSON.stringify(s.photos), note: s.note, shipped_by: s.shippedBy,
    shipped_at: s.shippedAt, updated_at: s.shippedAt,
  }).execute();
  await t(trx).insertInto('shipment_items').values(s.items.map((i) => ({ shipment_id: s.id, line_id: i.lineId, quantity: i.quantity }))).execute();
}

export async function findShipment(db: Db, id: string, forUpdate = false): Promise<ShipmentRow | undefined> {
  const q = t(db).selectFrom('shipments').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function shipmentsOfOrder(db: Db, orderId: string): Promise<ShipmentRow[]> {
  return t(db).selectFrom('shipments').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

/** Shipments of this carrier and waybill, row-locked (a webhook and a person may report at once). */
export async function shipmentsByWaybill(trx: Db, carrier: string, waybillNo: string): Promise<ShipmentRow[]> {
  return t(trx).selectFrom('shipments').selectAll().where('carrier', '=', carrier).where('waybill_no', '=', waybillNo).orderBy('id').forUpdate().execute();
}

export async function itemsOf(db: Db, shipmentIds: string[]): Promise<ShipmentItemRow[]> {
  if (shipmentIds.length === 0) return [];
  return t(db).selectFrom('shipment_items').selectAll().where('shipment_id', 'in', shipmentIds).orderBy('shipment_id').execute();
}

export async function trackingOf(db: Db, shipmentIds: string[]): Promise<TrackingRow[]> {
  if (shipmentIds.length === 0) return [];
  return t(db).selectFrom('tracking_events').selectAll().where('shipment_id', 'in', shipmentIds).orderBy('at').orderBy('id').execute();
}

export interface NewTracking {
  id: string; shipmentId: string; at: Date; source: TrackingSource; status: TrackingStatus; location: string; description: string;
  externalId: string | null; createdBy: string | null;
}

/** Inserts the event; false when the carrier's event id was already applied to this shipment (a replay). */
export async function insertTracking(trx: Db, e: NewTracking): Promise<boolean> {
  const r = await t(trx).insertInto('tracking_events').values({
    id: e.id, shipment_id: e.shipmentId, at: e.at, source: e.source, status: e.status, location: e.location, description: e.description,
    external_id: e.externalId, created_by: e.createdBy,
  }).onConflict((oc) => oc.columns(['shipment_id', 'external_id']).where('external_id', 'is not', null).doNothing())
    .returning('id').executeTakeFirst();
  return r !== undefined;
}

/** Marks the shipment delivered at `at` (the first delivery report wins); true when it changed. */
export async function markDelivered(trx: Db, id: string, at: Date): Promise<boolean> {
  const r = await t(trx).updateTable('shipments').set({ status: 'delivered', delivered_at: at, updated_at: new Date() })
    .where('id', '=', id).where('status', '=', 'in_transit').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Whether the file is one of the shipment's photos (downloads are allowed for exactly those). */
export async function hasPhoto(db: Db, shipmentId: string, fileId: string): Promise<boolean> {
  const r = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM shipments WHERE id = ${shipmentId} AND photos @> jsonb_build_array(${fileId}::text)) AS found`.execute(db);
  return Boolean(r.rows[0]?.found);
}

export async function upsertCompletion(trx: Db, c: { orderId: string; supplierCompanyId: string; buyerCompanyId: string; lastShippedAt: Date }): Promise<void> {
  await t(trx).insertInto('shipment_completions').values({
    order_id: c.orderId, supplier_company_id: c.supplierCompanyId, buyer_company_id: c.buyerCompanyId, last_shipped_at: c.lastShippedAt, settled_at: null, outcome: null,
  }).onConflict((oc) => oc.column('order_id').doUpdateSet({ last_shipped_at: c.lastShippedAt, settled_at: null, outcome: null })).execute();
}

/** Fully shipped orders whose last shipment is older than the cutoff and not yet settled, oldest first. */
export async function dueCompletions(db: Db, cutoff: Date, limit: number): Promise<CompletionRow[]> {
  return t(db).selectFrom('shipment_completions').selectAll()
    .where('settled_at', 'is', null).where('last_shipped_at', '<=', cutoff)
    .orderBy('last_shipped_at').limit(limit).execute();
}

export async function findCompletion(db: Db, orderId: string): Promise<CompletionRow | undefined> {
  return t(db).selectFrom('shipment_completions').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

export async function settleCompletion(db: Db, orderId: string, outcome: 'auto_confirmed' | 'already_settled', at: Date): Promise<void> {
  await t(db).updateTable('shipment_completions').set({ settled_at: at, outcome }).where('order_id', '=', orderId).where('settled_at', 'is', null).execute();
}

export async function logDelivery(db: Db, d: { id: string; carrier: string; outcome: CarrierWebhookDeliveriesTable['outcome']; applied?: number; replayed?: number; unmatched?: number; detail?: string }): Promise<void> {
  await t(db).insertInto('carrier_webhook_deliveries').values({
    id: d.id, carrier: d.carrier, outcome: d.outcome, applied: d.applied ?? 0, replayed: d.replayed ?? 0, unmatched: d.unmatched ?? 0, detail: (d.detail ?? '').slice(0, 500),
  }).execute();
}
