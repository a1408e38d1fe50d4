import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';
import type { TrackingSource, TrackingStatus } from './carriers.js';

interface ShipmentRef { shipmentId: string; orderId: string; supplierCompanyId: string; buyerCompanyId: string }

/**
 * The shipments' events. companyId is the supplier (whose fulfilment record they are); the subject is the shipment.
 * The order's own state change (order.shipped {fully, onTime}) is recorded by the orders module in the same transaction.
 */
export type ShipmentEvent =
  | { type: 'shipment.created'; payload: ShipmentRef & { carrier: string; waybillNo: string; items: Array<{ lineId: string; quantity: number }>; fully: boolean; at: string } }
  | { type: 'shipment.tracked'; payload: ShipmentRef & { trackingEventId: string; source: TrackingSource; status: TrackingStatus; at: string } }
  | { type: 'shipment.delivered'; payload: ShipmentRef & { source: TrackingSource; at: string } }
  | { type: 'shipment.receipt_auto_confirmed'; payload: { orderId: string; supplierCompanyId: string; buyerCompanyId: string; lastShippedAt: string; autoConfirmDays: number } };

export type ShipmentEventType = ShipmentEvent['type'];

export function record(trx: Db, actorUserId: string | null, event: ShipmentEvent): Promise<string> {
  const subject = 'shipmentId' in event.payload
    ? { subjectType: 'shipment', subjectId: event.payload.shipmentId }
    : { subjectType: 'order', subjectId: event.payload.orderId };
  return recordEvent(trx, { type: event.type, actorUserId, companyId: event.payload.supplierCompanyId, ...subject, payload: event.payload });
}
