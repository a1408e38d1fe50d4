import type { Actor, CompanyRole, RequestContext } from '../../platform/context.js';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, type FieldError, type Locale } from '../../platform/errors.js';
import { formatYuanAmount } from '../../platform/money.js';
import { uuidv7 } from '../../platform/ids.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireUser, roleIn } from '../../platform/policy.js';
import { PROVINCES, type AccountsModule } from '../accounts/index.js';
import { UNIT_NAMES, type CatalogModule, type ProductView, type Unit } from '../catalog/index.js';
import type { FilesModule } from '../files/index.js';
import type { NotificationsModule } from '../notifications/index.js';
import { InquiryErrors } from './errors.js';
import { record, type InquirySide } from './events.js';
import { statusAfterReopen, statusAfterReply, todayInChina } from './rules.js';
import type { CreateInput, ListQuery, QuoteInput, ReplyInput } from './schemas.js';
import * as store from './store.js';

/** What reading an attachment's bytes needs (files.read today; see the module's README note in index.ts). */
export type ReadFile = (ctx: RequestContext, fileId: string) => Promise<{ bytes: Buffer; contentType: string; sha256: string } | null>;

export interface Deps {
  companies: AccountsModule['companies'];
  members: AccountsModule['members'];
  catalog: Pick<CatalogModule['products'], 'viewsOf'>;
  files: Pick<FilesModule['files'], 'metadata'>;
  readFile: ReadFile;
  notifications: NotificationsModule['notifications'];
}

export interface InquiryOptions {
  /** A buyer may send at most this many inquiries per rolling hour. */
  hourlyLimit: number;
}
export const DEFAULT_OPTIONS: InquiryOptions = { hourlyLimit: 30 };

/**
 * Business time of a change. Only the demo seed passes it (to lay out a believable 30-day history, see
 * seed/demo-inquiries.ts); the HTTP routes never do, so real records are always "now".
 */
export interface At { at?: Date | undefined }

const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['manufacturer', 'trading_company', 'both']);
const HANDLER_ROLES: CompanyRole[] = ['owner', 'admin', 'sales'];
const PROVINCE_CODES: ReadonlySet<string> = new Set(PROVINCES.map((p) => p.code));
const ATTACHABLE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);
const HOUR_MS = 3_600_000;

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const preview = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/** A company as lists show it: the legal name, and the English name en-US readers see (null when it has none). */
export interface CompanyName { id: string; name: string; nameEn: string | null }
export interface AttachmentView { id: string; url: string; contentType: string; byteSize: number }
export interface LineView {
  productId: string; skuId: string | null; skuCode: string | null; skuAttributes: Record<string, string>;
  quantity: number | null; unit: string; titleZh: string; titleEn: string | null; coverUrl: string | null;
}
export interface ListItem {
  id: string; status: store.InquiryStatus;
  supplier: CompanyName; buyer: CompanyName; buyerUser: { id: string; name: string };
  assignee: { id: string; name: string } | null; lines: LineView[];
  quantity: number | null; unit: string | null; targetUnitPrice: number | null; messagePreview: string;
  lastSide: InquirySide; replyCount: number; quoteCount: number; createdAt: Date; lastActivityAt: Date;
}
export interface ReplyView {
  id: string; side: InquirySide; kind: 'reply' | 'quote'; author: { id: string; name: string }; body: string;
  attachments: AttachmentView[]; quote: QuoteInput | null; createdAt: Date;
}
export interface InquiryView extends ListItem {
  currency: 'CNY'; deliveryProvince: string | null; desiredDate: string | null; message: string; attachments: AttachmentView[];
  firstResponseAt: Date | null; closedAt: Date | null; closedBySide: InquirySide | null; closeReason: string | null;
  viewerSide: InquirySide;
  can: { reply: boolean; quote: boolean; assign: boolean; close: boolean; reopen: boolean };
  assignees: Array<{ id: string; name: string; role: string }>;
  replies: ReplyView[];
}

function lineView(l: store.LineRow): LineView {
  return {
    productId: l.product_id, skuId: l.sku_id, skuCode: l.sku_code, skuAttributes: l.sku_attributes, quantity: num(l.quantity), unit: l.unit,
    titleZh: l.title_zh, titleEn: l.title_en, coverUrl: l.cover_url,
  };
}

/** A company's name as notification params: `{key}` in Chinese, `{keyEn}` its English name when it has one. */
function partyParams(key: string, party: { name: string; nameEn: string | null } | undefined): Record<string, string> {
  return { [key]: party?.name ?? '', [`${key}En`]: party?.nameEn ?? party?.name ?? '' };
}

/** What a line's notice and list show as the inquiry's subject. */
function subject(lines: Array<{ titleZh: string; titleEn: string | null }>, message: string): { subjectZh: string; subjectEn: string } {
  const first = lines[0];
  if (!first) return { subjectZh: preview(message), subjectEn: preview(message) };
  const more = lines.length - 1;
  return {
    subjectZh: more > 0 ? `${first.titleZh} 等 ${lines.length} 件商品` : first.titleZh,
    subjectEn: `${first.titleEn ?? first.titleZh}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

export class InquiriesService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
    private readonly options: InquiryOptions = DEFAULT_OPTIONS,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  // -------------------------------------------------------------------------------------------------------
  // Who is who

  /** The side the actor speaks for on this inquiry, or null for a third party (who is told it does not exist). */
  private sideOf(actor: Actor, row: store.InquiryRow): InquirySide | null {
    const supplier = can(actor, 'company.inquiries.handle', row.supplier_company_id);
    const buyer = can(actor, 'company.inquiries.send', row.buyer_company_id);
    if (supplier && buyer) return actor.activeCompanyId === row.buyer_company_id ? 'buyer' : 'supplier';
    return supplier ? 'supplier' : buyer ? 'buyer' : null;
  }

  private async visible(ctx: RequestContext, id: string, db: Db = this.db, forUpdate = false): Promise<{ actor: Actor; row: store.InquiryRow; side: InquirySide }> {
    const actor = requireUser(ctx);
    const row = await store.findInquiry(db, id, forUpdate);
    const side = row ? this.sideOf(actor, row) : null;
    if (!row || !side) throw new DomainError(InquiryErrors.INQUIRY_NOT_FOUND);
    return { actor, row, side };
  }

  private activeCompany(ctx: RequestContext): { actor: Actor; companyId: string } {
    const actor = requireUser(ctx);
    if (!actor.activeCompanyId) throw new DomainError(InquiryErrors.INQUIRY_ACTIVE_COMPANY_REQUIRED);
    return { actor, companyId: actor.activeCompanyId };
  }

  // -------------------------------------------------------------------------------------------------------
  // Sending

  /** A buyer (owner, admin or purchaser of the active company) asks one supplier, optionally about its products. */
  async create(ctx: RequestContext, input: CreateInput, opts: At = {}): Promise<InquiryView> {
    const { actor, companyId: buyerCompanyId } = this.activeCompany(ctx);
    authorize(ctx, 'company.inquiries.send', buyerCompanyId);
    const at = opts.at ?? new Date();
    const locale = ctx.locale;

    const products = input.lines.length ? await this.deps.catalog.viewsOf([...new Set(input.lines.map((l) => l.productId))]) : [];
    const byId = new Map(products.map((p) => [p.id, p]));
    const supplierCompanyId = input.supplierCompanyId ?? products.find((p) => p.status === 'published')?.companyId;
    if (!supplierCompanyId) {
      if (input.lines.length) throw this.invalid(InquiryErrors.INQUIRY_INVALID, [{ path: 'body.lines.0.productId', message: say(locale, '商品不存在或未上架', 'no such product on sale') }]);
      throw new DomainError(InquiryErrors.INQUIRY_SUPPLIER_REQUIRED);
    }
    if (roleIn(actor, supplierCompanyId)) throw new DomainError(InquiryErrors.INQUIRY_OWN_COMPANY);
    const supplier = await this.supplier(supplierCompanyId);

    const errors: FieldError[] = [];
    const lines: store.NewLine[] = [];
    input.lines.forEach((l, i) => {
      const at = `body.lines.${i}`;
      const p = byId.get(l.productId);
      if (!p || p.status !== 'published') {
        errors.push({ path: `${at}.productId`, message: say(locale, '商品不存在或未上架', 'no such product on sale') });
        return;
      }
      if (p.companyId !== supplierCompanyId) {
        errors.push({ path: `${at}.productId`, message: say(locale, '不是该供应商的商品', 'not a product of this supplier') });
        return;
      }
      const sku = l.skuId ? p.skus.find((s) => s.id === l.skuId) : undefined;
      if (l.skuId && !sku) errors.push({ path: `${at}.skuId`, message: say(locale, '该商品没有此规格', 'not a variant of this product') });
      lines.push(this.snapshot(p, sku ?? null, l.quantity ?? null, l.unit ?? p.unit));
    });
    if (input.desiredDate && input.desiredDate < todayInChina(at)) {
      errors.push({ path: 'body.desiredDate', message: say(locale, '期望日期不能早于今天', 'the desired date may not be in the past') });
    }
    if (input.deliveryProvince && !PROVINCE_CODES.has(input.deliveryProvince)) {
      errors.push({ path: 'body.deliveryProvince', message: say(locale, '省份代码不存在', 'no such province') });
    }
    const unit = input.unit ?? (input.quantity !== undefined ? lines[0]?.unit : undefined) ?? null;
    if (input.quantity !== undefined && !unit) errors.push({ path: 'body.unit', message: say(locale, '填写数量时请选择单位', 'choose the unit of the quantity') });
    errors.push(...(await this.attachmentProblems(input.attachmentIds, buyerCompanyId, locale)));
    if (errors.length) throw this.invalid(InquiryErrors.INQUIRY_INVALID, errors);

    const id = uuidv7(at.getTime());
    const buyerParty = (await this.deps.companies.partiesOf([buyerCompanyId])).get(buyerCompanyId);
    await this.platform.database.transaction(async (trx) => {
      await this.checkRate(trx, actor.userId, at);
      await store.insertInquiry(trx, {
        id, supplierCompanyId, buyerCompanyId, buyerUserId: actor.userId, buyerUserName: actor.name,
        quantity: input.quantity ?? null, unit, targetUnitPrice: input.targetUnitPrice ?? null,
        deliveryProvince: input.deliveryProvince ?? null, desiredDate: input.desiredDate ?? null,
        message: input.message, attachmentIds: [...new Set(input.attachmentIds)], at,
      }, lines);
      await record(trx, actor.userId, {
        type: 'inquiry.created',
        payload: { inquiryId: id, supplierCompanyId, buyerCompanyId, buyerUserId: actor.userId, productIds: lines.map((l) => l.productId), at: at.toISOString() },
      });
      await this.deps.notifications.notify(trx, {
        kind: 'inquiry.received', to: { companyId: supplierCompanyId, roles: HANDLER_ROLES },
        params: { ...partyParams('buyer', buyerParty), ...partyParams('supplier', { name: supplier.legalName, nameEn: supplier.nameEn }), ...subject(lines, input.message) },
        link: `/workbench/inquiries/${id}`, excludeUserIds: [actor.userId], dedupeKey: `inquiry.received:${id}`,
      });
    });
    return this.get(ctx, id);
  }

  private snapshot(p: ProductView, sku: ProductView['skus'][number] | null, quantity: number | null, unit: Unit): store.NewLine {
    return {
      productId: p.id, skuId: sku?.id ?? null, quantity, unit, titleZh: p.titleZh, titleEn: p.titleEn,
      skuCode: sku?.code ?? null, skuAttributes: sku?.attributes ?? {}, coverUrl: p.images[0]?.thumbnails['160'] ?? null,
    };
  }

  private async supplier(companyId: string) {
    try {
      const company = await this.deps.companies.get(systemContext(), companyId);
      if (!SUPPLIER_TYPES.has(company.companyType)) throw new DomainError(InquiryErrors.INQUIRY_NOT_A_SUPPLIER);
      return company;
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') throw new DomainError(InquiryErrors.INQUIRY_SUPPLIER_NOT_FOUND);
      throw err;
    }
  }

  /** Refuses the send when the user already sent hourlyLimit inquiries in the past hour (serialized per user). */
  private async checkRate(trx: Db, userId: string, at: Date): Promise<void> {
    await store.lockSender(trx, userId);
    const { count, oldest } = await store.sentSince(trx, userId, new Date(at.getTime() - HOUR_MS));
    if (count < this.options.hourlyLimit) return;
    const seconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? at.getTime()) + HOUR_MS - at.getTime()) / 1000));
    throw new DomainError(InquiryErrors.INQUIRY_RATE_LIMITED, { limit: this.options.hourlyLimit, minutes: Math.ceil(seconds / 60) }, [], seconds);
  }

  /** Attachments must be files the speaking side's company uploaded as attachments (POST /api/v1/files?purpose=attachment). */
  private async attachmentProblems(ids: string[], companyId: string, locale: Locale, prefix = 'body.attachmentIds'): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const [i, id] of ids.entries()) {
      const meta = await this.deps.files.metadata(id);
      if (!meta || meta.ownerCompanyId !== companyId || meta.purpose !== 'attachment' || !ATTACHABLE_TYPES.has(meta.contentType)) {
        errors.push({ path: `${prefix}.${i}`, message: say(locale, '附件不存在,或不是本企业上传的附件(purpose=attachment)', 'not an attachment uploaded by your company (purpose=attachment)') });
      }
    }
    return errors;
  }

  private invalid(code: string, errors: FieldError[]): DomainError {
    return new DomainError(code, { count: errors.length }, errors);
  }

  // -------------------------------------------------------------------------------------------------------
  // The thread

  /** A reply (text + attachments) or, from the supplier, a quote; either side may write while the inquiry is open. */
  async reply(ctx: RequestContext, id: string, input: ReplyInput, opts: At = {}): Promise<ReplyView> {
    const { actor, row, side } = await this.visible(ctx, id);
    const at = opts.at ?? new Date();
    if (input.quote && side !== 'supplier') throw new DomainError(InquiryErrors.INQUIRY_QUOTE_SUPPLIER_ONLY);
    const errors: FieldError[] = [];
    if (!input.body && !input.quote && input.attachmentIds.length === 0) {
      errors.push({ path: 'body.body', message: say(ctx.locale, '请填写回复内容或添加附件', 'write a reply or attach a file') });
    }
    if (input.quote && input.quote.validUntil < todayInChina(at)) {
      errors.push({ path: 'body.quote.validUntil', message: say(ctx.locale, '报价有效期不能早于今天', 'the quote cannot expire in the past') });
    }
    const ownCompany = side === 'supplier' ? row.supplier_company_id : row.buyer_company_id;
    errors.push(...(await this.attachmentProblems(input.attachmentIds, ownCompany, ctx.locale)));
    if (errors.length) throw this.invalid(InquiryErrors.INQUIRY_REPLY_INVALID, errors);

    const kind = input.quote ? 'quote' : 'reply';
    const names = await this.deps.companies.partiesOf([row.supplier_company_id, row.buyer_company_id]);
    const lines = (await store.linesOf(this.db, [id])).map(lineView);
    const reply = await this.platform.database.transaction(async (trx) => {
      const current = await store.findInquiry(trx, id, true);
      if (!current) throw new DomainError(InquiryErrors.INQUIRY_NOT_FOUND);
      if (current.status === 'closed') throw new DomainError(InquiryErrors.INQUIRY_CLOSED);
      const autoAssign = side === 'supplier' && !current.assignee_user_id;
      const created = await store.insertReply(trx, {
        id: uuidv7(at.getTime()), inquiryId: id, supplierCompanyId: row.supplier_company_id, authorUserId: actor.userId, authorName: actor.name,
        side, kind, body: input.body, attachmentIds: [...new Set(input.attachmentIds)], quote: input.quote ?? null, at,
      });
      await store.updateInquiry(trx, id, {
        status: statusAfterReply(current.status, side, kind),
        lastSide: side, replyCountDelta: 1, quoteCountDelta: kind === 'quote' ? 1 : 0, lastActivityAt: at,
        ...(side === 'supplier' ? { firstResponseAt: at } : {}),
        // The first supplier member to answer an unassigned inquiry takes it.
        ...(autoAssign ? { assignee: { userId: actor.userId, name: actor.name } } : {}),
      });
      await record(trx, actor.userId, {
        type: 'inquiry.replied',
        payload: { inquiryId: id, replyId: created.id, supplierCompanyId: row.supplier_company_id, buyerCompanyId: row.buyer_company_id, authorUserId: actor.userId, side, kind, at: at.toISOString() },
      });
      if (autoAssign) {
        await record(trx, actor.userId, { type: 'inquiry.assigned', payload: { inquiryId: id, supplierCompanyId: row.supplier_company_id, assigneeUserId: actor.userId, previousAssigneeUserId: null, at: at.toISOString() } });
      }
      const params = { ...partyParams('supplier', names.get(row.supplier_company_id)), ...partyParams('buyer', names.get(row.buyer_company_id)), ...subject(lines, row.message) };
      const link = `/workbench/inquiries/${id}`;
      if (side === 'buyer') {
        const to = current.assignee_user_id ? { userIds: [current.assignee_user_id] } : { companyId: row.supplier_company_id, roles: HANDLER_ROLES };
        await this.deps.notifications.notify(trx, { kind: 'inquiry.followup', to, params, link, excludeUserIds: [actor.userId] });
      } else if (input.quote) {
        const unitName = UNIT_NAMES[input.quote.unit];
        await this.deps.notifications.notify(trx, {
          kind: 'inquiry.quoted', to: { userIds: [row.buyer_user_id] }, link, excludeUserIds: [actor.userId],
          params: { ...params, price: formatYuanAmount(input.quote.unitPrice), unitZh: unitName.zh, unitEn: unitName.enOne, validUntil: input.quote.validUntil },
        });
      } else {
        await this.deps.notifications.notify(trx, { kind: 'inquiry.replied', to: { userIds: [row.buyer_user_id] }, params, link, excludeUserIds: [actor.userId] });
      }
      return created;
    });
    return (await this.replyViews([reply]))[0]!;
  }

  async replies(ctx: RequestContext, id: string): Promise<{ items: ReplyView[] }> {
    await this.visible(ctx, id);
    return { items: await this.replyViews(await store.repliesOf(this.db, id)) };
  }

  private async replyViews(rows: store.ReplyRow[]): Promise<ReplyView[]> {
    const out: ReplyView[] = [];
    for (const r of rows) {
      out.push({
        id: r.id, side: r.side, kind: r.kind, author: { id: r.author_user_id, name: r.author_name }, body: r.body,
        attachments: await this.attachmentViews(r.inquiry_id, r.attachment_ids), quote: r.quote, createdAt: r.created_at,
      });
    }
    return out;
  }

  private async attachmentViews(inquiryId: string, ids: string[]): Promise<AttachmentView[]> {
    const out: AttachmentView[] = [];
    for (const id of ids) {
      const meta = await this.deps.files.metadata(id);
      if (meta) out.push({ id, url: `/api/v1/inquiries/${inquiryId}/attachments/${id}`, contentType: meta.contentType, byteSize: meta.byteSize });
    }
    return out;
  }

  /** The bytes of a file attached to the inquiry or one of its replies, for the two sides only. */
  async attachment(ctx: RequestContext, id: string, fileId: string) {
    await this.visible(ctx, id);
    if (!(await store.hasAttachment(this.db, id, fileId))) throw new DomainError(InquiryErrors.INQUIRY_NOT_FOUND);
    const file = await this.deps.readFile(ctx, fileId);
    if (!file) throw new DomainError(InquiryErrors.INQUIRY_NOT_FOUND);
    return file;
  }

  // -------------------------------------------------------------------------------------------------------
  // Handling

  /** Assigns the inquiry to a supplier member who handles inquiries (any handler may take or pass it on); null unassigns. */
  async assign(ctx: RequestContext, id: string, userId: string | null, opts: At = {}): Promise<InquiryView> {
    const { actor, row, side } = await this.visible(ctx, id);
    if (side !== 'supplier') throw new DomainError(InquiryErrors.INQUIRY_ASSIGN_SUPPLIER_ONLY);
    const at = opts.at ?? new Date();
    let assignee: { userId: string; name: string } | null = null;
    if (userId) {
      const member = (await this.deps.members.listMembers(ctx, row.supplier_company_id)).find((m) => m.userId === userId);
      if (!member || !HANDLER_ROLES.includes(member.role)) {
        throw new DomainError(InquiryErrors.INQUIRY_ASSIGNEE_NOT_HANDLER, {}, [{ path: 'body.userId', message: say(ctx.locale, '不是负责询盘的成员', 'not a member who handles inquiries') }]);
      }
      assignee = { userId: member.userId, name: member.name };
    }
    const names = await this.deps.companies.partiesOf([row.buyer_company_id]);
    const lines = (await store.linesOf(this.db, [id])).map(lineView);
    await this.platform.database.transaction(async (trx) => {
      const current = await store.findInquiry(trx, id, true);
      if (!current) throw new DomainError(InquiryErrors.INQUIRY_NOT_FOUND);
      if (current.assignee_user_id === (assignee?.userId ?? null)) return;
      await store.updateInquiry(trx, id, { assignee });
      await record(trx, actor.userId, {
        type: 'inquiry.assigned',
        payload: { inquiryId: id, supplierCompanyId: row.supplier_company_id, assigneeUserId: assignee?.userId ?? null, previousAssigneeUserId: current.assignee_user_id, at: at.toISOString() },
      });
      if (assignee) {
        await this.deps.notifications.notify(trx, {
          kind: 'inquiry.assigned', to: { userIds: [assignee.userId] }, link: `/workbench/inquiries/${id}`, excludeUserIds: [actor.userId],
          params: { actor: actor.name, ...partyParams('buyer', names.get(row.buyer_company_id)), ...subject(lines, row.message) },
        });
      }
    });
    return this.get(ctx, id);
  }

  /** Either side closes the conversation (the buyer found what it needed; the supplier cannot supply). */
  async close(ctx: RequestContext, id: string, reason: string | null, opts: At = {}): Promise<InquiryView> {
    const { actor, row, side } = await this.visible(ctx, id);
    const at = opts.at ?? new Date();
    await this.platform.database.transaction(async (trx) => {
      const current = await store.findInquiry(trx, id, true);
      if (!current) throw new DomainError(InquiryErrors.INQUIRY_NOT_FOUND);
      if (current.status === 'closed') throw new DomainError(InquiryErrors.INQUIRY_CLOSED);
      await store.updateInquiry(trx, id, { status: 'closed', closed: { at, side, reason: reason || null } });
      await record(trx, actor.userId, {
        type: 'inquiry.closed',
        payload: { inquiryId: id, supplierCompanyId: row.supplier_company_id, buyerCompanyId: row.buyer_company_id, side, reason: reason || null, at: at.toISOString() },
      });
    });
    return this.get(ctx, id);
  }

  /** Either side reopens a closed inquiry; it returns to the status its thread had reached. */
  async reopen(ctx: RequestContext, id: string, opts: At = {}): Promise<InquiryView> {
    const { actor, row, side } = await this.visible(ctx, id);
    const at = opts.at ?? new Date();
    await this.platform.database.transaction(async (trx) => {
      const current = await store.findInquiry(trx, id, true);
      if (!current) throw new DomainError(InquiryErrors.INQUIRY_NOT_FOUND);
      if (current.status !== 'closed') throw new DomainError(InquiryErrors.INQUIRY_NOT_CLOSED);
      await store.updateInquiry(trx, id, {
        status: statusAfterReopen({ quoteCount: current.quote_count, supplierAnswered: current.first_response_at !== null }),
        closed: null, lastActivityAt: at,
      });
      await record(trx, actor.userId, {
        type: 'inquiry.reopened',
        payload: { inquiryId: id, supplierCompanyId: row.supplier_company_id, buyerCompanyId: row.buyer_company_id, side, at: at.toISOString() },
      });
    });
    return this.get(ctx, id);
  }

  // -------------------------------------------------------------------------------------------------------
  // Reading

  async get(ctx: RequestContext, id: string): Promise<InquiryView> {
    const { row, side } = await this.visible(ctx, id);
    const [item] = await this.listItems([row]);
    const open = row.status !== 'closed';
    const assignees = side === 'supplier'
      ? (await this.deps.members.listMembers(ctx, row.supplier_company_id)).filter((m) => HANDLER_ROLES.includes(m.role)).map((m) => ({ id: m.userId, name: m.name, role: m.role }))
      : [];
    return {
      ...item!,
      currency: 'CNY', deliveryProvince: row.delivery_province, desiredDate: row.desired_date, message: row.message,
      attachments: await this.attachmentViews(id, row.attachment_ids),
      firstResponseAt: row.first_response_at, closedAt: row.closed_at, closedBySide: row.closed_by_side, closeReason: row.close_reason,
      viewerSide: side,
      can: { reply: open, quote: open && side === 'supplier', assign: side === 'supplier', close: open, reopen: !open },
      assignees,
      replies: await this.replyViews(await store.repliesOf(this.db, id)),
    };
  }

  private async listItems(rows: store.InquiryRow[]): Promise<ListItem[]> {
    const linesBy = new Map<string, LineView[]>();
    for (const l of await store.linesOf(this.db, rows.map((r) => r.id))) {
      const list = linesBy.get(l.inquiry_id) ?? [];
      list.push(lineView(l));
      linesBy.set(l.inquiry_id, list);
    }
    const names = await this.deps.companies.partiesOf(rows.flatMap((r) => [r.supplier_company_id, r.buyer_company_id]));
    const company = (id: string): CompanyName => ({ id, name: names.get(id)?.name ?? '', nameEn: names.get(id)?.nameEn ?? null });
    return rows.map((r) => ({
      id: r.id, status: r.status,
      supplier: company(r.supplier_company_id), buyer: company(r.buyer_company_id),
      buyerUser: { id: r.buyer_user_id, name: r.buyer_user_name },
      assignee: r.assignee_user_id ? { id: r.assignee_user_id, name: r.assignee_name ?? '' } : null,
      lines: linesBy.get(r.id) ?? [],
      quantity: num(r.quantity), unit: r.unit, targetUnitPrice: num(r.target_unit_price), messagePreview: preview(r.message),
      lastSide: r.last_side, replyCount: r.reply_count, quoteCount: r.quote_count, createdAt: r.created_at, lastActivityAt: r.last_activity_at,
    }));
  }

  /** sent: the active company's inquiries as buyer; received: its inbox as supplier. */
  async list(ctx: RequestContext, q: ListQuery) {
    const { actor, companyId } = this.activeCompany(ctx);
    authorize(ctx, q.box === 'sent' ? 'company.inquiries.send' : 'company.inquiries.handle', companyId);
    const rows = await store.list(this.db, {
      box: q.box, companyId, status: q.status, assignee: q.box === 'received' ? q.assignee : 'any', userId: actor.userId, q: q.q,
      beforeId: decodeCursor(q.cursor), limit: q.limit,
    });
    const { nextCursor } = page(rows.map((r) => ({ id: r.id })), q.limit);
    return { items: await this.listItems(rows.slice(0, q.limit)), nextCursor };
  }

  /** The dashboards' numbers for the active company: each side only where the caller has that side's role. */
  async counts(ctx: RequestContext) {
    const { actor, companyId } = this.activeCompany(ctx);
    const c = await store.countsFor(this.db, {
      supplierCompanyId: can(actor, 'company.inquiries.handle', companyId) ? companyId : null,
      buyerCompanyId: can(actor, 'company.inquiries.send', companyId) ? companyId : null,
      userId: actor.userId,
    });
    return { receivedNew: c.received.new, receivedUnassigned: c.unassigned, receivedMine: c.mine, sentAwaitingReply: c.awaiting, received: c.received, sent: c.sent };
  }

  /** For the demo seed: an inquiry this buyer already sent this supplier with this message. */
  async findSeeded(buyerUserId: string, supplierCompanyId: string, message: string): Promise<string | null> {
    return store.findByMessage(this.db, { buyerUserId, supplierCompanyId, message });
  }
}
