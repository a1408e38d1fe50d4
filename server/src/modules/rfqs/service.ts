import type { Actor, RequestContext } from '../../platform/context.js';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { DomainError, PlatformErrors, type FieldError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { formatQuantityText, formatYuan } from '../../platform/money.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireUser } from '../../platform/policy.js';
import { PROVINCES, type CompanyProfile } from '../accounts/index.js';
import { lineTotal, tierAt, UNIT_NAMES, type Unit } from '../catalog/index.js';
import { showsTrustPass } from '../trustpass/index.js';
import { RfqErrors } from './errors.js';
import { record } from './events.js';
import { RFQ_NOTIFICATION_KINDS } from './kinds.js';
import type { Deps, ResolvedCategory } from './ports.js';
import type { CreateRfqInput, ListRfqsQuery, ReviseQuoteInput, SubmitQuoteInput, UpdateRfqInput } from './schemas.js';
import { specLines, validateSpecification, type Specification } from './spec.js';
import { decisionEnds, isFinal, quoteAllows, rfqAllows, sweepOutcome, type QuoteStatus, type RfqStatus } from './states.js';
import * as store from './store.js';

/** How many suppliers one RFQ's matching notifies at most (invited ones come on top). */
export const MATCH_CAP = 50;
/** Candidates read from the catalog before the grade and region rules pick the MATCH_CAP. */
const MATCH_CANDIDATES = 200;
/** The buyer's reminder goes out this long before the deadline. */
export const CLOSING_SOON_MS = 24 * 3_600_000;
/** The market's "deadline soon" filter. */
const DEADLINE_SOON_MS = 72 * 3_600_000;
/** Deadlines at most this far ahead. */
const MAX_DEADLINE_DAYS = 90;
const DAY = 86_400_000;
/** Quotas count calendar months in Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const GRADE_RANK: Record<string, number> = { '1A': 1, '2A': 2, '3A': 3, '4A': 4, '5A': 5 };
type Grade = '1A' | '2A' | '3A' | '4A' | '5A';
const asGrade = (g: string | null | undefined): Grade | null => (g && g in GRADE_RANK ? (g as Grade) : null);
const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['manufacturer', 'trading_company', 'both']);
const PROVINCE_BY_CODE: ReadonlyMap<string, { code: string; zh: string; en: string }> = new Map(PROVINCES.map((p) => [p.code, p]));
const ATTACHMENT_PURPOSES: ReadonlySet<string> = new Set(['attachment', 'product_image']);

const RFQ_STATUS_ZH: Record<RfqStatus, string> = { open: '正在征集报价', awarded: '已选定报价', closed: '已关闭', expired: '已过期', cancelled: '已取消' };
const QUOTE_STATUS_ZH: Record<QuoteStatus, string> = { submitted: '已提交', accepted: '已被接受', declined: '已被拒绝', withdrawn: '已撤回', not_selected: '未被选中' };

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
const num = (v: string | number) => Number(v);

/** 'YYYY-MM' of the Beijing calendar month containing the moment, and the first day of the next one. */
export function quotaMonth(now: Date): { month: string; resetsOn: string } {
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const next = new Date(Date.UTC(y, m + 1, 1));
  return { month: `${y}-${String(m + 1).padStart(2, '0')}`, resetsOn: next.toISOString().slice(0, 10) };
}

/** Today's date in Beijing. */
function beijingToday(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** A moment as Beijing wall time, for notification texts. */
function beijingTime(d: Date): string {
  return `${new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
}

/** The buyer's names as its own members (and the awarded supplier) see them: the English one for English readers. */
interface BuyerName { name: string; nameEn: string | null }

function quantityText(quantity: number, unit: string): { zh: string; en: string } {
  const names = UNIT_NAMES[unit as Unit] ?? { zh: unit, en: unit, enOne: unit };
  const n = formatQuantityText(quantity);
  return { zh: `${n} ${names.zh}`, en: `${n} ${quantity === 1 ? names.enOne : names.en}` };
}

const yuan = formatYuan;

interface SupplierFacts {
  id: string; name: string; nameEn: string | null; province: string; companyType: string; grade: Grade | null; verified: boolean;
  trustpassActive: boolean; trustpassYears: number; responseRate: number | null;
}

/** The terms of an accepted quote, for the trade issue (an order from an accepted quote). */
export interface AcceptedQuoteTerms {
  quoteId: string; rfqId: string; buyerCompanyId: string; supplierCompanyId: string; revision: number; acceptedAt: Date;
  title: string; categoryId: string; specification: Specification; quantity: number; unit: string;
  unitPrice: number; total: number; currency: string; priceTiers: Array<{ minQuantity: number; unitPrice: number }>;
  leadTimeDays: number; validUntil: string; shippingTerms: string; sample: { unitPrice: number; maxQuantity: number } | null; notes: string;
  deliveryProvince: string; deliveryDate: string; attachmentFileIds: string[];
}

/**
 * A quote as a chat card (旺旺): a snapshot of its terms at the RFQ quantity, for the two parties of a conversation.
 * Prices in 分.
 */
export interface QuoteCardSnapshot {
  quoteId: string; rfqId: string; title: string; status: QuoteStatus; revision: number;
  currency: string; unitPrice: number; quantity: number; unit: string; total: number;
  leadTimeDays: number; validUntil: string; shippingTerms: string;
}

export class RfqsService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {
    deps.notifications.registerKinds(RFQ_NOTIFICATION_KINDS);
  }

  private get db() {
    return this.platform.database.db;
  }

  // -------------------------------------------------------------------------------------------------------
  // Helpers

  private active(ctx: RequestContext, action: 'company.rfqs.manage' | 'company.rfqs.view' | 'company.quotes.manage'): { actor: Actor; companyId: string } {
    const actor = requireUser(ctx);
    const companyId = actor.activeCompanyId;
    if (!companyId) throw new DomainError(RfqErrors.RFQ_ACTIVE_COMPANY_REQUIRED);
    authorize(ctx, action, companyId);
    return { actor, companyId };
  }

  private async company(companyId: string): Promise<CompanyProfile | null> {
    try {
      return await this.deps.companies.get(systemContext(), companyId);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  private async gradeOf(companyId: string): Promise<Grade | null> {
    return asGrade((await this.deps.credit.view(systemContext(), companyId)).grade);
  }

  /** The quoting suppliers' cards: each owning module read once for all of them (a comparison of many quotes). */
  private async supplierFacts(ids: string[]): Promise<Map<string, SupplierFacts>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const [companies, ratings, verified, memberships, rates] = await Promise.all([
      this.deps.companies.profilesOf(systemContext(), unique), this.deps.credit.currentRatings(unique), this.deps.verification.verifiedAmong(unique),
      this.deps.trustpass.publicStatuses(unique), this.deps.responseRates ? this.deps.responseRates(unique) : new Map<string, { responseRate: number | null }>(),
    ]);
    const out = new Map<string, SupplierFacts>();
    for (const id of unique) {
      const company = companies.get(id);
      if (!company) continue;
      const trustpass = memberships.get(id)!;
      out.set(id, {
        id, name: company.legalName, nameEn: company.nameEn, province: company.province, companyType: company.companyType,
        grade: asGrade(ratings.get(id)?.grade ?? null), verified: verified.has(id),
        trustpassActive: showsTrustPass(trustpass.status), trustpassYears: trustpass.trustpassYears,
        responseRate: rates.get(id)?.responseRate ?? null,
      });
    }
    return out;
  }

  /** Whether the signed-in user may see the RFQ at all: public ones for anyone; invited ones for the buyer, invitees and operators. */
  private canSee(actor: Actor | null, rfq: store.RfqRow): boolean {
    if (rfq.visibility === 'public') return true;
    if (!actor) return false;
    if (actor.isOperator || can(actor, 'company.rfqs.view', rfq.company_id)) return true;
    return actor.memberships.some((m) => rfq.invited_company_ids.includes(m.companyId));
  }

  private async visibleRfq(ctx: RequestContext, id: string, forUpdate?: Db): Promise<store.RfqRow> {
    const rfq = await store.findRfq(forUpdate ?? this.db, id, Boolean(forUpdate));
    if (!rfq || !this.canSee(ctx.actor, rfq)) throw new DomainError(RfqErrors.RFQ_NOT_FOUND);
    return rfq;
  }

  private async buyerRfq(ctx: RequestContext, id: string, trx: Db): Promise<{ actor: Actor; rfq: store.RfqRow }> {
    const rfq = await store.findRfq(trx, id, true);
    if (!rfq || !this.canSee(ctx.actor, rfq)) throw new DomainError(RfqErrors.RFQ_NOT_FOUND);
    const actor = authorize(ctx, 'company.rfqs.manage', rfq.company_id);
    return { actor, rfq };
  }

  private rfqNotOpen(rfq: store.RfqRow): DomainError {
    return new DomainError(RfqErrors.RFQ_NOT_OPEN, { status: rfq.status, statusZh: RFQ_STATUS_ZH[rfq.status] });
  }

  private rfqEnded(rfq: store.RfqRow): DomainError {
    return new DomainError(RfqErrors.RFQ_ALREADY_ENDED, { status: rfq.status, statusZh: RFQ_STATUS_ZH[rfq.status] });
  }

  private quoteNotPending(q: store.QuoteRow): DomainError {
    return new DomainError(RfqErrors.QUOTE_NOT_PENDING, { status: q.status.replace('_', ' '), statusZh: QUOTE_STATUS_ZH[q.status] });
  }

  private async checkAttachments(companyId: string, ids: string[], locale: Locale, prefix: string): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const [i, id] of ids.entries()) {
      if (ids.indexOf(id) !== i) {
        errors.push({ path: `${prefix}.${i}`, message: say(locale, '附件重复', 'listed twice') });
        continue;
      }
      const meta = await this.deps.files.metadata(id);
      if (!meta || meta.ownerCompanyId !== companyId || !ATTACHMENT_PURPOSES.has(meta.purpose)) {
        errors.push({ path: `${prefix}.${i}`, message: say(locale, '附件不存在,或不是本企业上传的文件', 'not a file uploaded by your company') });
      }
    }
    return errors;
  }

  // -------------------------------------------------------------------------------------------------------
  // RFQs: post, edit, read

  /** The checks a posted or edited RFQ must pass, as field errors; the category resolved for its names and path. */
  private async prepare(ctx: RequestContext, companyId: string, f: store.RfqFields & { quoteDeadlineRaw: Date }, now: Date): Promise<{ fields: store.RfqFields; errors: FieldError[] }> {
    const locale = ctx.locale;
    const errors: FieldError[] = [];
    let category: ResolvedCategory | null = null;
    try {
      category = await this.deps.catalog.resolved(f.categoryId);
    } catch (err) {
      if (!(err instanceof DomainError && err.kind === 'not_found')) throw err;
    }
    if (!category) errors.push({ path: 'body.categoryId', message: say(locale, '类目不存在', 'no such category') });
    else if (category.node.children.length > 0) errors.push({ path: 'body.categoryId', message: say(locale, '请选择最末级类目', 'choose a category at the lowest level') });
    else errors.push(...validateSpecification(category.attributes, f.specification, locale));
    const deadline = f.quoteDeadlineRaw;
    if (deadline.getTime() <= now.getTime()) {
      errors.push({ path: 'body.quoteDeadline', message: say(locale, '报价截止时间必须在将来', 'the quote deadline must be in the future') });
    } else if (deadline.getTime() > now.getTime() + MAX_DEADLINE_DAYS * DAY) {
      errors.push({ path: 'body.quoteDeadline', message: say(locale, `报价截止时间最多在 ${MAX_DEADLINE_DAYS} 天之后`, `the quote deadline may be at most ${MAX_DEADLINE_DAYS} days ahead`) });
    }
    if (f.deliveryDate < beijingToday(deadline)) {
      errors.push({ path: 'body.deliveryDate', message: say(locale, '交货日期不能早于报价截止日期', 'the delivery date cannot be before the quote deadline') });
    }
    if (!PROVINCE_BY_CODE.has(f.deliveryProvince)) errors.push({ path: 'body.deliveryProvince', message: say(locale, '不是有效的省级行政区代码', 'not a province code') });
    f.supplierProvinces.forEach((p, i) => {
      if (!PROVINCE_BY_CODE.has(p)) errors.push({ path: `body.supplierProvinces.${i}`, message: say(locale, '不是有效的省级行政区代码', 'not a province code') });
    });
    errors.push(...(await this.checkAttachments(companyId, f.attachmentFileIds, locale, 'body.attachmentFileIds')));
    const leaf = category?.path[category.path.length - 1];
    return {
      errors,
      fields: {
        ...f, quoteDeadline: deadline, categoryPathIds: category?.path.map((p) => p.id) ?? [f.categoryId],
        categoryNameZh: leaf?.nameZh ?? '', categoryNameEn: leaf?.nameEn ?? '', supplierProvinces: [...new Set(f.supplierProvinces)],
      },
    };
  }

  private async checkInvited(ctx: RequestContext, buyerCompanyId: string, visibility: 'public' | 'invited', ids: string[]): Promise<FieldError[]> {
    const locale = ctx.locale;
    const errors: FieldError[] = [];
    if (visibility === 'invited' && ids.length === 0) errors.push({ path: 'body.invitedCompanyIds', message: say(locale, '仅邀请可见的询价单至少需要邀请一家供应商', 'an invitation-only RFQ needs at least one invited supplier') });
    for (const [i, id] of ids.entries()) {
      const company = id === buyerCompanyId ? null : await this.company(id);
      if (id === buyerCompanyId) errors.push({ path: `body.invitedCompanyIds.${i}`, message: say(locale, '不能邀请本企业', 'you cannot invite your own company') });
      else if (!company) errors.push({ path: `body.invitedCompanyIds.${i}`, message: say(locale, '企业不存在', 'no such company') });
      else if (!SUPPLIER_TYPES.has(company.companyType)) errors.push({ path: `body.invitedCompanyIds.${i}`, message: say(locale, '该企业不是供应商', 'the company is not a supplier') });
    }
    return errors;
  }

  /** Posts (and so publishes) an RFQ for the active company; invited suppliers are told at once, matching runs after commit. */
  async create(ctx: RequestContext, input: CreateRfqInput, now = new Date()) {
    const { actor, companyId } = this.active(ctx, 'company.rfqs.manage');
    const buyer = await this.deps.companies.get(ctx, companyId);
    const invited = [...new Set(input.invitedCompanyIds)];
    const prepared = await this.prepare(ctx, companyId, {
      title: input.title, description: input.description, categoryId: input.categoryId, categoryPathIds: [], categoryNameZh: '', categoryNameEn: '',
      specification: input.specification, quantity: input.quantity, unit: input.unit, targetUnitPrice: input.targetUnitPrice,
      deliveryProvince: input.deliveryProvince, deliveryDate: input.deliveryDate, quoteDeadline: new Date(input.quoteDeadline), quoteDeadlineRaw: new Date(input.quoteDeadline),
      attachmentFileIds: input.attachmentFileIds, supplierProvinces: input.supplierProvinces, minGrade: input.minGrade,
    }, now);
    const errors = [...prepared.errors, ...(await this.checkInvited(ctx, companyId, input.visibility, invited))];
    if (errors.length) throw new DomainError(RfqErrors.RFQ_INVALID, { count: errors.length }, errors);
    const [buyerGrade, buyerVerified] = await Promise.all([this.gradeOf(companyId), this.deps.verification.isVerified(companyId)]);
    const id = await this.platform.database.transaction(async (trx) => {
      const row = await store.insertRfq(trx, {
        id: uuidv7(), companyId, createdBy: actor.userId, fields: prepared.fields, visibility: input.visibility, invitedCompanyIds: invited,
        buyerProvince: buyer.province, buyerGrade, buyerVerified,
      });
      await store.insertMatches(trx, row.id, invited.map((c, rank) => ({ companyId: c, reason: 'invited' as const, rank })));
      const qty = quantityText(input.quantity, input.unit);
      for (const supplierId of invited) {
        await this.deps.notifications.notify(trx, {
          kind: 'rfq.invited', to: { companyId: supplierId, roles: ['owner', 'admin', 'sales'] }, link: `/workbench/rfq-market/${row.id}`,
          params: { title: row.title, quantityZh: qty.zh, quantityEn: qty.en, deadline: beijingTime(row.quote_deadline) },
          dedupeKey: `rfq.invited:${row.id}`, excludeUserIds: [actor.userId],
        });
      }
      await record(trx, actor.userId, {
        type: 'rfq.published', companyId, subjectType: 'rfq', subjectId: row.id,
        payload: { rfqId: row.id, categoryId: row.category_id, visibility: row.visibility, invitedCompanyIds: invited, quoteDeadline: row.quote_deadline.toISOString() },
      });
      return row.id;
    });
    return this.get(ctx, id, now);
  }

  /** Edits an open RFQ before anyone quoted (not its visibility or invitees). */
  async update(ctx: RequestContext, id: string, input: UpdateRfqInput, now = new Date()) {
    const current = await this.visibleRfq(ctx, id);
    authorize(ctx, 'company.rfqs.manage', current.company_id);
    const merged = {
      title: input.title ?? current.title, description: input.description ?? current.description, categoryId: input.categoryId ?? current.category_id,
      categoryPathIds: current.category_path_ids, categoryNameZh: current.category_name_zh, categoryNameEn: current.category_name_en,
      specification: input.specification ?? (input.categoryId && input.categoryId !== current.category_id ? {} : current.specification),
      quantity: input.quantity ?? num(current.quantity), unit: input.unit ?? current.unit,
      targetUnitPrice: input.targetUnitPrice !== undefined ? input.targetUnitPrice : current.target_unit_price,
      deliveryProvince: input.deliveryProvince ?? current.delivery_province, deliveryDate: input.deliveryDate ?? current.delivery_date,
      quoteDeadline: current.quote_deadline, quoteDeadlineRaw: input.quoteDeadline ? new Date(input.quoteDeadline) : current.quote_deadline,
      attachmentFileIds: input.attachmentFileIds ?? current.attachment_file_ids, supplierProvinces: input.supplierProvinces ?? current.supplier_provinces,
      minGrade: input.minGrade !== undefined ? input.minGrade : current.min_grade,
    };
    const prepared = await this.prepare(ctx, current.company_id, merged, now);
    await this.platform.database.transaction(async (trx) => {
      const { actor, rfq } = await this.buyerRfq(ctx, id, trx);
      if (!rfqAllows({ status: rfq.status, quoteDeadline: rfq.quote_deadline }, 'edit', now)) {
        throw rfq.status === 'open' ? new DomainError(RfqErrors.RFQ_DEADLINE_PASSED) : this.rfqNotOpen(rfq);
      }
      if ((await store.quotesOnRfq(trx, id, true)).length > 0) throw new DomainError(RfqErrors.RFQ_HAS_QUOTES);
      if (prepared.errors.length) throw new DomainError(RfqErrors.RFQ_INVALID, { count: prepared.errors.length }, prepared.errors);
      await store.updateRfq(trx, id, prepared.fields);
      await record(trx, actor.userId, { type: 'rfq.updated', companyId: rfq.company_id, subjectType: 'rfq', subjectId: id, payload: { rfqId: id } });
    });
    return this.get(ctx, id, now);
  }

  /** Why the active company may not quote on the RFQ now (a stable code), or null. The quota is checked on submit; `within` re-checks this module's rules in a transaction. */
  private async quoteBlocker(ctx: RequestContext, rfq: store.RfqRow, now: Date, within?: Db): Promise<DomainError | null> {
    const actor = ctx.actor;
    if (!actor) return new DomainError(PlatformErrors.AUTH_REQUIRED);
    const companyId = actor.activeCompanyId;
    if (!companyId) return new DomainError(RfqErrors.RFQ_ACTIVE_COMPANY_REQUIRED);
    if (companyId === rfq.company_id) return new DomainError(RfqErrors.QUOTE_OWN_RFQ);
    if (!can(actor, 'company.quotes.manage', companyId)) return new DomainError(PlatformErrors.FORBIDDEN);
    if (rfq.status !== 'open') return this.rfqNotOpen(rfq);
    if (!rfqAllows({ status: rfq.status, quoteDeadline: rfq.quote_deadline }, 'quote', now)) return new DomainError(RfqErrors.RFQ_DEADLINE_PASSED);
    if (rfq.visibility === 'invited' && !rfq.invited_company_ids.includes(companyId)) return new DomainError(RfqErrors.QUOTE_NOT_INVITED);
    if (await store.liveQuoteOf(within ?? this.db, rfq.id, companyId)) return new DomainError(RfqErrors.QUOTE_ALREADY_SUBMITTED);
    // Inside a transaction (the re-check under the RFQ lock) only this module's rows are read: other modules'
    // services use the database connection, which the transaction holds on PGlite.
    if (within) return null;
    const company = await this.company(companyId);
    if (!company || !SUPPLIER_TYPES.has(company.companyType)) return new DomainError(RfqErrors.QUOTE_SUPPLIERS_ONLY);
    if (rfq.min_grade) {
      const grade = await this.gradeOf(companyId);
      if (!grade || GRADE_RANK[grade]! < GRADE_RANK[rfq.min_grade]!) {
        return new DomainError(RfqErrors.QUOTE_GRADE_TOO_LOW, { minGrade: rfq.min_grade, grade: grade ?? say(ctx.locale, '未评级', 'not rated') });
      }
    }
    return null;
  }

  private listItem(rfq: store.RfqRow, f: { counts: Map<string, { total: number; live: number; unread: number }>; isBuyer: boolean; matchesMe: boolean | null; myQuote: store.QuoteRow | undefined; buyerName: BuyerName | null }) {
    const c = f.counts.get(rfq.id);
    return {
      id: rfq.id, status: rfq.status, title: rfq.title,
      category: { id: rfq.category_id, nameZh: rfq.category_name_zh, nameEn: rfq.category_name_en, pathIds: rfq.category_path_ids },
      quantity: num(rfq.quantity), unit: rfq.unit, targetUnitPrice: rfq.target_unit_price === null ? null : Number(rfq.target_unit_price), currency: rfq.currency,
      deliveryProvince: rfq.delivery_province, deliveryDate: rfq.delivery_date, quoteDeadline: rfq.quote_deadline, visibility: rfq.visibility,
      minGrade: asGrade(rfq.min_grade), quoteCount: c?.total ?? 0, unreadQuotes: f.isBuyer ? (c?.unread ?? 0) : null,
      buyer: { province: rfq.buyer_province, grade: asGrade(rfq.buyer_grade), verified: rfq.buyer_verified, companyId: f.buyerName !== null ? rfq.company_id : null, name: f.buyerName?.name ?? null, nameEn: f.buyerName?.nameEn ?? null },
      matchesMe: f.matchesMe, myQuote: f.myQuote ? { id: f.myQuote.id, status: f.myQuote.status, revision: f.myQuote.revision } : null,
      publishedAt: rfq.published_at, closedAt: rfq.closed_at,
    };
  }

  /** The buyer's name is shown to the buyer's members and, once awarded, to the supplier whose quote was accepted. */
  private async buyerNameFor(actor: Actor | null, rfq: store.RfqRow, myQuote: store.QuoteRow | undefined): Promise<BuyerName | null> {
    const insider = actor !== null && (can(actor, 'company.rfqs.view', rfq.company_id));
    const awardedToMe = myQuote !== undefined && myQuote.status === 'accepted';
    if (!insider && !awardedToMe) return null;
    return this.buyerName(rfq.company_id);
  }

  private async buyerName(companyId: string): Promise<BuyerName | null> {
    const c = await this.company(companyId);
    return c ? { name: c.legalName, nameEn: c.nameEn } : null;
  }

  async get(ctx: RequestContext, id: string, now = new Date()) {
    const rfq = await this.visibleRfq(ctx, id);
    const actor = ctx.actor;
    const isBuyer = actor !== null && can(actor, 'company.rfqs.view', rfq.company_id);
    const supplierId = actor?.activeCompanyId && actor.activeCompanyId !== rfq.company_id ? actor.activeCompanyId : null;
    const [counts, mine, matches] = await Promise.all([
      store.quoteCounts(this.db, [rfq.id]),
      supplierId ? store.quotesOfCompanyOn(this.db, supplierId, [rfq.id]) : Promise.resolve([]),
      isBuyer ? store.matchesOf(this.db, rfq.id) : Promise.resolve(null),
    ]);
    const myQuote = mine[0];
    let matchesMe: boolean | null = null;
    if (supplierId) {
      const [matched, categories] = await Promise.all([store.matchedRfqIds(this.db, supplierId, [rfq.id]), this.deps.catalog.publishedCategoryIds(supplierId)]);
      matchesMe = matched.has(rfq.id) || categories.includes(rfq.category_id);
    }
    const blocker = isBuyer && !supplierId ? new DomainError(RfqErrors.QUOTE_OWN_RFQ) : await this.quoteBlocker(ctx, rfq, now);
    let template: ResolvedCategory | null = null;
    try {
      template = await this.deps.catalog.resolved(rfq.category_id);
    } catch (err) {
      if (!(err instanceof DomainError && err.kind === 'not_found')) throw err;
    }
    return {
      ...this.listItem(rfq, { counts, isBuyer, matchesMe, myQuote, buyerName: await this.buyerNameFor(actor, rfq, myQuote) }),
      description: rfq.description,
      specification: rfq.specification,
      specLines: specLines(template?.attributes ?? [], rfq.specification),
      attachments: rfq.attachment_file_ids.map((fileId) => ({ fileId, url: `/api/v1/rfqs/${rfq.id}/attachments/${fileId}` })),
      supplierProvinces: rfq.supplier_provinces,
      invitedCompanyIds: isBuyer ? rfq.invited_company_ids : [],
      matchedCount: matches ? matches.length : null,
      awardedQuoteId: isBuyer || myQuote?.status === 'accepted' ? rfq.awarded_quote_id : null,
      decisionEnds: decisionEnds(rfq.quote_deadline),
      viewer: {
        isBuyer,
        canManage: actor !== null && can(actor, 'company.rfqs.manage', rfq.company_id),
        canQuote: blocker === null,
        quoteBlockedBy: blocker?.code ?? null,
      },
    };
  }

  /** market: public RFQs taking quotes (anyone); mine: the active company's RFQs (company.rfqs.view). */
  async list(ctx: RequestContext, query: ListRfqsQuery, now = new Date()) {
    const beforeId = decodeCursor(query.cursor);
    const actor = ctx.actor;
    let filter: store.RfqListFilter;
    let supplierId: string | null = null;
    let myCategories: string[] = [];
    if (query.scope === 'mine') {
      const { companyId } = this.active(ctx, 'company.rfqs.view');
      filter = { scope: 'mine', companyId, statuses: query.status ? [query.status] : undefined, categoryId: query.categoryId, province: query.province, q: query.q, beforeId, limit: query.limit };
    } else {
      supplierId = actor?.activeCompanyId ?? null;
      if (query.matching && !supplierId) throw new DomainError(actor ? RfqErrors.RFQ_ACTIVE_COMPANY_REQUIRED : PlatformErrors.AUTH_REQUIRED);
      if (supplierId) myCategories = await this.deps.catalog.publishedCategoryIds(supplierId);
      filter = {
        scope: 'market', categoryId: query.categoryId, province: query.province, q: query.q, openAt: now,
        matching: query.matching && supplierId ? { companyId: supplierId, categoryIds: myCategories } : undefined,
        deadlineBefore: query.closingSoon ? new Date(now.getTime() + DEADLINE_SOON_MS) : undefined, beforeId, limit: query.limit,
      };
    }
    const rows = await store.listRfqs(this.db, filter);
    const ids = rows.map((r) => r.id);
    const [counts, matched, mine] = await Promise.all([
      store.quoteCounts(this.db, ids),
      supplierId ? store.matchedRfqIds(this.db, supplierId, ids) : Promise.resolve(new Set<string>()),
      supplierId ? store.quotesOfCompanyOn(this.db, supplierId, ids) : Promise.resolve([]),
    ]);
    const myQuoteBy = new Map<string, store.QuoteRow>();
    for (const q of mine) if (!myQuoteBy.has(q.rfq_id)) myQuoteBy.set(q.rfq_id, q);
    // The buyer's own RFQs carry its name, in the market too (so its members recognise and open them as theirs); the
    // companies looked up are the reader's own, a handful at most.
    const names = new Map<string, BuyerName | null>();
    for (const r of rows) {
      if (actor !== null && !names.has(r.company_id) && can(actor, 'company.rfqs.view', r.company_id)) names.set(r.company_id, await this.buyerName(r.company_id));
    }
    const items = rows.map((r) => {
      const isBuyer = actor !== null && can(actor, 'company.rfqs.view', r.company_id);
      const ownPost = supplierId === r.company_id;
      return this.listItem(r, {
        counts, isBuyer, buyerName: isBuyer ? (names.get(r.company_id) ?? null) : null,
        matchesMe: supplierId && !ownPost ? matched.has(r.id) || myCategories.includes(r.category_id) : null,
        myQuote: ownPost ? undefined : myQuoteBy.get(r.id),
      });
    });
    return page(items, query.limit);
  }

  /** Numbers for the dashboards of the active company. */
  async counts(ctx: RequestContext, now = new Date()) {
    const actor = requireUser(ctx);
    const companyId = actor.activeCompanyId;
    if (!companyId || !can(actor, 'company.view_private', companyId)) return { myOpenRfqs: 0, quotesUnread: 0, matchingRfqs: 0, myLiveQuotes: 0, quota: null };
    const company = await this.company(companyId);
    const isSupplier = company !== null && SUPPLIER_TYPES.has(company.companyType);
    const [myOpenRfqs, quotesUnread, matchingRfqs, myLiveQuotes, quota] = await Promise.all([
      store.countRfqs(this.db, { companyId, statuses: ['open'] }),
      store.countUnreadForBuyer(this.db, companyId),
      isSupplier ? this.deps.catalog.publishedCategoryIds(companyId).then((cats) => store.countMatching(this.db, companyId, cats, now)) : Promise.resolve(0),
      isSupplier ? store.countLiveQuotesOf(this.db, companyId) : Promise.resolve(0),
      isSupplier ? this.quota(companyId, now) : Promise.resolve(null),
    ]);
    return { myOpenRfqs, quotesUnread, matchingRfqs, myLiveQuotes, quota };
  }

  private async quota(companyId: string, now: Date) {
    const { month, resetsOn } = quotaMonth(now);
    const [{ rfqQuoteQuota }, used] = await Promise.all([this.deps.trustpass.limits(companyId, now), store.quotaUsed(this.db, companyId, month)]);
    return { limit: rfqQuoteQuota, used, left: Math.max(0, rfqQuoteQuota - used), month, resetsOn };
  }

  // -------------------------------------------------------------------------------------------------------
  // RFQs: close, cancel, sweep

  private async end(trx: Db, rfq: store.RfqRow, status: 'closed' | 'expired' | 'cancelled', actorUserId: string | null, now: Date): Promise<void> {
    const notSelected = await store.notSelectRemaining(trx, rfq.id);
    await store.setRfqStatus(trx, rfq.id, status, { closedAt: now });
    await record(trx, actorUserId, {
      type: 'rfq.closed', companyId: rfq.company_id, subjectType: 'rfq', subjectId: rfq.id,
      payload: { rfqId: rfq.id, status, awardedQuoteId: rfq.awarded_quote_id, notSelected: notSelected.length, at: now.toISOString() },
    });
  }

  /** The buyer ends the RFQ (open or awarded): still-submitted quotes become not selected. */
  async close(ctx: RequestContext, id: string, now = new Date()) {
    await this.platform.database.transaction(async (trx) => {
      const { actor, rfq } = await this.buyerRfq(ctx, id, trx);
      if (!rfqAllows({ status: rfq.status, quoteDeadline: rfq.quote_deadline }, 'close', now)) throw this.rfqEnded(rfq);
      await this.end(trx, rfq, 'closed', actor.userId, now);
    });
    return this.get(ctx, id, now);
  }

  /** The buyer withdraws the need before choosing a quote. */
  async cancel(ctx: RequestContext, id: string, now = new Date()) {
    await this.platform.database.transaction(async (trx) => {
      const { actor, rfq } = await this.buyerRfq(ctx, id, trx);
      if (rfq.status === 'awarded') throw new DomainError(RfqErrors.RFQ_ALREADY_AWARDED);
      if (!rfqAllows({ status: rfq.status, quoteDeadline: rfq.quote_deadline }, 'cancel', now)) throw this.rfqEnded(rfq);
      await this.end(trx, rfq, 'cancelled', actor.userId, now);
    });
    return this.get(ctx, id, now);
  }

  /**
   * The recurring sweep: RFQs past their deadline expire (no live quote, or the decision window over) or close
   * (awarded, window over); open RFQs closing within 24 h remind their buyer once.
   */
  async sweep(now = new Date()): Promise<{ expired: number; closed: number; reminded: number }> {
    const out = { expired: 0, closed: 0, reminded: 0 };
    for (;;) {
      const due = await store.pastDeadline(this.db, now, 200);
      let changed = 0;
      const counts = await store.quoteCounts(this.db, due.map((r) => r.id));
      for (const candidate of due) {
        const outcome = sweepOutcome({ status: candidate.status, quoteDeadline: candidate.quote_deadline, liveQuotes: counts.get(candidate.id)?.live ?? 0 }, now);
        if (!outcome) continue;
        const done = await this.platform.database.transaction(async (trx) => {
          const rfq = await store.findRfq(trx, candidate.id, true);
          if (!rfq || isFinal(rfq.status)) return false;
          const live = (await store.quoteCounts(trx, [rfq.id])).get(rfq.id)?.live ?? 0;
          const again = sweepOutcome({ status: rfq.status, quoteDeadline: rfq.quote_deadline, liveQuotes: live }, now);
          if (!again) return false;
          await this.end(trx, rfq, again, null, now);
          out[again]++;
          return true;
        });
        if (done) changed++;
      }
      if (due.length < 200 || changed === 0) break;
    }
    for (const rfq of await store.closingSoon(this.db, now, new Date(now.getTime() + CLOSING_SOON_MS), 500)) {
      const quotes = (await store.quoteCounts(this.db, [rfq.id])).get(rfq.id)?.live ?? 0;
      await this.platform.database.transaction(async (trx) => {
        if (!(await store.markClosingSoonSent(trx, rfq.id))) return;
        await this.deps.notifications.notify(trx, {
          kind: 'rfq.closing_soon', to: { companyId: rfq.company_id, roles: ['owner', 'admin', 'purchaser'] }, link: `/workbench/rfqs/${rfq.id}`,
          params: { title: rfq.title, quotes, deadline: beijingTime(rfq.quote_deadline) }, dedupeKey: `rfq.closing_soon:${rfq.id}`,
        });
        out.reminded++;
      });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------------------
  // Matching

  /**
   * Tells the suppliers that fit a public RFQ: published products in its category subtree, the minimum grade if set,
   * those in the preferred provinces first, at most MATCH_CAP; records who was matched. Runs once per RFQ.
   */
  async match(rfqId: string): Promise<{ matched: number }> {
    const rfq = await store.findRfq(this.db, rfqId);
    if (!rfq || rfq.matched_at || rfq.visibility !== 'public' || rfq.status !== 'open') return { matched: 0 };
    const candidates = await this.deps.catalog.suppliersInCategory(rfq.category_id, MATCH_CANDIDATES);
    const skip = new Set([rfq.company_id, ...rfq.invited_company_ids]);
    const fits: Array<{ companyId: string; preferred: boolean; order: number }> = [];
    for (const [order, c] of candidates.entries()) {
      if (skip.has(c.companyId)) continue;
      const company = await this.company(c.companyId);
      if (!company || !SUPPLIER_TYPES.has(company.companyType)) continue;
      if (rfq.min_grade) {
        const grade = await this.gradeOf(c.companyId);
        if (!grade || GRADE_RANK[grade]! < GRADE_RANK[rfq.min_grade]!) continue;
      }
      fits.push({ companyId: c.companyId, preferred: rfq.supplier_provinces.includes(company.province), order });
    }
    fits.sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.order - b.order);
    const chosen = fits.slice(0, MATCH_CAP);
    const qty = quantityText(num(rfq.quantity), rfq.unit);
    const province = PROVINCE_BY_CODE.get(rfq.delivery_province);
    return this.platform.database.transaction(async (trx) => {
      if (!(await store.claimMatching(trx, rfqId))) return { matched: 0 };
      await store.insertMatches(trx, rfqId, chosen.map((c, rank) => ({ companyId: c.companyId, reason: 'matched' as const, rank })));
      for (const c of chosen) {
        await this.deps.notifications.notify(trx, {
          kind: 'rfq.matched', to: { companyId: c.companyId, roles: ['owner', 'admin', 'sales'] }, link: `/workbench/rfq-market/${rfqId}`,
          params: { title: rfq.title, quantityZh: qty.zh, quantityEn: qty.en, provinceZh: province?.zh ?? rfq.delivery_province, provinceEn: province?.en ?? rfq.delivery_province, deadline: beijingTime(rfq.quote_deadline) },
          dedupeKey: `rfq.matched:${rfqId}`,
        });
      }
      return { matched: chosen.length };
    });
  }

  /** Who was told about the RFQ (the buyer's members and operators). */
  async matches(ctx: RequestContext, id: string) {
    const rfq = await this.visibleRfq(ctx, id);
    authorize(ctx, 'company.rfqs.view', rfq.company_id);
    const rows = await store.matchesOf(this.db, id);
    const names = await this.deps.companies.namesOf(rows.map((r) => r.companyId));
    return { items: rows.map((r) => ({ companyId: r.companyId, name: names.get(r.companyId) ?? '', reason: r.reason, rank: r.rank })) };
  }

  // -------------------------------------------------------------------------------------------------------
  // Quotes

  private async prepareTerms(ctx: RequestContext, companyId: string, t: store.QuoteTerms, now: Date): Promise<FieldError[]> {
    const locale = ctx.locale;
    const errors: FieldError[] = [];
    if (t.validUntil < beijingToday(now)) errors.push({ path: 'body.validUntil', message: say(locale, '报价有效期不能早于今天', 'the quote must be valid until today or later') });
    t.priceTiers.forEach((tier, i) => {
      const prev = t.priceTiers[i - 1];
      if (prev && tier.minQuantity <= prev.minQuantity) errors.push({ path: `body.priceTiers.${i}.minQuantity`, message: say(locale, `阶梯数量必须严格递增:应大于上一档的 ${prev.minQuantity}`, `tier quantities must strictly increase: more than ${prev.minQuantity}`) });
      if (prev && tier.unitPrice > prev.unitPrice) errors.push({ path: `body.priceTiers.${i}.unitPrice`, message: say(locale, `单价不能随数量增加而上涨:上一档为 ${yuan(prev.unitPrice)}`, `unit prices may not rise with quantity: the tier before is ${yuan(prev.unitPrice)}`) });
    });
    errors.push(...(await this.checkAttachments(companyId, t.attachmentFileIds, locale, 'body.attachmentFileIds')));
    return errors;
  }

  /** Submits the active company's quote: one live quote per supplier per RFQ, counted against the monthly quota. */
  async submit(ctx: RequestContext, rfqId: string, input: SubmitQuoteInput, now = new Date()) {
    const { actor, companyId } = this.active(ctx, 'company.quotes.manage');
    const visible = await this.visibleRfq(ctx, rfqId);
    const blocked = await this.quoteBlocker(ctx, visible, now);
    if (blocked) throw blocked;
    const terms: store.QuoteTerms = {
      unitPrice: input.unitPrice, priceTiers: input.priceTiers, currency: 'CNY', leadTimeDays: input.leadTimeDays, validUntil: input.validUntil,
      shippingTerms: input.shippingTerms, sample: input.sample, notes: input.notes, attachmentFileIds: input.attachmentFileIds,
    };
    const errors = await this.prepareTerms(ctx, companyId, terms, now);
    if (errors.length) throw new DomainError(RfqErrors.QUOTE_INVALID, { count: errors.length }, errors);
    const { rfqQuoteQuota } = await this.deps.trustpass.limits(companyId, now);
    const supplier = await this.company(companyId);
    const id = await this.platform.database.transaction(async (trx) => {
      // The RFQ row lock serializes quoting on one RFQ, so the live-quote check below cannot race.
      const rfq = await this.visibleRfq(ctx, rfqId, trx);
      const again = await this.quoteBlocker(ctx, rfq, now, trx);
      if (again) throw again;
      const { month, resetsOn } = quotaMonth(now);
      if (!(await store.takeQuota(trx, companyId, month, rfqQuoteQuota))) throw new DomainError(RfqErrors.QUOTE_QUOTA_EXCEEDED, { quota: rfqQuoteQuota, resetsOn });
      const quote = await store.insertQuote(trx, { id: uuidv7(), rfqId, companyId, buyerCompanyId: rfq.company_id, submittedBy: actor.userId, terms });
      const total = lineTotal(this.unitPriceAt(terms, num(rfq.quantity)), num(rfq.quantity));
      await this.deps.notifications.notify(trx, {
        kind: 'quote.received', to: { companyId: rfq.company_id, roles: ['owner', 'admin', 'purchaser'] }, link: `/workbench/rfqs/${rfq.id}`,
        params: { title: rfq.title, supplier: supplier?.legalName ?? '', supplierEn: supplier?.nameEn ?? supplier?.legalName ?? '', price: yuan(total) }, excludeUserIds: [actor.userId],
      });
      await record(trx, actor.userId, {
        type: 'quote.submitted', companyId, subjectType: 'quote', subjectId: quote.id,
        payload: { quoteId: quote.id, rfqId, buyerCompanyId: rfq.company_id, supplierCompanyId: companyId, unitPrice: terms.unitPrice, currency: terms.currency, at: now.toISOString() },
      });
      return quote.id;
    });
    return this.getQuote(ctx, id);
  }

  private unitPriceAt(terms: Pick<store.QuoteTerms, 'unitPrice' | 'priceTiers'>, quantity: number): number {
    return tierAt(terms.priceTiers, quantity)?.unitPrice ?? terms.unitPrice;
  }

  /** The supplier's own quote, for a change: locked, with its RFQ locked too. */
  private async supplierQuote(ctx: RequestContext, id: string, trx: Db): Promise<{ actor: Actor; quote: store.QuoteRow; rfq: store.RfqRow }> {
    const actor = requireUser(ctx);
    const found = await store.findQuote(trx, id);
    if (!found || !can(actor, 'company.view_private', found.company_id)) throw new DomainError(RfqErrors.QUOTE_NOT_FOUND);
    authorize(ctx, 'company.quotes.manage', found.company_id);
    const rfq = (await store.findRfq(trx, found.rfq_id, true))!;
    const quote = (await store.findQuote(trx, id, true))!;
    return { actor, quote, rfq };
  }

  /** A quote on one of the buyer's RFQs, for a decision: both locked. */
  private async buyerQuote(ctx: RequestContext, id: string, trx: Db): Promise<{ actor: Actor; quote: store.QuoteRow; rfq: store.RfqRow }> {
    const actor = requireUser(ctx);
    const found = await store.findQuote(trx, id);
    if (!found || found.status === 'withdrawn' || !can(actor, 'company.rfqs.view', found.buyer_company_id)) throw new DomainError(RfqErrors.QUOTE_NOT_FOUND);
    authorize(ctx, 'company.rfqs.manage', found.buyer_company_id);
    const rfq = (await store.findRfq(trx, found.rfq_id, true))!;
    const quote = (await store.findQuote(trx, id, true))!;
    return { actor, quote, rfq };
  }

  /** A new revision of the supplier's submitted quote, before the RFQ's deadline; the earlier terms are kept. */
  async revise(ctx: RequestContext, id: string, input: ReviseQuoteInput, now = new Date()) {
    await this.platform.database.transaction(async (trx) => {
      const { actor, quote, rfq } = await this.supplierQuote(ctx, id, trx);
      if (!quoteAllows(quote.status, 'revise')) throw this.quoteNotPending(quote);
      if (rfq.status !== 'open') throw this.rfqNotOpen(rfq);
      if (!rfqAllows({ status: rfq.status, quoteDeadline: rfq.quote_deadline }, 'quote', now)) throw new DomainError(RfqErrors.RFQ_DEADLINE_PASSED);
      const current = store.termsOf(quote);
      const terms: store.QuoteTerms = {
        ...current,
        ...(input.unitPrice !== undefined ? { unitPrice: input.unitPrice } : {}),
        ...(input.priceTiers !== undefined ? { priceTiers: input.priceTiers } : {}),
        ...(input.leadTimeDays !== undefined ? { leadTimeDays: input.leadTimeDays } : {}),
        ...(input.validUntil !== undefined ? { validUntil: input.validUntil } : {}),
        ...(input.shippingTerms !== undefined ? { shippingTerms: input.shippingTerms } : {}),
        ...(input.sample !== undefined ? { sample: input.sample } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.attachmentFileIds !== undefined ? { attachmentFileIds: input.attachmentFileIds } : {}),
      };
      const errors = await this.prepareTerms(ctx, quote.company_id, terms, now);
      if (errors.length) throw new DomainError(RfqErrors.QUOTE_INVALID, { count: errors.length }, errors);
      const revised = await store.reviseQuote(trx, id, quote.revision + 1, terms, actor.userId);
      await record(trx, actor.userId, {
        type: 'quote.revised', companyId: quote.company_id, subjectType: 'quote', subjectId: id,
        payload: { quoteId: id, rfqId: rfq.id, buyerCompanyId: rfq.company_id, supplierCompanyId: quote.company_id, revision: revised.revision, unitPrice: terms.unitPrice, at: now.toISOString() },
      });
    });
    return this.getQuote(ctx, id);
  }

  async withdraw(ctx: RequestContext, id: string, now = new Date()) {
    await this.platform.database.transaction(async (trx) => {
      const { actor, quote, rfq } = await this.supplierQuote(ctx, id, trx);
      if (!quoteAllows(quote.status, 'withdraw')) throw this.quoteNotPending(quote);
      await store.setQuoteStatus(trx, id, 'withdrawn');
      await record(trx, actor.userId, {
        type: 'quote.withdrawn', companyId: quote.company_id, subjectType: 'quote', subjectId: id,
        payload: { quoteId: id, rfqId: rfq.id, buyerCompanyId: rfq.company_id, supplierCompanyId: quote.company_id, at: now.toISOString() },
      });
    });
    return this.getQuote(ctx, id);
  }

  /** The buyer accepts one quote: the RFQ becomes awarded; the other quotes stay until declined or the RFQ closes. */
  async accept(ctx: RequestContext, id: string, now = new Date()) {
    await this.platform.database.transaction(async (trx) => {
      const { actor, quote, rfq } = await this.buyerQuote(ctx, id, trx);
      if (rfq.status === 'awarded') throw new DomainError(RfqErrors.RFQ_ALREADY_AWARDED);
      if (rfq.status !== 'open') throw this.rfqEnded(rfq);
      if (!quoteAllows(quote.status, 'accept')) throw this.quoteNotPending(quote);
      if (!rfqAllows({ status: rfq.status, quoteDeadline: rfq.quote_deadline }, 'accept', now)) {
        throw new DomainError(RfqErrors.RFQ_DECISION_WINDOW_OVER, { until: beijingTime(decisionEnds(rfq.quote_deadline)) });
      }
      await store.setQuoteStatus(trx, id, 'accepted');
      await store.setRfqStatus(trx, rfq.id, 'awarded', { awardedQuoteId: id });
      const quantity = num(rfq.quantity);
      const unitPrice = this.unitPriceAt(store.termsOf(quote), quantity);
      await this.deps.notifications.notify(trx, {
        kind: 'quote.accepted', to: { companyId: quote.company_id, roles: ['owner', 'admin', 'sales'] }, link: `/workbench/rfq-market/${rfq.id}`,
        params: { title: rfq.title }, excludeUserIds: [actor.userId],
      });
      await record(trx, actor.userId, {
        type: 'quote.accepted', companyId: quote.company_id, subjectType: 'quote', subjectId: id,
        payload: {
          quoteId: id, rfqId: rfq.id, buyerCompanyId: rfq.company_id, supplierCompanyId: quote.company_id, revision: quote.revision,
          unitPrice, quantity, unit: rfq.unit, total: lineTotal(unitPrice, quantity), currency: quote.currency, at: now.toISOString(),
        },
      });
    });
    return this.getQuote(ctx, id);
  }

  async decline(ctx: RequestContext, id: string, reason: string | undefined, now = new Date()) {
    await this.platform.database.transaction(async (trx) => {
      const { actor, quote, rfq } = await this.buyerQuote(ctx, id, trx);
      if (!rfqAllows({ status: rfq.status, quoteDeadline: rfq.quote_deadline }, 'decline', now)) throw this.rfqEnded(rfq);
      if (!quoteAllows(quote.status, 'decline')) throw this.quoteNotPending(quote);
      const why = reason?.trim() || null;
      await store.setQuoteStatus(trx, id, 'declined', why);
      await this.deps.notifications.notify(trx, {
        kind: 'quote.declined', to: { companyId: quote.company_id, roles: ['owner', 'admin', 'sales'] }, link: `/workbench/quotes`,
        params: { title: rfq.title, reason: why ?? '—' }, excludeUserIds: [actor.userId],
      });
      await record(trx, actor.userId, {
        type: 'quote.declined', companyId: quote.company_id, subjectType: 'quote', subjectId: id,
        payload: { quoteId: id, rfqId: rfq.id, buyerCompanyId: rfq.company_id, supplierCompanyId: quote.company_id, reason: why, at: now.toISOString() },
      });
    });
    return this.getQuote(ctx, id);
  }

  async shortlist(ctx: RequestContext, id: string, shortlisted: boolean) {
    await this.platform.database.transaction(async (trx) => {
      const { quote, rfq } = await this.buyerQuote(ctx, id, trx);
      if (isFinal(rfq.status)) throw this.rfqEnded(rfq);
      if (!quoteAllows(quote.status, 'shortlist')) throw this.quoteNotPending(quote);
      await store.setShortlisted(trx, id, shortlisted);
    });
    return this.getQuote(ctx, id);
  }

  private quoteView(q: store.QuoteRow, rfq: store.RfqRow, supplier: SupplierFacts | undefined, f: { isBuyer: boolean; messages: number }) {
    const terms = store.termsOf(q);
    const quantity = num(rfq.quantity);
    const unitPrice = this.unitPriceAt(terms, quantity);
    return {
      id: q.id, rfqId: q.rfq_id, status: q.status, shortlisted: q.shortlisted, revision: q.revision,
      unitPrice: terms.unitPrice, priceTiers: terms.priceTiers, currency: terms.currency, leadTimeDays: terms.leadTimeDays, validUntil: terms.validUntil,
      shippingTerms: terms.shippingTerms, sample: terms.sample, notes: terms.notes,
      attachments: terms.attachmentFileIds.map((fileId) => ({ fileId, url: `/api/v1/quotes/${q.id}/attachments/${fileId}` })),
      declineReason: q.decline_reason,
      atQuantity: { quantity, unit: rfq.unit, unitPrice, total: lineTotal(unitPrice, quantity) },
      supplier: supplier
        ? { id: supplier.id, name: supplier.name, nameEn: supplier.nameEn, province: supplier.province, grade: supplier.grade, verified: supplier.verified, trustpassActive: supplier.trustpassActive, trustpassYears: supplier.trustpassYears, responseRate: supplier.responseRate }
        : { id: q.company_id, name: '', nameEn: null, province: '', grade: null, verified: false, trustpassActive: false, trustpassYears: 0, responseRate: null },
      rfq: { id: rfq.id, title: rfq.title, status: rfq.status, quoteDeadline: rfq.quote_deadline, quantity, unit: rfq.unit },
      unread: f.isBuyer && q.buyer_read_at === null,
      messageCount: f.messages,
      createdAt: q.created_at, updatedAt: q.updated_at, decidedAt: q.decided_at,
    };
  }

  /**
   * Quotes on an RFQ: its buyer sees all of them (and they count as read); any other company sees only its own.
   * A supplier never sees another supplier's quote.
   */
  async quotesOn(ctx: RequestContext, rfqId: string) {
    const actor = requireUser(ctx);
    const rfq = await this.visibleRfq(ctx, rfqId);
    const isBuyer = can(actor, 'company.rfqs.view', rfq.company_id);
    let rows: store.QuoteRow[];
    if (isBuyer) {
      rows = await store.quotesOnRfq(this.db, rfqId);
    } else {
      const companyId = actor.activeCompanyId;
      if (!companyId) throw new DomainError(RfqErrors.RFQ_ACTIVE_COMPANY_REQUIRED);
      authorize(ctx, 'company.view_private', companyId);
      rows = await store.quotesOfCompanyOn(this.db, companyId, [rfqId]);
    }
    const [facts, messages] = await Promise.all([this.supplierFacts(rows.map((r) => r.company_id)), store.messageCounts(this.db, rows.map((r) => r.id))]);
    const items = rows.map((q) => this.quoteView(q, rfq, facts.get(q.company_id), { isBuyer, messages: messages.get(q.id) ?? 0 }));
    if (isBuyer && actor.memberships.some((m) => m.companyId === rfq.company_id)) await store.markRead(this.db, rfqId);
    const live = items.filter((i) => i.status === 'submitted' || i.status === 'accepted');
    const best = (key: (i: (typeof items)[number]) => number) => live.reduce<(typeof items)[number] | null>((b, i) => (b === null || key(i) < key(b) ? i : b), null)?.id ?? null;
    return { items, best: { priceQuoteId: best((i) => i.atQuantity.total), leadTimeQuoteId: best((i) => i.leadTimeDays) }, viewer: isBuyer ? ('buyer' as const) : ('supplier' as const) };
  }

  /** Which side the user stands on for this quote: the supplier's members, or the buyer's (operators read as the buyer); else null. */
  private sideOf(actor: Actor, q: store.QuoteRow): 'buyer' | 'supplier' | null {
    const inSupplier = actor.memberships.some((m) => m.companyId === q.company_id);
    const inBuyer = actor.memberships.some((m) => m.companyId === q.buyer_company_id) && can(actor, 'company.rfqs.view', q.buyer_company_id);
    if (inSupplier && (!inBuyer || actor.activeCompanyId === q.company_id)) return 'supplier';
    // The buyer never sees a withdrawn quote.
    if ((inBuyer || actor.isOperator) && q.status !== 'withdrawn') return 'buyer';
    return null;
  }

  /** One quote with its revision history, for its supplier and the RFQ's buyer. */
  async getQuote(ctx: RequestContext, id: string) {
    const actor = requireUser(ctx);
    const q = await store.findQuote(this.db, id);
    const side = q ? this.sideOf(actor, q) : null;
    if (!q || !side) throw new DomainError(RfqErrors.QUOTE_NOT_FOUND);
    const rfq = (await store.findRfq(this.db, q.rfq_id))!;
    const [facts, messages, revisions] = await Promise.all([this.supplierFacts([q.company_id]), store.messageCounts(this.db, [id]), store.revisionsOf(this.db, id)]);
    return {
      ...this.quoteView(q, rfq, facts.get(q.company_id), { isBuyer: side === 'buyer', messages: messages.get(id) ?? 0 }),
      revisions: revisions.map((r) => ({
        revision: r.revision, createdAt: r.created_at, unitPrice: r.terms.unitPrice, priceTiers: r.terms.priceTiers, currency: r.terms.currency,
        leadTimeDays: r.terms.leadTimeDays, validUntil: r.terms.validUntil, shippingTerms: r.terms.shippingTerms, sample: r.terms.sample, notes: r.terms.notes,
        attachmentFileIds: r.terms.attachmentFileIds,
      })),
    };
  }

  /** The active company's own quotes ("My quotes"), newest first. */
  async myQuotes(ctx: RequestContext, f: { status?: QuoteStatus | undefined; cursor?: string | undefined; limit: number }) {
    const actor = requireUser(ctx);
    const companyId = actor.activeCompanyId;
    if (!companyId) throw new DomainError(RfqErrors.RFQ_ACTIVE_COMPANY_REQUIRED);
    authorize(ctx, 'company.view_private', companyId);
    const rows = await store.listCompanyQuotes(this.db, { companyId, statuses: f.status ? [f.status] : undefined, beforeId: decodeCursor(f.cursor), limit: f.limit });
    const rfqs = new Map((await store.findRfqs(this.db, rows.map((r) => r.rfq_id))).map((r) => [r.id, r]));
    const [facts, messages] = await Promise.all([this.supplierFacts([companyId]), store.messageCounts(this.db, rows.map((r) => r.id))]);
    return page(rows.map((q) => this.quoteView(q, rfqs.get(q.rfq_id)!, facts.get(companyId), { isBuyer: false, messages: messages.get(q.id) ?? 0 })), f.limit);
  }

  // -------------------------------------------------------------------------------------------------------
  // The per-quote thread

  async thread(ctx: RequestContext, id: string, f: { after?: string | undefined; limit: number }) {
    const actor = requireUser(ctx);
    const q = await store.findQuote(this.db, id);
    if (!q || !this.sideOf(actor, q)) throw new DomainError(RfqErrors.QUOTE_NOT_FOUND);
    const rows = await store.messagesOf(this.db, id, f.after, f.limit);
    return {
      items: rows.slice(0, f.limit).map((m) => ({ id: m.id, quoteId: m.quote_id, side: m.side, authorUserId: m.author_user_id, mine: m.author_user_id === actor.userId, body: m.body, createdAt: m.created_at })),
      hasMore: rows.length > f.limit,
    };
  }

  /** A message under the quote, from the buyer (company.rfqs.manage) or the supplier (company.quotes.manage); the other side is told. */
  async postMessage(ctx: RequestContext, id: string, body: string) {
    const actor = requireUser(ctx);
    const message = await this.platform.database.transaction(async (trx) => {
      const q = await store.findQuote(trx, id);
      const side = q ? this.sideOf(actor, q) : null;
      if (!q || !side) throw new DomainError(RfqErrors.QUOTE_NOT_FOUND);
      authorize(ctx, side === 'buyer' ? 'company.rfqs.manage' : 'company.quotes.manage', side === 'buyer' ? q.buyer_company_id : q.company_id);
      if (!quoteAllows(q.status, 'message')) throw new DomainError(RfqErrors.QUOTE_THREAD_CLOSED);
      const rfq = (await store.findRfq(trx, q.rfq_id))!;
      const row = await store.insertMessage(trx, { id: uuidv7(), quoteId: id, authorUserId: actor.userId, side, body });
      const excerpt = body.length > 80 ? `${body.slice(0, 80)}…` : body;
      await this.deps.notifications.notify(trx, side === 'buyer'
        ? { kind: 'quote.message', to: { companyId: q.company_id, roles: ['owner', 'admin', 'sales'] }, link: `/workbench/rfq-market/${rfq.id}`, params: { title: rfq.title, excerpt }, excludeUserIds: [actor.userId] }
        : { kind: 'quote.message', to: { companyId: q.buyer_company_id, roles: ['owner', 'admin', 'purchaser'] }, link: `/workbench/rfqs/${rfq.id}`, params: { title: rfq.title, excerpt }, excludeUserIds: [actor.userId] });
      return row;
    });
    return { id: message.id, quoteId: message.quote_id, side: message.side, authorUserId: message.author_user_id, mine: true, body: message.body, createdAt: message.created_at };
  }

  // -------------------------------------------------------------------------------------------------------
  // Attachments and the public surface

  /**
   * An attachment of an RFQ or quote, for whoever may see that RFQ or quote. The files stay private to the company
   * that uploaded them; files.readAttached serves them once the RFQ's or quote's rules allowed the reader.
   */
  async attachment(ctx: RequestContext, owner: { rfqId: string } | { quoteId: string }, fileId: string) {
    let ids: string[];
    if ('rfqId' in owner) {
      const rfq = await this.visibleRfq(ctx, owner.rfqId);
      ids = rfq.attachment_file_ids;
    } else {
      const actor = requireUser(ctx);
      const q = await store.findQuote(this.db, owner.quoteId);
      if (!q || !this.sideOf(actor, q)) throw new DomainError(RfqErrors.QUOTE_NOT_FOUND);
      ids = q.attachment_file_ids;
    }
    if (!ids.includes(fileId)) throw new DomainError(RfqErrors.RFQ_ATTACHMENT_NOT_FOUND);
    const file = await this.deps.files.readAttached(fileId);
    if (!file) throw new DomainError(RfqErrors.RFQ_ATTACHMENT_NOT_FOUND);
    return file;
  }

  /** The accepted quote's full terms (null unless accepted): what the trade issue turns into an order. */
  async acceptedTerms(quoteId: string): Promise<AcceptedQuoteTerms | null> {
    const q = await store.findQuote(this.db, quoteId);
    if (!q || q.status !== 'accepted') return null;
    const rfq = (await store.findRfq(this.db, q.rfq_id))!;
    const terms = store.termsOf(q);
    const quantity = num(rfq.quantity);
    const unitPrice = this.unitPriceAt(terms, quantity);
    return {
      quoteId: q.id, rfqId: rfq.id, buyerCompanyId: rfq.company_id, supplierCompanyId: q.company_id, revision: q.revision, acceptedAt: q.decided_at ?? q.updated_at,
      title: rfq.title, categoryId: rfq.category_id, specification: rfq.specification, quantity, unit: rfq.unit,
      unitPrice, total: lineTotal(unitPrice, quantity), currency: terms.currency, priceTiers: terms.priceTiers, leadTimeDays: terms.leadTimeDays,
      validUntil: terms.validUntil, shippingTerms: terms.shippingTerms, sample: terms.sample, notes: terms.notes,
      deliveryProvince: rfq.delivery_province, deliveryDate: rfq.delivery_date, attachmentFileIds: terms.attachmentFileIds,
    };
  }

  /**
   * The card of a quote made by `supplierCompanyId` on an RFQ of `buyerCompanyId` (any status but withdrawn), else
   * null: the caller (chat) shows it only between those two companies.
   */
  async cardFor(quoteId: string, parties: { buyerCompanyId: string | null; supplierCompanyId: string }): Promise<QuoteCardSnapshot | null> {
    if (!parties.buyerCompanyId) return null;
    const q = await store.findQuote(this.db, quoteId);
    if (!q || q.status === 'withdrawn' || q.company_id !== parties.supplierCompanyId || q.buyer_company_id !== parties.buyerCompanyId) return null;
    const rfq = await store.findRfq(this.db, q.rfq_id);
    if (!rfq || rfq.company_id !== parties.buyerCompanyId) return null;
    const terms = store.termsOf(q);
    const quantity = num(rfq.quantity);
    const unitPrice = this.unitPriceAt(terms, quantity);
    return {
      quoteId: q.id, rfqId: rfq.id, title: rfq.title, status: q.status, revision: q.revision,
      currency: terms.currency, unitPrice, quantity, unit: rfq.unit, total: lineTotal(unitPrice, quantity),
      leadTimeDays: terms.leadTimeDays, validUntil: terms.validUntil, shippingTerms: terms.shippingTerms,
    };
  }
}
