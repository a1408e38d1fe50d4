import { z } from 'zod';
import { DomainError, PlatformErrors } from '../../platform/errors.js';
import { listEvents } from '../../platform/events.js';
import type { App } from '../../platform/http/server.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireOperator } from '../../platform/policy.js';
import * as s from './schemas.js';

type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

const toEvent = (r: EventRow) => ({
  id: r.id, type: r.type, actorUserId: r.actor_user_id, companyId: r.company_id, subjectType: r.subject_type, subjectId: r.subject_id,
  payload: r.payload, occurredAt: r.occurred_at, dispatchedAt: r.dispatched_at, dispatchAttempts: r.dispatch_attempts, lastError: r.last_error,
});

export function registerAdminRoutes(app: App, platform: Platform): void {
  const db = platform.database.db;

  app.get('/api/v1/admin/overview', { schema: { tags: ['admin'], summary: 'Queue depths and platform facts (operators)', response: { 200: s.overview } } }, async (req) => {
    requireOperator(req.ctx);
    return {
      jobs: await platform.jobs.queueDepth(),
      eventsPending: await platform.events.pendingCount(),
      database: platform.database.kind,
      mailTransport: platform.mailer.kind,
    };
  });

  app.get('/api/v1/admin/events', {
    schema: { tags: ['admin'], summary: 'Browse the event log (operators)', querystring: s.eventQuery, response: { 200: s.eventPage } },
  }, async (req) => {
    requireOperator(req.ctx);
    const q = req.query;
    const rows = await listEvents(db, { companyId: q.companyId, type: q.type, from: q.from, to: q.to, beforeId: decodeCursor(q.cursor), limit: q.limit });
    return page(rows.map(toEvent), q.limit);
  });

  app.get('/api/v1/companies/:id/events', {
    schema: { tags: ['companies'], summary: "The company's own activity log (owner, admin)", params: z.object({ id: z.uuid() }), querystring: s.companyEventQuery, response: { 200: s.eventPage } },
  }, async (req) => {
    authorize(req.ctx, 'company.events.view', req.params.id);
    const q = req.query;
    const rows = await listEvents(db, { companyId: req.params.id, type: q.type, from: q.from, to: q.to, beforeId: decodeCursor(q.cursor), limit: q.limit });
    return page(rows.map(toEvent), q.limit);
  });

  app.get('/api/v1/admin/mail', {
    schema: { tags: ['admin'], summary: 'The local mail outbox (operators)', querystring: s.mailQuery, response: { 200: s.mailList } },
  }, async (req) => {
    requireOperator(req.ctx);
    const before = req.query.cursor ? Buffer.from(req.query.cursor, 'base64url').toString('utf8') : undefined;
    const items = await platform.mailer.listOutbox(req.query.limit + 1, before);
    const result = page(items, req.query.limit);
    return { transport: platform.mailer.kind, ...result };
  });

  app.get('/api/v1/admin/mail/:id', {
    schema: { tags: ['admin'], summary: 'One mail with its raw .eml (operators)', params: z.object({ id: z.string().max(64) }), response: { 200: s.mailDetail } },
  }, async (req) => {
    requireOperator(req.ctx);
    const mail = await platform.mailer.readOutbox(req.params.id);
    if (!mail) throw new DomainError(PlatformErrors.NOT_FOUND);
    return mail;
  });
}
