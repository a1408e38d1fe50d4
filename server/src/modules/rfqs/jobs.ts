import { z } from 'zod';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import type { RfqsService } from './service.js';

/** The sweep (expiry, closing-soon reminders) runs every few minutes; a deadline is never missed by more than that. */
export const SWEEP_EVERY_MS = 5 * 60_000;

export function defineRfqJobs(platform: Platform, rfqs: RfqsService): void {
  // Matching reads other modules (catalog, accounts, credit) through their services, so the handler only enqueues.
  platform.events.register({
    name: 'rfqs.match_published',
    types: ['rfq.published'],
    handle: async (event, trx) => {
      await enqueueJob(trx, { kind: 'rfqs.match', payload: { rfqId: event.subjectId }, uniqueKey: `rfqs.match:${event.subjectId}` });
    },
  });
  platform.jobs.define('rfqs.match', z.object({ rfqId: z.uuid() }), async ({ rfqId }, ctx) => {
    const { matched } = await rfqs.match(rfqId);
    ctx.log.info({ rfqId, matched }, 'rfq matched to suppliers');
  });
  platform.jobs.defineRecurring('rfqs.sweep', (now) => new Date(now.getTime() + SWEEP_EVERY_MS), async (ctx) => {
    const result = await rfqs.sweep();
    if (result.expired || result.closed || result.reminded) ctx.log.info(result, 'rfq sweep');
  });
}
