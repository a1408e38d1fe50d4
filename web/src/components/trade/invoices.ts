/** Invoice shapes as the API returns them (server/src/modules/invoices/schemas.ts). Money in 分. */
export type InvoiceKind = 'ordinary' | 'vat_special';
export interface InvoiceProfile {
  id: string;
  companyId: string;
  kind: InvoiceKind;
  title: string;
  taxNo: string;
  bankName: string | null;
  bankAccount: string | null;
  address: string | null;
  phone: string | null;
  isDefault: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}
export interface IssuedInvoice {
  id: string;
  orderId: string;
  supplierCompanyId: string;
  buyerCompanyId: string;
  kind: InvoiceKind;
  number: string;
  issuedOn: string;
  amount: number;
  fileUrl: string | null;
  note: string;
  createdAt: string;
}
export interface OrderInvoicesView {
  orderId: string;
  items: IssuedInvoice[];
  invoicedTotal: number;
  invoiceable: number;
  remaining: number;
  profile: InvoiceProfile | null;
  canRecord: boolean;
}

export const INVOICE_PROFILES_KEY = 'invoice-profiles';

/** The same check as the server's (15–20 digits or capital letters); the 18-character code's check digit is the server's. */
export const TAX_NO = /^[0-9A-Z]{15,20}$/;
