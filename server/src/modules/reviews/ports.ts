import type { Db } from '../../platform/db.js';
import type { AccountsModule } from '../accounts/index.js';
import type { NotificationsModule } from '../notifications/index.js';

/**
 * What reviews read of an order: the orders module's `forParty` (no authorization there; reviews authorizes by the
 * order's company ids). Only the fields reviews uses are named, so any richer OrderParty fits.
 */
export interface OrderForReview {
  id: string;
  number: string;
  status: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  receivedAt: Date | string | null;
  completedAt: Date | string | null;
  lines: Array<{ productId: string | null; titleZh: string; titleEn: string | null }>;
}

export interface OrdersPort {
  /** The order (null or a not-found DomainError when there is none); inside the caller's transaction when trx is given. */
  forParty(trx: Db | null, orderId: string): Promise<OrderForReview | null>;
}

export interface Deps {
  companies: Pick<AccountsModule['companies'], 'profilesOf'>;
  notifications: Pick<NotificationsModule['notifications'], 'notify' | 'registerKinds'>;
  orders: OrdersPort;
}
