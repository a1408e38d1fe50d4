import type { RequestContext } from '../../platform/context.js';
import { recordEvent, recordEvents } from '../../platform/events.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import { NOTHING_MEASURED, RATING_EVENT_TYPES, factsFromEvents, type MeasuredFacts } from './facts.js';
import { scorecardV2, type CreditFacts, type Rating } from './scorecard.js';
import * as store from './store.js';

const gradeOf = (row: store.RatingRow | undefined) => (row?.graded ? row.grade : null);

export interface Deps {
  companies: AccountsModule['companies'];
  /** Batch reader of the response-metrics module: each company's 30-day response rate (null: nothing measured). */
  responseRates: (companyIds: string[]) => Promise<Map<string, { responseRate: number | null }>>;
  /** Batch reader of the service-metrics module: on-time shipping, lost disputes, payment punctuality, completed orders. */
  serviceFacts: (companyIds: string[]) => Promise<Map<string, Omit<MeasuredFacts, 'responseRate'>>>;
}

export class CreditService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
    private readonly scorecard: (facts: CreditFacts) => Rating = scorecardV2,
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /** The company's facts, folded from its events. */
  async facts(companyId: string, now = new Date()): Promise<CreditFacts> {
    const [events, measured] = await Promise.all([store.ratingEvents(this.db, [companyId], RATING_EVENT_TYPES), this.measured([companyId])]);
    return factsFromEvents(events.get(companyId) ?? [], now, measured.get(companyId));
  }

  private async measured(companyIds: string[]): Promise<Map<string, MeasuredFacts>> {
    const [rates, service] = await Promise.all([this.deps.responseRates(companyIds), this.deps.serviceFacts(companyIds)]);
    return new Map(companyIds.map((id) => [id, { ...NOTHING_MEASURED, ...service.get(id), responseRate: rates.get(id)?.responseRate ?? null }]));
  }

  /** Unverified companies have no grade, whatever the scorecard: the rule is the platform's, not a version's. */
  private rate(facts: CreditFacts): store.GradedRating {
    return { ...this.scorecard(facts), graded: facts.verified };
  }

  /** Same version and the same points for every factor: no new row (day counts in the texts may lag a little). */
  private sameAs(latest: store.RatingRow | undefined, rating: store.GradedRating): boolean {
    if (!latest || latest.scorecard_version !== rating.version || Number(latest.score) !== rating.score || latest.graded !== rating.graded) return false;
    const points = (fs: Rating['factors']) => fs.map((f) => `${f.key}:${f.points}`).sort().join(',');
    return points(latest.factors) === points(rating.factors);
  }

  /**
   * Every company, from the event log, in pages of companies: a rating row and a credit.rating_changed event
   * only where something changed. Returns counts for the nightly log and the benchmark.
   */
  async recomputeAll(now = new Date(), pageSize = 2000): Promise<{ companies: number; events: number; changed: number }> {
    let after: string | null = null;
    const totals = { companies: 0, events: 0, changed: 0 };
    for (;;) {
      const ids = await store.companiesAfter(this.db, after, pageSize);
      if (ids.length === 0) return totals;
      after = ids[ids.length - 1]!;
      const [events, latest, measured] = await Promise.all([store.ratingEvents(this.db, ids, RATING_EVENT_TYPES), store.latestRatings(this.db, ids), this.measured(ids)]);
      const changed: Array<{ id: string; companyId: string; rating: store.GradedRating }> = [];
      for (const id of ids) {
        const own = events.get(id) ?? [];
        totals.events += own.length;
        const rating = this.rate(factsFromEvents(own, now, measured.get(id)));
        if (!this.sameAs(latest.get(id), rating)) changed.push({ id: uuidv7(), companyId: id, rating });
      }
      if (changed.length) {
        await this.platform.database.transaction(async (trx) => {
          await store.insertRatings(trx, changed);
          await recordEvents(trx, changed.map((c) => ({
            type: 'credit.rating_changed', actorUserId: null, companyId: c.companyId, subjectType: 'credit_rating', subjectId: c.id,
            payload: { grade: c.rating.graded ? c.rating.grade : null, score: c.rating.score, version: c.rating.version, previousGrade: gradeOf(latest.get(c.companyId)) },
          })));
        });
      }
      totals.companies += ids.length;
      totals.changed += changed.length;
    }
  }

  /** Computes and stores a rating when it differs from the latest; returns the current one. */
  async recompute(companyId: string): Promise<store.RatingRow> {
    const rating = this.rate(await this.facts(companyId));
    const [latest] = await store.history(this.db, companyId, 1);
    if (latest && this.sameAs(latest, rating)) return latest;
    return this.platform.database.transaction(async (trx) => {
      const row = await store.insertRating(trx, uuidv7(), companyId, rating);
      await recordEvent(trx, { type: 'credit.rating_changed', actorUserId: null, companyId, subjectType: 'credit_rating', subjectId: row.id, payload: { grade: rating.graded ? rating.grade : null, score: rating.score, version: rating.version, previousGrade: gradeOf(latest) } });
      return row;
    });
  }

  /** Each company's current grade as stored (null: not graded, or no rating yet): one query for a list of companies' cards. */
  async currentGrades(companyIds: string[]): Promise<Map<string, ReturnType<typeof gradeOf>>> {
    const latest = await store.latestRatings(this.db, [...new Set(companyIds)]);
    return new Map(companyIds.map((id) => [id, gradeOf(latest.get(id))]));
  }

  /**
   * Each company's current grade and score (trust marks on lists): one query for those rated; a company never rated is
   * rated now, as view() does, so its marks match its rating page (once: afterwards its rating is stored).
   */
  async currentRatings(companyIds: string[]): Promise<Map<string, { grade: ReturnType<typeof gradeOf>; score: number }>> {
    const ids = [...new Set(companyIds)];
    const latest = await store.latestRatings(this.db, ids);
    for (const id of ids) if (!latest.has(id)) latest.set(id, await this.recompute(id));
    return new Map(ids.map((id) => [id, { grade: gradeOf(latest.get(id)), score: Number(latest.get(id)!.score) }]));
  }

  /** The grade with every dimension and factor behind it, and the history; public, like a printed rating. */
  async view(ctx: RequestContext, companyId: string) {
    await this.deps.companies.get(ctx, companyId);
    let rows = await store.history(this.db, companyId, 24);
    if (rows.length === 0) rows = [await this.recompute(companyId)];
    const current = rows[0]!;
    return {
      grade: gradeOf(current),
      score: Number(current.score),
      scorecardVersion: current.scorecard_version,
      computedAt: current.computed_at,
      dimensions: current.dimensions,
      factors: current.factors,
      history: rows.map((r) => ({ grade: gradeOf(r), score: Number(r.score), computedAt: r.computed_at })).reverse(),
    };
  }
}
