import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo.js';
import type { RequestContext } from '../platform/context.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo seed', () => {
  it('creates an operator, six suppliers and three buyers with members and verifications in every state, leaves no seed sessions, and runs only once', async () => {
    const demo = await seedDemoIfEmpty(t);
    expect(demo?.logins.length).toBeGreaterThanOrEqual(3);
    const suppliers = await t.app.inject({ method: 'GET', url: '/api/v1/companies?role=supplier&limit=50' });
    const buyers = await t.app.inject({ method: 'GET', url: '/api/v1/companies?role=buyer&limit=50' });
    const supplierItems = suppliers.json<{ items: Array<{ id: string; companyType: string; memberCount: number }> }>().items;
    expect(supplierItems).toHaveLength(6);
    expect(buyers.json<{ items: Array<{ companyType: string }> }>().items.filter((c) => c.companyType === 'buyer')).toHaveLength(3);
    expect(supplierItems.every((c) => c.memberCount >= 2)).toBe(true);

    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: demo!.logins[0]!.email, password: DEMO_PASSWORD } });
    const token = login.json<{ token: string }>().token;
    const sessions = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { authorization: `Bearer ${token}` } });
    expect(sessions.json<{ items: unknown[] }>().items).toHaveLength(1);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json<{ user: { isOperator: boolean } }>().user.isOperator).toBe(true);

    const opsCtx: RequestContext = { actor: await t.modules.accounts.auth.authenticate(token, 'bearer'), locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' };
    const queue = await t.modules.trust.verification.adminList(opsCtx, { status: 'pending', limit: 50 });
    expect(queue.items).toHaveLength(2);
    const verified = await Promise.all(supplierItems.map((c) => t.modules.trust.verification.isVerified(c.id)));
    expect(verified.filter(Boolean)).toHaveLength(4);

    await t.drain();
    const memberships = await Promise.all(supplierItems.map(async (c) => (await t.app.inject({ method: 'GET', url: `/api/v1/companies/${c.id}/trustpass` })).json<{ status: string }>().status));
    expect(memberships.filter((s) => s === 'active')).toHaveLength(3);

    expect(await seedDemoIfEmpty(t)).toBeNull();
  });
});
