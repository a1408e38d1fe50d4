import type { RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { ReviewsErrors } from './errors.js';
import { REVIEW_NOTIFICATION_KINDS } from './kinds.js';
import type { Deps } from './ports.js';
import { registerReviewRoutes } from './routes.js';
import { createBody, replyBody } from './schemas.js';
import { ReviewsService } from './service.js';

export type { ReviewEvent, ReviewEventType, ReviewScores } from './events.js';
export { REVIEW_EVENT_TYPES } from './events.js';
export type { Deps as ReviewsDeps, OrderForReview, OrdersPort } from './ports.js';
export type { ReviewSummary, ReviewView } from './service.js';
export { REVIEW_NOTIFICATION_KINDS } from './kinds.js';
export { maskedBuyer, REVIEWABLE_STATUSES } from './service.js';

/**
 * Reviews (评价): the buyer company's one review of a received order — quality, shipping, service (1–5) and a text —
 * and the supplier's one reply; public lists on product and shop pages that never name the buyer; summaries.
 * Decisions in docs/reviews.md.
 */
export function createReviewsModule(platform: Platform, deps: Deps) {
  const reviews = new ReviewsService(platform, deps);
  deps.notifications.registerKinds(REVIEW_NOTIFICATION_KINDS);
  return {
    reviews,
    /** Review summaries for other modules (supplier cards): count and averages. */
    summary: (target: { companyId: string } | { productId: string }) => reviews.summary(target),
    registerRoutes(app: App) {
      registerReviewRoutes(app, reviews);
    },
  };
}

export type ReviewsModule = ReturnType<typeof createReviewsModule>;

/** One review for the demo seed: written as the buyer's member, optionally answered as the supplier's. */
export interface SeedReview {
  orderId: string;
  /** A member of the buyer company with company.orders.place. */
  buyer: RequestContext;
  quality: number;
  shipping: number;
  service: number;
  text: string;
  /** A member of the supplier company with company.orders.fulfil, and the reply. */
  reply?: { supplier: RequestContext; text: string } | undefined;
}

/**
 * The demo seed's hook: writes reviews (and replies) through the same service calls as the API, so events,
 * notifications and rules are real. Idempotent: an order already reviewed is left as it is (its reply added if
 * missing). Orders not yet received are an error of the seed plan, thrown as the API would.
 */
export async function seedReviews(module: Pick<ReviewsModule, 'reviews'>, plan: SeedReview[]): Promise<{ created: number; replied: number }> {
  let created = 0;
  let replied = 0;
  for (const item of plan) {
    const state = await module.reviews.forOrder(item.buyer, item.orderId);
    let review = state.review;
    if (!review) {
      try {
        // The API's own validation first (scores 1–5, text length), then the same service call.
        const body = createBody.parse({ orderId: item.orderId, quality: item.quality, shipping: item.shipping, service: item.service, text: item.text });
        review = await module.reviews.create(item.buyer, body);
        created++;
      } catch (err) {
        if (!(err instanceof DomainError && err.code === ReviewsErrors.REVIEW_ALREADY_EXISTS)) throw err;
        review = (await module.reviews.forOrder(item.buyer, item.orderId)).review;
      }
    }
    if (item.reply && review && review.reply === null) {
      try {
        await module.reviews.reply(item.reply.supplier, review.id, replyBody.parse({ text: item.reply.text }).text);
        replied++;
      } catch (err) {
        if (!(err instanceof DomainError && err.code === ReviewsErrors.REVIEW_ALREADY_REPLIED)) throw err;
      }
    }
  }
  return { created, replied };
}
