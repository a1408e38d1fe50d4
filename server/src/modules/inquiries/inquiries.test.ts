import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../platform/events.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, publishProduct, type ProductJson } from '../../testing/catalog-factories.js';
import { statusAfterReopen, statusAfterReply, todayInChina } from './rules.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

interface Problem { status: number; code: string; detail: string; errors?: Array<{ path: string; message: string }> }
interface Inquiry {
  id: string; status: string; supplier: { id: string; name: string; nameEn: string | null }; buyer: { id: string; name: string; nameEn: string | null };
  assignee: { id: string; name: string } | null; lastSide: string; replyCount: number; quoteCount: number;
  lines: Array<{ productId: string; skuId: string | null; skuCode: string | null; quantity: number | null; unit: string; titleZh: string }>;
  quantity: number | null; unit: string | null; targetUnitPrice: number | null; desiredDate: string | null; deliveryProvince: string | null;
  attachments: Array<{ id: string; url: string }>;
  viewerSide: 'buyer' | 'supplier'; can: Record<string, boolean>; assignees: Array<{ id: string; role: string }>;
  replies: Array<{ id: string; side: string; kind: string; body: string; quote: Record<string, unknown> | null; author: { id: string } }>;
  closedBySide: string | null;
}
interface StatusCounts { all: number; new: number; replied: number; quoted: number; closed: number }
interface Counts { receivedNew: number; receivedUnassigned: number; receivedMine: number; sentAwaitingReply: number; received: StatusCounts; sent: StatusCounts }

const daysFromNow = (n: number) => todayInChina(new Date(Date.now() + n * 86_400_000));

async function upload(user: TestUser): Promise<string> {
  const boundary = '----tsinquiry';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="drawing.png"\r\nContent-Type: image/png\r\n\r\n`),
    TINY_PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', payload, headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return res.json<{ id: string }>().id;
}

const send = (user: TestUser, body: Record<string, unknown>, lang = 'en-US') =>
  call(t, { method: 'POST', url: '/api/v1/inquiries', headers: { ...user.headers, 'accept-language': lang }, payload: body });
const get = (user: TestUser, id: string) => call(t, { method: 'GET', url: `/api/v1/inquiries/${id}`, headers: user.headers });
const reply = (user: TestUser, id: string, body: Record<string, unknown>) => call(t, { method: 'POST', url: `/api/v1/inquiries/${id}/replies`, headers: user.headers, payload: body });
const list = async (user: TestUser, query: string) => (await call(t, { method: 'GET', url: `/api/v1/inquiries?${query}`, headers: user.headers })).json<{ items: Inquiry[]; nextCursor: string | null }>();
const counts = async (user: TestUser) => (await call(t, { method: 'GET', url: '/api/v1/inquiries/counts', headers: user.headers })).json<Counts>();
const notificationsOf = async (user: TestUser) =>
  (await call(t, { method: 'GET', url: '/api/v1/notifications?limit=100', headers: { ...user.headers, 'accept-language': 'en-US' } })).json<{ items: Array<{ kind: string; title: string; link: string | null }> }>().items;
const events = async (inquiryId: string, type: string) =>
  (await listEvents(t.database.db, { type, limit: 100 })).filter((e) => e.subject_id === inquiryId);

interface World {
  supplier: { id: string; owner: TestUser; sales: TestUser; sales2: TestUser; purchaser: TestUser };
  other: { id: string; owner: TestUser; product: ProductJson };
  buyer: { id: string; owner: TestUser; purchaser: TestUser; finance: TestUser };
  product: ProductJson;
}
let w: World;

beforeAll(async () => {
  const categoryId = await categoryIdOf(t, 'steel.plate.hot_rolled');
  const sOwner = await registerUser(t);
  const supplier = await createCompany(t, sOwner, { legalName: '江苏沙钢供应有限公司', companyType: 'manufacturer' });
  const product = await publishProduct(t, sOwner, (await createProduct(t, sOwner, categoryId)).id);
  const oOwner = await registerUser(t);
  const other = await createCompany(t, oOwner, { legalName: '天津另一钢铁有限公司', companyType: 'trading_company' });
  const otherProduct = await publishProduct(t, oOwner, (await createProduct(t, oOwner, categoryId)).id);
  const bOwner = await registerUser(t);
  const buyer = await createCompany(t, bOwner, { legalName: '上海采购建设有限公司', companyType: 'buyer' });
  w = {
    supplier: {
      id: supplier.id, owner: sOwner,
      sales: await addMember(t, sOwner, supplier.id, 'sales'), sales2: await addMember(t, sOwner, supplier.id, 'sales'),
      purchaser: await addMember(t, sOwner, supplier.id, 'purchaser'),
    },
    other: { id: other.id, owner: oOwner, product: otherProduct },
    buyer: { id: buyer.id, owner: bOwner, purchaser: await addMember(t, bOwner, buyer.id, 'purchaser'), finance: await addMember(t, bOwner, buyer.id, 'finance') },
    product,
  };
});

describe('inquiry rules', () => {
  it('moves new → replied → quoted on supplier answers; buyer follow-ups change nothing; reopen returns to where the thread was', () => {
    expect(statusAfterReply('new', 'supplier', 'reply')).toBe('replied');
    expect(statusAfterReply('new', 'supplier', 'quote')).toBe('quoted');
    expect(statusAfterReply('replied', 'supplier', 'quote')).toBe('quoted');
    expect(statusAfterReply('quoted', 'supplier', 'reply')).toBe('quoted');
    expect(statusAfterReply('new', 'buyer', 'reply')).toBe('new');
    expect(statusAfterReopen({ quoteCount: 0, supplierAnswered: false })).toBe('new');
    expect(statusAfterReopen({ quoteCount: 0, supplierAnswered: true })).toBe('replied');
    expect(statusAfterReopen({ quoteCount: 2, supplierAnswered: true })).toBe('quoted');
  });

  it('counts "today" in China time', () => {
    expect(todayInChina(new Date('2025-03-01T16:30:00Z'))).toBe('2025-03-02');
    expect(todayInChina(new Date('2025-03-01T15:59:00Z'))).toBe('2025-03-01');
  });
});

describe('inquiries', () => {
  it('sends an inquiry with product lines, snapshots the products, records inquiry.created and notifies the supplier handlers', async () => {
    const [q235, q355] = w.product.skus;
    const file = await upload(w.buyer.purchaser);
    const res = await send(w.buyer.purchaser, {
      lines: [{ productId: w.product.id, skuId: q235!.id, quantity: 60 }, { productId: w.product.id, skuId: q355!.id, quantity: 25.5, unit: 'ton' }],
      quantity: 85.5, targetUnitPrice: 405_000, deliveryProvince: '310000', desiredDate: daysFromNow(14),
      message: '请报 Q235B 和 Q355B 到厂价,需开增值税专票。', attachmentIds: [file],
    });
    expect(res.statusCode, res.body).toBe(201);
    const inq = res.json<Inquiry>();
    expect(inq).toMatchObject({
      status: 'new', supplier: { id: w.supplier.id }, buyer: { id: w.buyer.id }, viewerSide: 'buyer', quantity: 85.5, unit: 'ton',
      targetUnitPrice: 405_000, deliveryProvince: '310000', desiredDate: daysFromNow(14), lastSide: 'buyer', assignee: null,
    });
    expect(inq.lines).toEqual([
      expect.objectContaining({ productId: w.product.id, skuId: q235!.id, skuCode: 'HR-Q235B-10', quantity: 60, unit: 'ton', titleZh: w.product.titleZh }),
      expect.objectContaining({ skuId: q355!.id, skuCode: 'HR-Q355B-10', quantity: 25.5 }),
    ]);
    expect(inq.attachments.map((a) => a.id)).toEqual([file]);

    const created = await events(inq.id, 'inquiry.created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ company_id: w.supplier.id, actor_user_id: w.buyer.purchaser.id, subject_type: 'inquiry' });
    expect(created[0]!.payload).toMatchObject({ inquiryId: inq.id, supplierCompanyId: w.supplier.id, buyerCompanyId: w.buyer.id, buyerUserId: w.buyer.purchaser.id });

    // Owner and sales of the supplier hear of it; its purchaser does not, nor does the sender.
    for (const u of [w.supplier.owner, w.supplier.sales]) {
      expect((await notificationsOf(u)).filter((n) => n.kind === 'inquiry.received' && n.link === `/workbench/inquiries/${inq.id}`)).toHaveLength(1);
    }
    expect((await notificationsOf(w.supplier.purchaser)).some((n) => n.kind === 'inquiry.received')).toBe(false);
    expect((await notificationsOf(w.buyer.purchaser)).some((n) => n.kind === 'inquiry.received')).toBe(false);
    // inquiry.received is mailed by default: the owner gets a mail naming the buyer.
    await t.drain();
    const mails = (await t.platform.mailer.listOutbox(200)).filter((m) => m.to === w.supplier.owner.email);
    expect(mails.some((m) => m.subject.includes('上海采购建设有限公司') && m.text.includes(`/workbench/inquiries/${inq.id}`))).toBe(true);
  });

  it('sends to a shop by company id without products, with the supplier named', async () => {
    const res = await send(w.buyer.owner, { supplierCompanyId: w.supplier.id, quantity: 200, unit: 'ton', message: '贵司能否长期供应热轧卷?' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Inquiry>()).toMatchObject({ lines: [], quantity: 200, unit: 'ton', supplier: { id: w.supplier.id } });
  });

  it('refuses unknown products, products of another supplier, bad SKUs, quantity ≤ 0 and dates in the past, field by field', async () => {
    const unknown = await send(w.buyer.purchaser, { supplierCompanyId: w.supplier.id, lines: [{ productId: '0190a000-0000-7000-8000-000000000000' }], message: 'x' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<Problem>().errors).toEqual([{ path: 'body.lines.0.productId', message: 'no such product on sale' }]);

    const mixed = await send(w.buyer.purchaser, {
      lines: [{ productId: w.product.id, skuId: w.other.product.skus[0]!.id }, { productId: w.other.product.id }],
      desiredDate: daysFromNow(-2), message: '询价',
    });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json<Problem>()).toMatchObject({ code: 'INQUIRY_INVALID' });
    expect(mixed.json<Problem>().errors).toEqual([
      { path: 'body.lines.0.skuId', message: 'not a variant of this product' },
      { path: 'body.lines.1.productId', message: 'not a product of this supplier' },
      { path: 'body.desiredDate', message: 'the desired date may not be in the past' },
    ]);

    const zh = await send(w.buyer.purchaser, { supplierCompanyId: w.supplier.id, desiredDate: daysFromNow(-1), message: '询价' }, 'zh-CN');
    expect(zh.json<Problem>().errors).toEqual([{ path: 'body.desiredDate', message: '期望日期不能早于今天' }]);

    for (const quantity of [0, -3]) {
      const bad = await send(w.buyer.purchaser, { lines: [{ productId: w.product.id, quantity }], message: '询价' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.path).toBe('body.lines.0.quantity');
    }
    const topZero = await send(w.buyer.purchaser, { supplierCompanyId: w.supplier.id, quantity: 0, unit: 'ton', message: '询价' });
    expect(topZero.statusCode).toBe(400);

    const foreignFile = await upload(w.other.owner);
    const file = await send(w.buyer.purchaser, { supplierCompanyId: w.supplier.id, message: '附件', attachmentIds: [foreignFile] });
    expect(file.statusCode).toBe(422);
    expect(file.json<Problem>().errors?.[0]?.path).toBe('body.attachmentIds.0');

    const buyerAsSupplier = await send(w.supplier.owner, { supplierCompanyId: w.buyer.id, message: '你们卖什么?' });
    expect(buyerAsSupplier.json<Problem>()).toMatchObject({ status: 422, code: 'INQUIRY_NOT_A_SUPPLIER' });
  });

  it('refuses an inquiry to your own company, and a member without the send role', async () => {
    const own = await send(w.supplier.owner, { lines: [{ productId: w.product.id }], message: '自己问自己' });
    expect(own.json<Problem>()).toMatchObject({ status: 409, code: 'INQUIRY_OWN_COMPANY', detail: 'You cannot send an inquiry to a company you belong to.' });
    // A sales member of the supplier acting for it cannot send either (no send role, and it is their own company).
    expect((await send(w.supplier.sales, { supplierCompanyId: w.other.id, message: '询价' })).statusCode).toBe(403);
    expect((await send(w.buyer.finance, { supplierCompanyId: w.supplier.id, message: '询价' })).statusCode).toBe(403);
    const loner = await registerUser(t);
    expect((await send(loner, { supplierCompanyId: w.supplier.id, message: '询价' })).json<Problem>().code).toBe('INQUIRY_ACTIVE_COMPANY_REQUIRED');
    expect((await call(t, { method: 'POST', url: '/api/v1/inquiries', payload: { supplierCompanyId: w.supplier.id, message: '询价' } })).statusCode).toBe(401);
  });

  it('shows the inquiry to its two sides only: another supplier and a third company get 404; the supplier purchaser cannot handle', async () => {
    const inq = (await send(w.buyer.purchaser, { lines: [{ productId: w.product.id, quantity: 10 }], message: '可见性' })).json<Inquiry>();
    expect((await get(w.buyer.owner, inq.id)).json<Inquiry>().viewerSide).toBe('buyer');
    expect((await get(w.supplier.sales, inq.id)).json<Inquiry>()).toMatchObject({ viewerSide: 'supplier', can: { quote: true, assign: true } });
    expect((await get(w.other.owner, inq.id)).statusCode).toBe(404);
    expect((await get(w.supplier.purchaser, inq.id)).statusCode).toBe(404);
    expect((await call(t, { method: 'GET', url: `/api/v1/inquiries/${inq.id}/replies`, headers: w.other.owner.headers })).statusCode).toBe(404);
    expect((await reply(w.other.owner, inq.id, { body: '我也能报价' })).statusCode).toBe(404);
    expect((await reply(w.supplier.purchaser, inq.id, { body: '我来回复' })).statusCode).toBe(404);

    // Inboxes: the other supplier sees nothing; the supplier's purchaser may not open the inbox.
    expect((await list(w.other.owner, 'box=received')).items).toEqual([]);
    expect((await call(t, { method: 'GET', url: '/api/v1/inquiries?box=received', headers: w.supplier.purchaser.headers })).statusCode).toBe(403);
    expect((await list(w.supplier.sales, 'box=received')).items.map((i) => i.id)).toContain(inq.id);
    expect((await list(w.buyer.owner, 'box=sent')).items.map((i) => i.id)).toContain(inq.id);
    expect((await list(w.other.owner, 'box=sent')).items).toEqual([]);
  });

  it('assigns to a handler, reassigns, refuses non-handlers and the buyer, and filters the inbox by assignee', async () => {
    const inq = (await send(w.buyer.purchaser, { lines: [{ productId: w.product.id }], message: '分配测试 钢板' })).json<Inquiry>();
    const assign = (u: TestUser, userId: string | null) => call(t, { method: 'POST', url: `/api/v1/inquiries/${inq.id}/assign`, headers: u.headers, payload: { userId } });

    const before = await counts(w.supplier.sales);
    expect((await list(w.supplier.sales, 'box=received&assignee=unassigned')).items.map((i) => i.id)).toContain(inq.id);

    const taken = await assign(w.supplier.sales, w.supplier.sales.id);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json<Inquiry>().assignee?.id).toBe(w.supplier.sales.id);
    expect((await list(w.supplier.sales, 'box=received&assignee=me')).items.map((i) => i.id)).toContain(inq.id);
    expect((await list(w.supplier.sales, 'box=received&assignee=unassigned')).items.map((i) => i.id)).not.toContain(inq.id);
    const after = await counts(w.supplier.sales);
    expect(after.receivedUnassigned).toBe(before.receivedUnassigned - 1);
    expect(after.receivedMine).toBe(before.receivedMine + 1);

    const passed = await assign(w.supplier.sales, w.supplier.sales2.id);
    expect(passed.json<Inquiry>().assignee?.id).toBe(w.supplier.sales2.id);
    expect((await notificationsOf(w.supplier.sales2)).filter((n) => n.kind === 'inquiry.assigned' && n.link === `/workbench/inquiries/${inq.id}`)).toHaveLength(1);
    // Taking it yourself notifies nobody.
    expect((await notificationsOf(w.supplier.sales)).some((n) => n.kind === 'inquiry.assigned' && n.link === `/workbench/inquiries/${inq.id}`)).toBe(false);

    expect((await assign(w.supplier.sales, w.supplier.purchaser.id)).json<Problem>()).toMatchObject({ status: 422, code: 'INQUIRY_ASSIGNEE_NOT_HANDLER' });
    expect((await assign(w.supplier.sales, w.buyer.owner.id)).statusCode).toBe(422);
    expect((await assign(w.buyer.owner, w.supplier.sales.id)).json<Problem>()).toMatchObject({ status: 403, code: 'INQUIRY_ASSIGN_SUPPLIER_ONLY' });
    expect((await assign(w.supplier.purchaser, w.supplier.sales.id)).statusCode).toBe(404);

    const assigned = await events(inq.id, 'inquiry.assigned');
    expect(assigned.map((e) => e.payload)).toEqual([
      expect.objectContaining({ assigneeUserId: w.supplier.sales2.id, previousAssigneeUserId: w.supplier.sales.id }),
      expect.objectContaining({ assigneeUserId: w.supplier.sales.id, previousAssigneeUserId: null }),
    ]);
    expect((await assign(w.supplier.owner, null)).json<Inquiry>().assignee).toBeNull();
  });

  it('threads replies and quotes with status transitions, sides on the events, and notifications to the buyer', async () => {
    const inq = (await send(w.buyer.purchaser, { lines: [{ productId: w.product.id, quantity: 30 }], message: '请报价 30 吨' })).json<Inquiry>();
    const sentBefore = (await counts(w.buyer.owner)).sentAwaitingReply;

    const followUp = await reply(w.buyer.purchaser, inq.id, { body: '另外,能否送到上海宝山?' });
    expect(followUp.statusCode, followUp.body).toBe(201);
    expect((await get(w.buyer.purchaser, inq.id)).json<Inquiry>()).toMatchObject({ status: 'new', lastSide: 'buyer' });
    expect((await notificationsOf(w.supplier.sales)).some((n) => n.kind === 'inquiry.followup' && n.link === `/workbench/inquiries/${inq.id}`)).toBe(true);

    const file = await upload(w.supplier.sales);
    const answered = await reply(w.supplier.sales, inq.id, { body: '可以送到宝山,运费另计。', attachmentIds: [file] });
    expect(answered.statusCode, answered.body).toBe(201);
    const afterReply = (await get(w.buyer.purchaser, inq.id)).json<Inquiry>();
    // The first supplier member to answer takes the unassigned inquiry.
    expect(afterReply).toMatchObject({ status: 'replied', lastSide: 'supplier', assignee: { id: w.supplier.sales.id }, replyCount: 2 });
    expect((await counts(w.buyer.owner)).sentAwaitingReply).toBe(sentBefore - 1);
    expect((await notificationsOf(w.buyer.purchaser)).filter((n) => n.kind === 'inquiry.replied' && n.link === `/workbench/inquiries/${inq.id}`)).toHaveLength(1);

    const buyerQuote = await reply(w.buyer.purchaser, inq.id, { quote: { unitPrice: 400_000, quantity: 30, unit: 'ton', leadTimeDays: 3, validUntil: daysFromNow(7), shippingTerms: 'delivered' } });
    expect(buyerQuote.json<Problem>()).toMatchObject({ status: 403, code: 'INQUIRY_QUOTE_SUPPLIER_ONLY' });

    const quote = {
      unitPrice: 412_000, priceTiers: [{ minQuantity: 30, unitPrice: 412_000 }, { minQuantity: 100, unitPrice: 401_000 }],
      quantity: 30, unit: 'ton', leadTimeDays: 3, validUntil: daysFromNow(7), shippingTerms: 'delivered', note: '含税含运到宝山',
    };
    const pastQuote = await reply(w.supplier.owner, inq.id, { quote: { ...quote, validUntil: daysFromNow(-1) } });
    expect(pastQuote.json<Problem>().errors).toEqual([{ path: 'body.quote.validUntil', message: 'the quote cannot expire in the past' }]);
    const quoted = await reply(w.supplier.owner, inq.id, { body: '正式报价如下', quote });
    expect(quoted.statusCode, quoted.body).toBe(201);
    expect(quoted.json()).toMatchObject({ kind: 'quote', side: 'supplier', quote: { unitPrice: 412_000, leadTimeDays: 3, shippingTerms: 'delivered', note: '含税含运到宝山' } });
    const notes = await notificationsOf(w.buyer.purchaser);
    expect(notes.find((n) => n.kind === 'inquiry.quoted' && n.link === `/workbench/inquiries/${inq.id}`)?.title).toContain('¥4,120.00 per ton');

    // A text reply after a quote keeps 'quoted'.
    await reply(w.supplier.sales, inq.id, { body: '如需调整数量请告知' });
    const thread = (await get(w.buyer.owner, inq.id)).json<Inquiry>();
    expect(thread.status).toBe('quoted');
    expect(thread.replies.map((r) => [r.side, r.kind])).toEqual([['buyer', 'reply'], ['supplier', 'reply'], ['supplier', 'quote'], ['supplier', 'reply']]);
    expect(thread.quoteCount).toBe(1);

    const replied = await events(inq.id, 'inquiry.replied');
    expect(replied.map((e) => [e.payload.side, e.payload.kind, e.actor_user_id]).reverse()).toEqual([
      ['buyer', 'reply', w.buyer.purchaser.id], ['supplier', 'reply', w.supplier.sales.id], ['supplier', 'quote', w.supplier.owner.id], ['supplier', 'reply', w.supplier.sales.id],
    ]);
    expect(replied.every((e) => e.company_id === w.supplier.id && e.payload.supplierCompanyId === w.supplier.id)).toBe(true);

    // Attachments: the uploading side downloads through the inquiry; outsiders get 404.
    const url = `/api/v1/inquiries/${inq.id}/attachments/${file}`;
    expect((await call(t, { method: 'GET', url, headers: w.supplier.sales.headers })).statusCode).toBe(200);
    expect((await call(t, { method: 'GET', url, headers: w.other.owner.headers })).statusCode).toBe(404);
    expect((await call(t, { method: 'GET', url: `/api/v1/inquiries/${inq.id}/attachments/${await upload(w.supplier.owner)}`, headers: w.supplier.sales.headers })).statusCode).toBe(404);
  });

  it('names companies in the reader’s language: English names in English notices and lists, grouped money, a singular unit', async () => {
    const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
    const sOwner = await registerUser(t);
    const supplier = await createCompany(t, sOwner, { legalName: '深圳市创芯电子科技有限公司', nameEn: 'Shenzhen Chuangxin Electronics Co., Ltd.', companyType: 'manufacturer' });
    const product = await publishProduct(t, sOwner, (await createProduct(t, sOwner, await categoryIdOf(t, 'steel.plate.hot_rolled'))).id);
    const inq = (await send(w.buyer.purchaser, { lines: [{ productId: product.id, quantity: 30 }], message: '请报价' })).json<Inquiry>();
    const quote = { unitPrice: 79_200_000, quantity: 1, unit: 'roll', leadTimeDays: 3, validUntil: daysFromNow(7), shippingTerms: 'delivered' };
    expect((await reply(sOwner, inq.id, { body: '报价', quote })).statusCode).toBe(201);

    const notice = async (lang: string) => (await call(t, { method: 'GET', url: '/api/v1/notifications?limit=100', headers: { ...w.buyer.purchaser.headers, 'accept-language': lang } }))
      .json<{ items: Array<{ kind: string; title: string; body: string | null; link: string | null }> }>().items.find((n) => n.kind === 'inquiry.quoted' && n.link === `/workbench/inquiries/${inq.id}`)!;
    const en = await notice('en-US');
    expect(en.title).toBe('Shenzhen Chuangxin Electronics Co., Ltd. quoted ¥792,000.00 per roll');
    expect(en.title).not.toMatch(cjk);
    const zh = await notice('zh-CN');
    expect(zh.title).toBe('深圳市创芯电子科技有限公司 给您报价:¥792,000.00/卷');

    // The supplier's inbox notice names the buyer by its English name too (the factory's default).
    const received = (await call(t, { method: 'GET', url: '/api/v1/notifications?limit=100', headers: { ...sOwner.headers, 'accept-language': 'en-US' } }))
      .json<{ items: Array<{ kind: string; title: string }> }>().items.find((n) => n.kind === 'inquiry.received')!;
    expect(received.title).toBe('New inquiry from Suzhou Test Steel Co., Ltd.');

    // Lists give both names; the web shows nameEn on en-US.
    const item = (await list(sOwner, 'box=received')).items.find((i) => i.id === inq.id)!;
    expect(item.buyer).toEqual({ id: w.buyer.id, name: '上海采购建设有限公司', nameEn: 'Suzhou Test Steel Co., Ltd.' });
    expect(item.supplier).toEqual({ id: supplier.id, name: '深圳市创芯电子科技有限公司', nameEn: 'Shenzhen Chuangxin Electronics Co., Ltd.' });
    const cnOnlyOwner = await registerUser(t);
    const cnOnly = await createCompany(t, cnOnlyOwner, { legalName: '无锡纯中文采购有限公司', nameEn: null, companyType: 'buyer' });
    const fromCnOnly = (await send(cnOnlyOwner, { supplierCompanyId: supplier.id, message: '请联系我' })).json<Inquiry>();
    expect((await list(sOwner, 'box=received')).items.find((i) => i.id === fromCnOnly.id)!.buyer).toEqual({ id: cnOnly.id, name: '无锡纯中文采购有限公司', nameEn: null });
  });

  it('closes by either side, refuses replies while closed, and reopens to where the thread was', async () => {
    const inq = (await send(w.buyer.purchaser, { supplierCompanyId: w.supplier.id, message: '关闭测试' })).json<Inquiry>();
    await reply(w.supplier.sales, inq.id, { body: '您好,请问需要多少?' });
    const closed = await call(t, { method: 'POST', url: `/api/v1/inquiries/${inq.id}/close`, headers: w.buyer.purchaser.headers, payload: { reason: '已找到货源' } });
    expect(closed.json<Inquiry>()).toMatchObject({ status: 'closed', closedBySide: 'buyer', can: { reply: false, reopen: true } });
    expect((await reply(w.supplier.sales, inq.id, { body: '还在吗?' })).json<Problem>()).toMatchObject({ status: 409, code: 'INQUIRY_CLOSED' });
    expect((await call(t, { method: 'POST', url: `/api/v1/inquiries/${inq.id}/close`, headers: w.supplier.sales.headers, payload: {} })).statusCode).toBe(409);
    expect((await list(w.buyer.owner, 'box=sent&status=closed')).items.map((i) => i.id)).toContain(inq.id);

    const reopened = await call(t, { method: 'POST', url: `/api/v1/inquiries/${inq.id}/reopen`, headers: w.supplier.owner.headers });
    expect(reopened.json<Inquiry>()).toMatchObject({ status: 'replied', closedBySide: null });
    expect((await call(t, { method: 'POST', url: `/api/v1/inquiries/${inq.id}/reopen`, headers: w.supplier.owner.headers })).json<Problem>().code).toBe('INQUIRY_NOT_CLOSED');
    const closedEvents = await events(inq.id, 'inquiry.closed');
    expect(closedEvents[0]?.payload).toMatchObject({ side: 'buyer', reason: '已找到货源' });
    expect((await events(inq.id, 'inquiry.reopened'))[0]?.payload).toMatchObject({ side: 'supplier' });

    // The supplier may close too.
    const bySupplier = await call(t, { method: 'POST', url: `/api/v1/inquiries/${inq.id}/close`, headers: w.supplier.sales.headers, payload: {} });
    expect(bySupplier.json<Inquiry>().closedBySide).toBe('supplier');
  });

  it('lists with status tabs, words and pages; counts per status', async () => {
    const c = await counts(w.supplier.owner);
    expect(c.received.all).toBe(c.received.new + c.received.replied + c.received.quoted + c.received.closed);
    expect(c.receivedNew).toBe(c.received.new);
    expect(c.sent.all).toBe(0);
    const news = await list(w.supplier.owner, 'box=received&status=new');
    expect(news.items.length).toBe(c.received.new);
    expect(news.items.every((i) => i.status === 'new')).toBe(true);
    const byWord = await list(w.supplier.owner, 'box=received&q=' + encodeURIComponent('分配测试'));
    expect(byWord.items).toHaveLength(1);
    const bySku = await list(w.supplier.owner, 'box=received&q=HR-Q355B');
    expect(bySku.items.length).toBeGreaterThanOrEqual(1);

    const first = await list(w.supplier.owner, 'box=received&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(w.supplier.owner, `box=received&limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id < first.items[1]!.id).toBe(true);
  });

  it('limits a buyer to 30 inquiries an hour with a 429 problem and Retry-After', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner, { companyType: 'buyer' });
    expect(company.id).toBeTruthy();
    for (let i = 0; i < 30; i++) {
      const ok = await send(owner, { supplierCompanyId: w.other.id, message: `第 ${i + 1} 条询盘` });
      expect(ok.statusCode).toBe(201);
    }
    const limited = await send(owner, { supplierCompanyId: w.other.id, message: '第 31 条' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Problem>()).toMatchObject({ code: 'INQUIRY_RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
    // Another buyer is not affected.
    expect((await send(w.buyer.owner, { supplierCompanyId: w.other.id, message: '不受影响' })).statusCode).toBe(201);
  });
});
