import '../../../i18n/orders.js';
import i18n, { currentLang } from '../../../i18n/index.js';
import { api } from '../../../api.js';
import { companyDisplayName, formatMoney } from '../../../format.js';
import { formatQuantity } from '../../catalog/model.js';
import type { PaymentIntent } from '../../trustpassShared.js';

/**
 * The web's view of orders (订单): the types the order screens and the trade components
 * (web/src/components/trade/*: OrderShipments, OrderAfterSales, OrderInvoices, OrderReview) share.
 * Mirrors the server's OrderView (server/src/modules/orders/schemas.ts). Money is integer 分.
 */

export type OrderStatus =
  | 'awaiting_approval'
  | 'awaiting_payment'
  | 'deposit_paid'
  | 'paid'
  | 'partly_shipped'
  | 'shipped'
  | 'received'
  | 'completed'
  | 'cancelled'
  | 'closed';
export const ORDER_STATUSES: OrderStatus[] = [
  'awaiting_approval',
  'awaiting_payment',
  'deposit_paid',
  'paid',
  'partly_shipped',
  'shipped',
  'received',
  'completed',
  'cancelled',
  'closed',
];
export type OrderSide = 'buyer' | 'seller';
export type PaymentTerms = 'escrow' | 'credit_terms';
export type OrderSource = 'purchase_list' | 'quote' | 'direct';
export type PaymentStage = 'full' | 'deposit' | 'balance';
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';
/** The actions a viewer may take, as listed in OrderView.actions (POST /orders/{id}/{action}; 'ship' is the shipments module's). */
export type OrderAction = 'approve' | 'reject' | 'pay' | 'cancel' | 'adjust' | 'ship' | 'confirm-receipt';

export interface OrderAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  line: string;
}
export interface OrderParty {
  id: string;
  name: string | null;
  nameEn: string | null;
}
export interface OrderLine {
  id: string;
  position: number;
  productId: string | null;
  skuId: string | null;
  titleZh: string;
  titleEn: string | null;
  skuLabel: string;
  skuLabelEn: string | null;
  unit: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  shippedQuantity: number;
  returnedQuantity: number;
  leadTimeDays: number;
  imageUrl: string | null;
}
export interface OrderHistoryEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  detail: Record<string, unknown>;
}
export interface OrderPayment {
  id: string;
  stage: PaymentStage;
  amount: number;
  provider: string;
  intentId: string;
  status: PaymentStatus;
  refunded: number;
  createdAt: string;
  settledAt: string | null;
}
export interface OrderApproval {
  by: string;
  at: string;
  reason: string | null;
  decision: 'approved' | 'rejected';
}

/** One order as lists return it (GET /api/v1/orders): the server's orderSummary. */
export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  source: OrderSource;
  quoteId: string | null;
  paymentTerms: PaymentTerms;
  depositBps: number;
  currency: string;
  goodsTotal: number;
  freight: number;
  total: number;
  escrowPaid: number;
  escrowRefunded: number;
  escrowReleased: number;
  termsRefunded: number;
  feeBps: number;
  feeAmount: number;
  /** The next payment: its stage and amount (null when nothing is due). */
  nextPayment: { stage: PaymentStage; amount: number } | null;
  shipBy: string | null;
  creditDueAt: string | null;
  /** Credit terms: days from receipt to due, fixed when the order was accepted on terms. */
  creditTermDays?: number | null;
  address: OrderAddress;
  invoiceProfileId: string | null;
  note: string;
  buyerNote: string;
  approval: OrderApproval | null;
  cancelReason: string | null;
  cancelledBy: 'buyer' | 'seller' | 'system' | null;
  paidAt: string | null;
  shippedAt: string | null;
  receivedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  buyer: OrderParty;
  supplier: OrderParty;
  /** = buyer.id; the web fills it in (withCompanyIds) so components can read the ids flat, as the contract names them. */
  buyerCompanyId: string;
  /** = supplier.id (see buyerCompanyId). */
  supplierCompanyId: string;
  placedBy: string;
  lines: OrderLine[];
  /** What this viewer may do now (from the server's state machine). */
  actions: OrderAction[];
  /** The viewer's side of this order. */
  viewerSide: OrderSide | 'operator' | null;
}
/** One order as GET /api/v1/orders/{id} returns it: the summary with history and payments (the server's orderView). */
export interface OrderView extends OrderSummary {
  history: OrderHistoryEntry[];
  payments: OrderPayment[];
}

/** An order as the server sends it (without the flat company ids the web adds). */
export type ServerOrder<T extends OrderSummary = OrderView> = Omit<T, 'buyerCompanyId' | 'supplierCompanyId'>;
export function withCompanyIds<T extends OrderSummary>(o: ServerOrder<T>): T {
  return { ...o, buyerCompanyId: o.buyer.id, supplierCompanyId: o.supplier.id } as T;
}
/** GET /api/v1/orders/{id}, with the flat company ids. */
export async function fetchOrder(id: string): Promise<OrderView> {
  return withCompanyIds<OrderView>(await api<ServerOrder>(`/orders/${id}`));
}

export interface OrdersPage {
  items: OrderSummary[];
  nextCursor: string | null;
}

/** POST /orders/{id}/pay → the order and the open payment intent (none when accepted on credit terms). */
export interface PayResult {
  order: ServerOrder;
  intent: PaymentIntent | null;
}

export interface TradeSettings {
  feeBps: number;
  unpaidTimeoutHours: number;
  autoConfirmDays: number;
  afterSalesWindowDays: number;
  creditTermDays: number;
}
export interface ApprovalPolicy {
  companyId: string;
  threshold: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
}
/** GET /api/v1/orders/counts?companyId= — the to-do numbers of both sides. */
export interface OrderCounts {
  byStatus: Record<string, number>;
  awaitingApproval: number;
  toPay: number;
  toShip: number;
  toReceive: number;
}

export const STATUS_COLOR: Record<OrderStatus, string> = {
  awaiting_approval: 'purple',
  awaiting_payment: 'orange',
  deposit_paid: 'gold',
  paid: 'blue',
  partly_shipped: 'cyan',
  shipped: 'geekblue',
  received: 'green',
  completed: 'success',
  cancelled: 'default',
  closed: 'default',
};

export const money = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : formatMoney(fen));
export const qty = (quantity: number, unit: string): string => formatQuantity(quantity, unit);
export const lineTitle = (l: { titleZh: string; titleEn: string | null }): string => (currentLang() === 'en-US' && l.titleEn ? l.titleEn : l.titleZh);
/** The SKU's option names in the reader's language (lines placed before the English label was kept have none). */
export const lineSkuLabel = (l: { skuLabel?: string; skuLabelEn?: string | null }): string => (currentLang() === 'en-US' && l.skuLabelEn ? l.skuLabelEn : l.skuLabel ?? '');
/** The company's name in the reader's language (its English name in en-US when it has one). */
export const partyName = (p: OrderParty | undefined): string => (p?.name ? companyDisplayName({ name: p.name, nameEn: p.nameEn }) : '—');
export const statusText = (s: OrderStatus): string => i18n.t(`orders.status.${s}`);
/** Basis points as a percentage: 3000 → "30%". */
export const bpsText = (bps: number): string => `${new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 2 }).format(bps / 100)}%`;
/** The part of the total the buyer still owes into escrow (escrow orders). */
export const dueAmount = (o: Pick<OrderSummary, 'total' | 'escrowPaid' | 'paymentTerms'>): number => (o.paymentTerms === 'escrow' ? Math.max(0, o.total - o.escrowPaid) : 0);

/** One Idempotency-Key per checkout visit, and the POST that sends it: the payments screens' helpers. */
export { newIdempotencyKey, postIdempotent, parseInstructions } from '../../trustpassShared.js';
export type { PaymentIntent, TransferInstructions } from '../../trustpassShared.js';

/** A buyer's invoice profile (the invoices module's profileView, as far as checkout needs it). */
export interface InvoiceProfile {
  id: string;
  kind: 'ordinary' | 'vat_special';
  title: string;
  taxNo: string;
  isDefault: boolean;
  archived: boolean;
}
/** GET /api/v1/companies/{id}/credit-line (the settlements module), as far as checkout needs it. */
export interface CompanyCreditLine {
  companyId: string;
  line: { limit: number; used: number; available: number; status: 'active' | 'frozen'; termDays: number | null; overdue: { count: number; amount: number } } | null;
  overdue: { count: number; amount: number };
  /** The platform's term, for a line without a term of its own. */
  defaultTermDays: number;
}

/** Lists come back as `{ items }` or a bare array, depending on the module. */
export function itemsOf<T>(r: T[] | { items: T[] } | null | undefined): T[] {
  if (!r) return [];
  return Array.isArray(r) ? r : r.items;
}
