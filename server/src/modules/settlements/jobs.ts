import { z } from 'zod';
import type { Platform } from '../../platform/platform.js';
import type { SettlementsService } from './service.js';

/** trade_settings.updated (orders): the settings before and after; only the credit term matters here. */
const termChange = z.object({ before: z.object({ creditTermDays: z.number().int() }), after: z.object({ creditTermDays: z.number().int() }) });

/** The credit sweep runs daily at 09:00 Beijing time (01:00 UTC). */
export function nextSweepAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 1, 0, 0));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function defineSettlementJobs(platform: Platform, settlements: SettlementsService): void {
  // A credit-terms order completed: its receivable is posted, so the bill is issued and can be repaid.
  platform.events.register({
    name: 'settlements.bill_on_completion',
    types: ['order.completed'],
    handle: async (event, trx) => {
      const orderId = typeof event.payload.orderId === 'string' ? event.payload.orderId : event.subjectId;
      await settlements.markBilled(trx, orderId, event.occurredAt);
    },
  });
  platform.events.register({
    name: 'settlements.default_term_notice',
    types: ['trade_settings.updated'],
    handle: async (event, trx) => {
      const p = termChange.safeParse(event.payload);
      if (p.success) await settlements.defaultTermChanged(trx, event.id, p.data.before.creditTermDays, p.data.after.creditTermDays);
    },
  });
  platform.jobs.define('settlements.sandbox_payout', z.object({ payoutId: z.uuid() }), async ({ payoutId }) => {
    await settlements.sandboxPayout(payoutId);
  });
  platform.jobs.defineRecurring('settlements.credit_sweep', nextSweepAt, async (ctx) => {
    const result = await settlements.sweepCredit();
    if (result.dueSoon || result.overdue || result.reminded) ctx.log.info(result, 'credit-terms sweep');
  });
}
