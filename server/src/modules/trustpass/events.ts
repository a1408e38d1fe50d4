import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

export type TrustpassEvent =
  | { type: 'trustpass.plan_saved'; companyId: null; subjectType: 'trustpass_plan'; payload: { code: string; annualPrice: number; active: boolean } }
  | { type: 'trustpass.purchase_created'; companyId: string; subjectType: 'trustpass_purchase'; payload: { planCode: string; years: number; amount: number; paymentIntentId: string } }
  | { type: 'trustpass.activated'; companyId: string; subjectType: 'trustpass_membership'; payload: { planCode: string; expiresAt: string; renewal: boolean; trustpassYears: number } }
  | { type: 'trustpass.purchase_failed'; companyId: string; subjectType: 'trustpass_purchase'; payload: { planCode: string } }
  | { type: 'trustpass.reminder_sent'; companyId: string; subjectType: 'trustpass_membership'; payload: { kind: string; expiresAt: string } };

export function record(trx: Db, actorUserId: string | null, subjectId: string, event: TrustpassEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId, subjectId });
}
