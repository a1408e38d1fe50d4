import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

export type Side = 'buyer' | 'supplier';

export type MessagingEvent =
  | {
    type: 'conversation.opened'; companyId: string; subjectType: 'conversation'; subjectId: string;
    payload: { conversationId: string; supplierCompanyId: string; buyerUserId: string; buyerCompanyId: string | null; productId: string | null; at: string };
  }
  | {
    type: 'message.sent'; companyId: string; subjectType: 'conversation'; subjectId: string;
    payload: { conversationId: string; messageId: string; supplierCompanyId: string; buyerUserId: string; buyerCompanyId: string | null; senderUserId: string; side: Side; at: string };
  };

export const MESSAGING_EVENT_TYPES = ['conversation.opened', 'message.sent'] as const;

/** The event's company is the supplier (whose service the message measures); the subject is the conversation. */
export function record(trx: Db, actorUserId: string | null, event: MessagingEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId });
}
