import { z } from 'zod';
import type { App } from '../../platform/http/server.js';
import { timestamp } from '../../platform/schemas.js';
import type { CreditService } from './service.js';

const grade = z.enum(['1A', '2A', '3A', '4A', '5A']);
const dimension = z.enum(['identity', 'tenure', 'trade', 'service', 'compliance']);

export const creditView = z.object({
  /** Null while the company is not verified: it has a score to improve, but no grade. */
  grade: grade.nullable(),
  score: z.number(),
  scorecardVersion: z.string(),
  computedAt: timestamp,
  dimensions: z.array(z.object({ key: dimension, points: z.number(), max: z.number() })),
  factors: z.array(z.object({ key: z.string(), dimension, points: z.number(), max: z.number(), value: z.string(), zh: z.string(), en: z.string() })),
  history: z.array(z.object({ grade: grade.nullable(), score: z.number(), computedAt: timestamp })),
});

export function registerCreditRoutes(app: App, credit: CreditService): void {
  app.get('/api/v1/companies/:id/credit', {
    schema: { tags: ['trust'], summary: 'Credit rating 1A–5A with every dimension and factor explained, and its history (public)', params: z.object({ id: z.uuid() }), response: { 200: creditView } },
  }, async (req) => credit.view(req.ctx, req.params.id));
}
