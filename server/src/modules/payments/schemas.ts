import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';

export const idParams = z.object({ id: z.uuid() });
export const intentView = z.object({
  id: z.uuid(), companyId: z.uuid(), purpose: z.string(), referenceId: z.string(), amount: z.number().int(), currency: z.string(), provider: z.string(),
  status: z.enum(['requires_payment', 'succeeded', 'failed', 'canceled']), description: z.string(), payUrl: z.string().nullable(),
  instructions: z.string().nullable(), createdAt: timestamp, settledAt: timestamp.nullable(),
});
export const intentPage = pageSchema(intentView);
export const companyIntentsQuery = z.strictObject({ ...pageQuery });
export const adminIntentsQuery = z.strictObject({ status: z.enum(['requires_payment', 'succeeded', 'failed', 'canceled']).optional(), provider: z.string().max(30).optional(), ...pageQuery });
export const confirmTransferBody = z.strictObject({ bankReference: z.string().trim().min(1).max(100), amount: z.number().int().positive() });
export const webhookAck = z.object({ received: z.literal(true), outcome: z.enum(['applied', 'replayed', 'unknown_intent', 'ignored']) });
export const ledgerQuery = z.strictObject({ ...pageQuery });
export const ledgerPage = pageSchema(
  z.object({
    id: z.uuid(), kind: z.string(), reference_type: z.string(), reference_id: z.string(), memo: z.string(), created_at: timestamp,
    postings: z.array(z.object({ account: z.string(), amount: z.number().int(), currency: z.string() })),
  }),
);
export const balancesResponse = z.object({
  items: z.array(z.object({ code: z.string(), purpose: z.string(), currency: z.string(), balance: z.number().int() })),
  unbalancedTransactions: z.array(z.object({ transactionId: z.string(), currency: z.string(), sum: z.number() })),
});
