import { z } from 'zod';
import { systemContext } from '../../platform/context.js';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import type { CreditService } from './service.js';

/** Events that change a company's facts; each queues one recompute per company. */
export const RATING_INPUTS = ['company.created', 'verification.approved', 'verification.rejected', 'verification.field_recorded', 'trustpass.activated'] as const;

const nextNightly = (now: Date) => {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 18));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

export function defineCreditJobs(platform: Platform, credit: CreditService, companies: AccountsModule['companies']): void {
  platform.events.register({
    name: 'credit.recompute_on_change',
    types: RATING_INPUTS,
    handle: async (event, trx) => {
      if (event.companyId) await enqueueJob(trx, { kind: 'credit.recompute', payload: { companyId: event.companyId }, uniqueKey: `credit:${event.companyId}` });
    },
  });
  platform.jobs.define('credit.recompute', z.object({ companyId: z.uuid() }), async ({ companyId }) => {
    await credit.recompute(companyId);
  });
  // Nightly: time-based factors (tenure, membership years) move without an event.
  platform.jobs.defineRecurring('credit.nightly', nextNightly, async (ctx) => {
    let cursor: string | undefined;
    let n = 0;
    do {
      const batch = await companies.list(systemContext(), { cursor, limit: 100 });
      for (const c of batch.items) await credit.recompute(c.id);
      n += batch.items.length;
      cursor = batch.nextCursor ?? undefined;
    } while (cursor);
    ctx.log.info({ companies: n }, 'nightly credit recompute');
  });
}
