import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { RfqsService } from './service.js';

const tags = ['rfqs'];

export function registerRfqRoutes(app: App, rfqs: RfqsService): void {
  app.get('/api/v1/rfqs', {
    schema: {
      tags, summary: "RFQs: scope=market — public RFQs taking quotes, for anyone (filters; matching=true: only those matching the active company); scope=mine — the active company's RFQs",
      querystring: s.listRfqsQuery, response: { 200: s.rfqPage },
    },
  }, async (req) => rfqs.list(req.ctx, req.query));

  app.post('/api/v1/rfqs', {
    schema: { tags, summary: 'Post (publish) an RFQ for the active company (owner, admin, purchaser); matching suppliers are notified', body: s.createRfqBody, response: { 201: s.rfqView } },
  }, async (req, reply) => reply.code(201).send(await rfqs.create(req.ctx, req.body)));

  app.get('/api/v1/rfqs/counts', {
    schema: { tags, summary: "Dashboard numbers for the active company: open RFQs, unread quotes, matching RFQs, live quotes, this month's quote quota", response: { 200: s.counts } },
  }, async (req) => rfqs.counts(req.ctx));

  app.get('/api/v1/rfqs/:id', {
    schema: { tags, summary: "One RFQ; the buyer's identity only to the buyer (and the supplier it awarded); invited RFQs only to the buyer and invitees", params: s.idParams, response: { 200: s.rfqView } },
  }, async (req) => rfqs.get(req.ctx, req.params.id));

  app.patch('/api/v1/rfqs/:id', {
    schema: { tags, summary: 'Edit an open RFQ before anyone has quoted (buyer)', params: s.idParams, body: s.updateRfqBody, response: { 200: s.rfqView } },
  }, async (req) => rfqs.update(req.ctx, req.params.id, req.body));

  app.post('/api/v1/rfqs/:id/close', {
    schema: { tags, summary: 'Close an open or awarded RFQ (buyer); still-submitted quotes become not selected', params: s.idParams, response: { 200: s.rfqView } },
  }, async (req) => rfqs.close(req.ctx, req.params.id));

  app.post('/api/v1/rfqs/:id/cancel', {
    schema: { tags, summary: 'Cancel an open RFQ before accepting a quote (buyer)', params: s.idParams, response: { 200: s.rfqView } },
  }, async (req) => rfqs.cancel(req.ctx, req.params.id));

  app.get('/api/v1/rfqs/:id/matches', {
    schema: { tags, summary: 'Suppliers told about the RFQ (matched or invited), for the buyer', params: s.idParams, response: { 200: s.matchList } },
  }, async (req) => rfqs.matches(req.ctx, req.params.id));

  app.get('/api/v1/rfqs/:id/quotes', {
    schema: { tags, summary: "Quotes on the RFQ: the buyer gets all (comparison, best price and lead time), a supplier only its own", params: s.idParams, response: { 200: s.quotesOnRfq } },
  }, async (req) => rfqs.quotesOn(req.ctx, req.params.id));

  app.post('/api/v1/rfqs/:id/quotes', {
    schema: { tags, summary: "Submit the active company's quote (owner, admin, sales); one live quote per supplier, counted against the monthly quota", params: s.idParams, body: s.submitQuoteBody, response: { 201: s.quoteDetail } },
  }, async (req, reply) => reply.code(201).send(await rfqs.submit(req.ctx, req.params.id, req.body)));

  app.get('/api/v1/rfqs/:id/attachments/:fileId', {
    schema: { tags, summary: "Download an RFQ's attachment (whoever may see the RFQ)", params: s.attachmentParams },
  }, async (req, reply) => sendFile(reply, await rfqs.attachment(req.ctx, { rfqId: req.params.id }, req.params.fileId)));

  app.get('/api/v1/quotes', {
    schema: { tags, summary: "The active company's own quotes, newest first", querystring: s.listQuotesQuery, response: { 200: s.quotePage } },
  }, async (req) => rfqs.myQuotes(req.ctx, req.query));

  app.get('/api/v1/quotes/:id', {
    schema: { tags, summary: 'One quote with its revisions (its supplier and the RFQ buyer)', params: s.idParams, response: { 200: s.quoteDetail } },
  }, async (req) => rfqs.getQuote(req.ctx, req.params.id));

  app.patch('/api/v1/quotes/:id', {
    schema: { tags, summary: 'Revise a submitted quote before the RFQ deadline (supplier); the earlier terms are kept as revisions', params: s.idParams, body: s.reviseQuoteBody, response: { 200: s.quoteDetail } },
  }, async (req) => rfqs.revise(req.ctx, req.params.id, req.body));

  app.post('/api/v1/quotes/:id/withdraw', {
    schema: { tags, summary: 'Withdraw a submitted quote (supplier)', params: s.idParams, response: { 200: s.quoteDetail } },
  }, async (req) => rfqs.withdraw(req.ctx, req.params.id));

  app.post('/api/v1/quotes/:id/accept', {
    schema: { tags, summary: 'Accept a quote (buyer): the RFQ becomes awarded', params: s.idParams, response: { 200: s.quoteDetail } },
  }, async (req) => rfqs.accept(req.ctx, req.params.id));

  app.post('/api/v1/quotes/:id/decline', {
    schema: { tags, summary: 'Decline a quote with an optional reason (buyer)', params: s.idParams, body: s.declineBody, response: { 200: s.quoteDetail } },
  }, async (req) => rfqs.decline(req.ctx, req.params.id, req.body.reason));

  app.post('/api/v1/quotes/:id/shortlist', {
    schema: { tags, summary: 'Mark or unmark a submitted quote as shortlisted (buyer)', params: s.idParams, body: s.shortlistBody, response: { 200: s.quoteDetail } },
  }, async (req) => rfqs.shortlist(req.ctx, req.params.id, req.body.shortlisted));

  app.get('/api/v1/quotes/:id/messages', {
    schema: { tags, summary: 'The follow-up thread under a quote (the buyer and that supplier only), oldest first', params: s.idParams, querystring: s.messagesQuery, response: { 200: s.thread } },
  }, async (req) => rfqs.thread(req.ctx, req.params.id, req.query));

  app.post('/api/v1/quotes/:id/messages', {
    schema: { tags, summary: 'Post in the thread under a quote; the other side is notified', params: s.idParams, body: s.messageBody, response: { 201: s.threadMessage } },
  }, async (req, reply) => reply.code(201).send(await rfqs.postMessage(req.ctx, req.params.id, req.body.body)));

  app.get('/api/v1/quotes/:id/attachments/:fileId', {
    schema: { tags, summary: "Download a quote's attachment (its supplier and the RFQ buyer)", params: s.attachmentParams },
  }, async (req, reply) => sendFile(reply, await rfqs.attachment(req.ctx, { quoteId: req.params.id }, req.params.fileId)));
}

function sendFile(reply: FastifyReply, file: { bytes: Buffer; contentType: string; sha256: string }) {
  return reply
    .header('content-type', file.contentType)
    .header('cache-control', 'private, max-age=300')
    .header('etag', `"${file.sha256}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
