import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { call, createCompany, createVerifiedCompany, operatorHeaders, registerUser } from '../../testing/factories.js';

let t: TestApp;
let ops: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  ops = await operatorHeaders(t);
});
afterAll(async () => {
  await t.close();
});

type Credit = { grade: string | null; score: number; scorecardVersion: string; dimensions: Array<{ key: string; points: number }>; factors: Array<{ key: string; points: number; zh: string; en: string }>; history: Array<{ grade: string | null }> };
const credit = async (companyId: string) => (await call(t, { method: 'GET', url: `/api/v1/companies/${companyId}/credit` })).json<Credit>();

describe('credit rating', () => {
  it('gives a new, unverified company a score to improve but no grade, and explains every point to anyone', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner);
    await t.drain();
    const c = await credit(company.id);
    expect(c).toMatchObject({ grade: null, scorecardVersion: 'v2' });
    expect(c.score).toBeGreaterThan(0);
    expect(c.factors.find((f) => f.key === 'registry_verified')).toMatchObject({ points: 0, en: expect.stringContaining('25 points') });
    expect(c.dimensions.reduce((s, d) => s + d.points, 0)).toBeCloseTo(c.score, 2);
  });

  it('goes from registration to a verified 2A with TrustPass, recomputed from the events, keeping its history', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    await t.drain();
    const verified = await credit(company.id);
    expect(verified.factors.find((f) => f.key === 'registry_verified')?.points).toBe(25);
    expect(verified.grade).toBe('1A');

    const plan = await call(t, { method: 'POST', url: '/api/v1/admin/trustpass/plans', headers: ops, payload: { code: 'std-credit', nameZh: '标准版', nameEn: 'Standard', annualPrice: 688_000, publishLimit: 200, rfqQuoteQuota: 30, badge: '诚信通' } });
    const bought = await call(t, { method: 'POST', url: `/api/v1/companies/${company.id}/trustpass/purchases`, headers: owner.headers, payload: { planId: plan.json<{ id: string }>().id } });
    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${bought.json<{ paymentIntent: { id: string } }>().paymentIntent.id}/approve`, headers: owner.headers });
    await t.drain();
    await t.drain();
    const member = await credit(company.id);
    expect(member).toMatchObject({ grade: '2A', score: 42.5 });
    expect(member.factors.find((f) => f.key === 'trustpass_years')).toMatchObject({ points: 7.5 });
    expect(member.history.map((h) => h.grade)).toEqual(expect.arrayContaining(['1A', '2A']));
  });

  it('loses its grade when an operator revokes the verification, and the company sees why', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    await t.drain();
    expect((await credit(company.id)).grade).toBe('1A');
    const approved = (await call(t, { method: 'GET', url: '/api/v1/admin/verifications?status=approved&limit=100', headers: ops })).json<{ items: Array<{ id: string; companyId: string }> }>().items.find((i) => i.companyId === company.id)!;
    const revoked = await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${approved.id}/revocation`, headers: ops, payload: { reason: '工商登记已注销' } });
    expect(revoked.json()).toMatchObject({ status: 'revoked', reason: '工商登记已注销' });
    await t.drain();
    await t.drain();
    const after = await credit(company.id);
    expect(after.grade).toBeNull();
    expect(after.factors.find((f) => f.key === 'registry_verified')?.points).toBe(0);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers })).json()).toMatchObject({ status: 'revoked', verified: false, reason: '工商登记已注销' });
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/verification` })).json()).toMatchObject({ status: 'none', verified: false, reason: null });
  });

  it('revokes only approved verifications, and only with a reason', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    const approved = (await call(t, { method: 'GET', url: '/api/v1/admin/verifications?status=approved&limit=100', headers: ops })).json<{ items: Array<{ id: string; companyId: string }> }>().items.find((i) => i.companyId === company.id)!;
    const blank = await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${approved.id}/revocation`, headers: ops, payload: { reason: '  ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.headers['content-type']).toContain('application/problem+json');
    expect((await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${approved.id}/revocation`, headers: owner.headers, payload: { reason: 'x' } })).statusCode).toBe(403);
    expect((await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${approved.id}/revocation`, headers: ops, payload: { reason: '注销' } })).statusCode).toBe(200);
    const again = await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${approved.id}/revocation`, headers: ops, payload: { reason: '注销' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'NOT_REVOCABLE' });
  });

  it('recomputes every company in one batch from the event log, writing only ratings that changed', async () => {
    for (let i = 0; i < 3; i++) await createCompany(t, await registerUser(t));
    const svc = t.modules.credit.credit;
    const first = await svc.recomputeAll(new Date(), 2);
    expect(first.companies).toBeGreaterThanOrEqual(3);
    expect((await svc.recomputeAll(new Date(), 2)).changed).toBe(0);
    // A year later tenure has grown: every rating changes.
    const later = await svc.recomputeAll(new Date(Date.now() + 400 * 86_400_000), 2);
    expect(later.changed).toBe(later.companies);
  });
});
