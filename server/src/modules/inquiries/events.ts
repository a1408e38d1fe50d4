import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

export type InquirySide = 'buyer' | 'supplier';

/**
 * The inquiries' events (contract of issue 5). Every event's companyId is the supplier (the inbox the response
 * metrics measure) and its subject is the inquiry. `at` is the business time of the change: the same as the event
 * row's occurred_at, except for backdated demo history (see seed/demo-inquiries.ts).
 */
export type InquiryEvent =
  | { type: 'inquiry.created'; payload: { inquiryId: string; supplierCompanyId: string; buyerCompanyId: string; buyerUserId: string; productIds: string[]; at: string } }
  | { type: 'inquiry.replied'; payload: { inquiryId: string; replyId: string; supplierCompanyId: string; buyerCompanyId: string; authorUserId: string; side: InquirySide; kind: 'reply' | 'quote'; at: string } }
  | { type: 'inquiry.assigned'; payload: { inquiryId: string; supplierCompanyId: string; assigneeUserId: string | null; previousAssigneeUserId: string | null; at: string } }
  | { type: 'inquiry.closed'; payload: { inquiryId: string; supplierCompanyId: string; buyerCompanyId: string; side: InquirySide; reason: string | null; at: string } }
  | { type: 'inquiry.reopened'; payload: { inquiryId: string; supplierCompanyId: string; buyerCompanyId: string; side: InquirySide; at: string } };

export type InquiryEventType = InquiryEvent['type'];
export const INQUIRY_EVENT_TYPES: readonly InquiryEventType[] = ['inquiry.created', 'inquiry.replied', 'inquiry.assigned', 'inquiry.closed', 'inquiry.reopened'];

export function record(trx: Db, actorUserId: string | null, event: InquiryEvent): Promise<string> {
  return recordEvent(trx, { type: event.type, actorUserId, companyId: event.payload.supplierCompanyId, subjectType: 'inquiry', subjectId: event.payload.inquiryId, payload: event.payload });
}
