import { z } from 'zod';
import type { Platform } from '../../platform/platform.js';
import { CONSUMED_EVENT_TYPES } from './events.js';
import type { ResponseMetricsService } from './service.js';

const nextNightly = (now: Date) => {
  // 17:30 UTC (01:30 in China), before credit (18:00) and search (19:00) re-read the rates.
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 17, 30));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

/**
 * The handler works in its own transaction on this module's tables only (no other module is called), so it can
 * do the whole update there: item, clocks, summary and the response_metrics.changed event apply once, together.
 */
export function defineResponseMetricsJobs(platform: Platform, metrics: ResponseMetricsService): void {
  platform.events.register({
    name: 'response_metrics.track',
    types: CONSUMED_EVENT_TYPES,
    handle: (event, trx) => metrics.record(trx, event),
  });
  // Queued for the moment an open clock reaches 24 hours: the item moves from pending to measured (and missed).
  platform.jobs.define('response_metrics.refresh', z.object({ companyId: z.uuid() }), async ({ companyId }) => {
    await metrics.refresh(companyId);
  });
  platform.jobs.defineRecurring('response_metrics.nightly', nextNightly, async (ctx) => {
    ctx.log.info(await metrics.refreshAll(), 'nightly response metrics refresh');
  });
}
