import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';
import { GRADES } from './ranking.js';

const ATTR_PARAM = /^attr\.([a-z][a-z0-9_]{0,63})(?:\.(min|max))?$/;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const provinceList = z.string().max(40 * 7)
  .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(z.string().regex(/^\d{6}$/)).max(40));
const grade = z.enum(GRADES);
const q = z.string().max(200).optional();

const productParams = {
  q,
  /** A category id, or its dotted code (steel.plate.hot_rolled). */
  category: z.union([z.uuid(), z.string().regex(/^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/).max(200)]).optional(),
  sort: z.enum(['relevance', 'price', 'newest', 'sales']).default('relevance'),
  quantity: z.coerce.number().positive().max(1e9).optional(),
  priceMin: z.coerce.number().int().min(0).optional(),
  priceMax: z.coerce.number().int().min(0).optional(),
  moqMax: z.coerce.number().positive().max(1e9).optional(),
  province: provinceList.optional(),
  minGrade: grade.optional(),
  trustpass: flag.optional(),
  verified: flag.optional(),
  shipsWithin: z.coerce.number().int().min(0).max(365).optional(),
  explain: flag.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
};

/**
 * The product search query: the fixed parameters plus attribute filters, `attr.<key>=v1,v2` (any of the values)
 * and `attr.<key>.min` / `attr.<key>.max` (numbers and ranges).
 */
export const productSearchQuery = z.looseObject(productParams).superRefine((v, ctx) => {
  for (const [key, value] of Object.entries(v)) {
    if (key in productParams) continue;
    const m = ATTR_PARAM.exec(key);
    if (!m) ctx.addIssue({ code: 'custom', path: [key], message: 'unknown parameter' });
    else if (typeof value !== 'string' || value.length > 400) ctx.addIssue({ code: 'custom', path: [key], message: 'expected one comma-separated value' });
    else if (m[2] && !Number.isFinite(Number(value))) ctx.addIssue({ code: 'custom', path: [key], message: 'expected a number' });
  }
}).transform((v) => {
  const attrs: Record<string, string[]> = {};
  const ranges: Record<string, { min?: number; max?: number }> = {};
  for (const [key, value] of Object.entries(v)) {
    const m = ATTR_PARAM.exec(key);
    if (!m || typeof value !== 'string') continue;
    if (m[2] === 'min' || m[2] === 'max') ranges[m[1]!] = { ...ranges[m[1]!], [m[2]]: Number(value) };
    else {
      const values = [...new Set(value.split(',').map((x) => x.trim()).filter(Boolean))].slice(0, 40);
      if (values.length) attrs[m[1]!] = values;
    }
  }
  return {
    q: v.q, category: v.category, sort: v.sort, quantity: v.quantity, priceMin: v.priceMin, priceMax: v.priceMax, moqMax: v.moqMax,
    province: v.province, minGrade: v.minGrade, trustpass: v.trustpass, verified: v.verified, shipsWithin: v.shipsWithin,
    explain: v.explain, cursor: v.cursor, limit: v.limit, attrs, ranges,
  };
});

const factor = z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]), factor: z.number() });

export const productHit = z.object({
  id: z.uuid(), categoryId: z.uuid(), titleZh: z.string(), titleEn: z.string().nullable(), coverUrl: z.string().nullable(),
  priceTiers: z.array(z.object({ minQuantity: z.number(), unitPrice: z.number().int() })),
  unitPrice: z.number().int(), quantity: z.number(), currency: z.literal('CNY'), moq: z.number(), unit: z.string(), leadTimeDays: z.number().int(),
  publishedAt: timestamp,
  /** Distinct buyer companies that paid for it in the last 90 days (cancelled and fully refunded orders excluded). */
  recentBuyers: z.number().int().nonnegative(),
  supplier: z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), companyType: z.enum(['manufacturer', 'trading_company', 'both']).nullable(), province: z.string(), grade: grade.nullable(), verified: z.boolean(), trustpassYears: z.number().int(), responseRate: z.number().nullable() }),
  explain: z.object({ score: z.number(), relevance: z.number(), supplierFactor: z.number(), productFactor: z.number(), factors: z.array(factor) }).optional(),
});

const attributeFacet = z.union([
  z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), type: z.enum(['enum', 'boolean']), values: z.array(z.object({ value: z.string(), labelZh: z.string(), labelEn: z.string(), count: z.number().int() })) }),
  z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), type: z.enum(['number', 'range']), unit: z.string().nullable(), min: z.number().nullable(), max: z.number().nullable(), count: z.number().int() }),
]);

export const productSearchResponse = z.object({
  items: z.array(productHit),
  facets: z.object({
    categories: z.array(z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() })),
    attributes: z.array(attributeFacet),
    provinces: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() })),
    grades: z.array(z.object({ grade, count: z.number().int() })),
    trustpass: z.number().int(),
    verified: z.number().int(),
  }),
  nextCursor: z.string().nullable(),
  /** Counted up to the ranked window (1,000); totalExact false means more match ("1,000+"), and the facets count that window. */
  total: z.number().int(),
  totalExact: z.boolean(),
});

export const supplierSearchQuery = z.strictObject({
  q,
  province: provinceList.optional(),
  minGrade: grade.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const supplierSearchResponse = z.object({
  items: z.array(z.object({
    id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), province: z.string(), city: z.string(), logoUrl: z.string().nullable(),
    mainProducts: z.array(z.string()), grade: grade.nullable(), verified: z.boolean(), trustpassYears: z.number().int(), productCount: z.number().int(),
    /** Share of inquiries and chat questions answered within 24 hours over 30 days (response-metrics); null: nothing measured. */
    responseRate: z.number().nullable(),
  })),
  nextCursor: z.string().nullable(),
});

export const suggestQuery = z.strictObject({
  q: z.string().max(60),
  category: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const suggestResponse = z.object({
  terms: z.array(z.object({ term: z.string(), count: z.number().int() })),
  suppliers: z.array(z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable() })),
});
