import type { Db } from '../../platform/db.js';
import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { registerInvoicesRoutes } from './routes.js';
import { InvoicesService, type Deps } from './service.js';

export type { InvoicesEvent } from './events.js';
export type { IssuedView, OrderFacts, OrdersPort, ProfileView } from './service.js';
export { checkProfile, taxNoProblem } from './service.js';

/**
 * Invoices (发票): buyer companies' invoice profiles (ordinary or VAT special) that checkout names on an order, and
 * the invoices sellers record as issued for paid orders (number, date, amount, file), seen by both sides.
 */
export function createInvoicesModule(platform: Platform, deps: Deps) {
  const invoices = new InvoicesService(platform, deps);
  return {
    invoices,
    /** For checkout: a profile by id (archived ones too) or null; the caller checks profile.companyId is the buyer. */
    profileOf: (id: string, db?: Db) => invoices.profileOf(id, db),
    registerRoutes(app: App) {
      registerInvoicesRoutes(app, invoices);
    },
  };
}

export type InvoicesModule = ReturnType<typeof createInvoicesModule>;
