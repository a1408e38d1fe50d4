import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineStorefrontJobs, scheduleBackfill } from './jobs.js';
import { registerStorefrontRoutes } from './routes.js';
import { StorefrontService, type Deps } from './service.js';
import { TEMPLATES, type TemplateRegistry } from './templates.js';

export type { StorefrontEvent } from './events.js';
export type { CatalogPort, ProductSummary } from './ports.js';
export type { StorefrontTemplate, TemplateRegistry } from './templates.js';
export { STANDARD_TEMPLATE, TEMPLATES } from './templates.js';
export { slugProblem } from './slug.js';

/** Storefronts (旺铺): each supplier's shop, its slug and the sections the seller arranges under a configured template. */
export function createStorefrontModule(platform: Platform, deps: Deps, templates: TemplateRegistry = TEMPLATES) {
  const storefront = new StorefrontService(platform, deps, templates);
  defineStorefrontJobs(platform, storefront);
  return {
    storefront,
    /** Queues the start-up backfill (shops for suppliers that predate this module; the product read model if never built). */
    scheduleBackfill: () => scheduleBackfill(platform),
    registerRoutes(app: App) {
      registerStorefrontRoutes(app, storefront);
    },
  };
}

export type StorefrontModule = ReturnType<typeof createStorefrontModule>;
