import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, PlatformErrors, type FieldError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { formatYuan } from '../../platform/money.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireUser } from '../../platform/policy.js';
import { checkUscc } from '../accounts/index.js';
import type { FilesModule } from '../files/index.js';
import { InvoiceErrors } from './errors.js';
import { record } from './events.js';
import * as store from './store.js';

/** The facts of an order invoices need (the orders module's forParty; callers authorize by company ids). */
export interface OrderFacts {
  id: string;
  number: string;
  status: string;
  buyerCompanyId: string;
  supplierCompanyId: string;
  total: number;
  escrowRefunded?: number | undefined;
  termsRefunded?: number | undefined;
  invoiceProfileId?: string | null | undefined;
}

export interface OrdersPort {
  forParty(trx: Db | null, orderId: string): Promise<OrderFacts | null | undefined>;
}

export interface Deps {
  files: Pick<FilesModule['files'], 'metadata' | 'readAttached'>;
  /** Late-bound in app.ts (the orders module is created after this one). */
  orders: OrdersPort;
}

export const MAX_PROFILES = 20;
/** Order states in which the buyer has paid (or been accepted on terms), so the seller may invoice. */
export const INVOICEABLE_STATUSES: ReadonlySet<string> = new Set(['deposit_paid', 'paid', 'partly_shipped', 'shipped', 'received', 'completed']);

export interface ProfileInput {
  kind: store.InvoiceKind;
  title: string;
  taxNo: string;
  bankName?: string | null | undefined;
  bankAccount?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  isDefault?: boolean | undefined;
}

export interface ProfileView {
  id: string;
  companyId: string;
  kind: store.InvoiceKind;
  title: string;
  taxNo: string;
  bankName: string | null;
  bankAccount: string | null;
  address: string | null;
  phone: string | null;
  isDefault: boolean;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function profileView(r: store.ProfileRow): ProfileView {
  return {
    id: r.id, companyId: r.company_id, kind: r.kind, title: r.title, taxNo: r.tax_no, bankName: r.bank_name, bankAccount: r.bank_account,
    address: r.address, phone: r.phone, isDefault: r.is_default, archived: r.archived_at !== null, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
const blank = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim().replace(/\s+/g, ' ');
  return v === '' ? null : v;
};
const yuan = formatYuan;

/**
 * A tax number (纳税人识别号): 15 to 20 digits and capital letters; the 18-character unified social credit code, which
 * is what companies use today, must pass its check characters (GB 32100-2015).
 */
export function taxNoProblem(taxNo: string, locale: Locale): string | null {
  if (!/^[0-9A-Z]{15,20}$/.test(taxNo)) return say(locale, '纳税人识别号应为 15–20 位数字或大写字母', 'the tax number must be 15–20 digits or capital letters');
  if (taxNo.length === 18 && checkUscc(taxNo) !== null) return say(locale, '18 位纳税人识别号(统一社会信用代码)校验不通过', 'the 18-character tax number (unified social credit code) fails its check');
  return null;
}

/** Normalizes a profile and lists what is missing or wrong: ordinary invoices need title and tax number; VAT special ones every field. */
export function checkProfile(input: ProfileInput, locale: Locale): { fields: store.ProfileFields; errors: FieldError[] } {
  const fields: store.ProfileFields = {
    kind: input.kind,
    title: blank(input.title) ?? '',
    taxNo: (input.taxNo ?? '').replace(/\s+/g, '').toUpperCase(),
    bankName: blank(input.bankName),
    bankAccount: blank(input.bankAccount)?.replace(/[\s-]/g, '') ?? null,
    address: blank(input.address),
    phone: blank(input.phone),
  };
  const errors: FieldError[] = [];
  const required = say(locale, '必填', 'required');
  if (!fields.title) errors.push({ path: 'body.title', message: required });
  const taxProblem = fields.taxNo ? taxNoProblem(fields.taxNo, locale) : required;
  if (taxProblem) errors.push({ path: 'body.taxNo', message: taxProblem });
  if (fields.kind === 'vat_special') {
    const vatRequired = say(locale, '增值税专用发票必填', 'required for a VAT special invoice');
    for (const key of ['bankName', 'bankAccount', 'address', 'phone'] as const) if (!fields[key]) errors.push({ path: `body.${key}`, message: vatRequired });
  }
  if (fields.bankAccount && !/^\d{8,32}$/.test(fields.bankAccount)) errors.push({ path: 'body.bankAccount', message: say(locale, '银行账号应为 8–32 位数字', 'the bank account must be 8–32 digits') });
  if (fields.phone && !/^\+?[\d\s()-]{7,20}$/.test(fields.phone)) errors.push({ path: 'body.phone', message: say(locale, '电话号码格式不正确', 'not a phone number') });
  return { fields, errors };
}

export interface IssuedView {
  id: string;
  orderId: string;
  supplierCompanyId: string;
  buyerCompanyId: string;
  kind: store.InvoiceKind;
  number: string;
  issuedOn: string;
  amount: number;
  fileUrl: string | null;
  note: string;
  createdAt: Date;
}

function issuedView(r: store.IssuedRow): IssuedView {
  return {
    id: r.id, orderId: r.order_id, supplierCompanyId: r.supplier_company_id, buyerCompanyId: r.buyer_company_id, kind: r.kind, number: r.number,
    issuedOn: r.issued_on, amount: r.amount, fileUrl: r.file_id ? `/api/v1/orders/${r.order_id}/invoices/${r.id}/file` : null, note: r.note, createdAt: r.created_at,
  };
}

export class InvoicesService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Invoice profiles (buyer companies)

  async listProfiles(ctx: RequestContext, companyId: string): Promise<ProfileView[]> {
    authorize(ctx, 'company.orders.view', companyId);
    return (await store.profilesOf(this.db, companyId)).map(profileView);
  }

  /** A profile for members of its company (and operators), archived ones too. */
  async getProfile(ctx: RequestContext, id: string): Promise<ProfileView> {
    const row = await store.findProfile(this.db, id);
    if (!row || !can(requireUser(ctx), 'company.orders.view', row.company_id)) throw new DomainError(InvoiceErrors.INVOICE_PROFILE_NOT_FOUND);
    return profileView(row);
  }

  private invalid(ctx: RequestContext, errors: FieldError[]): DomainError {
    return new DomainError(InvoiceErrors.INVOICE_PROFILE_INVALID, { reason: errors.map((e) => `${e.path.replace(/^body\./, '')} ${e.message}`).join(say(ctx.locale, ';', '; ')) }, errors);
  }

  async createProfile(ctx: RequestContext, companyId: string, input: ProfileInput): Promise<ProfileView> {
    const actor = authorize(ctx, 'company.orders.place', companyId);
    const { fields, errors } = checkProfile(input, ctx.locale);
    if (errors.length) throw this.invalid(ctx, errors);
    const row = await this.platform.database.transaction(async (trx) => {
      await store.lockCompany(trx, companyId);
      const count = await store.countProfiles(trx, companyId);
      if (count >= MAX_PROFILES) throw new DomainError(InvoiceErrors.INVOICE_PROFILE_LIMIT, { max: MAX_PROFILES });
      const id = uuidv7();
      // The first profile is the default; a later one only when asked.
      const isDefault = count === 0 || input.isDefault === true;
      if (isDefault && count > 0) await store.makeDefault(trx, companyId, id);
      const inserted = await store.insertProfile(trx, { id, companyId, createdBy: actor.userId, isDefault, fields });
      await record(trx, actor.userId, { type: 'invoice_profile.saved', companyId, subjectType: 'invoice_profile', subjectId: id, payload: { profileId: id, kind: fields.kind, created: true } });
      return inserted;
    });
    return profileView(row);
  }

  private async editable(ctx: RequestContext, id: string, trx: Db): Promise<{ row: store.ProfileRow; userId: string }> {
    const row = await store.findProfile(trx, id, true);
    if (!row || row.archived_at !== null || !can(requireUser(ctx), 'company.orders.view', row.company_id)) throw new DomainError(InvoiceErrors.INVOICE_PROFILE_NOT_FOUND);
    return { row, userId: authorize(ctx, 'company.orders.place', row.company_id).userId };
  }

  /** Changes fields (checked as a whole again) or makes the profile the default. */
  async updateProfile(ctx: RequestContext, id: string, patch: Partial<ProfileInput>): Promise<ProfileView> {
    const row = await this.platform.database.transaction(async (trx) => {
      const { row: current, userId } = await this.editable(ctx, id, trx);
      await store.lockCompany(trx, current.company_id);
      const merged: ProfileInput = {
        kind: patch.kind ?? current.kind, title: patch.title ?? current.title, taxNo: patch.taxNo ?? current.tax_no,
        bankName: patch.bankName !== undefined ? patch.bankName : current.bank_name, bankAccount: patch.bankAccount !== undefined ? patch.bankAccount : current.bank_account,
        address: patch.address !== undefined ? patch.address : current.address, phone: patch.phone !== undefined ? patch.phone : current.phone,
      };
      const { fields, errors } = checkProfile(merged, ctx.locale);
      if (errors.length) throw this.invalid(ctx, errors);
      await store.updateProfile(trx, id, fields);
      if (patch.isDefault === true) await store.makeDefault(trx, current.company_id, id);
      await record(trx, userId, { type: 'invoice_profile.saved', companyId: current.company_id, subjectType: 'invoice_profile', subjectId: id, payload: { profileId: id, kind: fields.kind, created: false } });
      return (await store.findProfile(trx, id))!;
    });
    return profileView(row);
  }

  /** Archives a profile (orders that named it still show it); the newest remaining one inherits the default. */
  async archiveProfile(ctx: RequestContext, id: string): Promise<void> {
    await this.platform.database.transaction(async (trx) => {
      const { row, userId } = await this.editable(ctx, id, trx);
      await store.lockCompany(trx, row.company_id);
      await store.archiveProfile(trx, id);
      if (row.is_default) {
        const next = await store.newestProfile(trx, row.company_id);
        if (next) await store.makeDefault(trx, row.company_id, next.id);
      }
      await record(trx, userId, { type: 'invoice_profile.archived', companyId: row.company_id, subjectType: 'invoice_profile', subjectId: id, payload: { profileId: id } });
    });
  }

  /** For checkout (orders): a profile by id, archived ones too, or null. Callers check it belongs to the buyer. */
  async profileOf(id: string, db?: Db): Promise<ProfileView | null> {
    const row = await store.findProfile(db ?? this.db, id);
    return row ? profileView(row) : null;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Issued invoices (sellers record, both sides read)

  private async order(trx: Db | null, orderId: string): Promise<OrderFacts> {
    const order = await this.deps.orders.forParty(trx, orderId).catch((err: unknown) => {
      if (err instanceof DomainError && err.kind === 'not_found') return null;
      throw err;
    });
    if (!order) throw new DomainError(InvoiceErrors.INVOICE_ORDER_NOT_FOUND);
    return order;
  }

  /** Buyer and supplier members who may see orders, and operators; others learn nothing (404). */
  private async partyOrder(ctx: RequestContext, orderId: string): Promise<OrderFacts> {
    const actor = requireUser(ctx);
    const order = await this.order(null, orderId);
    if (!can(actor, 'company.orders.view', order.buyerCompanyId) && !can(actor, 'company.orders.view', order.supplierCompanyId)) throw new DomainError(InvoiceErrors.INVOICE_ORDER_NOT_FOUND);
    return order;
  }

  private invoiceable(order: OrderFacts): number {
    return Math.max(0, order.total - (order.escrowRefunded ?? 0) - (order.termsRefunded ?? 0));
  }

  /** An order's invoices, what is left to invoice, and the invoice profile the buyer chose at checkout. */
  async listForOrder(ctx: RequestContext, orderId: string) {
    const order = await this.partyOrder(ctx, orderId);
    const [rows, profile] = await Promise.all([
      store.issuedFor(this.db, orderId),
      order.invoiceProfileId ? store.findProfile(this.db, order.invoiceProfileId) : Promise.resolve(undefined),
    ]);
    const invoiced = rows.reduce((s, r) => s + r.amount, 0);
    const canRecord = can(ctx.actor, 'company.orders.fulfil', order.supplierCompanyId) && INVOICEABLE_STATUSES.has(order.status);
    return {
      orderId, items: rows.map(issuedView), invoicedTotal: invoiced, invoiceable: this.invoiceable(order),
      remaining: Math.max(0, this.invoiceable(order) - invoiced),
      profile: profile && profile.company_id === order.buyerCompanyId ? profileView(profile) : null,
      canRecord,
    };
  }

  /**
   * The seller records an invoice it issued for a paid order: number (unique per seller), date, amount, optionally
   * the invoice file its company uploaded. The order's invoices never total more than the order minus its refunds.
   */
  async record(ctx: RequestContext, orderId: string, input: { number: string; issuedOn: string; amount: number; kind?: store.InvoiceKind | undefined; fileId?: string | undefined; note?: string | undefined }): Promise<IssuedView> {
    const actor = requireUser(ctx);
    const seen = await this.partyOrder(ctx, orderId);
    authorize(ctx, 'company.orders.fulfil', seen.supplierCompanyId);
    if (input.fileId) {
      const meta = await this.deps.files.metadata(input.fileId);
      if (!meta || meta.ownerCompanyId !== seen.supplierCompanyId) {
        throw new DomainError(InvoiceErrors.INVOICE_FILE_INVALID, {}, [{ path: 'body.fileId', message: say(ctx.locale, '不是本企业的文件', 'not a file of your company') }]);
      }
    }
    const number = input.number.trim();
    try {
      const row = await this.platform.database.transaction(async (trx) => {
        await store.lockOrder(trx, orderId);
        const order = await this.order(trx, orderId);
        if (!INVOICEABLE_STATUSES.has(order.status)) throw new DomainError(InvoiceErrors.INVOICE_ORDER_NOT_INVOICEABLE, { status: order.status });
        const invoiced = (await store.issuedFor(trx, orderId)).reduce((s, r) => s + r.amount, 0);
        const remaining = this.invoiceable(order) - invoiced;
        if (input.amount > remaining) {
          throw new DomainError(InvoiceErrors.INVOICE_AMOUNT_EXCEEDS_ORDER, { remaining: yuan(Math.max(0, remaining)) }, [{ path: 'body.amount', message: `≤ ${Math.max(0, remaining)}` }]);
        }
        const profile = order.invoiceProfileId ? await store.findProfile(trx, order.invoiceProfileId) : undefined;
        const inserted = await store.insertIssued(trx, {
          id: uuidv7(), order_id: orderId, supplier_company_id: order.supplierCompanyId, buyer_company_id: order.buyerCompanyId,
          kind: input.kind ?? profile?.kind ?? 'ordinary', number, issued_on: input.issuedOn, amount: input.amount, file_id: input.fileId ?? null,
          note: (input.note ?? '').trim(), created_by: actor.userId,
        });
        await record(trx, actor.userId, {
          type: 'invoice.issued', companyId: order.supplierCompanyId, subjectType: 'order', subjectId: orderId,
          payload: { invoiceId: inserted.id, orderId, orderNumber: order.number, number, amount: input.amount, issuedOn: input.issuedOn, buyerCompanyId: order.buyerCompanyId, supplierCompanyId: order.supplierCompanyId },
        });
        return inserted;
      });
      return issuedView(row);
    } catch (err) {
      if (store.isUniqueViolation(err)) throw new DomainError(InvoiceErrors.INVOICE_NUMBER_TAKEN, { number }, [{ path: 'body.number', message: number }]);
      throw err;
    }
  }

  /** The invoice file, for the two sides of the order (and operators). */
  async file(ctx: RequestContext, orderId: string, invoiceId: string) {
    await this.partyOrder(ctx, orderId);
    const row = await store.findIssued(this.db, orderId, invoiceId);
    if (!row?.file_id) throw new DomainError(InvoiceErrors.INVOICE_NOT_FOUND);
    const file = await this.deps.files.readAttached(row.file_id);
    if (!file) throw new DomainError(PlatformErrors.NOT_FOUND);
    return { ...file, filename: `invoice-${row.number}` };
  }
}
