import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { timestamp } from '../../platform/schemas.js';
import { NOTIFICATION_GROUPS } from './kinds.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = z.object({ ...pageQuery, unread: flag.optional() });
export const idParams = z.object({ id: z.uuid() });

export const notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  group: z.enum(NOTIFICATION_GROUPS),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});

export const listResponse = z.object({ items: z.array(notification), nextCursor: z.string().nullable(), unreadCount: z.number().int() });
export const unreadResponse = z.object({ unreadCount: z.number().int() });
export const readAllResponse = z.object({ updated: z.number().int(), unreadCount: z.number().int() });

const preference = z.object({
  kind: z.string(),
  group: z.enum(NOTIFICATION_GROUPS),
  label: z.string(),
  inApp: z.boolean(),
  mail: z.boolean(),
  defaults: z.object({ inApp: z.boolean(), mail: z.boolean() }),
});
export const preferencesResponse = z.object({ items: z.array(preference) });

export const preferencesBody = z.strictObject({
  items: z.array(z.strictObject({ kind: z.string().min(1).max(100), inApp: z.boolean(), mail: z.boolean() })).min(1).max(200),
});
