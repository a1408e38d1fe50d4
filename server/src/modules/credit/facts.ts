import { membershipStatus, showsTrustPass, trustpassYears } from '../trustpass/index.js';
import type { CreditFacts } from './scorecard.js';

/** The event types a rating is computed from: the sedimented record, not any module's current state. */
export const RATING_EVENT_TYPES = [
  'company.created',
  'verification.approved',
  'verification.rejected',
  'verification.revoked',
  'verification.field_recorded',
  'trustpass.activated',
] as const;

export interface FactEvent {
  type: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

const DAY = 86_400_000;

/**
 * Service and trade facts measured by other modules over their own windows (response metrics, service metrics),
 * not folded from events here.
 */
export interface MeasuredFacts {
  responseRate: number | null;
  /** Service metrics (docs/service-metrics.md): 90-day on-time shipping as supplier. */
  onTimeShipRate: number | null;
  /** Disputes decided against the company, as supplier or buyer, in the last 365 days. */
  disputesLost: number;
  /** 90-day share of credit-terms bills repaid by their due date, as buyer. */
  paymentPunctuality: number | null;
  /** All time, as either party: completed orders and their value net of refunds in 分. */
  completedOrders: number;
  tradeVolume: number;
}
export const NOTHING_MEASURED: MeasuredFacts = { responseRate: null, onTimeShipRate: null, disputesLost: 0, paymentPunctuality: null, completedOrders: 0, tradeVolume: 0 };

/** Folds one company's events (in time order) into the facts the scorecard reads, with the measured facts. Pure. */
export function factsFromEvents(events: FactEvent[], now: Date, measured: MeasuredFacts = NOTHING_MEASURED): CreditFacts {
  let createdAt: Date | null = null;
  let verifiedAt: Date | null = null;
  let fieldVerified = false;
  let rejected = 0;
  let runStartedAt: Date | null = null;
  let expiresAt: Date | null = null;
  for (const e of events) {
    switch (e.type) {
      case 'company.created':
        createdAt ??= e.occurredAt;
        break;
      case 'verification.approved':
        verifiedAt = e.occurredAt;
        break;
      case 'verification.rejected':
        rejected++;
        break;
      case 'verification.revoked':
        // A withdrawn approval takes its field visit with it: both have to be earned again.
        verifiedAt = null;
        fieldVerified = false;
        break;
      case 'verification.field_recorded':
        fieldVerified = true;
        break;
      case 'trustpass.activated': {
        const expires = new Date(String(e.payload.expiresAt));
        if (!e.payload.renewal || !runStartedAt) runStartedAt = e.occurredAt;
        expiresAt = expires;
        break;
      }
      default:
        break;
    }
  }
  const membership = runStartedAt && expiresAt ? { runStartedAt, expiresAt } : undefined;
  const status = membershipStatus(membership, now);
  return {
    verified: verifiedAt !== null,
    fieldVerified: verifiedAt !== null && fieldVerified,
    verifiedDays: verifiedAt ? Math.floor((now.getTime() - verifiedAt.getTime()) / DAY) : 0,
    rejectedVerifications: rejected,
    platformDays: createdAt ? Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / DAY)) : 0,
    trustpassYears: trustpassYears(membership, now),
    trustpassActive: showsTrustPass(status),
    // Trade and service facts of the orders (service-metrics module).
    completedOrders: measured.completedOrders,
    tradeVolumeYuan: Math.floor(measured.tradeVolume / 100),
    onTimeShipRate: measured.onTimeShipRate,
    // The 30-day share of inquiries and chat questions answered within 24 hours (response-metrics module).
    responseRate: measured.responseRate,
    disputesLost: measured.disputesLost,
    paymentPunctuality: measured.paymentPunctuality,
  };
}
