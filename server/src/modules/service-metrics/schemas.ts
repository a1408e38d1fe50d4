import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';

export const companyParams = z.object({ id: z.uuid() });

const rate = z.number().min(0).max(1).nullable();
const score = z.number().min(1).max(5).nullable();
const tally = z.object({ measured: z.number().int(), onTime: z.number().int(), pending: z.number().int() });

export const metricsView = z.object({
  companyId: z.uuid(),
  windowDays: z.literal(90),
  computedAt: timestamp,
  onTimeRate: rate,
  shipments: tally,
  paidOrders: z.number().int(),
  disputeRate: rate,
  disputedOrders: z.number().int(),
  disputeLostRate: rate,
  disputeLostOrders: z.number().int(),
  refundRate: rate,
  refundedOrders: z.number().int(),
  repeatBuyerRate: rate,
  buyers: z.number().int(),
  repeatBuyers: z.number().int(),
  reviews: z.object({ count: z.number().int(), quality: score, shipping: score, service: score, average: score }),
  disputesLost: z.number().int(),
  paymentPunctuality: rate,
  bills: tally,
});

export const manyQuery = z.strictObject({
  companyIds: z.string().max(50 * 37).transform((s) => [...new Set(s.split(',').filter(Boolean))]).pipe(z.array(z.uuid()).min(1).max(50)),
});

export const manyResponse = z.object({
  items: z.array(z.object({
    companyId: z.uuid(), onTimeRate: rate, repeatBuyerRate: rate, disputeRate: rate, refundRate: rate,
    reviewAverage: score, reviewCount: z.number().int(), paidOrders: z.number().int(),
  })),
});

export const productParams = z.object({ id: z.uuid() });

export const topProductsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(20).default(5) });

export const topProductsView = z.object({
  companyId: z.uuid(),
  windowDays: z.literal(90),
  /** The supplier's buyer companies and paid orders over the window (as the repeat-buyer rate counts them). */
  buyers: z.number().int().nonnegative(),
  paidOrders: z.number().int().nonnegative(),
  items: z.array(z.object({
    productId: z.uuid(), titleZh: z.string(), titleEn: z.string().nullable(), recentBuyers: z.number().int().nonnegative(), recentOrders: z.number().int().nonnegative(),
  })),
});

export const productSalesQuery = z.strictObject({
  productIds: z.string().max(50 * 37).transform((s) => [...new Set(s.split(',').filter(Boolean))]).pipe(z.array(z.uuid()).min(1).max(50)),
});

export const productSalesMany = z.object({
  items: z.array(z.object({ productId: z.uuid(), recentBuyers: z.number().int().nonnegative(), recentOrders: z.number().int().nonnegative() })),
});

export const productSalesView = z.object({
  productId: z.uuid(),
  windowDays: z.literal(90),
  /** Distinct buyer companies with a paid order of the product in the window (neither cancelled nor fully refunded). */
  recentBuyers: z.number().int().nonnegative(),
  recentOrders: z.number().int().nonnegative(),
  computedAt: timestamp.nullable(),
});
