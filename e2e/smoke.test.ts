import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startE2E, type E2E } from './harness.js';

let env: E2E;
beforeAll(async () => {
  env = await startE2E();
});
afterAll(async () => {
  await env?.close();
});

describe('the public site', () => {
  it('serves the home page in Chinese and in English, and at phone width', async () => {
    const zh = await env.newPage('zh-CN');
    await zh.goto(`${env.baseUrl}/`);
    await zh.getByText('全部类目').first().waitFor();
    expect(await zh.locator('html').getAttribute('lang')).toBe('zh-CN');
    await env.screenshot(zh, 'smoke-home-zh-CN');

    const en = await env.newPage('en-US');
    await en.goto(`${env.baseUrl}/`);
    await en.getByText('All categories').first().waitFor();
    await env.screenshot(en, 'smoke-home-en-US');

    const phone = await env.newPage('zh-CN', { width: 390, height: 844 });
    await phone.goto(`${env.baseUrl}/login`);
    await phone.getByTestId('login-email').waitFor();
    await env.screenshot(phone, 'smoke-login-phone-zh-CN');
  });

  it('shows the latest buying requests band on the home page and the public RFQ list, empty on an empty platform', async () => {
    const page = await env.newPage('zh-CN');
    await page.goto(`${env.baseUrl}/`);
    const band = page.getByTestId('latest-rfqs');
    await band.getByText('最新求购').waitFor();
    await band.getByTestId('latest-rfqs-empty').waitFor();
    await band.screenshot({ path: `${SCREENSHOT_DIR}/public-rfqs-home-band-empty-zh-CN.png` });
    await band.getByTestId('latest-rfqs-more').click();
    await page.waitForURL(/\/rfqs$/);
    await page.getByTestId('rfqs-empty').waitFor();
    expect(await page.getByTestId('rfq-row').count()).toBe(0);
    await page.getByText('求购信息').first().waitFor();
    await env.screenshot(page, 'public-rfqs-list-empty-zh-CN');
  });

  it('serves the API docs page', async () => {
    const page = await env.newPage('en-US');
    await page.goto(`${env.baseUrl}/api/docs`);
    await page.getByText('Tongshang 通商 API').first().waitFor();
    await env.screenshot(page, 'smoke-api-docs');
  });
});
