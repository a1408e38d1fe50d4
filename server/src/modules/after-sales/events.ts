import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';
import type { AfterSaleKind } from './states.js';

interface Parties { afterSaleId: string; orderId: string; orderNumber: string; buyerCompanyId: string; supplierCompanyId: string }

/** How a request ended: money back, goods exchanged, or nothing (withdrawn by the buyer; closed: rejection stood, lapsed, or decided for the seller). */
export type AfterSaleOutcome = 'refunded' | 'exchanged' | 'withdrawn' | 'closed';

/**
 * The after-sales module's events. They belong to the supplier company (the service record they are part of) and carry
 * both parties in the payload. Metrics read after_sale.requested / resolved and dispute.opened / decided.
 */
export type AfterSaleEvent =
  | { type: 'after_sale.requested'; payload: Parties & { kind: AfterSaleKind; amount: number; reason: string; at: string } }
  | { type: 'after_sale.accepted'; payload: Parties & { kind: AfterSaleKind; at: string } }
  | { type: 'after_sale.rejected'; payload: Parties & { stage: 'request' | 'return'; at: string } }
  | { type: 'after_sale.proposed'; payload: Parties & { amount: number; at: string } }
  | { type: 'after_sale.return_shipped'; payload: Parties & { carrier: string; waybillNo: string; at: string } }
  | { type: 'after_sale.resolved'; payload: Parties & { kind: AfterSaleKind; outcome: AfterSaleOutcome; amount: number; via: 'agreement' | 'dispute' | 'lapse'; at: string } }
  | { type: 'dispute.opened'; payload: Parties & { disputeId: string; openedBy: 'buyer' | 'supplier' | 'system'; at: string } }
  | { type: 'dispute.decided'; payload: Parties & { disputeId: string; decision: 'buyer' | 'seller' | 'partial'; against: 'supplier' | 'buyer' | null; refundAmount: number; at: string } };

export type AfterSaleEventType = AfterSaleEvent['type'];
export const AFTER_SALE_EVENT_TYPES: AfterSaleEventType[] = [
  'after_sale.requested', 'after_sale.accepted', 'after_sale.rejected', 'after_sale.proposed', 'after_sale.return_shipped', 'after_sale.resolved',
  'dispute.opened', 'dispute.decided',
];

export function record(trx: Db, actorUserId: string | null, event: AfterSaleEvent): Promise<string> {
  const subject = event.type.startsWith('dispute.') && 'disputeId' in event.payload
    ? { subjectType: 'dispute', subjectId: event.payload.disputeId }
    : { subjectType: 'after_sale', subjectId: event.payload.afterSaleId };
  return recordEvent(trx, { type: event.type, payload: event.payload, actorUserId, companyId: event.payload.supplierCompanyId, ...subject });
}
