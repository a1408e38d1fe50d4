import { describe, expect, it } from 'vitest';
import { factsFromEvents } from './facts.js';

const at = (s: string) => new Date(`${s}T00:00:00Z`);

describe('credit facts from the event log', () => {
  it('folds registration, verification and TrustPass renewals into facts', () => {
    const facts = factsFromEvents([
      { type: 'company.created', payload: {}, occurredAt: at('2024-01-01') },
      { type: 'verification.rejected', payload: {}, occurredAt: at('2024-01-05') },
      { type: 'verification.approved', payload: {}, occurredAt: at('2024-01-10') },
      { type: 'trustpass.activated', payload: { expiresAt: '2025-02-01T00:00:00Z', renewal: false }, occurredAt: at('2024-02-01') },
      { type: 'trustpass.activated', payload: { expiresAt: '2026-02-01T00:00:00Z', renewal: true }, occurredAt: at('2025-01-15') },
      { type: 'session.created', payload: {}, occurredAt: at('2025-03-01') },
    ], at('2025-06-01'));
    expect(facts).toMatchObject({ verified: true, fieldVerified: false, rejectedVerifications: 1, platformDays: 517, trustpassActive: true, trustpassYears: 2 });
  });

  it('starts a new TrustPass run after a lapse, and knows nothing of a company without events', () => {
    const facts = factsFromEvents([
      { type: 'trustpass.activated', payload: { expiresAt: '2023-01-01T00:00:00Z', renewal: false }, occurredAt: at('2022-01-01') },
      { type: 'trustpass.activated', payload: { expiresAt: '2026-01-01T00:00:00Z', renewal: false }, occurredAt: at('2025-01-01') },
    ], at('2025-06-01'));
    expect(facts).toMatchObject({ trustpassYears: 1, trustpassActive: true, verified: false });
    expect(factsFromEvents([], at('2025-06-01'))).toMatchObject({ verified: false, platformDays: 0, trustpassYears: 0 });
  });
});
