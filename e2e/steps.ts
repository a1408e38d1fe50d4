import type { Page } from 'playwright-core';
import type { E2E, Locale } from './harness.js';

export const DEMO_PASSWORD = 'Tongshang-Demo-2026';
// A 1×1 PNG stands in for the scanned license.
export const LICENSE_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export interface RegistryEntry { uscc: string; name: string; legalRepresentative: string; establishedOn: string; registeredCapital: string; address: string }
export interface NewSeller { email: string; password: string; name: string; province: string; city: string; industry: string }

export async function signIn(env: E2E, lang: Locale, email: string, password: string): Promise<Page> {
  const page = await env.newPage(lang);
  await page.goto(`${env.baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/workbench|admin/);
  return page;
}

/** Registers a user and creates their supplier company; leaves the page on the seller workbench. */
export async function registerSeller(env: E2E, page: Page, seller: NewSeller, company: RegistryEntry): Promise<void> {
  await page.goto(`${env.baseUrl}/register`);
  await page.getByTestId('register-email').fill(seller.email);
  await page.getByTestId('register-password').fill(seller.password);
  await page.getByTestId('register-name').fill(seller.name);
  await page.getByTestId('register-submit').click();
  await page.waitForURL('**/companies/new');
  await page.getByTestId('company-legal-name').fill(company.name);
  await page.getByTestId('company-uscc').fill(company.uscc);
  await page.getByTestId('company-province').click();
  await page.keyboard.type(seller.province);
  await page.keyboard.press('Enter');
  await page.getByTestId('company-city').fill(seller.city);
  await page.getByTestId('company-industry').fill(seller.industry);
  await page.keyboard.press('Escape');
  await page.getByTestId('company-submit').click();
  await page.waitForURL('**/workbench/seller');
}

/** Fills the three steps of the verification wizard from a registry entry (step 1 must be open). */
export async function fillVerificationDetails(page: Page, company: RegistryEntry, scope: string): Promise<void> {
  await page.getByTestId('verification-uscc').fill(company.uscc);
  await page.getByTestId('verification-legal-name').fill(company.name);
  await page.getByTestId('verification-representative').fill(company.legalRepresentative);
  await page.getByTestId('verification-capital').fill(company.registeredCapital);
  await page.getByTestId('verification-established').click();
  await page.keyboard.type(company.establishedOn);
  await page.keyboard.press('Enter');
  await page.getByTestId('verification-address').fill(company.address);
  await page.getByTestId('verification-scope').fill(scope);
}

export async function attachLicense(page: Page): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name: 'license.png', mimeType: 'image/png', buffer: LICENSE_PNG });
  await page.getByTestId('license-image').waitFor();
}

/** The operator (signed in with en-US) opens the company's request in the queue and approves it. */
export async function approveVerification(ops: Page, env: E2E, companyName: string): Promise<void> {
  await ops.goto(`${env.baseUrl}/admin/verifications`);
  await ops.getByTestId('verification-queue').getByText(companyName).first().click();
  await ops.getByTestId('verification-compare').waitFor();
  await ops.getByTestId('verification-approve').click();
  await ops.locator('[data-testid="verification-drawer-status"]', { hasText: 'Approved' }).waitFor();
}
