import type { Platform } from '../../platform/platform.js';
import type { NotificationsService } from './service.js';

function nextDailyAt(hourUtc: number) {
  return (now: Date) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  };
}

export function defineNotificationJobs(platform: Platform, notifications: NotificationsService): void {
  // 20:00 UTC is 04:00 in China, a quiet hour.
  platform.jobs.defineRecurring('notifications.cleanup', nextDailyAt(20), async (ctx) => {
    const removed = await notifications.cleanup();
    ctx.log.info({ removed }, 'removed notifications past their retention');
  });
}
