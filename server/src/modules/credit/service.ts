import { systemContext, type RequestContext } from '../../platform/context.js';
import { recordEvent } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import type { TrustModule } from '../trust/index.js';
import type { TrustpassModule } from '../trustpass/index.js';
import { scorecardV1, type CreditFacts, type Rating } from './scorecard.js';
import * as store from './store.js';

const DAY = 86_400_000;

export interface Deps {
  companies: AccountsModule['companies'];
  verification: TrustModule['verification'];
  trustpass: TrustpassModule['trustpass'];
}

export class CreditService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
    private readonly scorecard: (facts: CreditFacts) => Rating = scorecardV1,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /** Gathers the facts from the modules that own them. Trade and service facts arrive with the trade issue. */
  async facts(companyId: string, now = new Date()): Promise<CreditFacts> {
    const ctx = systemContext();
    const [company, verification, membership] = await Promise.all([
      this.deps.companies.get(ctx, companyId),
      this.deps.verification.facts(companyId),
      this.deps.trustpass.status(ctx, companyId, now),
    ]);
    return {
      verified: verification.verified,
      fieldVerified: verification.fieldVerified,
      verifiedDays: verification.verifiedAt ? Math.floor((now.getTime() - verification.verifiedAt.getTime()) / DAY) : 0,
      rejectedVerifications: verification.rejected,
      platformDays: Math.floor((now.getTime() - company.createdAt.getTime()) / DAY),
      trustpassYears: membership.trustpassYears,
      trustpassActive: membership.status === 'active' || membership.status === 'grace',
      completedOrders: 0,
      tradeVolumeYuan: 0,
      onTimeShipRate: null,
      responseRate: null,
      disputesLost: 0,
    };
  }

  /** Computes and stores a rating when it differs from the latest; returns the current one. */
  async recompute(companyId: string): Promise<store.RatingRow> {
    const rating = this.scorecard(await this.facts(companyId));
    const [latest] = await store.history(this.db, companyId, 1);
    if (latest && latest.scorecard_version === rating.version && Number(latest.score) === rating.score && JSON.stringify(latest.factors) === JSON.stringify(rating.factors)) return latest;
    return this.platform.database.transaction(async (trx) => {
      const row = await store.insertRating(trx, uuidv7(), companyId, rating);
      await recordEvent(trx, { type: 'credit.rating_changed', actorUserId: null, companyId, subjectType: 'credit_rating', subjectId: row.id, payload: { grade: rating.grade, score: rating.score, version: rating.version, previousGrade: latest?.grade ?? null } });
      return row;
    });
  }

  /** The grade with every dimension and factor behind it, and the history; public, like a printed rating. */
  async view(ctx: RequestContext, companyId: string) {
    await this.deps.companies.get(ctx, companyId);
    let rows = await store.history(this.db, companyId, 24);
    if (rows.length === 0) rows = [await this.recompute(companyId)];
    const current = rows[0]!;
    return {
      grade: current.grade,
      score: Number(current.score),
      scorecardVersion: current.scorecard_version,
      computedAt: current.computed_at,
      dimensions: current.dimensions,
      factors: current.factors,
      history: rows.map((r) => ({ grade: r.grade, score: Number(r.score), computedAt: r.computed_at })).reverse(),
    };
  }
}
