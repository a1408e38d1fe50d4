import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

/**
 * Purchase-list events carry the buying company (the list is kept for it). What was ordered is the orders module's
 * record (order.created), so removal at checkout records nothing here.
 */
export type PurchaseListEvent =
  | { type: 'purchase_list.item_added'; payload: { itemId: string; productId: string; skuId: string; supplierCompanyId: string; quantity: number; created: boolean } }
  | { type: 'purchase_list.item_removed'; payload: { itemId: string; productId: string; skuId: string; supplierCompanyId: string } };

export function record(trx: Db, userId: string, companyId: string, event: PurchaseListEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId: userId, companyId, subjectType: 'purchase_list_item', subjectId: event.payload.itemId });
}
