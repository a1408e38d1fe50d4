import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineNotificationJobs } from './jobs.js';
import { registerNotificationRoutes } from './routes.js';
import { NotificationsService, type Deps } from './service.js';

export type { NotificationGroup, NotificationKind, NotifyInput } from './kinds.js';
export { NOTIFICATION_GROUPS } from './kinds.js';
export { RETENTION_DAYS } from './service.js';

/**
 * Notifications: the in-app notification center and mail for important notices. Other modules register their
 * kinds (texts) with notifications.registerKinds and call notifications.notify(trx, …) inside their transaction.
 */
export function createNotificationsModule(platform: Platform, deps: Deps) {
  const notifications = new NotificationsService(platform, deps);
  defineNotificationJobs(platform, notifications);
  return {
    notifications,
    registerRoutes(app: App) {
      registerNotificationRoutes(app, notifications);
    },
  };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
