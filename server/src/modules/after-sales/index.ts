import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineAfterSaleJobs } from './jobs.js';
import { AFTER_SALE_NOTIFICATION_KINDS } from './kinds.js';
import type { Deps } from './ports.js';
import { registerAfterSaleRoutes } from './routes.js';
import { AfterSalesService } from './service.js';

export type { AfterSaleEvent, AfterSaleEventType, AfterSaleOutcome } from './events.js';
export { AFTER_SALE_EVENT_TYPES } from './events.js';
export type { ChatLine, ChatLog, OrderForParty, OrdersPort, RefundInput } from './ports.js';
export type { AfterSaleView, At as AfterSaleAt, DisputeView } from './service.js';
export type { AfterSaleKind, AfterSaleStatus } from './states.js';
export { OPEN_STATUSES as AFTER_SALE_OPEN_STATUSES } from './states.js';
export { AFTER_SALE_NOTIFICATION_KINDS } from './kinds.js';

/**
 * After-sales (售后) and disputes (纠纷): the buyer's refund / return / exchange requests on paid orders, the seller's
 * answers, return shipments, escalation, and operators' arbitration. Money moves only through deps.orders.refund, in
 * the transaction of the step. docs/after-sales.md.
 */
export function createAfterSalesModule(platform: Platform, deps: Deps) {
  deps.notifications.registerKinds(AFTER_SALE_NOTIFICATION_KINDS);
  const afterSales = new AfterSalesService(platform, deps);
  defineAfterSaleJobs(platform, afterSales);
  return {
    afterSales,
    /** For the orders module's completion sweep: an order with an open request is not completed. */
    hasOpen: (orderId: string) => afterSales.hasOpen(orderId),
    registerRoutes(app: App) {
      registerAfterSaleRoutes(app, afterSales);
    },
  };
}

export type AfterSalesModule = ReturnType<typeof createAfterSalesModule>;
