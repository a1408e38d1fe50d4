import type { Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/events.js';

/** Invoice events: profiles are the buyer company's record; issued invoices the supplier's (with the buyer in the payload). */
export type InvoicesEvent =
  | { type: 'invoice_profile.saved'; companyId: string; subjectType: 'invoice_profile'; subjectId: string; payload: { profileId: string; kind: 'ordinary' | 'vat_special'; created: boolean } }
  | { type: 'invoice_profile.archived'; companyId: string; subjectType: 'invoice_profile'; subjectId: string; payload: { profileId: string } }
  | {
    type: 'invoice.issued'; companyId: string; subjectType: 'order'; subjectId: string;
    payload: { invoiceId: string; orderId: string; orderNumber: string; number: string; amount: number; issuedOn: string; buyerCompanyId: string; supplierCompanyId: string };
  };

export function record(trx: Db, actorUserId: string, event: InvoicesEvent): Promise<string> {
  return recordEvent(trx, { ...event, actorUserId });
}
