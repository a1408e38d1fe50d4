import type { Platform } from '../../platform/platform.js';
import type { OrdersService } from './service.js';

/** Both sweeps run every minute; each order changes in its own transaction under its row lock. */
export const SWEEP_EVERY_MS = 60_000;

export function defineOrderJobs(platform: Platform, orders: OrdersService): void {
  platform.jobs.defineRecurring('orders.cancel_unpaid', (now) => new Date(now.getTime() + SWEEP_EVERY_MS), async (ctx) => {
    const result = await orders.sweepUnpaid();
    if (result.cancelled) ctx.log.info(result, 'unpaid orders cancelled');
  });
  platform.jobs.defineRecurring('orders.complete_received', (now) => new Date(now.getTime() + SWEEP_EVERY_MS), async (ctx) => {
    const result = await orders.sweepCompletions();
    if (result.completed) ctx.log.info(result, 'received orders completed');
  });
}
