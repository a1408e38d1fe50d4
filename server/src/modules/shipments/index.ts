import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineShipmentJobs } from './jobs.js';
import { SHIPMENT_NOTIFICATION_KINDS } from './kinds.js';
import type { Deps } from './ports.js';
import { registerShipmentRoutes } from './routes.js';
import { ShipmentsService } from './service.js';

export type { OrderForParty, OrdersPort } from './ports.js';
export type { ShipmentEvent, ShipmentEventType } from './events.js';
export type { OrderShipmentsView, ShipmentView, TrackingView } from './service.js';
export { CARRIERS, TRACKING_STATUSES, type CarrierCode, type TrackingStatus } from './carriers.js';
export { signCarrierWebhook } from './signature.js';
export { SHIPMENT_NOTIFICATION_KINDS } from './kinds.js';
export { AUTO_CONFIRM_EVERY_MS } from './jobs.js';

/**
 * Shipments (物流): the order's ship action (one or more shipments per order, each with carrier, waybill, items and
 * photos, applied to the order through orders.applyShipment in the same transaction), tracking events from the seller,
 * operators and a signed carrier webhook, and the auto-confirm sweep (receipt confirmed autoConfirmDays after the last
 * shipment of a fully shipped order). Decisions: docs/shipments.md.
 */
export function createShipmentsModule(platform: Platform, deps: Deps) {
  deps.notifications.registerKinds(SHIPMENT_NOTIFICATION_KINDS);
  const shipments = new ShipmentsService(platform, deps, platform.config.CARRIER_WEBHOOK_SECRET);
  defineShipmentJobs(platform, shipments);
  return {
    shipments,
    /** For other modules (after-sales arbitration): an order's shipments with their timelines, without authorization. */
    ofOrder: (orderId: string) => shipments.ofOrder(orderId),
    registerRoutes(app: App) {
      registerShipmentRoutes(app, shipments);
    },
  };
}

export type ShipmentsModule = ReturnType<typeof createShipmentsModule>;
