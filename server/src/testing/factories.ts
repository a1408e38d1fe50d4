import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { completeUscc } from '../modules/accounts/index.js';
import type { TestApp } from './harness.js';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export const TEST_PASSWORD = 'Warehouse-Ledger-7731';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
  csrfToken: string;
  /** Bearer auth: no CSRF token needed. */
  headers: Record<string, string>;
}

export function buildUserInput(overrides: Partial<{ email: string; password: string; name: string; mobile: string }> = {}) {
  return { email: `user-${unique()}@example.cn`, password: TEST_PASSWORD, name: `测试用户 ${seq}`, ...overrides };
}

/** A valid, unique unified social credit code. */
export function buildUscc(): string {
  const digits = (Date.now() * 1000 + ++seq).toString().slice(-8);
  return completeUscc(`91320500${digits}`);
}

export function buildCompanyInput(overrides: Record<string, unknown> = {}) {
  return {
    legalName: `苏州测试钢材有限公司 ${unique()}`,
    nameEn: 'Suzhou Test Steel Co., Ltd.',
    uscc: buildUscc(),
    companyType: 'manufacturer',
    province: '320000',
    city: '苏州',
    industry: '钢铁 Steel',
    mainProducts: ['热轧钢板', '冷轧卷'],
    description: '测试企业',
    ...overrides,
  };
}

export async function call(t: TestApp, options: InjectOptions): Promise<LightMyRequestResponse> {
  return t.app.inject(options);
}

export async function registerUser(t: TestApp, overrides: Parameters<typeof buildUserInput>[0] = {}): Promise<TestUser> {
  const input = buildUserInput(overrides);
  const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', payload: input });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ user: { id: string; email: string; name: string }; token: string; csrfToken: string }>();
  return { ...body.user, token: body.token, csrfToken: body.csrfToken, headers: { authorization: `Bearer ${body.token}` } };
}

export async function createCompany(t: TestApp, owner: TestUser, overrides: Record<string, unknown> = {}): Promise<{ id: string; legalName: string }> {
  const res = await call(t, { method: 'POST', url: '/api/v1/companies', headers: owner.headers, payload: buildCompanyInput(overrides) });
  if (res.statusCode !== 201) throw new Error(`create company failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Invites a fresh user with the role and accepts through the API, reading the token from the outbox mail. */
export async function addMember(t: TestApp, owner: TestUser, companyId: string, role: 'admin' | 'purchaser' | 'sales' | 'finance'): Promise<TestUser> {
  const email = `member-${unique()}@example.cn`;
  const invited = await call(t, { method: 'POST', url: `/api/v1/companies/${companyId}/invitations`, headers: owner.headers, payload: { email, role } });
  if (invited.statusCode !== 201) throw new Error(`invite failed: ${invited.statusCode} ${invited.body}`);
  const token = await invitationTokenFor(t, email);
  const member = await registerUser(t, { email });
  const accepted = await call(t, { method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: member.headers });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.statusCode} ${accepted.body}`);
  return member;
}

/** Delivers queued mail and pulls the invitation token out of the newest mail to this address. */
export async function invitationTokenFor(t: TestApp, email: string): Promise<string> {
  await t.drain();
  const mails = await t.platform.mailer.listOutbox(100);
  const mail = mails.find((m) => m.to === email);
  const token = mail?.text.match(/\/invitations\/([\w-]+)/)?.[1];
  if (!token) throw new Error(`no invitation mail for ${email}`);
  return token;
}

const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** Signs in (creating if needed) a platform operator; returns bearer headers. */
export async function operatorHeaders(t: TestApp, email = 'ops-factory@example.cn'): Promise<Record<string, string>> {
  const password = 'Factory-Operator-5512';
  await t.modules.accounts.auth.ensureOperator({ email, password });
  const login = await call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  return { authorization: `Bearer ${login.json<{ token: string }>().token}` };
}

/** A company that passed business registration verification, through the same API a user and an operator use. */
export async function createVerifiedCompany(t: TestApp, owner: TestUser, ops: Record<string, string>, overrides: Record<string, unknown> = {}): Promise<{ id: string; legalName: string }> {
  const company = await createCompany(t, owner, overrides);
  await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: owner.headers, payload: { companyId: company.id } });
  const boundary = '----tsfactory';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="license.png"\r\nContent-Type: image/png\r\n\r\n`),
    TINY_PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const file = await call(t, { method: 'POST', url: '/api/v1/files?purpose=business_license', payload, headers: { ...owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  const submitted = await call(t, {
    method: 'PUT', url: `/api/v1/companies/${company.id}/verification`, headers: owner.headers,
    payload: { uscc: '91320200583202009M', legalName: company.legalName, legalRepresentative: owner.name, registeredCapital: '500万元人民币', establishedOn: '2010-05-01', registeredAddress: '无锡市', businessScope: '钢材销售', licenseFileId: file.json<{ id: string }>().id },
  });
  if (submitted.statusCode !== 200) throw new Error(`verification submit failed: ${submitted.body}`);
  const queue = await call(t, { method: 'GET', url: '/api/v1/admin/verifications?status=pending&limit=100', headers: ops });
  const item = queue.json<{ items: Array<{ id: string; companyId: string }> }>().items.find((i) => i.companyId === company.id);
  if (!item) throw new Error('verification not queued');
  await call(t, { method: 'POST', url: `/api/v1/admin/verifications/${item.id}/decision`, headers: ops, payload: { approve: true } });
  return company;
}
