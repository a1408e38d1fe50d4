import type { Db } from '../../platform/db.js';
import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { registerPurchaseListRoutes } from './routes.js';
import { PurchaseListService, type Deps } from './service.js';

export type { PurchaseListEvent } from './events.js';
export type { CatalogPort, ItemView, ListView, Problem } from './service.js';
export { MAX_ITEMS } from './service.js';

/**
 * The purchase list (进货单): a buyer user's SKUs and quantities per buying company, grouped by supplier and priced from
 * the catalog when read (tier and MOQ at each product's total), with problems shown instead of lines refused. Checkout
 * (the orders module) reads the selected lines and removes what it ordered in its own transaction.
 */
export function createPurchaseListModule(platform: Platform, deps: Deps) {
  const purchaseList = new PurchaseListService(platform, deps);
  return {
    purchaseList,
    /** The user's selected lines for the buying company: checkout's default items. */
    selectedItems: (userId: string, companyId: string) => purchaseList.selectedItems(userId, companyId),
    /** Removes the SKUs just ordered from the user's list, inside checkout's transaction. */
    removeOrdered: (trx: Db, userId: string, companyId: string, skuIds: string[]) => purchaseList.removeOrdered(trx, userId, companyId, skuIds),
    registerRoutes(app: App) {
      registerPurchaseListRoutes(app, purchaseList);
    },
  };
}

export type PurchaseListModule = ReturnType<typeof createPurchaseListModule>;
