import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, waitFor, type E2E, type Locale } from './harness.js';
import { callApi, inputOf, pickOption, settledShot, signIn } from './steps.js';

// Issue 5 — sourcing: a buyer bookmarks a supplier, posts an RFQ, two matched suppliers quote (zh-CN and en-US),
// the buyer compares, asks, accepts the cheaper quote and declines the other; then an inquiry from a product page.

const PASSWORD = 'Sourcing-E2E-2026';
const BUYER = { email: 'wang.fang.e2e@minhang-build.test', name: '王芳', company: '上海闵行建工材料有限公司', province: '310000' };
const SUPPLIER_A = { email: 'liu.qiang.e2e@jinan-plate.test', name: '刘强', company: '济南鑫达钢板有限公司', nameEn: null, province: '370000', city: '济南' };
const SUPPLIER_B = { email: 'chen.hui.e2e@foshan-steel.test', name: 'Chen Hui', company: '佛山恒通钢铁贸易有限公司', nameEn: 'Foshan Hengtong Steel Trading Co., Ltd.', province: '440000', city: '佛山' };

const RFQ_TITLE = '求购热轧钢板 Q235B 12mm 200 吨(厂房钢结构)';
const QUANTITY = 200;
/** Supplier A is cheaper (and slower); supplier B is faster. Prices in 元 per ton. */
interface Tier { minQuantity: number; unitPrice: number }
interface QuoteInput { unitPrice: number; tier?: Tier; leadTimeDays: number; notes: string; mistypedTier?: Tier }
/**
 * A's base price is above B's, but its tier for 150 t and more brings 200 t below: the comparison must use the tier.
 * A first types a second tier that does not increase the quantity, is told so on that tier, and removes it.
 */
const QUOTE_A: QuoteInput = { unitPrice: 4180, tier: { minQuantity: 150, unitPrice: 4050 }, leadTimeDays: 6, notes: '济钢现货,含运费送到闵行。', mistypedTier: { minQuantity: 100, unitPrice: 4000 } };
const QUOTE_B: QuoteInput = { unitPrice: 4120, leadTimeDays: 3, notes: 'Foshan warehouse stock, delivered.' };
/** The unit price at the RFQ's quantity. */
const priceAt = (q: QuoteInput) => (q.tier && QUANTITY >= q.tier.minQuantity ? q.tier.unitPrice : q.unitPrice);
const DECLINE_REASON = '价格高于其他报价。';
const INQUIRY_MESSAGE = '您好,请报 Q235B 12mm 热轧板 50 吨送上海的含税价,月底前交货。';
const INQUIRY_QUOTE = { unitPrice: 4090 };

interface Party { token: string; userId: string; companyId: string }
interface QuoteApi { id: string; status: string; declineReason: string | null; supplier: { id: string } }
interface NotificationApi { kind: string; title: string; link: string | null }

let env: E2E;
let buyer: Party;
let supplierA: Party;
let supplierB: Party;
let productB = '';
let rfqId = '';

const api = <T>(method: string, url: string, token: string | null, body?: unknown, expected = 200) => callApi<T>(env, method, url, token, body, expected);

/** Registers a user and creates their company through the API: the background, not the journey under test. */
async function party(email: string, name: string, company: Record<string, unknown>): Promise<Party> {
  const { token } = await api<{ token: string }>('POST', '/auth/register', null, { email, password: PASSWORD, name }, 201);
  const created = await api<{ id: string }>('POST', '/companies', token, company, 201);
  const me = await api<{ id: string }>('GET', '/me', token);
  return { token, userId: me.id, companyId: created.id };
}

/** A published hot-rolled plate listing (catalog API), so the RFQ's category matches the supplier. */
async function publishPlate(p: Party, categoryId: string, titleZh: string, titleEn: string, price: number): Promise<string> {
  const draft = await api<{ id: string }>('POST', '/products', p.token, {
    categoryId, titleZh, titleEn, descriptionZh: `${titleZh}。现货供应。`,
    attributes: { thickness: 12, width: 2000, standard: 'GB/T 3274' }, skus: [{ attributes: { grade: 'Q235B' }, stock: 2000 }],
    priceTiers: [{ minQuantity: 10, unitPrice: price }], moq: 10, unit: 'ton', leadTimeDays: 5, sample: null, origin: null,
  }, 201);
  return (await api<{ id: string }>('POST', `/products/${draft.id}/publish`, p.token)).id;
}

function money(lang: Locale, yuan: number): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(yuan);
}


async function notificationsOf(p: Party): Promise<NotificationApi[]> {
  return (await api<{ items: NotificationApi[] }>('GET', '/notifications?limit=50', p.token)).items;
}

beforeAll(async () => {
  env = await startE2E();
  const category = await api<{ id: string }>('GET', '/categories/steel.plate.hot_rolled', null);
  [buyer, supplierA, supplierB] = await Promise.all([
    party(BUYER.email, BUYER.name, { legalName: BUYER.company, companyType: 'buyer', province: BUYER.province, city: '上海', industry: '建筑工程 Construction' }),
    party(SUPPLIER_A.email, SUPPLIER_A.name, { legalName: SUPPLIER_A.company, companyType: 'manufacturer', province: SUPPLIER_A.province, city: SUPPLIER_A.city, industry: '钢铁 Steel' }),
    party(SUPPLIER_B.email, SUPPLIER_B.name, { legalName: SUPPLIER_B.company, nameEn: SUPPLIER_B.nameEn, companyType: 'trading_company', province: SUPPLIER_B.province, city: SUPPLIER_B.city, industry: 'Steel trading' }),
  ]);
  await publishPlate(supplierA, category.id, '热轧钢板 Q235B 12mm 济南鑫达现货', 'Hot-rolled plate Q235B 12 mm, Jinan Xinda stock', 408_000);
  productB = await publishPlate(supplierB, category.id, '热轧钢板 Q235B 12mm 佛山仓现货', 'Hot-rolled plate Q235B 12 mm, Foshan warehouse stock', 415_000);
}, 240_000);

afterAll(async () => {
  await env?.close();
});

describe('sourcing: favorite a supplier, post an RFQ, compare quotes, award', () => {
  let buyerPage: Page;

  it('zh-CN buyer bookmarks supplier A from its shop and finds it under favorites', async () => {
    buyerPage = await signIn(env, 'zh-CN', BUYER.email, PASSWORD);
    await buyerPage.goto(`${env.baseUrl}/shop/${supplierA.companyId}`);
    await buyerPage.getByTestId('shop-page').waitFor();
    // The button knows the buyer has not saved this supplier yet (it loads that first).
    const favorite = buyerPage.locator('[data-testid="shop-header"] [data-testid="favorite-supplier"][data-saved="false"]');
    await favorite.click();
    await buyerPage.getByTestId('favorite-form').waitFor();
    await buyerPage.getByTestId('favorite-note').fill('热轧板备选供应商');
    await buyerPage.getByTestId('favorite-save').click();
    await buyerPage.locator('[data-testid="shop-header"] [data-testid="favorite-supplier"][data-saved="true"]').waitFor();
    await settledShot(buyerPage, 'sourcing-shop-saved-zh-CN');

    await buyerPage.goto(`${env.baseUrl}/workbench/favorites?type=supplier`);
    const row = buyerPage.getByTestId('favorite-row').filter({ hasText: SUPPLIER_A.company });
    await row.waitFor();
    expect(await buyerPage.getByTestId('favorite-row').count()).toBe(1);
    expect(await row.textContent()).toContain('热轧板备选供应商');
    await settledShot(buyerPage, 'sourcing-favorites-zh-CN');
  });

  it('zh-CN buyer posts an RFQ through the form and lands on its detail', async () => {
    const page = buyerPage;
    await page.goto(`${env.baseUrl}/workbench/rfqs/new`);
    await page.getByTestId('rfq-new').waitFor();
    await inputOf(page, 'rfq-title').fill(RFQ_TITLE);
    await page.getByTestId('rfq-category').click();
    for (const label of ['钢铁冶金', '板材', '热轧板']) await page.locator(`.ant-cascader-menu-item[title="${label}"]`).click();
    await page.getByTestId('rfq-spec-fields').waitFor();
    await inputOf(page, 'spec-thickness').fill('12');
    await pickOption(page, 'spec-standard', 'GB/T 3274');
    await page.keyboard.press('Escape');
    await inputOf(page, 'rfq-quantity').fill(String(QUANTITY));
    await page.locator('textarea[data-testid="rfq-description"], [data-testid="rfq-description"] textarea').fill('用于闵行新厂房钢结构,需随货提供材质书。');
    await pickOption(page, 'rfq-province', '上海');
    const deliveryDate = new Date(Date.now() + 25 * 86_400_000).toISOString().slice(0, 10);
    const deadline = `${new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10)} 17:00`;
    await typeDate(page, 'rfq-delivery-date', deliveryDate);
    await typeDate(page, 'rfq-deadline', deadline);
    await page.getByTestId('rfq-section-suppliers').click({ position: { x: 5, y: 5 } });
    await settledShot(page, 'sourcing-rfq-form-zh-CN');

    await page.getByTestId('rfq-submit').click();
    await page.waitForURL(/\/workbench\/rfqs\/[0-9a-f-]{36}$/);
    rfqId = /\/rfqs\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.locator('[data-testid="rfq-detail"] [data-testid="rfq-status"][data-status="open"]').waitFor();
    expect(await page.getByTestId('rfq-summary').textContent()).toContain('200 吨');
    expect(await page.getByTestId('rfq-spec').textContent()).toContain('GB/T 3274');
    await settledShot(page, 'sourcing-rfq-posted-zh-CN');

    // What the server stored is what the form said.
    const rfq = await api<{ quantity: number; unit: string; deliveryProvince: string; deliveryDate: string; quoteDeadline: string; specification: Record<string, unknown>; visibility: string }>('GET', `/rfqs/${rfqId}`, buyer.token);
    expect(rfq).toMatchObject({ quantity: QUANTITY, unit: 'ton', deliveryProvince: '310000', deliveryDate, visibility: 'public', specification: { thickness: 12, standard: 'GB/T 3274' } });
    // The deadline was typed in the browser's time zone (the same machine's as this test's).
    expect(new Date(rfq.quoteDeadline).getTime()).toBe(new Date(deadline.replace(' ', 'T')).getTime());
  });

  async function quoteFromMarket(lang: Locale, email: string, p: Party, q: QuoteInput, quotesSoFar: RegExp): Promise<void> {
    // Matching runs in a job after the RFQ is posted: the supplier is told through a notification.
    await waitFor(async () => (await notificationsOf(p)).find((n) => n.kind === 'rfq.matched' && n.link?.includes(rfqId)));
    const page = await signIn(env, lang, email, PASSWORD);
    await page.goto(`${env.baseUrl}/workbench/rfq-market`);
    const item = page.getByTestId('market-item').filter({ hasText: RFQ_TITLE });
    await item.waitFor();
    expect(await item.textContent()).toContain(lang === 'zh-CN' ? '200 吨' : '200 t');
    expect(await item.textContent()).toMatch(quotesSoFar);
    // The bell counts the match and lists it.
    await page.locator('[data-testid="bell-badge"] .ant-badge-count').waitFor();
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-panel').getByTestId('notification-item').filter({ hasText: RFQ_TITLE }).waitFor();
    await settledShot(page, `sourcing-market-${lang}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('bell-panel').waitFor({ state: 'hidden' });

    await item.getByRole('link', { name: RFQ_TITLE }).click();
    await page.waitForURL(`**/workbench/rfq-market/${rfqId}`);
    await page.getByTestId('quote-form').waitFor();
    await inputOf(page, 'quote-unit-price').fill(String(q.unitPrice));
    await inputOf(page, 'quote-lead-time').fill(String(q.leadTimeDays));
    if (q.tier) {
      await page.getByTestId('quote-add-tier').click();
      await inputOf(page, 'quote-tier-min').fill(String(q.tier.minQuantity));
      await inputOf(page, 'quote-tier-price').fill(String(q.tier.unitPrice));
    }
    await page.locator('textarea[data-testid="quote-notes"], [data-testid="quote-notes"] textarea').fill(q.notes);
    if (q.mistypedTier) {
      await page.getByTestId('quote-add-tier').click();
      await inputOf(page, 'quote-tier-min', 1).fill(String(q.mistypedTier.minQuantity));
      await inputOf(page, 'quote-tier-price', 1).fill(String(q.mistypedTier.unitPrice));
      await page.getByTestId('quote-submit').click();
      // The server's sentence shows under the tiers; nothing was submitted.
      const error = page.getByTestId('quote-form').locator('.ant-form-item-explain-error', { hasText: lang === 'zh-CN' ? '阶梯数量必须严格递增' : 'tier quantities must strictly increase' });
      await error.waitFor();
      await page.getByTestId('quote-problem').waitFor();
      await settledShot(page, `sourcing-quote-tier-error-${lang}`);
      expect((await api<{ items: unknown[] }>('GET', '/quotes', p.token)).items).toEqual([]);
      await page.getByTestId('quote-remove-tier').nth(1).click();
      await error.waitFor({ state: 'detached' });
      // The refusal's summary went with the tier it was about.
      await page.getByTestId('quote-problem').waitFor({ state: 'detached' });
    }
    await settledShot(page, `sourcing-quote-form-${lang}`);
    await page.getByTestId('quote-submit').click();
    await page.locator('[data-testid="your-quote"] [data-testid="quote-status"][data-status="submitted"]').waitFor();
    expect(await page.getByTestId('your-quote').textContent()).toContain(money(lang, priceAt(q) * QUANTITY));
    await settledShot(page, `sourcing-quote-submitted-${lang}`);
    await page.context().close();
  }

  it('zh-CN supplier A finds the matched RFQ in the market and quotes', async () => {
    await quoteFromMarket('zh-CN', SUPPLIER_A.email, supplierA, QUOTE_A, /0 个报价/);
  });

  it('en-US supplier B finds the matched RFQ in the market and quotes', async () => {
    await quoteFromMarket('en-US', SUPPLIER_B.email, supplierB, QUOTE_B, /1 quote(?!s)/);
  });

  it('zh-CN buyer compares both quotes, asks, accepts the cheaper one and declines the other', async () => {
    const page = buyerPage;
    await page.goto(`${env.baseUrl}/workbench/rfqs/${rfqId}`);
    const rowA = page.locator(`[data-testid="quote-row"][data-supplier-id="${supplierA.companyId}"]`);
    const rowB = page.locator(`[data-testid="quote-row"][data-supplier-id="${supplierB.companyId}"]`);
    await rowA.waitFor();
    await rowB.waitFor();
    expect((await rowA.getByTestId('quote-total').textContent())?.trim()).toContain(money('zh-CN', priceAt(QUOTE_A) * QUANTITY));
    expect((await rowB.getByTestId('quote-total').textContent())?.trim()).toContain(money('zh-CN', priceAt(QUOTE_B) * QUANTITY));
    expect(await rowA.getAttribute('data-best-price')).toBe('true');
    expect(await rowB.getAttribute('data-best-price')).toBe('false');
    expect(await rowA.getByTestId('quote-total').textContent()).toContain('最低价');
    // B is the faster one.
    expect(await rowB.getAttribute('data-best-lead')).toBe('true');
    expect(await rowA.getAttribute('data-best-lead')).toBe('false');
    await settledShot(page, 'sourcing-rfq-compare-zh-CN');

    // A follow-up question in supplier A's thread.
    await rowA.getByTestId('quote-thread-open').click();
    const drawer = page.getByTestId('quote-thread');
    await drawer.getByTestId('thread-input').fill('请问能否分两批交货?');
    await drawer.getByTestId('thread-send').click();
    await drawer.getByText('请问能否分两批交货?').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Accept A (confirm dialog), then decline B with a reason.
    await rowA.getByTestId('quote-accept').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '接受报价' }).click();
    await page.locator('[data-testid="rfq-detail"] [data-testid="rfq-status"][data-status="awarded"]').first().waitFor();
    await rowA.locator('[data-testid="quote-status"][data-status="accepted"]').waitFor();
    await rowB.getByTestId('quote-decline').click();
    await page.getByTestId('decline-reason').fill(DECLINE_REASON);
    await page.getByTestId('decline-confirm').click();
    await rowB.locator('[data-testid="quote-status"][data-status="declined"]').waitFor();
    await page.getByTestId('decline-reason').waitFor({ state: 'hidden' });
    // Clicking a button in the right-pinned column scrolled the wide table; show it as the buyer left it.
    await page.evaluate(() => document.querySelectorAll('.ant-table-content, .ant-table-body').forEach((el) => { el.scrollLeft = 0; }));
    await settledShot(page, 'sourcing-rfq-awarded-zh-CN');

    // The server agrees.
    const quotes = await api<{ items: QuoteApi[] }>('GET', `/rfqs/${rfqId}/quotes`, buyer.token);
    const bySupplier = new Map(quotes.items.map((q) => [q.supplier.id, q]));
    expect(bySupplier.get(supplierA.companyId)?.status).toBe('accepted');
    expect(bySupplier.get(supplierB.companyId)).toMatchObject({ status: 'declined', declineReason: DECLINE_REASON });
    expect((await api<{ status: string }>('GET', `/rfqs/${rfqId}`, buyer.token)).status).toBe('awarded');
    const noticeA = await waitFor(async () => (await notificationsOf(supplierA)).find((n) => n.kind === 'quote.accepted'));
    expect(noticeA.title).toContain(RFQ_TITLE);
    expect(noticeA.link).toContain(rfqId);
    // The question reached supplier A's thread.
    const thread = await api<{ items: Array<{ body: string; side: string }> }>('GET', `/quotes/${bySupplier.get(supplierA.companyId)!.id}/messages`, supplierA.token);
    expect(thread.items).toEqual([expect.objectContaining({ body: '请问能否分两批交货?', side: 'buyer' })]);
  });

  it('en-US: the same comparison in English, and on a phone', async () => {
    const page = await signIn(env, 'en-US', BUYER.email, PASSWORD);
    await page.goto(`${env.baseUrl}/workbench/rfqs/${rfqId}`);
    const rowA = page.locator(`[data-testid="quote-row"][data-supplier-id="${supplierA.companyId}"]`);
    await rowA.locator('[data-testid="quote-status"][data-status="accepted"]').waitFor();
    expect(await rowA.getByTestId('quote-total').textContent()).toContain(money('en-US', priceAt(QUOTE_A) * QUANTITY));
    expect(await page.locator(`[data-testid="quote-row"][data-supplier-id="${supplierB.companyId}"]`).textContent()).toContain(SUPPLIER_B.nameEn);
    await settledShot(page, 'sourcing-rfq-awarded-en-US');

    const phone = await env.newPage('zh-CN', { width: 390, height: 844 });
    await phone.goto(`${env.baseUrl}/login`);
    await phone.getByTestId('login-email').fill(BUYER.email);
    await phone.getByTestId('login-password').fill(PASSWORD);
    await phone.getByTestId('login-submit').click();
    await phone.waitForURL(/workbench/);
    await phone.goto(`${env.baseUrl}/workbench/rfqs/${rfqId}`);
    const card = phone.locator(`[data-testid="quote-row"][data-supplier-id="${supplierA.companyId}"]`);
    await card.locator('[data-testid="quote-status"][data-status="accepted"]').waitFor();
    expect(await card.getByTestId('quote-total').textContent()).toContain(money('zh-CN', priceAt(QUOTE_A) * QUANTITY));
    await settledShot(phone, 'sourcing-rfq-phone-zh-CN');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.context().close();
    await page.context().close();
  });
});

describe('inquiry: a buyer asks about a product, the supplier answers with a quote', () => {
  it('zh-CN buyer sends an inquiry from supplier B\'s product page; en-US supplier B quotes; the buyer reads the quote', async () => {
    const buyerPage = await signIn(env, 'zh-CN', BUYER.email, PASSWORD);
    await buyerPage.goto(`${env.baseUrl}/products/${productB}`);
    await buyerPage.getByTestId('product-title').waitFor();
    await buyerPage.getByTestId('inquire').first().click();
    const form = buyerPage.getByTestId('inquiry-form');
    await form.waitFor();
    await inputOf(buyerPage, 'inquiry-line-quantity').fill('50');
    await inputOf(buyerPage, 'inquiry-target').fill('4000');
    await pickOption(buyerPage, 'inquiry-province', '上海');
    await buyerPage.locator('textarea[data-testid="inquiry-message-input"], [data-testid="inquiry-message-input"] textarea').fill(INQUIRY_MESSAGE);
    await settledShot(buyerPage, 'sourcing-inquiry-form-zh-CN', { fullPage: false });
    await buyerPage.getByTestId('inquiry-submit').click();
    await buyerPage.waitForURL(/\/workbench\/inquiries\/[0-9a-f-]{36}$/);
    const inquiryId = /\/inquiries\/([0-9a-f-]{36})$/.exec(buyerPage.url())![1]!;
    await buyerPage.getByTestId('inquiry-message').filter({ hasText: INQUIRY_MESSAGE }).waitFor();
    await settledShot(buyerPage, 'sourcing-inquiry-sent-zh-CN');

    // Supplier B, in English, finds it in the received box and answers with a quote.
    const seller = await signIn(env, 'en-US', SUPPLIER_B.email, PASSWORD);
    await seller.goto(`${env.baseUrl}/workbench/inquiries/received`);
    const row = seller.getByTestId('inquiry-row-title').filter({ hasText: 'Hot-rolled plate Q235B 12 mm, Foshan warehouse stock' });
    await row.waitFor();
    await settledShot(seller, 'sourcing-inquiry-inbox-en-US');
    await row.click();
    await seller.waitForURL(`**/workbench/inquiries/${inquiryId}`);
    await seller.getByTestId('open-quote').click();
    await inputOf(seller, 'quote-unit-price').fill(String(INQUIRY_QUOTE.unitPrice));
    expect(await inputOf(seller, 'quote-quantity').inputValue()).toBe('50');
    await seller.getByTestId('quote-submit').click();
    const sellerCard = seller.getByTestId('quote-card');
    await sellerCard.waitFor();
    expect(await sellerCard.textContent()).toContain(money('en-US', INQUIRY_QUOTE.unitPrice));
    await settledShot(seller, 'sourcing-inquiry-quoted-en-US');
    await seller.context().close();

    // The buyer's thread shows the quote.
    await buyerPage.reload();
    const card = buyerPage.getByTestId('quote-card');
    await card.waitFor();
    expect(await card.textContent()).toContain(money('zh-CN', INQUIRY_QUOTE.unitPrice));
    expect(await card.textContent()).toContain('50 吨');
    await settledShot(buyerPage, 'sourcing-inquiry-quote-zh-CN');
    const inquiry = await api<{ status: string; replies: Array<{ kind: string; side: string; quote: { unitPrice: number; quantity: number } | null }> }>('GET', `/inquiries/${inquiryId}`, buyer.token);
    expect(inquiry.status).toBe('quoted');
    expect(inquiry.replies).toEqual([expect.objectContaining({ kind: 'quote', side: 'supplier', quote: expect.objectContaining({ unitPrice: INQUIRY_QUOTE.unitPrice * 100, quantity: 50 }) })]);
    await buyerPage.context().close();
  });
});

/** Types a date (or date and time) into an antd DatePicker by test id and commits it with Enter. */
async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  const input = inputOf(page, testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}
