import type { Platform } from '../../platform/platform.js';
import type { AfterSalesService } from './service.js';

/** Deadlines are days long; a sweep every ten minutes is close enough. */
export const SWEEP_EVERY_MS = 10 * 60_000;

export function defineAfterSaleJobs(platform: Platform, afterSales: AfterSalesService): void {
  platform.jobs.defineRecurring('after_sales.sweep', (now) => new Date(now.getTime() + SWEEP_EVERY_MS), async (ctx) => {
    const result = await afterSales.sweep();
    if (result.escalated || result.lapsed) ctx.log.info(result, 'after-sales sweep');
  });
}
