import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { AfterSalesService } from './service.js';

const tags = ['after-sales'];

export function registerAfterSaleRoutes(app: App, afterSales: AfterSalesService): void {
  app.post('/api/v1/after-sales', {
    schema: {
      tags, body: s.createBody, response: { 201: s.afterSaleView },
      summary: "Ask for after-sales on a paid order (buyer: owner, admin, purchaser): refund only, return and refund, or exchange, with reason, lines, amount in 分 and evidence (files uploaded with purpose=attachment). Orders paid up to received, within the window after receipt; one open request per order; before any shipment only a full refund",
    },
  }, async (req, reply) => reply.code(201).send(await afterSales.create(req.ctx, req.body)));

  app.get('/api/v1/after-sales', {
    schema: { tags, querystring: s.listQuery, response: { 200: s.listPage }, summary: "A company's requests (default: the active company), as buyer or as seller, newest first; status=open for the unfinished ones; orderId for one order's" },
  }, async (req) => afterSales.list(req.ctx, req.query));

  app.get('/api/v1/after-sales/counts', {
    schema: { tags, querystring: s.countsQuery, response: { 200: s.countsView }, summary: 'Dashboard numbers: open requests per side and those waiting for this company' },
  }, async (req) => afterSales.counts(req.ctx, req.query.companyId));

  app.get('/api/v1/after-sales/:id', {
    schema: { tags, params: s.idParams, response: { 200: s.afterSaleView }, summary: 'One request with its lines, evidence and thread, for its two sides and operators (anyone else gets 404); actions lists what the caller may do now' },
  }, async (req) => afterSales.get(req.ctx, req.params.id));

  app.get('/api/v1/after-sales/:id/evidence/:fileId', {
    schema: { tags, params: s.evidenceParams, summary: 'Download an evidence file of the request (the two sides and operators)' },
  }, async (req, reply) => {
    const file = await afterSales.evidence(req.ctx, req.params.id, req.params.fileId);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, max-age=300')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });

  const action = { tags, params: s.idParams, response: { 200: s.afterSaleView } };
  app.post('/api/v1/after-sales/:id/accept', {
    schema: { ...action, body: s.acceptBody, summary: 'Seller accepts: refund only is refunded now (from escrow, or off the credit-terms bill); return and exchange wait for the goods to come back' },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'accept', ...req.body }));
  app.post('/api/v1/after-sales/:id/reject', {
    schema: { ...action, body: s.rejectBody, summary: 'Seller rejects the request (or the returned goods) with a reason and optional evidence; the buyer may escalate within 7 days' },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'reject', ...req.body }));
  app.post('/api/v1/after-sales/:id/propose', {
    schema: { ...action, body: s.proposeBody, summary: 'Seller proposes a partial refund (分, less than asked); the buyer accepts, escalates or withdraws' },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'propose', ...req.body }));
  app.post('/api/v1/after-sales/:id/accept-proposal', {
    schema: { ...action, body: s.emptyBody, summary: "Buyer accepts the seller's partial refund: refunded now, the buyer keeps the goods" },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'accept-proposal', ...req.body }));
  app.post('/api/v1/after-sales/:id/ship-return', {
    schema: { ...action, body: s.shipReturnBody, summary: 'Buyer sends the goods back (carrier and waybill number)' },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'ship-return', ...req.body }));
  app.post('/api/v1/after-sales/:id/confirm-return', {
    schema: { ...action, body: s.confirmReturnBody, summary: 'Seller confirms the returned goods arrived: return and refund is refunded and restocked; an exchange needs the replacement shipment' },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'confirm-return', ...req.body }));
  app.post('/api/v1/after-sales/:id/withdraw', {
    schema: { ...action, body: s.emptyBody, summary: 'Buyer withdraws the request (not once escalated or the goods are on their way back)' },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'withdraw', ...req.body }));
  app.post('/api/v1/after-sales/:id/escalate', {
    schema: { ...action, body: s.escalateBody, summary: 'Either side escalates a rejected request or a partial offer to a dispute that an operator decides' },
  }, async (req) => afterSales.act(req.ctx, req.params.id, { action: 'escalate', ...req.body }));

  app.get('/api/v1/disputes', {
    schema: { tags, querystring: s.disputeListQuery, response: { 200: s.disputePage }, summary: 'Disputes, newest first (operators)' },
  }, async (req) => afterSales.listDisputes(req.ctx, req.query));

  app.get('/api/v1/disputes/:id', {
    schema: { tags, params: s.idParams, response: { 200: s.disputeView }, summary: "The arbitration file (operators): the dispute, the request with its thread and evidence, the order, and the two companies' chat" },
  }, async (req) => afterSales.getDispute(req.ctx, req.params.id));

  app.post('/api/v1/disputes/:id/decide', {
    schema: {
      tags, params: s.idParams, body: s.decideBody, response: { 200: s.disputeView },
      summary: 'Decide a dispute (operators): buyer — refund what was asked (or refundAmount), returned goods restocked; seller — no refund; partial — refundAmount. The refund moves through the orders module in the same transaction',
    },
  }, async (req) => afterSales.decide(req.ctx, req.params.id, req.body));
}
