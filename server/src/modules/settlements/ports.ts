import type { AccountsModule } from '../accounts/index.js';
import type { CreditModule } from '../credit/index.js';
import type { NotificationsModule } from '../notifications/index.js';
import type { PaymentsModule } from '../payments/index.js';

/** What settlements reads from the orders module (closures in app.ts: orders is built after settlements). */
export interface OrdersPort {
  /** Σ over all orders of escrow_paid − escrow_refunded − escrow_released. */
  escrowOutstanding(): Promise<number>;
  /** The same sum over one seller's orders: money in escrow not yet released to it. */
  escrowHeldForSeller(companyId: string): Promise<number>;
  /** Order numbers by id (statements, bills, reminders); unknown ids are missing from the map. */
  numbersOf(ids: string[]): Promise<Map<string, string>>;
  /** The platform's default credit term (days from receipt to due), for lines without a term of their own. */
  creditTermDays(): Promise<number>;
}

export interface Deps {
  companies: AccountsModule['companies'];
  payments: PaymentsModule['payments'];
  credit: CreditModule['credit'];
  notifications: NotificationsModule['notifications'];
  orders: OrdersPort;
}
