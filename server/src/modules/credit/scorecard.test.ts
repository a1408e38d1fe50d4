import { describe, expect, it } from 'vitest';
import { gradeFor, scorecardV1, type CreditFacts } from './scorecard.js';

const none: CreditFacts = {
  verified: false, fieldVerified: false, verifiedDays: 0, rejectedVerifications: 0, platformDays: 0, trustpassYears: 0, trustpassActive: false,
  completedOrders: 0, tradeVolumeYuan: 0, onTimeShipRate: null, responseRate: null, disputesLost: 0,
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
