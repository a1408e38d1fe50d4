import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';

export const companyParams = z.object({ id: z.uuid() });

const rate = z.number().min(0).max(1).nullable();

const counts = z.object({
  responseRate: rate,
  answeredWithin24h: z.number().int(),
  measured: z.number().int(),
  pending: z.number().int(),
  medianFirstResponseSeconds: z.number().int().nullable(),
});

export const metricsView = z.object({
  companyId: z.uuid(),
  windowDays: z.literal(30),
  ...counts.shape,
  computedAt: timestamp,
  bySource: z.object({ inquiry: counts, chat: counts }),
});

export const manyQuery = z.strictObject({
  companyIds: z.string().max(50 * 37).transform((s) => [...new Set(s.split(',').filter(Boolean))]).pipe(z.array(z.uuid()).min(1).max(50)),
});

export const manyResponse = z.object({
  items: z.array(z.object({ companyId: z.uuid(), responseRate: rate, medianFirstResponseSeconds: z.number().int().nullable(), measured: z.number().int() })),
});

export const trendView = z.object({
  companyId: z.uuid(),
  weeks: z.array(z.object({ weekStart: timestamp, answeredWithin24h: z.number().int(), measured: z.number().int(), responseRate: rate })),
});
