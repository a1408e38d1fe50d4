import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, createVerifiedCompany, operatorHeaders, registerUser } from '../../testing/factories.js';

let t: TestApp;
let ops: Record<string, string>;
let standardId: string;
beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
  const plan = await call(t, {
    method: 'POST', url: '/api/v1/admin/trustpass/plans', headers: ops,
    payload: { code: 'standard', nameZh: '标准版', nameEn: 'Standard', annualPrice: 688_000, publishLimit: 200, rfqQuoteQuota: 30, badge: '诚信通' },
  });
  expect(plan.statusCode).toBe(201);
  standardId = plan.json<{ id: string }>().id;
});
afterAll(async () => {
  await t.close();
});

const status = async (companyId: string, headers: Record<string, string> = {}) => (await call(t, { method: 'GET', url: `/api/v1/companies/${companyId}/trustpass`, headers })).json<{
  status: string; trustpassYears: number; expiresAt: string | null; limits: { publishLimit: number }; purchases: Array<{ status: string }>;
}>();

describe('TrustPass', () => {
  it('a verified company buys through the sandbox; payment activates the membership and raises its limits', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    expect(await status(company.id)).toMatchObject({ status: 'none', trustpassYears: 0, limits: { publishLimit: 20 } });
    const plans = await call(t, { method: 'GET', url: '/api/v1/trustpass/plans' });
    expect(plans.json<{ items: Array<{ code: string }> }>().items.map((p) => p.code)).toContain('standard');

    const bought = await call(t, { method: 'POST', url: `/api/v1/companies/${company.id}/trustpass/purchases`, headers: { ...owner.headers, 'idempotency-key': 'buy-1' }, payload: { planId: standardId } });
    expect(bought.statusCode).toBe(201);
    const { paymentIntent, purchase } = bought.json<{ paymentIntent: { id: string; amount: number; payUrl: string }; purchase: { status: string } }>();
    expect(purchase.status).toBe('pending');
    expect(paymentIntent.amount).toBe(688_000);
    const again = await call(t, { method: 'POST', url: `/api/v1/companies/${company.id}/trustpass/purchases`, headers: { ...owner.headers, 'idempotency-key': 'buy-1' }, payload: { planId: standardId } });
    expect(again.body).toBe(bought.body);

    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${paymentIntent.id}/approve`, headers: owner.headers });
    await t.drain();
    const active = await status(company.id, owner.headers);
    expect(active).toMatchObject({ status: 'active', trustpassYears: 1, limits: { publishLimit: 200 }, purchases: [{ status: 'paid' }] });
    const expires = new Date(active.expiresAt!);
    expect(expires.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 1);

    // Renewing for two more years extends without a gap.
    const renew = await call(t, { method: 'POST', url: `/api/v1/companies/${company.id}/trustpass/purchases`, headers: owner.headers, payload: { planId: standardId, years: 2 } });
    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${renew.json<{ paymentIntent: { id: string } }>().paymentIntent.id}/approve`, headers: owner.headers });
    await t.drain();
    expect(new Date((await status(company.id)).expiresAt!).getUTCFullYear()).toBe(expires.getUTCFullYear() + 2);

    const types = (await t.database.db.selectFrom('events').select('type').where('company_id', '=', company.id).where('type', 'like', 'trustpass.%').orderBy('id').execute()).map((e) => e.type);
    expect(types).toEqual(['trustpass.purchase_created', 'trustpass.activated', 'trustpass.purchase_created', 'trustpass.activated']);
  });

  it('only verified companies may buy, and only owners, admins and finance', async () => {
    const owner = await registerUser(t);
    const unverified = await createCompany(t, owner);
    const refused = await call(t, { method: 'POST', url: `/api/v1/companies/${unverified.id}/trustpass/purchases`, headers: owner.headers, payload: { planId: standardId } });
    expect(refused.json()).toMatchObject({ code: 'VERIFICATION_REQUIRED' });

    const verified = await createVerifiedCompany(t, owner, ops);
    const sales = await addMember(t, owner, verified.id, 'sales');
    expect((await call(t, { method: 'POST', url: `/api/v1/companies/${verified.id}/trustpass/purchases`, headers: sales.headers, payload: { planId: standardId } })).statusCode).toBe(403);
    const finance = await addMember(t, owner, verified.id, 'finance');
    expect((await call(t, { method: 'POST', url: `/api/v1/companies/${verified.id}/trustpass/purchases`, headers: finance.headers, payload: { planId: standardId } })).statusCode).toBe(201);
    const outsider = await registerUser(t);
    await createCompany(t, outsider);
    expect((await call(t, { method: 'POST', url: `/api/v1/companies/${verified.id}/trustpass/purchases`, headers: outsider.headers, payload: { planId: standardId } })).statusCode).toBe(403);
    expect((await status(verified.id, outsider.headers)).purchases).toEqual([]);
  });

  it('a declined payment leaves no membership; a bank transfer confirmed by an operator activates it', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    const first = await call(t, { method: 'POST', url: `/api/v1/companies/${company.id}/trustpass/purchases`, headers: owner.headers, payload: { planId: standardId } });
    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${first.json<{ paymentIntent: { id: string } }>().paymentIntent.id}/decline`, headers: owner.headers });
    await t.drain();
    expect(await status(company.id, owner.headers)).toMatchObject({ status: 'none', purchases: [{ status: 'failed' }] });

    const byBank = await call(t, { method: 'POST', url: `/api/v1/companies/${company.id}/trustpass/purchases`, headers: owner.headers, payload: { planId: standardId, provider: 'bank_transfer' } });
    const intent = byBank.json<{ paymentIntent: { id: string; instructions: string; payUrl: string | null } }>().paymentIntent;
    expect(intent.payUrl).toBeNull();
    expect(intent.instructions).toContain('¥6880.00');
    await call(t, { method: 'POST', url: `/api/v1/admin/payments/${intent.id}/confirm-transfer`, headers: ops, payload: { bankReference: 'ICBC-88', amount: 688_000 } });
    await t.drain();
    expect(await status(company.id)).toMatchObject({ status: 'active', trustpassYears: 1 });
  });

  it('mails renewal reminders 30, 7 and 1 days ahead and on expiry, each once', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    const bought = await call(t, { method: 'POST', url: `/api/v1/companies/${company.id}/trustpass/purchases`, headers: owner.headers, payload: { planId: standardId } });
    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${bought.json<{ paymentIntent: { id: string } }>().paymentIntent.id}/approve`, headers: owner.headers });
    await t.drain();
    await sql`UPDATE trustpass_memberships SET expires_at = now() + interval '20 days' WHERE company_id = ${company.id}`.execute(t.database.db);
    const svc = t.modules.trustpass.trustpass;
    expect(await svc.sendReminders()).toBeGreaterThanOrEqual(1);
    expect(await svc.sendReminders()).toBe(0);
    await t.drain();
    const mails = (await t.platform.mailer.listOutbox(100)).filter((m) => m.to === owner.email && m.subject.includes('TrustPass renewal'));
    expect(mails).toHaveLength(1);
    await sql`UPDATE trustpass_memberships SET expires_at = now() - interval '2 days' WHERE company_id = ${company.id}`.execute(t.database.db);
    await svc.sendReminders();
    expect(await status(company.id)).toMatchObject({ status: 'grace', limits: { publishLimit: 200 } });
    await sql`UPDATE trustpass_memberships SET expires_at = now() - interval '40 days' WHERE company_id = ${company.id}`.execute(t.database.db);
    expect(await status(company.id)).toMatchObject({ status: 'expired', trustpassYears: 0, limits: { publishLimit: 20 } });
  });

  it('lets only operators manage plans', async () => {
    const user = await registerUser(t);
    const res = await call(t, { method: 'POST', url: '/api/v1/admin/trustpass/plans', headers: user.headers, payload: { code: 'x1', nameZh: 'x', nameEn: 'x', annualPrice: 1, publishLimit: 1, rfqQuoteQuota: 1, badge: 'x' } });
    expect(res.statusCode).toBe(403);
    const dup = await call(t, { method: 'POST', url: '/api/v1/admin/trustpass/plans', headers: ops, payload: { code: 'standard', nameZh: 'x', nameEn: 'x', annualPrice: 1, publishLimit: 1, rfqQuoteQuota: 1, badge: 'x' } });
    expect(dup.json()).toMatchObject({ code: 'PLAN_CODE_TAKEN' });
  });
});
