import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { InquiriesService } from './service.js';

export function registerInquiryRoutes(app: App, inquiries: InquiriesService): void {
  app.post('/api/v1/inquiries', {
    schema: {
      tags: ['inquiries'],
      summary: 'Send an inquiry (询盘) to one supplier for the active company (owner, admin, purchaser): product lines with optional SKU, quantity and unit; target price in 分; delivery province; desired date; message; attachments. At most 30 per user per hour',
      body: s.createBody, response: { 201: s.inquiryView },
    },
  }, async (req, reply) => reply.code(201).send(await inquiries.create(req.ctx, req.body)));

  app.get('/api/v1/inquiries', {
    schema: {
      tags: ['inquiries'],
      summary: "A box of the active company, newest first: sent (as buyer; send role) or received (the supplier inbox; owner, admin, sales), by status, assignee and words",
      querystring: s.listQuery, response: { 200: s.listPage },
    },
  }, async (req) => inquiries.list(req.ctx, req.query));

  app.get('/api/v1/inquiries/counts', {
    schema: { tags: ['inquiries'], summary: "Dashboard numbers of the active company: new and unassigned in the inbox, sent ones awaiting the supplier, per-status counts of each box", response: { 200: s.countsView } },
  }, async (req) => inquiries.counts(req.ctx));

  app.get('/api/v1/inquiries/:id', {
    schema: { tags: ['inquiries'], summary: 'One inquiry with its thread, for its two sides only (anyone else gets 404)', params: s.idParams, response: { 200: s.inquiryView } },
  }, async (req) => inquiries.get(req.ctx, req.params.id));

  app.get('/api/v1/inquiries/:id/replies', {
    schema: { tags: ['inquiries'], summary: 'The thread of an inquiry: replies and quotes, oldest first', params: s.idParams, response: { 200: s.repliesView } },
  }, async (req) => inquiries.replies(req.ctx, req.params.id));

  app.post('/api/v1/inquiries/:id/replies', {
    schema: {
      tags: ['inquiries'],
      summary: 'Reply (text + attachments) from either side, or quote from the supplier (unit price, tiers, quantity, lead time, validity, shipping terms, note); not while closed',
      params: s.idParams, body: s.replyBody, response: { 201: s.replyView },
    },
  }, async (req, reply) => reply.code(201).send(await inquiries.reply(req.ctx, req.params.id, req.body)));

  app.post('/api/v1/inquiries/:id/assign', {
    schema: { tags: ['inquiries'], summary: 'Assign the inquiry to a supplier member who handles inquiries (owner, admin, sales); null unassigns', params: s.idParams, body: s.assignBody, response: { 200: s.inquiryView } },
  }, async (req) => inquiries.assign(req.ctx, req.params.id, req.body.userId));

  app.post('/api/v1/inquiries/:id/close', {
    schema: { tags: ['inquiries'], summary: 'Close the inquiry (either side), with an optional reason', params: s.idParams, body: s.closeBody, response: { 200: s.inquiryView } },
  }, async (req) => inquiries.close(req.ctx, req.params.id, req.body.reason ?? null));

  app.post('/api/v1/inquiries/:id/reopen', {
    schema: { tags: ['inquiries'], summary: 'Reopen a closed inquiry (either side); it returns to new, replied or quoted as its thread had reached', params: s.idParams, response: { 200: s.inquiryView } },
  }, async (req) => inquiries.reopen(req.ctx, req.params.id));

  app.get('/api/v1/inquiries/:id/attachments/:fileId', {
    schema: { tags: ['inquiries'], summary: 'Download a file attached to the inquiry or its thread (the two sides only)', params: s.attachmentParams },
  }, async (req, reply) => {
    const file = await inquiries.attachment(req.ctx, req.params.id, req.params.fileId);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, max-age=300')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
}
