import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineTrustpassJobs } from './jobs.js';
import { registerTrustpassRoutes } from './routes.js';
import { TrustpassService, type Deps } from './service.js';

export { FREE_LIMITS } from './service.js';
export type { TrustpassEvent } from './events.js';

/** TrustPass (诚信通): plans, purchases through payment intents, activation on payment, renewals, reminders, gates. */
export function createTrustpassModule(platform: Platform, deps: Deps) {
  const trustpass = new TrustpassService(platform, deps);
  defineTrustpassJobs(platform, trustpass);
  return {
    trustpass,
    registerRoutes(app: App) {
      registerTrustpassRoutes(app, trustpass, deps.payments);
    },
  };
}

export type TrustpassModule = ReturnType<typeof createTrustpassModule>;
export { membershipStatus, showsTrustPass, trustpassYears } from './membership.js';
