import { z } from 'zod';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import { PRODUCT_EVENT_TYPES } from '../catalog/index.js';
import type { StorefrontService } from './service.js';

/**
 * Handlers only enqueue: the work reads other modules through their services, which must not run inside the
 * handler's transaction (PGlite has one connection). Jobs carry no unique key on purpose: one per event, each
 * idempotent, so an event arriving while an earlier job runs is never swallowed.
 */
export function defineStorefrontJobs(platform: Platform, storefront: StorefrontService): void {
  platform.events.register({
    name: 'storefront.open_shop_for_supplier',
    types: ['company.created', 'company.updated'],
    handle: async (event, trx) => {
      if (event.companyId) await enqueueJob(trx, { kind: 'storefront.ensure_shop', payload: { companyId: event.companyId } });
    },
  });
  platform.jobs.define('storefront.ensure_shop', z.object({ companyId: z.uuid() }), async ({ companyId }) => {
    await storefront.ensureShop(companyId);
  });

  platform.events.register({
    name: 'storefront.follow_products',
    types: PRODUCT_EVENT_TYPES,
    handle: async (event, trx) => {
      const productId = (event.payload as { productId?: unknown }).productId ?? event.subjectId;
      if (typeof productId === 'string') await enqueueJob(trx, { kind: 'storefront.sync_product', payload: { productId } });
    },
  });
  platform.jobs.define('storefront.sync_product', z.object({ productId: z.uuid() }), async ({ productId }) => {
    await storefront.syncProducts([productId]);
  });

  platform.jobs.define('storefront.backfill', z.unknown(), async (_payload, ctx) => {
    ctx.log.info(await storefront.backfill(), 'storefront backfill');
  });
}

/** Queued at start (main.ts): runs in the worker so a large directory never delays listening. */
export async function scheduleBackfill(platform: Platform): Promise<void> {
  await enqueueJob(platform.database.db, { kind: 'storefront.backfill', uniqueKey: 'storefront.backfill' });
}
