import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import type { StoredEvent } from '../../platform/events.js';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import type { AccountsModule } from '../accounts/index.js';
import { DEADLINE_SECONDS, WINDOW_DAYS, summarize, threadClocks, weeklyTrend, windowStart, type Summary } from './clocks.js';
import { itemOf, recordChanged } from './events.js';
import * as store from './store.js';

export interface Deps {
  companies: AccountsModule['companies'];
}

export interface Rate {
  responseRate: number | null;
  medianFirstResponseSeconds: number | null;
}

const TREND_WEEKS = 12;
const DAY_MS = 86_400_000;

const emptySummary = (): Summary => {
  const counts = { answeredWithin24h: 0, measured: 0, pending: 0, responseRate: null, medianFirstResponseSeconds: null };
  return { ...counts, bySource: { inquiry: { ...counts }, chat: { ...counts } } };
};

export class ResponseMetricsService {
  constructor(
    private readonly platform: Platform,
    private readonly deps: Deps,
    /** The clock the cached summaries are computed at (tests compute as of fixed moments through compute()). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private get db() {
    return this.platform.database.db;
  }

  /**
   * An inquiry or chat event: keep its item, re-derive the thread's clocks from all of its items (so late or
   * out-of-order delivery gives the same clocks), refresh the supplier's summary when they changed, and queue a
   * refresh for the moment an open clock reaches its 24 hours. Runs in the event handler's transaction.
   */
  async record(trx: Db, event: StoredEvent): Promise<void> {
    const item = itemOf(event);
    if ('invalid' in item) {
      this.platform.log.warn({ eventId: event.id, type: event.type, problem: item.invalid }, 'response metrics: event payload does not fit the contract; skipped');
      return;
    }
    if (!(await store.insertItem(trx, item))) return;
    const clocks = threadClocks(item.sourceKind, await store.threadItems(trx, item.sourceKind, item.threadId));
    const changed = await store.replaceThreadClocks(trx, item.sourceKind, item.threadId, clocks);
    if (changed.length === 0) return;
    const now = this.clock();
    for (const c of clocks) {
      const deadline = new Date(c.openedAt.getTime() + DEADLINE_SECONDS * 1000 + 1000);
      if (c.answeredAt === null && deadline > now) {
        await enqueueJob(trx, { kind: 'response_metrics.refresh', payload: { companyId: c.supplierCompanyId }, runAt: deadline, uniqueKey: `response_metrics.deadline:${c.sourceKind}:${c.sourceId}` });
      }
    }
    await this.refreshIn(trx, changed, now);
  }

  /**
   * Recomputes the cached summaries of these suppliers as of now; records response_metrics.changed for each whose
   * rate or median moved. Returns how many moved.
   */
  async refreshIn(trx: Db, supplierIds: string[], now: Date = this.clock()): Promise<number> {
    const [clocks, previous] = await Promise.all([store.clocksSince(trx, supplierIds, windowStart(now)), store.summaries(trx, supplierIds)]);
    const rows: store.SummaryRow[] = [];
    let moved = 0;
    for (const id of supplierIds) {
      const next = summarize(clocks.get(id) ?? [], now);
      const before = previous.get(id);
      rows.push({ ...next, supplierCompanyId: id, computedAt: now });
      const prevRate = before?.responseRate ?? null;
      const prevMedian = before?.medianFirstResponseSeconds ?? null;
      if (prevRate !== next.responseRate || prevMedian !== next.medianFirstResponseSeconds) {
        moved++;
        await recordChanged(trx, {
          supplierCompanyId: id, responseRate: next.responseRate, medianFirstResponseSeconds: next.medianFirstResponseSeconds,
          previousResponseRate: prevRate, previousMedianFirstResponseSeconds: prevMedian, measured: next.measured,
        });
      }
    }
    await store.upsertSummaries(trx, rows);
    return moved;
  }

  async refresh(companyId: string): Promise<void> {
    await this.platform.database.transaction((trx) => this.refreshIn(trx, [companyId]).then(() => undefined));
  }

  /** Nightly: the 30-day window slides, so every cached summary is recomputed (a page of suppliers per transaction). */
  async refreshAll(pageSize = 500): Promise<{ suppliers: number; changed: number }> {
    const totals = { suppliers: 0, changed: 0 };
    let after: string | null = null;
    for (;;) {
      const ids = await store.summarySuppliersAfter(this.db, after, pageSize);
      if (ids.length === 0) return totals;
      after = ids[ids.length - 1]!;
      totals.changed += await this.platform.database.transaction((trx) => this.refreshIn(trx, ids));
      totals.suppliers += ids.length;
    }
  }

  /** The metrics as of any moment, computed from the clocks (not the cache): the definition's tests and the trend. */
  async compute(companyId: string, now: Date): Promise<Summary> {
    const clocks = await store.clocksSince(this.db, [companyId], windowStart(now));
    return summarize(clocks.get(companyId) ?? [], now);
  }

  /** Batch reader for other modules (credit, search): the cached rate and median; nulls for suppliers with nothing measured. */
  async ratesOf(companyIds: string[]): Promise<Map<string, Rate>> {
    const ids = [...new Set(companyIds)];
    const found = await store.summaries(this.db, ids);
    return new Map(ids.map((id) => {
      const s = found.get(id);
      return [id, { responseRate: s?.responseRate ?? null, medianFirstResponseSeconds: s?.medianFirstResponseSeconds ?? null }];
    }));
  }

  /** Public: the company's metrics over the last 30 days, with the breakdown by source. */
  async view(ctx: RequestContext, companyId: string) {
    await this.deps.companies.get(ctx, companyId);
    const row = (await store.summaries(this.db, [companyId])).get(companyId);
    const s = row ?? { ...emptySummary(), computedAt: this.clock() };
    return {
      companyId, windowDays: WINDOW_DAYS, responseRate: s.responseRate, answeredWithin24h: s.answeredWithin24h, measured: s.measured, pending: s.pending,
      medianFirstResponseSeconds: s.medianFirstResponseSeconds, computedAt: s.computedAt, bySource: s.bySource,
    };
  }

  /** Public: up to 50 companies at once, for trust-mark strips on lists. Unknown ids read as nothing measured. */
  async many(companyIds: string[]) {
    const found = await store.summaries(this.db, companyIds);
    return companyIds.map((companyId) => {
      const s = found.get(companyId);
      return { companyId, responseRate: s?.responseRate ?? null, medianFirstResponseSeconds: s?.medianFirstResponseSeconds ?? null, measured: s?.measured ?? 0 };
    });
  }

  /** Public: weekly response rates over the last 12 weeks (by the week an item opened, counted as of now). */
  async trend(ctx: RequestContext, companyId: string) {
    await this.deps.companies.get(ctx, companyId);
    const now = this.clock();
    const clocks = await store.clocksSince(this.db, [companyId], new Date(now.getTime() - TREND_WEEKS * 7 * DAY_MS));
    return { companyId, weeks: weeklyTrend(clocks.get(companyId) ?? [], now, TREND_WEEKS) };
  }
}
