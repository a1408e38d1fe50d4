import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, waitFor, type E2E } from './harness.js';
import { callApi, settledShot, signIn } from './steps.js';

// Issue 5 — chat (旺旺): a zh-CN buyer contacts a supplier from its product page; the supplier's en-US sales member
// answers from the workbench in real time (unread badge, read receipts, presence), shares a quote card; the buyer
// goes away, two more messages arrive and it catches up when it comes back (at phone width).

const PASSWORD = 'Chat-E2E-2026';
const BUYER = { email: 'zhao.lei.e2e@pudong-build.test', name: '赵磊', company: '上海浦东建设材料有限公司' };
const OWNER = { email: 'sun.wei.e2e@tangshan-plate.test', name: '孙伟', company: '唐山宏达板材有限公司' };
const SALES = { email: 'amy.lin.e2e@tangshan-plate.test', name: 'Amy Lin' };
const PRODUCT = { titleZh: '热轧钢板 Q235B 10mm 唐山宏达现货', titleEn: 'Hot-rolled plate Q235B 10 mm, Tangshan Hongda stock' };
const RFQ_TITLE = '求购热轧钢板 Q235B 10mm 120 吨';

const HELLO = '您好,Q235B 10mm 热轧板 120 吨,送上海浦东,月底前能交货吗?';
const REPLY = 'Hello! Yes, we have 300 t in stock; delivery to Pudong takes 5 days.';
const LATER = ['We can also cut to size at no extra cost.', 'Our quote on your RFQ is valid for 20 days.'];

interface Party { token: string; userId: string; companyId: string }

let env: E2E;
let buyer: Party;
let supplier: Party;
let productId = '';
let rfqId = '';
let quoteId = '';

const api = <T>(method: string, url: string, token: string | null, body?: unknown, expected = 200) => callApi<T>(env, method, url, token, body, expected);

async function party(email: string, name: string, company: Record<string, unknown>): Promise<Party> {
  const { token } = await api<{ token: string }>('POST', '/auth/register', null, { email, password: PASSWORD, name }, 201);
  const created = await api<{ id: string }>('POST', '/companies', token, company, 201);
  const me = await api<{ id: string }>('GET', '/me', token);
  return { token, userId: me.id, companyId: created.id };
}

/** The owner invites the sales member; the member registers and accepts with the token from the outbox mail. */
async function salesMember(owner: Party): Promise<void> {
  await api('POST', `/companies/${owner.companyId}/invitations`, owner.token, { email: SALES.email, role: 'sales' }, 201);
  const mail = await waitFor(async () => (await env.readOutbox()).find((m) => m.to === SALES.email && /\/invitations\//.test(m.text)));
  const invitation = /\/invitations\/([\w-]+)/.exec(mail.text)![1]!;
  const { token } = await api<{ token: string }>('POST', '/auth/register', null, { email: SALES.email, password: PASSWORD, name: SALES.name }, 201);
  await api('POST', `/invitations/${invitation}/accept`, token);
  await api('PUT', '/me/active-company', token, { companyId: owner.companyId });
}

const day = (d: number) => new Date(Date.now() + d * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** The window as the user sees it, once the drawer has slid in (steps.ts). */
const shot = (page: Page, name: string) => settledShot(page, name, { fullPage: false });

/** The bubbles' texts in the open thread, top to bottom. */
async function bubbleTexts(page: Page): Promise<string[]> {
  return page.getByTestId('chat-messages').evaluate((el) => Array.from(el.querySelectorAll('[data-testid="chat-bubble"]'), (b) => (b as HTMLElement).innerText));
}

beforeAll(async () => {
  env = await startE2E();
  const category = await api<{ id: string }>('GET', '/categories/steel.plate.hot_rolled', null);
  [buyer, supplier] = await Promise.all([
    party(BUYER.email, BUYER.name, { legalName: BUYER.company, companyType: 'buyer', province: '310000', city: '上海', industry: '建筑工程 Construction' }),
    party(OWNER.email, OWNER.name, { legalName: OWNER.company, companyType: 'manufacturer', province: '130000', city: '唐山', industry: '钢铁 Steel' }),
  ]);
  await salesMember(supplier);
  const draft = await api<{ id: string }>('POST', '/products', supplier.token, {
    categoryId: category.id, ...PRODUCT, descriptionZh: '唐山宏达热轧板现货,可定尺切割。',
    attributes: { thickness: 10, width: 2000, standard: 'GB/T 3274' }, skus: [{ attributes: { grade: 'Q235B' }, stock: 300 }],
    priceTiers: [{ minQuantity: 10, unitPrice: 402_000 }, { minQuantity: 100, unitPrice: 395_000 }], moq: 10, unit: 'ton', leadTimeDays: 5, sample: null, origin: null,
  }, 201);
  productId = (await api<{ id: string }>('POST', `/products/${draft.id}/publish`, supplier.token)).id;
  // The buyer's RFQ and the supplier's quote on it, accepted: shared later as a chat card.
  rfqId = (await api<{ id: string }>('POST', '/rfqs', buyer.token, {
    title: RFQ_TITLE, description: '厂房钢结构用,需材质书。', categoryId: category.id, specification: { thickness: 10, grade: 'Q235B' },
    quantity: 120, unit: 'ton', deliveryProvince: '310000', deliveryDate: day(30), quoteDeadline: new Date(Date.now() + 72 * 3_600_000).toISOString(),
  }, 201)).id;
  quoteId = (await api<{ id: string }>('POST', `/rfqs/${rfqId}/quotes`, supplier.token, {
    unitPrice: 401_000, priceTiers: [{ minQuantity: 100, unitPrice: 396_000 }], leadTimeDays: 5, validUntil: day(20), shippingTerms: 'delivered', notes: '含税含运',
  }, 201)).id;
  // A supplier shares only quotes the buyer accepted (the RFQ names its buyer to that supplier then).
  await api('POST', `/quotes/${quoteId}/accept`, buyer.token, {});
}, 240_000);

afterAll(async () => {
  await env?.close();
});

describe('chat: buyer and supplier talk in real time and catch up', () => {
  let sales: Page;
  let buyerPage: Page;
  let buyerContext: BrowserContext;

  it('en-US sales member keeps the messages page open; the zh-CN buyer opens the chat from the product page and sends a product card and a text', async () => {
    sales = await signIn(env, 'en-US', SALES.email, PASSWORD);
    await sales.goto(`${env.baseUrl}/workbench/messages`);
    await sales.getByTestId('messages-page').getByText('No conversations yet', { exact: false }).waitFor();

    buyerPage = await signIn(env, 'zh-CN', BUYER.email, PASSWORD);
    buyerContext = buyerPage.context();
    await buyerPage.goto(`${env.baseUrl}/products/${productId}`);
    await buyerPage.getByTestId('contact-supplier').click();
    const drawer = buyerPage.getByTestId('chat-drawer');
    await drawer.getByTestId('chat-thread').waitFor();
    expect(await drawer.getByTestId('chat-counterpart').innerText()).toBe(OWNER.company);
    // A member of the supplier has the workbench open: the supplier is online.
    await drawer.locator('[data-testid="chat-presence"][data-online="true"]').waitFor();
    await drawer.getByTestId('chat-send-product').click();
    await drawer.getByTestId('chat-product-card').waitFor();
    await drawer.getByTestId('chat-input').fill(HELLO);
    await drawer.getByTestId('chat-send').click();
    await drawer.getByTestId('chat-bubble').filter({ hasText: HELLO }).waitFor();
    expect(await drawer.getByTestId('chat-input').inputValue()).toBe('');
    // Not read yet.
    expect(await drawer.getByTestId('chat-bubble').filter({ hasText: HELLO }).getAttribute('data-read')).toBe('false');
  });

  it('the supplier sees the new conversation arrive with its unread badge, without a reload, and reads it', async () => {
    const row = sales.getByTestId('chat-conversation').filter({ hasText: BUYER.name });
    await row.locator('[data-testid="chat-unread"][data-count="2"]').waitFor();
    expect(await row.innerText()).toContain(BUYER.company);
    expect(await row.innerText()).toContain(HELLO.slice(0, 10));
    await row.locator('[data-testid="chat-presence"][data-online="true"]').waitFor();
    await shot(sales, 'chat-e2e-supplier-unread-en-US');
    await row.click();
    const thread = sales.getByTestId('chat-thread');
    await thread.getByTestId('chat-bubble').filter({ hasText: HELLO }).waitFor();
    const card = thread.getByTestId('chat-product-card');
    expect(await card.innerText()).toContain(PRODUCT.titleEn);
    // Opening the thread reads it: the badge goes, and the buyer sees its message read.
    await row.getByTestId('chat-unread').waitFor({ state: 'detached' });
    await buyerPage.getByTestId('chat-drawer').locator('[data-testid="chat-bubble"][data-read="true"]', { hasText: HELLO }).waitFor();
  });

  it('the supplier replies and shares its quote; the buyer sees both arrive and the quote links to its RFQ', async () => {
    const thread = sales.getByTestId('chat-thread');
    await thread.getByTestId('chat-input').fill(REPLY);
    await thread.getByTestId('chat-input').press('Enter');
    await thread.getByTestId('chat-bubble').filter({ hasText: REPLY }).waitFor();

    await thread.getByTestId('chat-share-quote').click();
    const option = sales.locator(`[data-testid="chat-quote-option"][data-quote-id="${quoteId}"]`);
    await option.waitFor();
    expect(await option.innerText()).toContain(RFQ_TITLE);
    await shot(sales, 'chat-e2e-quote-picker-en-US');
    await option.getByTestId('chat-quote-pick').click();
    const sentCard = thread.locator(`[data-testid="chat-quote-card"][data-quote-id="${quoteId}"]`);
    await sentCard.waitFor();
    // 120 t falls in the tier from 100 t: ¥3,960.00 × 120 = ¥475,200.00.
    expect(await sentCard.getByTestId('chat-quote-total').innerText()).toBe('Total ¥475,200.00');
    expect(await sentCard.getByTestId('chat-quote-link').getAttribute('href')).toBe(`/workbench/rfq-market/${rfqId}`);

    const drawer = buyerPage.getByTestId('chat-drawer');
    await drawer.getByTestId('chat-bubble').filter({ hasText: REPLY }).waitFor();
    const card = drawer.locator(`[data-testid="chat-quote-card"][data-quote-id="${quoteId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('chat-quote-total').innerText()).toBe('合计 ¥475,200.00');
    expect(await card.innerText()).toContain('已接受');
    expect(await card.getByTestId('chat-quote-link').getAttribute('href')).toBe(`/workbench/rfqs/${rfqId}`);
    // The buyer's drawer is showing the thread: the supplier sees its messages read.
    await thread.locator('[data-testid="chat-bubble"][data-read="true"]').filter({ has: sales.getByTestId('chat-quote-card') }).waitFor();
    await shot(buyerPage, 'chat-e2e-buyer-drawer-zh-CN');
    await shot(sales, 'chat-e2e-supplier-thread-en-US');
  });

  it('the buyer leaves; the supplier sees it offline and sends two more; the buyer comes back on a phone and catches up in order', async () => {
    await buyerContext.close();
    const thread = sales.getByTestId('chat-thread');
    await thread.locator('[data-testid="chat-presence"][data-online="false"]').waitFor();
    for (const text of LATER) {
      await thread.getByTestId('chat-input').fill(text);
      await thread.getByTestId('chat-send').click();
      await thread.getByTestId('chat-bubble').filter({ hasText: text }).waitFor();
    }
    // Nobody on the buyer's side was online: the buyer is notified (once per conversation per hour).
    const notices = await waitFor(async () => {
      const list = await api<{ items: Array<{ kind: string; link: string | null }> }>('GET', '/notifications?limit=20', buyer.token);
      const chat = list.items.filter((n) => n.kind === 'message.received');
      return chat.length ? chat : null;
    });
    expect(notices).toHaveLength(1);

    const phone = await env.newPage('zh-CN', { width: 390, height: 844 });
    await phone.goto(`${env.baseUrl}/login`);
    await phone.getByTestId('login-email').fill(BUYER.email);
    await phone.getByTestId('login-password').fill(PASSWORD);
    await phone.getByTestId('login-submit').click();
    await phone.waitForURL(/workbench/);
    await phone.goto(`${env.baseUrl}/workbench/messages`);
    const row = phone.getByTestId('chat-conversation').filter({ hasText: OWNER.company });
    await row.locator('[data-testid="chat-unread"][data-count="2"]').waitFor();
    await row.locator('[data-testid="chat-presence"][data-online="true"]').waitFor();
    await shot(phone, 'chat-e2e-buyer-list-390-zh-CN');
    await row.click();
    const bubbles = phone.getByTestId('chat-thread').getByTestId('chat-bubble');
    await bubbles.filter({ hasText: LATER[1]! }).waitFor();
    const texts = await bubbleTexts(phone);
    const order = [HELLO, REPLY, LATER[0]!, LATER[1]!].map((m) => texts.findIndex((b) => b.includes(m)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The product card, the hello, the reply, the quote card and the two sent while away.
    expect(texts).toHaveLength(6);
    await shot(phone, 'chat-e2e-buyer-catchup-390-zh-CN');
    // The supplier sees the catch-up read.
    await sales.getByTestId('chat-thread').locator('[data-testid="chat-bubble"][data-read="true"]', { hasText: LATER[1]! }).waitFor();
  });
});
