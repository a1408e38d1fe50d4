import type { RequestContext } from '../../platform/context.js';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError } from '../../platform/errors.js';
import type { StoredEvent } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueMail } from '../../platform/mail.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireOperator } from '../../platform/policy.js';
import type { AccountsModule } from '../accounts/index.js';
import type { PaymentsModule } from '../payments/index.js';
import type { TrustModule } from '../trust/index.js';
import { TrustpassErrors } from './errors.js';
import { record } from './events.js';
import { extend, graceUntil, membershipStatus, showsTrustPass, trustpassYears } from './membership.js';
import * as store from './store.js';

/** What a company without TrustPass may do; plans raise these. */
export const FREE_LIMITS = { publishLimit: 20, rfqQuoteQuota: 3 };

export interface Deps {
  companies: AccountsModule['companies'];
  members: AccountsModule['members'];
  verification: TrustModule['verification'];
  payments: PaymentsModule['payments'];
}

const DAY = 86_400_000;

export class TrustpassService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  planView(p: store.PlanRow) {
    return {
      id: p.id, code: p.code, nameZh: p.name_zh, nameEn: p.name_en, annualPrice: p.annual_price, currency: p.currency,
      publishLimit: p.publish_limit, rfqQuoteQuota: p.rfq_quote_quota, badge: p.badge, active: p.active,
    };
  }

  async plans(onlyActive = true) {
    return (await store.listPlans(this.db, onlyActive)).map((p) => this.planView(p));
  }

  async adminPlans(ctx: RequestContext) {
    requireOperator(ctx);
    return this.plans(false);
  }

  async savePlan(ctx: RequestContext, id: string | null, fields: Partial<store.PlanFields>) {
    const actor = requireOperator(ctx);
    return this.platform.database.transaction(async (trx) => {
      if (fields.code) {
        const same = await store.findPlanByCode(trx, fields.code);
        if (same && same.id !== id) throw new DomainError(TrustpassErrors.PLAN_CODE_TAKEN);
      }
      const row = id ? await store.updatePlan(trx, id, fields) : await store.insertPlan(trx, uuidv7(), fields as store.PlanFields);
      if (!row) throw new DomainError(TrustpassErrors.PLAN_NOT_FOUND);
      await record(trx, actor.userId, row.id, { type: 'trustpass.plan_saved', companyId: null, subjectType: 'trustpass_plan', payload: { code: row.code, annualPrice: row.annual_price, active: row.active } });
      return this.planView(row);
    });
  }

  /** Membership facts anyone may see, plus the purchase history for members. */
  async status(ctx: RequestContext, companyId: string, now = new Date()) {
    await this.deps.companies.get(ctx, companyId);
    const m = await store.findMembership(this.db, companyId);
    const plan = m ? await store.findPlan(this.db, m.plan_id) : undefined;
    const membership = m ? { runStartedAt: m.run_started_at, expiresAt: m.expires_at } : undefined;
    const status = membershipStatus(membership, now);
    const insider = can(ctx.actor, 'company.view_private', companyId);
    const purchases = insider ? await store.purchasesOf(this.db, companyId) : [];
    const planCodes = new Map((await store.listPlans(this.db, false)).map((p) => [p.id, p.code]));
    return {
      status,
      plan: plan ? this.planView(plan) : null,
      memberSince: m?.run_started_at ?? null,
      expiresAt: m?.expires_at ?? null,
      graceUntil: m ? graceUntil(m.expires_at) : null,
      trustpassYears: trustpassYears(membership, now),
      limits: await this.limits(companyId, now),
      purchases: purchases.map((p) => ({
        id: p.id, planCode: planCodes.get(p.plan_id) ?? '', years: p.years, amount: p.amount, currency: p.currency, status: p.status,
        paymentIntentId: p.payment_intent_id, createdAt: p.created_at, paidAt: p.paid_at,
      })),
    };
  }

  /** What status() tells anyone about each of these companies (status, years, the plan's badge), in two queries. */
  async publicStatuses(companyIds: string[], now = new Date()): Promise<Map<string, { status: ReturnType<typeof membershipStatus>; trustpassYears: number; planBadge: string | null }>> {
    const ids = [...new Set(companyIds)];
    const [memberships, plans] = await Promise.all([store.membershipsOf(this.db, ids), ids.length ? store.listPlans(this.db, false) : []]);
    const byCompany = new Map(memberships.map((m) => [m.company_id, m]));
    const badges = new Map(plans.map((p) => [p.id, p.badge]));
    return new Map(ids.map((id) => {
      const m = byCompany.get(id);
      const membership = m ? { runStartedAt: m.run_started_at, expiresAt: m.expires_at } : undefined;
      return [id, { status: membershipStatus(membership, now), trustpassYears: trustpassYears(membership, now), planBadge: m ? (badges.get(m.plan_id) ?? null) : null }];
    }));
  }

  /** The gates other modules enforce (publishing, RFQ quotes): the plan's while active or in grace, else the free tier. */
  async limits(companyId: string, now = new Date()): Promise<{ publishLimit: number; rfqQuoteQuota: number }> {
    const m = await store.findMembership(this.db, companyId);
    if (!m || !showsTrustPass(membershipStatus({ expiresAt: m.expires_at }, now))) return FREE_LIMITS;
    const plan = await store.findPlan(this.db, m.plan_id);
    return plan ? { publishLimit: plan.publish_limit, rfqQuoteQuota: plan.rfq_quote_quota } : FREE_LIMITS;
  }

  /** Buys or renews: a pending purchase and its payment intent, in one transaction. Verified companies only. */
  async purchase(ctx: RequestContext, companyId: string, input: { planId: string; years: number; provider: string }) {
    await this.deps.companies.get(ctx, companyId);
    const actor = authorize(ctx, 'company.trustpass.purchase', companyId);
    if (!(await this.deps.verification.isVerified(companyId))) throw new DomainError(TrustpassErrors.VERIFICATION_REQUIRED);
    const plan = await store.findPlan(this.db, input.planId);
    if (!plan) throw new DomainError(TrustpassErrors.PLAN_NOT_FOUND, {}, [{ path: 'body.planId', message: 'unknown plan' }]);
    if (!plan.active) throw new DomainError(TrustpassErrors.PLAN_NOT_AVAILABLE);
    const current = await store.findMembership(this.db, companyId);
    if (current && current.plan_id !== plan.id && membershipStatus({ expiresAt: current.expires_at }, new Date()) === 'active') {
      throw new DomainError(TrustpassErrors.PLAN_SWITCH_WHILE_ACTIVE);
    }
    const amount = plan.annual_price * input.years;
    return this.platform.database.transaction(async (trx) => {
      const purchaseId = uuidv7();
      const intent = await this.deps.payments.createIntent(trx, {
        companyId, purpose: 'trustpass', referenceId: purchaseId, amount, currency: plan.currency, provider: input.provider,
        description: `${plan.name_zh} ${input.years} 年 | ${plan.name_en}, ${input.years} year${input.years > 1 ? 's' : ''}`, createdBy: actor.userId,
      });
      const purchase = await store.insertPurchase(trx, { id: purchaseId, company_id: companyId, plan_id: plan.id, years: input.years, amount, currency: plan.currency, payment_intent_id: intent.id, created_by: actor.userId });
      await record(trx, actor.userId, purchaseId, { type: 'trustpass.purchase_created', companyId, subjectType: 'trustpass_purchase', payload: { planCode: plan.code, years: input.years, amount, paymentIntentId: intent.id } });
      return { purchase: { id: purchase.id, planCode: plan.code, years: purchase.years, amount, currency: plan.currency, status: purchase.status }, paymentIntent: intent };
    });
  }

  /** Outbox handler: a TrustPass payment settled. Runs in the handler's transaction, once per event. */
  async onPaymentSettled(event: StoredEvent, trx: Db): Promise<void> {
    const payload = event.payload as { purpose?: string; referenceId?: string };
    if (payload.purpose !== 'trustpass' || !payload.referenceId || !event.companyId) return;
    const purchase = await store.findPurchase(trx, payload.referenceId, true);
    if (!purchase || purchase.status !== 'pending') return;
    const plan = await store.findPlan(trx, purchase.plan_id);
    if (!plan) return;
    if (event.type === 'payment.failed') {
      await store.markPurchase(trx, purchase.id, 'failed');
      await record(trx, null, purchase.id, { type: 'trustpass.purchase_failed', companyId: purchase.company_id, subjectType: 'trustpass_purchase', payload: { planCode: plan.code } });
      return;
    }
    const now = new Date();
    const current = await store.findMembership(trx, purchase.company_id, true);
    const next = extend(current ? { runStartedAt: current.run_started_at, expiresAt: current.expires_at } : undefined, now, purchase.years);
    await store.upsertMembership(trx, { companyId: purchase.company_id, planId: plan.id, runStartedAt: next.runStartedAt, expiresAt: next.expiresAt });
    await store.markPurchase(trx, purchase.id, 'paid');
    await record(trx, null, purchase.company_id, {
      type: 'trustpass.activated', companyId: purchase.company_id, subjectType: 'trustpass_membership',
      payload: { planCode: plan.code, expiresAt: next.expiresAt.toISOString(), renewal: next.renewal, trustpassYears: trustpassYears(next, now) },
    });
  }

  /** Daily: mail owners, admins and finance 30, 7 and 1 days before expiry, on expiry, and when the grace period ends. Each once. */
  async sendReminders(now = new Date()): Promise<number> {
    const windows: Array<{ kind: string; from: Date; to: Date }> = [
      { kind: 'due_30d', from: new Date(now.getTime() + 7 * DAY), to: new Date(now.getTime() + 30 * DAY) },
      { kind: 'due_7d', from: new Date(now.getTime() + 1 * DAY), to: new Date(now.getTime() + 7 * DAY) },
      { kind: 'due_1d', from: now, to: new Date(now.getTime() + 1 * DAY) },
      { kind: 'expired', from: new Date(now.getTime() - 30 * DAY), to: now },
    ];
    let sent = 0;
    for (const w of windows) {
      for (const m of await store.expiringBetween(this.db, w.from, w.to)) {
        const company = await this.deps.companies.get(systemContext(), m.company_id);
        const to = await this.deps.members.contactEmails(m.company_id, ['owner', 'admin', 'finance']);
        const sentNow = await this.platform.database.transaction(async (trx) => {
          if (!(await store.claimReminder(trx, m.company_id, m.expires_at, w.kind))) return false;
          const date = m.expires_at.toISOString().slice(0, 10);
          const zh = w.kind === 'expired' ? `您的诚信通会员已于 ${date} 到期,宽限期至 ${graceUntil(m.expires_at).toISOString().slice(0, 10)},请及时续费以保留诚信通年限。` : `您的诚信通会员将于 ${date} 到期,请及时续费。`;
          const en = w.kind === 'expired' ? `Your TrustPass expired on ${date}; renew before ${graceUntil(m.expires_at).toISOString().slice(0, 10)} to keep your TrustPass years.` : `Your TrustPass expires on ${date}; renew in time to keep it running.`;
          for (const email of to) {
            await enqueueMail(trx, { to: email, subject: `诚信通续费提醒 | TrustPass renewal — ${company.legalName}`, text: `${zh}\n${this.platform.config.publicUrl}/workbench/trustpass\n\n${en}` });
          }
          await record(trx, null, m.company_id, { type: 'trustpass.reminder_sent', companyId: m.company_id, subjectType: 'trustpass_membership', payload: { kind: w.kind, expiresAt: m.expires_at.toISOString() } });
          return true;
        });
        if (sentNow) sent++;
      }
    }
    return sent;
  }
}
