import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

/** The events the payments core publishes; other modules react to payment.succeeded for their purpose. */
export type PaymentEvent =
  | { type: 'payment.created'; companyId: string; subjectType: 'payment_intent'; payload: { purpose: string; referenceId: string; amount: number; currency: string; provider: string } }
  | { type: 'payment.succeeded'; companyId: string; subjectType: 'payment_intent'; payload: { purpose: string; referenceId: string; amount: number; currency: string; provider: string } }
  | { type: 'payment.failed'; companyId: string; subjectType: 'payment_intent'; payload: { purpose: string; referenceId: string; reason: string } };

export function record(trx: Db, actorUserId: string | null, subjectId: string, event: PaymentEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId, subjectId });
}
