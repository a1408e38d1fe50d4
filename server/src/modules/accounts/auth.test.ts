import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { TEST_PASSWORD, buildUserInput, call, registerUser } from '../../testing/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const cookieFrom = (res: { headers: Record<string, unknown> }) => {
  const raw = res.headers['set-cookie'];
  const line = (Array.isArray(raw) ? raw : [raw]).find((c): c is string => typeof c === 'string' && c.startsWith('ts_session='));
  return line?.split(';')[0] ?? '';
};

describe('registration', () => {
  it('creates the account, signs in with an httpOnly SameSite=Lax cookie and records user.registered', async () => {
    const input = buildUserInput({ mobile: '+86 138 0000 1234' });
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload: input });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ user: { id: string; email: string; mobile: string }; token: string; csrfToken: string }>();
    expect(body.user.email).toBe(input.email);
    expect(body.user.mobile).toBe('+86 138 0000 1234');
    expect(JSON.stringify(body)).not.toContain('password');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/ts_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const events = await t.database.db.selectFrom('events').select(['type', 'subject_id']).where('subject_id', '=', body.user.id).execute();
    expect(events.map((e) => e.type)).toContain('user.registered');
  });

  it('refuses one of the 10,000 most common passwords with a problem naming the field', async () => {
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload: buildUserInput({ password: 'qwertyuiop' }) });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'PASSWORD_TOO_COMMON', errors: [{ path: 'body.password', message: 'This password is among the most common ones; choose another.' }] });
    const zh = await call(t, { method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'zh-CN' }, payload: buildUserInput({ password: 'qwertyuiop' }) });
    expect(zh.json()).toMatchObject({ errors: [{ path: 'body.password', message: '该密码过于常见,请换一个。' }] });
  });

  it('refuses a short password and answers in Chinese when asked', async () => {
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'zh-CN' }, payload: buildUserInput({ password: 'short-1' }) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT', detail: '密码至少需要 10 个字符。' });
  });

  it('refuses a second account with the same email in any letter case', async () => {
    const u = await registerUser(t);
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload: buildUserInput({ email: u.email.toUpperCase() }) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'EMAIL_TAKEN' });
  });
});

describe('login, sessions and CSRF', () => {
  it('logs in, lists sessions and revokes one so its token stops working', async () => {
    const u = await registerUser(t);
    const login = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const second = login.json<{ token: string }>().token;
    const list = await call(t, { method: 'GET', url: '/api/v1/auth/sessions', headers: u.headers });
    const items = list.json<{ items: Array<{ id: string; current: boolean }> }>().items;
    expect(items).toHaveLength(2);
    const other = items.find((s) => !s.current)!;
    const revoke = await call(t, { method: 'DELETE', url: `/api/v1/auth/sessions/${other.id}`, headers: u.headers });
    expect(revoke.statusCode).toBe(200);
    const me = await call(t, { method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${second}` } });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it("cannot revoke another user's session", async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    const bSessions = await call(t, { method: 'GET', url: '/api/v1/auth/sessions', headers: b.headers });
    const id = bSessions.json<{ items: Array<{ id: string }> }>().items[0]!.id;
    const res = await call(t, { method: 'DELETE', url: `/api/v1/auth/sessions/${id}`, headers: a.headers });
    expect(res.statusCode).toBe(404);
    const still = await call(t, { method: 'GET', url: '/api/v1/me', headers: b.headers });
    expect(still.statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const u = await registerUser(t);
    const out = await call(t, { method: 'POST', url: '/api/v1/auth/logout', headers: u.headers });
    expect(out.statusCode).toBe(200);
    expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: u.headers })).statusCode).toBe(401);
  });

  it('requires the CSRF token for unsafe requests made with the session cookie, but not with a bearer token', async () => {
    const u = await registerUser(t);
    const login = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: TEST_PASSWORD } });
    const cookie = cookieFrom(login);
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const me = await call(t, { method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const without = await call(t, { method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { name: '新名字' } });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const wrong = await call(t, { method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': 'nope' }, payload: { name: '新名字' } });
    expect(wrong.statusCode).toBe(403);
    const withToken = await call(t, { method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': csrfToken }, payload: { name: '新名字' } });
    expect(withToken.statusCode).toBe(200);
    const bearer = await call(t, { method: 'PATCH', url: '/api/v1/me', headers: u.headers, payload: { name: 'Bearer Name' } });
    expect(bearer.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown account identically', async () => {
    const u = await registerUser(t);
    const wrong = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: 'Not-The-Password-99' }, remoteAddress: '10.1.0.1' });
    const unknown = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody-here@example.cn', password: 'Not-The-Password-99' }, remoteAddress: '10.1.0.2' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body.replace(unknown.json<{ instance?: string }>().instance ?? '\u0000', wrong.json<{ instance?: string }>().instance ?? '\u0000'));
  });

  it('throttles repeated failures for one account with 429 and Retry-After, even with the right password', async () => {
    const u = await registerUser(t);
    for (let i = 0; i < 5; i++) {
      const res = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: `Wrong-Password-${i}x` }, remoteAddress: `10.2.0.${i}` });
      expect(res.statusCode).toBe(401);
    }
    const locked = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: TEST_PASSWORD }, remoteAddress: '10.2.1.1' });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json()).toMatchObject({ code: 'LOGIN_THROTTLED' });
  });

  it('throttles one IP that tries many accounts', async () => {
    for (let i = 0; i < 30; i++) {
      await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: `spray-${i}@example.cn`, password: 'Spray-Password-1' }, remoteAddress: '10.3.3.3' });
    }
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'spray-x@example.cn', password: 'Spray-Password-1' }, remoteAddress: '10.3.3.3' });
    expect(res.statusCode).toBe(429);
    const elsewhere = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'spray-x@example.cn', password: 'Spray-Password-1' }, remoteAddress: '10.3.3.4' });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('changing the password signs out the other sessions and the old password stops working', async () => {
    const u = await registerUser(t);
    const other = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: TEST_PASSWORD } });
    const otherToken = other.json<{ token: string }>().token;
    const wrongCurrent = await call(t, { method: 'POST', url: '/api/v1/me/password', headers: u.headers, payload: { currentPassword: 'Not-It-1234567', newPassword: 'Fresh-Container-5521' } });
    expect(wrongCurrent.json()).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG' });
    const same = await call(t, { method: 'POST', url: '/api/v1/me/password', headers: u.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } });
    expect(same.json()).toMatchObject({ code: 'PASSWORD_UNCHANGED', errors: [{ path: 'body.newPassword' }] });
    const weak = await call(t, { method: 'POST', url: '/api/v1/me/password', headers: u.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop' } });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_TOO_COMMON', errors: [{ path: 'body.newPassword' }] });
    expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${otherToken}` } })).statusCode).toBe(200);
    const ok = await call(t, { method: 'POST', url: '/api/v1/me/password', headers: u.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Fresh-Container-5521' } });
    expect(ok.statusCode).toBe(200);
    expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${otherToken}` } })).statusCode).toBe(401);
    expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: u.headers })).statusCode).toBe(200);
    const oldLogin = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: TEST_PASSWORD }, remoteAddress: '10.9.9.9' });
    expect(oldLogin.statusCode).toBe(401);
  });
});

describe('operators', () => {
  it('creates an operator idempotently and only operators reach the console', async () => {
    const first = await t.modules.accounts.auth.ensureOperator({ email: 'ops-test@example.cn', password: 'Console-Keeper-8812' });
    const again = await t.modules.accounts.auth.ensureOperator({ email: 'ops-test@example.cn', password: 'Console-Keeper-8812' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.user.id).toBe(first.user.id);
    const login = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ops-test@example.cn', password: 'Console-Keeper-8812' } });
    const ops = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    expect((await call(t, { method: 'GET', url: '/api/v1/admin/users', headers: ops })).statusCode).toBe(200);
    const plain = await registerUser(t);
    for (const url of ['/api/v1/admin/users', '/api/v1/admin/companies', '/api/v1/admin/events', '/api/v1/admin/mail', '/api/v1/admin/overview']) {
      const res = await call(t, { method: 'GET', url, headers: plain.headers });
      expect(res.statusCode, url).toBe(403);
      expect(res.json<{ code: string }>().code).toBe('OPERATOR_ONLY');
    }
  });
});
