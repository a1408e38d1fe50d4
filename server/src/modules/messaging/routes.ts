import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { MessagingService } from './service.js';

export function registerMessagingRoutes(app: App, messaging: MessagingService): void {
  app.get('/api/v1/conversations', {
    schema: { tags: ['chat'], summary: "The caller's conversations, latest activity first: as a buyer, and for every supplier company they answer for (company.messages.handle); last message, unread count, counterpart presence", querystring: s.listQuery, response: { 200: s.conversationPage } },
  }, async (req) => messaging.list(req.ctx, req.query));

  app.post('/api/v1/conversations', {
    schema: { tags: ['chat'], summary: 'Open (201) or return (200) the conversation between the caller, as a buyer, and a supplier company; refused for a company the caller belongs to', body: s.openBody, response: { 200: s.conversationView, 201: s.conversationView } },
  }, async (req, reply) => {
    const { conversation, created } = await messaging.open(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(conversation);
  });

  app.get('/api/v1/conversations/unread-count', {
    schema: { tags: ['chat'], summary: 'Unread messages of the caller: as a buyer, and per supplier company they answer for', response: { 200: s.unreadCount } },
  }, async (req) => messaging.unreadCount(req.ctx));

  app.get('/api/v1/conversations/:id', {
    schema: { tags: ['chat'], summary: 'One conversation (parties only)', params: s.conversationParams, response: { 200: s.conversationView } },
  }, async (req) => messaging.get(req.ctx, req.params.id));

  app.get('/api/v1/conversations/:id/messages', {
    schema: {
      tags: ['chat'],
      summary: 'Messages, oldest first in each page: the latest (or those before ?before=<messageId>), optionally only those containing ?q=; or everything after ?afterSeq= (catch-up without a socket)',
      params: s.conversationParams, querystring: s.messagesQuery, response: { 200: s.messagesPage },
    },
  }, async (req) => messaging.messages(req.ctx, req.params.id, req.query));

  app.post('/api/v1/conversations/:id/messages', {
    schema: {
      tags: ['chat'],
      summary: 'Send a message (the same path as the WebSocket send): stored before it is answered; a resend with the same clientMsgId returns the first (200, duplicate: true)',
      params: s.conversationParams, body: s.sendBody, response: { 200: s.sendResult, 201: s.sendResult },
    },
  }, async (req, reply) => {
    const result = await messaging.send(req.ctx, req.params.id, req.body);
    return reply.code(result.duplicate ? 200 : 201).send(result);
  });

  app.post('/api/v1/conversations/:id/read', {
    schema: { tags: ['chat'], summary: "Mark the caller's side read up to seq (default: the last message); never moves back", params: s.conversationParams, body: s.readBody.optional(), response: { 200: s.readResult } },
  }, async (req) => messaging.markRead(req.ctx, req.params.id, req.body?.seq));

  app.get('/api/v1/conversations/:id/files/:fileId', {
    schema: { tags: ['chat'], summary: 'Download a file sent in the conversation (parties only)', params: s.fileParams },
  }, async (req, reply) => {
    const file = await messaging.attachment(req.ctx, req.params.id, req.params.fileId);
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, max-age=300')
      .header('etag', `"${file.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', file.contentType === 'application/pdf' ? 'attachment' : 'inline')
      .send(file.bytes);
  });
}
