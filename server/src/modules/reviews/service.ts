import type { RequestContext } from '../../platform/context.js';
import { systemContext } from '../../platform/context.js';
import { DomainError, type Locale } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { authorize, can, requireUser } from '../../platform/policy.js';
import { PROVINCES } from '../accounts/index.js';
import { ReviewsErrors } from './errors.js';
import { record, type ReviewScores } from './events.js';
import type { Deps, OrderForReview } from './ports.js';
import * as store from './store.js';

/** Order states in which the buyer may write its review: goods received (not only completed — docs/reviews.md). */
export const REVIEWABLE_STATUSES: ReadonlySet<string> = new Set(['received', 'completed']);
export const TEXT_MAX = 1000;
export const REPLY_MAX = 500;

const PROVINCE_BY_CODE = new Map<string, { zh: string; en: string }>(PROVINCES.map((p) => [p.code, p]));
const TYPE_LABELS: Record<string, { zh: string; en: string }> = {
  buyer: { zh: '采购商', en: 'Buyer' },
  manufacturer: { zh: '生产厂家', en: 'Manufacturer' },
  trading_company: { zh: '贸易公司', en: 'Trading company' },
  both: { zh: '产销一体', en: 'Manufacturer & buyer' },
};

/** 浙江省 → 浙江, 广西壮族自治区 → 广西, 上海市 → 上海: the short name a masked buyer is shown with. */
export function shortProvince(zh: string): string {
  return zh.replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/, '');
}

/** How the public sees the buyer of a review: province and company type, never the company ("浙江 · 采购商"). */
export function maskedBuyer(province: string, companyType: string, locale: Locale): string {
  const p = PROVINCE_BY_CODE.get(province);
  const type = TYPE_LABELS[companyType] ?? TYPE_LABELS.buyer!;
  return locale === 'zh-CN'
    ? `${p ? shortProvince(p.zh) : '—'} · ${type.zh}`
    : `${p ? p.en : '—'} · ${type.en}`;
}

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const excerpt = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

export interface ReviewView {
  id: string;
  /** Only for members of the order's two companies (and operators); null on everyone else's view. */
  orderId: string | null;
  supplierCompanyId: string;
  buyer: { province: string; companyType: string; label: string };
  products: store.ReviewItem[];
  scores: ReviewScores;
  /** The mean of the three scores, one decimal. */
  overall: number;
  text: string;
  reply: { text: string; at: Date } | null;
  createdAt: Date;
  /** The viewer may reply (a supplier member with company.orders.fulfil, no reply yet). */
  canReply: boolean;
}

export interface ReviewSummary {
  count: number;
  averages: { quality: number | null; shipping: number | null; service: number | null; overall: number | null };
  replied: number;
  stars: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface CreateReviewInput extends ReviewScores {
  orderId: string;
  text: string;
}

export interface OrderReviewState {
  orderId: string;
  review: ReviewView | null;
  /** The viewer may write the review now. */
  canReview: boolean;
  /** Why not, when the viewer is on the buyer side and may not (yet): a stable code. */
  blockedBy: 'REVIEW_NOT_ALLOWED_YET' | 'REVIEW_ALREADY_EXISTS' | 'FORBIDDEN' | null;
}

export class ReviewsService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  private async order(orderId: string): Promise<OrderForReview> {
    let order: OrderForReview | null;
    try {
      order = await this.deps.orders.forParty(null, orderId);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') throw new DomainError(ReviewsErrors.REVIEW_ORDER_NOT_FOUND);
      throw err;
    }
    if (!order) throw new DomainError(ReviewsErrors.REVIEW_ORDER_NOT_FOUND);
    return order;
  }

  /** Members of either company of the order who may see orders, and operators; others learn nothing (not found). */
  private assertParty(ctx: RequestContext, order: OrderForReview): void {
    const actor = requireUser(ctx);
    if (!can(actor, 'company.orders.view', order.buyerCompanyId) && !can(actor, 'company.orders.view', order.supplierCompanyId)) {
      throw new DomainError(ReviewsErrors.REVIEW_ORDER_NOT_FOUND);
    }
  }

  private view(ctx: RequestContext, r: store.ReviewRow): ReviewView {
    const actor = ctx.actor;
    const party = Boolean(actor && (can(actor, 'company.orders.view', r.buyer_company_id) || can(actor, 'company.orders.view', r.supplier_company_id)));
    const items = r.items;
    return {
      id: r.id,
      orderId: party ? r.order_id : null,
      supplierCompanyId: r.supplier_company_id,
      buyer: { province: r.buyer_province, companyType: r.buyer_type, label: maskedBuyer(r.buyer_province, r.buyer_type, ctx.locale) },
      products: items,
      scores: { quality: r.quality, shipping: r.shipping, service: r.service },
      overall: Math.round(((r.quality + r.shipping + r.service) / 3) * 10) / 10,
      text: r.text,
      reply: r.reply !== null && r.replied_at !== null ? { text: r.reply, at: r.replied_at } : null,
      createdAt: r.created_at,
      canReply: r.reply === null && Boolean(actor && !actor.isOperator && can(actor, 'company.orders.fulfil', r.supplier_company_id)),
    };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writing

  /**
   * The buyer's review of an order: a member of the buyer company with company.orders.place, once the goods are
   * received (or the order completed), once per order. The supplier is told; review.created feeds service metrics.
   */
  async create(ctx: RequestContext, input: CreateReviewInput): Promise<ReviewView> {
    const order = await this.order(input.orderId);
    this.assertParty(ctx, order);
    const actor = authorize(ctx, 'company.orders.place', order.buyerCompanyId);
    if (await store.findByOrder(this.db, order.id)) throw new DomainError(ReviewsErrors.REVIEW_ALREADY_EXISTS);
    // Read before the transaction (PGlite has one connection): the buyer's province and type for the masked name.
    const buyer = (await this.deps.companies.profilesOf(systemContext(), [order.buyerCompanyId])).get(order.buyerCompanyId);
    const text = input.text.trim();

    const row = await this.platform.database.transaction(async (trx) => {
      // The state again, inside the transaction: the order may have moved on since.
      const current = (await this.deps.orders.forParty(trx, order.id)) ?? order;
      if (!REVIEWABLE_STATUSES.has(current.status)) throw new DomainError(ReviewsErrors.REVIEW_NOT_ALLOWED_YET, { status: current.status });
      const items = uniqueItems(current.lines);
      const inserted = await store.insertReview(trx, {
        id: uuidv7(), orderId: current.id, buyerCompanyId: current.buyerCompanyId, supplierCompanyId: current.supplierCompanyId,
        items, buyerProvince: buyer?.province ?? '', buyerType: buyer?.companyType ?? 'buyer',
        quality: input.quality, shipping: input.shipping, service: input.service, text, createdBy: actor.userId,
      });
      if (!inserted) throw new DomainError(ReviewsErrors.REVIEW_ALREADY_EXISTS);
      const scores = { quality: inserted.quality, shipping: inserted.shipping, service: inserted.service };
      await record(trx, actor.userId, {
        type: 'review.created',
        payload: {
          reviewId: inserted.id, orderId: inserted.order_id, supplierCompanyId: inserted.supplier_company_id, buyerCompanyId: inserted.buyer_company_id,
          productIds: inserted.product_ids, scores, hasText: text.length > 0, at: inserted.created_at.toISOString(),
        },
      });
      await this.deps.notifications.notify(trx, {
        kind: 'review.received', to: { companyId: inserted.supplier_company_id, roles: ['owner', 'admin', 'sales'] },
        params: { number: current.number, ...scores, excerpt: excerpt(text) }, link: `/workbench/orders/${current.id}`,
        dedupeKey: `review.received:${inserted.id}`,
      });
      return inserted;
    });
    return this.view(ctx, row);
  }

  /** The supplier's one reply (a member with company.orders.fulfil). The reviewer is told. */
  async reply(ctx: RequestContext, reviewId: string, text: string): Promise<ReviewView> {
    const found = await store.findReview(this.db, reviewId);
    if (!found) throw new DomainError(ReviewsErrors.REVIEW_NOT_FOUND);
    const actor = authorize(ctx, 'company.orders.fulfil', found.supplier_company_id);
    if (found.reply !== null) throw new DomainError(ReviewsErrors.REVIEW_ALREADY_REPLIED);
    const order = await this.order(found.order_id).catch(() => null);
    const row = await this.platform.database.transaction(async (trx) => {
      const updated = await store.setReply(trx, reviewId, { text: text.trim(), by: actor.userId });
      if (!updated) throw new DomainError(ReviewsErrors.REVIEW_ALREADY_REPLIED);
      await record(trx, actor.userId, {
        type: 'review.replied',
        payload: { reviewId: updated.id, orderId: updated.order_id, supplierCompanyId: updated.supplier_company_id, buyerCompanyId: updated.buyer_company_id, at: updated.replied_at!.toISOString() },
      });
      await this.deps.notifications.notify(trx, {
        kind: 'review.replied', to: { userIds: [updated.created_by] },
        params: { number: order?.number ?? '', excerpt: excerpt(updated.reply ?? '') }, link: `/workbench/orders/${updated.order_id}`,
        dedupeKey: `review.replied:${updated.id}`,
      });
      return updated;
    });
    return this.view(ctx, row);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading

  /** One review (public, like the lists). */
  async get(ctx: RequestContext, id: string): Promise<ReviewView> {
    const row = await store.findReview(this.db, id);
    if (!row) throw new DomainError(ReviewsErrors.REVIEW_NOT_FOUND);
    return this.view(ctx, row);
  }

  /** The order's review and whether the viewer may write it now: for the order detail page (both sides). */
  async forOrder(ctx: RequestContext, orderId: string): Promise<OrderReviewState> {
    const order = await this.order(orderId);
    this.assertParty(ctx, order);
    const row = await store.findByOrder(this.db, order.id);
    const actor = requireUser(ctx);
    const mayPlace = can(actor, 'company.orders.place', order.buyerCompanyId);
    const onBuyerSide = actor.memberships.some((m) => m.companyId === order.buyerCompanyId);
    let blockedBy: OrderReviewState['blockedBy'] = null;
    if (onBuyerSide) {
      if (row) blockedBy = 'REVIEW_ALREADY_EXISTS';
      else if (!mayPlace) blockedBy = 'FORBIDDEN';
      else if (!REVIEWABLE_STATUSES.has(order.status)) blockedBy = 'REVIEW_NOT_ALLOWED_YET';
    }
    return { orderId: order.id, review: row ? this.view(ctx, row) : null, canReview: onBuyerSide && blockedBy === null, blockedBy };
  }

  /**
   * Public lists, newest first, cursor paged: a product's reviews (orders that contained it) or a supplier's. One
   * query per page whatever its size (the buyer's masked name and the products are stored with the review).
   * buyerCompanyId: the reviews a buyer company wrote (its members with company.orders.view).
   */
  async list(ctx: RequestContext, q: { productId?: string | undefined; companyId?: string | undefined; buyerCompanyId?: string | undefined; cursor?: string | undefined; limit: number }) {
    const given = [q.productId, q.companyId, q.buyerCompanyId].filter(Boolean).length;
    if (given !== 1) throw new DomainError(ReviewsErrors.REVIEW_QUERY_INVALID);
    let target: store.ListTarget;
    if (q.productId) target = { productId: q.productId };
    else if (q.companyId) target = { companyId: q.companyId };
    else {
      authorize(ctx, 'company.orders.view', q.buyerCompanyId!);
      target = { buyerCompanyId: q.buyerCompanyId! };
    }
    const rows = await store.listReviews(this.db, { target, beforeId: decodeCursor(q.cursor), limit: q.limit });
    const { items, nextCursor } = page(rows, q.limit);
    return { items: items.map((r) => this.view(ctx, r)), nextCursor };
  }

  /** Count, averages (1–5, two decimals) and star distribution of a supplier's or a product's reviews. One query. */
  async summary(target: { companyId: string } | { productId: string }): Promise<ReviewSummary> {
    const s = await store.summary(this.db, target);
    const overall = s.count === 0 ? null : ((s.quality ?? 0) + (s.shipping ?? 0) + (s.service ?? 0)) / 3;
    return {
      count: s.count,
      averages: { quality: round2(s.quality), shipping: round2(s.shipping), service: round2(s.service), overall: round2(overall) },
      replied: s.replied,
      stars: { 1: s.stars[1], 2: s.stars[2], 3: s.stars[3], 4: s.stars[4], 5: s.stars[5] },
    };
  }
}

/** One item per product of the order (lines of several SKUs of one product collapse), lines without a product dropped. */
function uniqueItems(lines: OrderForReview['lines']): store.ReviewItem[] {
  const seen = new Map<string, store.ReviewItem>();
  for (const l of lines) {
    if (l.productId && !seen.has(l.productId)) seen.set(l.productId, { productId: l.productId, titleZh: l.titleZh, titleEn: l.titleEn });
  }
  return [...seen.values()];
}
