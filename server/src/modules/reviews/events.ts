import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

export interface ReviewScores { quality: number; shipping: number; service: number }

/**
 * The reviews' events. Both carry the supplier as the event's company (the reviewed party, whose service metrics
 * review.created feeds — docs/service-metrics.md) and the review as the subject. `at` is the business time.
 */
export type ReviewEvent =
  | {
    type: 'review.created';
    payload: { reviewId: string; orderId: string; supplierCompanyId: string; buyerCompanyId: string; productIds: string[]; scores: ReviewScores; hasText: boolean; at: string };
  }
  | { type: 'review.replied'; payload: { reviewId: string; orderId: string; supplierCompanyId: string; buyerCompanyId: string; at: string } };

export type ReviewEventType = ReviewEvent['type'];
export const REVIEW_EVENT_TYPES: readonly ReviewEventType[] = ['review.created', 'review.replied'];

export function record(trx: Db, actorUserId: string | null, event: ReviewEvent): Promise<string> {
  return recordEvent(trx, { type: event.type, actorUserId, companyId: event.payload.supplierCompanyId, subjectType: 'review', subjectId: event.payload.reviewId, payload: event.payload });
}
