import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';
import { UNITS } from '../catalog/index.js';
import { QUOTE_STATUSES, RFQ_STATUSES } from './states.js';

export const GRADES = ['1A', '2A', '3A', '4A', '5A'] as const;
export const SHIPPING_TERMS = ['EXW', 'FCA', 'FOB', 'CFR', 'CIF', 'DAP', 'DDP', 'delivered'] as const;
/** Most money one figure may hold, in 分 (as the catalog's unit prices). */
const MAX_PRICE = 10_000_000_000;
const MAX_QUANTITY = 1_000_000_000;

const threeDecimals = (n: number) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6;
const quantity = z.number().positive().max(MAX_QUANTITY).refine(threeDecimals, { message: 'at most three decimals' });
const fen = z.number().int().positive().max(MAX_PRICE);
const province = z.string().regex(/^\d{6}$/);
const isoDate = z.iso.date();
const attributeKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const specValue = z.union([z.string().max(500), z.number(), z.boolean(), z.tuple([z.number(), z.number()]), z.array(z.string().max(100)).min(1).max(50)]);
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const idParams = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() });

const rfqFields = {
  title: z.string().trim().min(4).max(120),
  description: z.string().trim().max(4000),
  categoryId: z.uuid(),
  specification: z.record(attributeKey, specValue),
  quantity,
  unit: z.enum(UNITS),
  targetUnitPrice: fen.nullable(),
  deliveryProvince: province,
  deliveryDate: isoDate,
  quoteDeadline: z.iso.datetime({ offset: true }),
  attachmentFileIds: z.array(z.uuid()).max(10),
  supplierProvinces: z.array(province).max(10),
  minGrade: z.enum(GRADES).nullable(),
};

export const createRfqBody = z.strictObject({
  ...rfqFields,
  description: rfqFields.description.default(''),
  specification: rfqFields.specification.default({}),
  targetUnitPrice: rfqFields.targetUnitPrice.default(null),
  attachmentFileIds: rfqFields.attachmentFileIds.default([]),
  supplierProvinces: rfqFields.supplierProvinces.default([]),
  minGrade: rfqFields.minGrade.default(null),
  visibility: z.enum(['public', 'invited']).default('public'),
  invitedCompanyIds: z.array(z.uuid()).max(50).default([]),
});
export type CreateRfqInput = z.infer<typeof createRfqBody>;

/** What may change while the RFQ is open and nobody has quoted (not who may see it). */
export const updateRfqBody = z.strictObject({
  title: rfqFields.title.optional(),
  description: rfqFields.description.optional(),
  categoryId: rfqFields.categoryId.optional(),
  specification: rfqFields.specification.optional(),
  quantity: rfqFields.quantity.optional(),
  unit: rfqFields.unit.optional(),
  targetUnitPrice: rfqFields.targetUnitPrice.optional(),
  deliveryProvince: rfqFields.deliveryProvince.optional(),
  deliveryDate: rfqFields.deliveryDate.optional(),
  quoteDeadline: rfqFields.quoteDeadline.optional(),
  attachmentFileIds: rfqFields.attachmentFileIds.optional(),
  supplierProvinces: rfqFields.supplierProvinces.optional(),
  minGrade: rfqFields.minGrade.optional(),
});
export type UpdateRfqInput = z.infer<typeof updateRfqBody>;

export const listRfqsQuery = z.strictObject({
  scope: z.enum(['market', 'mine']).default('market'),
  status: z.enum(RFQ_STATUSES).optional(),
  categoryId: z.uuid().optional(),
  province: province.optional(),
  q: z.string().trim().max(100).optional(),
  matching: boolQuery.optional(),
  closingSoon: boolQuery.optional(),
  ...pageQuery,
});
export type ListRfqsQuery = z.infer<typeof listRfqsQuery>;

const tier = z.strictObject({ minQuantity: quantity, unitPrice: fen });
const quoteFields = {
  unitPrice: fen,
  priceTiers: z.array(tier).max(10),
  leadTimeDays: z.number().int().min(0).max(365),
  validUntil: isoDate,
  shippingTerms: z.enum(SHIPPING_TERMS),
  sample: z.strictObject({ unitPrice: z.number().int().min(0).max(MAX_PRICE), maxQuantity: quantity }).nullable(),
  notes: z.string().trim().max(2000),
  attachmentFileIds: z.array(z.uuid()).max(10),
};
export const submitQuoteBody = z.strictObject({
  ...quoteFields,
  priceTiers: quoteFields.priceTiers.default([]),
  sample: quoteFields.sample.default(null),
  notes: quoteFields.notes.default(''),
  attachmentFileIds: quoteFields.attachmentFileIds.default([]),
});
export type SubmitQuoteInput = z.infer<typeof submitQuoteBody>;
export const reviseQuoteBody = z.strictObject({
  unitPrice: quoteFields.unitPrice.optional(),
  priceTiers: quoteFields.priceTiers.optional(),
  leadTimeDays: quoteFields.leadTimeDays.optional(),
  validUntil: quoteFields.validUntil.optional(),
  shippingTerms: quoteFields.shippingTerms.optional(),
  sample: quoteFields.sample.optional(),
  notes: quoteFields.notes.optional(),
  attachmentFileIds: quoteFields.attachmentFileIds.optional(),
});
export type ReviseQuoteInput = z.infer<typeof reviseQuoteBody>;

export const declineBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const shortlistBody = z.strictObject({ shortlisted: z.boolean().default(true) });
export const messageBody = z.strictObject({ body: z.string().trim().min(1).max(2000) });
export const messagesQuery = z.strictObject({ after: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).default(100) });
export const listQuotesQuery = z.strictObject({ status: z.enum(QUOTE_STATUSES).optional(), ...pageQuery });

// ---- responses

const grade = z.enum(GRADES);
const category = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), pathIds: z.array(z.uuid()) });
const attachment = z.object({ fileId: z.uuid(), url: z.string() });
const specLine = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), valueZh: z.string(), valueEn: z.string() });
const buyer = z.object({ province: z.string(), grade: grade.nullable(), verified: z.boolean(), companyId: z.uuid().nullable(), name: z.string().nullable(), nameEn: z.string().nullable() });
const myQuote = z.object({ id: z.uuid(), status: z.enum(QUOTE_STATUSES), revision: z.number().int() }).nullable();

export const rfqListItem = z.object({
  id: z.uuid(),
  status: z.enum(RFQ_STATUSES),
  title: z.string(),
  category,
  quantity: z.number(),
  unit: z.string(),
  targetUnitPrice: z.number().int().nullable(),
  currency: z.string(),
  deliveryProvince: z.string(),
  deliveryDate: z.string(),
  quoteDeadline: timestamp,
  visibility: z.enum(['public', 'invited']),
  minGrade: grade.nullable(),
  quoteCount: z.number().int(),
  unreadQuotes: z.number().int().nullable(),
  buyer,
  matchesMe: z.boolean().nullable(),
  myQuote,
  publishedAt: timestamp,
  closedAt: timestamp.nullable(),
});
export const rfqPage = pageSchema(rfqListItem);

export const rfqView = rfqListItem.extend({
  description: z.string(),
  specification: z.record(z.string(), specValue),
  specLines: z.array(specLine),
  attachments: z.array(attachment),
  supplierProvinces: z.array(z.string()),
  invitedCompanyIds: z.array(z.uuid()),
  matchedCount: z.number().int().nullable(),
  awardedQuoteId: z.uuid().nullable(),
  decisionEnds: timestamp,
  viewer: z.object({
    isBuyer: z.boolean(),
    canManage: z.boolean(),
    /** Whether the active company may quote now, else the stable code of the reason. */
    canQuote: z.boolean(),
    quoteBlockedBy: z.string().nullable(),
  }),
});

const terms = {
  unitPrice: z.number().int(),
  priceTiers: z.array(z.object({ minQuantity: z.number(), unitPrice: z.number().int() })),
  currency: z.string(),
  leadTimeDays: z.number().int(),
  validUntil: z.string(),
  shippingTerms: z.string(),
  sample: z.object({ unitPrice: z.number().int(), maxQuantity: z.number() }).nullable(),
  notes: z.string(),
};
export const quoteView = z.object({
  id: z.uuid(),
  rfqId: z.uuid(),
  status: z.enum(QUOTE_STATUSES),
  shortlisted: z.boolean(),
  revision: z.number().int(),
  ...terms,
  attachments: z.array(attachment),
  declineReason: z.string().nullable(),
  atQuantity: z.object({ quantity: z.number(), unit: z.string(), unitPrice: z.number().int(), total: z.number().int() }),
  supplier: z.object({
    id: z.uuid(), name: z.string(), nameEn: z.string().nullable(), province: z.string(), grade: grade.nullable(), verified: z.boolean(),
    trustpassActive: z.boolean(), trustpassYears: z.number().int(), responseRate: z.number().nullable(),
  }),
  rfq: z.object({ id: z.uuid(), title: z.string(), status: z.enum(RFQ_STATUSES), quoteDeadline: timestamp, quantity: z.number(), unit: z.string() }),
  unread: z.boolean(),
  messageCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  decidedAt: timestamp.nullable(),
});
export const quoteDetail = quoteView.extend({
  revisions: z.array(z.object({ revision: z.number().int(), createdAt: timestamp, ...terms, attachmentFileIds: z.array(z.uuid()) })),
});
export const quotesOnRfq = z.object({
  items: z.array(quoteView),
  /** Among live quotes: the lowest total at the RFQ quantity and the shortest lead time. */
  best: z.object({ priceQuoteId: z.uuid().nullable(), leadTimeQuoteId: z.uuid().nullable() }),
  viewer: z.enum(['buyer', 'supplier']),
});
export const quotePage = pageSchema(quoteView);

export const threadMessage = z.object({ id: z.uuid(), quoteId: z.uuid(), side: z.enum(['buyer', 'supplier']), authorUserId: z.uuid(), mine: z.boolean(), body: z.string(), createdAt: timestamp });
export const thread = z.object({ items: z.array(threadMessage), hasMore: z.boolean() });

export const quota = z.object({ limit: z.number().int(), used: z.number().int(), left: z.number().int(), month: z.string(), resetsOn: z.string() });
export const counts = z.object({
  myOpenRfqs: z.number().int(),
  quotesUnread: z.number().int(),
  matchingRfqs: z.number().int(),
  myLiveQuotes: z.number().int(),
  quota: quota.nullable(),
});

export const matchList = z.object({ items: z.array(z.object({ companyId: z.uuid(), name: z.string(), reason: z.enum(['matched', 'invited']), rank: z.number().int() })) });
