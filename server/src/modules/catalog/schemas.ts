import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';
import { ATTRIBUTE_TYPES, MAX_QUANTITY, MAX_SKUS, MAX_UNIT_PRICE, UNITS, hasAtMostThreeDecimals } from './rules.js';

// ---------------------------------------------------------------------------------------------------------
// Shared pieces

/** A quantity in trade units: positive, to thousandths (2.5 吨, 0.125 千克). */
export const quantity = z.number().positive().max(MAX_QUANTITY).refine(hasAtMostThreeDecimals, { message: 'at most three decimals' });
const stock = z.number().min(0).max(MAX_QUANTITY).refine(hasAtMostThreeDecimals, { message: 'at most three decimals' });
const fen = z.number().int().positive().max(MAX_UNIT_PRICE);

export const priceTier = z.strictObject({ minQuantity: quantity, unitPrice: fen });
export const attributeValue = z.union([z.string().max(500), z.number(), z.boolean(), z.tuple([z.number(), z.number()])]);
const attributeKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const optionValue = z.string().trim().min(1).max(60);
const optionalText = (max: number) => z.string().trim().max(max).nullable().transform((s) => (s ? s : null));

export const unit = z.enum(UNITS);
export const idParams = z.object({ id: z.uuid() });

// ---------------------------------------------------------------------------------------------------------
// Categories

export const attributeOption = z.strictObject({ value: optionValue, zh: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(80) });
export const attributeDefinitionInput = z.strictObject({
  key: attributeKey,
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
  type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(attributeOption).max(200).optional(),
  unit: z.string().trim().min(1).max(16).optional(),
  required: z.boolean().default(false),
  filterable: z.boolean().default(false),
  definesSku: z.boolean().default(false),
});
export const attributeDefinition = z.object({
  key: z.string(), nameZh: z.string(), nameEn: z.string(), type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(z.object({ value: z.string(), zh: z.string(), en: z.string() })).optional(),
  unit: z.string().optional(), required: z.boolean(), filterable: z.boolean(), definesSku: z.boolean(),
});

export interface CategoryNode {
  id: string;
  code: string;
  parentId: string | null;
  level: number;
  nameZh: string;
  nameEn: string;
  sort: number;
  children: CategoryNode[];
}
export const categoryNode: z.ZodType<CategoryNode> = z.lazy(() => z.object({
  id: z.uuid(), code: z.string(), parentId: z.uuid().nullable(), level: z.number().int(), nameZh: z.string(), nameEn: z.string(), sort: z.number().int(),
  children: z.array(categoryNode),
}));
export const categoryTree = z.object({ items: z.array(categoryNode) });
export const pathItem = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() });
export const categoryDetail = z.object({
  id: z.uuid(), code: z.string(), parentId: z.uuid().nullable(), level: z.number().int(), nameZh: z.string(), nameEn: z.string(), sort: z.number().int(),
  children: z.array(categoryNode),
  path: z.array(pathItem),
  attributes: z.array(attributeDefinition),
  ownAttributes: z.array(attributeDefinition),
});
/** A category by id, or by its dotted code (steel.plate.hot_rolled), which the web uses for the top levels. */
export const categoryParams = z.object({ id: z.string().min(1).max(200) });

export const createCategoryBody = z.strictObject({
  parentId: z.uuid().nullable(),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
  nameZh: z.string().trim().min(1).max(30),
  nameEn: z.string().trim().min(1).max(60),
  sort: z.number().int().min(0).max(100_000).default(0),
  attributes: z.array(attributeDefinitionInput).max(60).default([]),
});
export const updateCategoryBody = z.strictObject({
  nameZh: z.string().trim().min(1).max(30).optional(),
  nameEn: z.string().trim().min(1).max(60).optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
  attributes: z.array(attributeDefinitionInput).max(60).optional(),
});
export type CreateCategoryInput = z.infer<typeof createCategoryBody>;
export type UpdateCategoryInput = z.infer<typeof updateCategoryBody>;

// ---------------------------------------------------------------------------------------------------------
// Products

export const skuInput = z.strictObject({
  /** Keep an existing SKU's id (editing); SKUs with the same attributes keep theirs without it. */
  id: z.uuid().optional(),
  code: optionalText(64).optional(),
  attributes: z.record(attributeKey, optionValue).default({}),
  stock,
  /** Editing: the stock the editor showed. When `stock` equals it the SKU keeps its current stock, so units ordered meanwhile stay sold. */
  stockSeen: stock.optional(),
  /** Overrides the product's tiers for this SKU. */
  priceTiers: z.array(priceTier).min(1).max(10).nullable().optional(),
});

const productFields = {
  categoryId: z.uuid(),
  titleZh: z.string().trim().min(2).max(120),
  titleEn: optionalText(200),
  descriptionZh: z.string().trim().max(20_000),
  descriptionEn: optionalText(20_000),
  /** File ids of the company's product images (purpose product_image); the first is the cover. */
  imageIds: z.array(z.uuid()).max(10),
  attributes: z.record(attributeKey, attributeValue),
  /** The SKUs; omit for one SKU (or for the grid given in skuOptions). */
  skus: z.array(skuInput).min(1).max(MAX_SKUS),
  /** Generate every combination of these options of SKU-defining attributes, each with `stock`. */
  skuOptions: z.record(attributeKey, z.array(optionValue).min(1).max(50)),
  /** Stock of the generated SKUs (skuOptions, or the single SKU when neither skus nor skuOptions is given). */
  stock,
  priceTiers: z.array(priceTier).min(1).max(10),
  moq: quantity,
  unit,
  leadTimeDays: z.number().int().min(0).max(365),
  sample: z.strictObject({ unitPrice: fen, maxQuantity: quantity }).nullable(),
  origin: optionalText(100),
  /** GB/T 2260 province code; defaults to the company's province. */
  dispatchProvince: z.string().regex(/^\d{6}$/),
};

/** What creating a product takes: the API body, and what an importer builds from each row. */
export const productInput = z.strictObject({
  ...productFields,
  titleEn: productFields.titleEn.optional(),
  descriptionZh: productFields.descriptionZh.default(''),
  descriptionEn: productFields.descriptionEn.optional(),
  imageIds: productFields.imageIds.default([]),
  attributes: productFields.attributes.default({}),
  skus: productFields.skus.optional(),
  skuOptions: productFields.skuOptions.optional(),
  stock: productFields.stock.optional(),
  sample: productFields.sample.optional(),
  origin: productFields.origin.optional(),
  dispatchProvince: productFields.dispatchProvince.optional(),
});
export type ProductInput = z.infer<typeof productInput>;

/** An edit: any subset; `attributes`, `skus`, `imageIds` and `priceTiers` replace the whole list when given. */
export const productPatch = z.strictObject(productFields).partial();
export type ProductPatch = z.infer<typeof productPatch>;

export const productStatus = z.enum(['draft', 'published', 'delisted']);
const thumbnails = z.object({ 160: z.string(), 400: z.string(), 800: z.string() });
export const sku = z.object({
  id: z.uuid(), code: z.string().nullable(), attributes: z.record(z.string(), z.string()), stock: z.number(), priceTiers: z.array(priceTier).nullable(),
});
export const productView = z.object({
  id: z.uuid(), companyId: z.uuid(), categoryId: z.uuid(), categoryPath: z.array(pathItem), status: productStatus,
  takedown: z.object({ reason: z.string(), at: timestamp }).nullable(),
  titleZh: z.string(), titleEn: z.string().nullable(), descriptionZh: z.string(), descriptionEn: z.string().nullable(),
  images: z.array(z.object({ fileId: z.uuid(), url: z.string(), thumbnails })),
  attributes: z.record(z.string(), attributeValue),
  skus: z.array(sku),
  priceTiers: z.array(priceTier),
  moq: z.number(), unit, leadTimeDays: z.number().int(),
  sample: z.object({ unitPrice: z.number().int(), maxQuantity: z.number() }).nullable(),
  origin: z.string().nullable(), dispatchProvince: z.string(), currency: z.literal('CNY'),
  createdAt: timestamp, updatedAt: timestamp, publishedAt: timestamp.nullable(),
});
export type ProductViewOut = z.input<typeof productView>;

export const productListItem = z.object({
  id: z.uuid(), companyId: z.uuid(), categoryId: z.uuid(), status: productStatus,
  takedown: z.object({ reason: z.string(), at: timestamp }).nullable(),
  titleZh: z.string(), titleEn: z.string().nullable(), coverUrl: z.string().nullable(), thumbnails: thumbnails.nullable(),
  priceTiers: z.array(priceTier), moq: z.number(), unit, skuCount: z.number().int(), totalStock: z.number(),
  createdAt: timestamp, updatedAt: timestamp, publishedAt: timestamp.nullable(),
});
export const productPage = z.object({ items: z.array(productListItem), nextCursor: z.string().nullable() });
export const companyProductsQuery = z.strictObject({
  status: productStatus.optional(),
  q: z.string().trim().max(100).optional(),
  categoryId: z.uuid().optional(),
  ...pageQuery,
});
export const companyParams = z.object({ id: z.uuid() });

export const adminProductsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: productStatus.optional(),
  categoryId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  ...pageQuery,
});
export const adminProductPage = z.object({
  items: z.array(productListItem.extend({ companyName: z.string().nullable(), companyNameEn: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});
export const categoryProductCounts = z.object({ items: z.array(z.object({ categoryId: z.uuid(), total: z.number().int(), published: z.number().int() })) });

export const priceQuery = z.strictObject({
  sku: z.uuid().optional(),
  /** Defaults to the MOQ. */
  quantity: z.coerce.number().positive().max(MAX_QUANTITY).refine(hasAtMostThreeDecimals, { message: 'at most three decimals' }).optional(),
});
export const priceResponse = z.object({
  productId: z.uuid(), skuId: z.uuid(), quantity: z.number(), unit, unitPrice: z.number().int(), total: z.number().int(), currency: z.literal('CNY'),
  tier: z.object({ minQuantity: z.number(), maxQuantity: z.number().nullable() }),
});

export const takedownBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const bulkBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(100), action: z.enum(['publish', 'delist', 'delete']) });
export const bulkResponse = z.object({
  results: z.array(z.object({ id: z.uuid(), ok: z.boolean(), status: productStatus.nullable(), code: z.string().nullable(), detail: z.string().nullable() })),
});
