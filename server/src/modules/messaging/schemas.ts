import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';

export const conversationParams = z.object({ id: z.uuid() });
export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const openBody = z.strictObject({ supplierCompanyId: z.uuid(), productId: z.uuid().optional() });

export const listQuery = z.strictObject({
  side: z.enum(['buyer', 'supplier']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const messagesQuery = z.strictObject({
  before: z.uuid().optional(),
  afterSeq: z.coerce.number().int().min(0).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const clientMsgId = z.string().min(1).max(64).regex(/^[\w.:-]+$/).optional();
const caption = z.string().max(5000).optional();

/** What a message carries; the same on REST and in the WebSocket `send` frame. */
export const sendBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(5000), clientMsgId }),
  z.object({ kind: z.literal('image'), fileId: z.uuid(), fileName: z.string().max(255).optional(), text: caption, clientMsgId }),
  z.object({ kind: z.literal('file'), fileId: z.uuid(), fileName: z.string().max(255).optional(), text: caption, clientMsgId }),
  z.object({ kind: z.literal('product'), productId: z.uuid(), text: caption, clientMsgId }),
  z.object({ kind: z.literal('quote'), quoteId: z.uuid(), text: caption, clientMsgId }),
]);

export const readBody = z.strictObject({ seq: z.number().int().min(0).optional() });

const side = z.enum(['buyer', 'supplier']);

export const messageView = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  seq: z.number().int(),
  clientMsgId: z.string().nullable(),
  senderUserId: z.uuid(),
  senderName: z.string(),
  side,
  kind: z.enum(['text', 'image', 'file', 'product', 'quote']),
  text: z.string().nullable(),
  attachment: z.object({ fileId: z.uuid(), name: z.string(), contentType: z.string(), byteSize: z.number().int(), url: z.string() }).nullable(),
  /** A snapshot taken when the message was sent: product (title, image, price tiers, MOQ) or quote. */
  card: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestamp,
});

export const conversationView = z.object({
  id: z.uuid(),
  mySide: side,
  /** companyName / name: legal (Chinese) names; companyNameEn / nameEn: English names, null when the company has none. */
  buyer: z.object({ userId: z.uuid(), name: z.string(), companyId: z.uuid().nullable(), companyName: z.string().nullable(), companyNameEn: z.string().nullable() }),
  supplier: z.object({ companyId: z.uuid(), name: z.string(), nameEn: z.string().nullable() }),
  productId: z.uuid().nullable(),
  lastSeq: z.number().int(),
  readSeq: z.object({ buyer: z.number().int(), supplier: z.number().int() }),
  unread: z.number().int(),
  lastMessage: messageView.nullable(),
  /** name with the company's legal name; nameEn with its English name (for en-US), null when the company has none. */
  counterpart: z.object({ name: z.string(), nameEn: z.string().nullable(), presenceKey: z.string(), online: z.boolean() }),
  activityAt: timestamp,
  createdAt: timestamp,
});

export const conversationPage = z.object({ items: z.array(conversationView), nextCursor: z.string().nullable() });
export const messagesPage = z.object({ items: z.array(messageView), nextBefore: z.string().nullable(), lastSeq: z.number().int() });
export const sendResult = z.object({ message: messageView, duplicate: z.boolean() });
export const readResult = z.object({ side, readSeq: z.number().int() });
export const unreadCount = z.object({
  total: z.number().int(), asBuyer: z.number().int(), asSupplier: z.number().int(),
  byCompany: z.array(z.object({ companyId: z.uuid(), unread: z.number().int() })),
});

/** Frames a client sends over /api/v1/ws. */
export const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({
    type: z.literal('subscribe'),
    all: z.boolean().optional(),
    conversations: z.array(z.object({ id: z.uuid(), afterSeq: z.number().int().min(0).optional() })).max(500).optional(),
  }),
  z.object({ type: z.literal('unsubscribe'), conversationId: z.uuid() }),
  z.looseObject({ type: z.literal('send'), conversationId: z.uuid() }),
  z.object({ type: z.literal('read'), conversationId: z.uuid(), seq: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('typing'), conversationId: z.uuid() }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;
