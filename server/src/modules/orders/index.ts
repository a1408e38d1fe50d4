import type { Db } from '../../platform/db.js';
import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineOrderJobs } from './jobs.js';
import type { Deps } from './ports.js';
import { registerOrderRoutes } from './routes.js';
import { OrdersService, type RefundInput } from './service.js';

export type { AfterSalesPort, CatalogPort, CreditLinesPort, Deps as OrdersDeps, InventoryPort, InvoiceProfilesPort, PurchaseListPort, QuotesPort } from './ports.js';
export type { OrderForParty, OrderLineView, OrderSummary, OrderView, RefundInput, TradeSettings } from './service.js';
export type { OrderEvent, OrderEventType, OrderRef } from './events.js';
export type { OrderStatus, Party, TransitionName, ViewerAction } from './states.js';
export { DEFAULT_TRADE_SETTINGS, ESCROW_ACCOUNT, FEES_ACCOUNT, receivableAccount, sellerAccount, STATUS_ZH as ORDER_STATUS_ZH } from './service.js';
export { ORDER_STATUSES, TRANSITIONS, VIEWER_ACTIONS, holdsReservation, isFinal } from './states.js';
export { OrderErrors } from './errors.js';
export { ORDER_NOTIFICATION_KINDS } from './kinds.js';

/**
 * Orders (订单): checkout (one order per supplier, stock reserved in the same transaction), buyer approvals, escrow and
 * staged payments through the payments module's settlement hook, credit terms, adjust, cancel, receipt, completion
 * (money released to the seller minus the platform fee) and refunds — the state machine in states.ts, docs/orders.md.
 */
export function createOrdersModule(platform: Platform, deps: Deps) {
  const service = new OrdersService(platform, deps);
  defineOrderJobs(platform, service);
  return {
    service,
    orders: {
      get: service.get.bind(service),
      /** An order's parties, lines and money without authorization (callers compare company ids). */
      forParty: (trx: Db | null, orderId: string) => service.forParty(trx, orderId),
      /** Shipments: paid|partly_shipped → partly_shipped|shipped, stock committed; throws ORDER_NOT_SHIPPABLE. */
      applyShipment: (trx: Db, orderId: string, items: Array<{ lineId: string; quantity: number }>, actorUserId: string | null) => service.applyShipment(trx, orderId, items, actorUserId),
      /** The auto-confirm job: shipped → received (false when not shipped any more). */
      confirmReceiptBySystem: (orderId: string) => service.confirmReceiptBySystem(orderId),
      /** After-sales and disputes: refund before completion, optional restock of returned units; closes the order at the total. */
      refund: (trx: Db, input: RefundInput) => service.refund(trx, input),
      /** Σ (escrow_paid − escrow_refunded − escrow_released) over all orders: must equal −balance(escrow:CNY). */
      escrowOutstanding: () => service.escrowOutstanding(),
      escrowHeldForSeller: (companyId: string) => service.escrowHeldForSeller(companyId),
      numbersOf: (ids: string[]) => service.numbersOf(ids),
      /** The catalog products on each order's lines (service metrics' backfill for orders placed before order.created named them). */
      productIdsOf: (orderIds: string[]) => service.productIdsOf(orderIds),
      settings: () => service.settings(),
    },
    registerRoutes(app: App) {
      registerOrderRoutes(app, service, deps.payments);
    },
  };
}

export type OrdersModule = ReturnType<typeof createOrdersModule>;
