import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.js';
import { DEMO_PASSWORD, settledShot, signIn, switchLanguage } from './steps.js';

let env: E2E;
beforeAll(async () => {
  env = await startE2E({ SEED_DEMO: 'true' });
});
afterAll(async () => {
  await env?.close();
});

describe('credit rating and portable credential', () => {
  it('a verified TrustPass supplier sees its explained grade and badge, and anyone can verify its credential', async () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const page = await env.newPage(lang);
      await page.goto(`${env.baseUrl}/login`);
      await page.getByTestId('login-email').fill('chen.li@huadong-steel.demo');
      await page.getByTestId('login-password').fill('Tongshang-Demo-2026');
      await page.getByTestId('login-submit').click();
      await page.waitForURL('**/workbench/**');
      await page.goto(`${env.baseUrl}/workbench/credit`);
      const grade = await page.getByTestId('credit-grade').textContent();
      expect(grade).toMatch(/^[2-5]A$/);
      await page.getByTestId('badge-preview').waitFor();
      const snippet = await page.getByTestId('embed-snippet').inputValue();
      expect(snippet).toContain('/badges/');
      await page.getByTestId('credential-verify').click();
      await page.getByText(lang === 'zh-CN' ? '凭证有效' : 'Valid credential').first().waitFor();
      await env.screenshot(page, `credit-${lang}`);

      // An outside visitor follows the badge link to the public verification page.
      const companyId = /company=([0-9a-f-]{36})/.exec(snippet)![1]!;
      const visitor = await env.newPage(lang);
      await visitor.goto(`${env.baseUrl}/verify?company=${companyId}`);
      await visitor.getByTestId('verify-result').getByText(lang === 'zh-CN' ? '凭证有效' : 'Valid credential').waitFor();
      expect(await visitor.getByTestId('verify-result').textContent()).toContain('无锡华东钢材贸易有限公司');
      await env.screenshot(visitor, `verify-${lang}`);

      // A tampered credential is refused.
      const jwt = await visitor.getByTestId('verify-jwt').inputValue();
      const [h, p, s] = jwt.split('.');
      await visitor.getByTestId('verify-jwt').fill(`${h}.${p}x.${s}`);
      await visitor.getByTestId('verify-submit').click();
      await visitor.getByTestId('verify-result').getByText(lang === 'zh-CN' ? '凭证无效' : 'Not valid').waitFor();
    }
  });

  it('an operator approves a pending verification and the company sees itself verified, in both languages', async () => {
    const ops = await env.newPage('en-US');
    await ops.goto(`${env.baseUrl}/login`);
    await ops.getByTestId('login-email').fill('ops@tongshang.demo');
    await ops.getByTestId('login-password').fill('Tongshang-Demo-2026');
    await ops.getByTestId('login-submit').click();
    await ops.waitForURL(/admin|workbench/);
    await ops.goto(`${env.baseUrl}/admin/verifications`);
    await ops.getByTestId('verification-queue').getByText('Hangzhou Youxuan Supply Chain Management Co., Ltd.').click();
    await ops.getByTestId('verification-approve').click();
    await ops.getByTestId('verification-drawer').getByText('Approved').waitFor();
    await env.screenshot(ops, 'verification-queue-en-US');

    const owner = await env.newPage('zh-CN');
    await owner.goto(`${env.baseUrl}/login`);
    await owner.getByTestId('login-email').fill('feng.jie@youxuan-scm.demo');
    await owner.getByTestId('login-password').fill('Tongshang-Demo-2026');
    await owner.getByTestId('login-submit').click();
    await owner.waitForURL('**/workbench/**');
    await owner.goto(`${env.baseUrl}/workbench/verification`);
    await owner.locator('[data-testid="verification-status"][data-status="approved"]').waitFor();
    await owner.getByText('已认证').first().waitFor();
    await env.screenshot(owner, 'verification-approved-zh-CN');
  });
  it("an operator gives a buyer's credit line its own term and the buyer sees it, in both languages", async () => {
    const ops = await signIn(env, 'en-US', 'ops@tongshang.demo', DEMO_PASSWORD);
    await ops.goto(`${env.baseUrl}/admin/credit-lines`);
    await ops.getByTestId('credit-line-lookup').locator('input').fill('闵行');
    await ops.locator('.ant-select-item-option').filter({ hasText: /Minhang|闵行/ }).first().click();
    await ops.getByTestId('credit-line-limit').fill('200000');
    await ops.getByTestId('credit-line-term').fill('60');
    await settledShot(ops, 'admin-credit-line-term-en-US', { fullPage: false });
    await ops.locator('#credit-line-save').click();
    await ops.getByRole('cell', { name: '60 days' }).waitFor();
    await switchLanguage(ops, 'zh-CN');
    await ops.getByRole('cell', { name: '60 天' }).waitFor();
    await settledShot(ops, 'admin-credit-lines-zh-CN');

    const buyer = await signIn(env, 'zh-CN', 'wu.hao@minhang-machinery.demo', DEMO_PASSWORD);
    await buyer.goto(`${env.baseUrl}/workbench/credit-terms`);
    await buyer.getByTestId('credit-term').getByText('账期:收货后 60 天').waitFor();
    await settledShot(buyer, 'credit-terms-zh-CN');
    await switchLanguage(buyer, 'en-US');
    await buyer.getByTestId('credit-term').getByText('Term: 60 days after receipt').waitFor();
    await settledShot(buyer, 'credit-terms-en-US');
  });
});
