import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';

/** A quantity in trade units: positive, to thousandths (2.5 吨). */
const quantity = z.number().positive().max(1_000_000_000).refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, { message: 'at most three decimals' });

export const idParams = z.object({ id: z.uuid() });
export const companyQuery = z.strictObject({ companyId: z.uuid() });

export const addBody = z.strictObject({ companyId: z.uuid().describe('the buying company'), skuId: z.uuid(), quantity });
export const patchBody = z.strictObject({ quantity: quantity.optional(), selected: z.boolean().optional() })
  .refine((b) => b.quantity !== undefined || b.selected !== undefined, { message: 'quantity or selected' });
export const selectBody = z.strictObject({ companyId: z.uuid(), selected: z.boolean(), supplierCompanyId: z.uuid().optional().describe("only this supplier's lines") });
export const removeBody = z.strictObject({ companyId: z.uuid(), itemIds: z.array(z.uuid()).min(1).max(200) });

const money = z.number().int().nullable().describe('分 (CNY minor units)');

export const itemView = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  skuId: z.uuid(),
  title: z.string().describe("in the reader's language"),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  skuLabel: z.string(),
  skuLabelEn: z.string(),
  skuCode: z.string().nullable(),
  image: z.string().nullable().describe('160 px thumbnail URL'),
  unit: z.string(),
  quantity: z.number(),
  productQuantity: z.number().describe("the product's total in the list that picks the tier and meets the MOQ"),
  moq: z.number().nullable(),
  stock: z.number().nullable(),
  unitPrice: money.describe('tier price at productQuantity; null when unavailable'),
  lineTotal: money,
  addedPrice: money.describe('unit price when added'),
  priceChanged: z.boolean(),
  selected: z.boolean(),
  leadTimeDays: z.number().int().nullable(),
  problems: z.array(z.enum(['below_moq', 'above_stock', 'unavailable'])),
  addedAt: timestamp,
});

export const listView = z.object({
  companyId: z.uuid(),
  groups: z.array(z.object({
    supplier: z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), grade: z.string().nullable(), verified: z.boolean() }),
    items: z.array(itemView),
    subtotal: z.number().int().describe('selected lines without problems, 分'),
    selectedCount: z.number().int(),
    orderable: z.boolean().describe('some lines selected and none of them has a problem'),
  })),
  total: z.number().int(),
  count: z.number().int(),
  selectedCount: z.number().int(),
  currency: z.literal('CNY'),
  maxItems: z.number().int(),
});

export const addedView = z.object({
  created: z.boolean(),
  item: z.object({ id: z.uuid(), productId: z.uuid(), skuId: z.uuid(), quantity: z.number(), selected: z.boolean() }),
  count: z.number().int().describe('lines now on the list'),
});
export const countView = z.object({ count: z.number().int() });
