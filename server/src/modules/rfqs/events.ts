import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';
import type { RfqStatus } from './states.js';

interface QuoteRef { quoteId: string; rfqId: string; buyerCompanyId: string; supplierCompanyId: string }

/**
 * The RFQ module's events. RFQ events carry the buyer company; quote events the supplier company (whose record
 * they are), with the buyer in the payload. quote.accepted is what the trade issue turns into an order.
 */
export type RfqEvent =
  | { type: 'rfq.published'; companyId: string; subjectType: 'rfq'; subjectId: string; payload: { rfqId: string; categoryId: string; visibility: 'public' | 'invited'; invitedCompanyIds: string[]; quoteDeadline: string } }
  | { type: 'rfq.updated'; companyId: string; subjectType: 'rfq'; subjectId: string; payload: { rfqId: string } }
  | { type: 'rfq.closed'; companyId: string; subjectType: 'rfq'; subjectId: string; payload: { rfqId: string; status: Extract<RfqStatus, 'closed' | 'expired' | 'cancelled'>; awardedQuoteId: string | null; notSelected: number; at: string } }
  | { type: 'quote.submitted'; companyId: string; subjectType: 'quote'; subjectId: string; payload: QuoteRef & { unitPrice: number; currency: string; at: string } }
  | { type: 'quote.revised'; companyId: string; subjectType: 'quote'; subjectId: string; payload: QuoteRef & { revision: number; unitPrice: number; at: string } }
  | { type: 'quote.withdrawn'; companyId: string; subjectType: 'quote'; subjectId: string; payload: QuoteRef & { at: string } }
  | { type: 'quote.accepted'; companyId: string; subjectType: 'quote'; subjectId: string; payload: QuoteRef & { revision: number; unitPrice: number; quantity: number; unit: string; total: number; currency: string; at: string } }
  | { type: 'quote.declined'; companyId: string; subjectType: 'quote'; subjectId: string; payload: QuoteRef & { reason: string | null; at: string } };

export type RfqEventType = RfqEvent['type'];

export function record(trx: Db, actorUserId: string | null, event: RfqEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId });
}
