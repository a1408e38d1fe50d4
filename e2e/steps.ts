import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOT_DIR, type E2E, type Locale } from './harness.js';

export const DEMO_PASSWORD = 'Tongshang-Demo-2026';
// A 1×1 PNG stands in for the scanned license.
export const LICENSE_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export interface RegistryEntry { uscc: string; name: string; legalRepresentative: string; establishedOn: string; registeredCapital: string; address: string }
export interface NewSeller { email: string; password: string; name: string; province: string; city: string; industry: string }

export async function signIn(env: E2E, lang: Locale, email: string, password: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await env.newPage(lang, viewport);
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

// ---- catalog ------------------------------------------------------------------------------------------------

/** What a seller types into the product editor; labels are the option texts in the UI's language. */
export interface Listing {
  /** Cascader labels, root first, e.g. ['钢铁冶金', '板材', '热轧板']. */
  categoryPath: string[];
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  /** Number attributes by key (e.g. thickness in mm). */
  numbers: Record<string, number>;
  /** Enum attributes by key → option label. */
  enums: Record<string, string>;
  /** The SKU-defining attribute's key and the ticked option labels, each with its stock. */
  skuAxis: string;
  skus: Array<{ label: string; stock: number }>;
  /** The unit's name in the unit picker (e.g. 吨, Ton (t)). */
  unit: string;
  /** Tiers in 元 per unit: the first's minQuantity is the MOQ. */
  tiers: Array<{ minQuantity: number; unitPrice: number }>;
  leadTimeDays: number;
  sample?: { unitPrice: number; maxQuantity: number };
  image: { name: string; buffer: Buffer };
}

/** An antd InputNumber/Input by test id, wherever antd put the attribute (the input or its wrapper). */
export function inputOf(scope: Page | Locator, testId: string, nth = 0): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).nth(nth);
}

/** Opens an antd Select by test id, types to filter and takes the first match. */
export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/**
 * The seller (signed in, company active) fills the product editor from the category picker to the image and
 * publishes. Returns the product id once the editor shows the published listing.
 */
export async function publishListing(env: E2E, page: Page, listing: Listing, screenshot?: string): Promise<string> {
  await page.goto(`${env.baseUrl}/workbench/products/new`);
  await page.getByTestId('editor-category').click();
  for (const label of listing.categoryPath) await page.locator(`.ant-cascader-menu-item[title="${label}"]`).click();
  await page.getByTestId('editor-section-basics').waitFor();
  await inputOf(page, 'editor-title-zh').fill(listing.titleZh);
  await inputOf(page, 'editor-title-en').fill(listing.titleEn);
  await page.locator('textarea[data-testid="editor-description-zh"], [data-testid="editor-description-zh"] textarea').fill(listing.descriptionZh);
  await page.getByTestId('editor-images').locator('input[type=file]').setInputFiles({ name: listing.image.name, mimeType: 'image/png', buffer: listing.image.buffer });
  await page.getByTestId('editor-image').first().waitFor();
  for (const [key, value] of Object.entries(listing.numbers)) await inputOf(page, `editor-attr-${key}`).fill(String(value));
  for (const [key, label] of Object.entries(listing.enums)) await pickOption(page, `editor-attr-${key}`, label);
  for (const sku of listing.skus) await page.getByTestId(`editor-sku-axis-${listing.skuAxis}`).getByText(sku.label, { exact: true }).click();
  const rows = page.getByTestId('editor-sku-row');
  await expect.poll(() => rows.count()).toBe(listing.skus.length);
  for (const [i, sku] of listing.skus.entries()) await inputOf(rows.nth(i), 'editor-sku-stock').fill(String(sku.stock));
  await pickOption(page, 'editor-unit', listing.unit);
  for (let i = 1; i < listing.tiers.length; i++) await page.getByTestId('editor-add-tier').click();
  for (const [i, tier] of listing.tiers.entries()) {
    await inputOf(page, 'editor-tier-min', i).fill(String(tier.minQuantity));
    await inputOf(page, 'editor-tier-price', i).fill(String(tier.unitPrice));
  }
  await inputOf(page, 'editor-lead-time').fill(String(listing.leadTimeDays));
  if (listing.sample) {
    await page.getByTestId('editor-sample-toggle').click();
    await inputOf(page, 'editor-sample-price').fill(String(listing.sample.unitPrice));
    await inputOf(page, 'editor-sample-max').fill(String(listing.sample.maxQuantity));
  }
  // Leave the last field so its value is committed before the screenshot and the save.
  await page.getByTestId('editor-section-logistics').click({ position: { x: 5, y: 5 } });
  if (screenshot) {
    // A window as tall as the form: the workbench's fixed menu and the sticky save bar then sit where a user sees them
    // (in a full-page shot of a scrolled window they land mid-page).
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await env.screenshot(page, screenshot);
    await page.setViewportSize(viewport);
  }
  await page.getByTestId('publish').click();
  await page.waitForURL(/\/workbench\/products\/[0-9a-f-]{36}\/edit$/);
  // The published product's editor offers "save changes" instead of draft/publish.
  await page.getByTestId('save-changes').waitFor();
  return /\/products\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
}

/** Searches from the header's search box (as a buyer types it) and lands on the results page. */
export async function searchFromHeader(env: E2E, page: Page, q: string): Promise<void> {
  await page.goto(`${env.baseUrl}/`);
  await page.getByTestId('search-input').fill(q);
  await page.getByTestId('search-submit').click();
  await page.waitForURL(/\/search\?/);
}

/** The search index follows catalog events through jobs: reload the results until every product shows up. */
export async function waitForResults(page: Page, productIds: string[], timeoutMs = 30_000, pageTestId = 'search-page'): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.getByTestId(pageTestId).waitFor();
        await page.locator('[data-testid="product-results"], [data-testid="search-empty"]').first().waitFor();
        const shown = await page.getByTestId('result-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-product-id')));
        const missing = productIds.filter((id) => !shown.includes(id));
        if (missing.length) await page.reload();
        return missing;
      },
      { timeout: timeoutMs, interval: 500 },
    )
    .toEqual([]);
}

// ---- operator console: catalog --------------------------------------------------------------------------------

/** The operator opens Admin → Categories, filters the tree by a dotted code and selects that category. */
export async function openAdminCategory(env: E2E, page: Page, code: string): Promise<void> {
  await page.goto(`${env.baseUrl}/admin/categories`);
  await inputOf(page, 'category-filter').fill(code);
  await page.locator(`[data-testid="category-node"][data-code="${code}"]`).click();
  await page.locator(`[data-testid="category-editor"][data-code="${code}"]`).waitFor();
}

export interface NewCategory {
  key: string;
  nameZh: string;
  nameEn: string;
  /** One own enum attribute; options as [value, zh, en]. */
  attribute: { key: string; nameZh: string; nameEn: string; options: Array<[string, string, string]> };
}

/** From the selected category's editor: opens "add subcategory", fills the form with one enum attribute and submits. */
export async function addChildCategory(page: Page, c: NewCategory): Promise<void> {
  await page.getByTestId('category-add-child').click();
  const modal = page.getByTestId('new-category-modal');
  await modal.getByTestId('new-category-key').fill(c.key);
  await modal.getByTestId('new-category-name-zh').fill(c.nameZh);
  await modal.getByTestId('new-category-name-en').fill(c.nameEn);
  await modal.getByTestId('attr-add').click();
  const attr = modal.getByTestId('own-attribute').last();
  await attr.getByTestId('attr-key').fill(c.attribute.key);
  await attr.getByTestId('attr-name-zh').fill(c.attribute.nameZh);
  await attr.getByTestId('attr-name-en').fill(c.attribute.nameEn);
  for (const [i, [value, zh, en]] of c.attribute.options.entries()) {
    if (i > 0) await attr.getByTestId('option-add').click();
    await attr.getByTestId('option-value').nth(i).fill(value);
    await attr.getByTestId('option-zh').nth(i).fill(zh);
    await attr.getByTestId('option-en').nth(i).fill(en);
  }
  await page.getByTestId('new-category-submit').click();
}

/**
 * Admin → Products: finds the product by a title search, tries to take it down without a reason (refused on the
 * form), then with the reason; waits until the row shows it taken down.
 */
export async function takeDownFromConsole(env: E2E, page: Page, t: { search: string; productId: string; reason: string }): Promise<void> {
  await page.goto(`${env.baseUrl}/admin/products`);
  await inputOf(page, 'admin-products-search').fill(t.search);
  await inputOf(page, 'admin-products-search').press('Enter');
  const row = page.locator(`[data-testid="admin-product-row"][data-product-id="${t.productId}"]`);
  await row.locator('[data-testid="admin-product-status"][data-status="published"]').waitFor();
  await row.getByTestId('admin-takedown').click();
  await page.getByTestId('takedown-confirm').click();
  await page.getByTestId('takedown-modal').locator('.ant-form-item-explain-error').waitFor();
  await page.getByTestId('takedown-reason-input').fill(t.reason);
  await page.getByTestId('takedown-confirm').click();
  await page.getByTestId('takedown-modal').waitFor({ state: 'hidden' });
  await row.locator('[data-testid="admin-product-status"][data-status="taken_down"]').waitFor();
}

/** Setup through the API (the background of a journey, not the journey itself); throws on an unexpected status. */
export async function callApi<T>(env: E2E, method: string, url: string, token: string | null, body?: unknown, expected = 200): Promise<T> {
  const res = await fetch(`${env.baseUrl}/api/v1${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (res.status !== expected) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

// ---- operators, languages, members (background helpers) ---------------------------------------------------------

/**
 * Creates an operator account with `npm run operator:create` on a data directory before the server opens it (the
 * server holds the directory's lock once started). Pass the same directory to startE2E({ DATA_DIR }).
 */
export async function createOperator(dataDir: string, operator: { email: string; password: string; name: string }): Promise<void> {
  const { spawnSync } = await import('node:child_process');
  const { ROOT } = await import('../server/src/testing/server-process.js');
  const created = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/operator-create.ts', '--email', operator.email, '--password', operator.password, '--name', operator.name], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`operator:create failed: ${created.stderr}`);
}

/** Switches the app's language with the header's switch (a no-op when already there) and waits until the page uses it. */
export async function switchLanguage(page: Page, lang: Locale): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('lang-switch').first().click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/**
 * The owner invites a registered user into the company with a role (API); the invited user accepts the link from the
 * mail outbox and makes the company active. Background for journeys that need a colleague (a purchaser, finance…).
 */
export async function addMember(
  env: E2E, owner: { token: string; companyId: string }, member: { token: string; email: string }, role: 'admin' | 'purchaser' | 'sales' | 'finance',
  /** The server's data directory when the test passed its own DATA_DIR to startE2E (env.readOutbox reads env.dataDir). */
  dataDir?: string,
): Promise<void> {
  await callApi(env, 'POST', `/companies/${owner.companyId}/invitations`, owner.token, { email: member.email, role }, 201);
  const { readdir, readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const outbox = async (): Promise<Array<{ to: string; text: string }>> => {
    if (!dataDir) return env.readOutbox();
    const dir = path.join(dataDir, 'mail');
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
    const read = async (n: string) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as { to: string; text: string };
    return (await Promise.all(names.map((n) => read(n).catch(() => null)))).filter((m) => m !== null);
  };
  const deadline = Date.now() + 20_000;
  let token: string | null = null;
  while (!token) {
    const mail = (await outbox()).find((m) => m.to.toLowerCase().includes(member.email.toLowerCase()));
    token = mail?.text.match(/\/invitations\/([A-Za-z0-9_-]{20,100})/)?.[1] ?? null;
    if (token) break;
    if (Date.now() > deadline) throw new Error(`no invitation mail to ${member.email} in the outbox`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await callApi(env, 'POST', `/invitations/${token}/accept`, member.token);
  await callApi(env, 'PUT', '/me/active-company', member.token, { companyId: owner.companyId });
}

/**
 * Screenshots once every finite animation (a popover or dialog fading in or out) has finished. A long page is shot
 * through a window as tall as the page, so the workbench's fixed header and menu stay where a user sees them (a
 * full-page shot of a scrolled window leaves them mid-page). A dialog is shot as the window shows it.
 */
export async function settledShot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await settleAnimations(page, name);
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // 'disabled' fast-forwards what is still finishing to its end, so the picture never catches a half-faded frame.
  if (!fullPage || height <= viewport.height) {
    await page.screenshot({ path: file, animations: 'disabled' });
    return;
  }
  await page.setViewportSize({ width: viewport.width, height });
  await settleAnimations(page, name);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/**
 * Waits for the finite animations to end. A screenshot is a record, not an assertion: an animation that keeps
 * restarting (CI once saw a 30 s timeout here) is named on stderr and the shot goes ahead, instead of failing the test.
 */
async function settleAnimations(page: Page, name: string): Promise<void> {
  const running = () =>
    document
      .getAnimations()
      .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)
      .map((a) => {
        const target = a.effect instanceof KeyframeEffect ? a.effect.target : null;
        const what = a instanceof CSSAnimation ? a.animationName : a instanceof CSSTransition ? a.transitionProperty : a.id || 'animation';
        return `${what} on ${target ? `${target.tagName.toLowerCase()}.${String(target.className).trim().split(/\s+/).slice(0, 2).join('.')}` : '?'}`;
      });
  try {
    await page.waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 10_000 },
    );
  } catch {
    const still = await page.evaluate(running).catch(() => ['(page closed)']);
    console.warn(`settledShot ${name}: still animating after 10 s: ${still.join('; ')}`);
  }
}
