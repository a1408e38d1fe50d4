import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineResponseMetricsJobs } from './jobs.js';
import { registerResponseMetricsRoutes } from './routes.js';
import { ResponseMetricsService, type Deps, type Rate } from './service.js';

export type { Rate } from './service.js';
export type { ResponseMetricsChanged } from './events.js';
export { CHANGED_EVENT as RESPONSE_METRICS_CHANGED } from './events.js';
export { CHAT_QUIET_SECONDS, DEADLINE_SECONDS, WINDOW_DAYS } from './clocks.js';

/** The batch reader credit and search take: each supplier's cached 30-day rate and median first response. */
export type ResponseRatesReader = (companyIds: string[]) => Promise<Map<string, Rate>>;

/**
 * Response metrics (响应率): response clocks kept from inquiry and chat events, a cached 30-day summary per
 * supplier, the public API, and the batch reader credit and search rank with (docs/response-rate.md).
 */
export function createResponseMetricsModule(platform: Platform, deps: Deps) {
  const responseMetrics = new ResponseMetricsService(platform, deps);
  defineResponseMetricsJobs(platform, responseMetrics);
  const ratesOf: ResponseRatesReader = (companyIds) => responseMetrics.ratesOf(companyIds);
  return {
    responseMetrics,
    ratesOf,
    registerRoutes(app: App) {
      registerResponseMetricsRoutes(app, responseMetrics);
    },
  };
}

export type ResponseMetricsModule = ReturnType<typeof createResponseMetricsModule>;
