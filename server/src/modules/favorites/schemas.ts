import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';

export const idParams = z.object({ id: z.uuid() });

const folderName = z.string().trim().min(1).max(40);
export const folderBody = z.strictObject({ name: folderName });
export const deleteFolderQuery = z.strictObject({
  /** move (default): the folder's bookmarks go to the default folder; delete: they are removed with it. */
  items: z.enum(['move', 'delete']).default('move'),
});

export const folderView = z.object({
  id: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  counts: z.object({ product: z.number().int(), supplier: z.number().int() }),
  createdAt: timestamp,
});
export const folderList = z.object({ items: z.array(folderView) });
export const folderDeleted = z.object({ moved: z.number().int(), deleted: z.number().int() });

const note = z.string().trim().max(500);
const tags = z.array(z.string().trim().min(1).max(20)).max(20);
const alerts = z.strictObject({ priceDrop: z.boolean().optional(), backInStock: z.boolean().optional() });

export const saveBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('product'), productId: z.uuid(), folderId: z.uuid().optional(), note: note.optional(), tags: tags.optional(), alerts: alerts.optional() }),
  z.strictObject({ type: z.literal('supplier'), companyId: z.uuid(), folderId: z.uuid().optional(), note: note.optional(), tags: tags.optional(), alerts: alerts.optional() }),
]);

export const patchBody = z.strictObject({ folderId: z.uuid().optional(), note: note.optional(), tags: tags.optional(), alerts: alerts.optional() });

export const listQuery = z.strictObject({
  type: z.enum(['product', 'supplier']).optional(),
  folder: z.uuid().optional(),
  tag: z.string().trim().max(20).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

const money = z.number().int().nullable().describe('unit price in 分 (CNY minor units)');

export const favoriteView = z.object({
  id: z.uuid(),
  type: z.enum(['product', 'supplier']),
  folderId: z.uuid(),
  note: z.string(),
  tags: z.array(z.string()),
  alerts: z.object({ priceDrop: z.boolean(), backInStock: z.boolean() }),
  savedAt: timestamp,
  updatedAt: timestamp,
  product: z.object({
    productId: z.uuid(),
    companyId: z.uuid(),
    titleZh: z.string(),
    titleEn: z.string().nullable(),
    coverUrl: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    unit: z.string().nullable(),
    availability: z.enum(['available', 'unavailable', 'gone']).describe('unavailable: delisted or taken down; gone: deleted'),
    then: z.object({ unitPrice: money, quantity: z.number().nullable().describe('the MOQ when saved'), stock: z.number().nullable() }).describe('snapshot when saved'),
    now: z.object({ unitPrice: money, quantity: z.number().nullable(), moq: z.number().nullable(), stock: z.number().nullable() }).describe('current facts (nulls when not available)'),
    change: z.object({
      price: z.number().int().nullable().describe('now − then, 分'),
      priceDirection: z.enum(['down', 'up', 'same']).nullable(),
      stock: z.number().nullable().describe('now − then'),
      backInStock: z.boolean(),
    }),
  }).nullable(),
  supplier: z.object({
    companyId: z.uuid(),
    then: z.object({ name: z.string(), nameEn: z.string().nullable() }),
    now: z.object({ legalName: z.string(), nameEn: z.string().nullable(), logoUrl: z.string().nullable(), province: z.string(), city: z.string(), mainProducts: z.array(z.string()) }).nullable(),
    availability: z.enum(['available', 'gone']),
  }).nullable(),
});
export const favoritePage = pageSchema(favoriteView);

const idList = z.string().max(3800).optional().transform((s, ctx) => {
  const ids = (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  if (ids.length > 100) ctx.addIssue({ code: 'custom', message: 'at most 100 ids' });
  if (ids.some((id) => !z.uuid().safeParse(id).success)) ctx.addIssue({ code: 'custom', message: 'comma-separated uuids' });
  return [...new Set(ids)];
});
export const statusQuery = z.strictObject({ productIds: idList, companyIds: idList });
const savedState = { favoriteId: z.uuid(), folderId: z.uuid(), alerts: z.object({ priceDrop: z.boolean(), backInStock: z.boolean() }) };
export const statusView = z.object({
  products: z.array(z.object({ productId: z.uuid(), ...savedState })),
  suppliers: z.array(z.object({ companyId: z.uuid(), ...savedState })),
});

export const tagList = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) });

export const companyParams = z.object({ id: z.uuid() });
export const statsView = z.object({
  companyId: z.uuid(),
  supplierFavorites: z.number().int().describe('buyers who saved the supplier'),
  productFavorites: z.number().int().describe('saves of its products, all products together'),
  topProducts: z.array(z.object({ productId: z.uuid(), title: z.string(), titleZh: z.string(), titleEn: z.string().nullable(), count: z.number().int() })),
});
