import { z } from 'zod';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import { RATING_EVENT_TYPES } from './facts.js';

/** Events after which a rating is re-read although they are not folded into facts: the measured facts moved. */
export const MEASURED_FACT_EVENT_TYPES = ['response_metrics.changed', 'service_metrics.changed'] as const;
import type { CreditService } from './service.js';

const nextNightly = (now: Date) => {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 18));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

export function defineCreditJobs(platform: Platform, credit: CreditService): void {
  platform.events.register({
    name: 'credit.recompute_on_change',
    types: [...RATING_EVENT_TYPES, ...MEASURED_FACT_EVENT_TYPES],
    handle: async (event, trx) => {
      if (event.companyId) await enqueueJob(trx, { kind: 'credit.recompute', payload: { companyId: event.companyId }, uniqueKey: `credit:${event.companyId}` });
    },
  });
  platform.jobs.define('credit.recompute', z.object({ companyId: z.uuid() }), async ({ companyId }) => {
    await credit.recompute(companyId);
  });
  // Nightly: time-based factors (tenure, membership years) move without an event.
  platform.jobs.defineRecurring('credit.nightly', nextNightly, async (ctx) => {
    ctx.log.info(await credit.recomputeAll(), 'nightly credit recompute');
  });
}
