import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineSearchJobs, scheduleBackfill } from './jobs.js';
import type { CatalogPort, ProductSalesPort } from './ports.js';
import { registerSearchRoutes } from './routes.js';
import { SearchService } from './service.js';
import { supplierSource, type SupplierSourceDeps } from './supplier-source.js';

export type { AttributeDefinition, CatalogPort, ProductIndexView, SupplierFacts } from './ports.js';
export type { ProductDoc } from './documents.js';

/**
 * Search: a read model of published products and suppliers (jieba-segmented text, trigram titles, supplier
 * facts), kept current from catalog and supplier events, queried with filters, facets and explainable ranking.
 */
export function createSearchModule(platform: Platform, deps: SupplierSourceDeps & { catalog: CatalogPort; productSales?: ProductSalesPort }) {
  const search = new SearchService(platform, { catalog: deps.catalog, suppliers: supplierSource(deps), ...(deps.productSales ? { sales: deps.productSales } : {}) });
  defineSearchJobs(platform, search);
  return {
    search,
    /** Builds the index once for data that predates the module (queued at start, runs in the worker). */
    scheduleBackfill: () => scheduleBackfill(platform),
    registerRoutes(app: App) {
      registerSearchRoutes(app, search);
    },
  };
}

export type SearchModule = ReturnType<typeof createSearchModule>;
