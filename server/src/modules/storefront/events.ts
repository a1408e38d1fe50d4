import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

export type StorefrontEvent =
  | { type: 'storefront.created'; companyId: string; subjectType: 'storefront'; payload: { slug: string; template: string } }
  | { type: 'storefront.updated'; companyId: string; subjectType: 'storefront'; payload: { slug: string; previousSlug: string | null; template: string; sections: Array<{ type: string; visible: boolean }> } };

/** Subject is the company: a company has one shop. */
export function record(trx: Db, actorUserId: string | null, event: StorefrontEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId, subjectId: event.companyId });
}
