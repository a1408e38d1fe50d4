import type { JobRunner } from '../../platform/jobs.js';
import type { AuthService } from './auth.service.js';

function nextDailyAt(hourUtc: number) {
  return (now: Date) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
    if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  };
}

export function defineAccountsJobs(jobs: JobRunner, auth: AuthService): void {
  jobs.defineRecurring('accounts.cleanup_sessions', nextDailyAt(19), async (ctx) => {
    const removed = await auth.cleanupSessions();
    ctx.log.info({ removed }, 'removed expired and long-revoked sessions');
  });
}
