import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E, type Locale } from './harness.js';
import { inputOf, pickOption, publishListing, registerSeller, searchFromHeader, waitForResults, type Listing, callApi } from './steps.js';

// Entries of server/data/sample-registry.json (this test runs on its own empty platform).
const ZH_COMPANY = { uscc: '91370100273550454D', name: '济南嘉禾钢铁贸易有限公司', legalRepresentative: '张军伟', establishedOn: '2010-11-23', registeredCapital: '7500万元人民币', address: '济南市中拓路619号' };
const ZH_SELLER = { email: 'zhang.junwei.e2e@jiahe-steel.test', password: 'Jiahe-Steel-E2E-2026', name: '张军伟', province: '山东', city: '济南', industry: '钢铁 Steel' };
const EN_COMPANY = { uscc: '91440600451454263L', name: '佛山兴业钢铁贸易有限公司', legalRepresentative: '朱磊', establishedOn: '2009-09-09', registeredCapital: '200万元人民币', address: '佛山市汇通路636号' };
const EN_SELLER = { email: 'zhu.lei.e2e@xingye-steel.test', password: 'Xingye-Steel-E2E-2026', name: 'Zhu Lei', province: 'Guangdong', city: 'Foshan', industry: 'Steel trading' };

/** Tiers in 元 per ton: 1–99 t, 100–499 t, 500 t and more. */
const TIERS = [
  { minQuantity: 1, unitPrice: 4380 },
  { minQuantity: 100, unitPrice: 4250 },
  { minQuantity: 500, unitPrice: 4090 },
];

/** A product photo stand-in: a stack of steel plates drawn as an SVG and rendered to PNG. */
async function platePhoto(tint: string): Promise<Buffer> {
  const plates = Array.from({ length: 6 }, (_, i) => `<rect x="${90 + i * 6}" y="${380 - i * 46}" width="620" height="38" rx="4" fill="${tint}" stroke="#3b434d" stroke-width="3" opacity="${0.75 + i * 0.04}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#eef1f4"/><rect y="440" width="800" height="160" fill="#c9ced6"/>${plates}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** What a buyer should pay: the price API's total, formatted as the page formats money (Intl, the page's locale). */
function money(lang: Locale, yuan: number): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(yuan);
}

let env: E2E;
/** A competing listing from another province and standard, so every filter in the test has something to exclude. */
let otherId = '';
/** steel.plate.hot_rolled */
let hotRolledId = '';

const apiJson = <T>(method: string, url: string, token: string | null, body?: unknown, expected = 200) => callApi<T>(env, method, url, token, body, expected);

beforeAll(async () => {
  env = await startE2E();
  // Set up through the API: it is the background of the buyer's search, not the journey under test.
  const { token } = await apiJson<{ token: string }>('POST', '/auth/register', null, { email: 'other.e2e@tangshan-plate.test', password: 'Tangshan-Plate-E2E-2026', name: '刘伟' }, 201);
  await apiJson('POST', '/companies', token, { legalName: '唐山博远钢板有限公司', nameEn: 'Tangshan Boyuan Plate Co., Ltd.', companyType: 'manufacturer', province: '130000', city: '唐山', industry: '钢铁 Steel' }, 201);
  const category = await apiJson<{ id: string }>('GET', '/categories/steel.plate.hot_rolled', null);
  hotRolledId = category.id;
  const draft = await apiJson<{ id: string }>('POST', '/products', token, {
    categoryId: category.id, titleZh: '热轧钢板 Q235B 8mm 唐钢现货', titleEn: 'Hot-rolled steel plate Q235B 8 mm, Tangsteel stock', descriptionZh: '唐钢热轧板。',
    attributes: { thickness: 8, width: 1800, standard: 'GB/T 709' }, skus: [{ attributes: { grade: 'Q235B' }, stock: 1000 }],
    priceTiers: [{ minQuantity: 10, unitPrice: 399_000 }], moq: 10, unit: 'ton', leadTimeDays: 5, sample: null, origin: null,
  }, 201);
  otherId = (await apiJson<{ id: string }>('POST', `/products/${draft.id}/publish`, token)).id;
}, 240_000);

afterAll(async () => {
  await env?.close();
});

/** The product page: choose the SKU, enter the quantity, wait for the server's quote for exactly that. */
async function quote(page: Page, skuLabel: string, quantity: number): Promise<void> {
  await page.getByTestId('sku-option').filter({ hasText: skuLabel }).click();
  await page.locator(`[data-testid="sku-option"][data-selected="true"]`, { hasText: skuLabel }).waitFor();
  const skuId = await page.locator(`[data-testid="sku-option"][data-selected="true"]`).getAttribute('data-sku-id');
  await inputOf(page, 'quantity-input').fill(String(quantity));
  await freshQuote(page, quantity, skuId);
}

/** Waits for the server's answer for this quantity (and SKU), not an earlier one still on screen. */
async function freshQuote(page: Page, quantity: number, skuId?: string | null): Promise<void> {
  await page.locator(`[data-testid="price-quote"][data-fresh="true"][data-quantity="${quantity}"]${skuId ? `[data-sku-id="${skuId}"]` : ''}`).waitFor();
}

async function expectTier(page: Page, lang: Locale, quantity: number): Promise<void> {
  // The tier for 500 t is the third (500+): highlighted alone, and the total is 500 × its price.
  const active = await page.locator('[data-testid="tier-row"][data-active="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-min')));
  expect(active).toEqual(['500']);
  expect((await page.getByTestId('price-unit').textContent())?.trim()).toBe(money(lang, 4090));
  expect((await page.getByTestId('price-total').textContent())?.trim()).toBe(money(lang, 4090 * quantity));
}

describe('a supplier lists a product with SKUs and tiers; a buyer finds, filters and prices it', () => {
  it('zh-CN: 热轧钢板 found by 钢板, filtered by standard, 500 吨 in the 500+ tier', async () => {
    const listing: Listing = {
      categoryPath: ['钢铁冶金', '板材', '热轧板'],
      titleZh: '热轧钢板 Q235B/Q355B 12mm 济钢现货 可定尺开平',
      titleEn: 'Hot-rolled steel plate Q235B/Q355B 12 mm, Jigang stock, cut to length',
      descriptionZh: '济钢热轧中厚板,现货充足,支持定尺开平,可开增值税专用发票。',
      numbers: { thickness: 12, width: 2000, length: 8000 },
      enums: { standard: 'GB/T 3274', edge: '切边', supply_mode: '现货' },
      skuAxis: 'grade',
      skus: [{ label: 'Q235B', stock: 800 }, { label: 'Q355B', stock: 600 }],
      unit: '吨',
      tiers: TIERS,
      leadTimeDays: 3,
      sample: { unitPrice: 500, maxQuantity: 1 },
      image: { name: 'plate.png', buffer: await platePhoto('#8a96a3') },
    };
    const seller = await env.newPage('zh-CN');
    await registerSeller(env, seller, ZH_SELLER, ZH_COMPANY);
    const id = await publishListing(env, seller, listing, 'catalog-editor-zh-CN');
    await reviewSellerScreens(seller, 'zh-CN');

    // The buyer, in another browser context, searches a word inside the compound 热轧钢板.
    const buyer = await env.newPage('zh-CN');
    await reviewBrowseScreens(buyer, 'zh-CN', ZH_COMPANY.name, id);
    await searchFromHeader(env, buyer, '钢板');
    await waitForResults(buyer, [id, otherId]);
    expect(await buyer.getByTestId('result-card').count()).toBe(2);
    // The matched word is highlighted inside the compound.
    expect(await buyer.locator(`[data-testid="result-card"][data-product-id="${id}"] mark`).first().textContent()).toBe('钢板');

    // Narrow down the category tree from the facets (钢铁冶金 → 板材 → 热轧板): the template's filters appear.
    for (const name of ['钢铁冶金', '板材', '热轧板']) {
      await buyer.getByTestId('filter-category').getByTestId('facet-category').filter({ hasText: name }).click();
      await buyer.getByTestId('category-filter').filter({ hasText: name }).waitFor();
    }
    // Filter by a facet of the category template: only GB/T 3274 plate remains.
    const facet = buyer.getByTestId('filter-attr-standard').locator('[data-testid="facet-value"][data-value="GB/T 3274"]');
    expect(await facet.textContent()).toContain('(1)');
    await facet.click();
    await buyer.waitForURL(/a\.standard=GB/);
    await expect.poll(() => buyer.getByTestId('result-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-product-id')))).toEqual([id]);
    expect((await buyer.getByTestId('search-count').textContent())?.trim()).toBe('共 1 个结果');
    await env.screenshot(buyer, 'catalog-search-zh-CN');
    const searchUrl = buyer.url();

    // The product page: 500 吨 of Q355B falls into the 500+ tier.
    await buyer.locator(`[data-testid="result-card"][data-product-id="${id}"]`).click();
    await buyer.waitForURL(`**/products/${id}`);
    expect(await buyer.getByTestId('product-title').textContent()).toBe(listing.titleZh);
    expect(await buyer.getByTestId('sku-stock').allTextContents()).toEqual(['库存 800 吨', '库存 600 吨']);
    await quote(buyer, 'Q355B', 500);
    await expectTier(buyer, 'zh-CN', 500);
    expect(await buyer.getByTestId('product-sample').textContent()).toContain('¥500.00');
    await expect.poll(() => buyer.getByTestId('gallery-main').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await env.screenshot(buyer, 'catalog-product-zh-CN');

    // More than the 600 t of Q355B in stock: the price API refuses and the page says why.
    await inputOf(buyer, 'quantity-input').fill('700');
    await buyer.getByTestId('price-problem').waitFor();
    expect(await buyer.getByTestId('price-problem').textContent()).toContain('600');

    // The supplier's shop, from the supplier card.
    await buyer.getByTestId('supplier-shop').click();
    await shopAtCanonicalAddress(buyer);
    expect(await buyer.getByTestId('shop-name').textContent()).toContain(ZH_COMPANY.name);
    await buyer.locator(`[data-testid="shop-product-card"][data-product-id="${id}"]`).first().waitFor();
    await env.screenshot(buyer, 'catalog-shop-zh-CN');

    // Phone width: the filtered results and the product page with the active tier.
    const phone = await env.newPage('zh-CN', { width: 390, height: 844 });
    await phone.goto(searchUrl);
    await phone.locator(`[data-testid="result-card"][data-product-id="${id}"]`).waitFor();
    await env.screenshot(phone, 'catalog-search-phone-zh-CN');
    await phone.goto(`${env.baseUrl}/products/${id}`);
    await quote(phone, 'Q355B', 500);
    await expectTier(phone, 'zh-CN', 500);
    await env.screenshot(phone, 'catalog-product-phone-zh-CN');
    await expectNoHorizontalOverflow(phone);
    await phonePages(phone, 'zh-CN', id);
  }, 300_000);

  it('en-US: "plate" finds every hot-rolled plate, the province filter keeps Guangdong, 500 t in the 500+ tier', async () => {
    const listing: Listing = {
      categoryPath: ['Steel & metals', 'Plate & coil', 'Hot-rolled plate'],
      titleZh: '热轧钢板 SS400/Q345B 20mm 佛山仓现货',
      titleEn: 'Hot-rolled plate SS400/Q345B 20 mm, Foshan warehouse stock',
      descriptionZh: '佛山仓库现货热轧板,可切割加工。',
      numbers: { thickness: 20, width: 2200 },
      enums: { standard: 'JIS G3101', surface: 'Pickled' },
      skuAxis: 'grade',
      skus: [{ label: 'Q345B', stock: 900 }, { label: 'SS400', stock: 1200 }],
      unit: 'Ton (t)',
      tiers: TIERS,
      leadTimeDays: 2,
      image: { name: 'plate-blue.png', buffer: await platePhoto('#6f8fb0') },
    };
    const seller = await env.newPage('en-US');
    await registerSeller(env, seller, EN_SELLER, EN_COMPANY);
    const id = await publishListing(env, seller, listing, 'catalog-editor-en-US');
    await reviewSellerScreens(seller, 'en-US');

    const buyer = await env.newPage('en-US');
    await reviewBrowseScreens(buyer, 'en-US', EN_COMPANY.name, id);
    await searchFromHeader(env, buyer, 'plate');
    await waitForResults(buyer, [id, otherId]);
    // The zh-CN pass's listing is a hot-rolled plate too: three in all.
    expect(await buyer.getByTestId('result-card').count()).toBe(3);

    await pickOption(buyer, 'filter-province', 'Guangdong');
    await buyer.waitForURL(/province=440000/);
    await expect.poll(() => buyer.getByTestId('result-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-product-id')))).toEqual([id]);
    expect(await buyer.getByTestId('result-title').first().textContent()).toBe(listing.titleEn);
    await env.screenshot(buyer, 'catalog-search-en-US');
    const searchUrl = buyer.url();

    await buyer.locator(`[data-testid="result-card"][data-product-id="${id}"]`).click();
    await buyer.waitForURL(`**/products/${id}`);
    expect(await buyer.getByTestId('product-title').textContent()).toBe(listing.titleEn);
    await quote(buyer, 'SS400', 500);
    await expectTier(buyer, 'en-US', 500);
    // 99 t is still the first tier.
    await inputOf(buyer, 'quantity-input').fill('99');
    await expect.poll(() => buyer.locator('[data-testid="tier-row"][data-active="true"]').getAttribute('data-min')).toBe('1');
    await freshQuote(buyer, 99);
    expect((await buyer.getByTestId('price-total').textContent())?.trim()).toBe(money('en-US', 4380 * 99));
    await inputOf(buyer, 'quantity-input').fill('500');
    await buyer.locator('[data-testid="tier-row"][data-active="true"][data-min="500"]').waitFor();
    await freshQuote(buyer, 500);
    await env.screenshot(buyer, 'catalog-product-en-US');

    await buyer.getByTestId('supplier-shop').click();
    await shopAtCanonicalAddress(buyer);
    await buyer.locator(`[data-testid="shop-product-card"][data-product-id="${id}"]`).first().waitFor();
    await env.screenshot(buyer, 'catalog-shop-en-US');

    const phone = await env.newPage('en-US', { width: 390, height: 844 });
    await phone.goto(searchUrl);
    await phone.locator(`[data-testid="result-card"][data-product-id="${id}"]`).waitFor();
    // On a phone the province picker is folded away; the applied filter still shows, as a removable tag.
    expect(await phone.locator('[data-testid="applied-filter"][data-key="province"]').textContent()).toBe('Guangdong');
    // Four sorts do not fit a phone side by side: there they are a picker that stays inside the screen.
    const sort = phone.getByTestId('search-sort');
    expect(await sort.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    await sort.click();
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Price: low to high' }).click();
    await phone.waitForURL(/[?&]sort=price/);
    await phone.locator(`[data-testid="result-card"][data-product-id="${id}"]`).waitFor();
    await env.screenshot(phone, 'catalog-search-phone-en-US');
    await phone.goto(`${env.baseUrl}/products/${id}`);
    await quote(phone, 'SS400', 500);
    await expectTier(phone, 'en-US', 500);
    await env.screenshot(phone, 'catalog-product-phone-en-US');
    await expectNoHorizontalOverflow(phone);
    await phonePages(phone, 'en-US', id);
  }, 300_000);
});

/** The seller's product list and storefront editor right after publishing (screenshots for review). */
async function reviewSellerScreens(seller: Page, lang: Locale): Promise<void> {
  await seller.goto(`${env.baseUrl}/workbench/products`);
  await seller.getByText(lang === 'zh-CN' ? '已发布' : 'Published').first().waitFor();
  await env.screenshot(seller, `catalog-seller-products-${lang}`);
  await seller.goto(`${env.baseUrl}/workbench/storefront`);
  await seller.locator('[data-testid="storefront-editor"], [data-testid="storefront-sections"]').first().waitFor();
  await env.screenshot(seller, `catalog-storefront-editor-${lang}`);
}

/** Home (category menu, featured suppliers) and the category page, where the new listing must already be browsable. */
async function reviewBrowseScreens(buyer: Page, lang: Locale, companyName: string, productId: string): Promise<void> {
  await buyer.goto(`${env.baseUrl}/`);
  await buyer.getByTestId('featured-suppliers').getByText(companyName).first().waitFor();
  await env.screenshot(buyer, `catalog-home-${lang}`);
  await buyer.goto(`${env.baseUrl}/c/${hotRolledId}`);
  await buyer.getByTestId('category-page').waitFor();
  await waitForResults(buyer, [productId], 30_000, 'category-page');
  await env.screenshot(buyer, `catalog-category-${lang}`);
}

/** The shop (from the product page) and the home page at phone width, none wider than the screen. */
async function phonePages(phone: Page, lang: Locale, productId: string): Promise<void> {
  await phone.getByTestId('supplier-shop').click();
  await shopAtCanonicalAddress(phone);
  await phone.locator(`[data-testid="shop-product-card"][data-product-id="${productId}"]`).first().waitFor();
  await env.screenshot(phone, `catalog-shop-phone-${lang}`);
  await expectNoHorizontalOverflow(phone);
  await phone.goto(`${env.baseUrl}/`);
  await phone.getByTestId('category-showcase').waitFor();
  await env.screenshot(phone, `catalog-home-phone-${lang}`);
  await expectNoHorizontalOverflow(phone);
}

/** The product page links the shop by company id; the shop page then shows its slug in the address bar. */
async function shopAtCanonicalAddress(page: Page): Promise<void> {
  const slug = await page.locator('[data-testid="shop-page"][data-slug]').getAttribute('data-slug');
  expect(slug).toMatch(/^[a-z0-9-]{3,40}$/);
  await page.waitForURL(`**/shop/${slug}`);
}

/** Nothing on the page is wider than the phone's screen. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}
