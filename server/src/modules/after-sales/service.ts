import type { Actor, CompanyRole, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, PlatformErrors, type FieldError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { formatYuanAmount } from '../../platform/money.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireOperator, requireUser } from '../../platform/policy.js';
import { ORDER_STATUS_ZH } from '../orders/index.js';
import { AfterSaleErrors } from './errors.js';
import { record, type AfterSaleOutcome } from './events.js';
import { KIND_NAMES, REASON_NAMES } from './kinds.js';
import type { ChatLine, Deps, OrderForParty } from './ports.js';
import type { ActionBody, CreateInput, DecideInput, ListQuery } from './schemas.js';
import {
  ACTION_ZH, STATUS_ZH, allowedActions, dueAt, isOpen, sideMay, statusAllows, sweepOutcome,
  type AfterSaleAction, type AfterSaleKind, type AfterSaleStatus, type Side,
} from './states.js';
import * as store from './store.js';

/** The order's status as the orders module names it in Chinese (the port carries it as a plain string). */
const orderStatusZh = (status: string): string => (ORDER_STATUS_ZH as Readonly<Record<string, string>>)[status] ?? status;

/** A company on an after-sales request: its legal name, and its English name for en-US readers (null when none). */
export interface CompanyRef { id: string; name: string; nameEn: string | null }
const companyRef = (id: string, names: Map<string, { name: string; nameEn: string | null }>): CompanyRef => ({ id, name: names.get(id)?.name ?? '', nameEn: names.get(id)?.nameEn ?? null });

/** Business time of a change: only the demo seed passes it; the HTTP routes never do. */
export interface At { at?: Date | undefined }

/** Orders on which a buyer may ask for after-sales (paid up to received; completion ends it). */
const ELIGIBLE_ORDER_STATUSES: ReadonlySet<string> = new Set(['paid', 'partly_shipped', 'shipped', 'received']);
const BUYER_ROLES: CompanyRole[] = ['owner', 'admin', 'purchaser'];
const SELLER_ROLES: CompanyRole[] = ['owner', 'admin', 'sales'];
const EVIDENCE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);
const DAY_MS = 86_400_000;
const CHAT_LIMIT = 200;

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
const yuan = formatYuanAmount;
const toDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));
const round3 = (q: number) => Math.round(q * 1000) / 1000;

export type ViewerSide = Side | 'operator';

export interface EvidenceView { id: string; url: string; contentType: string; byteSize: number }
export interface DisputeSummary {
  id: string; status: 'open' | 'decided'; openedBySide: 'buyer' | 'supplier' | 'system'; reason: string;
  decision: store.DisputeDecision | null; refundAmount: number | null; operatorNote: string | null; createdAt: Date; decidedAt: Date | null;
}
export interface AfterSaleListItem {
  id: string; orderId: string; orderNumber: string; buyer: CompanyRef; supplier: CompanyRef;
  kind: AfterSaleKind; status: AfterSaleStatus; reason: string; description: string; beforeShipment: boolean; currency: 'CNY';
  amountRequested: number; amountProposed: number | null; amountRefunded: number; sellerReason: string | null;
  returnShipment: { carrier: string; waybillNo: string; shippedAt: Date } | null; replacement: { carrier: string; waybillNo: string } | null;
  dueAt: Date | null; createdAt: Date; updatedAt: Date; resolvedAt: Date | null;
  viewerSide: ViewerSide; actions: AfterSaleAction[]; dispute: DisputeSummary | null;
}
export interface StepView {
  id: string; at: Date; actorName: string; side: store.StepSide; action: string; fromStatus: string | null; toStatus: string;
  note: string; evidence: EvidenceView[]; amount: number | null;
}
export interface AfterSaleView extends AfterSaleListItem {
  lines: Array<{ lineId: string; quantity: number; titleZh: string; titleEn: string | null; skuLabel: string; skuLabelEn: string | null; unit: string; unitPrice: number }>;
  evidence: EvidenceView[];
  refundable: number;
  steps: StepView[];
}
export interface DisputeListItem extends DisputeSummary {
  afterSaleId: string; orderId: string; orderNumber: string; buyer: CompanyRef; supplier: CompanyRef;
  kind: AfterSaleKind; afterSaleStatus: AfterSaleStatus; amountRequested: number;
}
export interface DisputeView {
  dispute: DisputeListItem;
  afterSale: AfterSaleView;
  order: {
    id: string; number: string; status: string; paymentTerms: 'escrow' | 'credit_terms'; total: number; escrowPaid: number; escrowRefunded: number;
    receivedAt: Date | null; lines: Array<{ id: string; titleZh: string; titleEn: string | null; skuLabel: string; skuLabelEn: string | null; unit: string; quantity: number; shippedQuantity: number; returnedQuantity: number; unitPrice: number }>;
  } | null;
  chat: ChatLine[];
}

/** What is still refundable on the order: escrow paid and not refunded, or (credit terms) the bill not yet reduced. */
export function refundableOf(order: OrderForParty): number {
  return order.paymentTerms === 'escrow' ? order.escrowPaid - order.escrowRefunded : order.total - (order.termsRefunded ?? 0);
}

function disputeSummary(d: store.DisputeRow): DisputeSummary {
  return {
    id: d.id, status: d.status, openedBySide: d.opened_by_side, reason: d.reason, decision: d.decision, refundAmount: d.refund_amount,
    operatorNote: d.operator_note, createdAt: d.created_at, decidedAt: d.decided_at,
  };
}

interface Transition {
  status: AfterSaleStatus;
  patch?: Omit<store.AfterSalePatch, 'status' | 'dueAt' | 'resolvedAt'>;
  step: { side: store.StepSide; action: string; note: string; evidenceIds?: string[]; amount?: number | null };
}

export class AfterSalesService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  // -------------------------------------------------------------------------------------------------------
  // Who is who

  /** The side the actor sees the request from, or null for a third party (who is told it does not exist). */
  private viewerSide(actor: Actor, row: { buyer_company_id: string; supplier_company_id: string }): ViewerSide | null {
    const member = (companyId: string) => actor.memberships.some((m) => m.companyId === companyId) && can(actor, 'company.orders.view', companyId);
    const buyer = member(row.buyer_company_id);
    const supplier = member(row.supplier_company_id);
    if (buyer && supplier) return actor.activeCompanyId === row.supplier_company_id ? 'supplier' : 'buyer';
    if (buyer) return 'buyer';
    if (supplier) return 'supplier';
    return actor.isOperator ? 'operator' : null;
  }

  private async visible(ctx: RequestContext, id: string): Promise<{ actor: Actor; row: store.AfterSaleRow; side: ViewerSide }> {
    const actor = requireUser(ctx);
    const row = await store.findAfterSale(this.db, id);
    const side = row ? this.viewerSide(actor, row) : null;
    if (!row || !side) throw new DomainError(AfterSaleErrors.AFTER_SALE_NOT_FOUND);
    return { actor, row, side };
  }

  /** Whether this person may act for the side (buyer: place orders; supplier: fulfil them). */
  private mayActFor(actor: Actor, side: Side, row: { buyer_company_id: string; supplier_company_id: string }): boolean {
    return side === 'buyer' ? can(actor, 'company.orders.place', row.buyer_company_id) : can(actor, 'company.orders.fulfil', row.supplier_company_id);
  }

  // -------------------------------------------------------------------------------------------------------
  // Asking

  /** The buyer asks for a refund, a return and refund, or an exchange on a paid order, within the window. */
  async create(ctx: RequestContext, input: CreateInput, opts: At = {}): Promise<AfterSaleView> {
    const actor = requireUser(ctx);
    const at = opts.at ?? new Date();
    const order = await this.deps.orders.forParty(null, input.orderId);
    if (!order || !can(actor, 'company.orders.view', order.buyerCompanyId) || !actor.memberships.some((m) => m.companyId === order.buyerCompanyId)) {
      throw new DomainError(AfterSaleErrors.AFTER_SALE_ORDER_NOT_FOUND);
    }
    if (!can(actor, 'company.orders.place', order.buyerCompanyId)) throw new DomainError(PlatformErrors.FORBIDDEN);
    const evidenceProblems = await this.evidenceProblems(input.evidenceIds, order.buyerCompanyId, ctx.locale, 'body.evidenceIds');
    if (evidenceProblems.length) throw new DomainError(AfterSaleErrors.AFTER_SALE_INVALID, { count: evidenceProblems.length }, evidenceProblems);
    const { afterSalesWindowDays } = await this.deps.orders.settings();
    const names = await this.deps.companies.namesOf([order.buyerCompanyId, order.supplierCompanyId]);

    const id = uuidv7(at.getTime());
    await this.platform.database.transaction(async (trx) => {
      await store.lockOrder(trx, order.id);
      const current = (await this.deps.orders.forParty(trx, order.id)) ?? order;
      const { lines, amount, beforeShipment } = this.checkRequest(ctx.locale, current, input, afterSalesWindowDays, at);
      if (await store.openForOrder(trx, order.id)) throw new DomainError(AfterSaleErrors.AFTER_SALE_ALREADY_OPEN);
      const evidenceIds = [...new Set(input.evidenceIds)];
      await store.insertAfterSale(trx, {
        id, orderId: order.id, orderNumber: current.number, buyerCompanyId: order.buyerCompanyId, supplierCompanyId: order.supplierCompanyId,
        kind: input.kind, reason: input.reason, description: input.description, evidenceIds, lines, beforeShipment,
        amountRequested: amount, dueAt: dueAt('requested', at), createdBy: actor.userId, at,
      });
      await store.insertStep(trx, {
        id: uuidv7(at.getTime()), afterSaleId: id, at, actorUserId: actor.userId, actorName: actor.name, side: 'buyer', action: 'request',
        fromStatus: null, toStatus: 'requested', note: input.description, evidenceIds, amount,
      });
      const parties = { afterSaleId: id, orderId: order.id, orderNumber: current.number, buyerCompanyId: order.buyerCompanyId, supplierCompanyId: order.supplierCompanyId };
      await record(trx, actor.userId, { type: 'after_sale.requested', payload: { ...parties, kind: input.kind, amount, reason: input.reason, at: at.toISOString() } });
      const reason = REASON_NAMES[input.reason] ?? { zh: input.reason, en: input.reason };
      await this.deps.notifications.notify(trx, {
        kind: 'after_sale.requested', to: { companyId: order.supplierCompanyId, roles: SELLER_ROLES }, link: `/workbench/after-sales/${id}`,
        excludeUserIds: [actor.userId], dedupeKey: `after_sale.requested:${id}`,
        params: {
          order: current.number, amount: yuan(amount), kindZh: KIND_NAMES[input.kind].zh, kindEn: KIND_NAMES[input.kind].en,
          reasonZh: reason.zh, reasonEn: reason.en, buyer: names.get(order.buyerCompanyId) ?? '',
        },
      });
    });
    return this.get(ctx, id);
  }

  /** The request's lines and amount, checked against the order as it is now (throws with field errors). */
  private checkRequest(locale: Locale, order: OrderForParty, input: CreateInput, windowDays: number, at: Date): { lines: store.ReturnLine[]; amount: number; beforeShipment: boolean } {
    if (!ELIGIBLE_ORDER_STATUSES.has(order.status)) {
      throw new DomainError(AfterSaleErrors.AFTER_SALE_ORDER_NOT_ELIGIBLE, { status: order.status.replace(/_/g, ' '), statusZh: orderStatusZh(order.status) });
    }
    const receivedAt = toDate(order.receivedAt);
    if (order.status === 'received' && receivedAt) {
      const until = new Date(receivedAt.getTime() + windowDays * DAY_MS);
      if (at > until) throw new DomainError(AfterSaleErrors.AFTER_SALE_WINDOW_CLOSED, { until: until.toISOString().slice(0, 10) });
    }
    const refundable = refundableOf(order);
    const wantsMoney = input.kind !== 'exchange';
    if (wantsMoney && refundable <= 0) throw new DomainError(AfterSaleErrors.AFTER_SALE_NOTHING_TO_REFUND);

    const shippedAny = order.lines.some((l) => l.shippedQuantity > 0);
    if (!shippedAny) {
      // "Don't ship": nothing left the warehouse, so the only request is the whole order's money back.
      if (input.kind !== 'refund_only') throw new DomainError(AfterSaleErrors.AFTER_SALE_NOT_SHIPPED_ONLY_REFUND);
      if (input.amount !== undefined && input.amount !== refundable) {
        const errors = [{ path: 'body.amount', message: say(locale, `未发货只能全额退款 ¥${yuan(refundable)}`, `before shipment the refund is the full ¥${yuan(refundable)}`) }];
        throw new DomainError(AfterSaleErrors.AFTER_SALE_INVALID, { count: 1 }, errors);
      }
      return { lines: [], amount: refundable, beforeShipment: true };
    }

    const errors: FieldError[] = [];
    const byId = new Map(order.lines.map((l) => [l.id, l]));
    const seen = new Set<string>();
    const lines: store.ReturnLine[] = [];
    let linesValue = 0;
    input.lines.forEach((l, i) => {
      const path = `body.lines.${i}`;
      const line = byId.get(l.lineId);
      if (!line) {
        errors.push({ path: `${path}.lineId`, message: say(locale, '不是该订单的商品行', 'not a line of this order') });
        return;
      }
      if (seen.has(l.lineId)) {
        errors.push({ path: `${path}.lineId`, message: say(locale, '商品行重复', 'this line appears twice') });
        return;
      }
      seen.add(l.lineId);
      const max = round3(input.kind === 'refund_only' ? line.quantity - line.returnedQuantity : line.shippedQuantity - line.returnedQuantity);
      if (l.quantity > max) {
        errors.push({ path: `${path}.quantity`, message: say(locale, `最多 ${max} ${line.unit}`, `at most ${max} ${line.unit}`) });
        return;
      }
      lines.push({ lineId: l.lineId, quantity: l.quantity });
      linesValue += Math.round(l.quantity * line.unitPrice);
    });
    if (input.kind !== 'refund_only' && input.lines.length === 0) {
      errors.push({ path: 'body.lines', message: say(locale, '请选择要退回的商品和数量', 'choose the goods and quantities to send back') });
    }
    let amount = 0;
    const lineErrors = errors.length > 0;
    if (wantsMoney && !(input.amount === undefined && lineErrors)) {
      amount = input.amount ?? Math.min(linesValue, refundable);
      if (input.amount === undefined && lines.length === 0) {
        errors.push({ path: 'body.amount', message: say(locale, '请填写退款金额或选择商品', 'give the amount or choose the goods') });
      } else if (amount <= 0) {
        errors.push({ path: 'body.amount', message: say(locale, '退款金额须大于 0', 'the refund must be more than 0') });
      } else if (amount > refundable) {
        errors.push({ path: 'body.amount', message: say(locale, `最多可退 ¥${yuan(refundable)}`, `at most ¥${yuan(refundable)} is refundable`) });
      }
    } else if (input.amount !== undefined) {
      errors.push({ path: 'body.amount', message: say(locale, '换货不涉及退款金额', 'an exchange asks for no money') });
    }
    if (errors.length) throw new DomainError(AfterSaleErrors.AFTER_SALE_INVALID, { count: errors.length }, errors);
    return { lines, amount, beforeShipment: false };
  }

  /** Evidence must be files the acting company uploaded as attachments (POST /api/v1/files?purpose=attachment). */
  private async evidenceProblems(ids: string[], companyId: string, locale: Locale, prefix: string): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const [i, id] of ids.entries()) {
      const meta = await this.deps.files.metadata(id);
      if (!meta || meta.ownerCompanyId !== companyId || meta.purpose !== 'attachment' || !EVIDENCE_TYPES.has(meta.contentType)) {
        errors.push({ path: `${prefix}.${i}`, message: say(locale, '凭证不存在,或不是本企业上传的附件(purpose=attachment)', 'not an attachment uploaded by your company (purpose=attachment)') });
      }
    }
    return errors;
  }

  // -------------------------------------------------------------------------------------------------------
  // The two sides' actions

  async act(ctx: RequestContext, id: string, body: ActionBody, opts: At = {}): Promise<AfterSaleView> {
    const { actor, row, side } = await this.visible(ctx, id);
    const action = body.action;
    if (side === 'operator' || !sideMay(action, side)) {
      const must = action === 'escalate' ? null : (['accept-proposal', 'ship-return', 'withdraw'].includes(action) ? 'buyer' : 'supplier');
      throw new DomainError(AfterSaleErrors.AFTER_SALE_WRONG_SIDE, { side: must === 'buyer' ? 'buyer' : 'seller', sideZh: must === 'buyer' ? '买家' : '卖家' });
    }
    if (!this.mayActFor(actor, side, row)) throw new DomainError(PlatformErrors.FORBIDDEN);
    const at = opts.at ?? new Date();
    if (body.action === 'reject' || body.action === 'escalate') {
      const own = side === 'buyer' ? row.buyer_company_id : row.supplier_company_id;
      const errors = await this.evidenceProblems(body.evidenceIds, own, ctx.locale, 'body.evidenceIds');
      if (errors.length) throw new DomainError(AfterSaleErrors.AFTER_SALE_INVALID, { count: errors.length }, errors);
    }
    if (body.action === 'confirm-return' && row.kind === 'exchange' && !body.replacement) {
      const errors = [{ path: 'body.replacement', message: say(ctx.locale, '换货请填写补发的物流公司和运单号', 'give the carrier and waybill of the replacement') }];
      throw new DomainError(AfterSaleErrors.AFTER_SALE_INVALID, { count: 1 }, errors);
    }

    await this.platform.database.transaction(async (trx) => {
      const current = await store.findAfterSale(trx, id, true);
      if (!current) throw new DomainError(AfterSaleErrors.AFTER_SALE_NOT_FOUND);
      if (!statusAllows(action, current.status, current.kind)) {
        throw new DomainError(AfterSaleErrors.AFTER_SALE_ACTION_NOT_ALLOWED, { status: current.status, statusZh: STATUS_ZH[current.status], action, actionZh: ACTION_ZH[action] });
      }
      const by = { userId: actor.userId, name: actor.name };
      switch (body.action) {
        case 'accept': {
          if (current.kind === 'refund_only') {
            const amount = await this.refund(trx, current, current.amount_requested, { source: 'after_sale', sourceId: current.id, reason: 'after_sale.accepted' });
            await this.transition(trx, current, by, at, { status: 'refunded', patch: { amountRefunded: current.amount_refunded + amount }, step: { side, action, note: body.note, amount } });
            await this.accepted(trx, current, actor.userId, at);
            await this.resolved(trx, current, actor.userId, at, 'refunded', amount, 'agreement');
          } else {
            await this.transition(trx, current, by, at, { status: 'awaiting_return', step: { side, action, note: body.note } });
            await this.accepted(trx, current, actor.userId, at);
          }
          break;
        }
        case 'reject': {
          await this.transition(trx, current, by, at, { status: 'rejected', patch: { sellerReason: body.reason }, step: { side, action, note: body.reason, evidenceIds: body.evidenceIds } });
          await record(trx, actor.userId, { type: 'after_sale.rejected', payload: { ...this.parties(current), stage: current.status === 'return_shipped' ? 'return' : 'request', at: at.toISOString() } });
          await this.notifyBuyer(trx, current, 'after_sale.rejected', { reason: body.reason }, actor.userId);
          break;
        }
        case 'propose': {
          const order = await this.order(trx, current.order_id);
          const refundable = refundableOf(order);
          const cap = current.kind === 'exchange' ? refundable : Math.min(current.amount_requested - 1, refundable);
          if (body.amount > cap) {
            throw new DomainError(AfterSaleErrors.AFTER_SALE_PROPOSAL_INVALID, { requested: yuan(current.amount_requested), refundable: yuan(refundable) });
          }
          await this.transition(trx, current, by, at, { status: 'partial_proposed', patch: { amountProposed: body.amount }, step: { side, action, note: body.note, amount: body.amount } });
          await record(trx, actor.userId, { type: 'after_sale.proposed', payload: { ...this.parties(current), amount: body.amount, at: at.toISOString() } });
          await this.notifyBuyer(trx, current, 'after_sale.proposed', { amount: yuan(body.amount), reason: body.note }, actor.userId);
          break;
        }
        case 'accept-proposal': {
          const amount = await this.refund(trx, current, current.amount_proposed ?? 0, { source: 'after_sale', sourceId: current.id, reason: 'after_sale.partial' });
          await this.transition(trx, current, by, at, { status: 'refunded', patch: { amountRefunded: current.amount_refunded + amount }, step: { side, action, note: body.note, amount } });
          await this.resolved(trx, current, actor.userId, at, 'refunded', amount, 'agreement');
          await this.notifySupplier(trx, current, 'after_sale.proposal_accepted', { amount: yuan(amount) }, actor.userId);
          break;
        }
        case 'ship-return': {
          await this.transition(trx, current, by, at, {
            status: 'return_shipped', patch: { returnShipment: { carrier: body.carrier, waybillNo: body.waybillNo, at } },
            step: { side, action, note: [`${body.carrier} ${body.waybillNo}`, body.note].filter(Boolean).join(' · ') },
          });
          await record(trx, actor.userId, { type: 'after_sale.return_shipped', payload: { ...this.parties(current), carrier: body.carrier, waybillNo: body.waybillNo, at: at.toISOString() } });
          await this.notifySupplier(trx, current, 'after_sale.return_shipped', { carrier: body.carrier, waybillNo: body.waybillNo }, actor.userId);
          break;
        }
        case 'confirm-return': {
          if (current.kind === 'exchange') {
            const replacement = body.replacement!;
            await this.transition(trx, current, by, at, {
              status: 'exchanged', patch: { replacement },
              step: { side, action, note: [`${replacement.carrier} ${replacement.waybillNo}`, body.note].filter(Boolean).join(' · ') },
            });
            await this.resolved(trx, current, actor.userId, at, 'exchanged', 0, 'agreement');
            await this.notifyBuyer(trx, current, 'after_sale.exchanged', { carrier: replacement.carrier, waybillNo: replacement.waybillNo }, actor.userId);
          } else {
            const amount = await this.refund(trx, current, current.amount_requested, { source: 'after_sale', sourceId: current.id, reason: 'after_sale.return', restock: current.lines });
            await this.transition(trx, current, by, at, { status: 'refunded', patch: { amountRefunded: current.amount_refunded + amount }, step: { side, action, note: body.note, amount } });
            await this.resolved(trx, current, actor.userId, at, 'refunded', amount, 'agreement');
          }
          break;
        }
        case 'withdraw': {
          await this.transition(trx, current, by, at, { status: 'withdrawn', step: { side, action, note: body.note } });
          await this.resolved(trx, current, actor.userId, at, 'withdrawn', 0, 'agreement');
          await this.notifySupplier(trx, current, 'after_sale.withdrawn', {}, actor.userId);
          break;
        }
        case 'escalate': {
          await this.escalate(trx, current, { userId: actor.userId, name: actor.name, side, reason: body.reason, evidenceIds: body.evidenceIds }, at);
          break;
        }
      }
    });
    return this.get(ctx, id);
  }

  private parties(row: store.AfterSaleRow) {
    return { afterSaleId: row.id, orderId: row.order_id, orderNumber: row.order_number, buyerCompanyId: row.buyer_company_id, supplierCompanyId: row.supplier_company_id };
  }

  private async order(trx: Db, orderId: string): Promise<OrderForParty> {
    const order = await this.deps.orders.forParty(trx, orderId);
    if (!order) throw new DomainError(AfterSaleErrors.AFTER_SALE_ORDER_NOT_FOUND);
    return order;
  }

  /**
   * Refunds through the orders module in this transaction: the asked amount, or what is left refundable when other
   * refunds came first. Returns the amount refunded; throws when nothing is left.
   */
  private async refund(trx: Db, row: store.AfterSaleRow, wanted: number, r: { source: 'after_sale' | 'dispute'; sourceId: string; reason: string; restock?: store.ReturnLine[] }): Promise<number> {
    const order = await this.order(trx, row.order_id);
    const amount = Math.min(wanted, refundableOf(order));
    if (amount <= 0) throw new DomainError(AfterSaleErrors.AFTER_SALE_NOTHING_TO_REFUND);
    await this.deps.orders.refund(trx, {
      orderId: row.order_id, amount, reason: r.reason, source: r.source, sourceId: r.sourceId,
      ...(r.restock && r.restock.length ? { restock: r.restock } : {}),
    });
    await this.notifyBuyer(trx, row, 'after_sale.refunded', { amount: yuan(amount) }, null);
    return amount;
  }

  /** Moves the request to a new status with its step; sets the next deadline (or clears it) and resolved_at at the end. */
  private async transition(trx: Db, row: store.AfterSaleRow, by: { userId: string | null; name: string }, at: Date, t: Transition): Promise<void> {
    await store.updateAfterSale(trx, row.id, { ...t.patch, status: t.status, dueAt: dueAt(t.status, at), ...(isOpen(t.status) ? {} : { resolvedAt: at }) }, at);
    await store.insertStep(trx, {
      id: uuidv7(at.getTime()), afterSaleId: row.id, at, actorUserId: by.userId, actorName: by.name, side: t.step.side, action: t.step.action,
      fromStatus: row.status, toStatus: t.status, note: t.step.note, evidenceIds: t.step.evidenceIds ?? [], amount: t.step.amount ?? null,
    });
  }

  private async accepted(trx: Db, row: store.AfterSaleRow, actorUserId: string, at: Date): Promise<void> {
    await record(trx, actorUserId, { type: 'after_sale.accepted', payload: { ...this.parties(row), kind: row.kind, at: at.toISOString() } });
    if (row.kind !== 'refund_only') {
      await this.notifyBuyer(trx, row, 'after_sale.accepted', {
        nextZh: `请在 ${dueAt('awaiting_return', at)!.toISOString().slice(0, 10)} 前寄回商品并填写运单号。`,
        nextEn: `Please send the goods back and enter the waybill by ${dueAt('awaiting_return', at)!.toISOString().slice(0, 10)}.`,
      }, actorUserId);
    }
  }

  private async resolved(trx: Db, row: store.AfterSaleRow, actorUserId: string | null, at: Date, outcome: AfterSaleOutcome, amount: number, via: 'agreement' | 'dispute' | 'lapse'): Promise<void> {
    await record(trx, actorUserId, { type: 'after_sale.resolved', payload: { ...this.parties(row), kind: row.kind, outcome, amount, via, at: at.toISOString() } });
  }

  private async escalate(trx: Db, row: store.AfterSaleRow, by: { userId: string | null; name: string; side: Side | 'system'; reason: string; evidenceIds: string[] }, at: Date): Promise<void> {
    const disputeId = uuidv7(at.getTime());
    const openedByCompany = by.side === 'buyer' ? row.buyer_company_id : by.side === 'supplier' ? row.supplier_company_id : null;
    await store.insertDispute(trx, {
      id: disputeId, afterSaleId: row.id, orderId: row.order_id, buyerCompanyId: row.buyer_company_id, supplierCompanyId: row.supplier_company_id,
      openedByCompany, openedBySide: by.side, reason: by.reason, at,
    });
    await this.transition(trx, row, by, at, { status: 'escalated', step: { side: by.side, action: 'escalate', note: by.reason, evidenceIds: by.evidenceIds } });
    await record(trx, by.userId, { type: 'dispute.opened', payload: { ...this.parties(row), disputeId, openedBy: by.side, at: at.toISOString() } });
    const params = by.side === 'system'
      ? { whyZh: `对方未在期限内处理,已自动转为纠纷。${by.reason}`, whyEn: `The other party did not act in time, so it became a dispute. ${by.reason}` }
      : { whyZh: `${by.side === 'buyer' ? '买家' : '卖家'}申请平台介入:${by.reason}`, whyEn: `The ${by.side === 'buyer' ? 'buyer' : 'seller'} asked the platform to step in: ${by.reason}` };
    const exclude = by.userId;
    if (by.side !== 'supplier') await this.notifySupplier(trx, row, 'dispute.opened', params, exclude);
    if (by.side !== 'buyer') await this.notifyBuyer(trx, row, 'dispute.opened', params, exclude);
  }

  private async notifyBuyer(trx: Db, row: store.AfterSaleRow, kind: string, params: Record<string, string>, actorUserId: string | null): Promise<void> {
    await this.deps.notifications.notify(trx, {
      kind, to: { companyId: row.buyer_company_id, roles: BUYER_ROLES }, link: `/workbench/after-sales/${row.id}`,
      params: { order: row.order_number, ...params }, ...(actorUserId ? { excludeUserIds: [actorUserId] } : {}),
    });
  }

  private async notifySupplier(trx: Db, row: store.AfterSaleRow, kind: string, params: Record<string, string>, actorUserId: string | null): Promise<void> {
    await this.deps.notifications.notify(trx, {
      kind, to: { companyId: row.supplier_company_id, roles: SELLER_ROLES }, link: `/workbench/after-sales/${row.id}`,
      params: { order: row.order_number, ...params }, ...(actorUserId ? { excludeUserIds: [actorUserId] } : {}),
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Arbitration (operators)

  async decide(ctx: RequestContext, disputeId: string, input: DecideInput, opts: At = {}): Promise<DisputeView> {
    const operator = requireOperator(ctx);
    const at = opts.at ?? new Date();
    await this.platform.database.transaction(async (trx) => {
      const dispute = await store.findDispute(trx, disputeId, true);
      if (!dispute) throw new DomainError(AfterSaleErrors.DISPUTE_NOT_FOUND);
      if (dispute.status !== 'open') throw new DomainError(AfterSaleErrors.DISPUTE_ALREADY_DECIDED);
      const row = await store.findAfterSale(trx, dispute.after_sale_id, true);
      if (!row) throw new DomainError(AfterSaleErrors.AFTER_SALE_NOT_FOUND);
      const order = await this.order(trx, row.order_id);
      const refundable = refundableOf(order);
      const amount = this.decidedAmount(ctx.locale, input, row, refundable);
      // Goods the buyer sent back are the seller's again when the buyer wins a return: they go back into stock.
      const restock = input.decision === 'buyer' && row.kind === 'return_refund' && row.return_shipped_at ? row.lines : undefined;
      let refunded = 0;
      if (amount > 0) refunded = await this.refund(trx, row, amount, { source: 'dispute', sourceId: dispute.id, reason: `dispute.${input.decision}`, ...(restock ? { restock } : {}) });
      await store.decideDispute(trx, dispute.id, { decision: input.decision, refundAmount: refunded, note: input.note, by: operator.userId, at });
      const status: AfterSaleStatus = refunded > 0 ? 'refunded' : 'closed';
      await this.transition(trx, row, { userId: operator.userId, name: operator.name }, at, {
        status, patch: { amountRefunded: row.amount_refunded + refunded }, step: { side: 'operator', action: 'decide', note: input.note, amount: refunded },
      });
      const against = input.decision === 'buyer' ? 'supplier' : input.decision === 'seller' ? 'buyer' : null;
      await record(trx, operator.userId, { type: 'dispute.decided', payload: { ...this.parties(row), disputeId: dispute.id, decision: input.decision, against, refundAmount: refunded, at: at.toISOString() } });
      await this.resolved(trx, row, operator.userId, at, refunded > 0 ? 'refunded' : 'closed', refunded, 'dispute');
      const decision = {
        buyer: { zh: '支持买家。', en: 'Decided for the buyer.' },
        seller: { zh: '支持卖家。', en: 'Decided for the seller.' },
        partial: { zh: '部分支持买家。', en: 'Partly for the buyer.' },
      }[input.decision];
      const params = { decisionZh: decision.zh, decisionEn: decision.en, amount: yuan(refunded), note: input.note };
      await this.notifyBuyer(trx, row, 'dispute.decided', params, operator.userId);
      await this.notifySupplier(trx, row, 'dispute.decided', params, operator.userId);
    });
    return this.getDispute(ctx, disputeId);
  }

  private decidedAmount(locale: Locale, input: DecideInput, row: store.AfterSaleRow, refundable: number): number {
    const invalid = (message: string) => new DomainError(AfterSaleErrors.DISPUTE_DECISION_INVALID, { count: 1 }, [{ path: 'body.refundAmount', message }]);
    switch (input.decision) {
      case 'seller':
        if (input.refundAmount !== undefined) throw invalid(say(locale, '支持卖家时不退款', 'a decision for the seller refunds nothing'));
        return 0;
      case 'buyer': {
        const amount = input.refundAmount ?? Math.min(row.amount_requested, refundable);
        if (amount <= 0) throw invalid(say(locale, '请填写退款金额', 'give the refund amount'));
        if (amount > refundable) throw invalid(say(locale, `最多可退 ¥${yuan(refundable)}`, `at most ¥${yuan(refundable)} is refundable`));
        return amount;
      }
      case 'partial': {
        if (input.refundAmount === undefined) throw invalid(say(locale, '部分支持须填写退款金额', 'a partial decision needs the refund amount'));
        if (row.amount_requested > 0 && input.refundAmount >= row.amount_requested) {
          throw invalid(say(locale, `部分退款须少于申请的 ¥${yuan(row.amount_requested)}`, `a partial refund is less than the ¥${yuan(row.amount_requested)} asked`));
        }
        if (input.refundAmount > refundable) throw invalid(say(locale, `最多可退 ¥${yuan(refundable)}`, `at most ¥${yuan(refundable)} is refundable`));
        return input.refundAmount;
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Deadlines

  /** Acts on requests whose waiting party ran out of time: a silent seller escalates, a silent buyer lapses. */
  async sweep(now = new Date()): Promise<{ escalated: number; lapsed: number }> {
    const result = { escalated: 0, lapsed: 0 };
    for (const id of await store.dueIds(this.db, now, 200)) {
      await this.platform.database.transaction(async (trx) => {
        const row = await store.findAfterSale(trx, id, true);
        if (!row || !row.due_at || row.due_at > now) return;
        const outcome = sweepOutcome(row.status);
        if (outcome === 'escalate') {
          const reason = row.status === 'requested'
            ? 'seller_no_response: 卖家未在期限内处理申请 / the seller did not answer in time'
            : 'return_not_confirmed: 卖家未在期限内确认收到退货 / the seller did not confirm the returned goods in time';
          await this.escalate(trx, row, { userId: null, name: '', side: 'system', reason, evidenceIds: [] }, now);
          result.escalated++;
        } else if (outcome === 'lapse') {
          const why = row.status === 'awaiting_return'
            ? { zh: '买家未在期限内寄回商品。', en: 'The goods were not sent back in time.' }
            : { zh: '买家未在期限内回应,卖家的处理结果生效。', en: "The buyer did not answer in time; the seller's answer stands." };
          await this.transition(trx, row, { userId: null, name: '' }, now, { status: 'closed', step: { side: 'system', action: 'lapse', note: why.en } });
          await this.resolved(trx, row, null, now, 'closed', 0, 'lapse');
          await this.notifyBuyer(trx, row, 'after_sale.closed', { whyZh: why.zh, whyEn: why.en }, null);
          await this.notifySupplier(trx, row, 'after_sale.closed', { whyZh: why.zh, whyEn: why.en }, null);
          result.lapsed++;
        }
      });
    }
    return result;
  }

  // -------------------------------------------------------------------------------------------------------
  // Reading

  /** For the orders module's completion sweep: whether the order has an open request (it then waits). */
  async hasOpen(orderId: string): Promise<boolean> {
    return (await store.openForOrder(this.db, orderId)) !== undefined;
  }

  async list(ctx: RequestContext, q: ListQuery): Promise<{ items: AfterSaleListItem[]; nextCursor: string | null }> {
    const actor = requireUser(ctx);
    const companyId = q.companyId ?? actor.activeCompanyId;
    if (!companyId) throw new DomainError(PlatformErrors.FORBIDDEN);
    authorize(ctx, 'company.orders.view', companyId);
    const rows = await store.listAfterSales(this.db, {
      companyId, side: q.side, status: q.status, orderId: q.orderId, beforeId: decodeCursor(q.cursor), limit: q.limit + 1,
    });
    const items = await this.listItems(actor, rows);
    return page(items, q.limit);
  }

  async counts(ctx: RequestContext, companyId?: string): Promise<{ buyer: { open: number; awaitingMe: number }; seller: { open: number; awaitingMe: number } }> {
    const actor = requireUser(ctx);
    const id = companyId ?? actor.activeCompanyId;
    if (!id) throw new DomainError(PlatformErrors.FORBIDDEN);
    authorize(ctx, 'company.orders.view', id);
    const sum = (m: Map<AfterSaleStatus, number>, statuses: AfterSaleStatus[]) => statuses.reduce((s, k) => s + (m.get(k) ?? 0), 0);
    const open: AfterSaleStatus[] = ['requested', 'rejected', 'partial_proposed', 'awaiting_return', 'return_shipped', 'escalated'];
    const [b, s] = await Promise.all([store.statusCounts(this.db, id, 'buyer'), store.statusCounts(this.db, id, 'seller')]);
    return {
      buyer: { open: sum(b, open), awaitingMe: sum(b, ['rejected', 'partial_proposed', 'awaiting_return']) },
      seller: { open: sum(s, open), awaitingMe: sum(s, ['requested', 'return_shipped']) },
    };
  }

  async get(ctx: RequestContext, id: string): Promise<AfterSaleView> {
    const { actor, row } = await this.visible(ctx, id);
    const [item] = await this.listItems(actor, [row]);
    const order = await this.deps.orders.forParty(null, row.order_id);
    const byId = new Map((order?.lines ?? []).map((l) => [l.id, l]));
    const lines = (row.before_shipment && order ? order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) : row.lines).map((l) => {
      const line = byId.get(l.lineId);
      return { lineId: l.lineId, quantity: l.quantity, titleZh: line?.titleZh ?? '', titleEn: line?.titleEn ?? null, skuLabel: line?.skuLabel ?? '', skuLabelEn: line?.skuLabelEn ?? null, unit: line?.unit ?? '', unitPrice: line?.unitPrice ?? 0 };
    });
    const steps: StepView[] = [];
    for (const s of await store.stepsOf(this.db, id)) {
      steps.push({
        id: s.id, at: s.at, actorName: s.actor_name, side: s.side, action: s.action, fromStatus: s.from_status, toStatus: s.to_status, note: s.note,
        evidence: await this.evidenceViews(id, s.evidence_ids), amount: s.amount,
      });
    }
    return { ...item!, lines, evidence: await this.evidenceViews(id, row.evidence_ids), refundable: order ? refundableOf(order) : 0, steps };
  }

  private async listItems(actor: Actor, rows: store.AfterSaleRow[]): Promise<AfterSaleListItem[]> {
    const names = await this.deps.companies.partiesOf([...new Set(rows.flatMap((r) => [r.buyer_company_id, r.supplier_company_id]))]);
    const disputes = await store.disputesOf(this.db, rows.map((r) => r.id));
    return rows.map((r) => {
      const side = this.viewerSide(actor, r) ?? 'operator';
      const d = disputes.get(r.id);
      return {
        id: r.id, orderId: r.order_id, orderNumber: r.order_number,
        buyer: companyRef(r.buyer_company_id, names), supplier: companyRef(r.supplier_company_id, names),
        kind: r.kind, status: r.status, reason: r.reason, description: r.description, beforeShipment: r.before_shipment, currency: 'CNY',
        amountRequested: r.amount_requested, amountProposed: r.amount_proposed, amountRefunded: r.amount_refunded, sellerReason: r.seller_reason,
        returnShipment: r.return_carrier && r.return_waybill_no && r.return_shipped_at ? { carrier: r.return_carrier, waybillNo: r.return_waybill_no, shippedAt: r.return_shipped_at } : null,
        replacement: r.replacement_carrier && r.replacement_waybill_no ? { carrier: r.replacement_carrier, waybillNo: r.replacement_waybill_no } : null,
        dueAt: r.due_at, createdAt: r.created_at, updatedAt: r.updated_at, resolvedAt: r.resolved_at,
        viewerSide: side,
        actions: side === 'operator' || !this.mayActFor(actor, side, r) ? [] : allowedActions(r.status, r.kind, side),
        dispute: d ? disputeSummary(d) : null,
      };
    });
  }

  private async evidenceViews(afterSaleId: string, ids: string[]): Promise<EvidenceView[]> {
    const out: EvidenceView[] = [];
    for (const id of ids) {
      const meta = await this.deps.files.metadata(id);
      if (meta) out.push({ id, url: `/api/v1/after-sales/${afterSaleId}/evidence/${id}`, contentType: meta.contentType, byteSize: meta.byteSize });
    }
    return out;
  }

  /** The bytes of an evidence file, for the two sides and operators. */
  async evidence(ctx: RequestContext, id: string, fileId: string) {
    await this.visible(ctx, id);
    if (!(await store.hasEvidence(this.db, id, fileId))) throw new DomainError(AfterSaleErrors.AFTER_SALE_NOT_FOUND);
    const file = await this.deps.readFile(fileId);
    if (!file) throw new DomainError(AfterSaleErrors.AFTER_SALE_NOT_FOUND);
    return file;
  }

  async listDisputes(ctx: RequestContext, q: { status?: 'open' | 'decided' | undefined; cursor?: string | undefined; limit: number }): Promise<{ items: DisputeListItem[]; nextCursor: string | null }> {
    requireOperator(ctx);
    const rows = await store.listDisputes(this.db, { status: q.status, beforeId: decodeCursor(q.cursor), limit: q.limit + 1 });
    return page(await this.disputeItems(rows), q.limit);
  }

  private async disputeItems(rows: store.DisputeRow[]): Promise<DisputeListItem[]> {
    const afterSales = await store.afterSalesByIds(this.db, rows.map((r) => r.after_sale_id));
    const names = await this.deps.companies.partiesOf([...new Set(rows.flatMap((r) => [r.buyer_company_id, r.supplier_company_id]))]);
    return rows.map((d) => {
      const a = afterSales.get(d.after_sale_id)!;
      return {
        ...disputeSummary(d), afterSaleId: d.after_sale_id, orderId: d.order_id, orderNumber: a.order_number,
        buyer: companyRef(d.buyer_company_id, names), supplier: companyRef(d.supplier_company_id, names),
        kind: a.kind, afterSaleStatus: a.status, amountRequested: a.amount_requested,
      };
    });
  }

  /** The arbitration file: the dispute, the request with its thread and evidence, the order, and the two companies' chat. */
  async getDispute(ctx: RequestContext, id: string): Promise<DisputeView> {
    requireOperator(ctx);
    const d = await store.findDispute(this.db, id);
    if (!d) throw new DomainError(AfterSaleErrors.DISPUTE_NOT_FOUND);
    const [item] = await this.disputeItems([d]);
    const afterSale = await this.get(ctx, d.after_sale_id);
    const o = await this.deps.orders.forParty(null, d.order_id);
    const chat = this.deps.chatLog ? await this.deps.chatLog(ctx, d.buyer_company_id, d.supplier_company_id, CHAT_LIMIT) : [];
    return {
      dispute: item!, afterSale, chat,
      order: o ? {
        id: o.id, number: o.number, status: o.status, paymentTerms: o.paymentTerms, total: o.total, escrowPaid: o.escrowPaid, escrowRefunded: o.escrowRefunded,
        receivedAt: toDate(o.receivedAt),
        lines: o.lines.map((l) => ({ id: l.id, titleZh: l.titleZh, titleEn: l.titleEn, skuLabel: l.skuLabel, skuLabelEn: l.skuLabelEn, unit: l.unit, quantity: l.quantity, shippedQuantity: l.shippedQuantity, returnedQuantity: l.returnedQuantity, unitPrice: l.unitPrice })),
      } : null,
    };
  }
}
