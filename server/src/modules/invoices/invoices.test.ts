import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, buildUscc, call, createCompany, operatorHeaders, registerUser, type TestUser } from '../../testing/factories.js';
import { createSupplier, uploadProductImage } from '../../testing/catalog-factories.js';
import { uuidv7 } from '../../platform/ids.js';
import { checkProfile, taxNoProblem, type Deps, type OrderFacts } from './service.js';

let t: TestApp;
const orders = new Map<string, OrderFacts>();

beforeAll(async () => {
  t = await createTestApp();
  // Orders are the orders module's; these tests give the invoices module its own (forParty is all it reads).
  (t.modules.invoices.invoices as unknown as { deps: Deps }).deps.orders.forParty = (_trx, id) => Promise.resolve(orders.get(id) ?? null);
});
afterAll(async () => {
  await t.close();
});

interface Profile { id: string; companyId: string; kind: string; title: string; taxNo: string; bankName: string | null; bankAccount: string | null; address: string | null; phone: string | null; isDefault: boolean; archived: boolean }
interface OrderInvoices { items: Array<{ id: string; number: string; amount: number; kind: string; fileUrl: string | null; issuedOn: string }>; invoicedTotal: number; invoiceable: number; remaining: number; profile: Profile | null; canRecord: boolean }

async function buyerCompany(): Promise<{ owner: TestUser; companyId: string }> {
  const owner = await registerUser(t);
  const company = await createCompany(t, owner, { companyType: 'buyer' });
  return { owner, companyId: company.id };
}

const vat = (taxNo = buildUscc()) => ({ kind: 'vat_special', title: '上海采购贸易有限公司', taxNo, bankName: '中国工商银行上海张江支行', bankAccount: '1001 2345 6789 0123 456', address: '上海市浦东新区张江路 100 号', phone: '021-58881234' });
const create = (u: TestUser, companyId: string, body: Record<string, unknown>, locale = 'zh-CN') =>
  call(t, { method: 'POST', url: '/api/v1/invoice-profiles', headers: { ...u.headers, 'accept-language': locale }, payload: { companyId, ...body } });
const profiles = async (u: TestUser, companyId: string) => (await call(t, { method: 'GET', url: `/api/v1/invoice-profiles?companyId=${companyId}`, headers: u.headers })).json<{ items: Profile[] }>().items;

describe('invoice profiles', () => {
  it('rules: tax numbers are 15–20 digits or capitals, 18-character ones pass the USCC check; VAT special needs every field', () => {
    expect(taxNoProblem(buildUscc(), 'en-US')).toBeNull();
    expect(taxNoProblem('310115123456789', 'en-US')).toBeNull();
    expect(taxNoProblem('91320200583202009X', 'en-US')).toMatch(/fails its check/);
    expect(taxNoProblem('1234', 'en-US')).toMatch(/15–20/);
    expect(taxNoProblem('91320200583202009m', 'en-US')).toMatch(/15–20/);
    const ordinary = checkProfile({ kind: 'ordinary', title: ' 某公司 ', taxNo: ' 310115 123456789 ' }, 'en-US');
    expect(ordinary.errors).toEqual([]);
    expect(ordinary.fields).toMatchObject({ title: '某公司', taxNo: '310115123456789', bankName: null, phone: null });
    const special = checkProfile({ kind: 'vat_special', title: '某公司', taxNo: '310115123456789', bankName: '工行', address: ' ' }, 'en-US');
    expect(special.errors.map((e) => e.path)).toEqual(['body.bankAccount', 'body.address', 'body.phone']);
  });

  it('adds profiles (the first is the default), switches the default, and archives without losing the one an order named', async () => {
    const buyer = await buyerCompany();
    const first = await create(buyer.owner, buyer.companyId, vat());
    expect(first.statusCode, first.body).toBe(201);
    const a = first.json<Profile>();
    expect(a).toMatchObject({ kind: 'vat_special', isDefault: true, bankAccount: '1001234567890123456', archived: false });
    const b = (await create(buyer.owner, buyer.companyId, { kind: 'ordinary', title: '上海采购贸易有限公司(普票)', taxNo: '310115123456789' })).json<Profile>();
    expect(b).toMatchObject({ isDefault: false, bankName: null });
    expect((await profiles(buyer.owner, buyer.companyId)).map((p) => p.id)).toEqual([a.id, b.id]);

    const made = await call(t, { method: 'PATCH', url: `/api/v1/invoice-profiles/${b.id}`, headers: buyer.owner.headers, payload: { isDefault: true } });
    expect(made.statusCode, made.body).toBe(200);
    expect((await profiles(buyer.owner, buyer.companyId)).map((p) => [p.id, p.isDefault])).toEqual([[b.id, true], [a.id, false]]);

    // Archiving the default hands it to the newest other profile; the archived one stays readable (orders name it).
    expect((await call(t, { method: 'DELETE', url: `/api/v1/invoice-profiles/${b.id}`, headers: buyer.owner.headers })).statusCode).toBe(200);
    expect((await profiles(buyer.owner, buyer.companyId)).map((p) => [p.id, p.isDefault])).toEqual([[a.id, true]]);
    expect((await call(t, { method: 'GET', url: `/api/v1/invoice-profiles/${b.id}`, headers: buyer.owner.headers })).json<Profile>()).toMatchObject({ archived: true, isDefault: false });
    expect(await t.modules.invoices.profileOf(b.id)).toMatchObject({ companyId: buyer.companyId, archived: true });
    expect((await call(t, { method: 'PATCH', url: `/api/v1/invoice-profiles/${b.id}`, headers: buyer.owner.headers, payload: { title: 'x' } })).statusCode).toBe(404);
  });

  it('refuses an incomplete VAT special profile and a bad tax number with field errors in the reader\'s language', async () => {
    const buyer = await buyerCompany();
    const res = await create(buyer.owner, buyer.companyId, { kind: 'vat_special', title: '上海采购贸易有限公司', taxNo: '91320200583202009X', bankName: '工行' }, 'en-US');
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; detail: string; errors: Array<{ path: string; message: string }> }>();
    expect(body.code).toBe('INVOICE_PROFILE_INVALID');
    expect(body.errors.map((e) => e.path)).toEqual(['body.taxNo', 'body.bankAccount', 'body.address', 'body.phone']);
    expect(body.errors[1]!.message).toBe('required for a VAT special invoice');
    const zh = await create(buyer.owner, buyer.companyId, { kind: 'ordinary', title: '', taxNo: '12' });
    expect(zh.json<{ detail: string }>().detail).toMatch(/^开票信息不完整:title 必填/);

    // Turning an ordinary profile into a VAT special one checks the whole profile again.
    const ordinary = (await create(buyer.owner, buyer.companyId, { kind: 'ordinary', title: '上海采购', taxNo: '310115123456789' })).json<Profile>();
    const upgrade = await call(t, { method: 'PATCH', url: `/api/v1/invoice-profiles/${ordinary.id}`, headers: buyer.owner.headers, payload: { kind: 'vat_special' } });
    expect(upgrade.statusCode).toBe(422);
    const complete = await call(t, { method: 'PATCH', url: `/api/v1/invoice-profiles/${ordinary.id}`, headers: buyer.owner.headers, payload: { ...vat(), title: '上海采购' } });
    expect(complete.json<Profile>()).toMatchObject({ kind: 'vat_special', title: '上海采购', phone: '021-58881234' });
  });

  it('lets owners, admins and purchasers manage profiles, finance and sales read them, other companies nothing', async () => {
    const buyer = await buyerCompany();
    const purchaser = await addMember(t, buyer.owner, buyer.companyId, 'purchaser');
    const finance = await addMember(t, buyer.owner, buyer.companyId, 'finance');
    const outsider = await buyerCompany();
    const p = (await create(purchaser, buyer.companyId, vat())).json<Profile>();
    expect((await profiles(finance, buyer.companyId)).map((x) => x.id)).toEqual([p.id]);
    expect((await create(finance, buyer.companyId, vat())).statusCode).toBe(403);
    expect((await call(t, { method: 'PATCH', url: `/api/v1/invoice-profiles/${p.id}`, headers: finance.headers, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/invoice-profiles?companyId=${buyer.companyId}`, headers: outsider.owner.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/invoice-profiles/${p.id}`, headers: outsider.owner.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'DELETE', url: `/api/v1/invoice-profiles/${p.id}`, headers: outsider.owner.headers })).statusCode).toBe(404);
    expect((await create(outsider.owner, buyer.companyId, vat())).statusCode).toBe(403);
  });
});

describe('issued invoices', () => {
  async function paidOrder(status = 'paid', total = 1_000_000) {
    const buyer = await buyerCompany();
    const seller = await createSupplier(t);
    const profile = (await create(buyer.owner, buyer.companyId, vat())).json<Profile>();
    const order: OrderFacts = { id: uuidv7(), number: `TS20261127-${Math.floor(Math.random() * 1e6)}`, status, buyerCompanyId: buyer.companyId, supplierCompanyId: seller.company.id, total, escrowRefunded: 0, termsRefunded: 0, invoiceProfileId: profile.id };
    orders.set(order.id, order);
    return { buyer, seller, order, profile };
  }
  const recordInvoice = (u: TestUser, orderId: string, body: Record<string, unknown>, locale = 'zh-CN') =>
    call(t, { method: 'POST', url: `/api/v1/orders/${orderId}/invoices`, headers: { ...u.headers, 'accept-language': locale }, payload: body });
  const read = async (u: TestUser, orderId: string) => {
    const res = await call(t, { method: 'GET', url: `/api/v1/orders/${orderId}/invoices`, headers: u.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<OrderInvoices>();
  };

  it('the seller records invoices for a paid order up to its amount less refunds; both sides see them with the profile the buyer chose', async () => {
    const { buyer, seller, order, profile } = await paidOrder();
    const before = await read(seller.owner, order.id);
    expect(before).toMatchObject({ items: [], invoicedTotal: 0, invoiceable: 1_000_000, remaining: 1_000_000, canRecord: true, profile: { id: profile.id, kind: 'vat_special' } });

    const first = await recordInvoice(seller.owner, order.id, { number: '04400123', issuedOn: '2026-11-28', amount: 600_000 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ number: '04400123', amount: 600_000, kind: 'vat_special', fileUrl: null });
    const dup = await recordInvoice(seller.owner, order.id, { number: '04400123', issuedOn: '2026-11-28', amount: 100_000 }, 'en-US');
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'INVOICE_NUMBER_TAKEN' });

    // A refund lowers what can be invoiced.
    orders.set(order.id, { ...order, escrowRefunded: 200_000 });
    const over = await recordInvoice(seller.owner, order.id, { number: '04400124', issuedOn: '2026-11-29', amount: 300_000 }, 'en-US');
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'INVOICE_AMOUNT_EXCEEDS_ORDER', detail: 'The invoices would total more than the order: ¥2,000.00 is left to invoice.' });
    expect((await recordInvoice(seller.owner, order.id, { number: '04400124', issuedOn: '2026-11-29', amount: 200_000, kind: 'ordinary' })).statusCode).toBe(201);

    const seen = await read(buyer.owner, order.id);
    expect(seen).toMatchObject({ invoicedTotal: 800_000, invoiceable: 800_000, remaining: 0, canRecord: false });
    expect(seen.items.map((i) => [i.number, i.kind, i.issuedOn])).toEqual([['04400123', 'vat_special', '2026-11-28'], ['04400124', 'ordinary', '2026-11-29']]);
  });

  it('attaches the invoice file the seller uploaded, and shows it to the buyer only through the order', async () => {
    const { buyer, seller, order } = await paidOrder();
    const fileId = await uploadProductImage(t, seller.owner);
    const otherSeller = await createSupplier(t);
    const foreign = await uploadProductImage(t, otherSeller.owner);
    expect((await recordInvoice(seller.owner, order.id, { number: 'F-1', issuedOn: '2026-11-28', amount: 100, fileId: foreign })).json()).toMatchObject({ code: 'INVOICE_FILE_INVALID' });
    const rec = (await recordInvoice(seller.owner, order.id, { number: 'F-1', issuedOn: '2026-11-28', amount: 100, fileId })).json<{ id: string; fileUrl: string }>();
    expect(rec.fileUrl).toBe(`/api/v1/orders/${order.id}/invoices/${rec.id}/file`);
    const file = await call(t, { method: 'GET', url: rec.fileUrl, headers: buyer.owner.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('image/');
    const outsider = await buyerCompany();
    expect((await call(t, { method: 'GET', url: rec.fileUrl, headers: outsider.owner.headers })).statusCode).toBe(404);
  });

  it('refuses recording before payment, by the buyer or by seller roles without fulfilment, and hides the order from others', async () => {
    const unpaid = await paidOrder('awaiting_payment');
    const res = await recordInvoice(unpaid.seller.owner, unpaid.order.id, { number: 'N-1', issuedOn: '2026-11-28', amount: 100 }, 'en-US');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVOICE_ORDER_NOT_INVOICEABLE' });
    expect((await read(unpaid.seller.owner, unpaid.order.id)).canRecord).toBe(false);

    const { buyer, seller, order } = await paidOrder();
    expect((await recordInvoice(buyer.owner, order.id, { number: 'N-2', issuedOn: '2026-11-28', amount: 100 })).statusCode).toBe(403);
    const finance = await addMember(t, seller.owner, seller.company.id, 'finance');
    expect((await read(finance, order.id)).canRecord).toBe(false);
    expect((await recordInvoice(finance, order.id, { number: 'N-2', issuedOn: '2026-11-28', amount: 100 })).statusCode).toBe(403);
    const outsider = await buyerCompany();
    expect((await call(t, { method: 'GET', url: `/api/v1/orders/${order.id}/invoices`, headers: outsider.owner.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'GET', url: `/api/v1/orders/${uuidv7()}/invoices`, headers: buyer.owner.headers })).statusCode).toBe(404);
    // Operators read (for disputes), and cannot record.
    const ops = await operatorHeaders(t);
    expect((await call(t, { method: 'GET', url: `/api/v1/orders/${order.id}/invoices`, headers: ops })).statusCode).toBe(200);
    expect((await call(t, { method: 'POST', url: `/api/v1/orders/${order.id}/invoices`, headers: ops, payload: { number: 'N-3', issuedOn: '2026-11-28', amount: 100 } })).statusCode).toBe(403);
    expect((await recordInvoice(seller.owner, order.id, { number: 'N-4', issuedOn: '28/11/2026', amount: 100 })).statusCode).toBe(400);
  });
});
