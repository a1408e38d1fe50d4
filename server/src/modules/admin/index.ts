import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { registerAdminRoutes } from './routes.js';

/** The operator console's platform views (event log, mail outbox, queues) and each company's activity log. */
export function createAdminModule(platform: Platform) {
  return {
    registerRoutes(app: App) {
      registerAdminRoutes(app, platform);
    },
  };
}
