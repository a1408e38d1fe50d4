import { z } from 'zod';
import { timestamp } from '../../platform/schemas.js';

export const idParams = z.object({ id: z.uuid() });
export const invoiceParams = z.object({ id: z.uuid(), invoiceId: z.uuid() });
export const companyQuery = z.strictObject({ companyId: z.uuid() });

const kind = z.enum(['ordinary', 'vat_special']).describe('ordinary: 普通发票 (title and tax number); vat_special: 增值税专用发票 (every field)');
const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().max(max).nullable().optional();

const profileFields = {
  kind,
  title: text(100).describe('the invoice title (抬头): the company name'),
  taxNo: text(40).describe('纳税人识别号: 15–20 digits or capital letters; 18 characters = the unified social credit code, checked'),
  bankName: optionalText(100).describe('开户行 (VAT special: required)'),
  bankAccount: optionalText(40).describe('银行账号, 8–32 digits (VAT special: required)'),
  address: optionalText(200).describe('registered address (VAT special: required)'),
  phone: optionalText(30).describe('registered phone (VAT special: required)'),
  isDefault: z.boolean().optional(),
};
export const createProfileBody = z.strictObject({ companyId: z.uuid(), ...profileFields });
export const patchProfileBody = z.strictObject({
  kind: kind.optional(), title: text(100).optional(), taxNo: text(40).optional(), bankName: profileFields.bankName, bankAccount: profileFields.bankAccount,
  address: profileFields.address, phone: profileFields.phone, isDefault: z.literal(true).optional().describe('make this the default'),
});

export const profileView = z.object({
  id: z.uuid(), companyId: z.uuid(), kind, title: z.string(), taxNo: z.string(), bankName: z.string().nullable(), bankAccount: z.string().nullable(),
  address: z.string().nullable(), phone: z.string().nullable(), isDefault: z.boolean(), archived: z.boolean(), createdAt: timestamp, updatedAt: timestamp,
});
export const profileList = z.object({ items: z.array(profileView) });

export const recordBody = z.strictObject({
  number: z.string().trim().min(1).max(40).describe('the invoice number (发票号码), unique per seller'),
  issuedOn: z.iso.date().describe('YYYY-MM-DD'),
  amount: z.number().int().positive().max(1e15).describe('分, incl. tax'),
  kind: kind.optional().describe("defaults to the kind of the buyer's invoice profile on the order"),
  fileId: z.uuid().optional().describe('the invoice (PDF or image) uploaded by the seller company through /api/v1/files'),
  note: z.string().max(500).optional(),
});

export const issuedView = z.object({
  id: z.uuid(), orderId: z.uuid(), supplierCompanyId: z.uuid(), buyerCompanyId: z.uuid(), kind, number: z.string(), issuedOn: z.string(),
  amount: z.number().int(), fileUrl: z.string().nullable(), note: z.string(), createdAt: timestamp,
});
export const orderInvoices = z.object({
  orderId: z.uuid(),
  items: z.array(issuedView),
  invoicedTotal: z.number().int(),
  invoiceable: z.number().int().describe('the order total minus refunds'),
  remaining: z.number().int(),
  profile: profileView.nullable().describe('the invoice profile the buyer chose at checkout'),
  canRecord: z.boolean().describe('the viewer may record an invoice now'),
});
