import { z } from 'zod';
import { UNITS } from '../catalog/index.js';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';

/** The catalog's bounds (catalog/rules.ts): prices and quantities whose product stays a safe integer. */
const MAX_QUANTITY = 1_000_000_000;
const MAX_UNIT_PRICE = 10_000_000_000;
const hasAtMostThreeDecimals = (n: number) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6;

/** A quantity in trade units: positive, to thousandths (2.5 吨). */
const quantity = z.number().positive().max(MAX_QUANTITY).refine(hasAtMostThreeDecimals, { message: 'at most three decimals' });
/** Money in 分 (integer minor units). */
const fen = z.number().int().positive().max(MAX_UNIT_PRICE);
const isoDate = z.iso.date();
const unit = z.enum(UNITS);
const attachmentIds = z.array(z.uuid()).max(10).default([]);

export const SHIPPING_TERMS = ['delivered', 'ex_works', 'freight_extra'] as const;
export const INQUIRY_STATUSES = ['new', 'replied', 'quoted', 'closed'] as const;

export const idParams = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const lineInput = z.strictObject({
  productId: z.uuid(),
  skuId: z.uuid().optional(),
  quantity: quantity.optional(),
  unit: unit.optional(),
});

export const createBody = z.strictObject({
  /** The supplier; may be left out when product lines name it. */
  supplierCompanyId: z.uuid().optional(),
  lines: z.array(lineInput).max(20).default([]),
  quantity: quantity.optional(),
  unit: unit.optional(),
  /** Target unit price in 分. */
  targetUnitPrice: fen.optional(),
  deliveryProvince: z.string().regex(/^\d{6}$/).optional(),
  desiredDate: isoDate.optional(),
  message: z.string().trim().min(1).max(4000),
  attachmentIds,
});
export type CreateInput = z.infer<typeof createBody>;

export const quoteInput = z.strictObject({
  unitPrice: fen,
  priceTiers: z.array(z.strictObject({ minQuantity: quantity, unitPrice: fen })).max(6).optional(),
  quantity,
  unit,
  leadTimeDays: z.number().int().min(0).max(365),
  validUntil: isoDate,
  shippingTerms: z.enum(SHIPPING_TERMS),
  note: z.string().trim().max(1000).default(''),
});
export type QuoteInput = z.infer<typeof quoteInput>;

export const replyBody = z.strictObject({
  body: z.string().trim().max(4000).default(''),
  attachmentIds,
  quote: quoteInput.optional(),
});
export type ReplyInput = z.infer<typeof replyBody>;

export const assignBody = z.strictObject({ userId: z.uuid().nullable() });
export const closeBody = z.strictObject({ reason: z.string().trim().max(500).optional() }).default({});

export const listQuery = z.strictObject({
  box: z.enum(['sent', 'received']),
  status: z.enum(INQUIRY_STATUSES).optional(),
  assignee: z.enum(['me', 'unassigned', 'any']).default('any'),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});
export type ListQuery = z.infer<typeof listQuery>;

/** name: the legal (Chinese) name; nameEn: the English name en-US shows instead, null when the company has none. */
const companyRef = z.object({ id: z.uuid(), name: z.string(), nameEn: z.string().nullable() });
const userRef = z.object({ id: z.uuid(), name: z.string() });
const attachment = z.object({ id: z.uuid(), url: z.string(), contentType: z.string(), byteSize: z.number() });

export const lineView = z.object({
  productId: z.uuid(), skuId: z.uuid().nullable(), skuCode: z.string().nullable(), skuAttributes: z.record(z.string(), z.string()),
  quantity: z.number().nullable(), unit: z.string(), titleZh: z.string(), titleEn: z.string().nullable(), coverUrl: z.string().nullable(),
});

const statusCounts = z.object({ all: z.number().int(), new: z.number().int(), replied: z.number().int(), quoted: z.number().int(), closed: z.number().int() });

export const listItem = z.object({
  id: z.uuid(),
  status: z.enum(INQUIRY_STATUSES),
  supplier: companyRef,
  buyer: companyRef,
  buyerUser: userRef,
  assignee: userRef.nullable(),
  lines: z.array(lineView),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  targetUnitPrice: z.number().int().nullable(),
  messagePreview: z.string(),
  lastSide: z.enum(['buyer', 'supplier']),
  replyCount: z.number().int(),
  quoteCount: z.number().int(),
  createdAt: timestamp,
  lastActivityAt: timestamp,
});
export const listPage = pageSchema(listItem);

export const quoteView = quoteInput.extend({ note: z.string() });

export const replyView = z.object({
  id: z.uuid(),
  side: z.enum(['buyer', 'supplier']),
  kind: z.enum(['reply', 'quote']),
  author: userRef,
  body: z.string(),
  attachments: z.array(attachment),
  quote: quoteView.nullable(),
  createdAt: timestamp,
});

export const inquiryView = listItem.extend({
  currency: z.literal('CNY'),
  deliveryProvince: z.string().nullable(),
  desiredDate: z.string().nullable(),
  message: z.string(),
  attachments: z.array(attachment),
  firstResponseAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  closedBySide: z.enum(['buyer', 'supplier']).nullable(),
  closeReason: z.string().nullable(),
  /** Which side the caller is on, and what they may do now. */
  viewerSide: z.enum(['buyer', 'supplier']),
  can: z.object({ reply: z.boolean(), quote: z.boolean(), assign: z.boolean(), close: z.boolean(), reopen: z.boolean() }),
  /** Supplier side only: members who may be assigned (owner, admin, sales). */
  assignees: z.array(userRef.extend({ role: z.string() })),
  replies: z.array(replyView),
});

export const repliesView = z.object({ items: z.array(replyView) });

export const countsView = z.object({
  receivedNew: z.number().int(),
  receivedUnassigned: z.number().int(),
  receivedMine: z.number().int(),
  sentAwaitingReply: z.number().int(),
  received: statusCounts,
  sent: statusCounts,
});
