import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';
import { CARRIER_CODES, REPORTABLE_STATUSES, TRACKING_SOURCES, TRACKING_STATUSES } from './carriers.js';

/** The orders' bounds: quantities to thousandths (2.5 吨). */
const MAX_QUANTITY = 1_000_000_000;
const hasAtMostThreeDecimals = (n: number) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6;
const quantity = z.number().positive().max(MAX_QUANTITY).refine(hasAtMostThreeDecimals, { message: 'at most three decimals' });

export const idParams = z.object({ id: z.uuid() });
export const photoParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const carrierParams = z.object({ carrier: z.string().max(30) });

export const shipBody = z.strictObject({
  carrier: z.enum(CARRIER_CODES),
  /** Required with carrier 'other'; ignored otherwise (the list's name is used). */
  carrierName: z.string().trim().max(60).optional(),
  waybillNo: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, { message: '4–40 letters, digits or dashes' }),
  items: z.array(z.strictObject({ lineId: z.uuid(), quantity })).min(1).max(200),
  /** Photos of the goods or the parcel: file ids uploaded by the seller (POST /api/v1/files?purpose=attachment). */
  photos: z.array(z.uuid()).max(9).default([]),
  note: z.string().trim().max(500).default(''),
});
export type ShipInput = z.infer<typeof shipBody>;

export const trackingBody = z.strictObject({
  status: z.enum(REPORTABLE_STATUSES),
  location: z.string().trim().max(100).default(''),
  description: z.string().trim().max(500).default(''),
  /** When it happened (default now); not in the future. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type TrackingInput = z.infer<typeof trackingBody>;

/** What a carrier posts to /api/v1/webhooks/carriers/{carrier} (signed raw JSON). */
export const carrierWebhookPayload = z.object({
  events: z.array(z.object({
    /** The carrier's id of this event: the same id is applied once. */
    id: z.string().min(1).max(100),
    waybillNo: z.string().trim().min(1).max(40),
    status: z.enum(REPORTABLE_STATUSES),
    at: z.iso.datetime({ offset: true }),
    location: z.string().max(100).default(''),
    description: z.string().max(500).default(''),
  })).min(1).max(100),
});
export type CarrierWebhookPayload = z.infer<typeof carrierWebhookPayload>;

export const carrierView = z.object({ code: z.enum(CARRIER_CODES), zh: z.string(), en: z.string() });
export const carriersView = z.object({ items: z.array(carrierView) });

export const trackingEventView = z.object({
  id: z.uuid(),
  at: timestamp,
  source: z.enum(TRACKING_SOURCES),
  status: z.enum(TRACKING_STATUSES),
  location: z.string(),
  description: z.string(),
});

export const shipmentView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  supplierCompanyId: z.uuid(),
  buyerCompanyId: z.uuid(),
  carrier: z.string(),
  carrierName: z.string(),
  waybillNo: z.string(),
  status: z.enum(['in_transit', 'delivered']),
  note: z.string(),
  photos: z.array(z.object({ id: z.uuid(), url: z.string(), contentType: z.string(), byteSize: z.number() })),
  items: z.array(z.object({ lineId: z.uuid(), quantity: z.number(), titleZh: z.string(), titleEn: z.string().nullable(), skuLabel: z.string(), skuLabelEn: z.string().nullable(), unit: z.string() })),
  shippedAt: timestamp,
  deliveredAt: timestamp.nullable(),
  /** Oldest first: the buyer's timeline. */
  tracking: z.array(trackingEventView),
});

export const orderShipmentsView = z.object({
  items: z.array(shipmentView),
  /** Per order line: ordered, shipped and left to ship. */
  remaining: z.array(z.object({ lineId: z.uuid(), quantity: z.number(), shipped: z.number(), remaining: z.number() })),
  /** What the caller may do now: ship (the seller, while the order is paid or partly shipped), add tracking (seller, operators). */
  can: z.object({ ship: z.boolean(), track: z.boolean() }),
});

export const webhookAck = z.object({
  received: z.literal(true),
  applied: z.number().int(),
  replayed: z.number().int(),
  unmatched: z.number().int(),
});
