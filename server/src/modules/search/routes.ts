import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { SearchService } from './service.js';

export function registerSearchRoutes(app: App, search: SearchService): void {
  app.get('/api/v1/search/products', {
    schema: {
      tags: ['search'],
      summary: 'Search published products (Chinese and English); filters, facets, sort by best match, price at a quantity or newest; ranked by text relevance × supplier service × product quality, never by payment. Attribute filters: attr.<key>=v1,v2, attr.<key>.min, attr.<key>.max. Prices in 分.',
      querystring: s.productSearchQuery, response: { 200: s.productSearchResponse },
    },
  }, async (req) => search.searchProducts(req.ctx, req.query));

  app.get('/api/v1/search/suppliers', {
    schema: { tags: ['search'], summary: 'Search suppliers by name, main products and region; ranked by relevance × service factor', querystring: s.supplierSearchQuery, response: { 200: s.supplierSearchResponse } },
  }, async (req) => search.searchSuppliers(req.ctx, req.query));

  app.get('/api/v1/search/suggest', {
    schema: { tags: ['search'], summary: 'Suggestions while typing: product terms (prefix, then close spellings) and supplier names, optionally within a category', querystring: s.suggestQuery, response: { 200: s.suggestResponse } },
  }, async (req, reply) => {
    // Cacheable for a moment: every keystroke asks.
    void reply.header('cache-control', 'public, max-age=30');
    return search.suggest(req.ctx, req.query);
  });
}
