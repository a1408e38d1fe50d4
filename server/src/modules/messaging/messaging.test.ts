import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../platform/events.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, createSupplier, publishProduct } from '../../testing/catalog-factories.js';

let t: TestApp;
let supplier: { owner: TestUser; company: { id: string; legalName: string } };
let sales: TestUser;
let finance: TestUser;
let buyer: TestUser;
let buyerCompanyId: string;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createSupplier(t, { legalName: '无锡旺旺钢材有限公司' });
  sales = await addMember(t, supplier.owner, supplier.company.id, 'sales');
  finance = await addMember(t, supplier.owner, supplier.company.id, 'finance');
  const product = await createProduct(t, supplier.owner, await categoryIdOf(t, 'steel.plate.hot_rolled'));
  productId = (await publishProduct(t, supplier.owner, product.id)).id;
  buyer = await registerUser(t, { name: '王采购' });
  buyerCompanyId = (await createCompany(t, buyer, { companyType: 'buyer', legalName: '杭州采购贸易有限公司' })).id;
  await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: buyer.headers, payload: { companyId: buyerCompanyId } });
});
afterAll(async () => {
  await t.close();
});

interface Conversation {
  id: string; mySide: 'buyer' | 'supplier'; unread: number; lastSeq: number; readSeq: { buyer: number; supplier: number };
  buyer: { userId: string; name: string; companyId: string | null; companyName: string | null; companyNameEn: string | null }; supplier: { companyId: string; name: string; nameEn: string | null };
  lastMessage: Message | null; counterpart: { name: string; nameEn: string | null; presenceKey: string; online: boolean }; productId: string | null;
}
interface Message { id: string; seq: number; kind: string; text: string | null; side: string; senderUserId: string; clientMsgId: string | null; card: Record<string, unknown> | null; attachment: { fileId: string; url: string; name: string } | null }

const open = (u: TestUser, payload: Record<string, unknown>) => call(t, { method: 'POST', url: '/api/v1/conversations', headers: u.headers, payload });
const send = (u: TestUser, id: string, payload: Record<string, unknown>) => call(t, { method: 'POST', url: `/api/v1/conversations/${id}/messages`, headers: u.headers, payload });
const messages = (u: TestUser, id: string, query = '') => call(t, { method: 'GET', url: `/api/v1/conversations/${id}/messages${query}`, headers: u.headers });

async function conversationWith(u: TestUser, supplierCompanyId: string, extra: Record<string, unknown> = {}): Promise<Conversation> {
  const res = await open(u, { supplierCompanyId, ...extra });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(res.body);
  return res.json<Conversation>();
}

function multipart(bytes: Buffer, filename: string, type: string) {
  const boundary = '----tschat';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

describe('conversations', () => {
  it('opens one conversation per buyer and supplier (201, then 200 with the same id) with the product as context', async () => {
    const first = await open(buyer, { supplierCompanyId: supplier.company.id, productId });
    expect(first.statusCode).toBe(201);
    const c = first.json<Conversation>();
    expect(c).toMatchObject({ mySide: 'buyer', productId, lastSeq: 0, unread: 0, supplier: { companyId: supplier.company.id, name: '无锡旺旺钢材有限公司' } });
    expect(c.buyer).toMatchObject({ userId: buyer.id, name: '王采购', companyId: buyerCompanyId, companyName: '杭州采购贸易有限公司' });
    expect(c.counterpart.presenceKey).toBe(`company:${supplier.company.id}`);
    const again = await open(buyer, { supplierCompanyId: supplier.company.id });
    expect(again.statusCode).toBe(200);
    expect(again.json<Conversation>().id).toBe(c.id);
    const events = await listEvents(t.database.db, { type: 'conversation.opened', limit: 10 });
    expect(JSON.stringify(events)).toContain(c.id);
  });

  it('refuses a conversation with your own company, with a buyer company, and with nobody', async () => {
    const own = await open(sales, { supplierCompanyId: supplier.company.id });
    expect(own.statusCode).toBe(409);
    expect(own.json<{ code: string }>().code).toBe('OWN_COMPANY');
    const notSupplier = await open(supplier.owner, { supplierCompanyId: buyerCompanyId });
    expect(notSupplier.statusCode).toBe(422);
    expect(notSupplier.json<{ code: string }>().code).toBe('NOT_A_SUPPLIER');
    const nobody = await open(buyer, { supplierCompanyId: '01900000-0000-7000-8000-000000000000' });
    expect(nobody.statusCode).toBe(404);
    const anonymous = await call(t, { method: 'POST', url: '/api/v1/conversations', payload: { supplierCompanyId: supplier.company.id } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets the buyer and any handling member (owner, admin, sales) in, and nobody else', async () => {
    const c = await conversationWith(buyer, supplier.company.id);
    const stranger = await registerUser(t);
    for (const u of [buyer, supplier.owner, sales]) expect((await call(t, { method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: u.headers })).statusCode).toBe(200);
    for (const u of [stranger, finance]) {
      expect((await call(t, { method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: u.headers })).statusCode).toBe(404);
      expect((await messages(u, c.id)).statusCode).toBe(404);
      expect((await send(u, c.id, { kind: 'text', text: 'hi' })).statusCode).toBe(404);
      expect((await call(t, { method: 'POST', url: `/api/v1/conversations/${c.id}/read`, headers: u.headers, payload: {} })).statusCode).toBe(404);
    }
    const sideOfSales = (await call(t, { method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: sales.headers })).json<Conversation>();
    expect(sideOfSales.mySide).toBe('supplier');
    expect(sideOfSales.counterpart).toMatchObject({ name: '王采购 · 杭州采购贸易有限公司', presenceKey: `user:${buyer.id}` });
    const financeList = (await call(t, { method: 'GET', url: '/api/v1/conversations', headers: finance.headers })).json<{ items: Conversation[] }>();
    expect(financeList.items.map((i) => i.id)).not.toContain(c.id);
  });
});

describe('messages', () => {
  it('stores a message with the next seq, records message.sent with the side, and makes a resend idempotent', async () => {
    const c = await conversationWith(buyer, supplier.company.id);
    const base = c.lastSeq;
    const first = await send(buyer, c.id, { kind: 'text', text: '  你好,请问 Q235B 10mm 现货多少钱一吨?  ', clientMsgId: 'm-1' });
    expect(first.statusCode).toBe(201);
    const m1 = first.json<{ message: Message; duplicate: boolean }>();
    expect(m1).toMatchObject({ duplicate: false, message: { seq: base + 1, kind: 'text', text: '你好,请问 Q235B 10mm 现货多少钱一吨?', side: 'buyer', clientMsgId: 'm-1' } });
    const resent = await send(buyer, c.id, { kind: 'text', text: '你好,请问 Q235B 10mm 现货多少钱一吨?', clientMsgId: 'm-1' });
    expect(resent.statusCode).toBe(200);
    expect(resent.json<{ message: Message; duplicate: boolean }>()).toMatchObject({ duplicate: true, message: { id: m1.message.id, seq: base + 1 } });
    const reply = (await send(sales, c.id, { kind: 'text', text: '您好,Q235B 4200 元/吨起' })).json<{ message: Message }>();
    expect(reply.message).toMatchObject({ seq: base + 2, side: 'supplier', senderUserId: sales.id });
    const events = await t.database.db.selectFrom('events').select(['type', 'company_id', 'payload']).where('type', '=', 'message.sent').where('subject_id', '=', c.id).orderBy('id').execute();
    expect(events).toHaveLength(2);
    expect(events[0]!.company_id).toBe(supplier.company.id);
    expect(events.map((e) => (e.payload as { side: string }).side)).toEqual(['buyer', 'supplier']);
    expect(events[1]!.payload).toMatchObject({ conversationId: c.id, messageId: reply.message.id, supplierCompanyId: supplier.company.id, buyerUserId: buyer.id, buyerCompanyId, senderUserId: sales.id });
    expect(typeof (events[1]!.payload as { at: string }).at).toBe('string');
    const empty = await send(buyer, c.id, { kind: 'text', text: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json<{ code: string }>().code).toBe('MESSAGE_EMPTY');
  });

  it('allocates consecutive seqs to concurrent senders, with no gap and no duplicate', async () => {
    const c = await conversationWith(buyer, supplier.company.id);
    const before = (await call(t, { method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: buyer.headers })).json<Conversation>().lastSeq;
    const sends = await Promise.all(Array.from({ length: 16 }, (_, i) => send(i % 2 ? buyer : sales, c.id, { kind: 'text', text: `并发 ${i}` })));
    expect(sends.every((r) => r.statusCode === 201)).toBe(true);
    const seqs = sends.map((r) => r.json<{ message: Message }>().message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 16 }, (_, i) => before + 1 + i));
  });

  it('snapshots a product card at send time and refuses products that are not published', async () => {
    const c = await conversationWith(buyer, supplier.company.id);
    const res = await send(supplier.owner, c.id, { kind: 'product', productId, text: '这款现货' });
    expect(res.statusCode).toBe(201);
    const card = res.json<{ message: Message }>().message.card!;
    expect(card).toMatchObject({ kind: 'product', productId, titleZh: '热轧钢板 Q235B/Q355B 10mm 沙钢现货', unit: 'ton', moq: 5, currency: 'CNY', minPrice: 398_000, maxPrice: 420_000 });
    expect(card).toHaveProperty('imageUrl');
    const draft = await createProduct(t, supplier.owner, await categoryIdOf(t, 'steel.plate.hot_rolled'));
    const refused = await send(supplier.owner, c.id, { kind: 'product', productId: draft.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ code: string }>().code).toBe('CHAT_PRODUCT_NOT_FOUND');
    const quote = await send(supplier.owner, c.id, { kind: 'quote', quoteId: '01900000-0000-7000-8000-000000000001' });
    expect(quote.statusCode).toBe(422);
    // An unknown quote.
    expect(quote.json<{ code: string }>().code).toBe('QUOTE_NOT_AVAILABLE');
  });

  it('sends a quote as a card between the buyer company whose RFQ it answers and the supplier that made it (the supplier once accepted), nobody else', async () => {
    const hotRolled = await categoryIdOf(t, 'steel.plate.hot_rolled');
    const day = (d: number) => new Date(Date.now() + d * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const postRfq = async (u: TestUser, title: string) => {
      const res = await call(t, {
        method: 'POST', url: '/api/v1/rfqs', headers: u.headers,
        payload: { title, description: '钢结构厂房用', categoryId: hotRolled, specification: { thickness: 10, grade: 'Q235B' }, quantity: 200, unit: 'ton', deliveryProvince: '310000', deliveryDate: day(30), quoteDeadline: new Date(Date.now() + 72 * 3_600_000).toISOString() },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json<{ id: string }>().id;
    };
    const quoteOn = async (u: TestUser, rfqId: string) => {
      const res = await call(t, {
        method: 'POST', url: `/api/v1/rfqs/${rfqId}/quotes`, headers: u.headers,
        payload: { unitPrice: 410_000, priceTiers: [{ minQuantity: 150, unitPrice: 398_000 }], leadTimeDays: 6, validUntil: day(20), shippingTerms: 'delivered', notes: '含税含运' },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json<{ id: string }>().id;
    };
    const rfqId = await postRfq(buyer, '求购热轧钢板 Q235B 10mm 200 吨');
    const quoteId = await quoteOn(supplier.owner, rfqId);
    const otherBuyer = await registerUser(t);
    const otherBuyerCompany = await createCompany(t, otherBuyer, { companyType: 'buyer' });
    await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: otherBuyer.headers, payload: { companyId: otherBuyerCompany.id } });
    const quoteToOtherBuyer = await quoteOn(supplier.owner, await postRfq(otherBuyer, '求购热轧钢板 Q355B 200 吨'));
    const rival = await createSupplier(t);
    const rivalQuote = await quoteOn(rival.owner, rfqId);

    const c = await conversationWith(buyer, supplier.company.id);
    // The buyer knows its RFQs and may show any quote on them.
    const sent = await send(buyer, c.id, { kind: 'quote', quoteId, text: '关于这份报价' });
    expect(sent.statusCode).toBe(201);
    const m = sent.json<{ message: Message }>().message;
    // 200 t falls in the tier from 150 t: ¥3,980.00 × 200.
    expect(m).toMatchObject({ kind: 'quote', text: '关于这份报价', side: 'buyer' });
    expect(m.card).toEqual({
      kind: 'quote', quoteId, rfqId, title: '求购热轧钢板 Q235B 10mm 200 吨', status: 'submitted', revision: 1, currency: 'CNY',
      unitPrice: 398_000, quantity: 200, unit: 'ton', total: 79_600_000, leadTimeDays: 6, validUntil: day(20), shippingTerms: 'delivered',
    });
    // An RFQ does not name its buyer to suppliers: a supplier may not find out by trying its quotes in chats, so it
    // shares only a quote the buyer accepted (and the answer is the same whatever the reason).
    const early = await send(sales, c.id, { kind: 'quote', quoteId });
    expect(early.statusCode).toBe(422);
    expect(early.json<{ code: string }>().code).toBe('QUOTE_NOT_AVAILABLE');
    // The supplier's quote to another buyer, and another supplier's quote on this buyer's RFQ, are refused.
    const toOther = await send(buyer, c.id, { kind: 'quote', quoteId: quoteToOtherBuyer });
    expect(toOther.statusCode).toBe(422);
    expect(toOther.json<{ code: string }>().code).toBe('QUOTE_NOT_AVAILABLE');
    const withRival = await conversationWith(buyer, rival.company.id);
    for (const [u, q] of [[rival.owner, quoteId], [buyer, quoteId], [supplier.owner, rivalQuote]] as const) {
      const res = await send(u, withRival.id, { kind: 'quote', quoteId: q });
      expect(res.statusCode).toBe(u === supplier.owner ? 404 : 422);
    }
    expect((await send(buyer, withRival.id, { kind: 'quote', quoteId: rivalQuote })).statusCode).toBe(201);
    // A buyer acting for no company has no RFQs: nothing to show.
    const loner = await registerUser(t);
    const lonely = await conversationWith(loner, supplier.company.id);
    expect((await send(loner, lonely.id, { kind: 'quote', quoteId })).json<{ code: string }>().code).toBe('QUOTE_NOT_AVAILABLE');
    // A withdrawn quote cannot be sent any more; the card already sent keeps its snapshot.
    expect((await call(t, { method: 'POST', url: `/api/v1/quotes/${quoteId}/withdraw`, headers: supplier.owner.headers })).statusCode).toBe(200);
    expect((await send(buyer, c.id, { kind: 'quote', quoteId })).json<{ code: string }>().code).toBe('QUOTE_NOT_AVAILABLE');
    const history = (await messages(buyer, c.id, `?afterSeq=${m.seq - 1}`)).json<{ items: Message[] }>();
    expect(history.items[0]).toMatchObject({ id: m.id, card: { quoteId, status: 'submitted' } });
    // Once the buyer accepts the rival's quote, the rival may share it.
    expect((await call(t, { method: 'POST', url: `/api/v1/quotes/${rivalQuote}/accept`, headers: buyer.headers })).statusCode).toBe(200);
    const accepted = await send(rival.owner, withRival.id, { kind: 'quote', quoteId: rivalQuote });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json<{ message: Message }>().message.card).toMatchObject({ quoteId: rivalQuote, status: 'accepted' });
  });

  it('sends images and files uploaded by the sender\u2019s company; both sides download them through the conversation, nobody else', async () => {
    const c = await conversationWith(buyer, supplier.company.id);
    const up = multipart(TINY_PNG, 'spec.png', 'image/png');
    const file = (await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', headers: { ...buyer.headers, 'content-type': up.contentType }, payload: up.payload })).json<{ id: string }>();
    const sent = await send(buyer, c.id, { kind: 'image', fileId: file.id, fileName: '规格.png' });
    expect(sent.statusCode).toBe(201);
    const m = sent.json<{ message: Message }>().message;
    expect(m.attachment).toMatchObject({ fileId: file.id, name: '规格.png', url: `/api/v1/conversations/${c.id}/files/${file.id}` });
    for (const u of [buyer, sales]) {
      const dl = await call(t, { method: 'GET', url: m.attachment!.url, headers: u.headers });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('image/png');
      expect(dl.rawPayload.equals(TINY_PNG)).toBe(true);
    }
    expect((await call(t, { method: 'GET', url: m.attachment!.url, headers: finance.headers })).statusCode).toBe(404);
    // The supplier cannot send the buyer's file as its own.
    const stolen = await send(sales, c.id, { kind: 'file', fileId: file.id });
    expect(stolen.statusCode).toBe(422);
    expect(stolen.json<{ code: string }>().code).toBe('ATTACHMENT_INVALID');
    const pdf = multipart(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), 'quote.pdf', 'application/pdf');
    const pdfFile = (await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', headers: { ...sales.headers, 'content-type': pdf.contentType }, payload: pdf.payload })).json<{ id: string }>();
    expect((await send(sales, c.id, { kind: 'image', fileId: pdfFile.id })).statusCode).toBe(422);
    expect((await send(sales, c.id, { kind: 'file', fileId: pdfFile.id, fileName: 'quote.pdf' })).statusCode).toBe(201);
  });

  it('pages history backwards with before=<messageId>, oldest first in each page, and searches with q', async () => {
    const other = await createSupplier(t);
    const c = await conversationWith(buyer, other.company.id);
    for (let i = 1; i <= 7; i++) await send(i % 2 ? buyer : other.owner, c.id, { kind: 'text', text: i === 4 ? '镀锌板 DX51D 有货吗' : `消息 ${i}` });
    const latest = (await messages(buyer, c.id, '?limit=3')).json<{ items: Message[]; nextBefore: string | null }>();
    expect(latest.items.map((m) => m.seq)).toEqual([5, 6, 7]);
    const older = (await messages(buyer, c.id, `?limit=3&before=${latest.nextBefore}`)).json<{ items: Message[]; nextBefore: string | null }>();
    expect(older.items.map((m) => m.seq)).toEqual([2, 3, 4]);
    const oldest = (await messages(buyer, c.id, `?limit=3&before=${older.nextBefore}`)).json<{ items: Message[]; nextBefore: string | null }>();
    expect(oldest.items.map((m) => m.seq)).toEqual([1]);
    expect(oldest.nextBefore).toBeNull();
    const found = (await messages(other.owner, c.id, `?q=${encodeURIComponent('镀锌')}`)).json<{ items: Message[] }>();
    expect(found.items.map((m) => m.seq)).toEqual([4]);
    expect((await messages(buyer, c.id, `?q=${encodeURIComponent('50%')}`)).json<{ items: Message[] }>().items).toEqual([]);
    const after = (await messages(buyer, c.id, '?afterSeq=5')).json<{ items: Message[] }>();
    expect(after.items.map((m) => m.seq)).toEqual([6, 7]);
  });

  it('counts unread per side; reading moves the side\u2019s pointer forward only, and sending reads for your side', async () => {
    const other = await createSupplier(t);
    const team = await addMember(t, other.owner, other.company.id, 'sales');
    const c = await conversationWith(buyer, other.company.id);
    const before = (await call(t, { method: 'GET', url: '/api/v1/conversations/unread-count', headers: team.headers })).json<{ total: number; asSupplier: number }>();
    for (const text of ['一', '二', '三']) await send(buyer, c.id, { kind: 'text', text });
    const counts = (await call(t, { method: 'GET', url: '/api/v1/conversations/unread-count', headers: team.headers })).json<{ total: number; asSupplier: number; byCompany: Array<{ companyId: string; unread: number }> }>();
    expect(counts.asSupplier - before.asSupplier).toBe(3);
    expect(counts.byCompany.find((x) => x.companyId === other.company.id)?.unread).toBe(3);
    const list = (await call(t, { method: 'GET', url: '/api/v1/conversations?side=supplier', headers: other.owner.headers })).json<{ items: Conversation[] }>();
    expect(list.items.find((x) => x.id === c.id)).toMatchObject({ unread: 3, lastMessage: { text: '三' } });
    const read2 = await call(t, { method: 'POST', url: `/api/v1/conversations/${c.id}/read`, headers: team.headers, payload: { seq: 2 } });
    expect(read2.json()).toEqual({ side: 'supplier', readSeq: 2 });
    const back = await call(t, { method: 'POST', url: `/api/v1/conversations/${c.id}/read`, headers: other.owner.headers, payload: { seq: 1 } });
    expect(back.json()).toEqual({ side: 'supplier', readSeq: 2 });
    expect((await call(t, { method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: other.owner.headers })).json<Conversation>()).toMatchObject({ unread: 1, readSeq: { supplier: 2, buyer: 3 } });
    await send(team, c.id, { kind: 'text', text: '收到' });
    const after = (await call(t, { method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: other.owner.headers })).json<Conversation>();
    expect(after).toMatchObject({ unread: 0, readSeq: { supplier: 4, buyer: 3 } });
    expect((await call(t, { method: 'GET', url: `/api/v1/conversations/${c.id}`, headers: buyer.headers })).json<Conversation>().unread).toBe(1);
    const buyerCounts = (await call(t, { method: 'GET', url: '/api/v1/conversations/unread-count', headers: buyer.headers })).json<{ asBuyer: number }>();
    expect(buyerCounts.asBuyer).toBeGreaterThanOrEqual(1);
  });

  it('lists conversations newest activity first with cursor paging', async () => {
    const someone = await registerUser(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await createSupplier(t);
      const c = await conversationWith(someone, s.company.id);
      await send(someone, c.id, { kind: 'text', text: `询价 ${i}` });
      ids.push(c.id);
    }
    const page1 = (await call(t, { method: 'GET', url: '/api/v1/conversations?limit=2', headers: someone.headers })).json<{ items: Conversation[]; nextCursor: string | null }>();
    expect(page1.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const page2 = (await call(t, { method: 'GET', url: `/api/v1/conversations?limit=2&cursor=${page1.nextCursor}`, headers: someone.headers })).json<{ items: Conversation[]; nextCursor: string | null }>();
    expect(page2.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
  });

  it('names the other side in both languages, and notifies in the reader’s language with the English company name', async () => {
    const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
    const s = await createSupplier(t, { legalName: '深圳市创芯电子科技有限公司', nameEn: 'Shenzhen Chuangxin Electronics Co., Ltd.' });
    const asBuyer = await conversationWith(buyer, s.company.id);
    expect(asBuyer.supplier).toEqual({ companyId: s.company.id, name: '深圳市创芯电子科技有限公司', nameEn: 'Shenzhen Chuangxin Electronics Co., Ltd.' });
    expect(asBuyer.counterpart).toMatchObject({ name: '深圳市创芯电子科技有限公司', nameEn: 'Shenzhen Chuangxin Electronics Co., Ltd.' });
    await send(buyer, asBuyer.id, { kind: 'text', text: 'Hello' });
    const inbox = (await call(t, { method: 'GET', url: '/api/v1/conversations', headers: s.owner.headers })).json<{ items: Conversation[] }>();
    const asSupplier = inbox.items.find((c) => c.id === asBuyer.id)!;
    expect(asSupplier.buyer).toMatchObject({ companyName: '杭州采购贸易有限公司', companyNameEn: 'Suzhou Test Steel Co., Ltd.' });
    expect(asSupplier.counterpart).toMatchObject({ name: '王采购 · 杭州采购贸易有限公司', nameEn: '王采购 · Suzhou Test Steel Co., Ltd.' });

    // The supplier answers with an image while the buyer is offline: the buyer's notice names the company, label per language.
    const upload = await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', headers: { ...s.owner.headers, 'content-type': multipart(TINY_PNG, 'price.png', 'image/png').contentType }, payload: multipart(TINY_PNG, 'price.png', 'image/png').payload });
    expect((await send(s.owner, asBuyer.id, { kind: 'image', fileId: upload.json<{ id: string }>().id })).statusCode).toBe(201);
    const noticeIn = async (lang: string) => (await call(t, { method: 'GET', url: '/api/v1/notifications', headers: { ...buyer.headers, 'accept-language': lang } }))
      .json<{ items: Array<{ kind: string; title: string; body: string | null; link: string | null }> }>().items.find((n) => n.kind === 'message.received' && n.link === `/workbench/messages?c=${asBuyer.id}`)!;
    const en = await noticeIn('en-US');
    expect(en).toMatchObject({ title: 'New message from Shenzhen Chuangxin Electronics Co., Ltd.', body: '[Image]' });
    expect(`${en.title} ${en.body}`).not.toMatch(cjk);
    expect(await noticeIn('zh-CN')).toMatchObject({ title: '深圳市创芯电子科技有限公司 给您发来新消息', body: '[图片]' });
  });

  it('notifies the other side when nobody there is online, once per conversation per hour', async () => {
    const other = await createSupplier(t);
    const c = await conversationWith(buyer, other.company.id);
    await send(buyer, c.id, { kind: 'text', text: '在吗?' });
    await send(buyer, c.id, { kind: 'text', text: '想订 50 吨' });
    await t.drain();
    const notes = (await call(t, { method: 'GET', url: '/api/v1/notifications', headers: { ...other.owner.headers, 'accept-language': 'zh-CN' } })).json<{ items: Array<{ kind: string; title: string; link: string | null }> }>();
    const chat = notes.items.filter((n) => n.kind === 'message.received');
    expect(chat).toHaveLength(1);
    expect(chat[0]!.title).toContain('王采购');
    expect(chat[0]!.link).toBe(`/workbench/messages?c=${c.id}`);
    // The sender hears nothing of their own messages; the buyer is notified of the supplier's replies (earlier tests).
    const own = (await call(t, { method: 'GET', url: '/api/v1/notifications', headers: buyer.headers })).json<{ items: Array<{ kind: string; link: string | null }> }>();
    expect(own.items.filter((n) => n.link === `/workbench/messages?c=${c.id}`)).toHaveLength(0);
    expect(own.items.filter((n) => n.kind === 'message.received').length).toBeGreaterThan(0);
  });
});
