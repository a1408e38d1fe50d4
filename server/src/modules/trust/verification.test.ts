import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { HttpRegistryProvider, SampleRegistryProvider, compareWithRegistry, type RegistryRecord } from './registry.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let t: TestApp;
let ops: Record<string, string>;
let registryRecord: RegistryRecord;
beforeAll(async () => {
  t = await createTestApp();
  await t.modules.accounts.auth.ensureOperator({ email: 'ops-trust@example.cn', password: 'Queue-Reviewer-4471' });
  const login = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ops-trust@example.cn', password: 'Queue-Reviewer-4471' } });
  ops = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
  registryRecord = (await new SampleRegistryProvider().lookup('91320200583202009M'))!;
});
afterAll(async () => {
  await t.close();
});

async function upload(user: TestUser, bytes: Buffer, purpose = 'business_license', companyId?: string) {
  const boundary = '----ts' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="license.png"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const q = `purpose=${purpose}${companyId ? `&companyId=${companyId}` : ''}`;
  return call(t, { method: 'POST', url: `/api/v1/files?${q}`, payload, headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function submission(owner: TestUser, overrides: Record<string, unknown> = {}) {
  const file = await upload(owner, PNG);
  expect(file.statusCode).toBe(201);
  return {
    uscc: registryRecord.uscc, legalName: registryRecord.name, legalRepresentative: registryRecord.legalRepresentative,
    registeredCapital: registryRecord.registeredCapital, establishedOn: registryRecord.establishedOn, registeredAddress: registryRecord.address,
    businessScope: '钢材销售;金属材料销售', licenseFileId: file.json<{ id: string }>().id, ...overrides,
  };
}

describe('registry comparison', () => {
  it('names every disagreement, and a deregistered company', () => {
    const submitted = { legalName: registryRecord.name, legalRepresentative: registryRecord.legalRepresentative, establishedOn: registryRecord.establishedOn };
    expect(compareWithRegistry(submitted, registryRecord)).toEqual([]);
    expect(compareWithRegistry({ ...submitted, legalName: '别的公司' }, registryRecord)).toEqual(['name']);
    expect(compareWithRegistry(submitted, { ...registryRecord, status: 'deregistered', legalRepresentative: '某人' })).toEqual(['legal_representative', 'deregistered']);
    expect(compareWithRegistry(submitted, null)).toEqual(['not_found']);
  });

  it('asks an HTTP registry with its key and reads not-found as null', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization}`);
      if (req.url === `/companies/${registryRecord.uscc}`) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(registryRecord));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const provider = new HttpRegistryProvider(url, 'secret-key');
      expect(await provider.lookup(registryRecord.uscc)).toEqual(registryRecord);
      expect(await provider.lookup('91320500000000000X')).toBeNull();
      expect(seen[0]).toBe(`/companies/${registryRecord.uscc} Bearer secret-key`);
    } finally {
      server.close();
    }
  });
});

describe('company verification', () => {
  it('live-checks a USCC and explains a wrong one in the reader language', async () => {
    expect((await call(t, { method: 'GET', url: `/api/v1/uscc-check?code=${registryRecord.uscc}` })).json()).toMatchObject({ valid: true, problem: null });
    const bad = await call(t, { method: 'GET', url: `/api/v1/uscc-check?code=${registryRecord.uscc.slice(0, 17)}0`, headers: { 'accept-language': 'zh-CN' } });
    expect(bad.json()).toMatchObject({ valid: false, problem: expect.stringMatching(/check/), message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('submit → operator sees the registry answer → reject with reason → fix and resubmit → approve → public verified mark', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner);
    const before = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers });
    expect(before.json()).toMatchObject({ status: 'none', verified: false, level: 'none' });

    const wrongName = await submission(owner, { legalName: '写错的公司名称有限公司' });
    const submitted = await call(t, { method: 'PUT', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers, payload: wrongName });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'pending', verified: false, submission: { mismatches: ['name'] } });

    const queue = await call(t, { method: 'GET', url: '/api/v1/admin/verifications?status=pending', headers: ops });
    const item = queue.json<{ items: Array<{ id: string; companyId: string; companyName: string; companyNameEn: string | null; mismatches: string[] }> }>().items.find((i) => i.companyId === company.id)!;
    expect(item.mismatches).toEqual(['name']);
    // The English console names the company in English (the factory's nameEn), beside the legal name.
    expect(item).toMatchObject({ companyName: company.legalName, companyNameEn: 'Suzhou Test Steel Co., Ltd.' });
    const detail = await call(t, { method: 'GET', url: `/api/v1/admin/verifications/${item.id}`, headers: ops });
    expect(detail.json()).toMatchObject({
      companyName: company.legalName, companyNameEn: 'Suzhou Test Steel Co., Ltd.',
      registry: { provider: 'sample', record: { name: registryRecord.name } }, licenseContentType: 'image/png',
    });
    const license = await call(t, { method: 'GET', url: detail.json<{ licenseUrl: string }>().licenseUrl, headers: ops });
    expect(license.statusCode).toBe(200);

    const noReason = await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${item.id}/decision`, headers: ops, payload: { approve: false } });
    expect(noReason.json()).toMatchObject({ code: 'REJECTION_REASON_REQUIRED' });
    await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${item.id}/decision`, headers: ops, payload: { approve: false, reason: '企业名称与营业执照不一致' } });
    const rejected = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '企业名称与营业执照不一致', verified: false });
    const twice = await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${item.id}/decision`, headers: ops, payload: { approve: true } });
    expect(twice.json()).toMatchObject({ code: 'VERIFICATION_ALREADY_DECIDED' });

    const fixed = await call(t, { method: 'PUT', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers, payload: await submission(owner) });
    expect(fixed.json()).toMatchObject({ status: 'pending', submission: { mismatches: [] } });
    const second = (await call(t, { method: 'GET', url: '/api/v1/admin/verifications?status=pending', headers: ops })).json<{ items: Array<{ id: string; companyId: string }> }>().items.find((i) => i.companyId === company.id)!;
    const approved = await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${second.id}/decision`, headers: ops, payload: { approve: true } });
    expect(approved.json()).toMatchObject({ status: 'approved' });

    const publicView = await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/verification` });
    expect(publicView.json()).toMatchObject({ status: 'approved', verified: true, level: 'registry', submission: null, reason: null });
    expect(publicView.json<{ verifiedAt: string }>().verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const photo = await upload(owner, PNG, 'attachment');
    const visit = await call(t, { method: 'POST', url: `/api/v1/admin/companies/${company.id}/field-verifications`, headers: ops, payload: { visitedOn: '2026-11-20', inspector: '实地核查员 张三', notes: '厂房 5000 平方米,设备在产', photoFileIds: [photo.json<{ id: string }>().id] } });
    expect(visit.statusCode).toBe(201);
    expect((await call(t, { method: 'GET', url: `/api/v1/companies/${company.id}/verification` })).json()).toMatchObject({ level: 'field', fieldVisits: [{ inspector: '实地核查员 张三', notes: '' }] });

    const types = (await t.database.db.selectFrom('events').select('type').where('company_id', '=', company.id).where('type', 'like', 'verification.%').orderBy('id').execute()).map((e) => e.type);
    expect(types).toEqual(['verification.submitted', 'verification.rejected', 'verification.submitted', 'verification.approved', 'verification.field_recorded']);
  });

  it('refuses a bad USCC, a license that is not the company\'s, and members without a managing role', async () => {
    const owner = await registerUser(t);
    const company = await createCompany(t, owner);
    const body = await submission(owner);
    const badCode = await call(t, { method: 'PUT', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers, payload: { ...body, uscc: registryRecord.uscc.slice(0, 17) + '0' } });
    expect(badCode.json()).toMatchObject({ code: 'USCC_INVALID', errors: [{ path: 'body.uscc' }] });

    const other = await registerUser(t);
    await createCompany(t, other);
    const foreign = await submission(other);
    const wrongFile = await call(t, { method: 'PUT', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers, payload: { ...body, licenseFileId: foreign.licenseFileId } });
    expect(wrongFile.json()).toMatchObject({ code: 'LICENSE_FILE_INVALID' });
    // Another company's member cannot read this company's private license either.
    expect((await call(t, { method: 'GET', url: `/api/v1/files/${body.licenseFileId}`, headers: other.headers })).statusCode).toBe(404);

    const sales = await addMember(t, owner, company.id, 'sales');
    const bySales = await call(t, { method: 'PUT', url: `/api/v1/companies/${company.id}/verification`, headers: sales.headers, payload: body });
    expect(bySales.statusCode).toBe(403);
    const byOther = await call(t, { method: 'PUT', url: `/api/v1/companies/${company.id}/verification`, headers: other.headers, payload: body });
    expect(byOther.statusCode).toBe(403);
    const notOps = await call(t, { method: 'GET', url: '/api/v1/admin/verifications', headers: owner.headers });
    expect(notOps.statusCode).toBe(403);
  });

  it('accepts licenses only as PNG, JPEG or PDF by content', async () => {
    const owner = await registerUser(t);
    await createCompany(t, owner);
    const gif = await upload(owner, Buffer.from('GIF89a' + 'x'.repeat(20)));
    expect(gif.statusCode).toBe(415);
    const pdf = await upload(owner, Buffer.from('%PDF-1.7\n%test\n'));
    expect(pdf.statusCode).toBe(201);
  });
});
