import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/server.js';
import { requireUser } from '../../platform/policy.js';
import type { PaymentsModule } from '../payments/index.js';
import * as s from './schemas.js';
import type { TrustpassService } from './service.js';

export function registerTrustpassRoutes(app: App, trustpass: TrustpassService, payments: PaymentsModule['payments']): void {
  app.get('/api/v1/trustpass/plans', {
    schema: { tags: ['trustpass'], summary: 'TrustPass plans on sale', response: { 200: s.planList } },
  }, async () => ({ items: await trustpass.plans() }));

  app.get('/api/v1/companies/:id/trustpass', {
    schema: { tags: ['trustpass'], summary: "The company's TrustPass membership (purchases for members only)", params: s.idParams, response: { 200: s.statusResponse } },
  }, async (req) => trustpass.status(req.ctx, req.params.id));

  app.post('/api/v1/companies/:id/trustpass/purchases', {
    schema: { tags: ['trustpass'], summary: 'Buy or renew TrustPass (owner, admin, finance; verified companies; accepts Idempotency-Key)', params: s.idParams, body: s.purchaseBody, response: { 201: s.purchaseResponse } },
  }, async (req, reply) => {
    const actor = requireUser(req.ctx);
    const key = req.headers['idempotency-key'];
    const result = await payments.idempotent(`trustpass-purchase:${actor.userId}:${req.params.id}`, typeof key === 'string' ? key.slice(0, 200) : undefined, req.body, async () => ({
      status: 201, body: await trustpass.purchase(req.ctx, req.params.id, req.body),
    }));
    return (reply as FastifyReply).code(result.status).type('application/json; charset=utf-8').send(result.json);
  });

  app.get('/api/v1/admin/trustpass/plans', {
    schema: { tags: ['admin'], summary: 'All TrustPass plans (operators)', response: { 200: s.planList } },
  }, async (req) => ({ items: await trustpass.adminPlans(req.ctx) }));

  app.post('/api/v1/admin/trustpass/plans', {
    schema: { tags: ['admin'], summary: 'Create a TrustPass plan (operators)', body: s.createPlanBody, response: { 201: s.plan } },
  }, async (req, reply) => reply.code(201).send(await trustpass.savePlan(req.ctx, null, req.body)));

  app.patch('/api/v1/admin/trustpass/plans/:id', {
    schema: { tags: ['admin'], summary: 'Change a TrustPass plan (operators); existing memberships keep running', params: s.idParams, body: s.updatePlanBody, response: { 200: s.plan } },
  }, async (req) => trustpass.savePlan(req.ctx, req.params.id, req.body));
}
