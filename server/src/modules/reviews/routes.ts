import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { ReviewsService } from './service.js';

const tags = ['reviews'];

export function registerReviewRoutes(app: App, reviews: ReviewsService): void {
  app.post('/api/v1/reviews', {
    schema: {
      tags, summary: 'Review an order (buyer member with company.orders.place), once, when it is received or completed: quality, shipping and service 1–5 and a text',
      body: s.createBody, response: { 201: s.reviewView },
    },
  }, async (req, reply) => reply.code(201).send(await reviews.create(req.ctx, req.body)));

  app.get('/api/v1/reviews', {
    schema: {
      tags, summary: "Reviews, newest first, cursor paged: of a product (productId) or a supplier (companyId) — public, the buyer shown only as province and company type; or those a buyer company wrote (buyerCompanyId, its members)",
      querystring: s.listQuery, response: { 200: s.reviewPage },
    },
  }, async (req) => reviews.list(req.ctx, req.query));

  app.get('/api/v1/reviews/:id', {
    schema: { tags, summary: 'One review (public)', params: s.idParams, response: { 200: s.reviewView } },
  }, async (req) => reviews.get(req.ctx, req.params.id));

  app.post('/api/v1/reviews/:id/reply', {
    schema: { tags, summary: "The supplier's reply (member with company.orders.fulfil), once", params: s.idParams, body: s.replyBody, response: { 200: s.reviewView } },
  }, async (req) => reviews.reply(req.ctx, req.params.id, req.body.text));

  app.get('/api/v1/orders/:id/review', {
    schema: { tags, summary: "The order's review and whether the viewer may write it now (members of the order's companies, operators)", params: s.idParams, response: { 200: s.orderReviewState } },
  }, async (req) => reviews.forOrder(req.ctx, req.params.id));

  app.get('/api/v1/companies/:id/review-summary', {
    schema: { tags, summary: "A supplier's review count, averages per dimension and star distribution (public)", params: s.idParams, response: { 200: s.summaryView } },
  }, async (req) => reviews.summary({ companyId: req.params.id }));

  app.get('/api/v1/products/:id/review-summary', {
    schema: { tags, summary: "A product's review count, averages per dimension and star distribution (public)", params: s.idParams, response: { 200: s.summaryView } },
  }, async (req) => reviews.summary({ productId: req.params.id }));
}
