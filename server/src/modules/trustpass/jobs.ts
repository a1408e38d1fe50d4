import type { Platform } from '../../platform/platform.js';
import type { TrustpassService } from './service.js';

const nextDailyAt = (hourUtc: number) => (now: Date) => {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

export function defineTrustpassJobs(platform: Platform, trustpass: TrustpassService): void {
  platform.events.register({ name: 'trustpass.activate_on_payment', types: ['payment.succeeded', 'payment.failed'], handle: (event, trx) => trustpass.onPaymentSettled(event, trx) });
  platform.jobs.defineRecurring('trustpass.reminders', nextDailyAt(1), async (ctx) => {
    ctx.log.info({ sent: await trustpass.sendReminders() }, 'TrustPass reminders');
  });
}
