import '../../i18n/afterSales.js';

/**
 * The web's view of after-sales (售后) and disputes (纠纷): mirrors the server's schemas
 * (server/src/modules/after-sales/schemas.ts). Money is integer 分.
 */
export type AfterSaleKind = 'refund_only' | 'return_refund' | 'exchange';
export const AFTER_SALE_KINDS: AfterSaleKind[] = ['refund_only', 'return_refund', 'exchange'];
export type AfterSaleStatus =
  | 'requested' | 'rejected' | 'partial_proposed' | 'awaiting_return' | 'return_shipped' | 'escalated'
  | 'refunded' | 'exchanged' | 'withdrawn' | 'closed';
export const OPEN_STATUSES: AfterSaleStatus[] = ['requested', 'rejected', 'partial_proposed', 'awaiting_return', 'return_shipped', 'escalated'];
export const REASONS = ['damaged', 'wrong_item', 'quality', 'short_shipment', 'not_as_described', 'not_received', 'no_longer_needed', 'other'] as const;
export type AfterSaleReason = (typeof REASONS)[number];
export type AfterSaleAction = 'accept' | 'reject' | 'propose' | 'accept-proposal' | 'ship-return' | 'confirm-return' | 'withdraw' | 'escalate';
export type DisputeDecision = 'buyer' | 'seller' | 'partial';

/** A company on an after-sales request: legal name and English name (null when it has none). */
export interface AfterSaleCompany { id: string; name: string; nameEn: string | null }

export interface Evidence { id: string; url: string; contentType: string; byteSize: number }
export interface DisputeSummary {
  id: string;
  status: 'open' | 'decided';
  openedBySide: 'buyer' | 'supplier' | 'system';
  reason: string;
  decision: DisputeDecision | null;
  refundAmount: number | null;
  operatorNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}
export interface AfterSaleListItem {
  id: string;
  orderId: string;
  orderNumber: string;
  buyer: AfterSaleCompany;
  supplier: AfterSaleCompany;
  kind: AfterSaleKind;
  status: AfterSaleStatus;
  reason: string;
  description: string;
  beforeShipment: boolean;
  currency: 'CNY';
  amountRequested: number;
  amountProposed: number | null;
  amountRefunded: number;
  sellerReason: string | null;
  returnShipment: { carrier: string; waybillNo: string; shippedAt: string } | null;
  replacement: { carrier: string; waybillNo: string } | null;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  viewerSide: 'buyer' | 'supplier' | 'operator';
  actions: AfterSaleAction[];
  dispute: DisputeSummary | null;
}
export interface AfterSaleStep {
  id: string;
  at: string;
  actorName: string;
  side: 'buyer' | 'supplier' | 'operator' | 'system';
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string;
  evidence: Evidence[];
  amount: number | null;
}
export interface AfterSaleView extends AfterSaleListItem {
  lines: Array<{ lineId: string; quantity: number; titleZh: string; titleEn: string | null; skuLabel: string; skuLabelEn: string | null; unit: string; unitPrice: number }>;
  evidence: Evidence[];
  refundable: number;
  steps: AfterSaleStep[];
}
export interface AfterSaleCounts {
  buyer: { open: number; awaitingMe: number };
  seller: { open: number; awaitingMe: number };
}
export interface DisputeListItem extends DisputeSummary {
  afterSaleId: string;
  orderId: string;
  orderNumber: string;
  buyer: AfterSaleCompany;
  supplier: AfterSaleCompany;
  kind: AfterSaleKind;
  afterSaleStatus: AfterSaleStatus;
  amountRequested: number;
}
export interface ChatLine {
  id: string;
  conversationId: string;
  seq: number;
  senderName: string;
  side: 'buyer' | 'supplier';
  kind: string;
  text: string | null;
  attachment: { name: string; url: string; contentType: string } | null;
  createdAt: string;
}
export interface DisputeView {
  dispute: DisputeListItem;
  afterSale: AfterSaleView;
  order: {
    id: string; number: string; status: string; paymentTerms: 'escrow' | 'credit_terms'; total: number; escrowPaid: number; escrowRefunded: number;
    receivedAt: string | null;
    lines: Array<{ id: string; titleZh: string; titleEn: string | null; unit: string; quantity: number; shippedQuantity: number; returnedQuantity: number; unitPrice: number }>;
  } | null;
  chat: ChatLine[];
}

/** The query-key root of everything after-sales (invalidated after each action). */
export const AS_KEY = ['after-sales'] as const;

export const STATUS_COLOR: Record<AfterSaleStatus, string> = {
  requested: 'orange', rejected: 'red', partial_proposed: 'gold', awaiting_return: 'blue', return_shipped: 'cyan', escalated: 'purple',
  refunded: 'green', exchanged: 'green', withdrawn: 'default', closed: 'default',
};

/** Whom an open request waits for, and what happens when their time runs out (server: states.ts sweepOutcome). */
export function waiting(status: AfterSaleStatus): { who: 'buyer' | 'supplier'; then: 'escalate' | 'lapse' } | null {
  switch (status) {
    case 'requested':
    case 'return_shipped':
      return { who: 'supplier', then: 'escalate' };
    case 'rejected':
    case 'partial_proposed':
    case 'awaiting_return':
      return { who: 'buyer', then: 'lapse' };
    default:
      return null;
  }
}
