import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/context.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, call, createCompany, registerUser, type TestUser } from '../../testing/factories.js';
import { categoryIdOf, createProduct, publishProduct, uploadProductImage } from '../../testing/catalog-factories.js';
import { StorefrontService } from './service.js';
import { STANDARD_TEMPLATE, type StorefrontTemplate } from './templates.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function multipart(bytes: Buffer, filename = 'photo.png', type = 'image/png') {
  const boundary = '----tsshop';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

interface EditorSection { id: string; type: string; visible: boolean; data: Record<string, unknown> }
interface EditorView { companyId: string; slug: string; template: string; themeColor: string; sections: EditorSection[]; rules: { code: string; sections: Array<{ type: string; maxInstances: number }> } }
interface PublicShop {
  slug: string; template: string;
  company: { id: string; legalName: string; nameEn: string | null; province: string; mainProducts: string[]; description: string };
  sections: Array<{ id: string; type: string; data: Record<string, unknown> }>;
  shopCategories: unknown[];
}

async function supplier(overrides: Record<string, unknown> = {}): Promise<{ owner: TestUser; id: string }> {
  const owner = await registerUser(t);
  const company = await createCompany(t, owner, overrides);
  return { owner, id: company.id };
}

const editor = async (companyId: string, headers: Record<string, string>) => call(t, { method: 'GET', url: `/api/v1/companies/${companyId}/storefront`, headers });
const save = async (companyId: string, headers: Record<string, string>, body: Record<string, unknown>) =>
  call(t, { method: 'PUT', url: `/api/v1/companies/${companyId}/storefront`, headers, payload: body });

/** The editor's view turned back into a PUT body, with changes. */
async function layout(companyId: string, owner: TestUser) {
  const view = (await editor(companyId, owner.headers)).json<EditorView>();
  return { slug: view.slug, themeColor: view.themeColor, sections: view.sections };
}

describe('storefront', () => {
  it('opens a shop for a new supplier company with a slug from its English name; buyers get none', async () => {
    const first = await supplier({ nameEn: 'Changzhou Jinlong Pipe Co., Ltd.' });
    const second = await supplier({ nameEn: 'Changzhou Jinlong Pipe Co., Ltd.' });
    const cn = await supplier({ nameEn: null });
    const buyer = await supplier({ companyType: 'buyer' });
    await t.drain();

    const a = (await editor(first.id, first.owner.headers)).json<EditorView>();
    const b = (await editor(second.id, second.owner.headers)).json<EditorView>();
    expect(a).toMatchObject({ template: 'standard', rules: { code: 'standard' } });
    expect(a.sections.map((s) => [s.type, s.visible])).toEqual([
      ['banner', true], ['featured_products', true], ['shop_categories', true], ['company_profile', true], ['certificates', true], ['contact_card', false],
    ]);
    // Same English name: whichever shop opened first has the plain slug, the other a suffix from its company id.
    const slugs = [a.slug, b.slug].sort();
    expect(slugs[0]).toBe('changzhou-jinlong-pipe');
    expect(slugs[1]).toMatch(/^changzhou-jinlong-pipe-[0-9a-f]{4}$/);
    expect((await editor(cn.id, cn.owner.headers)).json<EditorView>().slug).toMatch(/^shop-[0-9a-f]{8}$/);

    const refused = await editor(buyer.id, buyer.owner.headers);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SHOP_SUPPLIERS_ONLY' });
    expect((await call(t, { method: 'GET', url: `/api/v1/shops/${buyer.id}` })).statusCode).toBe(404);

    const created = await t.database.db.selectFrom('events').select(['type', 'payload']).where('company_id', '=', first.id).where('type', 'like', 'storefront.%').execute();
    expect(created).toEqual([{ type: 'storefront.created', payload: { slug: a.slug, template: 'standard' } }]);
  });

  it('gives existing suppliers a shop by the start-up backfill, once, whatever runs first', async () => {
    const { owner, id } = await supplier({ nameEn: 'Foshan Backfill Ceramics Co., Ltd.' });
    // Before the company.created handler runs: the backfill finds the company without a shop.
    expect(await t.modules.storefront.storefront.backfillShops()).toBeGreaterThanOrEqual(1);
    await t.drain();
    expect(await t.modules.storefront.storefront.backfillShops()).toBe(0);
    expect((await editor(id, owner.headers)).json<EditorView>().slug).toBe('foshan-backfill-ceramics');
    const events = await t.database.db.selectFrom('events').select('type').where('company_id', '=', id).where('type', '=', 'storefront.created').execute();
    expect(events).toHaveLength(1);
  });

  it('lets the owner change the slug within the rules, and says which rule failed', async () => {
    const { owner, id } = await supplier();
    const other = await supplier();
    await t.drain();
    const body = await layout(id, owner);
    const otherSlug = (await editor(other.id, other.owner.headers)).json<EditorView>().slug;

    const short = await save(id, { ...owner.headers, 'accept-language': 'zh-CN' }, { ...body, slug: 'ab' });
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'SLUG_INVALID', detail: '旺铺地址不合法:长度须为 3–40 个字符。', errors: [{ path: 'body.slug' }] });
    expect((await save(id, owner.headers, { ...body, slug: 'Huadong' })).json()).toMatchObject({ code: 'SLUG_INVALID' });
    expect((await save(id, owner.headers, { ...body, slug: 'hua--dong' })).json()).toMatchObject({ code: 'SLUG_INVALID' });
    const reserved = await save(id, { ...owner.headers, 'accept-language': 'en-US' }, { ...body, slug: 'admin' });
    expect(reserved.json()).toMatchObject({ code: 'SLUG_RESERVED', detail: 'The shop address "admin" is reserved by the platform; choose another.' });
    const taken = await save(id, owner.headers, { ...body, slug: otherSlug });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'SLUG_TAKEN', errors: [{ path: 'body.slug' }] });

    const oldSlug = body.slug;
    const ok = await save(id, owner.headers, { ...body, slug: 'suzhou-steel-direct' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<EditorView>().slug).toBe('suzhou-steel-direct');
    expect((await call(t, { method: 'GET', url: '/api/v1/shops/suzhou-steel-direct' })).statusCode).toBe(200);
    expect((await call(t, { method: 'GET', url: `/api/v1/shops/${oldSlug}` })).statusCode).toBe(404);
    const updated = await t.database.db.selectFrom('events').select('payload').where('company_id', '=', id).where('type', '=', 'storefront.updated').executeTakeFirstOrThrow();
    expect(updated.payload).toMatchObject({ slug: 'suzhou-steel-direct', previousSlug: oldSlug, template: 'standard' });
  });

  it('validates every section by its type', async () => {
    const { owner, id } = await supplier();
    await t.drain();
    const body = await layout(id, owner);
    const bad = async (section: Record<string, unknown>) => save(id, owner.headers, { ...body, sections: [section] });

    const headline = await bad({ type: 'banner', visible: true, data: { headlineZh: '长'.repeat(41) } });
    expect(headline.statusCode).toBe(422);
    expect(headline.json()).toMatchObject({ code: 'SHOP_INVALID', errors: [{ path: 'body.sections.0.data.headlineZh', message: 'Section 1 (Banner): headline (Chinese) may have at most 40 characters' }] });
    expect((await bad({ type: 'certificates', visible: true, data: { items: [{ name: 'ISO 9001', validUntil: '2027/06/30' }] } })).json())
      .toMatchObject({ errors: [{ path: 'body.sections.0.data.items.0.validUntil' }] });
    expect((await bad({ type: 'contact_card', visible: true, data: { email: 'not-mail' } })).statusCode).toBe(422);
    expect((await bad({ type: 'featured_products', visible: true, data: { productIds: ['x'] } })).statusCode).toBe(422);
    expect((await bad({ type: 'marquee', visible: true, data: {} })).statusCode).toBe(422);

    // Images must be the company's own uploads for display (purpose product_image): not a private attachment, not a logo, not another company's.
    const photoId = await uploadProductImage(t, owner);
    const logo = await call(t, { method: 'POST', url: `/api/v1/companies/${id}/logo`, headers: { ...owner.headers, 'content-type': multipart(TINY_PNG).contentType }, payload: multipart(TINY_PNG).payload });
    const logoId = /\/files\/([0-9a-f-]+)/.exec(logo.json<{ logoUrl: string }>().logoUrl)![1]!;
    const attachment = await call(t, { method: 'POST', url: '/api/v1/files?purpose=attachment', headers: { ...owner.headers, 'content-type': multipart(TINY_PNG).contentType }, payload: multipart(TINY_PNG).payload });
    const privateId = attachment.json<{ id: string }>().id;
    const stranger = await supplier();
    const strangerPhotoId = await uploadProductImage(t, stranger.owner);

    const images = await save(id, owner.headers, {
      ...body,
      sections: [
        { type: 'banner', visible: true, data: { imageFileId: photoId, headlineZh: '现货直供', headlineEn: 'Spot supply' } },
        { type: 'company_profile', visible: true, data: { textZh: '简介', photoFileIds: [photoId, privateId, strangerPhotoId, logoId] } },
        { type: 'certificates', visible: true, data: { items: [{ name: 'ISO 9001', issuer: 'CQC', validUntil: '2027-06-30', imageFileId: privateId }] } },
      ],
    });
    expect(images.statusCode).toBe(422);
    expect(images.json<{ code: string; errors: Array<{ path: string }> }>()).toMatchObject({ code: 'SECTION_CONTENT_INVALID' });
    expect(images.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual([
      'body.sections.1.data.photoFileIds.1', 'body.sections.1.data.photoFileIds.2', 'body.sections.1.data.photoFileIds.3', 'body.sections.2.data.items.0.imageFileId',
    ]);
    const unknownCategory = await bad({ type: 'shop_categories', visible: true, data: { categoryIds: ['0190a8f2-3c4d-7e5f-8a9b-0c1d2e3f4a5b'] } });
    expect(unknownCategory.json()).toMatchObject({ code: 'SECTION_CONTENT_INVALID', errors: [{ path: 'body.sections.0.data.categoryIds.0' }] });

    const fine = await save(id, owner.headers, {
      ...body,
      sections: [
        { type: 'banner', visible: true, data: { imageFileId: photoId, headlineZh: '现货直供', headlineEn: 'Spot supply' } },
        { type: 'company_profile', visible: true, data: { textZh: '简介', photoFileIds: [photoId] } },
      ],
    });
    expect(fine.statusCode).toBe(200);
    expect(fine.json<EditorView>().sections).toMatchObject([{ type: 'banner', data: { imageFileId: photoId } }, { type: 'company_profile' }]);
    const shop = (await call(t, { method: 'GET', url: `/api/v1/shops/${id}` })).json<PublicShop>();
    expect(shop.sections[1]!.data).toMatchObject({ photos: [{ fileId: photoId, url: `/api/v1/files/${photoId}`, thumbnails: { 400: `/api/v1/files/${photoId}?size=400` } }] });
  });

  it('says what is wrong with each field in the reader’s language, never in zod’s words or with a pattern', async () => {
    const { owner, id } = await supplier();
    await t.drain();
    const body = await layout(id, owner);
    const sections = [
      ...body.sections.filter((s) => s.type !== 'certificates' && s.type !== 'contact_card'),
      { type: 'certificates', visible: true, data: { items: [{ name: '', issuer: 'CQC' }] } },
      { type: 'contact_card', visible: true, data: { contactName: '陈立', phone: 'abc', email: 'not-an-email' } },
    ];
    const at = sections.length - 2;
    const send = async (lang: string) => save(id, { ...owner.headers, 'accept-language': lang }, { ...body, themeColor: 'orange', sections });

    const zh = await send('zh-CN');
    expect(zh.statusCode).toBe(422);
    const zhBody = zh.json<{ code: string; detail: string; errors: Array<{ path: string; message: string }> }>();
    expect(zhBody.code).toBe('SHOP_INVALID');
    expect(zhBody.detail).toBe('旺铺设置有 4 处问题,请查看明细。');
    expect(zhBody.errors).toEqual(expect.arrayContaining([
      { path: 'body.themeColor', message: '「主题色」须为 #RRGGBB 格式的颜色(如 #F25C05)' },
      { path: `body.sections.${at}.data.items.0.name`, message: `「第 ${at + 1} 个版块(资质证书)的第 1 张证书的证书名称」不能为空` },
      { path: `body.sections.${at + 1}.data.phone`, message: `「第 ${at + 2} 个版块(联系卡片)的电话」只能包含数字、空格和 + - ( )` },
      { path: `body.sections.${at + 1}.data.email`, message: `「第 ${at + 2} 个版块(联系卡片)的邮箱」不是有效的邮箱地址` },
    ]));
    expect(zhBody.errors).toHaveLength(4);

    const en = (await send('en-US')).json<{ detail: string; errors: Array<{ path: string; message: string }> }>();
    expect(en.detail).toBe('The shop settings have 4 problem(s); see the list.');
    expect(en.errors.map((e) => e.message)).toEqual(expect.arrayContaining([
      'Theme colour must be a colour like #F25C05',
      `Section ${at + 1} (Certificates): certificate 1 name must not be empty`,
      `Section ${at + 2} (Contact card): phone may contain only digits, spaces and + - ( )`,
      `Section ${at + 2} (Contact card): email is not a valid email address`,
    ]));
    for (const e of [...zhBody.errors, ...en.errors]) expect(e.message).not.toMatch(/\/\^|Invalid|Too small|无效|expected/);
  });

  it('enforces the template limits', async () => {
    const { owner, id } = await supplier();
    await t.drain();
    const body = await layout(id, owner);
    const ids = Array.from({ length: 13 }, (_, i) => `0190a8f2-3c4d-7e5f-8a9b-${i.toString(16).padStart(12, '0')}`);
    const tooMany = await save(id, { ...owner.headers, 'accept-language': 'en-US' }, { ...body, sections: [{ type: 'featured_products', visible: true, data: { productIds: ids } }] });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({
      code: 'SECTIONS_INVALID', detail: 'The shop layout does not fit the rules of the "Standard shop" template.',
      errors: [{ path: 'body.sections.0.data.productIds', message: 'at most 12 entries' }],
    });
    const twoBanners = await save(id, owner.headers, { ...body, sections: [{ type: 'banner', visible: true, data: {} }, { type: 'banner', visible: false, data: {} }] });
    expect(twoBanners.json()).toMatchObject({ code: 'SECTIONS_INVALID', errors: [{ path: 'body.sections.1.type' }] });
  });

  it('shows visitors the visible sections in the seller’s order, by slug or company id', async () => {
    const { owner, id } = await supplier({ nameEn: 'Tangshan Visible Steel Co., Ltd.', description: '唐山钢材现货', mainProducts: ['螺纹钢', '盘螺'] });
    await t.drain();
    const body = await layout(id, owner);
    const byType = (type: string) => body.sections.find((s) => s.type === type)!;
    const saved = await save(id, owner.headers, {
      ...body,
      themeColor: '#1F6FEB',
      sections: [
        { ...byType('contact_card'), visible: true, data: { contactName: '陈立', phone: '0315-8888 1234', email: 'sales@example.cn', address: '唐山市路北区' } },
        { ...byType('banner'), data: { imageFileId: null, headlineZh: '唐山现货', headlineEn: 'Tangshan spot steel' } },
        { ...byType('certificates'), visible: false, data: { items: [{ name: 'ISO 9001', issuer: 'CQC', validUntil: '2020-01-01', imageFileId: null }] } },
        byType('company_profile'),
      ],
    });
    expect(saved.statusCode).toBe(200);

    const shop = await call(t, { method: 'GET', url: '/api/v1/shops/tangshan-visible-steel' });
    expect(shop.statusCode).toBe(200);
    const view = shop.json<PublicShop>();
    expect(view).toMatchObject({
      slug: 'tangshan-visible-steel', template: 'standard', themeColor: '#1F6FEB',
      company: { id, nameEn: 'Tangshan Visible Steel Co., Ltd.', province: '320000', mainProducts: ['螺纹钢', '盘螺'], description: '唐山钢材现货' },
      shopCategories: [],
    });
    // Hidden certificates are left out; the profile falls back to the company description; sections without content are omitted.
    expect(view.sections.map((s) => s.type)).toEqual(['contact_card', 'banner', 'company_profile']);
    expect(view.sections[0]!.data).toEqual({ contactName: '陈立', phone: '0315-8888 1234', email: 'sales@example.cn', address: '唐山市路北区' });
    expect(view.sections[2]!.data).toMatchObject({ textZh: '唐山钢材现货' });

    const byId = await call(t, { method: 'GET', url: `/api/v1/shops/${id}` });
    expect(byId.json<PublicShop>().slug).toBe('tangshan-visible-steel');
    expect((await call(t, { method: 'GET', url: '/api/v1/shops/no-such-shop' })).json()).toMatchObject({ code: 'SHOP_NOT_FOUND' });
    const products = await call(t, { method: 'GET', url: '/api/v1/shops/tangshan-visible-steel/products?q=钢' });
    expect(products.json()).toEqual({ items: [], nextCursor: null });
  });

  it('refuses edits from other companies and from members who are not owner or admin', async () => {
    const { owner, id } = await supplier();
    await t.drain();
    const body = await layout(id, owner);
    const outsider = await supplier();
    expect((await editor(id, outsider.owner.headers)).statusCode).toBe(403);
    expect((await save(id, outsider.owner.headers, body)).statusCode).toBe(403);
    expect((await save(id, {}, body)).statusCode).toBe(401);
    const sales = await addMember(t, owner, id, 'sales');
    expect((await save(id, sales.headers, body)).statusCode).toBe(403);
    const admin = await addMember(t, owner, id, 'admin');
    expect((await save(id, admin.headers, { ...body, slug: `${body.slug}-x` })).statusCode).toBe(200);
  });

  it('features only the company’s own published products', async () => {
    const { owner, id } = await supplier();
    const plate = await categoryIdOf(t, 'steel.plate.hot_rolled');
    const published = await createProduct(t, owner, plate);
    await publishProduct(t, owner, published.id);
    const draft = await createProduct(t, owner, plate, { titleZh: '热轧钢板 草稿' });
    const other = await supplier();
    const theirs = await createProduct(t, other.owner, plate);
    await publishProduct(t, other.owner, theirs.id);
    await t.drain();
    const body = await layout(id, owner);
    const featured = (productIds: string[]) => save(id, owner.headers, { ...body, sections: [{ type: 'featured_products', visible: true, data: { productIds } }] });

    const refused = await featured([published.id, draft.id, theirs.id, published.id]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'SECTION_CONTENT_INVALID',
      errors: [{ path: 'body.sections.0.data.productIds.1' }, { path: 'body.sections.0.data.productIds.2' }, { path: 'body.sections.0.data.productIds.3' }],
    });
    expect((await featured([published.id])).statusCode).toBe(200);
    const shop = (await call(t, { method: 'GET', url: `/api/v1/shops/${id}` })).json<PublicShop>();
    expect(shop.sections).toMatchObject([{ type: 'featured_products', data: { auto: false, products: [{ id: published.id, titleZh: published.titleZh, moq: 5, unit: 'ton', status: 'published' }] } }]);

    // Delisted later: visitors no longer see it, the seller's choice stays for when it comes back.
    await call(t, { method: 'POST', url: `/api/v1/products/${published.id}/delist`, headers: owner.headers });
    await t.drain();
    expect((await call(t, { method: 'GET', url: `/api/v1/shops/${id}` })).json<PublicShop>().sections).toEqual([]);
    expect((await editor(id, owner.headers)).json<EditorView>().sections[0]!.data).toEqual({ productIds: [published.id] });
  });

  it('lists the shop’s categories with counts and searches within the shop only', async () => {
    const { owner, id } = await supplier({ nameEn: 'Zhangjiagang Plate Search Co., Ltd.' });
    const hot = await categoryIdOf(t, 'steel.plate.hot_rolled');
    const cold = await categoryIdOf(t, 'steel.plate.cold_rolled');
    const steelPlate = await categoryIdOf(t, 'steel.plate');
    const a = await createProduct(t, owner, hot, { titleZh: '热轧钢板 Q235B 8mm', titleEn: 'Hot-rolled plate Q235B 8 mm' });
    const b = await createProduct(t, owner, hot, { titleZh: '热轧钢板 Q355B 12mm', titleEn: 'Hot-rolled plate Q355B 12 mm' });
    const coldRolled = {
      attributes: { thickness: 1, width: 1250, standard: 'GB/T 708', origin_mill: '宝钢', supply_mode: 'spot' },
      skus: [{ code: 'CR-SPCC', attributes: { grade: 'SPCC' }, stock: 80 }, { code: 'CR-DC01', attributes: { grade: 'DC01' }, stock: 60 }],
    };
    const c = await createProduct(t, owner, cold, { ...coldRolled, titleZh: '冷轧卷 SPCC 1.0mm', titleEn: 'Cold-rolled coil SPCC 1.0 mm' });
    const hidden = await createProduct(t, owner, cold, { ...coldRolled, titleZh: '冷轧卷 草稿' });
    for (const p of [a, b, c]) await publishProduct(t, owner, p.id);
    const other = await supplier();
    await publishProduct(t, other.owner, (await createProduct(t, other.owner, hot)).id);
    await t.drain();

    const shop = (await call(t, { method: 'GET', url: '/api/v1/shops/zhangjiagang-plate-search' })).json<PublicShop & { productCount: number; shopCategories: Array<{ categoryId: string; count: number; nameZh: string }> }>();
    expect(shop.company.id).toBe(id);
    expect(shop.productCount).toBe(3);
    expect(shop.shopCategories).toEqual([
      { categoryId: hot, nameZh: expect.any(String) as string, nameEn: expect.any(String) as string, count: 2 },
      { categoryId: cold, nameZh: expect.any(String) as string, nameEn: expect.any(String) as string, count: 1 },
    ]);
    const featured = shop.sections.find((s) => s.type === 'featured_products')!;
    expect(featured.data).toMatchObject({ auto: true });
    expect((featured.data as { products: Array<{ id: string }> }).products.map((p) => p.id)).toEqual([c.id, b.id, a.id]);
    expect(shop.sections.find((s) => s.type === 'shop_categories')!.data).toMatchObject({ categories: [{ categoryId: hot, count: 2 }, { categoryId: cold, count: 1 }] });

    const search = async (query: string) => (await call(t, { method: 'GET', url: `/api/v1/shops/zhangjiagang-plate-search/products?${query}` })).json<{ items: Array<{ id: string }>; nextCursor: string | null }>();
    expect((await search('q=钢板')).items.map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await search('q=q355b')).items.map((p) => p.id)).toEqual([b.id]);
    expect((await search('q=coil')).items.map((p) => p.id)).toEqual([c.id]);
    expect((await search('q=草稿')).items).toEqual([]);
    expect((await search(`categoryId=${cold}`)).items.map((p) => p.id)).toEqual([c.id]);
    expect((await search(`categoryId=${steelPlate}`)).items).toHaveLength(3);
    const first = await search('limit=2');
    expect(first.items.map((p) => p.id)).toEqual([c.id, b.id]);
    expect((await search(`limit=2&cursor=${first.nextCursor}`)).items.map((p) => p.id)).toEqual([a.id]);
    expect(hidden.id).toBeTruthy();

    // The read model rebuilds from the catalog after loss.
    await t.database.db.deleteFrom('storefront_products' as never).execute();
    expect((await search('')).items).toEqual([]);
    expect(await t.modules.storefront.storefront.rebuildProducts()).toBeGreaterThanOrEqual(4);
    expect((await search('')).items.map((p) => p.id)).toEqual([c.id, b.id, a.id]);
  });

  it('a power-merchant template is one more configuration entry: the same service, other limits', async () => {
    const powerMerchant: StorefrontTemplate = {
      ...STANDARD_TEMPLATE, code: 'power_merchant', nameZh: '实力商家旺铺', nameEn: 'Power merchant shop', maxSections: 20,
      sections: { ...STANDARD_TEMPLATE.sections, banner: { maxInstances: 3, limits: {} } },
    };
    const modules = t.modules;
    const service = new StorefrontService(t.platform, {
      companies: modules.accounts.companies, files: modules.files.files,
      catalog: { summaries: () => Promise.resolve([]), indexViews: () => Promise.resolve([]), publishedIdsAfter: () => Promise.resolve([]), tree: () => Promise.resolve([]) },
    }, { standard: STANDARD_TEMPLATE, power_merchant: powerMerchant });
    const { owner, id } = await supplier();
    await t.drain();
    const actor = await modules.accounts.auth.authenticate(owner.token, 'bearer');
    const ctx: RequestContext = { actor, locale: 'en-US', ip: '127.0.0.1', userAgent: null, requestId: 'test' };
    const body = await layout(id, owner);
    const banners = [{ type: 'banner' as const, visible: true, data: { imageFileId: null, headlineZh: '一', headlineEn: 'One' } }, { type: 'banner' as const, visible: true, data: { imageFileId: null, headlineZh: '二', headlineEn: 'Two' } }];

    await expect(service.update(ctx, id, { ...body, sections: banners })).rejects.toMatchObject({ code: 'SECTIONS_INVALID' });
    await expect(service.setTemplate(id, 'gold_booth')).rejects.toMatchObject({ code: 'TEMPLATE_UNKNOWN' });
    const moved = await service.setTemplate(id, 'power_merchant');
    expect(moved).toMatchObject({ template: 'power_merchant', rules: { code: 'power_merchant', maxSections: 20 } });
    const saved = await service.update(ctx, id, { ...body, sections: banners });
    expect(saved.sections.map((s) => s.type)).toEqual(['banner', 'banner']);

    // Back on the standard template the layout is trimmed to what it allows.
    const back = await service.setTemplate(id, 'standard');
    expect(back?.sections.map((s) => s.type)).toEqual(['banner']);
  });
});
