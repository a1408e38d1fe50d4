import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { CategoriesService } from './categories.service.js';
import { ImportService, type ImportDeps } from './import.service.js';
import { InventoryService } from './inventory.service.js';
import { registerImportRoutes } from './import.routes.js';
import { ProductsService, type Deps } from './products.service.js';
import { registerCatalogRoutes } from './routes.js';

export type { CategoryPathItem, ResolvedCategory } from './categories.service.js';
export type { ImportJobView } from './import.service.js';
export type { InventoryService, StockLine } from './inventory.service.js';
export type { BulkAction, CheckoutSku, ProductIndexView, ProductListItem, ProductStatus, ProductSummary, ProductView, Sku } from './products.service.js';
export type { AttributeDefinition, AttributeType, AttributeValue, PriceTier, Unit } from './rules.js';
export { UNITS, UNIT_NAMES, lineTotal, skuLabels, tierAt } from './rules.js';
export { productInput, type CategoryNode, type ProductInput } from './schemas.js';
export { PRODUCT_EVENT_TYPES, type CatalogEvent, type ProductEventType } from './events.js';
export { CatalogErrors } from './errors.js';

/**
 * The product system (商品体系): the category tree with attribute templates, products with SKUs, tiered prices and
 * images, their lifecycle under the TrustPass publishing limit, and the read shapes search and storefront index.
 * The importer (import.service.ts) parses rows into `productInput` and calls `products.create`: the same checks as the API.
 */
export function createCatalogModule(platform: Platform, deps: Deps & ImportDeps) {
  const categories = new CategoriesService(platform);
  const products = new ProductsService(platform, categories, deps);
  const imports = new ImportService(platform, categories, products, deps);
  imports.define(platform.jobs);
  const inventory = new InventoryService(platform);
  return {
    categories,
    products,
    imports,
    inventory,
    registerRoutes(app: App) {
      // Before the catalog's own routes: /products/import/... and /products/export are static paths beside /products/:id.
      registerImportRoutes(app, imports);
      registerCatalogRoutes(app, categories, products);
    },
  };
}

export type CatalogModule = ReturnType<typeof createCatalogModule>;
