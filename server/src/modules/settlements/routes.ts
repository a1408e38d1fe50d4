import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/server.js';
import { requireUser } from '../../platform/policy.js';
import type { PaymentsModule } from '../payments/index.js';
import * as s from './schemas.js';
import type { SettlementsService } from './service.js';

const tags = ['settlements'];

function download(reply: FastifyReply, file: { bytes: Buffer; fileName: string; contentType: string }): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

export function registerSettlementRoutes(app: App, settlements: SettlementsService, payments: PaymentsModule['payments']): void {
  // ---- seller: balances, payouts, statements

  app.get('/api/v1/companies/:id/balances', {
    schema: { tags, summary: "The seller's balances: available (withdrawable), pending (in escrow for unreleased orders), in flight (payouts requested)", params: s.companyParams, response: { 200: s.balances } },
  }, async (req) => settlements.balances(req.ctx, req.params.id));

  app.post('/api/v1/companies/:id/payouts', {
    schema: {
      tags, summary: 'Request a payout of the available balance to a bank account (owner, admin, finance; accepts Idempotency-Key). Bank transfers are confirmed by an operator; sandbox pays by itself.',
      params: s.companyParams, body: s.payoutBody, response: { 201: s.payoutView },
    },
  }, async (req, reply) => {
    const actor = requireUser(req.ctx);
    const key = req.headers['idempotency-key'];
    const result = await payments.idempotent(`payout:${actor.userId}`, typeof key === 'string' ? key.slice(0, 200) : undefined, { companyId: req.params.id, body: req.body }, async () => ({
      status: 201, body: await settlements.requestPayout(req.ctx, req.params.id, req.body),
    }));
    return (reply as FastifyReply).code(result.status).type('application/json; charset=utf-8').send(result.json);
  });

  app.get('/api/v1/companies/:id/payouts', {
    schema: { tags, summary: "The company's payouts, newest first", params: s.companyParams, querystring: s.payoutsQuery, response: { 200: s.payoutPage } },
  }, async (req) => settlements.listPayouts(req.ctx, req.params.id, req.query));

  app.get('/api/v1/companies/:id/statement', {
    schema: {
      tags, summary: "Statement of the seller's available balance between two Beijing dates (inclusive; default the last 30 days) with order numbers and a running balance: json, csv or xlsx",
      params: s.companyParams, querystring: s.statementQuery,
    },
  }, async (req, reply) => {
    const { format, from, to } = req.query;
    if (format === 'json') return reply.send(await settlements.statement(req.ctx, req.params.id, { from, to }));
    return download(reply, await settlements.statementDownload(req.ctx, req.params.id, { from, to, format }));
  });

  // ---- buyer: credit terms

  app.get('/api/v1/companies/:id/credit-line', {
    schema: { tags, summary: "The company's credit line (账期) with every bill, its due date and what is overdue", params: s.companyParams, response: { 200: s.companyCreditLine } },
  }, async (req) => settlements.creditLineOf(req.ctx, req.params.id));

  app.post('/api/v1/credit-draws/:id/repay', {
    schema: { tags, summary: 'Repay a billed credit-terms bill: opens (or returns the open) payment of its outstanding amount (owner, admin, finance)', params: s.idParams, body: s.repayBody, response: { 200: s.repayResponse } },
  }, async (req) => settlements.repay(req.ctx, req.params.id, req.body.provider));

  // ---- operators

  app.get('/api/v1/admin/ledger/reconciliation', {
    schema: { tags: ['admin'], summary: 'Ledger reconciliation: balanced transactions, escrow = unreleased paid orders, receivables = billed bills, in flight = requested payouts (operators)', response: { 200: s.reconciliation } },
  }, async (req) => settlements.reconciliation(req.ctx));

  app.get('/api/v1/admin/payouts', {
    schema: { tags: ['admin'], summary: 'Payouts of all sellers (operators)', querystring: s.payoutsQuery, response: { 200: s.payoutPage } },
  }, async (req) => settlements.adminPayouts(req.ctx, req.query));

  app.post('/api/v1/admin/payouts/:id/confirm', {
    schema: { tags: ['admin'], summary: 'Confirm a requested payout was transferred, with the bank reference (operators)', params: s.idParams, body: s.confirmPayoutBody, response: { 200: s.payoutView } },
  }, async (req) => settlements.confirmPayout(req.ctx, req.params.id, req.body.bankReference));

  app.post('/api/v1/admin/payouts/:id/fail', {
    schema: { tags: ['admin'], summary: 'Mark a requested payout failed; the amount returns to the seller’s available balance (operators)', params: s.idParams, body: s.failPayoutBody, response: { 200: s.payoutView } },
  }, async (req) => settlements.failPayout(req.ctx, req.params.id, req.body.reason));

  app.get('/api/v1/admin/credit-lines', {
    schema: { tags: ['admin'], summary: 'Credit lines (operators)', querystring: s.creditLinesQuery, response: { 200: s.creditLinePage } },
  }, async (req) => settlements.adminCreditLines(req.ctx, req.query));

  app.get('/api/v1/admin/credit-lines/:companyId', {
    schema: { tags: ['admin'], summary: "A company's credit line and the limit its credit grade suggests (operators)", params: s.creditLineParams, response: { 200: s.suggestionView } },
  }, async (req) => settlements.suggestion(req.ctx, req.params.companyId));

  app.put('/api/v1/admin/credit-lines/:companyId', {
    schema: { tags: ['admin'], summary: 'Grant, adjust, freeze or unfreeze a buyer company’s credit line (operators)', params: s.creditLineParams, body: s.putCreditLineBody, response: { 200: s.creditLineView } },
  }, async (req) => settlements.putCreditLine(req.ctx, req.params.companyId, req.body));
}
