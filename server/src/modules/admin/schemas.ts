import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';

export const eventQuery = z.strictObject({
  companyId: z.uuid().optional(),
  type: z.string().max(100).regex(/^[a-z_.*]+$/).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  ...pageQuery,
});
export const companyEventQuery = eventQuery.omit({ companyId: true });

export const event = z.object({
  id: z.uuid(), type: z.string(), actorUserId: z.uuid().nullable(), companyId: z.uuid().nullable(), subjectType: z.string(), subjectId: z.string(),
  payload: z.record(z.string(), z.unknown()), occurredAt: timestamp, dispatchedAt: timestamp.nullable(), dispatchAttempts: z.number().int(), lastError: z.string().nullable(),
});
export const eventPage = pageSchema(event);

export const mailEntry = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() });
export const mailList = z.object({ transport: z.enum(['smtp', 'file']), items: z.array(mailEntry), nextCursor: z.string().nullable() });
export const mailQuery = z.strictObject({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });
export const mailDetail = mailEntry.extend({ eml: z.string() });

export const overview = z.object({
  jobs: z.record(z.string(), z.number()),
  eventsPending: z.number(),
  database: z.enum(['pglite', 'postgres']),
  mailTransport: z.enum(['smtp', 'file']),
});
