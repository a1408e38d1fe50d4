import type { App } from '../../platform/http/server.js';
import * as s from './schemas.js';
import type { NotificationsService } from './service.js';

export function registerNotificationRoutes(app: App, notifications: NotificationsService): void {
  app.get('/api/v1/notifications', {
    schema: { tags: ['notifications'], summary: "The signed-in user's notifications, newest first, in the request's language; unread=true lists only unread ones", querystring: s.listQuery, response: { 200: s.listResponse } },
  }, async (req) => notifications.list(req.ctx, req.query));

  app.get('/api/v1/notifications/unread-count', {
    schema: { tags: ['notifications'], summary: "How many of the signed-in user's notifications are unread (the bell's badge)", response: { 200: s.unreadResponse } },
  }, async (req) => notifications.unreadCount(req.ctx));

  app.post('/api/v1/notifications/read-all', {
    schema: { tags: ['notifications'], summary: "Marks all of the signed-in user's notifications read", response: { 200: s.readAllResponse } },
  }, async (req) => notifications.markAllRead(req.ctx));

  app.post('/api/v1/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: 'Marks one of your notifications read (idempotent); returns the new unread count', params: s.idParams, response: { 200: s.unreadResponse } },
  }, async (req) => notifications.markRead(req.ctx, req.params.id));

  app.get('/api/v1/notifications/preferences', {
    schema: { tags: ['notifications'], summary: 'Per notification kind (grouped): in-app and/or mail, with the kind’s defaults', response: { 200: s.preferencesResponse } },
  }, async (req) => notifications.preferences(req.ctx));

  app.put('/api/v1/notifications/preferences', {
    schema: { tags: ['notifications'], summary: 'Sets in-app and mail for the listed kinds; kinds not listed keep their setting', body: s.preferencesBody, response: { 200: s.preferencesResponse } },
  }, async (req) => notifications.updatePreferences(req.ctx, req.body));
}
