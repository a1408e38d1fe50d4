import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';
import { SECTION_TYPES, sectionData, sectionInput } from './sections.js';

export const companyParams = z.object({ id: z.uuid() });
/** A slug, or a company id (links from company cards); the slug's own rules are checked where it is set. */
export const shopParams = z.object({ slug: z.string().min(1).max(64) });

export const updateBody = z.strictObject({
  // Format rules live in the service (slug.ts) so the owner hears which rule failed, in their language.
  slug: z.string().trim().max(64),
  themeColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/).default('#F25C05'),
  sections: z.array(sectionInput).max(50),
});
export type UpdateBody = z.output<typeof updateBody>;

export const editorView = z.object({
  companyId: z.uuid(),
  slug: z.string(),
  url: z.string(),
  template: z.string(),
  themeColor: z.string(),
  rules: z.object({
    code: z.string(), nameZh: z.string(), nameEn: z.string(), maxSections: z.number().int(),
    sections: z.array(z.object({ type: z.enum(SECTION_TYPES), maxInstances: z.number().int(), limits: z.record(z.string(), z.number()) })),
  }),
  sections: z.array(sectionInput),
  updatedAt: timestamp,
});

export const productSummary = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  coverUrl: z.string().nullable(),
  thumbnails: z.record(z.string(), z.string()).nullable(),
  priceTiers: z.array(z.object({ minQuantity: z.number(), unitPrice: z.number().int() })),
  moq: z.number(),
  unit: z.string(),
  /** Distinct buyer companies that paid for it in the last 90 days (service metrics). */
  recentBuyers: z.number().int().nonnegative(),
  status: z.enum(['draft', 'published', 'delisted']),
});

const shopCategory = z.object({ categoryId: z.uuid(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() });

const publicSection = z.discriminatedUnion('type', [
  z.object({ id: z.uuid(), type: z.literal('banner'), data: z.object({ imageUrl: z.string().nullable(), headlineZh: z.string(), headlineEn: z.string() }) }),
  z.object({ id: z.uuid(), type: z.literal('featured_products'), data: z.object({ products: z.array(productSummary), auto: z.boolean() }) }),
  z.object({ id: z.uuid(), type: z.literal('shop_categories'), data: z.object({ categories: z.array(shopCategory) }) }),
  z.object({ id: z.uuid(), type: z.literal('company_profile'), data: z.object({ textZh: z.string(), textEn: z.string(), photos: z.array(z.object({ fileId: z.uuid(), url: z.string(), thumbnails: z.record(z.string(), z.string()) })) }) }),
  z.object({
    id: z.uuid(), type: z.literal('certificates'),
    data: z.object({ items: z.array(z.object({ name: z.string(), issuer: z.string(), validUntil: z.string().nullable(), imageUrl: z.string().nullable(), thumbnailUrl: z.string().nullable(), expired: z.boolean() })) }),
  }),
  z.object({ id: z.uuid(), type: z.literal('contact_card'), data: sectionData.contact_card }),
]);

export const publicShop = z.object({
  slug: z.string(),
  template: z.string(),
  themeColor: z.string(),
  company: z.object({
    id: z.uuid(), legalName: z.string(), nameEn: z.string().nullable(), companyType: z.string(), logoUrl: z.string().nullable(),
    province: z.string(), city: z.string(), mainProducts: z.array(z.string()), description: z.string(),
  }),
  sections: z.array(publicSection),
  shopCategories: z.array(shopCategory),
  productCount: z.number().int(),
});

export const shopProductsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  categoryId: z.uuid().optional(),
  ...pageQuery,
});
export const shopProductsPage = pageSchema(productSummary);
