import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { signWebhook } from './providers.js';
import { clearingAccount, revenueAccount } from './service.js';

let t: TestApp;
let ops: Record<string, string>;
let payer: TestUser;
let companyId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.modules.accounts.auth.ensureOperator({ email: 'ops-pay@example.cn', password: 'Ledger-Keeper-9931' });
  const login = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ops-pay@example.cn', password: 'Ledger-Keeper-9931' } });
  ops = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
  payer = await registerUser(t);
  companyId = (await createCompany(t, payer)).id;
});
afterAll(async () => {
  await t.close();
});


async function newIntent(provider: 'sandbox' | 'bank_transfer', amount = 688_000) {
  return t.database.transaction((trx) =>
    t.modules.payments.payments.createIntent(trx, { companyId, purpose: 'test', referenceId: 'ref-1', amount, currency: 'CNY', provider, description: '诚信通 标准版 1 年', createdBy: payer.id }),
  );
}

const providerRef = async (intentId: string) => (await sql<{ provider_ref: string }>`SELECT provider_ref FROM payment_intents WHERE id = ${intentId}`.execute(t.database.db)).rows[0]!.provider_ref;

const balance = async (code: string) => (await t.modules.payments.payments.balances(code)).find((b) => b.code === code)?.balance ?? 0;

describe('ledger', () => {
  it('keeps every random sequence of balanced transactions summing to zero, and refuses unbalanced ones', async () => {
    const svc = t.modules.payments.payments;
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const accounts = ['a:cash:CNY', 'a:escrow:CNY', 'a:revenue:CNY', 'a:seller:CNY'];
    for (let n = 0; n < 40; n++) {
      const legs = 2 + Math.floor(rnd() * 3);
      const amounts = Array.from({ length: legs - 1 }, () => Math.floor(rnd() * 1_000_000) - 500_000 || 1);
      const last = -amounts.reduce((a, b) => a + b, 0);
      const postings = [...amounts, last].filter((a) => a !== 0).map((amount, i) => ({ account: accounts[(n + i) % accounts.length]!, purpose: 'test', amount }));
      if (postings.length < 2) continue;
      await t.database.transaction((trx) => svc.post(trx, { kind: 'test', referenceType: 'test', referenceId: String(n), currency: 'CNY' }, postings));
    }
    const all = await svc.balances('a:');
    expect(all.reduce((s, b) => s + b.balance, 0)).toBe(0);
    expect(await svc.reconcile()).toEqual([]);
    await expect(t.database.transaction((trx) => svc.post(trx, { kind: 'bad', referenceType: 'test', referenceId: 'x', currency: 'CNY' }, [
      { account: 'a:cash:CNY', purpose: 'test', amount: 100 }, { account: 'a:revenue:CNY', purpose: 'test', amount: -99 },
    ]))).rejects.toMatchObject({ code: 'LEDGER_UNBALANCED' });
  });

  it('is guarded by the database too: an unbalanced or edited posting cannot commit', async () => {
    const svc = t.modules.payments.payments;
    const txId = await t.database.transaction((trx) => svc.post(trx, { kind: 'test', referenceType: 'test', referenceId: 'db', currency: 'CNY' }, [
      { account: 'b:one:CNY', purpose: 'test', amount: 500 }, { account: 'b:two:CNY', purpose: 'test', amount: -500 },
    ]));
    await expect(sql`UPDATE ledger_postings SET amount = 1 WHERE transaction_id = ${txId}`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(t.database.transaction(async (trx) => {
      await sql`INSERT INTO ledger_postings (transaction_id, account_id, amount, currency) SELECT ${txId}, account_id, 7, currency FROM ledger_postings WHERE transaction_id = ${txId} LIMIT 1`.execute(trx);
    })).rejects.toThrow(/does not balance/);
    expect(await svc.reconcile()).toEqual([]);
  });
});

describe('sandbox provider and webhooks', () => {
  it('approving on the pay page sends a signed webhook that settles the payment once, even when delivered twice', async () => {
    const intent = await newIntent('sandbox');
    expect(intent).toMatchObject({ status: 'requires_payment', payUrl: `http://tongshang.test/sandbox/pay/${intent.id}` });
    const before = await balance(revenueAccount('CNY'));
    const approve = await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${intent.id}/approve`, headers: payer.headers });
    expect(approve.statusCode).toBe(200);
    await t.drain();
    const after = await call(t, { method: 'GET', url: `/api/v1/payments/${intent.id}`, headers: payer.headers });
    expect(after.json()).toMatchObject({ status: 'succeeded', payUrl: null });
    expect(await balance(revenueAccount('CNY'))).toBe(before - 688_000);
    expect(await balance(clearingAccount('sandbox', 'CNY'))).toBeGreaterThanOrEqual(688_000);

    // The provider repeats the delivery: acknowledged, nothing applied twice.
    const event = { id: 'evt_repeat_test', type: 'payment.succeeded', intentId: intent.id, providerRef: await providerRef(intent.id), amount: 688_000, currency: 'CNY', created: 1 };
    const body = JSON.stringify(event);
    const send = () => call(t, { method: 'POST', url: '/api/v1/webhooks/payments/sandbox', headers: { 'content-type': 'application/json', 'tongshang-signature': signWebhook(t.config.PAYMENTS_WEBHOOK_SECRET, body) }, payload: body });
    expect((await send()).json()).toMatchObject({ outcome: 'ignored' });
    expect(await balance(revenueAccount('CNY'))).toBe(before - 688_000);
    const events = await t.database.db.selectFrom('events').select('type').where('subject_id', '=', intent.id).execute();
    expect(events.filter((e) => e.type === 'payment.succeeded')).toHaveLength(1);
  });

  it('declining fails the payment and moves no money', async () => {
    const intent = await newIntent('sandbox', 1000);
    const before = await balance(revenueAccount('CNY'));
    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${intent.id}/decline`, headers: payer.headers });
    await t.drain();
    expect((await call(t, { method: 'GET', url: `/api/v1/payments/${intent.id}`, headers: payer.headers })).json()).toMatchObject({ status: 'failed' });
    expect(await balance(revenueAccount('CNY'))).toBe(before);
    const again = await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${intent.id}/approve`, headers: payer.headers });
    expect(again.json()).toMatchObject({ code: 'PAYMENT_NOT_PAYABLE' });
  });

  it('refuses forged, stale and replayed webhooks and ignores unknown intents, logging each', async () => {
    const intent = await newIntent('sandbox', 2000);
    const ref = await providerRef(intent.id);
    const event = { id: 'evt_forgery', type: 'payment.succeeded', intentId: intent.id, providerRef: ref, amount: 2000, currency: 'CNY', created: 1 };
    const body = JSON.stringify(event);
    const post = (signature: string, payload = body) => call(t, { method: 'POST', url: '/api/v1/webhooks/payments/sandbox', headers: { 'content-type': 'application/json', 'tongshang-signature': signature }, payload });
    const forged = await post(signWebhook('not-the-secret-at-all', body));
    expect(forged.statusCode).toBe(422);
    expect(forged.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    const stale = await post(signWebhook(t.config.PAYMENTS_WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000) - 3600));
    expect(stale.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    const tampered = await post(signWebhook(t.config.PAYMENTS_WEBHOOK_SECRET, body), body.replace('2000', '1'));
    expect(tampered.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    expect((await call(t, { method: 'GET', url: `/api/v1/payments/${intent.id}`, headers: payer.headers })).json()).toMatchObject({ status: 'requires_payment' });

    const unknown = JSON.stringify({ ...event, id: 'evt_unknown', intentId: '01900000-0000-7000-8000-000000000000' });
    expect((await post(signWebhook(t.config.PAYMENTS_WEBHOOK_SECRET, unknown), unknown)).json()).toMatchObject({ outcome: 'unknown_intent' });

    const good = signWebhook(t.config.PAYMENTS_WEBHOOK_SECRET, body);
    expect((await post(good)).json()).toMatchObject({ outcome: 'applied' });
    expect((await post(good)).json()).toMatchObject({ outcome: 'replayed' });
    const log = (await sql<{ outcome: string }>`SELECT outcome FROM payment_webhook_events`.execute(t.database.db)).rows;
    expect(log.map((l) => l.outcome)).toEqual(expect.arrayContaining(['bad_signature', 'unknown_intent', 'applied', 'replayed']));
  });

  it('lets only members of the paying company see or approve its payment', async () => {
    const intent = await newIntent('sandbox', 3000);
    const stranger = await registerUser(t);
    await createCompany(t, stranger);
    expect((await call(t, { method: 'GET', url: `/api/v1/payments/${intent.id}`, headers: stranger.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${intent.id}/approve`, headers: stranger.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${companyId}/payments`, headers: stranger.headers })).statusCode).toBe(403);
  });
});

describe('bank transfer', () => {
  it('an operator confirms a transfer once; a repeated request with the same Idempotency-Key returns the first answer', async () => {
    const intent = await newIntent('bank_transfer', 500_000);
    expect(intent.instructions).toMatch(/TS[0-9A-F]{10}/);
    const before = await balance(revenueAccount('CNY'));
    const wrong = await call(t, { method: 'POST', url: `/api/v1/admin/payments/${intent.id}/confirm-transfer`, headers: ops, payload: { bankReference: 'ICBC-123', amount: 499_999 } });
    expect(wrong.json()).toMatchObject({ code: 'TRANSFER_AMOUNT_MISMATCH' });
    const confirm = () => call(t, { method: 'POST', url: `/api/v1/admin/payments/${intent.id}/confirm-transfer`, headers: { ...ops, 'idempotency-key': 'confirm-abc' }, payload: { bankReference: 'ICBC-123', amount: 500_000 } });
    const first = await confirm();
    expect(first.json()).toMatchObject({ status: 'succeeded' });
    const second = await confirm();
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(await balance(revenueAccount('CNY'))).toBe(before - 500_000);
    const reused = await call(t, { method: 'POST', url: `/api/v1/admin/payments/${intent.id}/confirm-transfer`, headers: { ...ops, 'idempotency-key': 'confirm-abc' }, payload: { bankReference: 'ICBC-999', amount: 500_000 } });
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const withoutKey = await call(t, { method: 'POST', url: `/api/v1/admin/payments/${intent.id}/confirm-transfer`, headers: ops, payload: { bankReference: 'ICBC-123', amount: 500_000 } });
    expect(withoutKey.json()).toMatchObject({ code: 'PAYMENT_NOT_PAYABLE' });
    const balances = await call(t, { method: 'GET', url: '/api/v1/admin/ledger/balances', headers: ops });
    expect(balances.json()).toMatchObject({ unbalancedTransactions: [] });
  });
});

describe('settlement routes', () => {
  it("credits a routed purpose's own account and runs its owner's hook in the settling transaction; a failing hook settles nothing", async () => {
    const svc = t.modules.payments.payments;
    let fail = true;
    const seen: string[] = [];
    svc.registerSettlement('route-test', {
      account: (intent) => ({ code: `test:held:${intent.referenceId}:CNY`, purpose: 'held for the test', companyId: intent.companyId }),
      onSucceeded: async (_trx, intent) => {
        if (fail) throw new Error('the owner refused');
        seen.push(intent.id);
      },
    });
    expect(() => svc.registerSettlement('route-test', { account: () => ({ code: 'x', purpose: 'x' }), onSucceeded: async () => {} })).toThrow();
    const intent = await t.database.transaction((trx) => svc.createIntent(trx, { companyId, purpose: 'route-test', referenceId: 'r7', amount: 12_300, currency: 'CNY', provider: 'bank_transfer', description: 'route', createdBy: payer.id }));
    const confirm = () => call(t, { method: 'POST', url: `/api/v1/admin/payments/${intent.id}/confirm-transfer`, headers: ops, payload: { bankReference: 'B-1', amount: 12_300 } });
    expect((await confirm()).statusCode).toBe(500);
    expect(await svc.accountBalance('test:held:r7:CNY')).toBe(0);
    expect((await sql<{ status: string }>`SELECT status FROM payment_intents WHERE id = ${intent.id}`.execute(t.database.db)).rows[0]!.status).toBe('requires_payment');
    fail = false;
    expect((await confirm()).json()).toMatchObject({ status: 'succeeded' });
    expect(seen).toEqual([intent.id]);
    expect(await svc.accountBalance('test:held:r7:CNY')).toBe(-12_300);
    expect((await svc.accountEntries('test:held:r7:CNY')).map((e) => [e.kind, e.referenceId, e.amount])).toEqual([['payment', intent.id, -12_300]]);
  });
});
