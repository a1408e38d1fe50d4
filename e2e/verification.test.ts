import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.js';
import { DEMO_PASSWORD, attachLicense, registerSeller, signIn } from './steps.js';

// An entry of server/data/sample-registry.json that no demo company uses.
const REGISTRY = {
  uscc: '91320500301147241Q',
  name: '苏州博远包装材料有限公司',
  legalRepresentative: '陈静',
  establishedOn: '2009-11-10',
  registeredCapital: '9400万元人民币',
  address: '苏州市嘉禾路61号',
};
const OWNER = { email: 'chen.jing.e2e@boyuan-pack.test', password: 'Boyuan-Pack-E2E-2026', name: '陈静', province: '江苏', city: '苏州', industry: '包装印刷 Packaging' };

let env: E2E;
beforeAll(async () => {
  env = await startE2E({ SEED_DEMO: 'true' });
});
afterAll(async () => {
  await env?.close();
});

describe('business registration verification (工商认证)', () => {
  it('a new seller submits, the operator compares with the registry and approves, the company shows as verified', async () => {
    // 1. A seller registers and creates the company.
    const owner = await env.newPage('zh-CN');
    await registerSeller(env, owner, OWNER, REGISTRY);

    // 2. The "Get started" card leads to the verification page, which invites them to start.
    await owner.getByTestId('quick-verification').click();
    await owner.waitForURL('**/workbench/verification');
    await owner.locator('[data-testid="verification-status"][data-status="none"]').waitFor();
    await env.screenshot(owner, 'verification-none-zh-CN');
    await owner.getByTestId('verification-start').click();

    // 3. Step 1: the live check flags a wrong check character, then accepts the right code.
    const wrong = `${REGISTRY.uscc.slice(0, 17)}${REGISTRY.uscc.endsWith('0') ? '1' : '0'}`;
    await owner.getByTestId('verification-uscc').fill(wrong);
    await owner.locator('[data-testid="uscc-check"][data-valid="false"]').waitFor();
    expect(await owner.getByTestId('uscc-check').textContent()).toContain('18');
    await owner.getByTestId('verification-legal-name').fill(REGISTRY.name);
    await owner.getByTestId('verification-representative').fill(REGISTRY.legalRepresentative);
    await owner.getByTestId('verification-capital').fill(REGISTRY.registeredCapital);
    await owner.getByTestId('verification-established').click();
    await owner.keyboard.type(REGISTRY.establishedOn);
    await owner.keyboard.press('Enter');
    await owner.getByTestId('verification-address').fill(REGISTRY.address);
    await owner.getByTestId('verification-scope').fill('包装材料生产、销售');
    await env.screenshot(owner, 'verification-step1-invalid-zh-CN');

    // … submitting it anyway brings the server's message back onto the USCC field.
    await owner.getByTestId('verification-next').click();
    await attachLicense(owner);
    await owner.getByTestId('verification-next').click();
    await owner.getByTestId('verification-review').waitFor();
    await env.screenshot(owner, 'verification-review-zh-CN');
    await owner.getByTestId('verification-submit').click();
    await owner.locator('#uscc_help, .ant-form-item-explain-error').first().waitFor();
    await owner.getByTestId('verification-uscc').fill(REGISTRY.uscc);
    await owner.locator('[data-testid="uscc-check"][data-valid="true"]').waitFor();
    await owner.getByTestId('verification-next').click();
    await owner.getByTestId('verification-next').click();
    await owner.getByTestId('verification-submit').click();
    await owner.locator('[data-testid="verification-status"][data-status="pending"]').waitFor();
    await env.screenshot(owner, 'verification-pending-zh-CN');

    // 4. The operator sees it in the queue, with the registry agreeing on every field, and approves it.
    const ops = await signIn(env, 'en-US', 'ops@tongshang.demo', DEMO_PASSWORD);
    await ops.goto(`${env.baseUrl}/admin/verifications`);
    await ops.getByTestId('verification-queue').getByText(REGISTRY.name).first().click();
    await ops.getByTestId('verification-compare').waitFor();
    expect(await ops.locator('[data-testid="verification-compare"] [data-differs="true"]').count()).toBe(0);
    await ops.getByTestId('verification-drawer').getByText('Matches').first().waitFor();
    await ops.waitForTimeout(500); // let the drawer finish sliding in
    await env.screenshot(ops, 'verification-review-en-US');
    await ops.getByTestId('verification-approve').click();
    await ops.locator('[data-testid="verification-drawer-status"]', { hasText: 'Approved' }).waitFor();

    // 5. The seller sees the verified mark, in both languages, and so does the public profile.
    await owner.reload();
    await owner.locator('[data-testid="verification-status"][data-status="approved"]').waitFor();
    await owner.getByTestId('mark-verified').first().waitFor();
    await env.screenshot(owner, 'verification-approved-zh-CN');
    const ownerEn = await signIn(env, 'en-US', OWNER.email, OWNER.password);
    await ownerEn.goto(`${env.baseUrl}/workbench/verification`);
    await ownerEn.locator('[data-testid="verification-status"][data-status="approved"]').waitFor();
    expect(await ownerEn.getByTestId('mark-verified').first().textContent()).toContain('Verified');
    await env.screenshot(ownerEn, 'verification-approved-en-US');

    const companyId = await ownerEn.evaluate(async () => ((await (await fetch('/api/v1/me')).json()) as { activeCompanyId: string }).activeCompanyId);
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const visitor = await env.newPage(lang);
      await visitor.goto(`${env.baseUrl}/companies/${companyId}`);
      await visitor.locator('[data-testid="verification-facts"][data-verified="true"]').waitFor();
      await visitor.getByTestId('mark-verified').first().hover();
      await visitor.getByRole('tooltip').getByText(lang === 'zh-CN' ? '工商认证' : 'business registration').waitFor();
      await env.screenshot(visitor, `verification-profile-${lang}`);
    }
  });
});
