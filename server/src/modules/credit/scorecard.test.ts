import { describe, expect, it } from 'vitest';
import { gradeFor, scorecardV1, scorecardV2, type CreditFacts } from './scorecard.js';

const none: CreditFacts = {
  verified: false, fieldVerified: false, verifiedDays: 0, rejectedVerifications: 0, platformDays: 0, trustpassYears: 0, trustpassActive: false,
  completedOrders: 0, tradeVolumeYuan: 0, onTimeShipRate: null, responseRate: null, disputesLost: 0, paymentPunctuality: null,
};

describe('credit scorecard v1', () => {
  it('maps scores to grades at the boundaries', () => {
    expect(gradeFor(0)).toBe('1A');
    expect(gradeFor(39.99)).toBe('1A');
    expect(gradeFor(40)).toBe('2A');
    expect(gradeFor(54.99)).toBe('2A');
    expect(gradeFor(55)).toBe('3A');
    expect(gradeFor(70)).toBe('4A');
    expect(gradeFor(84.99)).toBe('4A');
    expect(gradeFor(85)).toBe('5A');
    expect(gradeFor(100)).toBe('5A');
  });

  it('gives a new, unverified company 1A with every factor explained', () => {
    const r = scorecardV1(none);
    expect(r).toMatchObject({ version: 'v1', score: 10, grade: '1A' });
    expect(r.factors.every((f) => f.zh && f.en && f.points <= f.max)).toBe(true);
    expect(r.dimensions.reduce((s, d) => s + d.max, 0)).toBe(100);
  });

  it('reaches 2A with verification and TrustPass, and 5A only with trade and service', () => {
    expect(scorecardV1({ ...none, verified: true }).grade).toBe('1A');
    expect(scorecardV1({ ...none, verified: true, trustpassActive: true, trustpassYears: 1 })).toMatchObject({ score: 42.5, grade: '2A' });
    expect(scorecardV1({ ...none, verified: true, platformDays: 400 }).grade).toBe('2A');
    const best = scorecardV1({ ...none, verified: true, fieldVerified: true, platformDays: 800, trustpassYears: 4, trustpassActive: true, completedOrders: 150, tradeVolumeYuan: 12_000_000, onTimeShipRate: 0.98, responseRate: 0.95 });
    expect(best.grade).toBe('5A');
    expect(best.score).toBeLessThanOrEqual(100);
  });

  it('takes points off for lost disputes and rejected verifications, never below zero', () => {
    const clean = scorecardV1({ ...none, verified: true }).score;
    expect(scorecardV1({ ...none, verified: true, disputesLost: 1 }).score).toBe(clean - 4);
    expect(scorecardV1({ ...none, disputesLost: 9 }).factors.find((f) => f.key === 'clean_record')?.points).toBe(0);
  });
});

describe('credit scorecard v2', () => {
  it('scores exactly like v1 for a company without credit-terms bills', () => {
    for (const f of [none, { ...none, verified: true, disputesLost: 1 }, { ...none, verified: true, completedOrders: 40, tradeVolumeYuan: 800_000, onTimeShipRate: 0.9 }]) {
      const [v1, v2] = [scorecardV1(f), scorecardV2(f)];
      expect(v2).toMatchObject({ version: 'v2', score: v1.score, grade: v1.grade, dimensions: v1.dimensions });
      expect(v2.factors.find((x) => x.key === 'payment_punctuality')).toMatchObject({ points: 0, max: 0, value: 'n/a' });
    }
    expect(scorecardV2(none).dimensions.reduce((s, d) => s + d.max, 0)).toBe(100);
  });

  it('takes up to 10 points off for late credit-terms bills, never more than the compliance dimension holds', () => {
    const base = { ...none, verified: true };
    const clean = scorecardV2(base).score;
    expect(scorecardV2({ ...base, paymentPunctuality: 1 }).score).toBe(clean);
    expect(scorecardV2({ ...base, paymentPunctuality: 0.75 }).score).toBe(clean - 2.5);
    const late = scorecardV2({ ...base, paymentPunctuality: 0 });
    expect(late.score).toBe(clean - 10);
    expect(late.factors.find((x) => x.key === 'payment_punctuality')).toMatchObject({ points: -10, value: '0%', en: expect.stringContaining('up to 10 points') });
    // Two lost disputes already took 8 of the 10 compliance points: late bills take the last 2, not 10.
    const both = scorecardV2({ ...base, disputesLost: 2, paymentPunctuality: 0 });
    expect(both.dimensions.find((d) => d.key === 'compliance')).toMatchObject({ points: 0, max: 10 });
    expect(both.score).toBe(clean - 10);
  });
});
