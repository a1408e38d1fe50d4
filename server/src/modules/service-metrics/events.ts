import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { recordEvent, type StoredEvent } from '../../platform/events.js';

/**
 * The events the metrics are kept from (payload shapes: orders/events.ts, after-sales/events.ts, reviews/events.ts,
 * settlements/events.ts). The business time of an event is its payload's own time when it names one (`at`,
 * `shippedAt`, `repaidAt`), else the moment the event was recorded.
 */
export const CONSUMED_EVENT_TYPES = [
  'order.created', 'order.adjusted', 'order.paid', 'order.shipped', 'order.received', 'order.completed', 'order.cancelled', 'order.refunded', 'order.closed',
  'dispute.opened', 'dispute.decided',
  'review.created',
  'credit_terms.billed', 'credit_terms.repaid', 'credit_terms.overdue', 'credit_terms.released',
] as const;
export type ConsumedEventType = (typeof CONSUMED_EVENT_TYPES)[number];

const when = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/).transform((s) => s.slice(0, 10));
const money = z.number().int().nonnegative();

const orderRef = z.object({ orderId: z.uuid(), buyerCompanyId: z.uuid(), supplierCompanyId: z.uuid(), total: money, at: when.optional() });
const orderPayloads = {
  'order.created': orderRef.extend({ paymentTerms: z.string().optional(), shipBy: day.nullable().optional(), productIds: z.array(z.uuid()).max(500).optional() }),
  'order.adjusted': orderRef,
  'order.paid': orderRef.extend({ terms: z.string().optional(), shipBy: day.nullable().optional() }),
  'order.shipped': orderRef.extend({ fully: z.boolean(), onTime: z.boolean().optional(), shipBy: day.nullable().optional(), shippedAt: when.optional() }),
  'order.received': orderRef,
  'order.completed': orderRef,
  'order.cancelled': orderRef,
  'order.refunded': orderRef.extend({ amount: money, source: z.string().optional() }),
  'order.closed': orderRef,
};
const disputeRef = z.object({ disputeId: z.uuid(), orderId: z.uuid(), buyerCompanyId: z.uuid(), supplierCompanyId: z.uuid(), at: when.optional() });
const disputeDecided = disputeRef.extend({ decision: z.string().optional(), against: z.enum(['supplier', 'buyer']).nullable() });
const reviewCreated = z.object({
  reviewId: z.uuid(), orderId: z.uuid().optional(), supplierCompanyId: z.uuid(), buyerCompanyId: z.uuid().optional(),
  scores: z.object({ quality: z.number().int().min(1).max(5), shipping: z.number().int().min(1).max(5), service: z.number().int().min(1).max(5) }),
  at: when.optional(),
});
const billRef = z.object({ drawId: z.string().min(1).optional(), orderId: z.uuid().optional(), at: when.optional() });
const billPayloads = {
  'credit_terms.billed': billRef.extend({ dueAt: when.nullable().optional() }),
  'credit_terms.repaid': billRef.extend({ dueAt: when.nullable().optional(), repaidAt: when.optional(), onTime: z.boolean().optional() }),
  'credit_terms.overdue': billRef.extend({ dueAt: when.optional() }),
  'credit_terms.released': billRef.extend({ outstanding: z.number().optional() }),
};

/** What one event changes in the module's rows. Every field is a "first seen" merge (see store.ts). */
export type Fact =
  | {
    kind: 'order'; orderId: string; supplierCompanyId: string; buyerCompanyId: string; total: number; paymentTerms?: string; shipBy?: string;
    /** The catalog products on the order's lines (order.created; events before migration 0034 name none). */
    productIds?: string[];
    placedAt?: Date; paidAt?: Date; fullyShippedAt?: Date; shippedOnTime?: boolean; receivedAt?: Date; completedAt?: Date;
    cancelledAt?: Date; closedAt?: Date; refund?: { eventId: string; amount: number; source: string | null; at: Date };
  }
  | { kind: 'dispute'; disputeId: string; orderId: string; supplierCompanyId: string; buyerCompanyId: string; openedAt?: Date; decided?: { at: Date; decision: string | null; against: 'supplier' | 'buyer' | null } }
  | { kind: 'review'; reviewId: string; orderId: string | null; supplierCompanyId: string; buyerCompanyId: string | null; quality: number; shipping: number; service: number; createdAt: Date }
  | {
    kind: 'bill'; billId: string; orderId: string | null; buyerCompanyId: string; dueAt?: Date; repaidAt?: Date; repaidOnTime?: boolean;
    overdueAt?: Date; releasedInFull?: boolean;
  };

type Parsed = Fact | { invalid: string };

const bad = (e: z.ZodError): { invalid: string } => ({ invalid: e.message });

function orderFact(event: StoredEvent, type: keyof typeof orderPayloads): Parsed {
  const p = orderPayloads[type].safeParse(event.payload);
  if (!p.success) return bad(p.error);
  const d = p.data as z.infer<typeof orderRef> & Record<string, unknown>;
  const at = d.at ?? event.occurredAt;
  const base = { kind: 'order' as const, orderId: d.orderId, supplierCompanyId: d.supplierCompanyId, buyerCompanyId: d.buyerCompanyId, total: d.total };
  const shipBy = typeof d.shipBy === 'string' ? { shipBy: d.shipBy } : {};
  switch (type) {
    case 'order.created':
      return {
        ...base, ...shipBy, placedAt: at, ...(typeof d.paymentTerms === 'string' ? { paymentTerms: d.paymentTerms } : {}),
        ...(Array.isArray(d.productIds) && d.productIds.length > 0 ? { productIds: [...new Set(d.productIds as string[])] } : {}),
      };
    case 'order.adjusted':
      return base;
    case 'order.paid':
      return { ...base, ...shipBy, paidAt: at, ...(typeof d.terms === 'string' ? { paymentTerms: d.terms } : {}) };
    case 'order.shipped': {
      if (d.fully !== true) return { ...base, ...shipBy };
      const shippedAt = d.shippedAt instanceof Date ? d.shippedAt : at;
      return { ...base, ...shipBy, fullyShippedAt: shippedAt, ...(typeof d.onTime === 'boolean' ? { shippedOnTime: d.onTime } : {}) };
    }
    case 'order.received':
      return { ...base, receivedAt: at };
    case 'order.completed':
      return { ...base, completedAt: at };
    case 'order.cancelled':
      return { ...base, cancelledAt: at };
    case 'order.refunded':
      return { ...base, refund: { eventId: event.id, amount: d.amount as number, source: typeof d.source === 'string' ? d.source : null, at } };
    case 'order.closed':
      return { ...base, closedAt: at };
    default: {
      const never: never = type;
      return { invalid: `unexpected ${String(never)}` };
    }
  }
}

function billFact(event: StoredEvent, type: keyof typeof billPayloads): Parsed {
  // Credit events belong to the buyer company (settlements/events.ts): the payload names the draw and the order.
  if (!event.companyId) return { invalid: 'credit event without a company' };
  const p = billPayloads[type].safeParse(event.payload);
  if (!p.success) return bad(p.error);
  const d = p.data as z.infer<typeof billRef> & Record<string, unknown>;
  const billId = d.drawId ?? d.orderId;
  if (!billId) return { invalid: 'credit event names neither a draw nor an order' };
  const at = d.at ?? event.occurredAt;
  const base = { kind: 'bill' as const, billId, orderId: d.orderId ?? null, buyerCompanyId: event.companyId };
  const due = d.dueAt instanceof Date ? { dueAt: d.dueAt } : {};
  switch (type) {
    case 'credit_terms.billed':
      return { ...base, ...due };
    case 'credit_terms.repaid':
      return { ...base, ...due, repaidAt: d.repaidAt instanceof Date ? d.repaidAt : at, ...(typeof d.onTime === 'boolean' ? { repaidOnTime: d.onTime } : {}) };
    case 'credit_terms.overdue':
      return { ...base, ...due, overdueAt: at };
    case 'credit_terms.released':
      return d.outstanding === 0 ? { ...base, releasedInFull: true } : base;
    default: {
      const never: never = type;
      return { invalid: `unexpected ${String(never)}` };
    }
  }
}

/** The fact an event records, or why its payload does not fit the contract (logged and skipped, not retried). */
export function factOf(event: StoredEvent): Parsed {
  const type = event.type as ConsumedEventType;
  switch (type) {
    case 'order.created': case 'order.adjusted': case 'order.paid': case 'order.shipped': case 'order.received':
    case 'order.completed': case 'order.cancelled': case 'order.refunded': case 'order.closed':
      return orderFact(event, type);
    case 'dispute.opened': {
      const p = disputeRef.safeParse(event.payload);
      if (!p.success) return bad(p.error);
      const { at, ...d } = p.data;
      return { kind: 'dispute', ...d, openedAt: at ?? event.occurredAt };
    }
    case 'dispute.decided': {
      const p = disputeDecided.safeParse(event.payload);
      if (!p.success) return bad(p.error);
      const { at, decision, against, ...d } = p.data;
      return { kind: 'dispute', ...d, decided: { at: at ?? event.occurredAt, decision: decision ?? null, against } };
    }
    case 'review.created': {
      const p = reviewCreated.safeParse(event.payload);
      if (!p.success) return bad(p.error);
      const d = p.data;
      return {
        kind: 'review', reviewId: d.reviewId, orderId: d.orderId ?? null, supplierCompanyId: d.supplierCompanyId, buyerCompanyId: d.buyerCompanyId ?? null,
        ...d.scores, createdAt: d.at ?? event.occurredAt,
      };
    }
    case 'credit_terms.billed': case 'credit_terms.repaid': case 'credit_terms.overdue': case 'credit_terms.released':
      return billFact(event, type);
    default: {
      const never: never = type;
      return { invalid: `unexpected event type ${String(never)}` };
    }
  }
}

/**
 * Whether a fact can move any metric: an order's placement, price adjustment, receipt or partial shipment cannot
 * (they are kept for the row, and for the order a later event completes), so they cost no recompute.
 */
export function movesMetrics(f: Fact): boolean {
  if (f.kind !== 'order') return true;
  return Boolean(f.paidAt ?? f.fullyShippedAt ?? f.completedAt ?? f.cancelledAt ?? f.closedAt ?? f.refund);
}

/** The companies whose metrics a fact can move. */
export function companiesOf(f: Fact): string[] {
  switch (f.kind) {
    case 'order':
    case 'dispute':
      return [...new Set([f.supplierCompanyId, f.buyerCompanyId])];
    case 'review':
      return [f.supplierCompanyId];
    case 'bill':
      return [f.buyerCompanyId];
    default: {
      const never: never = f;
      return never;
    }
  }
}

export interface ServiceMetricsChanged {
  companyId: string;
  onTimeRate: number | null;
  disputeRate: number | null;
  disputeLostRate: number | null;
  refundRate: number | null;
  repeatBuyerRate: number | null;
  reviewAverage: number | null;
  disputesLost: number;
  paymentPunctuality: number | null;
  completedOrders: number;
}

/** Published when a company's metrics change: credit re-rates it and search refreshes its supplier factor. */
export const CHANGED_EVENT = 'service_metrics.changed';

export function recordChanged(trx: Db, payload: ServiceMetricsChanged): Promise<string> {
  return recordEvent(trx, { type: CHANGED_EVENT, actorUserId: null, companyId: payload.companyId, subjectType: 'company', subjectId: payload.companyId, payload });
}

/**
 * Whether an order fact can move its products' recent sales: payment brings the order in, cancellation and closing
 * take it out. (Learning the products at placement matters only when the payment was seen first: recordMany checks.)
 */
export function movesProductSales(f: Fact): f is Extract<Fact, { kind: 'order' }> {
  return f.kind === 'order' && Boolean(f.paidAt ?? f.cancelledAt ?? f.closedAt);
}

export interface ProductSalesChanged {
  productId: string;
  supplierCompanyId: string;
  /** Distinct buyer companies with a paid order of the product in the window, neither cancelled nor closed. */
  recentBuyers: number;
  recentOrders: number;
}

/** Published when a product's recent sales change: search refreshes its product factor. */
export const PRODUCT_SALES_CHANGED_EVENT = 'product_sales.changed';

export function recordProductSalesChanged(trx: Db, payload: ProductSalesChanged): Promise<string> {
  return recordEvent(trx, {
    type: PRODUCT_SALES_CHANGED_EVENT, actorUserId: null, companyId: payload.supplierCompanyId, subjectType: 'product', subjectId: payload.productId, payload,
  });
}
