import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineCreditJobs } from './jobs.js';
import { registerCreditRoutes } from './routes.js';
import { CreditService, type Deps } from './service.js';

export type { CreditFacts, Rating } from './scorecard.js';

/** Credit ratings 1A–5A: a versioned, explainable scorecard over facts from the other modules. */
export function createCreditModule(platform: Platform, deps: Deps) {
  const credit = new CreditService(platform, deps);
  defineCreditJobs(platform, credit);
  return {
    credit,
    registerRoutes(app: App) {
      registerCreditRoutes(app, credit);
    },
  };
}

export type CreditModule = ReturnType<typeof createCreditModule>;
