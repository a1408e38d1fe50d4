/** Membership arithmetic, kept pure so its edges are easy to test. */
export const GRACE_DAYS = 30;
const DAY = 86_400_000;

export type MembershipStatus = 'none' | 'active' | 'grace' | 'expired';

export function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

export function graceUntil(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() + GRACE_DAYS * DAY);
}

export function membershipStatus(m: { expiresAt: Date } | undefined, now: Date): MembershipStatus {
  if (!m) return 'none';
  if (now < m.expiresAt) return 'active';
  if (now < graceUntil(m.expiresAt)) return 'grace';
  return 'expired';
}

/** The TrustPass mark shows, and the plan's limits apply, while the membership is active or in its grace period. */
export function showsTrustPass(status: MembershipStatus): boolean {
  return status === 'active' || status === 'grace';
}

/** "TrustPass N years": the membership year the company is in, counting consecutive years without a lapse. */
export function trustpassYears(m: { runStartedAt: Date; expiresAt: Date } | undefined, now: Date): number {
  const status = membershipStatus(m, now);
  if (!m || !showsTrustPass(status)) return 0;
  let years = 1;
  while (addYears(m.runStartedAt, years) <= (now < m.expiresAt ? now : m.expiresAt) && years < 100) years++;
  return status === 'grace' ? years - 1 || 1 : years;
}

/** A paid purchase of n years: extends a running (or grace-period) membership without a gap, else starts anew. */
export function extend(m: { runStartedAt: Date; expiresAt: Date } | undefined, now: Date, years: number): { runStartedAt: Date; expiresAt: Date; renewal: boolean } {
  const status = membershipStatus(m, now);
  if (m && showsTrustPass(status)) return { runStartedAt: m.runStartedAt, expiresAt: addYears(m.expiresAt, years), renewal: true };
  return { runStartedAt: now, expiresAt: addYears(now, years), renewal: false };
}
