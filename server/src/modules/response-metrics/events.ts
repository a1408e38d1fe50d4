import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { recordEvent, type StoredEvent } from '../../platform/events.js';
import type { ThreadItem } from './clocks.js';

/** The events the metrics are computed from (docs/issue contract: inquiries and messaging emit them). */
export const CONSUMED_EVENT_TYPES = ['inquiry.created', 'inquiry.replied', 'message.sent'] as const;

const at = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const side = z.enum(['buyer', 'supplier']);

const inquiryCreated = z.object({
  inquiryId: z.uuid(), supplierCompanyId: z.uuid(), buyerCompanyId: z.uuid().nullable().optional(), buyerUserId: z.uuid(), at,
});
const inquiryReplied = z.object({ inquiryId: z.uuid(), replyId: z.uuid().optional(), supplierCompanyId: z.uuid(), authorUserId: z.uuid(), side, at });
const messageSent = z.object({
  conversationId: z.uuid(), messageId: z.uuid(), supplierCompanyId: z.uuid(), buyerUserId: z.uuid(),
  buyerCompanyId: z.uuid().nullable(), senderUserId: z.uuid(), side, at,
});

/** The thread item an event records, or null when its payload does not fit the contract (skipped, not retried). */
export function itemOf(event: StoredEvent): ThreadItem | { invalid: string } {
  switch (event.type) {
    case 'inquiry.created': {
      const p = inquiryCreated.safeParse(event.payload);
      if (!p.success) return { invalid: p.error.message };
      return {
        id: p.data.inquiryId, supplierCompanyId: p.data.supplierCompanyId, sourceKind: 'inquiry', threadId: p.data.inquiryId, role: 'open',
        authorUserId: p.data.buyerUserId, buyerUserId: p.data.buyerUserId, buyerCompanyId: p.data.buyerCompanyId ?? null, at: p.data.at,
      };
    }
    case 'inquiry.replied': {
      const p = inquiryReplied.safeParse(event.payload);
      if (!p.success) return { invalid: p.error.message };
      // The reply's id when the payload names it (the contract does not require it), else the event's own id.
      return {
        id: p.data.replyId ?? event.id, supplierCompanyId: p.data.supplierCompanyId, sourceKind: 'inquiry', threadId: p.data.inquiryId, role: p.data.side,
        authorUserId: p.data.authorUserId, buyerUserId: null, buyerCompanyId: null, at: p.data.at,
      };
    }
    case 'message.sent': {
      const p = messageSent.safeParse(event.payload);
      if (!p.success) return { invalid: p.error.message };
      return {
        id: p.data.messageId, supplierCompanyId: p.data.supplierCompanyId, sourceKind: 'chat', threadId: p.data.conversationId, role: p.data.side,
        authorUserId: p.data.senderUserId, buyerUserId: p.data.buyerUserId, buyerCompanyId: p.data.buyerCompanyId, at: p.data.at,
      };
    }
    default:
      return { invalid: `unexpected event type ${event.type}` };
  }
}

export interface ResponseMetricsChanged {
  supplierCompanyId: string;
  responseRate: number | null;
  medianFirstResponseSeconds: number | null;
  previousResponseRate: number | null;
  previousMedianFirstResponseSeconds: number | null;
  measured: number;
}

/** Published when a supplier's rate or median changes: credit and search re-read it. */
export const CHANGED_EVENT = 'response_metrics.changed';

export function recordChanged(trx: Db, payload: ResponseMetricsChanged): Promise<string> {
  return recordEvent(trx, {
    type: CHANGED_EVENT, actorUserId: null, companyId: payload.supplierCompanyId, subjectType: 'company', subjectId: payload.supplierCompanyId, payload,
  });
}
