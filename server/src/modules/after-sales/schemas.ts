import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';
import { AFTER_SALE_ACTIONS, AFTER_SALE_KINDS, AFTER_SALE_REASONS, AFTER_SALE_STATUSES } from './states.js';

const MAX_MONEY = 1_000_000_000_000;
const hasAtMostThreeDecimals = (n: number) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6;
/** Money in 分 (integer minor units). */
const fen = z.number().int().positive().max(MAX_MONEY);
const quantity = z.number().positive().max(1_000_000_000).refine(hasAtMostThreeDecimals, { message: 'at most three decimals' });
const evidenceIds = z.array(z.uuid()).max(10).default([]);
const note = z.string().trim().max(1000).default('');
const shipment = z.strictObject({ carrier: z.string().trim().min(1).max(40), waybillNo: z.string().trim().min(1).max(40) });

export const idParams = z.object({ id: z.uuid() });
export const evidenceParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const createBody = z.strictObject({
  orderId: z.uuid(),
  kind: z.enum(AFTER_SALE_KINDS),
  reason: z.enum(AFTER_SALE_REASONS),
  description: z.string().trim().max(2000).default(''),
  /** The refund asked for, in 分 (refund kinds). Left out: the value of the lines, or everything refundable before shipment. */
  amount: fen.optional(),
  /** The goods concerned; required for return_refund and exchange (what goes back). */
  lines: z.array(z.strictObject({ lineId: z.uuid(), quantity })).max(50).default([]),
  evidenceIds,
});
export type CreateInput = z.infer<typeof createBody>;

export const acceptBody = z.strictObject({ note }).default({ note: '' });
export const rejectBody = z.strictObject({ reason: z.string().trim().min(1).max(1000), evidenceIds });
export const proposeBody = z.strictObject({ amount: fen, note });
export const emptyBody = z.strictObject({ note }).default({ note: '' });
export const shipReturnBody = shipment.extend({ note });
export const confirmReturnBody = z.strictObject({ note, replacement: shipment.optional() }).default({ note: '' });
export const escalateBody = z.strictObject({ reason: z.string().trim().min(1).max(1000), evidenceIds });
export type ActionBody =
  | { action: 'accept' | 'accept-proposal' | 'withdraw'; note: string }
  | { action: 'reject' | 'escalate'; reason: string; evidenceIds: string[] }
  | { action: 'propose'; amount: number; note: string }
  | { action: 'ship-return'; carrier: string; waybillNo: string; note: string }
  | { action: 'confirm-return'; note: string; replacement?: { carrier: string; waybillNo: string } | undefined };

export const listQuery = z.strictObject({
  companyId: z.uuid().optional(),
  side: z.enum(['buyer', 'seller']),
  status: z.enum([...AFTER_SALE_STATUSES, 'open']).optional(),
  orderId: z.uuid().optional(),
  ...pageQuery,
});
export type ListQuery = z.infer<typeof listQuery>;
export const countsQuery = z.strictObject({ companyId: z.uuid().optional() });

export const disputeListQuery = z.strictObject({ status: z.enum(['open', 'decided']).optional(), ...pageQuery });
export const decideBody = z.strictObject({
  /** buyer: refund what was asked (or refundAmount); seller: no refund; partial: refundAmount, less than asked. */
  decision: z.enum(['buyer', 'seller', 'partial']),
  refundAmount: fen.optional(),
  note: z.string().trim().min(1).max(2000),
});
export type DecideInput = z.infer<typeof decideBody>;

const companyRef = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable() });
const evidence = z.object({ id: z.uuid(), url: z.string(), contentType: z.string(), byteSize: z.number() });
const kind = z.enum(AFTER_SALE_KINDS);
const status = z.enum(AFTER_SALE_STATUSES);

export const disputeSummary = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'decided']),
  openedBySide: z.enum(['buyer', 'supplier', 'system']),
  reason: z.string(),
  decision: z.enum(['buyer', 'seller', 'partial']).nullable(),
  refundAmount: z.number().int().nullable(),
  operatorNote: z.string().nullable(),
  createdAt: timestamp,
  decidedAt: timestamp.nullable(),
});

export const listItem = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  buyer: companyRef,
  supplier: companyRef,
  kind,
  status,
  reason: z.string(),
  description: z.string(),
  beforeShipment: z.boolean(),
  currency: z.literal('CNY'),
  amountRequested: z.number().int(),
  amountProposed: z.number().int().nullable(),
  amountRefunded: z.number().int(),
  sellerReason: z.string().nullable(),
  returnShipment: z.object({ carrier: z.string(), waybillNo: z.string(), shippedAt: timestamp }).nullable(),
  replacement: z.object({ carrier: z.string(), waybillNo: z.string() }).nullable(),
  dueAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  resolvedAt: timestamp.nullable(),
  /** Which side the caller is on, and what they may do now. */
  viewerSide: z.enum(['buyer', 'supplier', 'operator']),
  actions: z.array(z.enum(AFTER_SALE_ACTIONS)),
  dispute: disputeSummary.nullable(),
});
export const listPage = pageSchema(listItem);

export const stepView = z.object({
  id: z.uuid(),
  at: timestamp,
  actorName: z.string(),
  side: z.enum(['buyer', 'supplier', 'operator', 'system']),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string(),
  evidence: z.array(evidence),
  amount: z.number().int().nullable(),
});

export const lineView = z.object({
  lineId: z.uuid(), quantity: z.number(), titleZh: z.string(), titleEn: z.string().nullable(), skuLabel: z.string(), skuLabelEn: z.string().nullable(), unit: z.string(), unitPrice: z.number().int(),
});

export const afterSaleView = listItem.extend({
  lines: z.array(lineView),
  evidence: z.array(evidence),
  /** What is still refundable on the order now (paid and not refunded). */
  refundable: z.number().int(),
  steps: z.array(stepView),
});

export const countsView = z.object({
  buyer: z.object({ open: z.number().int(), awaitingMe: z.number().int() }),
  seller: z.object({ open: z.number().int(), awaitingMe: z.number().int() }),
});

export const disputeListItem = disputeSummary.extend({
  afterSaleId: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  buyer: companyRef,
  supplier: companyRef,
  kind,
  afterSaleStatus: status,
  amountRequested: z.number().int(),
});
export const disputePage = pageSchema(disputeListItem);

const chatLine = z.object({
  id: z.string(), conversationId: z.string(), seq: z.number().int(), senderName: z.string(), side: z.enum(['buyer', 'supplier']), kind: z.string(),
  text: z.string().nullable(), attachment: z.object({ name: z.string(), url: z.string(), contentType: z.string() }).nullable(), createdAt: timestamp,
});

export const orderSummary = z.object({
  id: z.uuid(), number: z.string(), status: z.string(), paymentTerms: z.enum(['escrow', 'credit_terms']), total: z.number().int(),
  escrowPaid: z.number().int(), escrowRefunded: z.number().int(), receivedAt: timestamp.nullable(),
  lines: z.array(z.object({
    id: z.uuid(), titleZh: z.string(), titleEn: z.string().nullable(), skuLabel: z.string(), skuLabelEn: z.string().nullable(), unit: z.string(), quantity: z.number(), shippedQuantity: z.number(),
    returnedQuantity: z.number(), unitPrice: z.number().int(),
  })),
});

export const disputeView = z.object({
  dispute: disputeListItem,
  afterSale: afterSaleView,
  order: orderSummary.nullable(),
  /** The chat between the two companies (latest messages, oldest first); empty when none. */
  chat: z.array(chatLine),
});
