import type { App } from '../../platform/http/server.js';
import { okResponse } from '../../platform/schemas.js';
import * as s from './schemas.js';
import type { InvoicesService } from './service.js';

export function registerInvoicesRoutes(app: App, invoices: InvoicesService): void {
  const tags = ['invoices'];

  app.get('/api/v1/invoice-profiles', {
    schema: { tags, summary: "A buyer company's invoice profiles (开票信息), the default first (members who see orders)", querystring: s.companyQuery, response: { 200: s.profileList } },
  }, async (req) => ({ items: await invoices.listProfiles(req.ctx, req.query.companyId) }));

  app.post('/api/v1/invoice-profiles', {
    schema: {
      tags, summary: 'Add an invoice profile (owner, admin, purchaser): ordinary needs title and tax number; VAT special every field. The first one is the default. At most 20.',
      body: s.createProfileBody, response: { 201: s.profileView },
    },
  }, async (req, reply) => {
    const { companyId, ...input } = req.body;
    return reply.code(201).send(await invoices.createProfile(req.ctx, companyId, input));
  });

  app.get('/api/v1/invoice-profiles/:id', {
    schema: { tags, summary: 'One invoice profile (archived ones too)', params: s.idParams, response: { 200: s.profileView } },
  }, async (req) => invoices.getProfile(req.ctx, req.params.id));

  app.patch('/api/v1/invoice-profiles/:id', {
    schema: { tags, summary: 'Change an invoice profile (checked as a whole again), or make it the default', params: s.idParams, body: s.patchProfileBody, response: { 200: s.profileView } },
  }, async (req) => invoices.updateProfile(req.ctx, req.params.id, req.body));

  app.delete('/api/v1/invoice-profiles/:id', {
    schema: { tags, summary: 'Remove an invoice profile (archived: orders that named it keep showing it); the newest other one becomes the default', params: s.idParams, response: { 200: okResponse } },
  }, async (req) => {
    await invoices.archiveProfile(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.get('/api/v1/orders/:id/invoices', {
    schema: { tags, summary: "An order's issued invoices, what is left to invoice and the buyer's invoice profile (both sides of the order, operators)", params: s.idParams, response: { 200: s.orderInvoices } },
  }, async (req) => invoices.listForOrder(req.ctx, req.params.id));

  app.post('/api/v1/orders/:id/invoices', {
    schema: {
      tags, summary: 'Record an invoice issued for a paid order (seller: owner, admin, sales): number, date, amount, file. The invoices never total more than the order minus refunds.',
      params: s.idParams, body: s.recordBody, response: { 201: s.issuedView },
    },
  }, async (req, reply) => reply.code(201).send(await invoices.record(req.ctx, req.params.id, req.body)));

  app.get('/api/v1/orders/:id/invoices/:invoiceId/file', {
    schema: { tags, summary: 'Download the invoice file (both sides of the order)', params: s.invoiceParams },
  }, async (req, reply) => {
    const file = await invoices.file(req.ctx, req.params.id, req.params.invoiceId);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `inline; filename="${encodeURIComponent(file.filename)}"`)
      .header('cache-control', 'private, max-age=300')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
}
