import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';
import { ORDER_STATUSES, VIEWER_ACTIONS } from './states.js';

/** Most money one figure may hold, in 分. */
const MAX_MONEY = 1_000_000_000_000;
const MAX_QUANTITY = 1_000_000_000;

const threeDecimals = (n: number) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6;
const quantity = z.number().positive().max(MAX_QUANTITY).refine(threeDecimals, { message: 'at most three decimals' });
const fen = z.number().int().min(0).max(MAX_MONEY);

export const idParams = z.object({ id: z.uuid() });

export const address = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/),
  province: z.string().regex(/^\d{6}$/),
  city: z.string().trim().min(1).max(50),
  line: z.string().trim().min(1).max(200),
});
export type AddressInput = z.infer<typeof address>;

export const paymentTerms = z.enum(['escrow', 'credit_terms']);

export const checkoutBody = z.strictObject({
  companyId: z.uuid(),
  /** "Buy now": explicit items; without them, the purchase list's selected items. */
  items: z.array(z.strictObject({ skuId: z.uuid(), quantity })).min(1).max(200).optional(),
  address,
  orders: z.array(z.strictObject({
    supplierCompanyId: z.uuid(),
    note: z.string().trim().max(500).optional(),
    invoiceProfileId: z.uuid().nullable().optional(),
    paymentTerms: paymentTerms.optional(),
  })).max(50).optional(),
});
export type CheckoutInput = z.infer<typeof checkoutBody>;

export const quoteCheckoutBody = z.strictObject({
  quoteId: z.uuid(),
  address,
  invoiceProfileId: z.uuid().nullable().optional(),
  note: z.string().trim().max(500).optional(),
  paymentTerms: paymentTerms.optional(),
});
export type QuoteCheckoutInput = z.infer<typeof quoteCheckoutBody>;

export const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const optionalReasonBody = z.strictObject({ reason: z.string().trim().max(500).optional() }).nullish();
export const payBody = z.strictObject({ provider: z.enum(['sandbox', 'bank_transfer']).optional() }).nullish();
export const adjustBody = z.strictObject({
  lines: z.array(z.strictObject({ lineId: z.uuid(), unitPrice: fen })).max(200).optional(),
  freight: fen.optional(),
  depositBps: z.number().int().min(0).max(9900).optional(),
  note: z.string().trim().max(500).optional(),
});
export type AdjustInput = z.infer<typeof adjustBody>;

export const listOrdersQuery = z.strictObject({
  companyId: z.uuid(),
  side: z.enum(['buyer', 'seller']).default('buyer'),
  status: z.enum(ORDER_STATUSES).optional(),
  /** Several statuses, comma separated (a tab of the web app). */
  statuses: z.string().max(300).optional(),
  q: z.string().trim().max(40).optional(),
  ...pageQuery,
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const adminOrdersQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  buyerCompanyId: z.uuid().optional(),
  supplierCompanyId: z.uuid().optional(),
  q: z.string().trim().max(40).optional(),
  ...pageQuery,
});
export type AdminOrdersQuery = z.infer<typeof adminOrdersQuery>;

export const countsQuery = z.strictObject({ companyId: z.uuid() });

export const approvalPolicyBody = z.strictObject({ threshold: fen.nullable() });
export const approvalPolicy = z.object({ companyId: z.uuid(), threshold: z.number().int().nullable(), updatedBy: z.uuid().nullable(), updatedAt: timestamp.nullable() });

export const tradeSettings = z.strictObject({
  feeBps: z.number().int().min(0).max(3000),
  unpaidTimeoutHours: z.number().int().min(1).max(24 * 30),
  autoConfirmDays: z.number().int().min(1).max(60),
  afterSalesWindowDays: z.number().int().min(0).max(90),
  creditTermDays: z.number().int().min(1).max(180),
});
export const tradeSettingsPatch = tradeSettings.partial();

// ---- responses

const party = z.object({ id: z.uuid(), name: z.string().nullable(), nameEn: z.string().nullable() });
export const orderLine = z.object({
  id: z.uuid(), position: z.number().int(), productId: z.uuid().nullable(), skuId: z.uuid().nullable(), titleZh: z.string(), titleEn: z.string().nullable(),
  skuLabel: z.string(), skuLabelEn: z.string().nullable(), unit: z.string(), quantity: z.number(), unitPrice: z.number().int(), lineTotal: z.number().int(),
  shippedQuantity: z.number(), returnedQuantity: z.number(), leadTimeDays: z.number().int(), imageUrl: z.string().nullable(),
});
const historyEntry = z.object({
  id: z.uuid(), at: timestamp, actorUserId: z.uuid().nullable(), action: z.string(), fromStatus: z.enum(ORDER_STATUSES).nullable(), toStatus: z.enum(ORDER_STATUSES),
  detail: z.record(z.string(), z.unknown()),
});
const orderPayment = z.object({
  id: z.uuid(), stage: z.enum(['full', 'deposit', 'balance']), amount: z.number().int(), provider: z.string(), intentId: z.uuid(),
  status: z.enum(['pending', 'succeeded', 'failed', 'canceled']), refunded: z.number().int(), createdAt: timestamp, settledAt: timestamp.nullable(),
});

export const orderSummary = z.object({
  id: z.uuid(), number: z.string(), status: z.enum(ORDER_STATUSES), source: z.enum(['purchase_list', 'quote', 'direct']), quoteId: z.uuid().nullable(),
  paymentTerms, depositBps: z.number().int(), currency: z.string(),
  goodsTotal: z.number().int(), freight: z.number().int(), total: z.number().int(),
  escrowPaid: z.number().int(), escrowRefunded: z.number().int(), escrowReleased: z.number().int(), termsRefunded: z.number().int(),
  feeBps: z.number().int(), feeAmount: z.number().int(),
  /** The next payment: its stage and amount (null / 0 when nothing is due). */
  nextPayment: z.object({ stage: z.enum(['full', 'deposit', 'balance']), amount: z.number().int() }).nullable(),
  shipBy: z.iso.date().nullable(), creditDueAt: timestamp.nullable(),
  address: z.object({ name: z.string(), phone: z.string(), province: z.string(), city: z.string(), line: z.string() }),
  invoiceProfileId: z.uuid().nullable(), note: z.string(), buyerNote: z.string(),
  approval: z.object({ by: z.string(), at: z.string(), reason: z.string().nullable(), decision: z.enum(['approved', 'rejected']) }).nullable(),
  cancelReason: z.string().nullable(), cancelledBy: z.enum(['buyer', 'seller', 'system']).nullable(),
  paidAt: timestamp.nullable(), shippedAt: timestamp.nullable(), receivedAt: timestamp.nullable(), completedAt: timestamp.nullable(),
  cancelledAt: timestamp.nullable(), closedAt: timestamp.nullable(), createdAt: timestamp, updatedAt: timestamp, version: z.number().int(),
  buyer: party, supplier: party, placedBy: z.uuid(),
  lines: z.array(orderLine),
  /** What the viewer may do now (buttons). */
  actions: z.array(z.enum(VIEWER_ACTIONS)),
  /** The viewer's side of this order. */
  viewerSide: z.enum(['buyer', 'seller', 'operator']).nullable(),
});
export const orderView = orderSummary.extend({
  creditTermDays: z.number().int().nullable().optional().describe('credit terms: days from receipt to due, as drawn when the order was accepted on terms'),
  history: z.array(historyEntry), payments: z.array(orderPayment),
});
export const orderPage = pageSchema(orderSummary);
export const checkoutResponse = z.object({ orders: z.array(orderView) });

const intentView = z.object({
  id: z.uuid(), companyId: z.uuid(), purpose: z.string(), referenceId: z.string(), amount: z.number().int(), currency: z.string(), provider: z.string(),
  status: z.string(), description: z.string(), payUrl: z.string().nullable(), instructions: z.string().nullable(), createdAt: timestamp, settledAt: timestamp.nullable(),
});
export const payResponse = z.object({ order: orderView, intent: intentView.nullable() });

export const orderCounts = z.object({ byStatus: z.record(z.string(), z.number().int()), awaitingApproval: z.number().int(), toPay: z.number().int(), toShip: z.number().int(), toReceive: z.number().int() });
