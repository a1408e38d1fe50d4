import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs.js';
import { formatYuan } from '../../platform/money.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireOperator } from '../../platform/policy.js';
import type { IntentView } from '../payments/index.js';
import { SettlementErrors } from './errors.js';
import { record } from './events.js';
import { SETTLEMENT_NOTIFICATION_KINDS } from './kinds.js';
import type { Deps } from './ports.js';
import type { PayoutInput, PutCreditLineInput } from './schemas.js';
import { statementFile, type StatementKind } from './statement.js';
import * as store from './store.js';

export const CURRENCY = 'CNY';
export const REPAYMENT_PURPOSE = 'credit_repayment';
const DAY = 86_400_000;
/** Statement periods are calendar days in Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** The due-soon reminder goes out this many days before the due date. */
export const DUE_SOON_DAYS = 3;

// Ledger account codes (docs/settlements.md).
export const accounts = {
  escrow: `escrow:${CURRENCY}`,
  fees: `platform:fees:${CURRENCY}`,
  inFlight: `payouts:in_flight:${CURRENCY}`,
  available: (companyId: string) => `seller:${companyId}:available:${CURRENCY}`,
  receivable: (companyId: string, currency = CURRENCY) => `receivable:${companyId}:${currency}`,
  clearing: (provider: string) => `provider:${provider}:clearing:${CURRENCY}`,
};

/** The credit limit suggested for a buyer by its credit grade (分). Ungraded or 1A: no terms. */
export const SUGGESTED_LIMITS: Record<string, number> = { '1A': 0, '2A': 5_000_000, '3A': 20_000_000, '4A': 50_000_000, '5A': 100_000_000 };
export function suggestedLimit(grade: string | null): number {
  return grade ? (SUGGESTED_LIMITS[grade] ?? 0) : 0;
}

/** Whole days late: 0 on or before the due date, at least 1 after it, then one more per full day. */
export function daysLate(dueAt: Date | null, at: Date): number {
  if (!dueAt || at.getTime() <= dueAt.getTime()) return 0;
  return Math.max(1, Math.floor((at.getTime() - dueAt.getTime()) / DAY));
}

const yuan = formatYuan;
const beijingDate = (d: Date) => new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
const beijingDayStart = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) - BEIJING_OFFSET_MS);
const PAYOUT_STATUS_ZH: Record<store.PayoutStatus, string> = { requested: '申请', paid: '到账', failed: '失败' };

export type BillStatus = 'awaiting_completion' | 'billed' | 'overdue' | 'repaid' | 'released';
/** A company's legal and English names, as accounts gives them. */
type Party = { name: string; nameEn: string | null };

export class SettlementsService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {
    deps.notifications.registerKinds(SETTLEMENT_NOTIFICATION_KINDS);
    // A repayment credits the buyer's receivable and closes the bill in the transaction that settles the payment.
    deps.payments.registerSettlement(REPAYMENT_PURPOSE, {
      account: (intent) => ({ code: accounts.receivable(intent.companyId, intent.currency), purpose: 'buyer receivable (credit terms)', companyId: intent.companyId }),
      onSucceeded: (trx, intent) => this.onRepaid(trx, intent),
    });
  }

  private get db() {
    return this.platform.database.db;
  }

  // ------------------------------------------------------------------------------------------------------
  // Seller balances and payouts

  /** available: withdrawable; pending: in escrow for the seller's unreleased orders; inFlight: payouts requested, not yet paid. */
  async balances(ctx: RequestContext, companyId: string) {
    authorize(ctx, 'company.finance.view', companyId);
    const [ledger, pending, inFlight] = await Promise.all([
      this.deps.payments.accountBalance(accounts.available(companyId)),
      this.deps.orders.escrowHeldForSeller(companyId),
      store.inFlightTotal(this.db, companyId),
    ]);
    return { companyId, currency: CURRENCY, available: -ledger, pending, inFlight };
  }

  /**
   * Moves money from the seller's available balance to payouts in flight. Requests of one company are serialized by a
   * lock, and the balance is read inside it, so concurrent requests can never take out more than is available.
   */
  async requestPayout(ctx: RequestContext, companyId: string, input: PayoutInput) {
    const actor = authorize(ctx, 'company.finance.manage', companyId);
    if (!this.deps.payments.providerNames().includes(input.provider)) throw new DomainError(SettlementErrors.PAYOUT_PROVIDER_UNAVAILABLE, { provider: input.provider });
    const row = await this.platform.database.transaction(async (trx) => {
      await store.lockSellerBalance(trx, companyId);
      const available = -(await this.deps.payments.accountBalance(accounts.available(companyId), trx));
      if (input.amount > available) throw new DomainError(SettlementErrors.PAYOUT_EXCEEDS_AVAILABLE, { available: Math.max(available, 0) });
      const payout = await store.insertPayout(trx, { id: uuidv7(), companyId, amount: input.amount, currency: CURRENCY, bank: input.bank, provider: input.provider, requestedBy: actor.userId });
      await this.deps.payments.post(trx, { kind: 'payout_request', referenceType: 'payout', referenceId: payout.id, currency: CURRENCY, memo: `提现 ${bankTail(input.bank.accountNo)} | Payout ${bankTail(input.bank.accountNo)}` }, [
        { account: accounts.available(companyId), purpose: 'seller available balance', companyId, amount: input.amount },
        { account: accounts.inFlight, purpose: 'payouts in flight', amount: -input.amount },
      ]);
      await record(trx, actor.userId, { type: 'payout.requested', companyId, subjectType: 'payout', subjectId: payout.id, payload: { payoutId: payout.id, amount: payout.amount, currency: payout.currency, provider: payout.provider } });
      // The sandbox provider pays out by itself shortly after, as an online provider would.
      if (input.provider === 'sandbox') await enqueueJob(trx, { kind: 'settlements.sandbox_payout', payload: { payoutId: payout.id }, uniqueKey: `settlements.sandbox_payout:${payout.id}` });
      return payout;
    });
    return this.payoutView(row, await this.partyOf(companyId));
  }

  async listPayouts(ctx: RequestContext, companyId: string, filter: { status?: store.PayoutStatus | undefined; cursor?: string | undefined; limit: number }) {
    authorize(ctx, 'company.finance.view', companyId);
    const [rows, party] = await Promise.all([
      store.listPayouts(this.db, { companyId, status: filter.status, beforeId: decodeCursor(filter.cursor), limit: filter.limit }),
      this.partyOf(companyId),
    ]);
    return page(rows.map((r) => this.payoutView(r, party)), filter.limit);
  }

  async adminPayouts(ctx: RequestContext, filter: { status?: store.PayoutStatus | undefined; cursor?: string | undefined; limit: number }) {
    requireOperator(ctx);
    const rows = await store.listPayouts(this.db, { status: filter.status, beforeId: decodeCursor(filter.cursor), limit: filter.limit });
    const names = await this.deps.companies.partiesOf(rows.map((r) => r.company_id));
    return page(rows.map((r) => this.payoutView(r, names.get(r.company_id))), filter.limit);
  }

  /** The provider (an operator for bank transfers) confirms the money left: in flight → out of the provider's account. */
  async confirmPayout(ctx: RequestContext, id: string, bankReference: string) {
    const actor = requireOperator(ctx);
    const row = await this.settlePayout(id, { outcome: 'paid', bankReference, actorUserId: actor.userId });
    return this.payoutView(row, await this.partyOf(row.company_id));
  }

  /** The transfer failed (wrong account, rejected): the amount goes back to the seller's available balance. */
  async failPayout(ctx: RequestContext, id: string, reason: string) {
    const actor = requireOperator(ctx);
    const row = await this.settlePayout(id, { outcome: 'failed', reason, actorUserId: actor.userId });
    return this.payoutView(row, await this.partyOf(row.company_id));
  }

  /** The sandbox provider's automatic payout (job). Does nothing if an operator settled it first. */
  async sandboxPayout(payoutId: string): Promise<void> {
    const p = await store.findPayout(this.db, payoutId);
    if (!p || p.status !== 'requested') return;
    await this.settlePayout(payoutId, { outcome: 'paid', bankReference: `SBX-${payoutId.replace(/-/g, '').slice(-12).toUpperCase()}`, actorUserId: null });
  }

  private async settlePayout(id: string, s: { outcome: 'paid'; bankReference: string; actorUserId: string | null } | { outcome: 'failed'; reason: string; actorUserId: string | null }) {
    return this.platform.database.transaction(async (trx) => {
      const p = await store.findPayout(trx, id, true);
      if (!p) throw new DomainError(SettlementErrors.PAYOUT_NOT_FOUND);
      if (p.status !== 'requested') throw new DomainError(SettlementErrors.PAYOUT_NOT_REQUESTED, { status: p.status, statusZh: PAYOUT_STATUS_ZH[p.status] });
      const base = { kind: '', referenceType: 'payout', referenceId: p.id, currency: p.currency };
      const tail = bankTail(p.bank.accountNo);
      if (s.outcome === 'paid') {
        await this.deps.payments.post(trx, { ...base, kind: 'payout_paid', memo: `提现到账 ${tail} | Payout paid ${tail}` }, [
          { account: accounts.inFlight, purpose: 'payouts in flight', amount: p.amount },
          { account: accounts.clearing(p.provider), purpose: 'provider clearing', amount: -p.amount },
        ]);
        const row = await store.settlePayout(trx, p.id, { status: 'paid', bankReference: s.bankReference, settledBy: s.actorUserId });
        await record(trx, s.actorUserId, { type: 'payout.paid', companyId: p.company_id, subjectType: 'payout', subjectId: p.id, payload: { payoutId: p.id, amount: p.amount, currency: p.currency, provider: p.provider, bankReference: s.bankReference } });
        await this.deps.notifications.notify(trx, {
          kind: 'payout.paid', to: { companyId: p.company_id, roles: ['owner', 'admin', 'finance'] }, link: '/workbench/finance',
          params: { amount: yuan(p.amount), bank: p.bank.name, tail, reference: s.bankReference }, dedupeKey: `payout.paid:${p.id}`,
        });
        return row;
      }
      await this.deps.payments.post(trx, { ...base, kind: 'payout_failed', memo: `提现失败退回 ${tail} | Payout reversed ${tail}` }, [
        { account: accounts.inFlight, purpose: 'payouts in flight', amount: p.amount },
        { account: accounts.available(p.company_id), purpose: 'seller available balance', companyId: p.company_id, amount: -p.amount },
      ]);
      const row = await store.settlePayout(trx, p.id, { status: 'failed', failureReason: s.reason, settledBy: s.actorUserId });
      await record(trx, s.actorUserId, { type: 'payout.failed', companyId: p.company_id, subjectType: 'payout', subjectId: p.id, payload: { payoutId: p.id, amount: p.amount, currency: p.currency, reason: s.reason } });
      await this.deps.notifications.notify(trx, {
        kind: 'payout.failed', to: { companyId: p.company_id, roles: ['owner', 'admin', 'finance'] }, link: '/workbench/finance',
        params: { amount: yuan(p.amount), reason: s.reason }, dedupeKey: `payout.failed:${p.id}`,
      });
      return row;
    });
  }

  /** One company's names (null when the company is gone). */
  private async partyOf(companyId: string): Promise<Party | undefined> {
    return (await this.deps.companies.partiesOf([companyId])).get(companyId);
  }

  private payoutView(r: store.PayoutRow, party: Party | undefined) {
    return {
      id: r.id, companyId: r.company_id, companyName: party?.name ?? null, companyNameEn: party?.nameEn ?? null, amount: r.amount, currency: r.currency, bank: r.bank, status: r.status, provider: r.provider,
      bankReference: r.bank_reference, failureReason: r.failure_reason, createdAt: r.created_at, settledAt: r.settled_at,
    };
  }

  // ------------------------------------------------------------------------------------------------------
  // Statements

  /**
   * The seller's available account between two Beijing calendar days (inclusive), with a running balance. A release
   * shows as the gross amount and the platform fee beside it (the ledger credits the seller the net).
   */
  async statement(ctx: RequestContext, companyId: string, q: { from?: string | undefined; to?: string | undefined }, now = new Date()) {
    authorize(ctx, 'company.finance.view', companyId);
    const to = q.to ?? beijingDate(now);
    const from = q.from ?? beijingDate(new Date(beijingDayStart(to).getTime() - 29 * DAY));
    const start = beijingDayStart(from);
    const end = new Date(beijingDayStart(to).getTime() + DAY);
    if (end.getTime() <= start.getTime() || end.getTime() - start.getTime() > 366 * DAY) throw new DomainError(SettlementErrors.STATEMENT_RANGE_INVALID);
    const code = accounts.available(companyId);
    const [before, entries] = await Promise.all([
      this.deps.payments.accountEntries(code, { to: start }),
      this.deps.payments.accountEntries(code, { from: start, to: end }),
    ]);
    const opening = -before.reduce((s, e) => s + e.amount, 0);
    const txIds = [...new Set(entries.filter((e) => e.kind === 'order_release').map((e) => e.transactionId))];
    const postings = await this.deps.payments.transactionPostings(txIds);
    const feeOf = new Map<string, number>();
    for (const p of postings) if (p.account.startsWith('platform:fees:')) feeOf.set(p.transactionId, (feeOf.get(p.transactionId) ?? 0) - p.amount);
    const orderIds = [...new Set(entries.filter((e) => e.referenceType === 'order').map((e) => e.referenceId))];
    const numbers = orderIds.length ? await this.deps.orders.numbersOf(orderIds) : new Map<string, string>();
    let balance = opening;
    let credits = 0;
    let debits = 0;
    const rows: Array<{ at: Date; kind: StatementKind; orderId: string | null; orderNumber: string | null; reference: string; memo: string; amount: number; balance: number }> = [];
    const push = (e: (typeof entries)[number], kind: StatementKind, amount: number) => {
      balance += amount;
      if (amount > 0) credits += amount;
      else debits -= amount;
      const orderId = e.referenceType === 'order' ? e.referenceId : null;
      rows.push({ at: e.createdAt, kind, orderId, orderNumber: orderId ? (numbers.get(orderId) ?? null) : null, reference: `${e.referenceType}:${e.referenceId}`, memo: e.memo, amount, balance });
    };
    for (const e of entries) {
      const amount = -e.amount;
      const kind = kindOf(e.kind);
      const fee = kind === 'release' ? (feeOf.get(e.transactionId) ?? 0) : 0;
      if (fee > 0) {
        push(e, 'release', amount + fee);
        push(e, 'fee', -fee);
      } else {
        push(e, kind, amount);
      }
    }
    return { companyId, currency: CURRENCY, from, to, opening, closing: balance, credits, debits, entries: rows };
  }

  async statementDownload(ctx: RequestContext, companyId: string, q: { from?: string | undefined; to?: string | undefined; format: 'csv' | 'xlsx' }) {
    const s = await this.statement(ctx, companyId, q);
    return statementFile(s, q.format, ctx.locale);
  }

  // ------------------------------------------------------------------------------------------------------
  // Reconciliation

  /** Operators: the ledger's invariants, checked now. */
  async reconciliation(ctx: RequestContext) {
    requireOperator(ctx);
    return this.reconcile();
  }

  /**
   * Every transaction balances; escrow equals the orders' unreleased paid money; receivables equal the billed, unpaid
   * credit-terms bills; payouts in flight equal the requested payouts; no seller balance is negative. Reads are not one
   * snapshot, so a mismatch is checked once more before it is reported (a payment may have committed in between).
   */
  async reconcile(retry = true): Promise<Reconciliation> {
    const [unbalanced, all, escrowOrders, billed, requested] = await Promise.all([
      this.deps.payments.reconcile(), this.deps.payments.balances(), this.deps.orders.escrowOutstanding(), store.billedOutstanding(this.db), store.inFlightTotal(this.db),
    ]);
    const sum = (pred: (code: string) => boolean) => all.filter((b) => pred(b.code)).reduce((s, b) => s + b.balance, 0);
    const escrowBalance = -sum((c) => c === accounts.escrow);
    const receivables = sum((c) => c.startsWith('receivable:'));
    const payoutsInFlight = -sum((c) => c === accounts.inFlight);
    const sellers = all.filter((b) => b.code.startsWith('seller:') && b.code.includes(':available:'));
    const result: Reconciliation = {
      ok: false,
      balanced: unbalanced.length === 0,
      unbalancedTransactions: unbalanced,
      escrowBalance, escrowOutstandingOrders: escrowOrders, escrowMatchesOrders: escrowBalance === escrowOrders,
      receivables, billedOutstanding: billed, receivablesMatchBills: receivables === billed,
      payoutsInFlight, payoutsRequested: requested, inFlightMatchesPayouts: payoutsInFlight === requested,
      sellerAvailable: -sellers.reduce((s, b) => s + b.balance, 0),
      negativeSellerBalances: sellers.filter((b) => b.balance > 0).map((b) => ({ account: b.code, balance: -b.balance })),
      platformFees: -sum((c) => c === accounts.fees),
      checkedAt: new Date(),
    };
    result.ok = result.balanced && result.escrowMatchesOrders && result.receivablesMatchBills && result.inFlightMatchesPayouts && result.negativeSellerBalances.length === 0;
    if (!result.ok && retry) {
      await new Promise((r) => setTimeout(r, 250));
      return this.reconcile(false);
    }
    return result;
  }

  // ------------------------------------------------------------------------------------------------------
  // Credit lines (operators grant; buyers see theirs)

  async adminCreditLines(ctx: RequestContext, filter: { status?: store.CreditLineStatus | undefined; cursor?: string | undefined; limit: number }) {
    requireOperator(ctx);
    const rows = await store.listCreditLines(this.db, { status: filter.status, afterCompanyId: filter.cursor, limit: filter.limit });
    const items = rows.slice(0, filter.limit);
    const ids = items.map((r) => r.company_id);
    const [names, overdue] = await Promise.all([this.deps.companies.partiesOf(ids), store.overdueByCompany(this.db, ids, new Date())]);
    return {
      items: items.map((r) => this.lineView(r, names.get(r.company_id), overdue.get(r.company_id))),
      nextCursor: rows.length > filter.limit ? (items[items.length - 1]?.company_id ?? null) : null,
    };
  }

  /** The limit the buyer's credit grade suggests, and its current line. */
  async suggestion(ctx: RequestContext, companyId: string) {
    requireOperator(ctx);
    const company = await this.deps.companies.get(ctx, companyId);
    const grade = await this.gradeOf(ctx, companyId);
    const [line, overdue, defaultTermDays] = await Promise.all([store.findCreditLine(this.db, companyId), store.overdueOf(this.db, companyId, new Date()), this.deps.orders.creditTermDays()]);
    const party = { name: company.legalName, nameEn: company.nameEn };
    return {
      companyId, companyName: party.name, companyNameEn: party.nameEn, grade, suggestedLimit: suggestedLimit(grade), defaultTermDays,
      line: line ? this.lineView(line, party, overdue) : null,
    };
  }

  /**
   * The platform's default term changed (trade settings): every company whose active line takes the default hears
   * of it, since its next orders on terms fall due on the new term. Keyed by the settings event, so a redelivery
   * notifies nobody twice.
   */
  async defaultTermChanged(trx: Db, eventId: string, previous: number, next: number): Promise<number> {
    if (previous === next) return 0;
    const companies = await store.companiesOnDefaultTerm(trx);
    for (const companyId of companies) {
      await this.deps.notifications.notify(trx, {
        kind: 'credit_terms.default_changed', to: { companyId, roles: ['owner', 'admin', 'finance', 'purchaser'] }, link: '/workbench/credit-terms',
        params: { days: next, previous }, dedupeKey: `credit_terms.default_changed:${eventId}`,
      });
    }
    return companies.length;
  }

  /** Grants, adjusts, freezes or unfreezes a buyer's credit line. Lowering the limit below what is used only stops new draws. */
  async putCreditLine(ctx: RequestContext, companyId: string, input: PutCreditLineInput) {
    const actor = requireOperator(ctx);
    const company = await this.deps.companies.get(ctx, companyId);
    const grade = await this.gradeOf(ctx, companyId);
    const suggested = suggestedLimit(grade);
    const row = await this.platform.database.transaction(async (trx) => {
      const before = await store.findCreditLine(trx, companyId, true);
      const line = await store.upsertCreditLine(trx, { companyId, limit: input.limit, status: input.status, termDays: input.termDays, suggestedFromGrade: grade, suggestedLimit: suggested, note: input.note, grantedBy: actor.userId });
      if (!before || before.credit_limit !== line.credit_limit || before.status !== line.status || before.term_days !== line.term_days) {
        await record(trx, actor.userId, {
          type: 'credit_line.changed', companyId, subjectType: 'credit_line', subjectId: companyId,
          payload: {
            limit: line.credit_limit, previousLimit: before?.credit_limit ?? null, status: line.status, previousStatus: before?.status ?? null,
            termDays: line.term_days, previousTermDays: before?.term_days ?? null, grade, suggestedLimit: suggested,
          },
        });
        await this.deps.notifications.notify(trx, {
          kind: 'credit_line.changed', to: { companyId, roles: ['owner', 'admin', 'finance', 'purchaser'] }, link: '/workbench/credit-terms',
          params: {
            limit: yuan(line.credit_limit), statusZh: line.status === 'active' ? '可用' : '已冻结', statusEn: line.status,
            termZh: line.term_days === null ? '平台默认' : `收货后 ${line.term_days} 天`, termEn: line.term_days === null ? 'the platform default' : `${line.term_days} days after receipt`,
          },
        });
      }
      return line;
    });
    return this.lineView(row, { name: company.legalName, nameEn: company.nameEn }, await store.overdueOf(this.db, companyId, new Date()));
  }

  /** The buyer's own view: the line, every bill with its state, and what is overdue. */
  async creditLineOf(ctx: RequestContext, companyId: string, now = new Date()) {
    authorize(ctx, 'company.view_private', companyId);
    const [line, draws, overdue, defaultTermDays, party] = await Promise.all([
      store.findCreditLine(this.db, companyId), store.drawsOf(this.db, companyId), store.overdueOf(this.db, companyId, now), this.deps.orders.creditTermDays(),
      this.partyOf(companyId),
    ]);
    const numbers = draws.length ? await this.deps.orders.numbersOf(draws.map((d) => d.order_id)) : new Map<string, string>();
    return {
      companyId,
      line: line ? this.lineView(line, party, overdue) : null,
      defaultTermDays,
      bills: draws.map((d) => billView(d, numbers.get(d.order_id) ?? null, now)),
      overdue,
    };
  }

  /** Opens (or returns the open) payment of a billed bill's outstanding amount; paying it credits the receivable. */
  async repay(ctx: RequestContext, drawId: string, provider: 'sandbox' | 'bank_transfer', now = new Date()) {
    const existing = await store.findDraw(this.db, drawId);
    if (!existing) throw new DomainError(SettlementErrors.CREDIT_DRAW_NOT_FOUND);
    const actor = authorize(ctx, 'company.finance.manage', existing.company_id);
    const numbers = await this.deps.orders.numbersOf([existing.order_id]);
    const number = numbers.get(existing.order_id) ?? existing.order_id.slice(0, 8);
    const open = existing.repayment_intent_id ? await this.deps.payments.get(ctx, existing.repayment_intent_id) : null;
    const result = await this.platform.database.transaction(async (trx) => {
      const d = await store.findDraw(trx, drawId, true);
      if (!d) throw new DomainError(SettlementErrors.CREDIT_DRAW_NOT_FOUND);
      notPayable(d);
      if (open && open.id === d.repayment_intent_id && open.status === 'requires_payment') return { draw: d, intent: open };
      const intent = await this.deps.payments.createIntent(trx, {
        companyId: d.company_id, purpose: REPAYMENT_PURPOSE, referenceId: d.id, amount: d.amount - d.released, currency: d.currency, provider,
        description: `账期还款 订单 ${number} | Credit-terms repayment, order ${number}`, createdBy: actor.userId,
      });
      const draw = await store.updateDraw(trx, d.id, { repayment_intent_id: intent.id });
      return { draw, intent };
    });
    const i = result.intent;
    return {
      bill: billView(result.draw, numbers.get(result.draw.order_id) ?? null, now),
      intent: { id: i.id, amount: i.amount, currency: i.currency, provider: i.provider, status: i.status, payUrl: i.payUrl, instructions: i.instructions },
    };
  }

  /** payments' settlement hook for purpose credit_repayment, inside the transaction that settles the payment. */
  private async onRepaid(trx: Db, intent: IntentView): Promise<void> {
    const d = await store.findDraw(trx, intent.referenceId, true);
    if (!d || d.repaid_at) {
      // Paid twice, or for a bill that vanished: the money sits on the receivable (shown by reconciliation) for an operator.
      this.platform.log.warn({ intentId: intent.id, drawId: intent.referenceId }, 'credit repayment for a missing or already repaid bill');
      return;
    }
    const at = intent.settledAt ?? new Date();
    const outstanding = d.amount - d.released;
    await store.updateDraw(trx, d.id, { repaid_at: at, repaid_amount: intent.amount });
    await store.addUsed(trx, d.company_id, -outstanding);
    const late = daysLate(d.due_at, at);
    await record(trx, null, {
      type: 'credit_terms.repaid', companyId: d.company_id, subjectType: 'credit_draw', subjectId: d.id,
      payload: { drawId: d.id, orderId: d.order_id, amount: intent.amount, dueAt: d.due_at?.toISOString() ?? null, repaidAt: at.toISOString(), onTime: late === 0, daysLate: late },
    });
  }

  private async gradeOf(ctx: RequestContext, companyId: string): Promise<string | null> {
    return (await this.deps.credit.view(ctx, companyId)).grade;
  }

  private lineView(r: store.CreditLineRow, party: Party | undefined, overdue: { count: number; amount: number } | undefined) {
    return {
      companyId: r.company_id, companyName: party?.name ?? null, companyNameEn: party?.nameEn ?? null, limit: r.credit_limit, used: r.used, available: Math.max(r.credit_limit - r.used, 0), currency: r.currency, status: r.status,
      suggestedFromGrade: r.suggested_from_grade, suggestedLimit: r.suggested_limit, termDays: r.term_days, note: r.note, grantedAt: r.granted_at, updatedAt: r.updated_at,
      overdue: overdue ?? { count: 0, amount: 0 },
    };
  }

  // ------------------------------------------------------------------------------------------------------
  // Ports for the orders module (inside its transactions)

  /**
   * Draws on the buyer's credit line for an order accepted on terms. Locks the line row; refuses a missing or frozen
   * line, any overdue bill, or an amount above what is left. Drawing again for the same order returns the same bill.
   * The bill keeps the line's term (or the platform's default the caller passes) as the order's term from now on.
   */
  async draw(trx: Db, companyId: string, amount: number, orderId: string, defaultTermDays: number | null = null, now = new Date()): Promise<{ drawId: string }> {
    const line = await store.findCreditLine(trx, companyId, true);
    if (!line) throw new DomainError(SettlementErrors.CREDIT_LINE_NOT_FOUND);
    const existing = await store.findDrawByOrder(trx, orderId, true);
    if (existing) {
      if (existing.company_id === companyId && existing.amount === amount && existing.released === 0) return { drawId: existing.id };
      throw new DomainError(SettlementErrors.CREDIT_DRAW_CONFLICT);
    }
    if (line.status === 'frozen') throw new DomainError(SettlementErrors.CREDIT_LINE_FROZEN);
    const overdue = await store.overdueOf(trx, companyId, now);
    if (overdue.count > 0) throw new DomainError(SettlementErrors.CREDIT_OVERDUE_BLOCKED, { count: overdue.count, amount: overdue.amount });
    const available = Math.max(line.credit_limit - line.used, 0);
    if (amount > available) throw new DomainError(SettlementErrors.CREDIT_LIMIT_EXCEEDED, { amount, available });
    const d = await store.insertDraw(trx, { id: uuidv7(), companyId, orderId, amount, currency: line.currency, termDays: line.term_days ?? defaultTermDays });
    await store.addUsed(trx, companyId, amount);
    await record(trx, null, { type: 'credit_terms.drawn', companyId, subjectType: 'credit_draw', subjectId: d.id, payload: { drawId: d.id, orderId, amount } });
    return { drawId: d.id };
  }

  /** Gives back part or all of an order's draw (a refund or a cancellation before completion). */
  async release(trx: Db, companyId: string, amount: number, orderId: string): Promise<void> {
    // Line before bill, as draw() does, so the two never wait on each other in opposite order.
    await store.findCreditLine(trx, companyId, true);
    const d = await store.findDrawByOrder(trx, orderId, true);
    if (!d || d.company_id !== companyId) throw new DomainError(SettlementErrors.CREDIT_DRAW_NOT_FOUND);
    if (d.billed_at || d.repaid_at) throw new DomainError(SettlementErrors.CREDIT_BILL_SETTLED);
    const outstanding = d.amount - d.released;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > outstanding) throw new DomainError(SettlementErrors.CREDIT_RELEASE_EXCEEDS, { outstanding });
    await store.updateDraw(trx, d.id, { released: d.released + amount });
    await store.addUsed(trx, companyId, -amount);
    await record(trx, null, { type: 'credit_terms.released', companyId, subjectType: 'credit_draw', subjectId: d.id, payload: { drawId: d.id, orderId, amount, outstanding: outstanding - amount } });
  }

  /** The term the order's bill was drawn with (days from receipt to due); null: the platform's default term. */
  async termDaysOf(trx: Db, orderId: string): Promise<number | null> {
    return (await store.findDrawByOrder(trx, orderId))?.term_days ?? null;
  }

  /** At receipt: the bill falls due its term after receivedAt (the line's term kept at draw, else defaultTermDays); returns the due date. */
  async setDueAfter(trx: Db, orderId: string, receivedAt: Date, defaultTermDays: number): Promise<Date> {
    const d = await store.findDrawByOrder(trx, orderId, true);
    if (!d) throw new DomainError(SettlementErrors.CREDIT_DRAW_NOT_FOUND);
    const dueAt = new Date(receivedAt.getTime() + (d.term_days ?? defaultTermDays) * DAY);
    if (!d.repaid_at) await store.updateDraw(trx, d.id, { due_at: dueAt });
    return dueAt;
  }

  /** Whether the buyer has an overdue bill (checkout shows it; draw refuses it). */
  async hasOverdue(companyId: string, db?: Db): Promise<boolean> {
    return (await store.overdueOf(db ?? this.db, companyId, new Date())).count > 0;
  }

  /** order.completed: the receivable was posted, so the bill is issued and can be repaid. Idempotent. */
  async markBilled(trx: Db, orderId: string, at = new Date()): Promise<void> {
    const d = await store.findDrawByOrder(trx, orderId, true);
    if (!d || d.billed_at || d.amount === d.released) return;
    await store.updateDraw(trx, d.id, { billed_at: at });
    await record(trx, null, { type: 'credit_terms.billed', companyId: d.company_id, subjectType: 'credit_draw', subjectId: d.id, payload: { drawId: d.id, orderId, amount: d.amount - d.released, dueAt: d.due_at?.toISOString() ?? null } });
  }

  // ------------------------------------------------------------------------------------------------------
  // Daily sweep: due-soon reminders, overdue events (once per bill) and reminders (once per day)

  async sweepCredit(now = new Date()): Promise<{ dueSoon: number; overdue: number; reminded: number }> {
    const totals = { dueSoon: 0, overdue: 0, reminded: 0 };
    let after: string | null = null;
    for (;;) {
      const bills = await store.billsDueBefore(this.db, new Date(now.getTime() + DUE_SOON_DAYS * DAY), after, 200);
      if (bills.length === 0) return totals;
      after = bills[bills.length - 1]!.id;
      const numbers = await this.deps.orders.numbersOf(bills.map((b) => b.order_id));
      for (const b of bills) {
        await this.platform.database.transaction(async (trx) => {
          const d = await store.findDraw(trx, b.id, true);
          if (!d || d.repaid_at || !d.due_at || !d.billed_at || d.amount === d.released) return;
          const outstanding = d.amount - d.released;
          const params = { number: numbers.get(d.order_id) ?? d.order_id.slice(0, 8), amount: yuan(outstanding), due: beijingDate(d.due_at) };
          const to = { companyId: d.company_id, roles: ['owner' as const, 'admin' as const, 'finance' as const] };
          if (d.due_at.getTime() > now.getTime()) {
            if (await store.claimReminder(trx, d.id, 'due_soon', beijingDate(d.due_at))) {
              totals.dueSoon++;
              await this.deps.notifications.notify(trx, { kind: 'credit_terms.due_soon', to, link: '/workbench/credit-terms', params, dedupeKey: `credit_terms.due_soon:${d.id}` });
            }
            return;
          }
          const late = daysLate(d.due_at, now);
          if (!d.overdue_at) {
            await store.updateDraw(trx, d.id, { overdue_at: now });
            await record(trx, null, { type: 'credit_terms.overdue', companyId: d.company_id, subjectType: 'credit_draw', subjectId: d.id, payload: { drawId: d.id, orderId: d.order_id, amount: outstanding, dueAt: d.due_at.toISOString(), daysLate: late } });
            totals.overdue++;
          }
          const today = beijingDate(now);
          if (await store.claimReminder(trx, d.id, 'overdue', today)) {
            totals.reminded++;
            await this.deps.notifications.notify(trx, { kind: 'credit_terms.overdue', to, link: '/workbench/credit-terms', params: { ...params, days: late }, dedupeKey: `credit_terms.overdue:${d.id}:${today}` });
          }
        });
      }
    }
  }
}

export interface Reconciliation {
  ok: boolean;
  balanced: boolean;
  unbalancedTransactions: Array<{ transactionId: string; currency: string; sum: number }>;
  escrowBalance: number;
  escrowOutstandingOrders: number;
  escrowMatchesOrders: boolean;
  receivables: number;
  billedOutstanding: number;
  receivablesMatchBills: boolean;
  payoutsInFlight: number;
  payoutsRequested: number;
  inFlightMatchesPayouts: boolean;
  sellerAvailable: number;
  negativeSellerBalances: Array<{ account: string; balance: number }>;
  platformFees: number;
  checkedAt: Date;
}

function bankTail(accountNo: string): string {
  return accountNo.slice(-4);
}

function kindOf(txKind: string): StatementKind {
  if (txKind === 'order_release') return 'release';
  if (txKind === 'payout_request') return 'payout';
  if (txKind === 'payout_failed') return 'payout_reversal';
  if (txKind.includes('refund')) return 'refund';
  return 'adjustment';
}

function notPayable(d: store.CreditDrawRow): void {
  const reason = d.repaid_at ? ['it is already repaid', '已还款'] : d.amount === d.released ? ['it was fully refunded', '已全额退款'] : !d.billed_at ? ['the order is not completed yet, so the bill is not issued', '订单尚未完成,账单未出'] : null;
  if (reason) throw new DomainError(SettlementErrors.CREDIT_BILL_NOT_PAYABLE, { reason: reason[0]!, reasonZh: reason[1]! });
}

export function billStatus(d: store.CreditDrawRow, now: Date): BillStatus {
  if (d.repaid_at) return 'repaid';
  if (d.amount === d.released) return 'released';
  if (!d.billed_at) return 'awaiting_completion';
  if (d.due_at && d.due_at.getTime() < now.getTime()) return 'overdue';
  return 'billed';
}

function billView(d: store.CreditDrawRow, orderNumber: string | null, now: Date) {
  const status = billStatus(d, now);
  return {
    id: d.id, orderId: d.order_id, orderNumber, amount: d.amount, released: d.released, outstanding: d.repaid_at ? 0 : d.amount - d.released, currency: d.currency,
    status, dueAt: d.due_at, billedAt: d.billed_at, repaidAt: d.repaid_at, daysOverdue: status === 'overdue' ? daysLate(d.due_at, now) : 0,
    repayable: status === 'billed' || status === 'overdue', termDays: d.term_days, createdAt: d.created_at,
  };
}

