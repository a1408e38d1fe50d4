import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

/**
 * Favorites are personal, so their events carry no company: the company activity log (which shows actors) must never
 * tell a supplier who bookmarked it. The bookmarked supplier is in the payload for the platform's own read models.
 */
export type FavoritesEvent =
  | { type: 'favorite.saved'; payload: { favoriteId: string; targetType: 'product' | 'supplier'; productId: string | null; supplierCompanyId: string; created: boolean } }
  | { type: 'favorite.removed'; payload: { favoriteId: string; targetType: 'product' | 'supplier'; productId: string | null; supplierCompanyId: string } };

export function record(trx: Db, userId: string, event: FavoritesEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId: userId, companyId: null, subjectType: 'favorite', subjectId: event.payload.favoriteId });
}
