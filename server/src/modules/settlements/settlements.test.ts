import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents, recordEvent } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import { addMember, call, createCompany, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { daysLate, suggestedLimit } from './service.js';
import { nextSweepAt } from './jobs.js';

let t: TestApp;
let ops: Record<string, string>;
const DAY = 86_400_000;
const PROBLEM = 'application/problem+json; charset=utf-8';
const BANK = { name: '招商银行 苏州分行', accountNo: '6214 8300 1234 5678', accountName: '苏州测试钢材有限公司' };

beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
});
afterAll(async () => {
  await t.close();
});

interface Party { owner: TestUser; id: string; legalName: string }
interface Balances { available: number; pending: number; inFlight: number; currency: string }
interface Payout { id: string; companyName: string | null; companyNameEn: string | null; amount: number; status: string; provider: string; bankReference: string | null; bank: { accountNo: string } }
interface Bill { id: string; orderId: string; status: string; outstanding: number; repayable: boolean; daysOverdue: number }
interface CreditLineJson { line: { limit: number; used: number; available: number; status: string } | null; bills: Bill[]; overdue: { count: number; amount: number } }

const NAME_EN = 'Suzhou Test Steel Co., Ltd.';

async function company(type = 'manufacturer', overrides: Record<string, unknown> = {}): Promise<Party> {
  const owner = await registerUser(t);
  const c = await createCompany(t, owner, { companyType: type, nameEn: NAME_EN, ...overrides });
  return { owner, id: c.id, legalName: c.legalName };
}

const payments = () => t.modules.payments.payments;
const settlements = () => t.modules.settlements;

/** Credits a seller as a completed order would (Dr clearing / Cr seller available, Cr platform fees), with a fee. */
async function creditSeller(sellerId: string, gross: number, fee = Math.round(gross * 0.02), orderId = uuidv7()): Promise<string> {
  await t.database.transaction(async (trx) => {
    await payments().post(trx, { kind: 'order_release', referenceType: 'order', referenceId: orderId, currency: 'CNY', memo: 'test release' }, [
      { account: 'provider:sandbox:clearing:CNY', purpose: 'provider clearing', amount: gross },
      { account: `seller:${sellerId}:available:CNY`, purpose: 'seller available balance', companyId: sellerId, amount: -(gross - fee) },
      ...(fee > 0 ? [{ account: 'platform:fees:CNY', purpose: 'platform fees', amount: -fee }] : []),
    ]);
  });
  return orderId;
}

async function balances(p: Party, headers = p.owner.headers) {
  return call(t, { method: 'GET', url: `/api/v1/companies/${p.id}/balances`, headers });
}

function requestPayout(p: Party, amount: number, extra: Record<string, unknown> = {}, headers = p.owner.headers) {
  return call(t, { method: 'POST', url: `/api/v1/companies/${p.id}/payouts`, headers, payload: { amount, bank: BANK, ...extra } });
}

describe('seller balances and payouts', () => {
  it('shows the available balance from the ledger and refuses other companies and non-finance roles', async () => {
    const seller = await company();
    await creditSeller(seller.id, 100_000, 2_000);
    const res = await balances(seller);
    expect(res.statusCode).toBe(200);
    expect(res.json<Balances>()).toMatchObject({ available: 98_000, pending: 0, inFlight: 0, currency: 'CNY' });
    const stranger = await company();
    expect((await balances(seller, stranger.owner.headers)).statusCode).toBe(403);
    const sales = await addMember(t, seller.owner, seller.id, 'sales');
    expect((await balances(seller, sales.headers)).statusCode).toBe(403);
    const finance = await addMember(t, seller.owner, seller.id, 'finance');
    expect((await balances(seller, finance.headers)).statusCode).toBe(200);
    expect((await balances(seller, ops)).statusCode).toBe(200);
  });

  it('moves a payout from available to in flight and refuses more than is available', async () => {
    const seller = await company();
    await creditSeller(seller.id, 50_000, 0);
    const over = await requestPayout(seller, 50_001);
    expect(over.statusCode).toBe(409);
    expect(over.headers['content-type']).toBe(PROBLEM);
    expect(over.json<{ code: string }>().code).toBe('PAYOUT_EXCEEDS_AVAILABLE');
    const ok = await requestPayout(seller, 20_000);
    expect(ok.statusCode).toBe(201);
    expect(ok.json<Payout>()).toMatchObject({
      companyName: seller.legalName, companyNameEn: NAME_EN, amount: 20_000, status: 'requested', provider: 'bank_transfer', bank: { accountNo: '6214830012345678' },
    });
    expect((await balances(seller)).json<Balances>()).toMatchObject({ available: 30_000, inFlight: 20_000 });
    expect(await payments().accountBalance('payouts:in_flight:CNY')).toBeLessThanOrEqual(-20_000);
    const list = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/payouts`, headers: seller.owner.headers });
    expect(list.json<{ items: Payout[] }>().items.map((p) => p.id)).toEqual([ok.json<Payout>().id]);
    expect(list.json<{ items: Payout[] }>().items[0]).toMatchObject({ companyName: seller.legalName, companyNameEn: NAME_EN });
  });

  it('never pays out more than the available balance under concurrent requests', async () => {
    const seller = await company();
    await creditSeller(seller.id, 100_000, 0);
    const results = await Promise.all(Array.from({ length: 8 }, () => requestPayout(seller, 30_000)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
    expect((await balances(seller)).json<Balances>()).toMatchObject({ available: 10_000, inFlight: 90_000 });
    expect(await payments().accountBalance(`seller:${seller.id}:available:CNY`)).toBe(-10_000);
  });

  it('replays an Idempotency-Key instead of paying out twice', async () => {
    const seller = await company();
    await creditSeller(seller.id, 10_000, 0);
    const headers = { ...seller.owner.headers, 'idempotency-key': 'payout-once-1' };
    const a = await requestPayout(seller, 6_000, {}, headers);
    const b = await requestPayout(seller, 6_000, {}, headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.body).toBe(a.body);
    expect((await balances(seller)).json<Balances>().available).toBe(4_000);
  });

  it('lets only owner, admin and finance request payouts, never operators', async () => {
    const seller = await company();
    await creditSeller(seller.id, 10_000, 0);
    const purchaser = await addMember(t, seller.owner, seller.id, 'purchaser');
    expect((await requestPayout(seller, 1_000, {}, purchaser.headers)).statusCode).toBe(403);
    expect((await requestPayout(seller, 1_000, {}, ops)).statusCode).toBe(403);
    const bad = await requestPayout(seller, 1_000, { bank: { ...BANK, accountNo: 'abc' } });
    expect(bad.statusCode).toBe(400);
  });

  it('settles a bank-transfer payout when an operator confirms it, once', async () => {
    const seller = await company();
    await creditSeller(seller.id, 10_000, 0);
    const p = (await requestPayout(seller, 8_000)).json<Payout>();
    const clearingBefore = await payments().accountBalance('provider:bank_transfer:clearing:CNY');
    const queue = await call(t, { method: 'GET', url: '/api/v1/admin/payouts?status=requested', headers: ops });
    expect(queue.json<{ items: Payout[] }>().items.find((x) => x.id === p.id)).toMatchObject({ companyName: seller.legalName, companyNameEn: NAME_EN });
    expect((await call(t, { method: 'POST', url: `/api/v1/admin/payouts/${p.id}/confirm`, headers: seller.owner.headers, payload: { bankReference: 'X' } })).statusCode).toBe(403);
    const confirmed = await call(t, { method: 'POST', url: `/api/v1/admin/payouts/${p.id}/confirm`, headers: ops, payload: { bankReference: 'CMB20261127001' } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<Payout>()).toMatchObject({ status: 'paid', bankReference: 'CMB20261127001', companyName: seller.legalName, companyNameEn: NAME_EN });
    expect(await payments().accountBalance('provider:bank_transfer:clearing:CNY')).toBe(clearingBefore - 8_000);
    expect((await balances(seller)).json<Balances>()).toMatchObject({ available: 2_000, inFlight: 0 });
    const again = await call(t, { method: 'POST', url: `/api/v1/admin/payouts/${p.id}/confirm`, headers: ops, payload: { bankReference: 'CMB20261127001' } });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('PAYOUT_NOT_REQUESTED');
    const events = await listEvents(t.database.db, { companyId: seller.id, type: 'payout.*', limit: 10 });
    expect(events.map((e) => e.type).sort()).toEqual(['payout.paid', 'payout.requested']);
  });

  it('returns a failed payout to the available balance', async () => {
    const seller = await company();
    await creditSeller(seller.id, 10_000, 0);
    const p = (await requestPayout(seller, 7_000)).json<Payout>();
    const failed = await call(t, { method: 'POST', url: `/api/v1/admin/payouts/${p.id}/fail`, headers: ops, payload: { reason: '户名与账号不符' } });
    expect(failed.json<Payout>()).toMatchObject({ status: 'failed', companyName: seller.legalName, companyNameEn: NAME_EN });
    expect((await balances(seller)).json<Balances>()).toMatchObject({ available: 10_000, inFlight: 0 });
  });

  it('pays a sandbox payout by itself', async () => {
    const seller = await company();
    await creditSeller(seller.id, 10_000, 0);
    const p = (await requestPayout(seller, 5_000, { provider: 'sandbox' })).json<Payout>();
    await t.drain();
    const list = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/payouts`, headers: seller.owner.headers });
    expect(list.json<{ items: Payout[] }>().items.find((x) => x.id === p.id)).toMatchObject({ status: 'paid' });
    expect((await balances(seller)).json<Balances>()).toMatchObject({ available: 5_000, inFlight: 0 });
  });
});

describe('statements', () => {
  let seller: Party;
  beforeAll(async () => {
    seller = await company();
    await creditSeller(seller.id, 100_000, 2_000);
    await creditSeller(seller.id, 50_000, 1_000);
    await requestPayout(seller, 60_000);
  });

  it('lists releases with their fee, payouts and a running balance', async () => {
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/statement`, headers: seller.owner.headers });
    expect(res.statusCode).toBe(200);
    const s = res.json<{ opening: number; closing: number; credits: number; debits: number; entries: Array<{ kind: string; amount: number; balance: number; orderId: string | null }> }>();
    expect(s.entries.map((e) => [e.kind, e.amount, e.balance])).toEqual([
      ['release', 100_000, 100_000], ['fee', -2_000, 98_000], ['release', 50_000, 148_000], ['fee', -1_000, 147_000], ['payout', -60_000, 87_000],
    ]);
    expect(s).toMatchObject({ opening: 0, closing: 87_000, credits: 150_000, debits: 63_000 });
    expect(s.entries[0]!.orderId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('starts a later period from the opening balance', async () => {
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + DAY).toISOString().slice(0, 10);
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/statement?from=${tomorrow}&to=${tomorrow}`, headers: seller.owner.headers });
    expect(res.json()).toMatchObject({ opening: 87_000, closing: 87_000, entries: [] });
    const bad = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/statement?from=2026-05-01&to=2026-04-01`, headers: seller.owner.headers });
    expect(bad.json<{ code: string }>().code).toBe('STATEMENT_RANGE_INVALID');
  });

  it('downloads as CSV with a BOM for Excel, in the reader’s language', async () => {
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/statement?format=csv`, headers: { ...seller.owner.headers, 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="statement-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('时间(北京),类型,订单号,摘要,金额(CNY),余额(CNY),参考');
    expect(lines[1]).toContain('期初余额');
    expect(lines.some((l) => l.includes('平台服务费') && l.includes(',-20.00,980.00,'))).toBe(true);
    expect(lines[lines.length - 1]).toContain('870.00');
    const en = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/statement?format=csv`, headers: { ...seller.owner.headers, 'accept-language': 'en-US' } });
    expect(en.rawPayload.subarray(3).toString('utf8')).toContain('Time (Beijing),Kind,Order,Memo,Amount (CNY),Balance (CNY),Reference');
  });

  it('downloads as an Excel workbook with numeric amounts', async () => {
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/statement?format=xlsx`, headers: seller.owner.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 1 + 5 + 1);
    expect(sheet.getRow(3).getCell(5).value).toBe(1000);
    expect(sheet.getRow(sheet.rowCount).getCell(6).value).toBe(870);
  });

  it('is not shown to another company', async () => {
    const other = await company();
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${seller.id}/statement?format=csv`, headers: other.owner.headers })).statusCode).toBe(403);
  });
});

describe('credit lines (账期)', () => {
  async function grant(buyerId: string, limit: number, status: 'active' | 'frozen' = 'active') {
    return call(t, { method: 'PUT', url: `/api/v1/admin/credit-lines/${buyerId}`, headers: ops, payload: { limit, status } });
  }
  const draw = (buyerId: string, amount: number, orderId = uuidv7()) =>
    t.database.transaction(async (trx) => {
      await settlements().creditLines.draw(trx, buyerId, amount, orderId);
      return orderId;
    });
  const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: Error & { code?: string }) => e.code ?? e.message);
  const line = async (p: Party) => (await call(t, { method: 'GET', url: `/api/v1/companies/${p.id}/credit-line`, headers: p.owner.headers })).json<CreditLineJson>();

  /** What the orders module does for a credit-terms order: receipt sets the due date, completion posts the receivable. */
  async function complete(buyerId: string, sellerId: string, orderId: string, amount: number, dueAt: Date) {
    await t.database.transaction(async (trx) => {
      await settlements().creditLines.setDueAfter(trx, orderId, new Date(dueAt.getTime() - 30 * DAY), 30);
      const fee = Math.round(amount * 0.02);
      await payments().post(trx, { kind: 'order_release', referenceType: 'order', referenceId: orderId, currency: 'CNY', memo: 'credit-terms completion' }, [
        { account: `receivable:${buyerId}:CNY`, purpose: 'buyer receivable', companyId: buyerId, amount },
        { account: `seller:${sellerId}:available:CNY`, purpose: 'seller available balance', companyId: sellerId, amount: -(amount - fee) },
        { account: 'platform:fees:CNY', purpose: 'platform fees', amount: -fee },
      ]);
      // What the order.completed handler does (tested on its own below), here in the completing transaction.
      await settlements().settlements.markBilled(trx, orderId);
    });
    await t.drain();
  }

  async function payIntent(user: TestUser, intentId: string) {
    const approved = await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${intentId}/approve`, headers: user.headers });
    expect(approved.statusCode).toBe(200);
    await t.drain();
    await t.drain();
  }

  it('suggests a limit from the credit grade and lets operators grant, adjust and freeze', async () => {
    expect(suggestedLimit(null)).toBe(0);
    expect(suggestedLimit('3A')).toBe(20_000_000);
    const buyer = await company('buyer');
    const s = await call(t, { method: 'GET', url: `/api/v1/admin/credit-lines/${buyer.id}`, headers: ops });
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ companyName: buyer.legalName, companyNameEn: NAME_EN, grade: null, suggestedLimit: 0, line: null });
    expect((await call(t, { method: 'PUT', url: `/api/v1/admin/credit-lines/${buyer.id}`, headers: buyer.owner.headers, payload: { limit: 1 } })).statusCode).toBe(403);
    const granted = await grant(buyer.id, 1_000_000);
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ companyName: buyer.legalName, companyNameEn: NAME_EN, limit: 1_000_000, used: 0, available: 1_000_000, status: 'active' });
    await grant(buyer.id, 1_000_000, 'frozen');
    expect((await line(buyer)).line).toMatchObject({ status: 'frozen' });
    const list = await call(t, { method: 'GET', url: '/api/v1/admin/credit-lines', headers: ops });
    expect(list.json<{ items: Array<{ companyId: string }> }>().items.find((i) => i.companyId === buyer.id)).toMatchObject({ companyName: buyer.legalName, companyNameEn: NAME_EN });
    expect((await call(t, { method: 'GET', url: `/api/v1/admin/credit-lines/${buyer.id}`, headers: ops })).json()).toMatchObject({ companyNameEn: NAME_EN, line: { companyNameEn: NAME_EN } });
    const events = await listEvents(t.database.db, { companyId: buyer.id, type: 'credit_line.changed', limit: 10 });
    expect(events).toHaveLength(2);
    const stranger = await company('buyer');
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${buyer.id}/credit-line`, headers: stranger.owner.headers })).statusCode).toBe(403);
  });

  it('names a company without an English name with null there, so the console falls back to the legal name', async () => {
    const buyer = await company('buyer', { nameEn: null });
    expect((await grant(buyer.id, 100_000)).json()).toMatchObject({ companyName: buyer.legalName, companyNameEn: null });
  });

  it('refuses a limit of zero, for a new line and for an existing one alike (freezing is how a line stops)', async () => {
    const buyer = await company('buyer');
    for (const limit of [0, -500]) {
      const zero = await grant(buyer.id, limit);
      expect(zero.statusCode).toBe(400);
      expect(zero.json<{ code: string; errors: Array<{ path: string }> }>()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.limit' }] });
    }
    expect((await call(t, { method: 'GET', url: `/api/v1/admin/credit-lines/${buyer.id}`, headers: ops })).json()).toMatchObject({ line: null });
    expect((await grant(buyer.id, 100_000)).statusCode).toBe(200);
    expect((await grant(buyer.id, 0, 'frozen')).statusCode).toBe(400);
    const frozen = await grant(buyer.id, 100_000, 'frozen');
    expect(frozen.json()).toMatchObject({ limit: 100_000, status: 'frozen' });
  });

  it("tells the companies on the platform's default term when operators change it, once, and no one else", async () => {
    const onDefault = await company('buyer');
    const ownTerm = await company('buyer');
    const frozen = await company('buyer');
    await grant(onDefault.id, 500_000);
    expect((await call(t, { method: 'PUT', url: `/api/v1/admin/credit-lines/${ownTerm.id}`, headers: ops, payload: { limit: 500_000, status: 'active', termDays: 60 } })).statusCode).toBe(200);
    await grant(frozen.id, 500_000, 'frozen');
    await t.drain();
    const notices = async (p: Party) => (await call(t, { method: 'GET', url: '/api/v1/notifications', headers: p.owner.headers })).body.match(/credit_terms\.default_changed/g)?.length ?? 0;
    const settings = (payload: object) => call(t, { method: 'PUT', url: '/api/v1/admin/trade-settings', headers: ops, payload });
    const before = (await call(t, { method: 'GET', url: '/api/v1/admin/trade-settings', headers: ops })).json<{ creditTermDays: number }>().creditTermDays;
    try {
      expect((await settings({ feeBps: 200 })).statusCode).toBe(200);
      await t.drain();
      expect(await notices(onDefault)).toBe(0);
      expect((await settings({ creditTermDays: before + 15 })).statusCode).toBe(200);
      await t.drain();
      await t.drain();
      expect([await notices(onDefault), await notices(ownTerm), await notices(frozen)]).toEqual([1, 0, 0]);
      const body = (await call(t, { method: 'GET', url: '/api/v1/notifications', headers: onDefault.owner.headers })).body;
      expect(body).toMatch(new RegExp(`收货后 ${before + 15} 天|${before + 15} days after receipt`));
    } finally {
      await settings({ creditTermDays: before });
      await t.drain();
    }
  });

  it('draws within the limit, refuses over it, without a line or when frozen, and releases on refund', async () => {
    const buyer = await company('buyer');
    expect(await codeOf(draw(buyer.id, 100))).toBe('CREDIT_LINE_NOT_FOUND');
    await grant(buyer.id, 100_000);
    const order = await draw(buyer.id, 70_000);
    expect(await codeOf(draw(buyer.id, 30_001))).toBe('CREDIT_LIMIT_EXCEEDED');
    expect((await line(buyer)).line).toMatchObject({ used: 70_000, available: 30_000 });
    // The same order drawing again (a retried request) does not count twice.
    expect(await codeOf(draw(buyer.id, 70_000, order))).toBe('ok');
    expect((await line(buyer)).line).toMatchObject({ used: 70_000 });
    await t.database.transaction((trx) => settlements().creditLines.release(trx, buyer.id, 20_000, order));
    expect((await line(buyer)).line).toMatchObject({ used: 50_000 });
    expect(await codeOf(t.database.transaction((trx) => settlements().creditLines.release(trx, buyer.id, 50_001, order)))).toBe('CREDIT_RELEASE_EXCEEDS');
    await grant(buyer.id, 100_000, 'frozen');
    expect(await codeOf(draw(buyer.id, 1))).toBe('CREDIT_LINE_FROZEN');
  });

  it('never draws more than the limit under concurrent orders', async () => {
    const buyer = await company('buyer');
    await grant(buyer.id, 100_000);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => codeOf(draw(buyer.id, 30_000))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'CREDIT_LIMIT_EXCEEDED')).toHaveLength(3);
    expect((await line(buyer)).line).toMatchObject({ used: 90_000 });
  });

  it('blocks new draws while a billed bill is overdue, and reminds once a day', async () => {
    const buyer = await company('buyer');
    const seller = await company();
    await grant(buyer.id, 500_000);
    const order = await draw(buyer.id, 40_000);
    // Not billed yet (the order is not completed): repaying is refused.
    const bill0 = (await line(buyer)).bills[0]!;
    expect(bill0).toMatchObject({ status: 'awaiting_completion', repayable: false });
    const early = await call(t, { method: 'POST', url: `/api/v1/credit-draws/${bill0.id}/repay`, headers: buyer.owner.headers, payload: {} });
    expect(early.json<{ code: string }>().code).toBe('CREDIT_BILL_NOT_PAYABLE');
    await complete(buyer.id, seller.id, order, 40_000, new Date(Date.now() - 2 * DAY));
    expect(await settlements().creditLines.hasOverdue(buyer.id)).toBe(true);
    expect(await codeOf(draw(buyer.id, 1_000))).toBe('CREDIT_OVERDUE_BLOCKED');
    const view = await line(buyer);
    expect(view.overdue).toEqual({ count: 1, amount: 40_000 });
    expect(view.bills[0]).toMatchObject({ status: 'overdue', daysOverdue: 2, repayable: true, outstanding: 40_000 });

    const first = await settlements().settlements.sweepCredit();
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const second = await settlements().settlements.sweepCredit();
    expect(second.overdue).toBe(0);
    const overdueEvents = await listEvents(t.database.db, { companyId: buyer.id, type: 'credit_terms.overdue', limit: 10 });
    expect(overdueEvents).toHaveLength(1);
    expect(overdueEvents[0]!.payload).toMatchObject({ orderId: order, amount: 40_000, daysLate: 2 });
    await t.drain();
    const notes = await call(t, { method: 'GET', url: '/api/v1/notifications', headers: buyer.owner.headers });
    expect(notes.body.match(/credit_terms\.overdue/g)?.length ?? 0).toBe(1);
  });

  it('repays a bill late through the sandbox: receivable cleared, line restored, repaid event with days late', async () => {
    const buyer = await company('buyer');
    const seller = await company();
    await grant(buyer.id, 500_000);
    const order = await draw(buyer.id, 120_000);
    await complete(buyer.id, seller.id, order, 120_000, new Date(Date.now() - 3 * DAY - 3_600_000));
    const bill = (await line(buyer)).bills[0]!;
    const repay = await call(t, { method: 'POST', url: `/api/v1/credit-draws/${bill.id}/repay`, headers: buyer.owner.headers, payload: { provider: 'sandbox' } });
    expect(repay.statusCode).toBe(200);
    const { intent } = repay.json<{ intent: { id: string; amount: number; payUrl: string } }>();
    expect(intent.amount).toBe(120_000);
    expect(intent.payUrl).toContain(`/sandbox/pay/${intent.id}`);
    // Asking again returns the same open payment.
    const again = await call(t, { method: 'POST', url: `/api/v1/credit-draws/${bill.id}/repay`, headers: buyer.owner.headers, payload: {} });
    expect(again.json<{ intent: { id: string } }>().intent.id).toBe(intent.id);
    const sales = await addMember(t, buyer.owner, buyer.id, 'sales');
    expect((await call(t, { method: 'POST', url: `/api/v1/credit-draws/${bill.id}/repay`, headers: sales.headers, payload: {} })).statusCode).toBe(403);

    await payIntent(buyer.owner, intent.id);
    expect(await payments().accountBalance(`receivable:${buyer.id}:CNY`)).toBe(0);
    const view = await line(buyer);
    expect(view.line).toMatchObject({ used: 0, available: 500_000 });
    expect(view.bills[0]).toMatchObject({ status: 'repaid', outstanding: 0, repayable: false });
    expect(view.overdue.count).toBe(0);
    const repaid = await listEvents(t.database.db, { companyId: buyer.id, type: 'credit_terms.repaid', limit: 10 });
    expect(repaid[0]!.payload).toMatchObject({ orderId: order, amount: 120_000, onTime: false, daysLate: 3 });
    expect(await codeOf(draw(buyer.id, 1_000))).toBe('ok');
  });

  it('records an on-time repayment', async () => {
    const buyer = await company('buyer');
    const seller = await company();
    await grant(buyer.id, 500_000);
    const order = await draw(buyer.id, 80_000);
    await t.database.transaction((trx) => settlements().creditLines.release(trx, buyer.id, 10_000, order));
    await complete(buyer.id, seller.id, order, 70_000, new Date(Date.now() + 20 * DAY));
    const bill = (await line(buyer)).bills[0]!;
    expect(bill).toMatchObject({ status: 'billed', outstanding: 70_000, repayable: true });
    const { intent } = (await call(t, { method: 'POST', url: `/api/v1/credit-draws/${bill.id}/repay`, headers: buyer.owner.headers, payload: {} })).json<{ intent: { id: string; amount: number } }>();
    expect(intent.amount).toBe(70_000);
    await payIntent(buyer.owner, intent.id);
    const repaid = await listEvents(t.database.db, { companyId: buyer.id, type: 'credit_terms.repaid', limit: 10 });
    expect(repaid[0]!.payload).toMatchObject({ amount: 70_000, onTime: true, daysLate: 0 });
    expect(await payments().accountBalance(`receivable:${buyer.id}:CNY`)).toBe(0);
  });

  it('issues the bill when the orders module reports the order completed', async () => {
    const buyer = await company('buyer');
    const seller = await company();
    await grant(buyer.id, 500_000);
    const orderId = await draw(buyer.id, 25_000);
    await t.database.transaction(async (trx) => {
      await settlements().creditLines.setDueAfter(trx, orderId, new Date(), 30);
      await payments().post(trx, { kind: 'order_release', referenceType: 'order', referenceId: orderId, currency: 'CNY' }, [
        { account: `receivable:${buyer.id}:CNY`, purpose: 'buyer receivable', companyId: buyer.id, amount: 25_000 },
        { account: `seller:${seller.id}:available:CNY`, purpose: 'seller available balance', companyId: seller.id, amount: -25_000 },
      ]);
      await recordEvent(trx, {
        type: 'order.completed', actorUserId: null, companyId: buyer.id, subjectType: 'order', subjectId: orderId,
        payload: { orderId, number: 'TS20260101-000001', buyerCompanyId: buyer.id, supplierCompanyId: seller.id, total: 25_000, released: 24_500, fee: 500 },
      });
    });
    await t.drain();
    expect((await line(buyer)).bills[0]).toMatchObject({ orderId, status: 'billed', repayable: true });
    const billed = await listEvents(t.database.db, { companyId: buyer.id, type: 'credit_terms.billed', limit: 10 });
    expect(billed[0]!.payload).toMatchObject({ orderId, amount: 25_000 });
  });

  it('reminds once before the due date', async () => {
    const buyer = await company('buyer');
    const seller = await company();
    await grant(buyer.id, 500_000);
    const order = await draw(buyer.id, 10_000);
    await complete(buyer.id, seller.id, order, 10_000, new Date(Date.now() + 2 * DAY));
    const a = await settlements().settlements.sweepCredit();
    const b = await settlements().settlements.sweepCredit();
    expect(a.dueSoon).toBeGreaterThanOrEqual(1);
    expect(b.dueSoon).toBe(0);
  });
});

describe('reconciliation', () => {
  it('is for operators only', async () => {
    const someone = await company();
    expect((await call(t, { method: 'GET', url: '/api/v1/admin/ledger/reconciliation', headers: someone.owner.headers })).statusCode).toBe(403);
  });

  it('proves the books and detects escrow that no order accounts for', async () => {
    const before = await call(t, { method: 'GET', url: '/api/v1/admin/ledger/reconciliation', headers: ops });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ ok: true, balanced: true, escrowMatchesOrders: true, receivablesMatchBills: true, inFlightMatchesPayouts: true, negativeSellerBalances: [] });
    // Money posted to escrow without any order behind it: balanced as a transaction, but escrow no longer equals the orders.
    await t.database.transaction(async (trx) => {
      await payments().post(trx, { kind: 'manual', referenceType: 'test', referenceId: 'unbacked-escrow', currency: 'CNY' }, [
        { account: 'provider:sandbox:clearing:CNY', purpose: 'provider clearing', amount: 12_345 },
        { account: 'escrow:CNY', purpose: 'escrow', amount: -12_345 },
      ]);
    });
    const after = (await call(t, { method: 'GET', url: '/api/v1/admin/ledger/reconciliation', headers: ops })).json<{ ok: boolean; balanced: boolean; escrowMatchesOrders: boolean; escrowBalance: number; escrowOutstandingOrders: number }>();
    expect(after).toMatchObject({ ok: false, balanced: true, escrowMatchesOrders: false });
    expect(after.escrowBalance - after.escrowOutstandingOrders).toBe(12_345);
  });
});

describe('pure rules', () => {
  it('counts whole days late, zero when on time', () => {
    const due = new Date('2026-03-01T00:00:00Z');
    expect(daysLate(due, new Date('2026-02-28T00:00:00Z'))).toBe(0);
    expect(daysLate(due, due)).toBe(0);
    expect(daysLate(due, new Date('2026-03-01T00:00:01Z'))).toBe(1);
    expect(daysLate(due, new Date('2026-03-03T12:00:00Z'))).toBe(2);
    expect(daysLate(due, new Date('2026-03-04T00:00:00Z'))).toBe(3);
    expect(daysLate(null, new Date())).toBe(0);
  });

  it('sweeps daily at 09:00 Beijing time', () => {
    expect(nextSweepAt(new Date('2026-03-01T00:30:00Z')).toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(nextSweepAt(new Date('2026-03-01T01:00:00Z')).toISOString()).toBe('2026-03-02T01:00:00.000Z');
  });
});
