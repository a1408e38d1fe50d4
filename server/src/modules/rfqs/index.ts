import type { App } from '../../platform/http/server.js';
import type { Platform } from '../../platform/platform.js';
import { defineRfqJobs } from './jobs.js';
import type { Deps } from './ports.js';
import { registerRfqRoutes } from './routes.js';
import { RfqsService } from './service.js';

export type { AcceptedQuoteTerms, QuoteCardSnapshot } from './service.js';
export type { CatalogPort, ResponseRates } from './ports.js';
export type { RfqEvent, RfqEventType } from './events.js';
export type { QuoteStatus, RfqStatus } from './states.js';
export { MATCH_CAP } from './service.js';
export { RFQ_NOTIFICATION_KINDS } from './kinds.js';

/**
 * RFQs (询价单) and quotes (报价): buyers post needs, matching suppliers are told and quote (within their monthly
 * quota), buyers compare, ask, shortlist, accept one, decline, close; a sweep expires RFQs and reminds buyers.
 */
export function createRfqsModule(platform: Platform, deps: Deps) {
  const rfqs = new RfqsService(platform, deps);
  defineRfqJobs(platform, rfqs);
  return {
    rfqs,
    quotes: {
      /** For the trade issue: the accepted quote's full terms (null unless accepted). */
      acceptedTerms: (quoteId: string) => rfqs.acceptedTerms(quoteId),
      /** For chat: the quote's card when that supplier made it on an RFQ of that buyer company (not withdrawn), else null. */
      cardFor: (quoteId: string, parties: { buyerCompanyId: string | null; supplierCompanyId: string }) => rfqs.cardFor(quoteId, parties),
    },
    registerRoutes(app: App) {
      registerRfqRoutes(app, rfqs);
    },
  };
}

export type RfqsModule = ReturnType<typeof createRfqsModule>;
