import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineServiceMetricsJobs, scheduleProductBackfill } from './jobs.js';
import { registerServiceMetricsRoutes } from './routes.js';
import { ServiceMetricsService, type Deps, type ProductSalesView, type ServiceFacts, type SupplierRates } from './service.js';

export type { ProductSalesView, ServiceFacts, SupplierRates } from './service.js';
export type { Metrics as ServiceMetrics } from './definitions.js';
export type { ServiceMetricsChanged } from './events.js';
export { CHANGED_EVENT as SERVICE_METRICS_CHANGED, PRODUCT_SALES_CHANGED_EVENT } from './events.js';
export type { ProductSalesChanged } from './events.js';
export { WINDOW_DAYS as SERVICE_METRICS_WINDOW_DAYS } from './definitions.js';

/** The batch reader credit takes: each company's cached service facts. */
export type ServiceFactsReader = (companyIds: string[]) => Promise<Map<string, ServiceFacts>>;
/** The batch reader search takes: each supplier's cached ranking rates. */
export type SupplierRatesReader = (companyIds: string[]) => Promise<Map<string, SupplierRates>>;
/** The batch reader search takes: each product's cached recent sales. */
export type ProductSalesReader = (productIds: string[]) => Promise<Map<string, ProductSalesView>>;

/**
 * Service metrics: what the trade teaches the platform. Per supplier over 90 days on-time shipping, dispute,
 * refund and repeat-buyer rates and review averages; per buyer payment punctuality on credit terms — kept from
 * order, dispute, review and credit-terms events only (docs/service-metrics.md); per product its recent buyers. Read
 * by credit (factsOf) and search (ratesOf, salesOf); shown on shop pages, product pages and result cards.
 */
export function createServiceMetricsModule(platform: Platform, deps: Deps) {
  const serviceMetrics = new ServiceMetricsService(platform, deps);
  defineServiceMetricsJobs(platform, serviceMetrics);
  const factsOf: ServiceFactsReader = (companyIds) => serviceMetrics.factsOf(companyIds);
  const ratesOf: SupplierRatesReader = (companyIds) => serviceMetrics.ratesOf(companyIds);
  const salesOf: ProductSalesReader = (productIds) => serviceMetrics.salesOf(productIds);
  return {
    serviceMetrics,
    factsOf,
    ratesOf,
    salesOf,
    /** Products of orders paid before order.created named them (queued at start, runs in the worker). */
    scheduleProductBackfill: () => scheduleProductBackfill(platform),
    registerRoutes(app: App) {
      registerServiceMetricsRoutes(app, serviceMetrics);
    },
  };
}

export type ServiceMetricsModule = ReturnType<typeof createServiceMetricsModule>;
