import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import type { NotificationKind, NotifyInput } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.modules.notifications.notifications.registerKinds(KINDS);
});
afterAll(async () => {
  await t.close();
});

const KINDS: NotificationKind[] = [
  {
    key: 'test.inquiry_received', group: 'sourcing', mailByDefault: true,
    title: { zh: '收到 {buyer} 的询盘', en: 'New inquiry from {buyer}' },
    body: { zh: '产品:{product},数量 {qty}', en: 'Product: {product}, quantity {qty}' },
    label: { zh: '收到新询盘', en: 'New inquiry received' },
  },
  { key: 'test.favorited', group: 'favorites', mailByDefault: false, title: { zh: '{who} 收藏了您的产品', en: '{who} saved your product' } },
];

interface Item { id: string; kind: string; group: string; title: string; body: string | null; link: string | null; createdAt: string; readAt: string | null }
interface ListBody { items: Item[]; nextCursor: string | null; unreadCount: number }
interface Pref { kind: string; group: string; label: string; inApp: boolean; mail: boolean; defaults: { inApp: boolean; mail: boolean } }

async function notify(input: Partial<NotifyInput> & Pick<NotifyInput, 'to'>): Promise<void> {
  await t.database.transaction((trx) => t.modules.notifications.notifications.notify(trx, {
    kind: 'test.inquiry_received', params: { buyer: '宁波采购', product: '热轧钢板', qty: 20 }, link: '/workbench/inquiries/x', ...input,
  }));
}

const list = async (u: TestUser, query = '', lang = 'zh-CN') =>
  call(t, { method: 'GET', url: `/api/v1/notifications${query}`, headers: { ...u.headers, 'accept-language': lang } });
const items = async (u: TestUser, query = '') => (await list(u, query)).json<ListBody>();

/** The mails queued for this address (not yet delivered), read from the job queue. */
async function queuedMails(email: string): Promise<Array<{ subject: string; text: string }>> {
  const { rows } = await sql<{ payload: { to: string; subject: string; text: string } }>`SELECT payload FROM jobs WHERE kind = 'mail.send' ORDER BY id`.execute(t.database.db);
  return rows.map((r) => r.payload).filter((p) => p.to === email);
}

describe('notify', () => {
  it('notifies the given users, in-app and (for a mail-by-default kind) by a bilingual mail', async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    const other = await registerUser(t);
    await notify({ to: { userIds: [a.id, b.id] } });
    for (const u of [a, b]) {
      const body = await items(u);
      expect(body.items).toHaveLength(1);
      expect(body.unreadCount).toBe(1);
      expect(body.items[0]).toMatchObject({ kind: 'test.inquiry_received', group: 'sourcing', title: '收到 宁波采购 的询盘', body: '产品:热轧钢板,数量 20', link: '/workbench/inquiries/x', readAt: null });
      const mails = await queuedMails(u.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('收到 宁波采购 的询盘 | New inquiry from 宁波采购');
      expect(mails[0]!.text).toContain('查看:http://tongshang.test/workbench/inquiries/x');
      expect(mails[0]!.text).toContain('Product: 热轧钢板, quantity 20');
    }
    expect((await items(other)).items).toHaveLength(0);

    // The queued mail is delivered by the mail.send job to the outbox.
    await t.drain();
    const outbox = await t.platform.mailer.listOutbox(200);
    expect(outbox.filter((m) => m.to === a.email && m.subject.includes('New inquiry from'))).toHaveLength(1);
  });

  it('a kind that does not mail by default creates only the in-app row', async () => {
    const a = await registerUser(t);
    await notify({ kind: 'test.favorited', params: { who: 'ACME' }, to: { userIds: [a.id] }, link: null });
    const body = await items(a);
    expect(body.items.map((i) => i.title)).toEqual(['ACME 收藏了您的产品']);
    expect(body.items[0]!.body).toBeNull();
    expect(await queuedMails(a.email)).toHaveLength(0);
  });

  it('reaches a company’s members in the given roles (all roles by default), never the excluded users', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner);
    const sales = await addMember(t, owner, company.id, 'sales');
    const finance = await addMember(t, owner, company.id, 'finance');
    const outsider = await registerUser(t);

    await notify({ to: { companyId: company.id, roles: ['owner', 'sales'] }, dedupeKey: 'roles-1' });
    expect((await items(owner)).items).toHaveLength(1);
    expect((await items(sales)).items).toHaveLength(1);
    expect((await items(finance)).items).toHaveLength(0);

    await notify({ to: { companyId: company.id, userIds: [outsider.id] }, excludeUserIds: [sales.id], dedupeKey: 'all-1' });
    expect((await items(owner)).items).toHaveLength(2);
    expect((await items(finance)).items).toHaveLength(1);
    expect((await items(outsider)).items).toHaveLength(1);
    expect((await items(sales)).items).toHaveLength(1);
  });

  it('a dedupe key notifies each user once, in-app and by mail', async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    await notify({ to: { userIds: [a.id] }, dedupeKey: 'inquiry:1' });
    await notify({ to: { userIds: [a.id, b.id] }, dedupeKey: 'inquiry:1' });
    await notify({ to: { userIds: [a.id] }, dedupeKey: 'inquiry:2' });
    expect((await items(a)).items).toHaveLength(2);
    expect((await items(b)).items).toHaveLength(1);
    expect(await queuedMails(a.email)).toHaveLength(2);
  });

  it('is written in the caller’s transaction: a rollback leaves no notification and no mail', async () => {
    const a = await registerUser(t);
    await expect(t.database.transaction(async (trx) => {
      await t.modules.notifications.notifications.notify(trx, { kind: 'test.inquiry_received', to: { userIds: [a.id] }, params: { buyer: 'x', product: 'y', qty: 1 }, link: null });
      throw new Error('caller failed');
    })).rejects.toThrow('caller failed');
    expect((await items(a)).items).toHaveLength(0);
    expect(await queuedMails(a.email)).toHaveLength(0);
  });

  it('refuses unknown kinds and links that are not web paths (programming errors)', async () => {
    const a = await registerUser(t);
    await expect(notify({ kind: 'test.nope', to: { userIds: [a.id] } })).rejects.toThrow(/Unknown notification kind/);
    await expect(notify({ to: { userIds: [a.id] }, link: 'https://evil.example/x' })).rejects.toThrow(/web path/);
    expect(() => t.modules.notifications.notifications.registerKinds([KINDS[0]!])).toThrow(/twice/);
  });
});

describe('preferences', () => {
  it('lists registered kinds with their defaults and stores the user’s choices', async () => {
    const a = await registerUser(t);
    const res = await call(t, { method: 'GET', url: '/api/v1/notifications/preferences', headers: { ...a.headers, 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(200);
    // Other modules register their kinds in the same app; these two are this test's.
    const prefs = res.json<{ items: Pref[] }>().items.filter((p) => p.kind.startsWith('test.'));
    expect(prefs).toEqual([
      { kind: 'test.inquiry_received', group: 'sourcing', label: 'New inquiry received', inApp: true, mail: true, defaults: { inApp: true, mail: true } },
      { kind: 'test.favorited', group: 'favorites', label: '… saved your product', inApp: true, mail: false, defaults: { inApp: true, mail: false } },
    ]);

    const put = await call(t, { method: 'PUT', url: '/api/v1/notifications/preferences', headers: a.headers, payload: { items: [{ kind: 'test.favorited', inApp: false, mail: true }] } });
    expect(put.statusCode).toBe(200);
    const after = put.json<{ items: Pref[] }>().items;
    expect(after.find((p) => p.kind === 'test.favorited')).toMatchObject({ inApp: false, mail: true });
    expect(after.find((p) => p.kind === 'test.inquiry_received')).toMatchObject({ inApp: true, mail: true });
  });

  it('in-app off: no row in the center, mail still sent; mail off: no mail; both off: nothing', async () => {
    const mailOnly = await registerUser(t);
    const appOnly = await registerUser(t);
    const none = await registerUser(t);
    const set = async (u: TestUser, inApp: boolean, mail: boolean) => {
      const res = await call(t, { method: 'PUT', url: '/api/v1/notifications/preferences', headers: u.headers, payload: { items: [{ kind: 'test.inquiry_received', inApp, mail }] } });
      expect(res.statusCode).toBe(200);
    };
    await set(mailOnly, false, true);
    await set(appOnly, true, false);
    await set(none, false, false);
    await notify({ to: { userIds: [mailOnly.id, appOnly.id, none.id] }, dedupeKey: 'prefs-1' });

    expect((await items(mailOnly)).items).toHaveLength(0);
    expect((await items(mailOnly)).unreadCount).toBe(0);
    expect(await queuedMails(mailOnly.email)).toHaveLength(1);
    expect((await items(appOnly)).items).toHaveLength(1);
    expect(await queuedMails(appOnly.email)).toHaveLength(0);
    expect((await items(none)).items).toHaveLength(0);
    expect(await queuedMails(none.email)).toHaveLength(0);

    // The dedupe key held for the mail-only user too.
    await notify({ to: { userIds: [mailOnly.id] }, dedupeKey: 'prefs-1' });
    expect(await queuedMails(mailOnly.email)).toHaveLength(1);

    // Turning mail on for a kind that does not mail by default.
    await call(t, { method: 'PUT', url: '/api/v1/notifications/preferences', headers: appOnly.headers, payload: { items: [{ kind: 'test.favorited', inApp: true, mail: true }] } });
    await notify({ kind: 'test.favorited', params: { who: 'ACME' }, to: { userIds: [appOnly.id] }, link: null });
    expect((await queuedMails(appOnly.email)).map((m) => m.subject)).toEqual(['ACME 收藏了您的产品 | ACME saved your product']);
  });

  it('refuses unknown kinds and malformed bodies with problem+json', async () => {
    const a = await registerUser(t);
    const unknown = await call(t, { method: 'PUT', url: '/api/v1/notifications/preferences', headers: { ...a.headers, 'accept-language': 'zh-CN' }, payload: { items: [{ kind: 'test.favorited', inApp: true, mail: true }, { kind: 'nope.kind', inApp: true, mail: false }] } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'NOTIFICATION_KIND_UNKNOWN', errors: [{ path: 'items.1.kind', message: '不存在通知类型「nope.kind」。' }] });
    // Nothing was stored from the refused request.
    const prefs = (await call(t, { method: 'GET', url: '/api/v1/notifications/preferences', headers: a.headers })).json<{ items: Pref[] }>().items;
    expect(prefs.find((p) => p.kind === 'test.favorited')?.mail).toBe(false);

    const malformed = await call(t, { method: 'PUT', url: '/api/v1/notifications/preferences', headers: a.headers, payload: { items: [{ kind: 'test.favorited', inApp: 'yes' }] } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const empty = await call(t, { method: 'PUT', url: '/api/v1/notifications/preferences', headers: a.headers, payload: { items: [] } });
    expect(empty.statusCode).toBe(400);
  });
});

describe('notification center', () => {
  it('renders per-language params in their language; a row stored with only the plain param shows that instead', async () => {
    t.modules.notifications.notifications.registerKinds([{
      key: 'probe.quoted', group: 'sourcing', mailByDefault: false,
      title: { zh: '{supplier} 报价 {price}', en: '{supplierEn} quoted {price}' },
      body: { zh: '{termsZh}', en: '{termsEn}' },
    }]);
    const a = await registerUser(t);
    // Stored before the kind's texts took per-language params.
    await notify({ kind: 'probe.quoted', to: { userIds: [a.id] }, link: null, params: { supplier: '深圳市创芯电子科技有限公司', price: '¥792.00', terms: '担保交易 escrow' } });
    await notify({
      kind: 'probe.quoted', to: { userIds: [a.id] }, link: null,
      params: { supplier: '深圳市创芯电子科技有限公司', supplierEn: 'Shenzhen Chuangxin Electronics Co., Ltd.', price: '¥1,855,000.00', termsZh: '担保交易', termsEn: 'escrow' },
    });
    const en = (await list(a, '', 'en-US')).json<ListBody>().items;
    expect(en.map((i) => [i.title, i.body])).toEqual([
      ['Shenzhen Chuangxin Electronics Co., Ltd. quoted ¥1,855,000.00', 'escrow'],
      ['深圳市创芯电子科技有限公司 quoted ¥792.00', '担保交易 escrow'],
    ]);
    const zh = (await list(a, '', 'zh-CN')).json<ListBody>().items;
    expect(zh.map((i) => [i.title, i.body])).toEqual([['深圳市创芯电子科技有限公司 报价 ¥1,855,000.00', '担保交易'], ['深圳市创芯电子科技有限公司 报价 ¥792.00', '担保交易 escrow']]);
  });

  it('pages newest first with a cursor, filters unread, renders in the request’s language', async () => {
    const a = await registerUser(t);
    for (let i = 1; i <= 5; i++) await notify({ to: { userIds: [a.id] }, params: { buyer: `B${i}`, product: 'P', qty: i }, link: `/workbench/inquiries/${i}` });
    const first = await items(a, '?limit=2');
    expect(first.items.map((i) => i.title)).toEqual(['收到 B5 的询盘', '收到 B4 的询盘']);
    expect(first.unreadCount).toBe(5);
    expect(first.nextCursor).not.toBeNull();
    const second = await items(a, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.title)).toEqual(['收到 B3 的询盘', '收到 B2 的询盘']);
    const third = await items(a, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((i) => i.title)).toEqual(['收到 B1 的询盘']);
    expect(third.nextCursor).toBeNull();

    const en = (await list(a, '?limit=1', 'en-US')).json<ListBody>();
    expect(en.items[0]).toMatchObject({ title: 'New inquiry from B5', body: 'Product: P, quantity 5' });

    const read = await call(t, { method: 'POST', url: `/api/v1/notifications/${first.items[0]!.id}/read`, headers: a.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ unreadCount: 4 });
    const unread = await items(a, '?unread=true&limit=10');
    expect(unread.items.map((i) => i.title)).toEqual(['收到 B4 的询盘', '收到 B3 的询盘', '收到 B2 的询盘', '收到 B1 的询盘']);
    const all = await items(a, '?limit=10');
    expect(all.items[0]!.readAt).not.toBeNull();
    expect(all.items).toHaveLength(5);
  });

  it('counts unread, marks read idempotently, marks all read', async () => {
    const a = await registerUser(t);
    await notify({ to: { userIds: [a.id] } });
    await notify({ to: { userIds: [a.id] } });
    const count = async () => (await call(t, { method: 'GET', url: '/api/v1/notifications/unread-count', headers: a.headers })).json<{ unreadCount: number }>().unreadCount;
    expect(await count()).toBe(2);
    const [n1] = (await items(a)).items;
    expect((await call(t, { method: 'POST', url: `/api/v1/notifications/${n1!.id}/read`, headers: a.headers })).json()).toEqual({ unreadCount: 1 });
    const firstReadAt = (await items(a)).items.find((i) => i.id === n1!.id)!.readAt;
    expect((await call(t, { method: 'POST', url: `/api/v1/notifications/${n1!.id}/read`, headers: a.headers })).json()).toEqual({ unreadCount: 1 });
    expect((await items(a)).items.find((i) => i.id === n1!.id)!.readAt).toBe(firstReadAt);

    const all = await call(t, { method: 'POST', url: '/api/v1/notifications/read-all', headers: a.headers });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ updated: 1, unreadCount: 0 });
    expect(await count()).toBe(0);
    expect((await items(a)).items.every((i) => i.readAt !== null)).toBe(true);
  });

  it('a user only ever sees and marks their own notifications', async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    await notify({ to: { userIds: [a.id] }, params: { buyer: 'secret', product: 'p', qty: 1 } });
    await notify({ to: { userIds: [b.id] } });
    const mine = (await items(a)).items;
    expect(mine).toHaveLength(1);
    const theirs = (await items(b)).items;
    expect(theirs.some((i) => i.title.includes('secret'))).toBe(false);

    const steal = await call(t, { method: 'POST', url: `/api/v1/notifications/${mine[0]!.id}/read`, headers: b.headers });
    expect(steal.statusCode).toBe(404);
    expect(steal.headers['content-type']).toContain('application/problem+json');
    expect(steal.json()).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
    await call(t, { method: 'POST', url: '/api/v1/notifications/read-all', headers: b.headers });
    expect((await items(a)).items[0]!.readAt).toBeNull();
    expect((await items(a)).unreadCount).toBe(1);
  });

  it('requires a session and valid input (problem+json)', async () => {
    const a = await registerUser(t);
    for (const [method, url] of [['GET', '/api/v1/notifications'], ['GET', '/api/v1/notifications/unread-count'], ['POST', '/api/v1/notifications/read-all'], ['GET', '/api/v1/notifications/preferences']] as const) {
      const res = await call(t, { method, url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const badLimit = await list(a, '?limit=1000');
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.headers['content-type']).toContain('application/problem+json');
    expect((await list(a, '?unread=maybe')).statusCode).toBe(400);
    expect((await list(a, '?cursor=not-a-cursor')).statusCode).toBe(422);
    expect((await call(t, { method: 'POST', url: '/api/v1/notifications/not-a-uuid/read', headers: a.headers })).statusCode).toBe(400);
  });

  it('keeps notifications for the retention period, then the cleanup deletes them', async () => {
    const a = await registerUser(t);
    await notify({ to: { userIds: [a.id] }, params: { buyer: 'old', product: 'p', qty: 1 } });
    await notify({ to: { userIds: [a.id] }, params: { buyer: 'new', product: 'p', qty: 1 } });
    const old = (await items(a)).items.find((i) => i.title.includes('old'))!;
    await sql`UPDATE notifications SET created_at = now() - interval '181 days' WHERE id = ${old.id}`.execute(t.database.db);
    expect(await t.modules.notifications.notifications.cleanup()).toBeGreaterThanOrEqual(1);
    expect((await items(a)).items.map((i) => i.title)).toEqual(['收到 new 的询盘']);
  });
});
