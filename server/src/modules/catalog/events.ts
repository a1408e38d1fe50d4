import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

export const PRODUCT_EVENT_TYPES = ['product.created', 'product.updated', 'product.published', 'product.delisted', 'product.taken_down', 'product.deleted'] as const;
export type ProductEventType = (typeof PRODUCT_EVENT_TYPES)[number];

/** The catalog's events (docs/catalog-contract.md): search and storefront re-read the product through indexViews. */
export type CatalogEvent =
  | { type: ProductEventType; companyId: string; subjectType: 'product'; payload: { productId: string } }
  | { type: 'category.updated'; companyId: null; subjectType: 'category'; payload: { categoryId: string } };

export function record(trx: Db, actorUserId: string | null, subjectId: string, event: CatalogEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId, subjectId });
}

export function productEvent(type: ProductEventType, companyId: string, productId: string): CatalogEvent {
  return { type, companyId, subjectType: 'product', payload: { productId } };
}
