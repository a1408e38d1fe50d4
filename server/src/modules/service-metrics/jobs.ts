import { z } from 'zod';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import { CONSUMED_EVENT_TYPES } from './events.js';
import type { ServiceMetricsService } from './service.js';

const nextNightly = (now: Date) => {
  // 17:40 UTC (01:40 in China), before credit (18:00) and search (19:00) re-read the metrics.
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 17, 40));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

/**
 * The handler merges the event's fact into this module's rows and marks the companies it concerns, in the
 * handling transaction (so it applies once); the sync job recomputes the marked companies' summaries after
 * commit, a burst of events for one supplier costing one recompute.
 */
export function defineServiceMetricsJobs(platform: Platform, metrics: ServiceMetricsService): void {
  platform.events.register({
    name: 'service_metrics.track',
    types: CONSUMED_EVENT_TYPES,
    handle: (event, trx) => metrics.record(trx, event),
    handleMany: (events, trx) => metrics.recordMany(trx, events),
  });
  platform.jobs.define('service_metrics.sync', z.unknown(), async (_payload, ctx) => {
    const n = await metrics.syncDirty();
    if (n > 0) ctx.log.debug({ companies: n }, 'service metrics synced');
  });
  // Queued for the moment a paid order's ship-by date passes unshipped: it becomes measured (and late).
  platform.jobs.define('service_metrics.refresh', z.object({ companyId: z.uuid() }), async ({ companyId }) => {
    await metrics.refresh(companyId);
  });
  platform.jobs.define('service_metrics.backfill_products', z.unknown(), async (_payload, ctx) => {
    const orders = await metrics.backfillProducts();
    if (orders > 0) ctx.log.info({ orders }, 'service metrics: products of earlier orders backfilled');
  });
  platform.jobs.defineRecurring('service_metrics.nightly', nextNightly, async (ctx) => {
    ctx.log.info(await metrics.refreshAll(), 'nightly service metrics refresh');
  });
}

/** Queued at start (main.ts): orders paid before their events named their products get them, in the worker. */
export async function scheduleProductBackfill(platform: Platform): Promise<void> {
  await enqueueJob(platform.database.db, { kind: 'service_metrics.backfill_products', uniqueKey: 'service_metrics.backfill_products' });
}
