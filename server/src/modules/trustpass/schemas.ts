import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';
import { intentView } from '../payments/index.js';

export const idParams = z.object({ id: z.uuid() });
export const plan = z.object({
  id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), annualPrice: z.number().int(), currency: z.string(),
  publishLimit: z.number().int(), rfqQuoteQuota: z.number().int(), badge: z.string(), active: z.boolean(),
});
export const planList = z.object({ items: z.array(plan) });
const planFields = {
  code: z.string().regex(/^[a-z][a-z0-9_-]{1,30}$/),
  nameZh: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().min(1).max(80),
  annualPrice: z.number().int().positive().max(100_000_000),
  currency: z.literal('CNY').default('CNY'),
  publishLimit: z.number().int().min(0).max(1_000_000),
  rfqQuoteQuota: z.number().int().min(0).max(100_000),
  badge: z.string().trim().min(1).max(30),
  active: z.boolean().default(true),
};
export const createPlanBody = z.strictObject(planFields);
export const updatePlanBody = z.strictObject({
  code: planFields.code.optional(), nameZh: planFields.nameZh.optional(), nameEn: planFields.nameEn.optional(), annualPrice: planFields.annualPrice.optional(),
  publishLimit: planFields.publishLimit.optional(), rfqQuoteQuota: planFields.rfqQuoteQuota.optional(), badge: planFields.badge.optional(), active: z.boolean().optional(),
});
export const purchaseBody = z.strictObject({
  planId: z.uuid(),
  years: z.number().int().min(1).max(3).default(1),
  provider: z.enum(['sandbox', 'bank_transfer']).default('sandbox'),
});
export const purchaseResponse = z.object({
  purchase: z.object({ id: z.uuid(), planCode: z.string(), years: z.number().int(), amount: z.number().int(), currency: z.string(), status: z.enum(['pending', 'paid', 'failed']) }),
  paymentIntent: intentView,
});
export const statusResponse = z.object({
  status: z.enum(['none', 'active', 'grace', 'expired']),
  plan: plan.nullable(),
  memberSince: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
  graceUntil: timestamp.nullable(),
  trustpassYears: z.number().int(),
  limits: z.object({ publishLimit: z.number().int(), rfqQuoteQuota: z.number().int() }),
  purchases: z.array(z.object({
    id: z.uuid(), planCode: z.string(), years: z.number().int(), amount: z.number().int(), currency: z.string(), status: z.enum(['pending', 'paid', 'failed']),
    paymentIntentId: z.uuid(), createdAt: timestamp, paidAt: timestamp.nullable(),
  })),
});
