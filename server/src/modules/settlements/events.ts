import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

interface BillRef { drawId: string; orderId: string; amount: number }

/**
 * The settlements module's events. Payout events carry the seller company; credit events the buyer company.
 * credit_terms.repaid / credit_terms.overdue feed the buyer's payment punctuality (service metrics) and credit.
 */
export type SettlementEvent =
  | { type: 'payout.requested'; companyId: string; subjectType: 'payout'; subjectId: string; payload: { payoutId: string; amount: number; currency: string; provider: string } }
  | { type: 'payout.paid'; companyId: string; subjectType: 'payout'; subjectId: string; payload: { payoutId: string; amount: number; currency: string; provider: string; bankReference: string } }
  | { type: 'payout.failed'; companyId: string; subjectType: 'payout'; subjectId: string; payload: { payoutId: string; amount: number; currency: string; reason: string } }
  | { type: 'credit_line.changed'; companyId: string; subjectType: 'credit_line'; subjectId: string; payload: { limit: number; previousLimit: number | null; status: 'active' | 'frozen'; previousStatus: 'active' | 'frozen' | null; termDays: number | null; previousTermDays: number | null; grade: string | null; suggestedLimit: number } }
  | { type: 'credit_terms.drawn'; companyId: string; subjectType: 'credit_draw'; subjectId: string; payload: BillRef }
  | { type: 'credit_terms.released'; companyId: string; subjectType: 'credit_draw'; subjectId: string; payload: BillRef & { outstanding: number } }
  | { type: 'credit_terms.billed'; companyId: string; subjectType: 'credit_draw'; subjectId: string; payload: BillRef & { dueAt: string | null } }
  | { type: 'credit_terms.repaid'; companyId: string; subjectType: 'credit_draw'; subjectId: string; payload: BillRef & { dueAt: string | null; repaidAt: string; onTime: boolean; daysLate: number } }
  | { type: 'credit_terms.overdue'; companyId: string; subjectType: 'credit_draw'; subjectId: string; payload: BillRef & { dueAt: string; daysLate: number } };

export type SettlementEventType = SettlementEvent['type'];

export function record(trx: Db, actorUserId: string | null, event: SettlementEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId });
}
