import { describe, expect, it } from 'vitest';
import { sectionInput, type Section } from './sections.js';
import { fitToTemplate } from './service.js';
import { checkTemplate, defaultData, STANDARD_TEMPLATE, templateOf, type StorefrontTemplate } from './templates.js';

const uuid = (n: number) => `0190a8f2-3c4d-7e5f-8a9b-${n.toString(16).padStart(12, '0')}`;
const section = (type: Section['type'], data: Record<string, unknown> = {}, n = 1): Section =>
  ({ id: uuid(1000 + n), type, visible: true, data: { ...defaultData(type), ...data } }) as Section;

/** What the power-merchant program will add: one more configuration entry, no new code. */
const POWER_MERCHANT: StorefrontTemplate = {
  code: 'power_merchant',
  nameZh: '实力商家旺铺',
  nameEn: 'Power merchant shop',
  maxSections: 20,
  sections: {
    ...STANDARD_TEMPLATE.sections,
    banner: { maxInstances: 3, limits: {} },
    featured_products: { maxInstances: 4, limits: { maxProducts: 24 } },
    certificates: { maxInstances: 1, limits: { maxItems: 30 } },
  },
  layout: [{ type: 'banner', visible: true }, { type: 'banner', visible: true }, ...STANDARD_TEMPLATE.layout.slice(1)],
};

describe('storefront templates', () => {
  it('the standard template allows 12 featured products and one banner', () => {
    const ids = Array.from({ length: 13 }, (_, i) => uuid(i));
    expect(checkTemplate(STANDARD_TEMPLATE, [section('featured_products', { productIds: ids.slice(0, 12) })])).toEqual([]);
    expect(checkTemplate(STANDARD_TEMPLATE, [section('featured_products', { productIds: ids })])).toEqual([
      { path: 'body.sections.0.data.productIds', code: 'SECTION_LIMIT_EXCEEDED', params: { max: 12 } },
    ]);
    expect(checkTemplate(STANDARD_TEMPLATE, [section('banner'), section('contact_card'), section('banner', {}, 2)])).toEqual([
      { path: 'body.sections.2.type', code: 'TOO_MANY_OF_TYPE', params: { type: 'banner', max: 1 } },
    ]);
  });

  it('a second template is a configuration entry with its own limits', () => {
    const ids = Array.from({ length: 20 }, (_, i) => uuid(i));
    const layout = [section('banner'), section('banner', {}, 2), section('featured_products', { productIds: ids })];
    expect(checkTemplate(STANDARD_TEMPLATE, layout).map((v) => v.code)).toEqual(['TOO_MANY_OF_TYPE', 'SECTION_LIMIT_EXCEEDED']);
    expect(checkTemplate(POWER_MERCHANT, layout)).toEqual([]);
    expect(templateOf({ standard: STANDARD_TEMPLATE, power_merchant: POWER_MERCHANT }, 'power_merchant')).toBe(POWER_MERCHANT);
    // A code no longer in configuration falls back to the default template rather than breaking the shop.
    expect(templateOf({ standard: STANDARD_TEMPLATE }, 'power_merchant')).toBe(STANDARD_TEMPLATE);
  });

  it('refuses section types a template does not offer, and too many sections', () => {
    const tiny: StorefrontTemplate = { code: 'tiny', nameZh: '精简', nameEn: 'Tiny', maxSections: 1, sections: { banner: { maxInstances: 1, limits: {} } }, layout: [] };
    expect(checkTemplate(tiny, [section('banner'), section('contact_card')])).toEqual([
      { path: 'body.sections', code: 'TOO_MANY_SECTIONS', params: { max: 1 } },
      { path: 'body.sections.1.type', code: 'SECTION_TYPE_NOT_ALLOWED', params: { type: 'contact_card' } },
    ]);
  });

  it('trims a layout to a smaller template when a shop leaves a program', () => {
    const ids = Array.from({ length: 20 }, (_, i) => uuid(i));
    const rich = [section('banner'), section('banner', {}, 2), section('featured_products', { productIds: ids })];
    const fitted = fitToTemplate(rich, STANDARD_TEMPLATE);
    expect(fitted.map((s) => s.type)).toEqual(['banner', 'featured_products']);
    expect(fitted[1]!.type === 'featured_products' && fitted[1]!.data.productIds).toHaveLength(12);
  });

  it('validates each section type with its own schema', () => {
    const ok = (v: unknown) => sectionInput.safeParse(v).success;
    expect(ok({ type: 'banner', visible: true, data: { imageFileId: null, headlineZh: '华东钢材现货', headlineEn: 'Spot steel' } })).toBe(true);
    expect(ok({ type: 'banner', visible: true, data: { headlineZh: 'x'.repeat(41) } })).toBe(false);
    expect(ok({ type: 'banner', visible: true, data: { imageFileId: 'not-a-uuid' } })).toBe(false);
    expect(ok({ type: 'featured_products', visible: true, data: { productIds: ['nope'] } })).toBe(false);
    expect(ok({ type: 'certificates', visible: true, data: { items: [{ name: 'ISO 9001', issuer: 'CQC', validUntil: '2027-06-30', imageFileId: null }] } })).toBe(true);
    expect(ok({ type: 'certificates', visible: true, data: { items: [{ name: '', issuer: 'CQC' }] } })).toBe(false);
    expect(ok({ type: 'certificates', visible: true, data: { items: [{ name: 'ISO', validUntil: '30/06/2027' }] } })).toBe(false);
    expect(ok({ type: 'contact_card', visible: true, data: { contactName: '陈立', phone: '+86 510-8888 1234', email: 'chen@example.cn', address: '无锡市' } })).toBe(true);
    expect(ok({ type: 'contact_card', visible: true, data: { phone: 'call me' } })).toBe(false);
    expect(ok({ type: 'contact_card', visible: true, data: { email: 'not-an-email' } })).toBe(false);
    expect(ok({ type: 'company_profile', visible: true, data: { textZh: '简介', extra: 1 } })).toBe(false);
    expect(ok({ type: 'video', visible: true, data: {} })).toBe(false);
  });
});
