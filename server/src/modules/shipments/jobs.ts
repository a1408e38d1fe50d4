import type { Platform } from '../../platform/platform.js';
import type { ShipmentsService } from './service.js';

/** The auto-confirm sweep runs every quarter hour: an order is confirmed at most that long after its day comes. */
export const AUTO_CONFIRM_EVERY_MS = 15 * 60_000;

export function defineShipmentJobs(platform: Platform, shipments: ShipmentsService): void {
  // The order was received (by the buyer or automatically): its parcels still in transit are delivered. A handler of
  // the orders module's event, so receipt stays the orders module's own transition; idempotent (delivered ones stay).
  platform.events.register({
    name: 'shipments.deliver_on_receipt',
    types: ['order.received'],
    handle: async (event, trx) => {
      const orderId = typeof event.payload.orderId === 'string' ? event.payload.orderId : event.subjectId;
      await shipments.deliverOnReceipt(trx, orderId, event.occurredAt, event.actorUserId);
    },
  });
  platform.jobs.defineRecurring('shipments.auto_confirm', (now) => new Date(now.getTime() + AUTO_CONFIRM_EVERY_MS), async (ctx) => {
    const result = await shipments.sweep();
    if (result.confirmed || result.settled || result.failed) ctx.log.info(result, 'shipments auto-confirm sweep');
  });
}
