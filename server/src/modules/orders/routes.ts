import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../../platform/context.js';
import type { App } from '../../platform/http/server.js';
import { requireUser } from '../../platform/policy.js';
import type { PaymentsModule } from '../payments/index.js';
import * as s from './schemas.js';
import type { OrdersService } from './service.js';

const tags = ['orders'];

/** Runs fn once per Idempotency-Key (per user and scope) and sends the stored JSON, so a replay is byte-for-byte the first answer. */
async function once(payments: Pick<PaymentsModule['payments'], 'idempotent'>, ctx: RequestContext, scope: string, header: string | string[] | undefined, request: unknown,
  reply: FastifyReply, fn: () => Promise<{ status: number; body: unknown }>) {
  const actor = requireUser(ctx);
  const key = typeof header === 'string' ? header.slice(0, 200) : undefined;
  const result = await payments.idempotent(`${scope}:${actor.userId}`, key, request, fn);
  return reply.code(result.status).type('application/json; charset=utf-8').send(result.json);
}

export function registerOrderRoutes(app: App, orders: OrdersService, payments: Pick<PaymentsModule['payments'], 'idempotent'>): void {
  app.post('/api/v1/checkout', {
    schema: {
      tags, summary: "Place orders (one per supplier) from the buyer's selected purchase-list items or explicit items; stock is reserved at once. Accepts Idempotency-Key.",
      body: s.checkoutBody, response: { 201: s.checkoutResponse },
    },
  }, async (req, reply) => {
    const header = req.headers['idempotency-key'];
    const json = await orders.checkoutOnce(req.ctx, req.body, typeof header === 'string' && header ? header.slice(0, 200) : null);
    // Already serialized (and stored for repeats): sent as the exact text.
    return (reply as FastifyReply).code(201).type('application/json; charset=utf-8').send(json);
  });

  app.post('/api/v1/checkout/quote', {
    schema: {
      tags, summary: "Order at an accepted quote's price and quantity (the quote's buyer company; one live order per quote). Accepts Idempotency-Key.",
      body: s.quoteCheckoutBody, response: { 201: s.checkoutResponse },
    },
  }, async (req, reply) => once(payments, req.ctx, 'checkout-quote', req.headers['idempotency-key'], req.body, reply, async () => ({ status: 201, body: await orders.checkoutQuote(req.ctx, req.body) })));

  app.get('/api/v1/orders', {
    schema: { tags, summary: "A company's orders as buyer (side=buyer) or seller (side=seller), newest first; status filters", querystring: s.listOrdersQuery, response: { 200: s.orderPage } },
  }, async (req) => orders.list(req.ctx, req.query));

  app.get('/api/v1/orders/counts', {
    schema: { tags, summary: "Dashboard to-do numbers of a company's orders on one side", querystring: s.countsQuery.extend({ side: s.listOrdersQuery.shape.side }), response: { 200: s.orderCounts } },
  }, async (req) => orders.counts(req.ctx, req.query.companyId, req.query.side));

  app.get('/api/v1/orders/:id', {
    schema: { tags, summary: 'One order with lines, history, payments and the actions open to the viewer (buyer and supplier members, operators)', params: s.idParams, response: { 200: s.orderView } },
  }, async (req) => orders.get(req.ctx, req.params.id));

  app.post('/api/v1/orders/:id/approve', {
    schema: { tags, summary: "Approve a purchaser's order above the company's threshold (buyer owner or admin)", params: s.idParams, body: s.optionalReasonBody, response: { 200: s.orderView } },
  }, async (req) => orders.approve(req.ctx, req.params.id, req.body?.reason));

  app.post('/api/v1/orders/:id/reject', {
    schema: { tags, summary: 'Reject an order awaiting approval with a reason (buyer owner or admin); it is cancelled and its stock released', params: s.idParams, body: s.reasonBody, response: { 200: s.orderView } },
  }, async (req) => orders.reject(req.ctx, req.params.id, req.body.reason));

  app.post('/api/v1/orders/:id/pay', {
    schema: {
      tags, summary: 'Pay the next stage (full, deposit or balance) through a provider — returns the payment to complete (the open one if called again) — or accept a credit-terms order on terms. Accepts Idempotency-Key.',
      params: s.idParams, body: s.payBody, response: { 200: s.payResponse },
    },
  }, async (req, reply) => once(payments, req.ctx, `order-pay:${req.params.id}`, req.headers['idempotency-key'], req.body, reply, async () => ({ status: 200, body: await orders.pay(req.ctx, req.params.id, req.body ?? {}) })));

  app.post('/api/v1/orders/:id/cancel', {
    schema: {
      tags, summary: 'Cancel with a reason: the buyer before payment; the seller before shipment (paid money refunded from escrow, credit released). Stock is released.',
      params: s.idParams, body: s.reasonBody, response: { 200: s.orderView },
    },
  }, async (req) => orders.cancel(req.ctx, req.params.id, req.body.reason));

  app.post('/api/v1/orders/:id/adjust', {
    schema: { tags, summary: 'Change unit prices, freight or the deposit before any payment (seller); the buyer is notified', params: s.idParams, body: s.adjustBody, response: { 200: s.orderView } },
  }, async (req) => orders.adjust(req.ctx, req.params.id, req.body));

  app.post('/api/v1/orders/:id/confirm-receipt', {
    schema: {
      tags, summary: 'Confirm receipt (buyer): shipped → received; from partly shipped the buyer accepts the partial and the unshipped rest is refunded',
      params: s.idParams, response: { 200: s.orderView },
    },
  }, async (req) => orders.confirmReceipt(req.ctx, req.params.id));

  app.get('/api/v1/admin/orders', {
    schema: { tags: ['admin'], summary: 'All orders with filters (operators)', querystring: s.adminOrdersQuery, response: { 200: s.orderPage } },
  }, async (req) => orders.adminList(req.ctx, req.query));

  app.get('/api/v1/admin/trade-settings', {
    schema: { tags: ['admin'], summary: 'Trade settings: platform fee, unpaid timeout, auto-confirm, after-sales window, credit term (operators)', response: { 200: s.tradeSettings } },
  }, async (req) => orders.getSettings(req.ctx));

  app.put('/api/v1/admin/trade-settings', {
    schema: { tags: ['admin'], summary: 'Change trade settings (operators); new orders take the fee rate in force when placed', body: s.tradeSettingsPatch, response: { 200: s.tradeSettings } },
  }, async (req) => orders.updateSettings(req.ctx, req.body));

  app.get('/api/v1/companies/:id/approval-policy', {
    schema: { tags, summary: "The company's order approval threshold (分; null = none)", params: s.idParams, response: { 200: s.approvalPolicy } },
  }, async (req) => orders.approvalPolicy(req.ctx, req.params.id));

  app.put('/api/v1/companies/:id/approval-policy', {
    schema: { tags, summary: "Set the threshold above which a purchaser's order needs an owner's or admin's approval (owner, admin)", params: s.idParams, body: s.approvalPolicyBody, response: { 200: s.approvalPolicy } },
  }, async (req) => orders.setApprovalPolicy(req.ctx, req.params.id, req.body.threshold));
}
