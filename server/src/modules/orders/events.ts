import type { Db } from '../../platform/db.js';
import { recordEvent, type NewDomainEvent } from '../../platform/events.js';

/** What every order event carries (metrics and notifications read these). */
export interface OrderRef { orderId: string; number: string; buyerCompanyId: string; supplierCompanyId: string; total: number }

type E<T extends string, P extends object = object> = { type: T; payload: OrderRef & P };

/**
 * The orders module's events: subject type 'order', companyId = the buyer company. Recorded in the transaction of
 * the change; service-metrics and notifications react to them after commit.
 */
export type OrderEvent =
  /** productIds: the catalog products on the order's lines (none for a quote's order), for per-product sales. */
  | E<'order.created', { source: 'purchase_list' | 'quote' | 'direct'; paymentTerms: 'escrow' | 'credit_terms'; status: string; shipBy: string | null; productIds: string[] }>
  | E<'order.approved'>
  | E<'order.rejected', { reason: string }>
  | E<'order.adjusted', { before: number; after: number }>
  | E<'order.deposit_paid', { amount: number }>
  | E<'order.paid', { terms: 'escrow' | 'credit_terms'; shipBy: string | null }>
  | E<'order.shipped', { fully: boolean; onTime: boolean; shipBy: string | null; shippedAt: string }>
  | E<'order.received', { auto: boolean }>
  | E<'order.completed', { released: number; fee: number }>
  | E<'order.cancelled', { by: 'buyer' | 'seller' | 'system'; reason: string }>
  | E<'order.refunded', { amount: number; source: 'after_sale' | 'dispute' | 'cancel'; sourceId: string | null }>
  | E<'order.closed'>;

export type OrderEventType = OrderEvent['type'];

export function record(trx: Db, actorUserId: string | null, event: OrderEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId, companyId: event.payload.buyerCompanyId, subjectType: 'order', subjectId: event.payload.orderId });
}

/** The events as the platform stores them (for a statement that writes them itself: the checkout's). */
export function asDomainEvents(actorUserId: string | null, events: OrderEvent[]): Array<NewDomainEvent<string, object>> {
  return events.map((event) => ({ ...event, actorUserId, companyId: event.payload.buyerCompanyId, subjectType: 'order', subjectId: event.payload.orderId }));
}
