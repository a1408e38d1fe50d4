import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError } from '../../platform/errors.js';
import { sha256Hex, uuidv7 } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, requireOperator } from '../../platform/policy.js';
import { PaymentErrors } from './errors.js';
import { record } from './events.js';
import { verifyWebhookSignature, type PaymentProvider, type WebhookEvent } from './providers.js';
import * as store from './store.js';

export interface Posting {
  /** Stable account code, e.g. `platform:revenue:CNY`; the account is opened on first use. */
  account: string;
  purpose: string;
  companyId?: string | null;
  /** Minor units; debits positive, credits negative. */
  amount: number;
}

export interface IntentView {
  id: string;
  companyId: string;
  purpose: string;
  referenceId: string;
  amount: number;
  currency: string;
  provider: string;
  status: store.IntentStatus;
  description: string;
  payUrl: string | null;
  instructions: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

/**
 * What settling an intent of one purpose does beyond the payments core: which account the money is credited to
 * (instead of platform revenue) and what the owning module changes, all inside the settling transaction, so a
 * payment and its effect (an order paid, a bill repaid) commit together or not at all.
 */
export interface SettlementRoute {
  account(intent: IntentView): { code: string; purpose: string; companyId?: string | null };
  onSucceeded(trx: Db, intent: IntentView): Promise<void>;
  onFailed?(trx: Db, intent: IntentView): Promise<void>;
}

export const clearingAccount = (provider: string, currency: string) => `provider:${provider}:clearing:${currency}`;
export const revenueAccount = (currency: string) => `platform:revenue:${currency}`;

export class PaymentsService {
  private readonly routes = new Map<string, SettlementRoute>();

  constructor(
    private readonly platform: Platform,
    private readonly providers: Map<string, PaymentProvider>,
    private readonly webhookSecret: string,
  ) {}

  /** Routes settled intents of `purpose` to another module's account and hook (one route per purpose). */
  registerSettlement(purpose: string, route: SettlementRoute): void {
    if (this.routes.has(purpose)) throw new Error(`settlement route for ${purpose} registered twice`);
    this.routes.set(purpose, route);
  }

  private get db() {
    return this.platform.database.db;
  }

  provider(name: string): PaymentProvider {
    const p = this.providers.get(name);
    if (!p) throw new DomainError(PaymentErrors.SANDBOX_DISABLED);
    return p;
  }

  providerNames(): string[] {
    return [...this.providers.keys()];
  }

  // ---- ledger

  /** Posts one balanced ledger transaction in the caller's database transaction. */
  async post(trx: Db, tx: { kind: string; referenceType: string; referenceId: string; memo?: string; currency: string }, postings: Posting[]): Promise<string> {
    if (postings.length < 2 || postings.some((p) => !Number.isSafeInteger(p.amount) || p.amount === 0) || postings.reduce((s, p) => s + p.amount, 0) !== 0) {
      throw new DomainError(PaymentErrors.LEDGER_UNBALANCED);
    }
    const id = uuidv7();
    const resolved = [];
    for (const p of postings) {
      const account = await store.ensureAccount(trx, { id: uuidv7(), code: p.account, purpose: p.purpose, companyId: p.companyId ?? null, currency: tx.currency });
      resolved.push({ accountId: account.id, amount: p.amount, currency: tx.currency });
    }
    await store.insertLedgerTransaction(trx, { id, kind: tx.kind, referenceType: tx.referenceType, referenceId: tx.referenceId, memo: tx.memo ?? '' }, resolved);
    return id;
  }

  balances(prefix?: string) {
    return store.balances(this.db, prefix);
  }

  /** One account's balance (debits positive), 0 for an account never used; pass a transaction to read inside it. */
  accountBalance(code: string, db?: Db): Promise<number> {
    return store.accountBalance(db ?? this.db, code);
  }

  /** One account's postings in time order with their transaction's kind and reference, for statements. */
  accountEntries(code: string, range: { from?: Date | undefined; to?: Date | undefined } = {}, db?: Db) {
    return store.accountEntries(db ?? this.db, code, range);
  }

  /** The postings of these transactions with their account codes (settlements: the fee beside a release). */
  transactionPostings(transactionIds: string[], db?: Db) {
    return store.transactionPostings(db ?? this.db, transactionIds);
  }

  /** Every transaction must balance; a non-empty answer means the books are broken. */
  reconcile() {
    return store.unbalancedTransactions(this.db);
  }

  async ledgerPage(ctx: RequestContext, filter: { cursor?: string | undefined; limit: number }) {
    requireOperator(ctx);
    return page(await store.ledgerEntries(this.db, { beforeId: decodeCursor(filter.cursor), limit: filter.limit }), filter.limit);
  }

  // ---- intents

  view(i: store.IntentRow): IntentView {
    const info = this.providers.get(i.provider)?.payInfo({ intentId: i.id, amount: i.amount, currency: i.currency, description: i.description, providerRef: i.provider_ref });
    return {
      id: i.id, companyId: i.company_id, purpose: i.purpose, referenceId: i.reference_id, amount: i.amount, currency: i.currency, provider: i.provider,
      status: i.status, description: i.description, payUrl: i.status === 'requires_payment' ? (info?.payUrl ?? null) : null,
      instructions: info?.instructions ?? null, createdAt: i.created_at, settledAt: i.settled_at,
    };
  }

  /** Opens a payment with the provider and records it in the caller's transaction. */
  async createIntent(trx: Db, input: { companyId: string; purpose: string; referenceId: string; amount: number; currency: string; provider: string; description: string; createdBy: string | null }): Promise<IntentView> {
    const provider = this.provider(input.provider);
    const id = uuidv7();
    const { providerRef } = await provider.create({ intentId: id, amount: input.amount, currency: input.currency, description: input.description });
    const row = await store.insertIntent(trx, {
      id, company_id: input.companyId, purpose: input.purpose, reference_id: input.referenceId, amount: input.amount, currency: input.currency,
      provider: provider.name, status: 'requires_payment', provider_ref: providerRef, description: input.description, created_by: input.createdBy,
    });
    await record(trx, input.createdBy, id, { type: 'payment.created', companyId: input.companyId, subjectType: 'payment_intent', payload: { purpose: input.purpose, referenceId: input.referenceId, amount: input.amount, currency: input.currency, provider: provider.name } });
    return this.view(row);
  }

  async get(ctx: RequestContext, id: string): Promise<IntentView> {
    const i = await store.findIntent(this.db, id);
    if (!i) throw new DomainError(PaymentErrors.PAYMENT_INTENT_NOT_FOUND);
    authorize(ctx, 'company.view_private', i.company_id);
    return this.view(i);
  }

  async listForCompany(ctx: RequestContext, companyId: string, filter: { cursor?: string | undefined; limit: number }) {
    authorize(ctx, 'company.view_private', companyId);
    const rows = await store.listIntents(this.db, { companyId, beforeId: decodeCursor(filter.cursor), limit: filter.limit });
    return page(rows.map((r) => this.view(r)), filter.limit);
  }

  async adminList(ctx: RequestContext, filter: { status?: store.IntentStatus | undefined; provider?: string | undefined; cursor?: string | undefined; limit: number }) {
    requireOperator(ctx);
    const rows = await store.listIntents(this.db, { status: filter.status, provider: filter.provider, beforeId: decodeCursor(filter.cursor), limit: filter.limit });
    return page(rows.map((r) => this.view(r)), filter.limit);
  }

  /** Settles a payment exactly once: status, the ledger transaction and the event commit together. */
  private async settle(trx: Db, intent: store.IntentRow, outcome: 'succeeded' | 'failed', actorUserId: string | null, reason = ''): Promise<void> {
    const settled = await store.settleIntent(trx, intent.id, outcome);
    const route = this.routes.get(intent.purpose);
    const payload = { purpose: intent.purpose, referenceId: intent.reference_id };
    if (outcome === 'failed') {
      if (route?.onFailed) await route.onFailed(trx, this.view(settled));
      await record(trx, actorUserId, intent.id, { type: 'payment.failed', companyId: intent.company_id, subjectType: 'payment_intent', payload: { ...payload, reason } });
      return;
    }
    const credit = route ? route.account(this.view(settled)) : { code: revenueAccount(intent.currency), purpose: 'platform revenue', companyId: null };
    await this.post(trx, { kind: 'payment', referenceType: 'payment_intent', referenceId: intent.id, currency: intent.currency, memo: intent.description }, [
      { account: clearingAccount(intent.provider, intent.currency), purpose: 'provider clearing', amount: intent.amount },
      { account: credit.code, purpose: credit.purpose, companyId: credit.companyId ?? null, amount: -intent.amount },
    ]);
    if (route) await route.onSucceeded(trx, this.view(settled));
    await record(trx, actorUserId, intent.id, { type: 'payment.succeeded', companyId: intent.company_id, subjectType: 'payment_intent', payload: { ...payload, amount: intent.amount, currency: intent.currency, provider: intent.provider } });
  }

  /**
   * A provider's webhook. A bad signature, an unknown intent, a replayed event or one that disagrees with
   * the intent changes nothing; every delivery is logged with its outcome.
   */
  async handleWebhook(providerName: string, signature: string | undefined, rawBody: string): Promise<{ outcome: 'applied' | 'replayed' | 'unknown_intent' | 'ignored' }> {
    const log = (eventId: string | null, intentId: string | null, outcome: string, detail = '') =>
      store.logWebhook(this.db, { id: uuidv7(), provider: providerName, eventId, intentId, outcome, detail });
    if (!verifyWebhookSignature(this.webhookSecret, signature, rawBody)) {
      await log(null, null, 'bad_signature', rawBody.slice(0, 200));
      this.platform.log.warn({ provider: providerName }, 'payment webhook with a bad signature refused');
      throw new DomainError(PaymentErrors.WEBHOOK_SIGNATURE_INVALID);
    }
    const event = JSON.parse(rawBody) as WebhookEvent;
    const intentId = /^[0-9a-f-]{36}$/.test(event.intentId) ? event.intentId : null;
    return this.platform.database.transaction(async (trx) => {
      const intent = intentId ? await store.findIntent(trx, intentId, true) : undefined;
      if (!intent || intent.provider !== providerName || intent.provider_ref !== event.providerRef) {
        await store.logWebhook(trx, { id: uuidv7(), provider: providerName, eventId: event.id, intentId: null, outcome: 'unknown_intent', detail: String(event.intentId) });
        return { outcome: 'unknown_intent' as const };
      }
      if (await store.webhookApplied(trx, providerName, event.id)) {
        await store.logWebhook(trx, { id: uuidv7(), provider: providerName, eventId: event.id, intentId: intent.id, outcome: 'replayed', detail: '' });
        return { outcome: 'replayed' as const };
      }
      if (intent.status !== 'requires_payment' || event.amount !== intent.amount || event.currency !== intent.currency) {
        await store.logWebhook(trx, { id: uuidv7(), provider: providerName, eventId: event.id, intentId: intent.id, outcome: 'ignored', detail: `intent ${intent.status}; event ${event.type} ${event.amount} ${event.currency}` });
        return { outcome: 'ignored' as const };
      }
      await this.settle(trx, intent, event.type === 'payment.succeeded' ? 'succeeded' : 'failed', null, event.type === 'payment.failed' ? 'declined by payer' : '');
      await store.logWebhook(trx, { id: uuidv7(), provider: providerName, eventId: event.id, intentId: intent.id, outcome: 'applied', detail: event.type });
      return { outcome: 'applied' as const };
    });
  }

  /** The sandbox pay page's buttons: the provider then tells us by webhook, like a real one (sometimes twice). */
  async sandboxDecide(ctx: RequestContext, intentId: string, approve: boolean): Promise<IntentView> {
    this.provider('sandbox');
    const intent = await store.findIntent(this.db, intentId);
    if (!intent) throw new DomainError(PaymentErrors.PAYMENT_INTENT_NOT_FOUND);
    authorize(ctx, 'company.view_private', intent.company_id);
    if (intent.provider !== 'sandbox') throw new DomainError(PaymentErrors.PAYMENT_PROVIDER_MISMATCH, { provider: 'sandbox' });
    if (intent.status !== 'requires_payment') throw new DomainError(PaymentErrors.PAYMENT_NOT_PAYABLE, { status: intent.status });
    const event: WebhookEvent = {
      id: `evt_${uuidv7()}`, type: approve ? 'payment.succeeded' : 'payment.failed', intentId: intent.id, providerRef: intent.provider_ref,
      amount: intent.amount, currency: intent.currency, created: Math.floor(Date.now() / 1000),
    };
    await this.platform.database.transaction(async (trx) => {
      await enqueueJob(trx, { kind: 'payments.sandbox_webhook', payload: { event }, maxAttempts: 12 });
      // Real providers deliver some events more than once; so does the sandbox.
      if (Math.random() < 0.2) await enqueueJob(trx, { kind: 'payments.sandbox_webhook', payload: { event }, runAt: new Date(Date.now() + 1500), maxAttempts: 12 });
    });
    return this.view(intent);
  }

  /** An operator matched a corporate bank transfer to the payment's reference. */
  async confirmTransfer(ctx: RequestContext, intentId: string, input: { bankReference: string; amount: number }): Promise<IntentView> {
    const actor = requireOperator(ctx);
    await this.platform.database.transaction(async (trx) => {
      const intent = await store.findIntent(trx, intentId, true);
      if (!intent) throw new DomainError(PaymentErrors.PAYMENT_INTENT_NOT_FOUND);
      if (intent.provider !== 'bank_transfer') throw new DomainError(PaymentErrors.PAYMENT_PROVIDER_MISMATCH, { provider: 'bank_transfer' });
      if (intent.status !== 'requires_payment') throw new DomainError(PaymentErrors.PAYMENT_NOT_PAYABLE, { status: intent.status });
      if (input.amount !== intent.amount) throw new DomainError(PaymentErrors.TRANSFER_AMOUNT_MISMATCH, { received: input.amount, due: intent.amount });
      await this.settle(trx, intent, 'succeeded', actor.userId);
      await store.logWebhook(trx, { id: uuidv7(), provider: 'bank_transfer', eventId: `manual:${input.bankReference}`, intentId, outcome: 'applied', detail: `confirmed by operator ${actor.email}` });
    });
    return this.get(ctx, intentId);
  }

  // ---- idempotency

  /**
   * Idempotency inside the caller's transaction, for effects that must never be applied twice even across a crash:
   * call it last, and the key, the effect and the answer commit together (one statement for the key). A concurrent
   * request with the same key waits on the key's row (PostgreSQL) until the first commits; it then gets the first
   * answer back as `earlier`, and must roll its own work back and send that. After a crash nothing is left claimed.
   * `json` is the answer's JSON text, as it will be sent.
   */
  async answerIn(trx: Db, scope: string, key: string, request: unknown, status: number, json: string): Promise<{ json: string; earlier: { status: number; json: string } | null }> {
    const hash = sha256Hex(JSON.stringify(request));
    if (await store.insertAnsweredKey(trx, { scope, key, requestHash: hash, statusCode: status, json })) return { json, earlier: null };
    const earlier = await store.findIdempotencyKey(trx, scope, key);
    if (!earlier || earlier.request_hash !== hash) throw new DomainError(PaymentErrors.IDEMPOTENCY_KEY_REUSED);
    if (earlier.status_code === null) throw new DomainError(PaymentErrors.IDEMPOTENCY_IN_PROGRESS);
    return { json, earlier: { status: earlier.status_code, json: earlier.response_body ?? 'null' } };
  }

  /** The stored answer for (scope, key) if that request completed, else null; throws when the key came with another request. */
  async answered(scope: string, key: string, request: unknown): Promise<{ status: number; json: string } | null> {
    const row = await store.findIdempotencyKey(this.db, scope, key);
    if (!row) return null;
    if (row.request_hash !== sha256Hex(JSON.stringify(request))) throw new DomainError(PaymentErrors.IDEMPOTENCY_KEY_REUSED);
    if (row.status_code === null) throw new DomainError(PaymentErrors.IDEMPOTENCY_IN_PROGRESS);
    return { status: row.status_code, json: row.response_body ?? 'null' };
  }

  /** Runs fn once per (scope, key): a repeat with the same request gets the first answer, as the same JSON text. */
  async idempotent(scope: string, key: string | undefined, request: unknown, fn: () => Promise<{ status: number; body: unknown }>): Promise<{ status: number; json: string }> {
    if (!key) {
      const result = await fn();
      return { status: result.status, json: JSON.stringify(result.body) };
    }
    const hash = sha256Hex(JSON.stringify(request));
    const earlier = await store.claimIdempotencyKey(this.db, scope, key, hash);
    if (earlier) {
      if (earlier.request_hash !== hash) throw new DomainError(PaymentErrors.IDEMPOTENCY_KEY_REUSED);
      if (earlier.status_code === null) throw new DomainError(PaymentErrors.IDEMPOTENCY_IN_PROGRESS);
      return { status: earlier.status_code, json: earlier.response_body ?? 'null' };
    }
    try {
      const result = await fn();
      const json = JSON.stringify(result.body);
      await store.completeIdempotencyKey(this.db, scope, key, result.status, json);
      return { status: result.status, json };
    } catch (err) {
      await store.releaseIdempotencyKey(this.db, scope, key);
      throw err;
    }
  }
}
