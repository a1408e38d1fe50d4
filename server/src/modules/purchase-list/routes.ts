import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { PurchaseListService } from './service.js';

/** The purchase list (进货单) is the signed-in user's, per buying company (owner, admin or purchaser there). */
export function registerPurchaseListRoutes(app: App, list: PurchaseListService): void {
  const tags = ['purchase-list'];

  app.get('/api/v1/purchase-list', {
    schema: {
      tags, summary: "My purchase list for a buying company, grouped by supplier and priced now: each product's tier and MOQ apply to its total quantity; lines show their problems (below_moq, above_stock, unavailable)",
      querystring: s.companyQuery, response: { 200: s.listView },
    },
  }, async (req) => list.list(req.ctx, req.query.companyId));

  app.get('/api/v1/purchase-list/count', {
    schema: { tags, summary: 'How many lines my purchase list holds (the header badge)', querystring: s.companyQuery, response: { 200: s.countView } },
  }, async (req) => list.count(req.ctx, req.query.companyId));

  app.post('/api/v1/purchase-list/items', {
    schema: {
      tags, summary: 'Add a SKU with a quantity (adds to the line already holding it: 200, new line: 201). Refused above the stock; below the MOQ is kept and shown as a problem. At most 200 lines.',
      body: s.addBody, response: { 200: s.addedView, 201: s.addedView },
    },
  }, async (req, reply) => {
    const added = await list.add(req.ctx, req.body);
    return reply.code(added.created ? 201 : 200).send(added);
  });

  app.patch('/api/v1/purchase-list/items/:id', {
    schema: { tags, summary: 'Change a line\'s quantity (raising it above the stock is refused) or whether it is selected for checkout; returns the list', params: s.idParams, body: s.patchBody, response: { 200: s.listView } },
  }, async (req) => list.patch(req.ctx, req.params.id, req.body));

  app.delete('/api/v1/purchase-list/items/:id', {
    schema: { tags, summary: 'Remove a line; returns the list', params: s.idParams, response: { 200: s.listView } },
  }, async (req) => list.removeOne(req.ctx, req.params.id));

  app.post('/api/v1/purchase-list/remove', {
    schema: { tags, summary: 'Remove several lines at once (e.g. the unavailable ones); returns the list', body: s.removeBody, response: { 200: s.listView } },
  }, async (req) => list.remove(req.ctx, req.body.companyId, req.body.itemIds));

  app.post('/api/v1/purchase-list/selection', {
    schema: { tags, summary: "Select or clear every line, or one supplier's lines, for checkout; returns the list", body: s.selectBody, response: { 200: s.listView } },
  }, async (req) => list.select(req.ctx, req.body));
}
