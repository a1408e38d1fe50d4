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
