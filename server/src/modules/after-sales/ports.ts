import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import type { AccountsModule } from '../accounts/index.js';
import type { FilesModule } from '../files/index.js';
import type { NotificationsModule } from '../notifications/index.js';

/** What after-sales reads of an order (orders.forParty: no authorization, callers check the company ids). */
export interface OrderForParty {
  id: string;
  number: string;
  status: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  total: number;
  escrowPaid: number;
  escrowRefunded: number;
  /** Credit-terms orders: what was already taken off the bill (absent means 0). */
  termsRefunded?: number | undefined;
  paymentTerms: 'escrow' | 'credit_terms';
  receivedAt: Date | string | null;
  lines: Array<{
    id: string; skuId: string | null; productId: string | null; quantity: number; shippedQuantity: number; returnedQuantity: number;
    unitPrice: number; titleZh: string; titleEn: string | null; skuLabel: string; skuLabelEn: string | null; unit: string;
  }>;
}

export interface RefundInput {
  orderId: string;
  amount: number;
  reason: string;
  source: 'after_sale' | 'dispute';
  sourceId: string;
  restock?: Array<{ lineId: string; quantity: number }> | undefined;
}

/** The orders module's surface as after-sales uses it (wired in app.ts). Money moves only through refund. */
export interface OrdersPort {
  forParty(trx: Db | null, orderId: string): Promise<OrderForParty | null>;
  /** Refunds in the caller's transaction (escrow: Dr escrow / Cr clearing; credit terms: the bill shrinks); restocks returned lines. */
  refund(trx: Db, input: RefundInput): Promise<unknown>;
  /** Operator trade settings; afterSalesWindowDays counts from receipt. */
  settings(): Promise<{ afterSalesWindowDays: number }>;
}

/** A chat message as the arbitration screen shows it (messaging's MessageView). */
export interface ChatLine {
  id: string; conversationId: string; seq: number; senderName: string; side: 'buyer' | 'supplier'; kind: string;
  text: string | null; attachment: { name: string; url: string; contentType: string } | null; createdAt: Date;
}

/** Messaging's operator-only reader: the chat between a buyer company and a supplier company, oldest first. */
export type ChatLog = (ctx: RequestContext, buyerCompanyId: string, supplierCompanyId: string, limit: number) => Promise<ChatLine[]>;

export type ReadFile = (fileId: string) => Promise<{ bytes: Buffer; contentType: string; sha256: string } | null>;

export interface Deps {
  orders: OrdersPort;
  companies: AccountsModule['companies'];
  files: Pick<FilesModule['files'], 'metadata'>;
  readFile: ReadFile;
  notifications: NotificationsModule['notifications'];
  chatLog?: ChatLog | undefined;
}
