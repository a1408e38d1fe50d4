import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

/** The events the trust system publishes. */
export type TrustEvent =
  | { type: 'verification.submitted'; companyId: string; subjectType: 'verification'; payload: { uscc: string; mismatches: string[]; registry: string } }
  | { type: 'verification.approved'; companyId: string; subjectType: 'verification'; payload: { uscc: string } }
  | { type: 'verification.rejected'; companyId: string; subjectType: 'verification'; payload: { reason: string } }
  | { type: 'verification.revoked'; companyId: string; subjectType: 'verification'; payload: { reason: string } }
  | { type: 'verification.field_recorded'; companyId: string; subjectType: 'field_verification'; payload: { visitedOn: string; inspector: string; photos: number } };

export type TrustEventType = TrustEvent['type'];

export function record(trx: Db, actorUserId: string | null, subjectId: string, event: TrustEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId, subjectId });
}
