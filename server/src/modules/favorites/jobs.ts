import { z } from 'zod';
import { enqueueJob } from '../../platform/jobs.js';
import type { Platform } from '../../platform/platform.js';
import { PRODUCT_EVENT_TYPES } from '../catalog/index.js';
import type { FavoritesService } from './service.js';
import { hasProductFavorites } from './store.js';

/**
 * Alerts follow the catalog's product events. The handler only enqueues (one job per event, no unique key, so an
 * event arriving while an earlier job runs is never swallowed): the job reads the product through the catalog's
 * index, which must not run inside the handler's transaction (PGlite has one connection). Each job is idempotent:
 * the bookmark's alert state moves with the notice in one transaction, and facts older than it are ignored.
 */
export function defineFavoritesJobs(platform: Platform, favorites: FavoritesService): void {
  platform.events.register({
    name: 'favorites.follow_products',
    types: PRODUCT_EVENT_TYPES.filter((t) => t !== 'product.created'),
    handle: async (event, trx) => {
      const productId = (event.payload as { productId?: unknown }).productId ?? event.subjectId;
      // Most products are nobody's favorite (imports, the demo catalog): only those someone saved get a job.
      if (typeof productId === 'string' && (await hasProductFavorites(trx, productId))) {
        await enqueueJob(trx, { kind: 'favorites.check_product', payload: { productId } });
      }
    },
  });
  platform.jobs.define('favorites.check_product', z.object({ productId: z.uuid() }), async ({ productId }, ctx) => {
    const result = await favorites.checkProduct(productId);
    if (result.priceDrops || result.backInStock) ctx.log.info({ productId, ...result }, 'favorites alerts sent');
  });
}
