import type { Db } from '../../platform/db.js';
import type { FilesModule } from '../files/index.js';
import type { NotificationsModule } from '../notifications/index.js';

/** What shipments read of an order (orders.forParty): no authorization; this module checks the company ids. */
export interface OrderForParty {
  id: string;
  number: string;
  status: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  lines: Array<{ id: string; quantity: number; shippedQuantity: number; titleZh: string; titleEn: string | null; skuLabel?: string; skuLabelEn?: string | null; unit: string }>;
}

/** The orders module's surface this module uses (wired in app.ts from the orders index). */
export interface OrdersPort {
  forParty(trx: Db | null, orderId: string): Promise<OrderForParty | null | undefined>;
  /** paid|partly_shipped → partly_shipped|shipped in the caller's transaction; commits stock; throws ORDER_NOT_SHIPPABLE. Returns the order after. */
  applyShipment(trx: Db, orderId: string, items: Array<{ lineId: string; quantity: number }>, actorUserId: string): Promise<OrderForParty>;
  /** shipped → received by the auto-confirm sweep (own transaction); false when the order is not shipped any more. */
  confirmReceiptBySystem(orderId: string): Promise<boolean>;
  settings(): Promise<{ autoConfirmDays: number }> | { autoConfirmDays: number };
}

export type ReadAttached = (fileId: string) => Promise<{ bytes: Buffer; contentType: string; sha256: string } | null>;

export interface Deps {
  orders: OrdersPort;
  files: Pick<FilesModule['files'], 'metadata'>;
  readFile: ReadAttached;
  notifications: NotificationsModule['notifications'];
  /** Late-bound (after-sales is created after shipments): an open after-sale pauses the automatic receipt. */
  hasOpenAfterSale?: ((orderId: string) => Promise<boolean>) | undefined;
}
