import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.js';
import { DEMO_PASSWORD, approveVerification, attachLicense, fillVerificationDetails, registerSeller, signIn } from './steps.js';

// An entry of server/data/sample-registry.json that no demo company (and no other browser test) uses.
const COMPANY = { uscc: '91420100908853214D', name: '武汉中拓家居用品有限公司', legalRepresentative: '杨超', establishedOn: '2020-01-09', registeredCapital: '2000万元人民币', address: '武汉市兴业路390号' };
const SELLER = { email: 'yang.chao.e2e@zhongtuo-home.test', password: 'Zhongtuo-Home-E2E-2026', name: '杨超', province: '湖北', city: '武汉', industry: '家居用品 Home goods' };

let env: E2E;
let outside: http.Server;
let outsideUrl = '';
let embedHtml = '';
beforeAll(async () => {
  env = await startE2E({ SEED_DEMO: 'true' });
  // Somebody else's web site, on another origin, where the seller pastes the embed code.
  outside = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><meta charset="utf-8"><title>武汉中拓家居 — 官网</title></head>
<body style="font-family: sans-serif; padding: 24px"><h1>武汉中拓家居用品有限公司</h1><p>Our company on Tongshang:</p><div id="badge">${embedHtml}</div></body></html>`);
  });
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  outside?.close();
  await env?.close();
});

/** What an independent verifier does: our public keys and status list, and a standard JOSE library — no call to our verify API. */
async function independentlyVerify(jwt: string): Promise<{ signatureValid: boolean; revoked: boolean; legalName: unknown }> {
  const jwks = createRemoteJWKSet(new URL(`${env.baseUrl}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(jwt, jwks, { algorithms: ['EdDSA'] });
  const vc = payload.vc as { credentialSubject: { legalName: string }; credentialStatus: { statusListIndex: string; statusListCredential: string } };
  const listJwt = await (await fetch(vc.credentialStatus.statusListCredential.replace(/^https?:\/\/[^/]+/, env.baseUrl))).text();
  const list = (await jwtVerify(listJwt, jwks)).payload.vc as { credentialSubject: { encodedList: string } };
  const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), 'base64url'));
  const i = Number(vc.credentialStatus.statusListIndex);
  return { signatureValid: true, revoked: (bits[i >> 3]! & (0x80 >> (i & 7))) !== 0, legalName: vc.credentialSubject.legalName };
}

describe('the whole trust journey in the browser', () => {
  it('register → verified → TrustPass through the sandbox → 2A → badge on an outside page → verifier accepts → revoked → verifier rejects', async () => {
    // 1. A seller registers, creates the company and submits it for verification.
    const owner = await env.newPage('zh-CN');
    await registerSeller(env, owner, SELLER, COMPANY);
    await owner.goto(`${env.baseUrl}/workbench/credit`);
    await owner.getByTestId('credit-no-grade').waitFor();
    await env.screenshot(owner, 'journey-1-no-grade-zh-CN');
    await owner.goto(`${env.baseUrl}/workbench/verification`);
    await owner.getByTestId('verification-start').click();
    await fillVerificationDetails(owner, COMPANY, '家居用品批发、零售');
    await owner.locator('[data-testid="uscc-check"][data-valid="true"]').waitFor();
    await owner.getByTestId('verification-next').click();
    await attachLicense(owner);
    await owner.getByTestId('verification-next').click();
    await owner.getByTestId('verification-submit').click();
    await owner.locator('[data-testid="verification-status"][data-status="pending"]').waitFor();

    // 2. The operator approves it.
    const ops = await signIn(env, 'en-US', 'ops@tongshang.demo', DEMO_PASSWORD);
    await approveVerification(ops, env, COMPANY.name);

    // 3. The seller buys TrustPass with the sandbox provider and approves the payment on its pay page.
    await owner.goto(`${env.baseUrl}/workbench/trustpass`);
    await owner.getByTestId('plan-standard').click();
    await owner.getByTestId('checkout').click();
    await owner.waitForURL('**/sandbox/pay/**');
    await owner.getByTestId('sandbox-approve').click();
    await owner.getByTestId('trustpass-activated').waitFor({ timeout: 30_000 });
    await env.screenshot(owner, 'journey-2-paid-zh-CN');

    // 4. The grade reaches 2A, every point explained; the badge and its embed code are ready.
    await owner.goto(`${env.baseUrl}/workbench/credit`);
    await expect.poll(async () => {
      await owner.reload();
      return owner.getByTestId('credit-grade').textContent({ timeout: 5_000 }).catch(() => null);
    }, { timeout: 30_000, interval: 1000 }).toBe('2A');
    await owner.getByTestId('badge-preview').waitFor();
    embedHtml = await owner.getByTestId('embed-snippet').inputValue();
    await owner.getByTestId('credential-verify').click();
    await owner.getByText('凭证有效').first().waitFor();
    await env.screenshot(owner, 'journey-3-credit-2A-zh-CN');
    const companyId = /company=([0-9a-f-]{36})/.exec(embedHtml)![1]!;
    const jwt = (await (await fetch(`${env.baseUrl}/api/v1/companies/${companyId}/credential`)).json() as { jwt: string }).jwt;

    // 5. On the outside site the badge renders and links to the public verification page.
    const site = await env.newPage('en-US');
    await site.goto(outsideUrl);
    const badge = site.locator('#badge img');
    await expect.poll(() => badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await env.screenshot(site, 'journey-4-outside-site');
    const svg = await (await fetch(`${env.baseUrl}/badges/${companyId}.svg?lang=zh-CN`)).text();
    expect(svg).toContain('已认证');
    expect(svg).toContain('2A');
    const [verifyPage] = await Promise.all([site.context().waitForEvent('page'), site.locator('#badge a').click()]);
    await verifyPage.getByTestId('verify-result').getByText('Valid credential').waitFor();
    expect(await verifyPage.getByTestId('verify-result').textContent()).toContain(COMPANY.name);
    await env.screenshot(verifyPage, 'journey-5-verify-valid-en-US');

    // 6. An independent verifier accepts the credential with our public keys alone.
    expect(await independentlyVerify(jwt)).toEqual({ signatureValid: true, revoked: false, legalName: COMPANY.name });

    // 7. The operator revokes the verification; the seller sees why, the credential stops verifying.
    await ops.goto(`${env.baseUrl}/admin/verifications`);
    await ops.getByRole('tab', { name: 'Approved' }).click();
    await ops.getByTestId('verification-queue').getByText(COMPANY.name).first().click();
    await ops.getByTestId('verification-revoke').click();
    await ops.getByTestId('verification-revoke-reason').fill('工商登记显示企业已注销 / The registry shows the company deregistered');
    await ops.getByTestId('verification-revoke-confirm').click();
    await ops.locator('[data-testid="verification-drawer-status"]', { hasText: 'Revoked' }).waitFor();
    await env.screenshot(ops, 'journey-6-revoked-en-US');

    await expect.poll(async () => (await independentlyVerify(jwt)).revoked, { timeout: 30_000, interval: 1000 }).toBe(true);
    const stale = await env.newPage('en-US');
    await stale.goto(`${env.baseUrl}/verify`);
    await stale.getByTestId('verify-jwt').fill(jwt);
    await stale.getByTestId('verify-submit').click();
    await stale.getByTestId('verify-result').getByText('Not valid').waitFor();
    expect(await stale.getByTestId('verify-result').textContent()).toContain('Revoked');
    await env.screenshot(stale, 'journey-7-verify-revoked-en-US');
    expect(await (await fetch(`${env.baseUrl}/badges/${companyId}.svg?lang=en-US`)).text()).toContain('Not verified');

    await owner.goto(`${env.baseUrl}/workbench/verification`);
    await owner.locator('[data-testid="verification-status"][data-status="revoked"]').waitFor();
    expect(await owner.getByTestId('verification-reason').textContent()).toContain('已注销');
    await owner.goto(`${env.baseUrl}/workbench/credit`);
    await owner.getByTestId('credit-no-grade').waitFor();
    await env.screenshot(owner, 'journey-8-revoked-zh-CN');
  });
});
