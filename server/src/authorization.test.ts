import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from './testing/factories.js';

/**
 * Every endpoint that reads or changes a company's private data, tried by members of another company
 * (every role there) and by anonymous callers: all must refuse and change nothing.
 */
let t: TestApp;
let victim: { id: string };
let victimOwner: TestUser;
let victimSales: TestUser;
let invitationId: string;
const outsiders: Array<{ label: string; user: TestUser }> = [];

beforeAll(async () => {
  t = await createTestApp();
  victimOwner = await registerUser(t);
  victim = await createCompany(t, victimOwner);
  victimSales = await addMember(t, victimOwner, victim.id, 'sales');
  const inv = await call(t, { method: 'POST', url: `/api/v1/companies/${victim.id}/invitations`, headers: victimOwner.headers, payload: { email: 'pending@example.cn', role: 'finance' } });
  invitationId = inv.json<{ id: string }>().id;
  const otherOwner = await registerUser(t);
  const other = await createCompany(t, otherOwner);
  outsiders.push({ label: 'other owner', user: otherOwner });
  for (const role of ['admin', 'purchaser', 'sales', 'finance'] as const) outsiders.push({ label: `other ${role}`, user: await addMember(t, otherOwner, other.id, role) });
});
afterAll(async () => {
  await t.close();
});

const privateEndpoints = () => [
  { method: 'PATCH' as const, url: `/api/v1/companies/${victim.id}`, payload: { description: 'hijacked' } },
  { method: 'GET' as const, url: `/api/v1/companies/${victim.id}/members` },
  { method: 'PATCH' as const, url: `/api/v1/companies/${victim.id}/members/${victimSales.id}`, payload: { role: 'admin' } },
  { method: 'DELETE' as const, url: `/api/v1/companies/${victim.id}/members/${victimSales.id}` },
  { method: 'POST' as const, url: `/api/v1/companies/${victim.id}/invitations`, payload: { email: 'spy@example.cn', role: 'admin' } },
  { method: 'GET' as const, url: `/api/v1/companies/${victim.id}/invitations` },
  { method: 'DELETE' as const, url: `/api/v1/companies/${victim.id}/invitations/${invitationId}` },
  { method: 'GET' as const, url: `/api/v1/companies/${victim.id}/events` },
  { method: 'POST' as const, url: `/api/v1/companies/${victim.id}/logo`, payload: undefined },
  { method: 'PUT' as const, url: '/api/v1/me/active-company', payload: { companyId: victim.id } },
  {
    method: 'PUT' as const, url: `/api/v1/companies/${victim.id}/verification`,
    payload: { uscc: '91320200583202009M', legalName: 'x', legalRepresentative: 'x', registeredCapital: 'x', establishedOn: '2020-01-01', registeredAddress: 'x', businessScope: 'x', licenseFileId: victim.id },
  },
  { method: 'POST' as const, url: `/api/v1/files?purpose=attachment&companyId=${victim.id}`, payload: undefined },
];

describe('cross-company access', () => {
  it("refuses every private endpoint of a company to members of another company, whatever their role", async () => {
    for (const { label, user } of outsiders) {
      for (const e of privateEndpoints()) {
        const res = await call(t, { method: e.method, url: e.url, headers: user.headers, ...(e.payload ? { payload: e.payload } : {}) });
        expect(res.statusCode, `${label} ${e.method} ${e.url}`).toBe(403);
        expect(res.headers['content-type'], e.url).toMatch(/application\/problem\+json/);
      }
    }
  });

  it('refuses them to anonymous callers with 401', async () => {
    for (const e of privateEndpoints()) {
      const res = await call(t, { method: e.method, url: e.url, ...(e.payload ? { payload: e.payload } : {}) });
      expect(res.statusCode, `${e.method} ${e.url}`).toBe(401);
    }
  });

  it("shows outsiders only whether a company is verified, never its submission", async () => {
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}/verification`, headers: outsiders[0]!.user.headers });
    expect(res.json()).toMatchObject({ status: 'none', submission: null, reason: null });
  });

  it('changed nothing in the victim company', async () => {
    const profile = (await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}` })).json<{ description: string }>();
    expect(profile.description).not.toBe('hijacked');
    const members = (await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}/members`, headers: victimOwner.headers })).json<{ items: Array<{ userId: string; role: string }> }>();
    expect(members.items.find((m) => m.userId === victimSales.id)?.role).toBe('sales');
    const invitations = (await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}/invitations`, headers: victimOwner.headers })).json<{ items: Array<{ email: string; status: string }> }>();
    expect(invitations.items.map((i) => i.email)).toEqual(['pending@example.cn']);
  });

  it('lets members without a managing role read members but not invitations or the activity log', async () => {
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}/members`, headers: victimSales.headers })).statusCode).toBe(200);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}/invitations`, headers: victimSales.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}/events`, headers: victimSales.headers })).statusCode).toBe(403);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${victim.id}/events`, headers: victimOwner.headers })).statusCode).toBe(200);
  });
});
