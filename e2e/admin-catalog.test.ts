import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../server/src/testing/server-process.js';
import { startE2E, type E2E } from './harness.js';
import { addChildCategory, openAdminCategory, signIn, takeDownFromConsole, callApi } from './steps.js';

// The operator is made by `npm run operator:create` on the data directory before the server opens it (no demo data needed).
const OPERATOR = { email: 'wang.min.ops@tongshang.test', password: 'Console-Operator-E2E-2026' };
const SELLER = { email: 'li.hua.e2e@hengtai-plate.test', password: 'Hengtai-Plate-E2E-2026', name: '李华' };
const REASON_ZH = '标题中的“全网最低价”属于夸大宣传,请修改后重新上架';
const REASON_EN = 'The photos show another company’s logo; replace them and publish again';

let env: E2E;
let dataDir = '';
let plateId = '';
let secondId = '';
let otherId = '';

const apiJson = <T>(method: string, url: string, token: string | null, body?: unknown, expected = 200) => callApi<T>(env, method, url, token, body, expected);

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-e2e-admin-'));
  const created = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/operator-create.ts', '--email', OPERATOR.email, '--password', OPERATOR.password, '--name', '王敏'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`operator:create failed: ${created.stderr}`);
  env = await startE2E({ DATA_DIR: dataDir });

  // The seller's listings are the background here: set up through the API.
  const { token } = await apiJson<{ token: string }>('POST', '/auth/register', null, { ...SELLER }, 201);
  await apiJson('POST', '/companies', token, { legalName: '邯郸恒泰板材有限公司', nameEn: 'Handan Hengtai Plate Co., Ltd.', companyType: 'manufacturer', province: '130000', city: '邯郸', industry: '钢铁 Steel' }, 201);
  const category = await apiJson<{ id: string }>('GET', '/categories/steel.plate.hot_rolled', null);
  const listing = (titleZh: string, titleEn: string, thickness: number) => ({
    categoryId: category.id, titleZh, titleEn, descriptionZh: '邯钢热轧板,现货。',
    attributes: { thickness, width: 1500, standard: 'GB/T 709' }, skus: [{ attributes: { grade: 'Q235B' }, stock: 800 }],
    priceTiers: [{ minQuantity: 5, unitPrice: 402_000 }, { minQuantity: 50, unitPrice: 395_000 }], moq: 5, unit: 'ton', leadTimeDays: 3, sample: null, origin: null,
  });
  const plate = await apiJson<{ id: string }>('POST', '/products', token, listing('热轧钢板 Q235B 12mm 全网最低价', 'Hot-rolled plate Q235B 12 mm, lowest price anywhere', 12), 201);
  plateId = (await apiJson<{ id: string }>('POST', `/products/${plate.id}/publish`, token)).id;
  const second = await apiJson<{ id: string }>('POST', '/products', token, listing('热轧钢板 Q235B 16mm 邯钢现货', 'Hot-rolled plate Q235B 16 mm, Hansteel stock', 16), 201);
  secondId = (await apiJson<{ id: string }>('POST', `/products/${second.id}/publish`, token)).id;
  const other = await apiJson<{ token: string }>('POST', '/auth/register', null, { email: 'zhao.lei.e2e@rizhao-steel.test', password: 'Rizhao-Steel-E2E-2026', name: '赵磊' }, 201);
  await apiJson('POST', '/companies', other.token, { legalName: '日照钢联贸易有限公司', nameEn: 'Rizhao Ganglian Trading Co., Ltd.', companyType: 'trading_company', province: '370000', city: '日照', industry: '钢铁 Steel' }, 201);
  const third = await apiJson<{ id: string }>('POST', '/products', other.token, listing('热轧钢板 Q235B 20mm 日钢直发', 'Hot-rolled plate Q235B 20 mm, shipped from Rizhao Steel', 20), 201);
  otherId = (await apiJson<{ id: string }>('POST', `/products/${third.id}/publish`, other.token)).id;
}, 240_000);

afterAll(async () => {
  await env?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

interface Attr { key: string; type: string; filterable: boolean; options?: Array<{ value: string; zh: string; en: string }> }

describe('operator console: categories and product takedown', () => {
  it('the operator adds a subcategory with its own enum attribute; server problems land on the field; names are edited in English', async () => {
    const ops = await signIn(env, 'zh-CN', OPERATOR.email, OPERATOR.password);
    await openAdminCategory(env, ops, 'steel.plate');
    // The parent's template: the root's attributes are inherited (read-only), the level's own are editable.
    await ops.locator('[data-testid="inherited-attribute"][data-key="origin_mill"]').waitFor();
    expect(await ops.getByTestId('category-editor').getByTestId('own-attribute').count()).toBeGreaterThan(0);
    expect(await ops.getByTestId('inherited-attributes').textContent()).toContain('继承');

    // An own attribute that repeats an inherited key: the server refuses and names the field.
    await addChildCategory(ops, { key: 'clad', nameZh: '复合钢板', nameEn: 'Clad plate', attribute: { key: 'thickness', nameZh: '厚度', nameEn: 'Thickness', options: [['ss304', '304 不锈钢', '304 stainless'], ['ss316l', '316L 不锈钢', '316L stainless']] } });
    const keyError = ops.getByTestId('new-category-modal').locator('.ant-form-item-explain-error', { hasText: '继承自上级类目' });
    await keyError.waitFor();
    expect(await ops.getByTestId('new-category-modal').getByTestId('problem').textContent()).toContain('类目有 1 处问题');
    const modal = ops.getByTestId('new-category-modal');
    await modal.getByTestId('attr-key').fill('clad_layer');
    await modal.getByTestId('attr-name-zh').fill('复层材质');
    await modal.getByTestId('attr-name-en').fill('Cladding material');
    await ops.getByTestId('new-category-submit').click();
    await ops.getByTestId('new-category-modal').waitFor({ state: 'hidden' });

    // The new leaf is selected: its own enum attribute is editable, the path's attributes inherited.
    await ops.locator('[data-testid="category-editor"][data-code="steel.plate.clad"]').waitFor();
    await ops.locator('[data-testid="inherited-attribute"][data-key="thickness"]').waitFor();
    const editor = ops.getByTestId('category-editor');
    expect(await editor.getByTestId('own-attribute').count()).toBe(1);
    expect(await editor.getByTestId('attr-key').inputValue()).toBe('clad_layer');
    expect(await editor.getByTestId('option-value').count()).toBe(2);
    await ops.locator('[data-testid="category-node"][data-code="steel.plate.clad"]').waitFor();
    await ops.waitForTimeout(300); // let the success toast settle
    await env.screenshot(ops, 'admin-categories-zh-CN');

    const clad = await apiJson<{ id: string; level: number; nameZh: string; ownAttributes: Attr[] }>('GET', '/categories/steel.plate.clad', null);
    expect(clad.level).toBe(3);
    expect(clad.nameZh).toBe('复合钢板');
    expect(clad.ownAttributes).toEqual([
      expect.objectContaining({ key: 'clad_layer', nameZh: '复层材质', nameEn: 'Cladding material', type: 'enum', filterable: true, options: [{ value: 'ss304', zh: '304 不锈钢', en: '304 stainless' }, { value: 'ss316l', zh: '316L 不锈钢', en: '316L stainless' }] }),
    ]);

    // In English: rename the new category.
    const opsEn = await signIn(env, 'en-US', OPERATOR.email, OPERATOR.password);
    await opsEn.goto(`${env.baseUrl}/admin/categories?id=${clad.id}`);
    await opsEn.locator('[data-testid="category-editor"][data-code="steel.plate.clad"]').waitFor();
    await opsEn.getByTestId('category-name-en').fill('Clad steel plate');
    await opsEn.getByTestId('category-save-names').click();
    await expect.poll(async () => (await apiJson<{ nameEn: string }>('GET', '/categories/steel.plate.clad', null)).nameEn).toBe('Clad steel plate');
    await opsEn.getByTestId('category-title').filter({ hasText: 'Clad steel plate' }).waitFor();
    expect(await opsEn.getByTestId('inherited-attributes').textContent()).toContain('Inherited');
    await opsEn.waitForTimeout(300);
    await env.screenshot(opsEn, 'admin-categories-en-US');
  });

  it('the operator takes a product down with a reason; the seller reads it in the workbench; buyers get 404', async () => {
    // A buyer sees the product before.
    const buyer = await env.newPage('zh-CN');
    await buyer.goto(`${env.baseUrl}/products/${plateId}`);
    await buyer.locator(`[data-testid="product-detail"][data-product-id="${plateId}"]`).waitFor();
    expect(await buyer.getByTestId('product-takedown').count()).toBe(0);

    // The console list across companies: search, the reason is required, then the row shows the new state.
    const ops = await signIn(env, 'en-US', OPERATOR.email, OPERATOR.password);
    await takeDownFromConsole(env, ops, { search: 'lowest price', productId: plateId, reason: REASON_ZH });
    const row = ops.locator(`[data-testid="admin-product-row"][data-product-id="${plateId}"]`);
    // The English console names the company by its English name.
    expect(await row.getByTestId('admin-product-company').textContent()).toBe('Handan Hengtai Plate Co., Ltd.');
    expect(await row.getByTestId('admin-takedown-reason').textContent()).toContain(REASON_ZH);
    expect(await row.getByTestId('admin-takedown-at').textContent()).toMatch(/Taken down \d{2}\/\d{2}\/\d{4}/);
    expect(await row.getByTestId('admin-takedown').count()).toBe(0);

    // The product page offers operators the same action.
    await ops.goto(`${env.baseUrl}/products/${secondId}`);
    await ops.getByTestId('product-takedown').click();
    await ops.getByTestId('takedown-reason-input').fill(REASON_EN);
    await ops.getByTestId('takedown-confirm').click();
    await ops.getByTestId('takedown-modal').waitFor({ state: 'hidden' });
    await ops.locator('.ant-alert-error', { hasText: REASON_EN }).waitFor();
    expect(await ops.getByTestId('product-takedown').count()).toBe(0);

    // The whole list: both companies, the other's listing still live with its action.
    await ops.goto(`${env.baseUrl}/admin/products`);
    await ops.locator('[data-testid="admin-product-status"][data-status="taken_down"]').nth(1).waitFor();
    const live = ops.locator(`[data-testid="admin-product-row"][data-product-id="${otherId}"]`);
    expect(await live.getByTestId('admin-product-company').textContent()).toBe('Rizhao Ganglian Trading Co., Ltd.');
    await live.getByTestId('admin-takedown').waitFor();
    expect(await ops.getByTestId('admin-product-row').count()).toBe(3);
    await env.screenshot(ops, 'admin-products-en-US');
    // Clicking a company narrows the list to it.
    await live.getByTestId('admin-product-company').click();
    await expect.poll(() => ops.getByTestId('admin-product-row').count()).toBe(1);
    expect(new URL(ops.url()).searchParams.get('companyId')).toBeTruthy();
    await ops.locator(`[data-testid="admin-product-row"][data-product-id="${otherId}"]`).waitFor();
    const opsZh = await signIn(env, 'zh-CN', OPERATOR.email, OPERATOR.password);
    await opsZh.goto(`${env.baseUrl}/admin/products?status=delisted`);
    await opsZh.locator(`[data-testid="admin-product-row"][data-product-id="${plateId}"]`).waitFor();
    expect(await opsZh.getByTestId('admin-product-row').count()).toBe(2);
    expect(await opsZh.getByTestId('admin-product-state').first().textContent()).toContain('平台下架');
    await env.screenshot(opsZh, 'admin-products-zh-CN');

    // The seller sees why, in the workbench list.
    const seller = await signIn(env, 'zh-CN', SELLER.email, SELLER.password);
    await seller.goto(`${env.baseUrl}/workbench/products`);
    const reasons = seller.getByTestId('takedown-reason');
    await reasons.first().waitFor();
    expect(await reasons.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(REASON_ZH), expect.stringContaining(REASON_EN)]));

    // Buyers no longer find the page.
    await buyer.reload();
    await buyer.locator('.ant-result-404').waitFor();
    expect(await buyer.getByTestId('product-detail').count()).toBe(0);
    expect((await fetch(`${env.baseUrl}/api/v1/products/${plateId}`)).status).toBe(404);
  });

  it('every page of the console fits a phone in both languages: wide tables and filter rows scroll or wrap inside it', async () => {
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const ops = await signIn(env, lang, OPERATOR.email, OPERATOR.password, { width: 390, height: 844 });
      const wider: string[] = [];
      for (const page of ['', 'users', 'companies', 'events', 'mail', 'verifications', 'trustpass-plans', 'payments', 'ledger', 'orders', 'trade-settings',
        'reconciliation', 'credit-lines', 'payouts', 'categories', 'products', 'disputes']) {
        await ops.goto(`${env.baseUrl}/admin/${page}`);
        await ops.locator('.ant-card').first().waitFor();
        await ops.waitForLoadState('networkidle');
        const overflow = await ops.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wider.push(`/admin/${page} +${overflow}px`);
      }
      expect(wider, lang).toEqual([]);
    }
  });
});
