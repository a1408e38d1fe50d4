import { describe, expect, it } from 'vitest';
import { extend, graceUntil, membershipStatus, trustpassYears } from './membership.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('TrustPass membership arithmetic', () => {
  it('is active until expiry, in grace for 30 days after, then expired', () => {
    const m = { runStartedAt: d('2025-01-01'), expiresAt: d('2026-01-01') };
    expect(membershipStatus(undefined, d('2025-06-01'))).toBe('none');
    expect(membershipStatus(m, d('2025-12-31'))).toBe('active');
    expect(membershipStatus(m, d('2026-01-01'))).toBe('grace');
    expect(membershipStatus(m, d('2026-01-30'))).toBe('grace');
    expect(graceUntil(m.expiresAt).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(membershipStatus(m, d('2026-01-31'))).toBe('expired');
  });

  it('counts consecutive membership years, starting at 1', () => {
    const m = { runStartedAt: d('2022-03-01'), expiresAt: d('2027-03-01') };
    expect(trustpassYears(m, d('2022-03-01'))).toBe(1);
    expect(trustpassYears(m, d('2023-02-28'))).toBe(1);
    expect(trustpassYears(m, d('2023-03-01'))).toBe(2);
    expect(trustpassYears(m, d('2026-11-26'))).toBe(5);
    expect(trustpassYears({ ...m, expiresAt: d('2024-03-01') }, d('2024-06-01'))).toBe(0);
  });

  it('renews without a gap while active or in grace, and starts a new run after a lapse', () => {
    const m = { runStartedAt: d('2024-01-01'), expiresAt: d('2025-01-01') };
    expect(extend(m, d('2024-12-01'), 1)).toEqual({ runStartedAt: d('2024-01-01'), expiresAt: d('2026-01-01'), renewal: true });
    expect(extend(m, d('2025-01-20'), 2)).toEqual({ runStartedAt: d('2024-01-01'), expiresAt: d('2027-01-01'), renewal: true });
    expect(extend(m, d('2025-03-01'), 1)).toEqual({ runStartedAt: d('2025-03-01'), expiresAt: d('2026-03-01'), renewal: false });
    expect(extend(undefined, d('2025-03-01'), 3).expiresAt).toEqual(d('2028-03-01'));
  });
});
