import { z } from 'zod';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import type { SearchService } from './service.js';
import * as store from './store.js';

export const PRODUCT_EVENTS = ['product.created', 'product.updated', 'product.published', 'product.delisted', 'product.taken_down', 'product.deleted'] as const;
export const CATEGORY_EVENTS = ['category.updated'] as const;
/** A product's recent sales moved (service metrics): its product factor changes. */
export const PRODUCT_SALES_EVENTS = ['product_sales.changed'] as const;
/** Supplier facts the index keeps: names and region (accounts), verification (trust), TrustPass, credit grade, response rate, service metrics. */
export const SUPPLIER_EVENTS = [
  'company.created', 'company.updated', 'company.logo_changed',
  'verification.approved', 'verification.rejected', 'verification.revoked', 'verification.field_recorded',
  'trustpass.activated', 'credit.rating_changed', 'response_metrics.changed', 'service_metrics.changed',
] as const;

const nextNightly = (now: Date) => {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 19));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

/**
 * The handler only notes what changed (search_dirty, in the event's own handling transaction) and queues a sync:
 * the sync reads other modules through their services, which must not run inside that transaction (PGlite has
 * one connection). One job per event and no unique key, so an event arriving while a sync runs is never
 * swallowed; a sync that finds the queue already drained costs one small query.
 */
export function defineSearchJobs(platform: Platform, search: SearchService): void {
  platform.events.register({
    name: 'search.index_on_change',
    types: [...PRODUCT_EVENTS, ...PRODUCT_SALES_EVENTS, ...CATEGORY_EVENTS, ...SUPPLIER_EVENTS],
    handle: async (event, trx) => {
      const payload = event.payload as { productId?: unknown; categoryId?: unknown };
      const mark = uuidv7();
      if (event.type.startsWith('product.') || event.type === 'product_sales.changed') {
        const id = typeof payload.productId === 'string' ? payload.productId : event.subjectId;
        await store.markDirty(trx, 'product', [id], mark);
      } else if (event.type === 'category.updated') {
        const id = typeof payload.categoryId === 'string' ? payload.categoryId : event.subjectId;
        await store.markDirty(trx, 'category', [id], mark);
      } else if (event.companyId) {
        await store.markDirty(trx, 'company', [event.companyId], mark);
      } else {
        return;
      }
      await enqueueJob(trx, { kind: 'search.sync' });
    },
  });
  platform.jobs.define('search.sync', z.unknown(), async (_payload, ctx) => {
    const done = await search.syncDirty();
    if (done.categories + done.companies + done.products > 0) ctx.log.debug(done, 'search index synced');
  });
  platform.jobs.defineRecurring('search.nightly', nextNightly, async (ctx) => {
    ctx.log.info(await search.nightly(), 'nightly search supplier refresh');
  });
  platform.jobs.define('search.backfill', z.unknown(), async (_payload, ctx) => {
    if (await search.needsBackfill()) ctx.log.info(await search.rebuild(), 'search index built from the catalog and suppliers');
  });
}

/**
 * Queued at start (main.ts): an installation whose products or companies predate the search module (their events
 * were delivered before its handler existed) gets its index built once, in the worker, without delaying the start.
 */
export async function scheduleBackfill(platform: Platform): Promise<void> {
  await enqueueJob(platform.database.db, { kind: 'search.backfill', uniqueKey: 'search.backfill' });
}
