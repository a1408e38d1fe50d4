import type { App } from '../../platform/http/server.js';
import { usccProblemMessage } from '../accounts/index.js';
import * as s from './schemas.js';
import type { VerificationService } from './verification.service.js';

export function registerTrustRoutes(app: App, verification: VerificationService): void {
  app.get('/api/v1/uscc-check', {
    schema: { tags: ['trust'], summary: 'Check a unified social credit code (GB 32100 and GB 11714 check characters)', querystring: s.usccCheckQuery, response: { 200: s.usccCheckResponse } },
  }, async (req) => {
    const found = usccProblemMessage(req.query.code, req.ctx.locale);
    return found ? { valid: false, ...found } : { valid: true, problem: null, message: req.ctx.locale === 'zh-CN' ? '代码校验通过' : 'The code is well-formed' };
  });

  app.get('/api/v1/companies/:id/verification', {
    schema: { tags: ['trust'], summary: "The company's registration verification (details for members and operators)", params: s.companyParams, response: { 200: s.verificationView } },
  }, async (req) => verification.view(req.ctx, req.params.id));

  app.put('/api/v1/companies/:id/verification', {
    schema: { tags: ['trust'], summary: 'Submit or resubmit registration details for verification (owner, admin)', params: s.companyParams, body: s.verificationBody, response: { 200: s.verificationView } },
  }, async (req) => verification.submit(req.ctx, req.params.id, req.body));

  app.get('/api/v1/admin/verifications', {
    schema: { tags: ['admin'], summary: 'Verification queue (operators)', querystring: s.adminListQuery, response: { 200: s.adminPage } },
  }, async (req) => verification.adminList(req.ctx, req.query));

  app.get('/api/v1/admin/verifications/:id', {
    schema: { tags: ['admin'], summary: 'One verification request with the registry answer (operators)', params: s.idParams, response: { 200: s.adminDetail } },
  }, async (req) => verification.adminGet(req.ctx, req.params.id));

  app.post('/api/v1/admin/verifications/:id/decision', {
    schema: { tags: ['admin'], summary: 'Approve, or reject with a reason the company sees (operators)', params: s.idParams, body: s.decisionBody, response: { 200: s.adminDetail } },
  }, async (req) => verification.decide(req.ctx, req.params.id, req.body));

  app.post('/api/v1/admin/verifications/:id/revocation', {
    schema: { tags: ['admin'], summary: 'Revoke an approved verification with a reason the company sees (operators)', params: s.idParams, body: s.revocationBody, response: { 200: s.adminDetail } },
  }, async (req) => verification.revoke(req.ctx, req.params.id, req.body));

  app.post('/api/v1/admin/companies/:id/field-verifications', {
    schema: { tags: ['admin'], summary: 'Record a field verification visit (operators)', params: s.companyParams, body: s.fieldVisitBody, response: { 201: s.fieldVisit } },
  }, async (req, reply) => reply.code(201).send(await verification.recordFieldVisit(req.ctx, req.params.id, req.body)));
}
