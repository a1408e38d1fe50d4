import type { Platform } from '../../platform/platform.js';
import type { ShipmentsService } from './service.js';

/** The auto-confirm sweep runs every quarter hour: an order is confirmed at most that long after its day comes. */
export const AUTO_CONFIRM_EVERY_MS = 15 * 60_000;

export function defineShipmentJobs(platform: Platform, shipments: ShipmentsService): void {
  platform.jobs.defineRecurring('shipments.auto_confirm', (now) => new Date(now.getTime() + AUTO_CONFIRM_EVERY_MS), async (ctx) => {
    const result = await shipments.sweep();
    if (result.confirmed || result.settled || result.failed) ctx.log.info(result, 'shipments auto-confirm sweep');
  });
}
