import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { ServiceMetricsService } from './service.js';

export function registerServiceMetricsRoutes(app: App, metrics: ServiceMetricsService): void {
  app.get('/api/v1/companies/:id/service-metrics', {
    schema: {
      tags: ['service-metrics'], params: s.companyParams, response: { 200: s.metricsView },
      summary: 'Public: on-time shipping, dispute, refund and repeat-buyer rates and review averages over 90 days; payment punctuality on credit terms (docs/service-metrics.md)',
    },
  }, async (req) => metrics.view(req.ctx, req.params.id));

  app.get('/api/v1/products/:id/sales', {
    schema: {
      tags: ['service-metrics'], params: s.productParams, response: { 200: s.productSalesView },
      summary: "Public: a product's recent sales over 90 days — distinct buyer companies and orders paid, neither cancelled nor fully refunded (docs/service-metrics.md)",
    },
  }, async (req) => metrics.productView(req.ctx, req.params.id));

  app.get('/api/v1/companies/:id/top-products', {
    schema: {
      tags: ['service-metrics'], params: s.companyParams, querystring: s.topProductsQuery, response: { 200: s.topProductsView },
      summary: "Public: a supplier's best-selling published products over 90 days (most buying companies first) and its totals",
    },
  }, async (req) => metrics.topProducts(req.ctx, req.params.id, req.query.limit));

  app.get('/api/v1/product-sales', {
    schema: {
      tags: ['service-metrics'], summary: 'Public: the recent sales (90 days) of up to 50 products, for product lists; a product never sold counts 0',
      querystring: s.productSalesQuery, response: { 200: s.productSalesMany },
    },
  }, async (req) => {
    const sales = await metrics.salesOf(req.query.productIds);
    return { items: req.query.productIds.map((productId) => ({ productId, ...(sales.get(productId) ?? { recentBuyers: 0, recentOrders: 0 }) })) };
  });

  app.get('/api/v1/service-metrics', {
    schema: {
      tags: ['service-metrics'], summary: 'Public: the headline service metrics of up to 50 companies (trust-mark strips on lists)',
      querystring: s.manyQuery, response: { 200: s.manyResponse },
    },
  }, async (req) => ({ items: await metrics.many(req.query.companyIds) }));
}
