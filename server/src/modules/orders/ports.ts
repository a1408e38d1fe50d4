import type { Db } from '../../platform/db.js';
import type { AccountsModule } from '../accounts/index.js';
import type { CheckoutSku, StockLine } from '../catalog/index.js';
import type { NotificationsModule } from '../notifications/index.js';
import type { PaymentsModule } from '../payments/index.js';
import type { AcceptedQuoteTerms } from '../rfqs/index.js';

export type { CheckoutSku, StockLine };

/** What checkout reads from the catalog: each SKU with what it prices and copies of its product (any status). */
export interface CatalogPort {
  checkoutSkus(skuIds: string[]): Promise<CheckoutSku[]>;
}

/** catalog.inventory: every call joins the caller's transaction. */
export interface InventoryPort {
  /** stock → reserved; throws CatalogErrors.OUT_OF_STOCK. */
  reserve(trx: Db, lines: StockLine[]): Promise<void>;
  /** reserved → stock. */
  release(trx: Db, lines: StockLine[]): Promise<unknown>;
  /** reserved → sold. */
  commit(trx: Db, lines: StockLine[]): Promise<unknown>;
  /** sold → stock. */
  restock(trx: Db, lines: StockLine[]): Promise<unknown>;
}

/** rfqs.quotes: the accepted quote's terms (null unless accepted). */
export interface QuotesPort {
  acceptedTerms(quoteId: string): Promise<AcceptedQuoteTerms | null>;
}

/** purchase-list (late bound): the buyer's selected items, and removing what was ordered in the checkout transaction. */
export interface PurchaseListPort {
  selectedItems(userId: string, companyId: string): Promise<Array<{ skuId: string; quantity: number }>>;
  removeOrdered(trx: Db, userId: string, companyId: string, skuIds: string[]): Promise<unknown>;
}

/** settlements' credit lines (账期, late bound). draw throws when over the limit or overdue. */
export interface CreditLinesPort {
  /** defaultTermDays: the platform's term, kept on the bill when the buyer's line has no term of its own. */
  draw(trx: Db, companyId: string, amount: number, orderId: string, defaultTermDays: number): Promise<unknown>;
  release(trx: Db, companyId: string, amount: number, orderId: string): Promise<unknown>;
  /** The term (days from receipt to due) the order's bill was drawn with; null: the platform's default term. */
  termDaysOf?(trx: Db, orderId: string): Promise<number | null>;
  /** At receipt: sets the bill's due date, receivedAt + the bill's term (defaultTermDays when its line had none), and returns it. */
  setDueAfter(trx: Db, orderId: string, receivedAt: Date, defaultTermDays: number): Promise<Date>;
  /** A bill past due blocks new credit-terms orders at checkout. */
  hasOverdue?(companyId: string): Promise<boolean>;
}

/** after-sales (late bound): whether an after-sales request of the order is still open (blocks completion). */
export interface AfterSalesPort {
  hasOpen(orderId: string): Promise<boolean>;
}

/** invoices: the invoice profile a buyer names at checkout (archived ones too), or null. */
export interface InvoiceProfilesPort {
  profileOf(id: string): Promise<{ companyId: string; archived: boolean } | null>;
}

export interface Deps {
  companies: AccountsModule['companies'];
  notifications: NotificationsModule['notifications'];
  payments: PaymentsModule['payments'];
  catalog: CatalogPort;
  inventory: InventoryPort;
  quotes: QuotesPort;
  /** Missing: checkout needs explicit items. */
  purchaseList?: PurchaseListPort | undefined;
  /** Missing: credit terms are refused (CREDIT_TERMS_UNAVAILABLE). */
  creditLines?: CreditLinesPort | undefined;
  /** Missing: no request is ever open. */
  afterSales?: AfterSalesPort | undefined;
  /** Missing: a named invoice profile is refused. */
  invoiceProfiles?: InvoiceProfilesPort | undefined;
}
