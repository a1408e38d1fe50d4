import { sql } from 'kysely';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { gunzipSync } from 'node:zlib';
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

/** What an outside site does: fetch the JWKS and the status list, verify with a standard JOSE library. */
async function outsideVerify(jwt: string): Promise<{ revoked: boolean; subject: Record<string, unknown> }> {
  const jwks = (await call(t, { method: 'GET', url: '/.well-known/jwks.json' })).json<JSONWebKeySet>();
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), { issuer: 'http://tongshang.test', algorithms: ['EdDSA'] });
  const vc = payload.vc as { credentialSubject: Record<string, unknown>; credentialStatus: { statusListIndex: string; statusListCredential: string } };
  const listUrl = new URL(vc.credentialStatus.statusListCredential).pathname;
  const listJwt = (await call(t, { method: 'GET', url: listUrl })).body;
  const list = (await jwtVerify(listJwt, createLocalJWKSet(jwks), { issuer: 'http://tongshang.test' })).payload.vc as { credentialSubject: { encodedList: string } };
  const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
  const i = Number(vc.credentialStatus.statusListIndex);
  return { revoked: (bits[i >> 3]! & (0x80 >> (i & 7))) !== 0, subject: vc.credentialSubject };
}

describe('portable credentials', () => {
  it('issues an EdDSA VC-JWT for a verified company that outside verifiers accept, and revokes it when its facts change', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    await t.drain();
    const res = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/credential` });
    expect(res.statusCode).toBe(200);
    const { jwt } = res.json<{ jwt: string }>();
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
    const outside = await outsideVerify(jwt);
    expect(outside).toMatchObject({ revoked: false, subject: { id: company.id, legalName: company.legalName, uscc: '91320200583202009M', verification: { level: 'registry' } } });
    expect((await call(t, { method: 'POST', url: '/api/v1/credentials/verify', payload: { jwt } })).json()).toMatchObject({ valid: true, reasons: [] });

    // A field visit changes the verification level: the old credential is revoked, a new one issued.
    await call(t, { method: 'POST', url: `/api/v1/admin/companies/${company.id}/field-verifications`, headers: ops, payload: { visitedOn: '2026-11-01', inspector: '李检查', notes: '' } });
    await t.drain();
    await t.drain();
    expect((await outsideVerify(jwt)).revoked).toBe(true);
    expect((await call(t, { method: 'POST', url: '/api/v1/credentials/verify', payload: { jwt } })).json()).toMatchObject({ valid: false, reasons: ['revoked'] });
    const fresh = (await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/credential` })).json<{ jwt: string }>().jwt;
    expect(fresh).not.toBe(jwt);
    expect(await outsideVerify(fresh)).toMatchObject({ revoked: false, subject: { verification: { level: 'field' } } });
  });

  it('revokes the credential for outside verifiers when an operator revokes the verification', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    await t.drain();
    const { jwt } = (await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/credential` })).json<{ jwt: string }>();
    expect((await outsideVerify(jwt)).revoked).toBe(false);
    const approved = (await call(t, { method: 'GET', url: '/api/v1/admin/verifications?status=approved&limit=100', headers: ops })).json<{ items: Array<{ id: string; companyId: string }> }>().items.find((i) => i.companyId === company.id)!;
    await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${approved.id}/revocation`, headers: ops, payload: { reason: '营业执照系伪造' } });
    await t.drain();
    await t.drain();
    expect((await outsideVerify(jwt)).revoked).toBe(true);
    expect((await call(t, { method: 'POST', url: '/api/v1/credentials/verify', payload: { jwt } })).json()).toMatchObject({ valid: false, reasons: ['revoked'] });
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/credential` })).statusCode).toBe(404);
    const badge = await call(t, { method: 'GET', url: `/badges/${company.id}.svg?lang=en-US` });
    expect(badge.body).toContain('Not verified');
  });

  it('rejects tampered and malformed tokens, and gives unverified companies no credential', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    const { jwt } = (await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/credential` })).json<{ jwt: string }>();
    const [h, p, s] = jwt.split('.');
    const forged = Buffer.from(p!, 'base64url').toString().replace(/"grade":"\dA"/, '"grade":"5A"');
    const tampered = `${h}.${Buffer.from(forged).toString('base64url')}.${s}`;
    expect((await call(t, { method: 'POST', url: '/api/v1/credentials/verify', payload: { jwt: tampered } })).json()).toMatchObject({ valid: false, reasons: ['bad_signature'] });
    expect((await call(t, { method: 'POST', url: '/api/v1/credentials/verify', payload: { jwt: 'not.a.valid.jwt.at.all' } })).json()).toMatchObject({ valid: false });
    const plain = await createCompany(t, owner);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${plain.id}/credential` })).json()).toMatchObject({ code: 'NO_CREDENTIAL' });
  });

  it('keeps retired keys in the JWKS after rotation so earlier credentials still verify; private keys are stored encrypted', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    const { jwt } = (await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/credential` })).json<{ jwt: string }>();
    await t.modules.credentials.keys.rotate();
    const jwks = (await call(t, { method: 'GET', url: '/.well-known/jwks.json' })).json<{ keys: Array<{ kid: string; d?: string }> }>();
    expect(jwks.keys.length).toBeGreaterThanOrEqual(2);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    expect((await outsideVerify(jwt)).revoked).toBe(false);
    const stored = await sql<{ private_jwk_encrypted: string }>`SELECT private_jwk_encrypted FROM signing_keys LIMIT 1`.execute(t.database.db);
    expect(stored.rows[0]!.private_jwk_encrypted).not.toContain('"d"');
  });

  it('serves an embeddable badge in both languages that says when a company is not verified', async () => {
    const owner = await registerUser(t);
    const company = await createVerifiedCompany(t, owner, ops);
    await t.drain();
    const zh = await call(t, { method: 'GET', url: `/badges/${company.id}.svg?lang=zh-CN` });
    expect(zh.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(zh.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(zh.body).toContain('已认证');
    const en = await call(t, { method: 'GET', url: `/badges/${company.id}.svg?lang=en-US` });
    expect(en.body).toMatch(/Verified · \dA/);
    const other = await createCompany(t, owner);
    expect((await call(t, { method: 'GET', url: `/badges/${other.id}.svg?lang=en-US` })).body).toContain('Not verified');
  });

  it('lists public trust marks for several companies at once', async () => {
    const owner = await registerUser(t);
    const verified = await createVerifiedCompany(t, owner, ops);
    const plain = await createCompany(t, owner);
    await t.drain();
    const res = await call(t, { method: 'GET', url: `/api/v1/trust-marks?companyIds=${verified.id},${plain.id}` });
    expect(res.json()).toMatchObject({ items: [
      { companyId: verified.id, verified: true, verificationLevel: 'registry', grade: '1A', trustpassActive: false },
      { companyId: plain.id, verified: false, grade: null },
    ] });
    expect((await call(t, { method: 'GET', url: '/api/v1/trust-marks?companyIds=nope' })).statusCode).toBe(400);
  });
  it("reads the marks of one company or many in the same number of queries, each saying what the company's own pages say", async () => {
    const owner = await registerUser(t);
    const member = await createVerifiedCompany(t, owner, ops);
    await t.drain();
    const standard = (await call(t, {
      method: 'POST', url: '/api/v1/admin/trustpass/plans', headers: ops,
      payload: { code: 'marks-standard', nameZh: '标准版', nameEn: 'Standard', annualPrice: 688_000, publishLimit: 200, rfqQuoteQuota: 30, badge: '诚信通' },
    })).json<{ id: string; badge: string | null }>();
    const bought = await call(t, { method: 'POST', url: `/api/v1/companies/${member.id}/trustpass/purchases`, headers: owner.headers, payload: { planId: standard.id } });
    expect(bought.statusCode, bought.body).toBe(201);
    await call(t, { method: 'POST', url: `/api/v1/sandbox/payments/${bought.json<{ paymentIntent: { id: string } }>().paymentIntent.id}/approve`, headers: owner.headers });
    const visited = await createVerifiedCompany(t, owner, ops);
    await call(t, { method: 'POST', url: `/api/v1/admin/companies/${visited.id}/field-verifications`, headers: ops, payload: { visitedOn: '2026-11-01', inspector: '李检查', notes: '' } });
    const others = [];
    for (let i = 0; i < 5; i++) others.push(await createCompany(t, owner));
    await t.drain();
    const marks = (ids: string[]) => call(t, { method: 'GET', url: `/api/v1/trust-marks?companyIds=${ids.join(',')}` });
    const all = [member.id, visited.id, ...others.map((c) => c.id)];
    await marks(all); // the companies never rated are rated once, as their rating pages would
    const one = await t.database.countQueries(() => marks([member.id]));
    const many = await t.database.countQueries(() => marks(all));
    expect(many.queries).toBe(one.queries);

    const items = many.result.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items.map((m) => m.companyId)).toEqual(all);
    for (const m of items) {
      const id = m.companyId as string;
      const [verification, credit, trustpass] = await Promise.all(['verification', 'credit', 'trustpass'].map(async (what) =>
        (await call(t, { method: 'GET', url: `/api/v1/companies/${id}/${what}` })).json<Record<string, unknown>>()));
      expect(m).toEqual({
        companyId: id, verified: verification!.verified, verifiedAt: verification!.verifiedAt, verificationLevel: verification!.level,
        grade: credit!.grade, score: credit!.score, trustpassActive: trustpass!.status === 'active' || trustpass!.status === 'grace',
        trustpassYears: trustpass!.trustpassYears, planBadge: (trustpass!.plan as { badge: string | null } | null)?.badge ?? null,
      });
    }
    expect(items[0]).toMatchObject({ verified: true, trustpassActive: true, trustpassYears: 1, planBadge: standard.badge });
    expect(items[1]).toMatchObject({ verificationLevel: 'field', trustpassActive: false });
    expect(items[2]).toMatchObject({ verified: false, verificationLevel: 'none', trustpassYears: 0, planBadge: null });
    expect((await marks([member.id, '0190a0a0-0000-7000-8000-000000000000'])).statusCode).toBe(404);
  });
});
