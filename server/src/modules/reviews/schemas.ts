import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';
import { REPLY_MAX, TEXT_MAX } from './service.js';

export const idParams = z.object({ id: z.uuid() });

const score = z.number().int().min(1).max(5);

export const createBody = z.strictObject({
  orderId: z.uuid(),
  quality: score.describe('product quality, 1–5'),
  shipping: score.describe('shipping speed, 1–5'),
  service: score.describe('service, 1–5'),
  text: z.string().trim().max(TEXT_MAX).default('').describe(`what the buyer has to say, up to ${TEXT_MAX} characters (may be empty)`),
});

export const replyBody = z.strictObject({
  text: z.string().trim().min(1).max(REPLY_MAX).describe(`the supplier's reply, 1–${REPLY_MAX} characters`),
});

export const listQuery = z.strictObject({
  productId: z.uuid().optional().describe("a product's reviews (the orders that contained it)"),
  companyId: z.uuid().optional().describe("a supplier's reviews"),
  buyerCompanyId: z.uuid().optional().describe('the reviews a buyer company wrote (its members only)'),
  ...pageQuery,
});

export const reviewView = z.object({
  id: z.uuid(),
  orderId: z.uuid().nullable().describe("only for members of the order's companies and operators"),
  supplierCompanyId: z.uuid(),
  buyer: z.object({
    province: z.string().describe('GB/T 2260 province code'),
    companyType: z.string(),
    label: z.string().describe('the masked buyer in the reader\'s language, e.g. "浙江 · 采购商"; the company is never named'),
  }),
  products: z.array(z.object({ productId: z.uuid(), titleZh: z.string(), titleEn: z.string().nullable() })),
  scores: z.object({ quality: z.number().int(), shipping: z.number().int(), service: z.number().int() }),
  overall: z.number().describe('mean of the three scores, one decimal'),
  text: z.string(),
  reply: z.object({ text: z.string(), at: timestamp }).nullable(),
  createdAt: timestamp,
  canReply: z.boolean().describe('the viewer may reply now (supplier member with company.orders.fulfil, no reply yet)'),
});
export const reviewPage = pageSchema(reviewView);

export const orderReviewState = z.object({
  orderId: z.uuid(),
  review: reviewView.nullable(),
  canReview: z.boolean(),
  blockedBy: z.enum(['REVIEW_NOT_ALLOWED_YET', 'REVIEW_ALREADY_EXISTS', 'FORBIDDEN']).nullable(),
});

const avg = z.number().nullable().describe('1–5, two decimals; null without reviews');
export const summaryView = z.object({
  count: z.number().int(),
  averages: z.object({ quality: avg, shipping: avg, service: avg, overall: avg }),
  replied: z.number().int(),
  stars: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }).describe('reviews by rounded overall score'),
});
