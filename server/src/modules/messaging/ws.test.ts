import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BuiltApp } from '../../app.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { createSupplier } from '../../testing/catalog-factories.js';
import { appsOnOnePostgres, type AppProcesses } from '../../testing/processes.js';

type Frame = { type: string; [k: string]: unknown };
interface MessageFrame extends Frame { conversationId: string; message: { id: string; seq: number; text: string; side: string; senderUserId: string } }

/** A chat socket that keeps every frame it receives and waits for the ones a test expects. */
class Client {
  readonly frames: Frame[] = [];
  private waiters: Array<() => void> = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: WebSocket.RawData) => {
      this.frames.push(JSON.parse((data as Buffer).toString('utf8')) as Frame);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async connect(baseUrl: string, user: TestUser): Promise<Client> {
    const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/v1/ws`, { headers: user.headers });
    const client = new Client(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await client.waitFor((f) => f.type === 'hello');
    return client;
  }

  send(frame: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  async waitFor(pred: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(pred);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no frame matched within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-8))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForCount(pred: (f: Frame) => boolean, n: number, timeoutMs = 8000): Promise<Frame[]> {
    await this.waitFor(() => this.frames.filter(pred).length >= n, timeoutMs);
    return this.frames.filter(pred);
  }

  messages(conversationId: string): MessageFrame[] {
    return this.frames.filter((f): f is MessageFrame => f.type === 'message' && f.conversationId === conversationId);
  }

  async subscribe(frame: Record<string, unknown>): Promise<void> {
    this.send({ type: 'subscribe', ...frame });
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => this.ws.once('close', () => resolve()));
    this.ws.close();
    await closed;
  }
}

const isMessage = (c: string) => (f: Frame) => f.type === 'message' && f.conversationId === c;

async function listen(app: BuiltApp['app']): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

describe('chat over WebSocket (one process)', () => {
  let t: TestApp;
  let base: string;
  let supplier: { owner: TestUser; company: { id: string } };
  let sales: TestUser;
  let buyer: TestUser;
  let stranger: TestUser;
  let conversationId: string;
  const open: Client[] = [];
  const connect = async (u: TestUser) => {
    const c = await Client.connect(base, u);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t.app);
    supplier = await createSupplier(t);
    sales = await addMember(t, supplier.owner, supplier.company.id, 'sales');
    buyer = await registerUser(t, { name: '李采购' });
    stranger = await registerUser(t);
    conversationId = (await call(t, { method: 'POST', url: '/api/v1/conversations', headers: buyer.headers, payload: { supplierCompanyId: supplier.company.id } })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    for (const c of open) await c.close();
    await t.close();
  });

  it('refuses an upgrade without a valid session (401)', async () => {
    for (const headers of [{ authorization: 'Bearer not-a-session' }, {}]) {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/ws`, { headers });
      const status = await new Promise<number>((resolve) => {
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => resolve(101));
        ws.once('error', () => resolve(-1));
      });
      expect(status).toBe(401);
      ws.terminate();
    }
  });

  it('acknowledges a message only once it is stored, and delivers it to the other side', async () => {
    const b = await connect(buyer);
    const s = await connect(sales);
    await s.subscribe({ all: true });
    await s.waitFor((f) => f.type === 'subscribed');
    b.send({ type: 'send', conversationId, clientMsgId: 'hello-1', kind: 'text', text: '你好,在吗?' });
    const ack = await b.waitFor((f) => f.type === 'ack' && f.clientMsgId === 'hello-1');
    const acked = (ack as unknown as MessageFrame).message;
    // At the moment of the ack the message is in the database, readable by the other side.
    const stored = (await call(t, { method: 'GET', url: `/api/v1/conversations/${conversationId}/messages`, headers: sales.headers })).json<{ items: Array<{ id: string }> }>();
    expect(stored.items.map((m) => m.id)).toContain(acked.id);
    const got = (await s.waitFor((f) => isMessage(conversationId)(f) && (f as MessageFrame).message.id === acked.id)) as MessageFrame;
    expect(got.message).toMatchObject({ text: '你好,在吗?', side: 'buyer', senderUserId: buyer.id, seq: acked.seq });
    await b.close();
    await s.close();
  });

  it('refuses to subscribe someone to a conversation they are not part of, and never sends it to them', async () => {
    const x = await connect(stranger);
    await x.subscribe({ all: true, conversations: [{ id: conversationId, afterSeq: 0 }] });
    const err = await x.waitFor((f) => f.type === 'error');
    expect(err).toMatchObject({ code: 'CONVERSATION_NOT_FOUND', conversationId });
    x.send({ type: 'send', conversationId, kind: 'text', text: '我不是这里的人', clientMsgId: 'x-1' });
    expect(await x.waitFor((f) => f.type === 'error' && f.clientMsgId === 'x-1')).toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
    await call(t, { method: 'POST', url: `/api/v1/conversations/${conversationId}/messages`, headers: buyer.headers, payload: { kind: 'text', text: '只给供应商看' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(x.messages(conversationId)).toEqual([]);
    x.send({ type: 'bogus' });
    expect(await x.waitFor((f) => f.type === 'error' && f.code === 'PROTOCOL_ERROR')).toBeTruthy();
    await x.close();
  });

  it('sends everything missed while disconnected, in order, when the client reconnects with its last seq', async () => {
    const s1 = await connect(sales);
    await s1.subscribe({ conversations: [{ id: conversationId }] });
    const sub = await s1.waitFor((f) => f.type === 'subscribed' && f.conversationId === conversationId);
    const lastSeen = sub.lastSeq as number;
    await s1.close();
    const b = await connect(buyer);
    for (let i = 1; i <= 5; i++) {
      b.send({ type: 'send', conversationId, clientMsgId: `offline-${i}`, kind: 'text', text: `离线消息 ${i}` });
    }
    await b.waitForCount((f) => f.type === 'ack' && String(f.clientMsgId).startsWith('offline-'), 5);
    const s2 = await connect(sales);
    await s2.subscribe({ conversations: [{ id: conversationId, afterSeq: lastSeen }] });
    await s2.waitFor((f) => f.type === 'subscribed');
    const caught = s2.messages(conversationId).map((m) => m.message);
    expect(caught.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5].map((i) => lastSeen + i));
    expect(caught.map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((i) => `离线消息 ${i}`));
    // Messages after the catch-up arrive live, after it.
    b.send({ type: 'send', conversationId, clientMsgId: 'live-1', kind: 'text', text: '现在在线了' });
    const live = (await s2.waitFor((f) => isMessage(conversationId)(f) && (f as MessageFrame).message.text === '现在在线了')) as MessageFrame;
    expect(live.message.seq).toBe(lastSeen + 6);
    await b.close();
    await s2.close();
  });

  it('delivers concurrent senders\u2019 messages to every follower in one order with consecutive seqs; a resend is one message', async () => {
    const b = await connect(buyer);
    const s = await connect(sales);
    const owner = await connect(supplier.owner);
    const b2 = await connect(buyer);
    for (const c of [owner, b2]) {
      await c.subscribe({ conversations: [{ id: conversationId }] });
      await c.waitFor((f) => f.type === 'subscribed');
    }
    const N = 25;
    for (let i = 0; i < N; i++) {
      b.send({ type: 'send', conversationId, clientMsgId: `b-${i}`, kind: 'text', text: `买家 ${i}` });
      s.send({ type: 'send', conversationId, clientMsgId: `s-${i}`, kind: 'text', text: `卖家 ${i}` });
    }
    b.send({ type: 'send', conversationId, clientMsgId: 'b-0', kind: 'text', text: '买家 0' });
    await b.waitForCount((f) => f.type === 'ack', N + 1);
    await s.waitForCount((f) => f.type === 'ack', N);
    const dupAcks = b.frames.filter((f) => f.type === 'ack' && f.clientMsgId === 'b-0') as unknown as Array<MessageFrame & { duplicate: boolean }>;
    expect(dupAcks.map((a) => a.duplicate)).toEqual([false, true]);
    expect(dupAcks[0]!.message.id).toBe(dupAcks[1]!.message.id);
    for (const c of [owner, b2]) {
      const got = (await c.waitForCount(isMessage(conversationId), 2 * N)).map((f) => (f as MessageFrame).message);
      const seqs = got.map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 2 * N }, (_, i) => seqs[0]! + i));
      // Each sender's own messages keep the order they were sent in.
      expect(got.filter((m) => m.side === 'buyer').map((m) => m.text)).toEqual(Array.from({ length: N }, (_, i) => `买家 ${i}`));
      expect(got.filter((m) => m.side === 'supplier').map((m) => m.text)).toEqual(Array.from({ length: N }, (_, i) => `卖家 ${i}`));
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(owner.messages(conversationId)).toHaveLength(2 * N);
    for (const c of [b, s, owner, b2]) await c.close();
  });

  it('tells the other side when a side has read, and unread counts follow', async () => {
    const b = await connect(buyer);
    await b.subscribe({ conversations: [{ id: conversationId }] });
    await b.waitFor((f) => f.type === 'subscribed');
    await call(t, { method: 'POST', url: `/api/v1/conversations/${conversationId}/messages`, headers: buyer.headers, payload: { kind: 'text', text: '请回复' } });
    const before = (await call(t, { method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: sales.headers })).json<{ unread: number; lastSeq: number }>();
    expect(before.unread).toBeGreaterThan(0);
    const s = await connect(sales);
    s.send({ type: 'read', conversationId, seq: before.lastSeq });
    const receipt = await b.waitFor((f) => f.type === 'read' && f.side === 'supplier');
    expect(receipt).toMatchObject({ conversationId, seq: before.lastSeq });
    expect((await call(t, { method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: supplier.owner.headers })).json<{ unread: number }>().unread).toBe(0);
    await b.close();
    await s.close();
  });

  it('shows a supplier online while any handling member is connected, and the buyer while connected', async () => {
    // Let the earlier tests' disconnects settle.
    await new Promise((r) => setTimeout(r, 100));
    const b = await connect(buyer);
    await b.subscribe({ conversations: [{ id: conversationId }] });
    const subject = `company:${supplier.company.id}`;
    expect(await b.waitFor((f) => f.type === 'presence' && f.subject === subject)).toMatchObject({ online: false });
    b.frames.length = 0;
    const s = await connect(sales);
    expect(await b.waitFor((f) => f.type === 'presence' && f.subject === subject)).toMatchObject({ online: true });
    const o = await connect(supplier.owner);
    b.frames.length = 0;
    await s.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(b.frames.filter((f) => f.type === 'presence' && f.subject === subject && f.online === false)).toEqual([]);
    await o.close();
    expect(await b.waitFor((f) => f.type === 'presence' && f.subject === subject)).toMatchObject({ online: false });
    const view = (await call(t, { method: 'GET', url: `/api/v1/conversations/${conversationId}`, headers: supplier.owner.headers })).json<{ counterpart: { online: boolean; presenceKey: string } }>();
    expect(view.counterpart).toEqual(expect.objectContaining({ presenceKey: `user:${buyer.id}`, online: true }));
    await b.close();
  });

  it('a buyer without a socket is notified; a connected one is not', async () => {
    const other = await createSupplier(t);
    const someone = await registerUser(t);
    await createCompany(t, someone, { companyType: 'buyer' });
    const c = (await call(t, { method: 'POST', url: '/api/v1/conversations', headers: someone.headers, payload: { supplierCompanyId: other.company.id } })).json<{ id: string }>().id;
    const ws = await connect(someone);
    await call(t, { method: 'POST', url: `/api/v1/conversations/${c}/messages`, headers: other.owner.headers, payload: { kind: 'text', text: '您好' } });
    await ws.close();
    await new Promise((r) => setTimeout(r, 100));
    await call(t, { method: 'POST', url: `/api/v1/conversations/${c}/messages`, headers: other.owner.headers, payload: { kind: 'text', text: '还在吗' } });
    await t.drain();
    const notes = (await call(t, { method: 'GET', url: '/api/v1/notifications', headers: someone.headers })).json<{ items: Array<{ kind: string; body: string | null }> }>();
    const chat = notes.items.filter((n) => n.kind === 'message.received');
    expect(chat).toHaveLength(1);
    expect(chat[0]!.body).toContain('还在吗');
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!pgUrl)('chat across two app processes on PostgreSQL (LISTEN/NOTIFY)', () => {
  let processes: AppProcesses;
  let apps: BuiltApp[] = [];
  const bases: string[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    processes = await appsOnOnePostgres(2, 'chat');
    apps = processes.apps;
    for (const built of apps) bases.push(await listen(built.app));
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await processes.close();
  });

  it('delivers messages, read receipts and presence between sockets on different processes', async () => {
    const t0 = { app: apps[0]!.app } as unknown as TestApp;
    expect(apps[0]!.modules.messaging.hub).not.toBe(apps[1]!.modules.messaging.hub);
    const supplier = await createSupplier(t0);
    const buyer = await registerUser(t0);
    const c = (await call(t0, { method: 'POST', url: '/api/v1/conversations', headers: buyer.headers, payload: { supplierCompanyId: supplier.company.id } })).json<{ id: string }>().id;
    const b = await Client.connect(bases[0]!, buyer);
    const s = await Client.connect(bases[1]!, supplier.owner);
    clients.push(b, s);
    b.send({ type: 'subscribe', conversations: [{ id: c, afterSeq: 0 }] });
    s.send({ type: 'subscribe', all: true });
    await b.waitFor((f) => f.type === 'subscribed');
    await s.waitFor((f) => f.type === 'subscribed');
    // The supplier's socket is on the other process: the buyer still sees it online.
    expect(await b.waitFor((f) => f.type === 'presence' && f.subject === `company:${supplier.company.id}` && f.online === true)).toBeTruthy();
    for (let i = 0; i < 10; i++) b.send({ type: 'send', conversationId: c, clientMsgId: `a-${i}`, kind: 'text', text: `进程A ${i}` });
    for (let i = 0; i < 10; i++) s.send({ type: 'send', conversationId: c, clientMsgId: `b-${i}`, kind: 'text', text: `进程B ${i}` });
    const atSupplier = (await s.waitForCount(isMessage(c), 20)).map((f) => (f as MessageFrame).message.seq);
    const atBuyer = (await b.waitForCount(isMessage(c), 20)).map((f) => (f as MessageFrame).message.seq);
    expect(atBuyer).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(atSupplier).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    b.send({ type: 'send', conversationId: c, clientMsgId: 'a-last', kind: 'text', text: '看到请回复' });
    await s.waitFor((f) => isMessage(c)(f) && (f as MessageFrame).message.seq === 21);
    s.send({ type: 'read', conversationId: c });
    expect(await b.waitFor((f) => f.type === 'read' && f.side === 'supplier')).toMatchObject({ seq: 21 });
    await s.close();
    expect(await b.waitFor((f) => f.type === 'presence' && f.subject === `company:${supplier.company.id}` && f.online === false)).toBeTruthy();
    // Sent over REST on process B while the buyer's socket is on A.
    const t1 = { app: apps[1]!.app } as unknown as TestApp;
    await call(t1, { method: 'POST', url: `/api/v1/conversations/${c}/messages`, headers: supplier.owner.headers, payload: { kind: 'text', text: '来自 B 的 REST' } });
    const rest = (await b.waitFor((f) => isMessage(c)(f) && (f as MessageFrame).message.text === '来自 B 的 REST')) as MessageFrame;
    expect(rest.message.seq).toBe(22);
  });
});
