import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import { requireOperator } from '../../platform/policy.js';
import * as s from './schemas.js';
import type { PaymentsService } from './service.js';

export function registerPaymentsRoutes(app: App, payments: PaymentsService, sandboxEnabled: boolean): void {
  app.get('/api/v1/payments/:id', {
    schema: { tags: ['payments'], summary: 'A payment of my company', params: s.idParams, response: { 200: s.intentView } },
  }, async (req) => payments.get(req.ctx, req.params.id));

  app.get('/api/v1/companies/:id/payments', {
    schema: { tags: ['payments'], summary: "The company's payments, newest first", params: s.idParams, querystring: s.companyIntentsQuery, response: { 200: s.intentPage } },
  }, async (req) => payments.listForCompany(req.ctx, req.params.id, req.query));

  if (sandboxEnabled) {
    for (const decision of ['approve', 'decline'] as const) {
      app.post(`/api/v1/sandbox/payments/:id/${decision}`, {
        schema: { tags: ['payments'], summary: `Sandbox pay page: ${decision} the payment (the sandbox then sends a signed webhook)`, params: s.idParams, response: { 200: s.intentView } },
      }, async (req) => payments.sandboxDecide(req.ctx, req.params.id, decision === 'approve'));
    }
  }

  // Webhooks are signed over the raw bytes, so this scope keeps JSON bodies unparsed.
  void app.register(async (scope) => {
    const hooks = scope.withTypeProvider<ZodTypeProvider>();
    hooks.removeContentTypeParser('application/json');
    hooks.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    hooks.post('/api/v1/webhooks/payments/:provider', {
      config: { csrf: false },
      schema: {
        tags: ['payments'], summary: 'Payment provider webhooks (HMAC-SHA256 signed, header Tongshang-Signature: t=…,v1=…)',
        params: z.object({ provider: z.string().max(30) }), body: z.string().max(20_000), response: { 200: s.webhookAck },
      },
    }, async (req) => {
      const signature = req.headers['tongshang-signature'];
      const result = await payments.handleWebhook(req.params.provider, typeof signature === 'string' ? signature : undefined, req.body);
      return { received: true as const, ...result };
    });
  });

  app.get('/api/v1/admin/payments', {
    schema: { tags: ['admin'], summary: 'Payments (operators)', querystring: s.adminIntentsQuery, response: { 200: s.intentPage } },
  }, async (req) => payments.adminList(req.ctx, req.query));

  app.post('/api/v1/admin/payments/:id/confirm-transfer', {
    schema: { tags: ['admin'], summary: 'Confirm a corporate bank transfer against its reference (operators; accepts Idempotency-Key)', params: s.idParams, body: s.confirmTransferBody, response: { 200: s.intentView } },
  }, async (req, reply) => {
    const actor = requireOperator(req.ctx);
    const key = req.headers['idempotency-key'];
    const result = await payments.idempotent(`confirm-transfer:${actor.userId}`, typeof key === 'string' ? key.slice(0, 200) : undefined, { id: req.params.id, body: req.body }, async () => ({
      status: 200, body: await payments.confirmTransfer(req.ctx, req.params.id, req.body),
    }));
    // Sent as the stored JSON text, so a replay is byte-for-byte the first answer.
    return (reply as FastifyReply).code(result.status).type('application/json; charset=utf-8').send(result.json);
  });

  app.get('/api/v1/admin/ledger', {
    schema: { tags: ['admin'], summary: 'Ledger transactions with their postings (operators)', querystring: s.ledgerQuery, response: { 200: s.ledgerPage } },
  }, async (req) => payments.ledgerPage(req.ctx, req.query));

  app.get('/api/v1/admin/ledger/balances', {
    schema: { tags: ['admin'], summary: 'Account balances derived from postings, and any unbalanced transaction (operators)', response: { 200: s.balancesResponse } },
  }, async (req) => {
    requireOperator(req.ctx);
    return { items: await payments.balances(), unbalancedTransactions: await payments.reconcile() };
  });
}
