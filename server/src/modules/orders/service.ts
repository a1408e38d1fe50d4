import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, PlatformErrors, type FieldError, type Locale } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events.js';
import { formatQuantityText, formatYuan } from '../../platform/money.js';
import { uuidv7 } from '../../platform/ids.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireOperator, requireUser, roleIn } from '../../platform/policy.js';
import { PROVINCES } from '../accounts/index.js';
import { lineTotal, tierAt, type CheckoutSku } from '../catalog/index.js';
import { clearingAccount, type IntentView, type Posting } from '../payments/index.js';
import { OrderErrors } from './errors.js';
import { asDomainEvents, record, type OrderEvent, type OrderRef } from './events.js';
import { ORDER_NOTIFICATION_KINDS } from './kinds.js';
import type { Deps, StockLine } from './ports.js';
import type { AdjustInput, AdminOrdersQuery, CheckoutInput, ListOrdersQuery, QuoteCheckoutInput } from './schemas.js';
import { tradeSettings } from './schemas.js';
import { allows, holdsReservation, TRANSITIONS, viewerActions, ORDER_STATUSES, type OrderFacts, type OrderStatus, type Party, type TransitionName, type ViewerAction } from './states.js';
import * as store from './store.js';

export const ESCROW_ACCOUNT = 'escrow:CNY';
export const FEES_ACCOUNT = 'platform:fees:CNY';
export const sellerAccount = (companyId: string) => `seller:${companyId}:available:CNY`;
export const receivableAccount = (companyId: string) => `receivable:${companyId}:CNY`;

export interface TradeSettings { feeBps: number; unpaidTimeoutHours: number; autoConfirmDays: number; afterSalesWindowDays: number; creditTermDays: number }
export const DEFAULT_TRADE_SETTINGS: TradeSettings = { feeBps: 200, unpaidTimeoutHours: 72, autoConfirmDays: 10, afterSalesWindowDays: 7, creditTermDays: 30 };
const SETTINGS_TTL_MS = 5_000;

const DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const SWEEP_BATCH = 100;

/** Order statuses as Chinese readers know them (English messages use the code with spaces). */
export const STATUS_ZH: Record<OrderStatus, string> = {
  awaiting_approval: '待审批', awaiting_payment: '待付款', deposit_paid: '已付定金', paid: '待发货', partly_shipped: '部分发货', shipped: '已发货',
  received: '已收货', completed: '已完成', cancelled: '已取消', closed: '已关闭',
};
const STAGE_NAMES: Record<store.PaymentStage, { zh: string; en: string }> = {
  full: { zh: '货款', en: 'full payment' }, deposit: { zh: '定金', en: 'deposit' }, balance: { zh: '尾款', en: 'balance' },
};
const ACTION_ZH: Record<string, string> = {
  approve: '审批通过', reject: '驳回', pay: '付款', accept_terms: '账期确认', adjust: '改价', buyer_cancel: '取消', seller_cancel: '取消', expire: '超时取消',
  ship: '发货', confirm_receipt: '确认收货', auto_confirm: '自动确认收货', complete: '完成', refund: '退款', deposit_paid: '付定金', payment_completed: '付款',
};

const yuan = formatYuan;
const milli = (q: number | string) => Math.round(Number(q) * 1000);
const fromMilli = (m: number) => m / 1000;
const beijingDate = (d: Date) => new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

const PROVINCE_CODES: ReadonlySet<string> = new Set(PROVINCES.map((p) => p.code));
/** The schema only checks the shape (six digits); the order shows the province by name, so it must be one. */
const provinceProblem = (locale: Locale, address: store.Address): FieldError | null =>
  PROVINCE_CODES.has(address.province) ? null : { path: 'body.address.province', message: say(locale, '不是有效的省级行政区代码', 'not a province code') };

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export interface OrderLineView {
  id: string; position: number; productId: string | null; skuId: string | null; titleZh: string; titleEn: string | null; skuLabel: string;
  /** The SKU's label in English (skuLabel is the Chinese one); null on lines placed before it was kept. */
  skuLabelEn: string | null; unit: string;
  quantity: number; unitPrice: number; lineTotal: number; shippedQuantity: number; returnedQuantity: number; leadTimeDays: number; imageUrl: string | null;
}
export interface OrderSummary {
  id: string; number: string; status: OrderStatus; source: store.OrderSource; quoteId: string | null; paymentTerms: store.PaymentTerms; depositBps: number;
  currency: string; goodsTotal: number; freight: number; total: number; escrowPaid: number; escrowRefunded: number; escrowReleased: number; termsRefunded: number;
  feeBps: number; feeAmount: number; nextPayment: { stage: store.PaymentStage; amount: number } | null;
  shipBy: string | null; creditDueAt: Date | null; address: store.Address; invoiceProfileId: string | null; note: string; buyerNote: string;
  approval: store.Approval | null; cancelReason: string | null; cancelledBy: store.CancelledBy | null;
  paidAt: Date | null; shippedAt: Date | null; receivedAt: Date | null; completedAt: Date | null; cancelledAt: Date | null; closedAt: Date | null;
  createdAt: Date; updatedAt: Date; version: number;
  buyer: OrderParty; supplier: OrderParty; placedBy: string;
  lines: OrderLineView[]; actions: ViewerAction[]; viewerSide: 'buyer' | 'seller' | 'operator' | null;
}
export interface OrderView extends OrderSummary {
  /** Credit terms: days from receipt to due, as the bill was drawn (null before acceptance, or for escrow). */
  creditTermDays?: number | null;
  history: Array<{ id: string; at: Date; actorUserId: string | null; action: string; fromStatus: OrderStatus | null; toStatus: OrderStatus; detail: Record<string, unknown> }>;
  payments: Array<{ id: string; stage: store.PaymentStage; amount: number; provider: string; intentId: string; status: store.PaymentStatus; refunded: number; createdAt: Date; settledAt: Date | null }>;
}

/** An order as other modules see it (orders.forParty): no authorization, callers compare the company ids. */
export interface OrderForParty {
  id: string; number: string; status: OrderStatus; buyerCompanyId: string; supplierCompanyId: string; placedBy: string; total: number; currency: string;
  escrowPaid: number; escrowRefunded: number; termsRefunded: number; paymentTerms: store.PaymentTerms;
  paidAt: Date | null; shippedAt: Date | null; receivedAt: Date | null; completedAt: Date | null; shipBy: string | null; invoiceProfileId: string | null;
  lines: Array<{ id: string; skuId: string | null; productId: string | null; quantity: number; shippedQuantity: number; returnedQuantity: number; unitPrice: number; lineTotal: number; titleZh: string; titleEn: string | null; skuLabel: string; skuLabelEn: string | null; unit: string }>;
}

export interface RefundInput {
  orderId: string;
  amount: number;
  reason: string;
  source: 'after_sale' | 'dispute' | 'cancel';
  sourceId: string | null;
  restock?: Array<{ lineId: string; quantity: number }> | undefined;
}

/** escrowPaid for the guards: money held net of refunds (a stale payment refunded at once does not count as paid). */
const facts = (o: store.OrderRow): OrderFacts => ({ status: o.status, paymentTerms: o.payment_terms, escrowPaid: o.escrow_paid - o.escrow_refunded });
const ref = (o: store.OrderRow): OrderRef => ({ orderId: o.id, number: o.number, buyerCompanyId: o.buyer_company_id, supplierCompanyId: o.supplier_company_id, total: o.total });
const orderLink = (id: string) => `/workbench/orders/${id}`;

/** How the order is paid, per language: notifications are stored once and read in either language. */
function termsText(o: store.OrderRow): { termsZh: string; termsEn: string } {
  if (o.payment_terms === 'credit_terms') return { termsZh: '账期', termsEn: 'credit terms' };
  return depositAmount(o.total, o.deposit_bps) === null
    ? { termsZh: '担保交易', termsEn: 'escrow' }
    : { termsZh: '担保交易,定金 + 尾款', termsEn: 'escrow, deposit + balance' };
}

/** The amount still in escrow for the order (paid in, not refunded, not released). */
const escrowHeld = (o: store.OrderRow) => o.escrow_paid - o.escrow_refunded - o.escrow_released;

/** Units of each stock line not shipped yet (still reserved while the order holds its reservation). */
function unshipped(lines: store.LineRow[]): StockLine[] {
  return lines.filter((l) => l.sku_id !== null && milli(l.quantity) > milli(l.shipped_quantity))
    .map((l) => ({ skuId: l.sku_id!, quantity: fromMilli(milli(l.quantity) - milli(l.shipped_quantity)) }));
}

function nextPayment(o: store.OrderRow): { stage: store.PaymentStage; amount: number } | null {
  if (o.payment_terms !== 'escrow') return null;
  if (o.status === 'awaiting_payment' || o.status === 'awaiting_approval') {
    const deposit = depositAmount(o.total, o.deposit_bps);
    return deposit === null ? { stage: 'full', amount: o.total } : { stage: 'deposit', amount: deposit };
  }
  if (o.status === 'deposit_paid') return { stage: 'balance', amount: Math.max(0, o.total - (o.escrow_paid - o.escrow_refunded)) };
  return null;
}

/** The deposit for a staged payment, or null when the order is paid in full (no deposit, or one that rounds to nothing or everything). */
export function depositAmount(total: number, depositBps: number): number | null {
  if (depositBps <= 0) return null;
  const deposit = Math.round((total * depositBps) / 10_000);
  return deposit > 0 && deposit < total ? deposit : null;
}

export function orderNumber(now: Date, seq: number): string {
  return `TS${beijingDate(now).replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
}

/** A company on an order: its legal name, and its English name for en-US readers (null when it has none). */
export interface OrderParty { id: string; name: string | null; nameEn: string | null }
type Parties = Map<string, { name: string; nameEn: string | null }>;
const party = (id: string, names: Parties): OrderParty => ({ id, name: names.get(id)?.name ?? null, nameEn: names.get(id)?.nameEn ?? null });

/** Thrown inside the checkout transaction to roll it back when an earlier request with the same key already answered. */
class EarlierAnswer extends Error {
  constructor(readonly json: string) {
    super('idempotency key answered earlier');
  }
}

const NUMBER_BLOCK = 50;

export class OrdersService {
  private settingsCache: { at: number; value: TradeSettings } | null = null;
  private numbers: number[] = [];

  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {
    deps.notifications.registerKinds(ORDER_NOTIFICATION_KINDS);
    deps.payments.registerSettlement('order', {
      account: () => ({ code: ESCROW_ACCOUNT, purpose: 'order escrow', companyId: null }),
      onSucceeded: (trx, intent) => this.paymentSucceeded(trx, intent),
      onFailed: (trx, intent) => this.paymentFailed(trx, intent),
    });
  }

  private get db() {
    return this.platform.database.db;
  }

  // -------------------------------------------------------------------------------------------------------
  // Settings

  /** The operators' trade settings (defaults for keys never set), cached for a few seconds. */
  async settings(db?: Db): Promise<TradeSettings> {
    if (this.settingsCache && Date.now() - this.settingsCache.at < SETTINGS_TTL_MS) return this.settingsCache.value;
    const stored = await store.readSettings(db ?? this.db);
    const value = { ...DEFAULT_TRADE_SETTINGS };
    for (const key of Object.keys(DEFAULT_TRADE_SETTINGS) as Array<keyof TradeSettings>) {
      const parsed = tradeSettings.shape[key].safeParse(stored[key]);
      if (parsed.success) value[key] = parsed.data;
    }
    this.settingsCache = { at: Date.now(), value };
    return value;
  }

  async getSettings(ctx: RequestContext): Promise<TradeSettings> {
    requireOperator(ctx);
    this.settingsCache = null;
    return this.settings();
  }

  async updateSettings(ctx: RequestContext, patch: Partial<TradeSettings>): Promise<TradeSettings> {
    const actor = requireOperator(ctx);
    const before = await this.getSettings(ctx);
    await this.platform.database.transaction(async (trx) => {
      await store.writeSettings(trx, patch);
      await recordEvent(trx, {
        type: 'trade_settings.updated', actorUserId: actor.userId, companyId: null, subjectType: 'trade_settings', subjectId: 'trade', payload: { before, after: { ...before, ...patch } },
      });
    });
    this.settingsCache = null;
    return this.settings();
  }

  // -------------------------------------------------------------------------------------------------------
  // Approval policy

  async approvalPolicy(ctx: RequestContext, companyId: string) {
    authorize(ctx, 'company.orders.view', companyId);
    return { companyId, ...(await store.approvalThreshold(this.db, companyId)) };
  }

  async setApprovalPolicy(ctx: RequestContext, companyId: string, threshold: number | null) {
    const actor = authorize(ctx, 'company.orders.approve', companyId);
    await store.setApprovalThreshold(this.db, companyId, threshold, actor.userId);
    return this.approvalPolicy(ctx, companyId);
  }

  // -------------------------------------------------------------------------------------------------------
  // Views

  private parties(actor: Actor | null, o: store.OrderRow): Set<Party> {
    const s = new Set<Party>();
    if (!actor) return s;
    if (can(actor, 'company.orders.place', o.buyer_company_id)) s.add('buyer').add('payer');
    if (roleIn(actor, o.buyer_company_id) === 'finance') s.add('payer');
    if (can(actor, 'company.orders.approve', o.buyer_company_id)) s.add('approver');
    if (can(actor, 'company.orders.fulfil', o.supplier_company_id)) s.add('seller');
    return s;
  }

  private canView(actor: Actor | null, o: store.OrderRow): boolean {
    return can(actor, 'company.orders.view', o.buyer_company_id) || can(actor, 'company.orders.view', o.supplier_company_id);
  }

  private viewerSide(actor: Actor | null, o: store.OrderRow): OrderSummary['viewerSide'] {
    if (!actor) return null;
    if (roleIn(actor, o.buyer_company_id)) return 'buyer';
    if (roleIn(actor, o.supplier_company_id)) return 'seller';
    return actor.isOperator ? 'operator' : null;
  }

  private lineView(l: store.LineRow): OrderLineView {
    return {
      id: l.id, position: l.position, productId: l.product_id, skuId: l.sku_id, titleZh: l.title_zh, titleEn: l.title_en, skuLabel: l.sku_label, skuLabelEn: l.sku_label_en, unit: l.unit,
      quantity: Number(l.quantity), unitPrice: l.unit_price, lineTotal: l.line_total, shippedQuantity: Number(l.shipped_quantity),
      returnedQuantity: Number(l.returned_quantity), leadTimeDays: l.lead_time_days, imageUrl: l.image_url,
    };
  }

  private summary(actor: Actor | null, o: store.OrderRow, lines: store.LineRow[], names: Parties): OrderSummary {
    return {
      id: o.id, number: o.number, status: o.status, source: o.source, quoteId: o.quote_id, paymentTerms: o.payment_terms, depositBps: o.deposit_bps,
      currency: o.currency, goodsTotal: o.goods_total, freight: o.freight, total: o.total, escrowPaid: o.escrow_paid, escrowRefunded: o.escrow_refunded,
      escrowReleased: o.escrow_released, termsRefunded: o.terms_refunded, feeBps: o.fee_bps, feeAmount: o.fee_amount, nextPayment: nextPayment(o),
      shipBy: o.ship_by, creditDueAt: o.credit_due_at, address: o.address, invoiceProfileId: o.invoice_profile_id, note: o.note, buyerNote: o.buyer_note,
      approval: o.approval, cancelReason: o.cancel_reason, cancelledBy: o.cancelled_by, paidAt: o.paid_at, shippedAt: o.shipped_at, receivedAt: o.received_at,
      completedAt: o.completed_at, cancelledAt: o.cancelled_at, closedAt: o.closed_at, createdAt: o.created_at, updatedAt: o.updated_at, version: o.version,
      buyer: party(o.buyer_company_id, names), supplier: party(o.supplier_company_id, names),
      placedBy: o.placed_by, lines: lines.map((l) => this.lineView(l)), actions: viewerActions(facts(o), this.parties(actor, o)), viewerSide: this.viewerSide(actor, o),
    };
  }

  private async summaries(actor: Actor | null, rows: store.OrderRow[]): Promise<OrderSummary[]> {
    if (rows.length === 0) return [];
    const [lines, names] = await Promise.all([
      store.linesOf(this.db, rows.map((r) => r.id)),
      this.deps.companies.partiesOf([...new Set(rows.flatMap((r) => [r.buyer_company_id, r.supplier_company_id]))]),
    ]);
    const byOrder = groupBy(lines, (l) => l.order_id);
    return rows.map((r) => this.summary(actor, r, byOrder.get(r.id) ?? [], names));
  }

  private async fullView(actor: Actor | null, o: store.OrderRow): Promise<OrderView> {
    const [summary] = await this.summaries(actor, [o]);
    const [history, payments] = [await store.historyOf(this.db, o.id), await store.paymentsOf(this.db, o.id)];
    const creditTermDays = o.payment_terms === 'credit_terms' ? ((await this.deps.creditLines?.termDaysOf?.(this.db, o.id)) ?? null) : null;
    return {
      ...summary!,
      creditTermDays,
      history: history.map((h) => ({ id: h.id, at: h.at, actorUserId: h.actor_user_id, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, detail: h.detail })),
      payments: payments.map((p) => ({ id: p.id, stage: p.stage, amount: p.amount, provider: p.provider, intentId: p.intent_id, status: p.status, refunded: p.refunded, createdAt: p.created_at, settledAt: p.settled_at })),
    };
  }

  /** One order with lines, history, payments and the viewer's actions (buyer or supplier members with orders.view, operators). */
  async get(ctx: RequestContext, id: string): Promise<OrderView> {
    requireUser(ctx);
    const o = await store.findOrder(this.db, id);
    if (!o || !this.canView(ctx.actor, o)) throw new DomainError(OrderErrors.ORDER_NOT_FOUND);
    return this.fullView(ctx.actor, o);
  }

  async list(ctx: RequestContext, q: ListOrdersQuery) {
    const actor = authorize(ctx, 'company.orders.view', q.companyId);
    const statuses = this.statusFilter(q.status, q.statuses);
    const rows = await store.listOrders(this.db, {
      ...(q.side === 'buyer' ? { buyerCompanyId: q.companyId } : { supplierCompanyId: q.companyId }),
      statuses, number: q.q, beforeId: decodeCursor(q.cursor), limit: q.limit,
    });
    const { items, nextCursor } = page(rows, q.limit);
    return { items: await this.summaries(actor, items), nextCursor };
  }

  async adminList(ctx: RequestContext, q: AdminOrdersQuery) {
    const actor = requireOperator(ctx);
    const rows = await store.listOrders(this.db, {
      buyerCompanyId: q.buyerCompanyId, supplierCompanyId: q.supplierCompanyId, statuses: q.status ? [q.status] : undefined, number: q.q,
      beforeId: decodeCursor(q.cursor), limit: q.limit,
    });
    const { items, nextCursor } = page(rows, q.limit);
    return { items: await this.summaries(actor, items), nextCursor };
  }

  /** To-do numbers for a company's dashboard: its orders per status on the side, and the headline counts. */
  async counts(ctx: RequestContext, companyId: string, side: 'buyer' | 'seller') {
    authorize(ctx, 'company.orders.view', companyId);
    const by = await store.countByStatus(this.db, side, companyId);
    const n = (s: OrderStatus) => by.get(s) ?? 0;
    return {
      byStatus: Object.fromEntries(ORDER_STATUSES.map((s) => [s, n(s)])),
      awaitingApproval: n('awaiting_approval'), toPay: n('awaiting_payment') + n('deposit_paid'), toShip: n('paid') + n('partly_shipped'), toReceive: n('shipped') + n('partly_shipped'),
    };
  }

  private statusFilter(status: OrderStatus | undefined, csv: string | undefined): OrderStatus[] | undefined {
    const list = [...(status ? [status] : []), ...(csv ?? '').split(',').map((s) => s.trim()).filter((s): s is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(s))];
    return list.length ? list : undefined;
  }

  // -------------------------------------------------------------------------------------------------------
  // Internal API for other modules

  async forParty(trx: Db | null, orderId: string): Promise<OrderForParty | null> {
    const db = trx ?? this.db;
    const o = await store.findOrder(db, orderId);
    if (!o) return null;
    return this.partyView(o, await store.linesOf(db, [o.id]));
  }

  private partyView(o: store.OrderRow, lines: store.LineRow[]): OrderForParty {
    return {
      id: o.id, number: o.number, status: o.status, buyerCompanyId: o.buyer_company_id, supplierCompanyId: o.supplier_company_id, placedBy: o.placed_by,
      total: o.total, currency: o.currency, escrowPaid: o.escrow_paid, escrowRefunded: o.escrow_refunded, termsRefunded: o.terms_refunded, paymentTerms: o.payment_terms,
      paidAt: o.paid_at, shippedAt: o.shipped_at, receivedAt: o.received_at, completedAt: o.completed_at, shipBy: o.ship_by, invoiceProfileId: o.invoice_profile_id,
      lines: lines.map((l) => ({
        id: l.id, skuId: l.sku_id, productId: l.product_id, quantity: Number(l.quantity), shippedQuantity: Number(l.shipped_quantity),
        returnedQuantity: Number(l.returned_quantity), unitPrice: l.unit_price, lineTotal: l.line_total, titleZh: l.title_zh, titleEn: l.title_en, skuLabel: l.sku_label, skuLabelEn: l.sku_label_en, unit: l.unit,
      })),
    };
  }

  escrowOutstanding(): Promise<number> {
    return store.escrowOutstanding(this.db);
  }

  escrowHeldForSeller(companyId: string): Promise<number> {
    return store.escrowHeldForSeller(this.db, companyId);
  }

  numbersOf(ids: string[]): Promise<Map<string, string>> {
    return store.numbersOf(this.db, ids);
  }

  productIdsOf(orderIds: string[]): Promise<Map<string, string[]>> {
    return store.productIdsOf(this.db, orderIds);
  }

  // -------------------------------------------------------------------------------------------------------
  // Transitions: the one path every state change takes

  /**
   * Locks the order row, finds the first of `names` the viewer may trigger, checks the state machine and runs the
   * effect in the same transaction. 404 when the order is not visible, 403 without the party, 409 in the wrong state.
   */
  private async act<T>(ctx: RequestContext, id: string, names: TransitionName[], effect: (trx: Db, o: store.OrderRow, actor: Actor, name: TransitionName) => Promise<T>): Promise<T> {
    const actor = requireUser(ctx);
    return this.platform.database.transaction(async (trx) => {
      const o = await store.findOrder(trx, id, true);
      if (!o || !this.canView(actor, o)) throw new DomainError(OrderErrors.ORDER_NOT_FOUND);
      const parties = this.parties(actor, o);
      const mine = names.filter((n) => TRANSITIONS[n].by.some((p) => parties.has(p)));
      if (mine.length === 0) throw new DomainError(PlatformErrors.FORBIDDEN);
      const name = mine.find((n) => allows(n, facts(o)));
      if (!name) throw this.notAllowed(o, mine[0]!);
      return effect(trx, o, actor, name);
    });
  }

  private notAllowed(o: store.OrderRow, name: TransitionName): DomainError {
    return new DomainError(OrderErrors.ORDER_ACTION_NOT_ALLOWED, { status: o.status.replace(/_/g, ' '), statusZh: STATUS_ZH[o.status], action: name.replace(/_/g, ' '), actionZh: ACTION_ZH[name] ?? name });
  }

  /** Changes the order and writes its history line. */
  private async change(trx: Db, o: store.OrderRow, action: string, actorUserId: string | null, patch: store.OrderPatch, detail: Record<string, unknown> = {}): Promise<store.OrderRow> {
    const next = await store.updateOrder(trx, o.id, patch);
    await store.insertHistory(trx, [{ id: uuidv7(), orderId: o.id, actorUserId, action, fromStatus: o.status, toStatus: next.status, detail }]);
    return next;
  }

  private notifyBuyer(trx: Db, o: store.OrderRow, kind: string, params: Record<string, string | number>, exclude: string | null) {
    return this.deps.notifications.notify(trx, { kind, to: { userIds: [o.placed_by] }, params: { number: o.number, ...params }, link: orderLink(o.id), excludeUserIds: exclude ? [exclude] : [] });
  }

  private notifySeller(trx: Db, o: store.OrderRow, kind: string, params: Record<string, string | number>, exclude: string | null) {
    return this.deps.notifications.notify(trx, {
      kind, to: { companyId: o.supplier_company_id, roles: ['owner', 'admin', 'sales'] }, params: { number: o.number, ...params }, link: orderLink(o.id), excludeUserIds: exclude ? [exclude] : [],
    });
  }

  // ---- approvals

  async approve(ctx: RequestContext, id: string, reason: string | undefined): Promise<OrderView> {
    await this.act(ctx, id, ['approve'], async (trx, o, actor) => {
      const now = new Date();
      const next = await this.change(trx, o, 'approve', actor.userId, {
        status: 'awaiting_payment', payable_since: now, approval: { by: actor.userId, at: now.toISOString(), reason: reason ?? null, decision: 'approved' },
      }, { reason: reason ?? null });
      await record(trx, actor.userId, { type: 'order.approved', payload: ref(next) });
      await this.notifyBuyer(trx, next, 'order.approved', {}, actor.userId);
    });
    return this.get(ctx, id);
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<OrderView> {
    await this.act(ctx, id, ['reject'], async (trx, o, actor) => {
      const now = new Date();
      const next = await this.cancelWithin(trx, o, { action: 'reject', by: 'buyer', reason, actorUserId: actor.userId, approval: { by: actor.userId, at: now.toISOString(), reason, decision: 'rejected' } });
      await record(trx, actor.userId, { type: 'order.rejected', payload: { ...ref(next), reason } });
      await this.notifyBuyer(trx, next, 'order.rejected', { reason }, actor.userId);
    });
    return this.get(ctx, id);
  }

  // ---- payment

  /**
   * Pay the next stage (escrow: opens the intent, or returns the open one for the same provider), or accept a
   * credit-terms order on terms (draws the credit line; paid at once).
   */
  async pay(ctx: RequestContext, id: string, input: { provider?: 'sandbox' | 'bank_transfer' | undefined }): Promise<{ order: OrderView; intent: IntentView | null }> {
    const available = this.deps.payments.providerNames();
    const provider = input.provider ?? (available.includes('sandbox') ? 'sandbox' : 'bank_transfer');
    const intentId = await this.act(ctx, id, ['pay', 'accept_terms'], async (trx, o, actor, name) => {
      if (name === 'accept_terms') {
        if (!this.deps.creditLines) throw new DomainError(OrderErrors.CREDIT_TERMS_UNAVAILABLE);
        await this.deps.creditLines.draw(trx, o.buyer_company_id, o.total, o.id, (await this.settings(trx)).creditTermDays);
        await this.markPaid(trx, o, actor.userId, 'accept_terms', {});
        return null;
      }
      if (!available.includes(provider)) throw new DomainError(OrderErrors.ORDER_PAYMENT_PROVIDER_UNAVAILABLE, { provider });
      const due = nextPayment(o)!;
      const open = (await store.paymentsOf(trx, o.id)).filter((p) => p.status === 'pending');
      const same = open.find((p) => p.stage === due.stage && p.amount === due.amount && p.provider === provider);
      if (same) return same.intent_id;
      // Another method or a stale amount: the old intent is abandoned (paid anyway, it is refunded at once).
      if (open.length) await store.cancelPendingPayments(trx, o.id);
      const stage = STAGE_NAMES[due.stage];
      const intent = await this.deps.payments.createIntent(trx, {
        companyId: o.buyer_company_id, purpose: 'order', referenceId: o.id, amount: due.amount, currency: o.currency, provider,
        // "zh | en": the pay page and the operators' consoles show the half in the reader's language.
        description: `订单 ${o.number} ${stage.zh} | Order ${o.number}, ${stage.en}`, createdBy: actor.userId,
      });
      await store.insertPayment(trx, { id: uuidv7(), orderId: o.id, stage: due.stage, amount: due.amount, provider, intentId: intent.id });
      return intent.id;
    });
    const [order, intent] = [await this.get(ctx, id), intentId ? await this.deps.payments.get(ctx, intentId) : null];
    return { order, intent };
  }

  /** deposit_paid / paid: sets ship_by at the first payment (lead time counts from it). */
  private async markPaid(trx: Db, o: store.OrderRow, actorUserId: string | null, action: string, detail: Record<string, unknown>, escrowPaid?: number): Promise<store.OrderRow> {
    const now = new Date();
    const shipBy = o.ship_by ?? addDays(beijingDate(now), o.lead_time_days);
    const next = await this.change(trx, o, action, actorUserId, { status: 'paid', paid_at: now, ship_by: shipBy, ...(escrowPaid !== undefined ? { escrow_paid: escrowPaid } : {}) }, detail);
    const terms = next.payment_terms;
    await record(trx, actorUserId, { type: 'order.paid', payload: { ...ref(next), terms, shipBy } });
    await this.notifySeller(trx, next, 'order.paid', { total: yuan(next.total), ...termsText(next), shipBy }, actorUserId);
    return next;
  }

  /** Payments' settlement hook: the intent succeeded and escrow:CNY was just credited with its amount, in this transaction. */
  private async paymentSucceeded(trx: Db, intent: IntentView): Promise<void> {
    const o = await store.findOrder(trx, intent.referenceId, true);
    if (!o) {
      // Money for no order: straight back to the payer, so escrow holds only what orders account for.
      await this.postRefund(trx, intent.referenceId, [{ provider: intent.provider, amount: intent.amount }], 'order_refund');
      this.platform.log.error({ intentId: intent.id }, 'order payment for an unknown order refunded');
      return;
    }
    const p = await store.paymentByIntent(trx, intent.id);
    const paid = o.escrow_paid + intent.amount;
    const expected = p !== undefined && p.status === 'pending' && p.amount === intent.amount && (
      (p.stage === 'deposit' && allows('deposit_paid', facts(o))) ||
      (p.stage === 'full' && o.status === 'awaiting_payment') ||
      (p.stage === 'balance' && o.status === 'deposit_paid'));
    if (p) await store.setPaymentStatus(trx, p.id, 'succeeded', new Date());
    if (!expected) {
      // Late or stale (order cancelled, another intent paid first, amount adjusted): refund at once.
      await this.postRefund(trx, o.id, [{ provider: intent.provider, amount: intent.amount }], 'order_refund');
      if (p) await store.addPaymentRefunded(trx, p.id, intent.amount);
      const next = await this.change(trx, o, 'late_payment_refunded', null, { escrow_paid: paid, escrow_refunded: o.escrow_refunded + intent.amount }, { intentId: intent.id, amount: intent.amount });
      await record(trx, null, { type: 'order.refunded', payload: { ...ref(next), amount: intent.amount, source: 'cancel', sourceId: intent.id } });
      await this.notifyBuyer(trx, next, 'order.refunded', { amount: yuan(intent.amount) }, null);
      return;
    }
    if (p.stage === 'deposit') {
      const now = new Date();
      const shipBy = o.ship_by ?? addDays(beijingDate(now), o.lead_time_days);
      const next = await this.change(trx, o, 'deposit_paid', null, { status: 'deposit_paid', escrow_paid: paid, ship_by: shipBy }, { intentId: intent.id, amount: intent.amount });
      await record(trx, null, { type: 'order.deposit_paid', payload: { ...ref(next), amount: intent.amount } });
      await this.notifySeller(trx, next, 'order.deposit_paid', { amount: yuan(intent.amount) }, null);
      return;
    }
    await this.markPaid(trx, o, null, 'payment_completed', { intentId: intent.id, amount: intent.amount, stage: p.stage }, paid);
  }

  private async paymentFailed(trx: Db, intent: IntentView): Promise<void> {
    const p = await store.paymentByIntent(trx, intent.id);
    if (p?.status === 'pending') await store.setPaymentStatus(trx, p.id, 'failed', new Date());
  }

  // ---- money moves (always one balanced ledger transaction, in the caller's transaction)

  /** Dr escrow / Cr each provider's clearing account (back through the way it was paid). */
  private async postRefund(trx: Db, orderId: string, parts: Array<{ provider: string; amount: number }>, kind: string): Promise<void> {
    const total = parts.reduce((s, p) => s + p.amount, 0);
    if (total <= 0) return;
    const byProvider = new Map<string, number>();
    for (const p of parts) if (p.amount > 0) byProvider.set(p.provider, (byProvider.get(p.provider) ?? 0) + p.amount);
    await this.deps.payments.post(trx, { kind, referenceType: 'order', referenceId: orderId, currency: 'CNY', memo: '托管退款 | Refund from escrow' }, [
      { account: ESCROW_ACCOUNT, purpose: 'order escrow', amount: total },
      ...[...byProvider].map(([provider, amount]): Posting => ({ account: clearingAccount(provider, 'CNY'), purpose: 'provider clearing', amount: -amount })),
    ]);
  }

  /**
   * Refunds `amount` of the order's money: escrow orders from escrow through the providers of the succeeded payments
   * (newest first); credit-terms orders reduce what will be billed and release the credit line. Returns the patch.
   */
  private async moveRefund(trx: Db, o: store.OrderRow, amount: number): Promise<store.OrderPatch> {
    if (amount <= 0) return {};
    if (o.payment_terms === 'credit_terms') {
      if (o.status === 'awaiting_approval' || o.status === 'awaiting_payment') return {};
      await this.deps.creditLines?.release(trx, o.buyer_company_id, amount, o.id);
      return { terms_refunded: o.terms_refunded + amount };
    }
    const payments = (await store.paymentsOf(trx, o.id)).filter((p) => p.status === 'succeeded' && p.amount > p.refunded).reverse();
    let left = amount;
    const parts: Array<{ provider: string; amount: number }> = [];
    for (const p of payments) {
      if (left === 0) break;
      const take = Math.min(left, p.amount - p.refunded);
      parts.push({ provider: p.provider, amount: take });
      await store.addPaymentRefunded(trx, p.id, take);
      left -= take;
    }
    if (left > 0) throw new DomainError(OrderErrors.ORDER_REFUND_TOO_LARGE, { refundable: yuan(amount - left), amount: yuan(amount) });
    await this.postRefund(trx, o.id, parts, 'order_refund');
    return { escrow_refunded: o.escrow_refunded + amount };
  }

  private refundable(o: store.OrderRow): number {
    return o.payment_terms === 'escrow' ? escrowHeld(o) : o.status === 'awaiting_approval' || o.status === 'awaiting_payment' ? 0 : o.total - o.terms_refunded;
  }

  // ---- cancel

  /** Cancellation effects: unshipped stock back, pending intents abandoned, held money refunded, credit released. */
  private async cancelWithin(trx: Db, o: store.OrderRow, c: { action: string; by: store.CancelledBy; reason: string; actorUserId: string | null; approval?: store.Approval }): Promise<store.OrderRow> {
    const lines = await store.linesOf(trx, [o.id]);
    if (holdsReservation(o.status)) {
      const back = unshipped(lines);
      if (back.length) await this.deps.inventory.release(trx, back);
    }
    await store.cancelPendingPayments(trx, o.id);
    const refund = this.refundable(o);
    const money = await this.moveRefund(trx, o, refund);
    const next = await this.change(trx, o, c.action, c.actorUserId, {
      ...money, status: 'cancelled', cancelled_at: new Date(), cancel_reason: c.reason, cancelled_by: c.by, ...(c.approval ? { approval: c.approval } : {}),
    }, { reason: c.reason, by: c.by, refunded: refund });
    await record(trx, c.actorUserId, { type: 'order.cancelled', payload: { ...ref(next), by: c.by, reason: c.reason } });
    if (refund > 0) await record(trx, c.actorUserId, { type: 'order.refunded', payload: { ...ref(next), amount: refund, source: 'cancel', sourceId: null } });
    return next;
  }

  async cancel(ctx: RequestContext, id: string, reason: string): Promise<OrderView> {
    await this.act(ctx, id, ['buyer_cancel', 'seller_cancel'], async (trx, o, actor, name) => {
      const by = name === 'buyer_cancel' ? 'buyer' : 'seller';
      const next = await this.cancelWithin(trx, o, { action: name, by, reason, actorUserId: actor.userId });
      if (by === 'buyer') await this.notifySeller(trx, next, 'order.cancelled', { reason }, actor.userId);
      else await this.notifyBuyer(trx, next, 'order.cancelled', { reason }, actor.userId);
    });
    return this.get(ctx, id);
  }

  // ---- adjust

  async adjust(ctx: RequestContext, id: string, input: AdjustInput): Promise<OrderView> {
    await this.act(ctx, id, ['adjust'], async (trx, o, actor) => {
      const lines = await store.linesOf(trx, [o.id]);
      const errors: FieldError[] = [];
      const prices = new Map<string, number>();
      (input.lines ?? []).forEach((l, i) => {
        if (!lines.some((x) => x.id === l.lineId)) errors.push({ path: `body.lines.${i}.lineId`, message: say(ctx.locale, '不是该订单的明细行', 'not a line of this order') });
        else prices.set(l.lineId, l.unitPrice);
      });
      let goods = 0;
      const changed: Array<{ lineId: string; from: number; to: number }> = [];
      for (const l of lines) {
        const price = prices.get(l.id) ?? l.unit_price;
        const total = price === l.unit_price ? l.line_total : lineTotal(price, Number(l.quantity));
        if (Number.isNaN(total)) errors.push({ path: `body.lines`, message: say(ctx.locale, '金额过大', 'amount too large') });
        if (price !== l.unit_price) {
          changed.push({ lineId: l.id, from: l.unit_price, to: price });
          await store.setLinePrice(trx, l.id, price, total);
        }
        goods += total;
      }
      const freight = input.freight ?? o.freight;
      const total = goods + freight;
      if (total <= 0) errors.push({ path: 'body', message: say(ctx.locale, '订单金额必须大于零', 'the order total must be above zero') });
      if (errors.length) throw new DomainError(OrderErrors.CHECKOUT_INVALID, { count: errors.length }, errors);
      // The intents opened for the old amounts are abandoned; paying one anyway refunds it at once.
      await store.cancelPendingPayments(trx, o.id);
      const next = await this.change(trx, o, 'adjust', actor.userId, {
        goods_total: goods, freight, total, deposit_bps: input.depositBps ?? o.deposit_bps, ...(input.note !== undefined ? { note: input.note } : {}),
      }, { before: { total: o.total, freight: o.freight, depositBps: o.deposit_bps }, after: { total, freight, depositBps: input.depositBps ?? o.deposit_bps }, lines: changed, note: input.note ?? null });
      await record(trx, actor.userId, { type: 'order.adjusted', payload: { ...ref(next), before: o.total, after: total } });
      if (total !== o.total) await this.notifyBuyer(trx, next, 'order.adjusted', { before: yuan(o.total), after: yuan(total) }, actor.userId);
      else if (next.deposit_bps !== o.deposit_bps) {
        const pct = `${next.deposit_bps / 100}%`;
        await this.notifyBuyer(trx, next, 'order.terms_adjusted', next.deposit_bps > 0
          ? { termsZh: `先付 ${pct} 定金(订单金额 ${yuan(total)}),尾款发货前付清。`, termsEn: `A ${pct} deposit first (order total ${yuan(total)}), the balance before shipment.` }
          : { termsZh: `无需定金,订单金额 ${yuan(total)} 一次付清。`, termsEn: `No deposit: the order total ${yuan(total)} is paid at once.` }, actor.userId);
      }
    });
    return this.get(ctx, id);
  }

  // ---- shipping (the shipments module calls this inside its transaction)

  async applyShipment(trx: Db, orderId: string, items: Array<{ lineId: string; quantity: number }>, actorUserId: string | null): Promise<OrderForParty> {
    const o = await store.findOrder(trx, orderId, true);
    if (!o) throw new DomainError(OrderErrors.ORDER_NOT_FOUND);
    if (!allows('ship', facts(o))) throw new DomainError(OrderErrors.ORDER_NOT_SHIPPABLE, { status: o.status.replace(/_/g, ' '), statusZh: STATUS_ZH[o.status] });
    const lines = await store.linesOf(trx, [o.id]);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const errors: FieldError[] = [];
    const adds = new Map<string, number>();
    items.forEach((it, i) => {
      const l = byId.get(it.lineId);
      if (!l) return void errors.push({ path: `items.${i}.lineId`, message: 'not a line of this order / 不是该订单的明细行' });
      const q = milli(it.quantity);
      const remaining = milli(l.quantity) - milli(l.shipped_quantity) - (adds.get(l.id) ?? 0);
      if (q <= 0 || q > remaining) return void errors.push({ path: `items.${i}.quantity`, message: `at most ${fromMilli(remaining)} / 最多 ${fromMilli(remaining)}` });
      adds.set(l.id, (adds.get(l.id) ?? 0) + q);
    });
    if (items.length === 0) errors.push({ path: 'items', message: 'nothing to ship / 没有发货明细' });
    if (errors.length) throw new DomainError(OrderErrors.ORDER_SHIPMENT_INVALID, { count: errors.length }, errors);
    const commit: StockLine[] = [];
    for (const [lineId, q] of adds) {
      await store.addShipped(trx, lineId, fromMilli(q));
      const l = byId.get(lineId)!;
      if (l.sku_id) commit.push({ skuId: l.sku_id, quantity: fromMilli(q) });
    }
    if (commit.length) await this.deps.inventory.commit(trx, commit);
    const fully = lines.every((l) => milli(l.quantity) === milli(l.shipped_quantity) + (adds.get(l.id) ?? 0));
    const now = new Date();
    const next = await this.change(trx, o, 'ship', actorUserId, { status: fully ? 'shipped' : 'partly_shipped', ...(fully ? { shipped_at: now } : {}) },
      { items: [...adds].map(([lineId, q]) => ({ lineId, quantity: fromMilli(q) })), fully });
    const onTime = o.ship_by === null || beijingDate(now) <= o.ship_by;
    await record(trx, actorUserId, { type: 'order.shipped', payload: { ...ref(next), fully, onTime, shipBy: o.ship_by, shippedAt: now.toISOString() } });
    await this.notifyBuyer(trx, next, 'order.shipped', {
      progressZh: fully ? '订单已全部发货,请留意收货。' : '订单部分发货,其余商品待发。', progressEn: fully ? 'Everything has shipped.' : 'Part of the order has shipped; the rest follows.',
    }, actorUserId);
    return this.partyView(next, await store.linesOf(trx, [o.id]));
  }

  // ---- receipt

  /**
   * Receipt effects. From partly_shipped (the buyer accepts the partial), the unshipped rest is released to stock
   * and its value refunded; credit-terms orders get their due date: received + the term the order's bill was drawn with
   * (the buyer's line's own, else the platform's creditTermDays then), or today's creditTermDays for a bill without one.
   */
  private async receiveWithin(trx: Db, o: store.OrderRow, name: 'confirm_receipt' | 'auto_confirm', actorUserId: string | null): Promise<store.OrderRow> {
    const settings = await this.settings(trx);
    const now = new Date();
    let patch: store.OrderPatch = {};
    let restValue = 0;
    if (holdsReservation(o.status)) {
      const lines = await store.linesOf(trx, [o.id]);
      const back = unshipped(lines);
      if (back.length) await this.deps.inventory.release(trx, back);
      for (const l of lines) {
        const rest = milli(l.quantity) - milli(l.shipped_quantity);
        if (rest > 0) restValue += lineTotal(l.unit_price, fromMilli(rest));
      }
      restValue = Math.min(restValue, this.refundable(o));
      patch = await this.moveRefund(trx, o, restValue);
    }
    const creditLines = this.deps.creditLines;
    const dueAt = o.payment_terms !== 'credit_terms' ? null
      : creditLines ? await creditLines.setDueAfter(trx, o.id, now, settings.creditTermDays) : new Date(now.getTime() + settings.creditTermDays * DAY);
    const next = await this.change(trx, o, name, actorUserId, { ...patch, status: 'received', received_at: now, ...(dueAt ? { credit_due_at: dueAt } : {}) },
      { auto: name === 'auto_confirm', unshippedRefunded: restValue });
    await record(trx, actorUserId, { type: 'order.received', payload: { ...ref(next), auto: name === 'auto_confirm' } });
    if (restValue > 0) await record(trx, actorUserId, { type: 'order.refunded', payload: { ...ref(next), amount: restValue, source: 'cancel', sourceId: null } });
    await this.notifySeller(trx, next, 'order.received', {}, actorUserId);
    return next;
  }

  async confirmReceipt(ctx: RequestContext, id: string): Promise<OrderView> {
    await this.act(ctx, id, ['confirm_receipt'], (trx, o, actor) => this.receiveWithin(trx, o, 'confirm_receipt', actor.userId));
    return this.get(ctx, id);
  }

  /** The auto-confirm job (shipments): shipped → received. False when the order is no longer shipped. */
  async confirmReceiptBySystem(orderId: string): Promise<boolean> {
    return this.platform.database.transaction(async (trx) => {
      const o = await store.findOrder(trx, orderId, true);
      if (!o || !allows('auto_confirm', facts(o))) return false;
      await this.receiveWithin(trx, o, 'auto_confirm', null);
      return true;
    });
  }

  // ---- refunds (after-sales and disputes call this inside their transaction)

  async refund(trx: Db, input: RefundInput): Promise<{ refunded: number; status: OrderStatus; closed: boolean }> {
    const o = await store.findOrder(trx, input.orderId, true);
    if (!o) throw new DomainError(OrderErrors.ORDER_NOT_FOUND);
    if (!allows('refund', facts(o))) throw this.notAllowed(o, 'refund');
    const refundable = this.refundable(o);
    if (!Number.isSafeInteger(input.amount) || input.amount < 0 || input.amount > refundable) {
      throw new DomainError(OrderErrors.ORDER_REFUND_TOO_LARGE, { refundable: yuan(refundable), amount: yuan(input.amount) });
    }
    const lines = await store.linesOf(trx, [o.id]);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const errors: FieldError[] = [];
    const restock: StockLine[] = [];
    const returned = new Map<string, number>();
    (input.restock ?? []).forEach((r, i) => {
      const l = byId.get(r.lineId);
      if (!l) return void errors.push({ path: `restock.${i}.lineId`, message: 'not a line of this order / 不是该订单的明细行' });
      const q = milli(r.quantity);
      const max = milli(l.shipped_quantity) - milli(l.returned_quantity) - (returned.get(l.id) ?? 0);
      if (q <= 0 || q > max) return void errors.push({ path: `restock.${i}.quantity`, message: `at most ${fromMilli(max)} / 最多 ${fromMilli(max)}` });
      returned.set(l.id, (returned.get(l.id) ?? 0) + q);
    });
    if (errors.length) throw new DomainError(OrderErrors.ORDER_REFUND_INVALID, { count: errors.length }, errors);
    for (const [lineId, q] of returned) {
      await store.addReturned(trx, lineId, fromMilli(q));
      const l = byId.get(lineId)!;
      if (l.sku_id) restock.push({ skuId: l.sku_id, quantity: fromMilli(q) });
    }
    if (restock.length) await this.deps.inventory.restock(trx, restock);
    const money = await this.moveRefund(trx, o, input.amount);
    const closed = input.amount > 0 && input.amount === refundable;
    if (closed && holdsReservation(o.status)) {
      const back = unshipped(lines);
      if (back.length) await this.deps.inventory.release(trx, back);
    }
    const now = new Date();
    const next = await this.change(trx, o, 'refund', null, { ...money, ...(closed ? { status: 'closed', closed_at: now } : {}) },
      { amount: input.amount, reason: input.reason, source: input.source, sourceId: input.sourceId, restock: [...returned].map(([lineId, q]) => ({ lineId, quantity: fromMilli(q) })) });
    await record(trx, null, { type: 'order.refunded', payload: { ...ref(next), amount: input.amount, source: input.source, sourceId: input.sourceId } });
    if (closed) await record(trx, null, { type: 'order.closed', payload: ref(next) });
    if (input.amount > 0) await this.notifyBuyer(trx, next, 'order.refunded', { amount: yuan(input.amount) }, null);
    return { refunded: input.amount, status: next.status, closed };
  }

  // ---- completion

  /** Releases the held money: Dr escrow (or the buyer's receivable on terms) / Cr seller available (net) / Cr platform fees. */
  private async completeWithin(trx: Db, o: store.OrderRow): Promise<store.OrderRow> {
    const gross = o.payment_terms === 'escrow' ? escrowHeld(o) : o.total - o.terms_refunded;
    const fee = Math.round((gross * o.fee_bps) / 10_000);
    const net = gross - fee;
    if (gross > 0) {
      const debit: Posting = o.payment_terms === 'escrow'
        ? { account: ESCROW_ACCOUNT, purpose: 'order escrow', amount: gross }
        : { account: receivableAccount(o.buyer_company_id), purpose: 'credit terms receivable', companyId: o.buyer_company_id, amount: gross };
      await this.deps.payments.post(trx, { kind: 'order_release', referenceType: 'order', referenceId: o.id, currency: o.currency, memo: o.number }, [
        debit,
        ...(net > 0 ? [{ account: sellerAccount(o.supplier_company_id), purpose: 'seller available', companyId: o.supplier_company_id, amount: -net }] : []),
        ...(fee > 0 ? [{ account: FEES_ACCOUNT, purpose: 'platform fees', amount: -fee }] : []),
      ]);
    }
    const next = await this.change(trx, o, 'complete', null, {
      status: 'completed', completed_at: new Date(), fee_amount: fee, ...(o.payment_terms === 'escrow' ? { escrow_released: o.escrow_released + gross } : {}),
    }, { released: net, fee });
    await record(trx, null, { type: 'order.completed', payload: { ...ref(next), released: net, fee } });
    await this.notifySeller(trx, next, 'order.completed', { released: yuan(net), fee: yuan(fee) }, null);
    return next;
  }

  /** Completes one received order whose after-sales window is over (and nothing open); false when not (yet) due. */
  async completeIfDue(orderId: string, now = new Date()): Promise<boolean> {
    const { afterSalesWindowDays } = await this.settings();
    const cutoff = new Date(now.getTime() - afterSalesWindowDays * DAY);
    if (await this.deps.afterSales?.hasOpen(orderId)) return false;
    return this.platform.database.transaction(async (trx) => {
      const o = await store.findOrder(trx, orderId, true);
      if (!o || !allows('complete', facts(o)) || !o.received_at || o.received_at > cutoff) return false;
      await this.completeWithin(trx, o);
      return true;
    });
  }

  // ---- sweeps (jobs.ts)

  /** orders.complete_received: received orders past the after-sales window with nothing open → completed, money released. */
  async sweepCompletions(now = new Date()): Promise<{ completed: number }> {
    const { afterSalesWindowDays } = await this.settings();
    const cutoff = new Date(now.getTime() - afterSalesWindowDays * DAY);
    let completed = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await store.receivedBefore(this.db, cutoff, SWEEP_BATCH, after);
      for (const id of ids) if (await this.completeIfDue(id, now)) completed++;
      if (ids.length < SWEEP_BATCH) break;
      after = ids[ids.length - 1]!;
    }
    return { completed };
  }

  /** orders.cancel_unpaid: orders unpaid (or unapproved) for unpaidTimeoutHours → cancelled, stock released. */
  async sweepUnpaid(now = new Date()): Promise<{ cancelled: number }> {
    const { unpaidTimeoutHours } = await this.settings();
    const cutoff = new Date(now.getTime() - unpaidTimeoutHours * 3_600_000);
    let cancelled = 0;
    for (;;) {
      const ids = await store.unpaidSince(this.db, cutoff, SWEEP_BATCH);
      let done = 0;
      for (const id of ids) {
        const ok = await this.platform.database.transaction(async (trx) => {
          const o = await store.findOrder(trx, id, true);
          if (!o || !allows('expire', facts(o)) || o.payable_since > cutoff) return false;
          const reason = `unpaid for ${unpaidTimeoutHours} hours / 超过 ${unpaidTimeoutHours} 小时未付款`;
          const next = await this.cancelWithin(trx, o, { action: 'expire', by: 'system', reason, actorUserId: null });
          await this.notifyBuyer(trx, next, 'order.cancelled', { reason }, null);
          return true;
        });
        if (ok) done++;
      }
      cancelled += done;
      if (ids.length < SWEEP_BATCH || done === 0) break;
    }
    return { cancelled };
  }

  // -------------------------------------------------------------------------------------------------------
  // Checkout

  private async needsApproval(actor: Actor, companyId: string, totals: number[]): Promise<boolean[]> {
    if (roleIn(actor, companyId) !== 'purchaser') return totals.map(() => false);
    const { threshold } = await store.approvalThreshold(this.db, companyId);
    return totals.map((t) => threshold !== null && t > threshold);
  }

  /**
   * Splits the items into one order per supplier at tier prices (MOQ and tier on each product's total quantity),
   * reserves the stock and creates the orders in one transaction; a purchaser's order above the company's threshold
   * waits for approval.
   */
  async checkout(ctx: RequestContext, input: CheckoutInput): Promise<{ orders: OrderView[] }> {
    return JSON.parse(await this.checkoutOnce(ctx, input, null)) as { orders: OrderView[] };
  }

  /**
   * Checkout under an Idempotency-Key (scope: the user): the key's claim, the orders and the stored answer commit in
   * one transaction, so a repeat — even after a crash mid-request — gets the first answer and never a second set of
   * orders. Returns the answer as the JSON text to send (byte-for-byte the first one's on a repeat).
   */
  async checkoutOnce(ctx: RequestContext, input: CheckoutInput, key: string | null): Promise<string> {
    const actor = authorize(ctx, 'company.orders.place', input.companyId);
    const scope = `checkout:${actor.userId}`;
    // The key is stored with the answer at the end of the transaction, and a repeat meets it there (EarlierAnswer),
    // so the happy path reads nothing for it. A repeat whose items no longer pass (sold out, delisted, or a purchase
    // list the first request emptied) still gets the first answer, not the new problem.
    try {
      return await this.place(ctx, actor, input, key, scope);
    } catch (err) {
      if (key && err instanceof DomainError) {
        const earlier = await this.deps.payments.answered(scope, key, input);
        if (earlier) return earlier.json;
      }
      throw err;
    }
  }

  private async place(ctx: RequestContext, actor: Actor, input: CheckoutInput, key: string | null, scope: string): Promise<string> {
    const fromList = input.items === undefined;
    const raw = input.items ?? (this.deps.purchaseList ? await this.deps.purchaseList.selectedItems(actor.userId, input.companyId) : []);
    if (raw.length === 0) throw new DomainError(OrderErrors.CHECKOUT_EMPTY);
    // One line per SKU (quantities of repeated SKUs add up), in the order given.
    const items: Array<{ skuId: string; quantity: number; index: number }> = [];
    for (const [index, it] of raw.entries()) {
      const same = items.find((x) => x.skuId === it.skuId);
      if (same) same.quantity = fromMilli(milli(same.quantity) + milli(it.quantity));
      else items.push({ skuId: it.skuId, quantity: it.quantity, index });
    }
    const skus = new Map((await this.deps.catalog.checkoutSkus(items.map((i) => i.skuId))).map((k) => [k.skuId, k]));
    const errors: FieldError[] = [];
    const badProvince = provinceProblem(ctx.locale, input.address);
    if (badProvince) errors.push(badProvince);
    const path = (i: number, f: string) => (fromList ? `purchaseList.${i}.${f}` : `body.items.${i}.${f}`);
    const productTotals = new Map<string, number>();
    for (const it of items) {
      const owner = skus.get(it.skuId);
      if (!owner || owner.product.status !== 'published') {
        errors.push({ path: path(it.index, 'skuId'), message: say(ctx.locale, '商品不存在或已下架', 'the product is not available') });
        continue;
      }
      if (owner.product.companyId === input.companyId) throw new DomainError(OrderErrors.CHECKOUT_OWN_PRODUCTS);
      productTotals.set(owner.product.id, (productTotals.get(owner.product.id) ?? 0) + milli(it.quantity));
    }
    interface Priced { skuId: string; quantity: number; product: CheckoutSku['product']; sku: CheckoutSku; unitPrice: number; lineTotal: number }
    const priced: Priced[] = [];
    for (const it of items) {
      const sku = skus.get(it.skuId);
      if (!sku || sku.product.status !== 'published') continue;
      const { product } = sku;
      const productQuantity = fromMilli(productTotals.get(product.id)!);
      if (productQuantity < product.moq) {
        errors.push({ path: path(it.index, 'quantity'), message: say(ctx.locale, `该商品合计起订量 ${formatQuantityText(product.moq)}`, `the product's minimum order is ${formatQuantityText(product.moq)} in total`) });
        continue;
      }
      const tier = tierAt(sku.priceTiers ?? product.priceTiers, productQuantity);
      const total = tier ? lineTotal(tier.unitPrice, it.quantity) : Number.NaN;
      if (!tier || Number.isNaN(total)) {
        errors.push({ path: path(it.index, 'quantity'), message: say(ctx.locale, '没有适用的价格', 'no price applies to this quantity') });
        continue;
      }
      priced.push({ skuId: it.skuId, quantity: it.quantity, product, sku, unitPrice: tier.unitPrice, lineTotal: total });
    }
    const bySupplier = groupBy(priced, (p) => p.product.companyId);
    for (const [i, o] of (input.orders ?? []).entries()) {
      if (!bySupplier.has(o.supplierCompanyId)) errors.push({ path: `body.orders.${i}.supplierCompanyId`, message: say(ctx.locale, '没有该供应商的商品', 'no items from this supplier') });
      if (o.paymentTerms === 'credit_terms' && !this.deps.creditLines) throw new DomainError(OrderErrors.CREDIT_TERMS_UNAVAILABLE);
      const problem = o.invoiceProfileId ? await this.invoiceProfileProblem(ctx, o.invoiceProfileId, input.companyId) : null;
      if (problem) errors.push({ path: `body.orders.${i}.invoiceProfileId`, message: problem });
    }
    if (errors.length) throw new DomainError(OrderErrors.CHECKOUT_INVALID, { count: errors.length }, errors);
    if ((input.orders ?? []).some((o) => o.paymentTerms === 'credit_terms')) await this.refuseIfOverdue(input.companyId);

    const groups = [...bySupplier].map(([supplierId, lines]) => {
      const options = input.orders?.find((o) => o.supplierCompanyId === supplierId);
      const goods = lines.reduce((s, l) => s + l.lineTotal, 0);
      return { supplierId, lines, options, goods, leadTime: Math.max(0, ...lines.map((l) => l.product.leadTimeDays)) };
    });
    const [settings, approvals, names] = await Promise.all([
      this.settings(),
      this.needsApproval(actor, input.companyId, groups.map((g) => g.goods)),
      this.deps.companies.partiesOf([input.companyId, ...groups.map((g) => g.supplierId)]),
    ]);
    const now = new Date();
    const source: store.OrderSource = fromList ? 'purchase_list' : 'direct';

    const seqs = await this.takeNumbers(groups.length);
    try {
      return await this.platform.database.transaction(async (trx) => {
        const orders: store.NewOrder[] = groups.map((g, i) => ({
          id: uuidv7(), number: orderNumber(now, seqs[i]!), buyerCompanyId: input.companyId, supplierCompanyId: g.supplierId, placedBy: actor.userId,
          status: approvals[i] ? 'awaiting_approval' : 'awaiting_payment', source, quoteId: null, paymentTerms: g.options?.paymentTerms ?? 'escrow', depositBps: 0,
          goodsTotal: g.goods, freight: 0, total: g.goods, feeBps: settings.feeBps, leadTimeDays: g.leadTime, address: input.address,
          invoiceProfileId: g.options?.invoiceProfileId ?? null, buyerNote: g.options?.note ?? '', now,
        }));
        const placed = await store.insertPlacedOrders(trx, orders, groups.flatMap((g, i) => g.lines.map((l, position): store.NewLine => ({
          id: uuidv7(), orderId: orders[i]!.id, position: position + 1, productId: l.product.id, skuId: l.skuId, titleZh: l.product.titleZh, titleEn: l.product.titleEn,
          skuLabel: l.sku.label.zh, skuLabelEn: l.sku.label.en, unit: l.product.unit, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal,
          leadTimeDays: l.product.leadTimeDays, imageUrl: l.product.imageUrl,
        }))), orders.map((o) => ({ id: uuidv7(), orderId: o.id, actorUserId: actor.userId, action: 'place', fromStatus: null, toStatus: o.status, detail: { source }, at: now })),
        asDomainEvents(actor.userId, orders.map((o, i): OrderEvent => ({
          type: 'order.created',
          payload: {
            orderId: o.id, number: o.number, buyerCompanyId: o.buyerCompanyId, supplierCompanyId: o.supplierCompanyId, total: o.total, source, paymentTerms: o.paymentTerms,
            status: o.status, shipBy: null, productIds: [...new Set(groups[i]!.lines.map((l) => l.product.id))],
          },
        }))));
        const rows = placed.orders;
        for (const r of rows) if (r.status === 'awaiting_approval') await this.requestApproval(trx, r, actor, names.get(r.supplier_company_id) ?? { name: '', nameEn: null });
        if (fromList && this.deps.purchaseList) await this.deps.purchaseList.removeOrdered(trx, actor.userId, input.companyId, priced.map((p) => p.skuId));
        const linesBy = groupBy(placed.lines, (l) => l.order_id);
        const historyBy = groupBy(placed.history, (h) => h.order_id);
        const byId = new Map(rows.map((r) => [r.id, r]));
        const body: { orders: OrderView[] } = {
          orders: orders.map((o) => byId.get(o.id)!).map((r) => ({
            ...this.summary(actor, r, linesBy.get(r.id) ?? [], names),
            history: (historyBy.get(r.id) ?? []).map((h) => ({ id: h.id, at: h.at, actorUserId: h.actor_user_id, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, detail: h.detail })),
            payments: [],
          })),
        };
        let json = JSON.stringify(body);
        if (key) {
          // The key and its answer in one statement; a request with this key that committed meanwhile wins.
          const answer = await this.deps.payments.answerIn(trx, scope, key, input, 201, json);
          if (answer.earlier) throw new EarlierAnswer(answer.earlier.json);
          json = answer.json;
        }
        // Last, so the SKU rows stay locked only until the commit right after (a hot SKU serializes on this lock).
        // A shortfall throws OUT_OF_STOCK and rolls everything back, the key included.
        await this.deps.inventory.reserve(trx, priced.map((p) => ({ skuId: p.skuId, quantity: p.quantity })));
        return json;
      });
    } catch (err) {
      if (err instanceof EarlierAnswer) return err.json;
      throw err;
    }
  }

  /**
   * Order number sequence values, taken from the database a block at a time: one statement per NUMBER_BLOCK orders
   * instead of one per checkout. Numbers stay unique; a restart leaves a gap, as a rolled-back checkout does.
   */
  private async takeNumbers(n: number): Promise<number[]> {
    while (this.numbers.length < n) this.numbers.push(...await store.nextNumbers(this.db, Math.max(n, NUMBER_BLOCK)));
    return this.numbers.splice(0, n);
  }

  /** Why the buyer cannot name this invoice profile (another company's, archived, or unknown), or null. */
  private async invoiceProfileProblem(ctx: RequestContext, profileId: string, buyerCompanyId: string): Promise<string | null> {
    const profile = this.deps.invoiceProfiles ? await this.deps.invoiceProfiles.profileOf(profileId) : null;
    if (!profile || profile.companyId !== buyerCompanyId) return say(ctx.locale, '开票信息不存在', 'no such invoice profile in your company');
    if (profile.archived) return say(ctx.locale, '该开票信息已停用', 'the invoice profile is archived');
    return null;
  }

  private async refuseIfOverdue(companyId: string): Promise<void> {
    if (!this.deps.creditLines) throw new DomainError(OrderErrors.CREDIT_TERMS_UNAVAILABLE);
    if (await this.deps.creditLines.hasOverdue?.(companyId)) throw new DomainError(OrderErrors.CREDIT_TERMS_OVERDUE);
  }

  private async requestApproval(trx: Db, o: store.OrderRow, actor: Actor, supplier: { name: string; nameEn: string | null }): Promise<void> {
    await this.deps.notifications.notify(trx, {
      kind: 'order.approval_requested', to: { companyId: o.buyer_company_id, roles: ['owner', 'admin'] },
      params: { number: o.number, placer: actor.name, supplier: supplier.name, supplierEn: supplier.nameEn ?? supplier.name, total: yuan(o.total) }, link: orderLink(o.id), excludeUserIds: [actor.userId],
    });
  }

  /** One order at an accepted quote's price and quantity (no SKU, so no stock); one live order per quote. */
  async checkoutQuote(ctx: RequestContext, input: QuoteCheckoutInput): Promise<{ orders: OrderView[] }> {
    const actor = requireUser(ctx);
    const terms = await this.deps.quotes.acceptedTerms(input.quoteId);
    if (!terms || !can(actor, 'company.orders.place', terms.buyerCompanyId)) {
      if (terms && can(actor, 'company.orders.view', terms.buyerCompanyId)) throw new DomainError(PlatformErrors.FORBIDDEN);
      throw new DomainError(OrderErrors.QUOTE_NOT_ORDERABLE);
    }
    const badProvince = provinceProblem(ctx.locale, input.address);
    if (badProvince) throw new DomainError(OrderErrors.CHECKOUT_INVALID, { count: 1 }, [badProvince]);
    if (input.paymentTerms === 'credit_terms') await this.refuseIfOverdue(terms.buyerCompanyId);
    const profileProblem = input.invoiceProfileId ? await this.invoiceProfileProblem(ctx, input.invoiceProfileId, terms.buyerCompanyId) : null;
    if (profileProblem) throw new DomainError(OrderErrors.CHECKOUT_INVALID, { count: 1 }, [{ path: 'body.invoiceProfileId', message: profileProblem }]);
    const existing = await store.orderOfQuote(this.db, input.quoteId);
    if (existing) throw new DomainError(OrderErrors.QUOTE_ALREADY_ORDERED, { number: existing.number, orderId: existing.id });
    const settings = await this.settings();
    const [approval] = await this.needsApproval(actor, terms.buyerCompanyId, [terms.total]);
    const now = new Date();
    const supplierParty = (await this.deps.companies.partiesOf([terms.supplierCompanyId])).get(terms.supplierCompanyId) ?? { name: '', nameEn: null };
    let id: string;
    try {
      id = await this.platform.database.transaction(async (trx) => {
        const [seq] = await store.nextNumbers(trx, 1);
        const [row] = await store.insertOrders(trx, [{
          id: uuidv7(), number: orderNumber(now, seq!), buyerCompanyId: terms.buyerCompanyId, supplierCompanyId: terms.supplierCompanyId, placedBy: actor.userId,
          status: approval ? 'awaiting_approval' : 'awaiting_payment', source: 'quote', quoteId: terms.quoteId, paymentTerms: input.paymentTerms ?? 'escrow', depositBps: 0,
          goodsTotal: terms.total, freight: 0, total: terms.total, feeBps: settings.feeBps, leadTimeDays: terms.leadTimeDays, address: input.address,
          invoiceProfileId: input.invoiceProfileId ?? null, buyerNote: input.note ?? '', now,
        }]);
        await store.insertLines(trx, [{
          id: uuidv7(), orderId: row!.id, position: 1, productId: null, skuId: null, titleZh: terms.title, titleEn: null, skuLabel: '', skuLabelEn: '', unit: terms.unit,
          quantity: terms.quantity, unitPrice: terms.unitPrice, lineTotal: terms.total, leadTimeDays: terms.leadTimeDays, imageUrl: null,
        }]);
        await store.insertHistory(trx, [{ id: uuidv7(), orderId: row!.id, actorUserId: actor.userId, action: 'place', fromStatus: null, toStatus: row!.status, detail: { source: 'quote', quoteId: terms.quoteId, revision: terms.revision } }]);
        await record(trx, actor.userId, { type: 'order.created', payload: { ...ref(row!), source: 'quote', paymentTerms: row!.payment_terms, status: row!.status, shipBy: null, productIds: [] } });
        if (row!.status === 'awaiting_approval') await this.requestApproval(trx, row!, actor, supplierParty);
        return row!.id;
      });
    } catch (err) {
      // Two requests at once: the unique index on quote_id lets one through.
      const raced = await store.orderOfQuote(this.db, input.quoteId);
      if (raced) throw new DomainError(OrderErrors.QUOTE_ALREADY_ORDERED, { number: raced.number, orderId: raced.id });
      throw err;
    }
    return { orders: [await this.get(ctx, id)] };
  }
}
