import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E } from './harness.js';

type Env = Awaited<ReturnType<typeof startE2E>>;

const OWNER = { email: 'owner.e2e@jiangnan-steel.test', password: 'Jiangnan-Steel-E2E-2026', name: '周建国' };
const COLLEAGUE = { email: 'buyer.e2e@jiangnan-steel.test', password: 'Colleague-Purchaser-2026', name: 'Li Na' };
const COMPANY = { legalName: '江南精密钢材有限公司', city: '苏州', industry: '钢铁冶金 Steel & metals' };

async function waitForInvitationLink(env: Env, to: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const mails = await env.readOutbox();
    const mail = mails.find((m) => m.to.toLowerCase().includes(to));
    const match = mail?.text.match(/\/invitations\/([A-Za-z0-9_-]{20,100})/);
    if (match) return `/invitations/${match[1]}`;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no invitation mail to ${to} in the outbox`);
}

async function switchLanguage(page: Page, expected: 'zh-CN' | 'en-US'): Promise<void> {
  await page.getByTestId('lang-switch').first().click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(expected);
}

describe('register → create company → invite → colleague accepts → switch language', () => {
  let env: Env;

  beforeAll(async () => {
    env = await startE2E();
  }, 180_000);

  afterAll(async () => {
    await env?.close();
  });

  it('runs the whole onboarding journey in both languages', async () => {
    // 1. The owner registers (Chinese UI).
    const owner = await env.newPage('zh-CN');
    await owner.goto(`${env.baseUrl}/`);
    await owner.getByTestId('featured-suppliers').waitFor();
    await env.screenshot(owner, '01-home-zh');
    await owner.getByTestId('header-register').click();
    await owner.getByTestId('register-email').fill(OWNER.email);
    await owner.getByTestId('register-password').fill(OWNER.password);
    await owner.getByTestId('register-name').fill(OWNER.name);
    await env.screenshot(owner, '02-register-zh');
    await owner.getByTestId('register-submit').click();
    await owner.waitForURL('**/companies/new');

    // 2. … and creates the company.
    await owner.getByTestId('company-legal-name').fill(COMPANY.legalName);
    await owner.getByTestId('company-province').click();
    await owner.keyboard.type('江苏');
    await owner.keyboard.press('Enter');
    await owner.getByTestId('company-city').fill(COMPANY.city);
    await owner.getByTestId('company-industry').fill(COMPANY.industry);
    await owner.keyboard.press('Escape');
    await env.screenshot(owner, '03-company-new-zh');
    await owner.getByTestId('company-submit').click();
    await owner.waitForURL('**/workbench/seller');
    await owner.getByTestId('todo-dashboard').waitFor();
    expect(await owner.getByTestId('company-switcher').textContent()).toContain(COMPANY.legalName);
    await env.screenshot(owner, '04-seller-workbench-zh');

    // 3. The owner invites a colleague as purchaser (the default role).
    await owner.goto(`${env.baseUrl}/workbench/company?tab=members`);
    await owner.getByTestId('invite-email').fill(COLLEAGUE.email);
    await owner.getByTestId('invite-submit').click();
    await owner.getByTestId('invitations-table').getByText(COLLEAGUE.email).waitFor();
    await env.screenshot(owner, '05-invited-zh');
    const invitationPath = await waitForInvitationLink(env, COLLEAGUE.email);

    // 4. The colleague opens the link in another browser (English UI), registers with the invited email and accepts.
    const colleague = await env.newPage('en-US');
    await colleague.goto(`${env.baseUrl}${invitationPath}`);
    await colleague.getByTestId('invitation-company').waitFor();
    expect(await colleague.getByTestId('invitation-company').textContent()).toContain(COMPANY.legalName);
    expect(await colleague.getByTestId('invitation-role').textContent()).toBe('Purchaser');
    await env.screenshot(colleague, '06-invitation-en');
    await colleague.getByTestId('invitation-register').click();
    await colleague.waitForURL('**/register?**');
    expect(await colleague.getByTestId('register-email').inputValue()).toBe(COLLEAGUE.email);
    await colleague.getByTestId('register-password').fill(COLLEAGUE.password);
    await colleague.getByTestId('register-name').fill(COLLEAGUE.name);
    await env.screenshot(colleague, '07-register-en');
    await colleague.getByTestId('register-submit').click();
    await colleague.waitForURL(`**${invitationPath}`);
    await colleague.getByTestId('invitation-accept').click();
    await colleague.waitForURL('**/workbench/buyer');
    await colleague.getByTestId('todo-dashboard').waitFor();
    expect(await colleague.getByTestId('workbench-title').textContent()).toBe('Buyer workbench');
    await env.screenshot(colleague, '08-buyer-workbench-en');

    // 5. Both switch language; the choice sticks across a reload.
    await switchLanguage(colleague, 'zh-CN');
    expect(await colleague.getByTestId('workbench-title').textContent()).toBe('买家工作台');
    await env.screenshot(colleague, '09-buyer-workbench-zh');
    await colleague.reload();
    await colleague.getByTestId('workbench-title').waitFor();
    expect(await colleague.getByTestId('workbench-title').textContent()).toBe('买家工作台');

    await owner.goto(`${env.baseUrl}/workbench/company?tab=members`);
    await owner.getByTestId('members-table').getByText(COLLEAGUE.email).waitFor();
    await switchLanguage(owner, 'en-US');
    await owner.getByTestId('members-table').getByText('Purchaser').waitFor();
    await env.screenshot(owner, '10-members-en');
    await owner.goto(`${env.baseUrl}/`);
    await owner.getByTestId('featured-suppliers').getByText('Featured suppliers').waitFor();
    await env.screenshot(owner, '11-home-en');
  }, 180_000);
});
